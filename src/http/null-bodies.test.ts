// Request bodies keep null as null (issue 14). Every nullable field of every route's body — read from
// the registered routes' schemas (the OpenAPI document), and from the schemas of the bodies a route
// checks itself (a JSON body that may come with files) — is sent as null, in a request that succeeds
// as it is, by someone the route lets in. The answer must be 400 bad_input, or 2xx with null kept:
// never a 500, never a 0 or "" where null was sent. A nullable field without a case here fails.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROUTE_ACCESS } from "../domain/access.ts";
import { signIn, type TestClient } from "../test/auth-helpers.ts";
import { buildMatrixWorld, type MatrixWorld } from "../test/matrix-world.ts";
import { NULL_CASES } from "../test/null-body-cases.ts";
import type { Caller, NullCase, NullContext } from "../test/null-body-readers.ts";
import { testApp } from "../test/test-app.ts";
import { createTestDatabase, testDialects, useTestDatabase } from "../test/test-databases.ts";
import { CloseRequestBodySchema, ProgressBodySchema } from "./routes/tasks-schemas.ts";

type Schema = Record<string, unknown>;

/**
 * Bodies a route validates itself (bodyValidator in src/http/routes): multipart with the JSON in a
 * field `body`, or plain JSON. The OpenAPI document cannot show them; the test below keeps this list
 * complete.
 */
const SELF_CHECKED: Record<string, { name: string; schema: object }> = {
  "POST /api/tasks/:id/progress": { name: "ProgressBodySchema", schema: ProgressBodySchema },
  "POST /api/tasks/:id/close-request": { name: "CloseRequestBodySchema", schema: CloseRequestBodySchema },
};

function isNullable(s: Schema): boolean {
  if (s.type === "null" || s.nullable === true) return true;
  if (Array.isArray(s.type) && s.type.includes("null")) return true;
  if (Array.isArray(s.enum) && s.enum.includes(null)) return true;
  return ["anyOf", "oneOf"].some((k) => Array.isArray(s[k]) && (s[k] as Schema[]).some(isNullable));
}

/** Paths ("changes/0/patch/value") of the nullable fields of a body schema; arrays by their first element. */
function nullablePaths(schema: Schema, path = "", out = new Set<string>()): Set<string> {
  if (path !== "" && isNullable(schema)) out.add(path);
  for (const k of ["anyOf", "oneOf", "allOf"]) {
    if (Array.isArray(schema[k])) for (const s of schema[k] as Schema[]) nullablePaths(s, path, out);
  }
  const properties = schema.properties as Record<string, Schema> | undefined;
  for (const [name, s] of Object.entries(properties ?? {}))
    nullablePaths(s, path ? `${path}/${name}` : name, out);
  if (schema.items && typeof schema.items === "object")
    nullablePaths(schema.items as Schema, `${path}/0`, out);
  return out;
}

/** The body with one field set to null; objects on the way are made, array elements must be there. */
function withNull(payload: unknown, path: string): unknown {
  const copy = structuredClone(payload) as Record<string, unknown>;
  const keys = path.split("/");
  let at = copy;
  for (const key of keys.slice(0, -1)) {
    if (at[key] === undefined) at[key] = {};
    at = at[key] as Record<string, unknown>;
    if (at === null || typeof at !== "object") throw new Error(`${path}: the sample has no object at ${key}`);
  }
  at[keys[keys.length - 1] as string] = null;
  return copy;
}

function has(payload: unknown, path: string): boolean {
  let at: unknown = payload;
  for (const key of path.split("/")) {
    if (at === null || typeof at !== "object") return false;
    at = (at as Record<string, unknown>)[key];
  }
  return at !== undefined && at !== null;
}

/** Every route with a body and its nullable fields, from the app as it registers them. */
async function discoverNullableFields(): Promise<Map<string, string[]>> {
  const store = await createTestDatabase("sqlite");
  const app = await testApp(store.db, "sqlite");
  try {
    const doc = (await app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
      paths: Record<string, Record<string, Schema>>;
    };
    const found = new Map<string, string[]>();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const content = (operation.requestBody as { content?: Record<string, { schema?: Schema }> })?.content;
        const schema = content?.["application/json"]?.schema;
        if (!schema) continue;
        found.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`, [...nullablePaths(schema)]);
      }
    }
    for (const [key, { schema }] of Object.entries(SELF_CHECKED)) {
      found.set(key, [...nullablePaths(schema as Schema)]);
    }
    return found;
  } finally {
    await app.close();
    await store.close();
  }
}

const BODIES = await discoverNullableFields();
const PAIRS = [...BODIES].flatMap(([route, fields]) => fields.map((field) => ({ route, field })));
const ROUTES_WITH_NULLS = [...BODIES].filter(([, fields]) => fields.length > 0).map(([route]) => route);

/** What each (route, field) pair came to, per dialect, for the summary at the end. */
const outcomes: string[] = [];

describe("the null test's coverage", () => {
  it("finds the routes' bodies and nullable fields, and every route is in the access table", () => {
    expect(BODIES.size).toBeGreaterThan(30);
    expect(PAIRS.length).toBeGreaterThan(50);
    expect([...BODIES.keys()].filter((route) => !ROUTE_ACCESS[route])).toEqual([]);
  });

  it("has a case for exactly the routes with a nullable field, naming each field once", () => {
    expect(ROUTES_WITH_NULLS.filter((route) => !NULL_CASES[route])).toEqual([]);
    expect(Object.keys(NULL_CASES).filter((route) => !ROUTES_WITH_NULLS.includes(route))).toEqual([]);
    for (const route of ROUTES_WITH_NULLS) {
      const c = NULL_CASES[route] as NullCase;
      const named = [...Object.keys(c.stored), ...Object.keys(c.notStored ?? {})].sort();
      expect(named, route).toEqual([...(BODIES.get(route) ?? [])].sort());
    }
  });

  it("knows every body a route checks itself", () => {
    const dir = join(import.meta.dirname, "routes");
    const used = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/bodyValidator(?:<[^>]*>)?\((\w+)\)/g)])
      .map((m) => m[1]);
    expect(used.sort()).toEqual(
      Object.values(SELF_CHECKED)
        .map((s) => s.name)
        .sort(),
    );
  });
});

describe.each(testDialects())("request bodies keep null as null on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let ctx: NullContext;

  beforeEach(async () => {
    const db = store().db;
    const w: MatrixWorld = await buildMatrixWorld(db);
    app = await testApp(db, dialect);
    const clients = new Map<Caller, TestClient>();
    ctx = {
      db,
      w,
      client: async (who) => {
        const known = clients.get(who);
        if (known) return known;
        const client = await signIn(app, w.usernames[who]);
        clients.set(who, client);
        return client;
      },
    };
    // Importing the plan and filing its reports takes seconds on a busy machine.
  }, 60_000);
  afterEach(async () => {
    await app.close();
  });

  async function send(c: NullCase, request: InjectOptions) {
    return (await ctx.client(c.as)).inject(request);
  }

  /** The request as it is succeeds and leaves a value in every stored field it sets. */
  async function baseline(route: string, c: NullCase): Promise<void> {
    const request = c.request(ctx.w);
    const response = await send(c, request);
    expect(response.statusCode, `${route} as it is: ${response.body}`).toBeLessThan(300);
    for (const [field, read] of Object.entries(c.stored)) {
      if (!has(request.payload, field)) continue;
      expect(await read(ctx, response.json()), `${route} ${field} before the null`).not.toBeNull();
    }
  }

  for (const route of ROUTES_WITH_NULLS) {
    it(`${route}: the sample succeeds and fills what it sets`, async () => {
      const c = NULL_CASES[route];
      if (!c) throw new Error(`no null case for ${route}`);
      await c.prepare?.(ctx);
      await baseline(route, c);
    });
  }

  for (const { route, field } of PAIRS) {
    it(`${route} ${field}: null is kept as null or refused with 400`, async () => {
      const c = NULL_CASES[route];
      if (!c) throw new Error(`no null case for ${route}`);
      await c.prepare?.(ctx);
      if (c.repeatable) await baseline(route, c);
      const request = c.request(ctx.w);
      const response = await send(c, { ...request, payload: withNull(request.payload, field) as object });
      expect(response.statusCode, response.body).not.toBeGreaterThanOrEqual(500);
      if (response.statusCode === 400) {
        expect(response.json().code, response.body).toBe("bad_input");
        outcomes.push(`${dialect} ${route} ${field}: 400 ${response.json().message}`);
        return;
      }
      expect(response.statusCode, `${route} ${field}: ${response.body}`).toBeLessThan(300);
      const reason = c.notStored?.[field];
      if (reason !== undefined) {
        outcomes.push(`${dialect} ${route} ${field}: ${response.statusCode}, not kept (${reason})`);
        return;
      }
      const read = c.stored[field];
      if (!read) throw new Error(`${route}: no reader for ${field}`);
      expect(await read(ctx, response.json()), `${route} ${field} after sending null`).toBeNull();
      outcomes.push(`${dialect} ${route} ${field}: ${response.statusCode}, kept as null`);
    });
  }
});

afterAll(() => {
  if (process.env.PLANTRACK_NULL_REPORT) console.log(outcomes.sort().join("\n"));
});
