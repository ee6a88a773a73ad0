// Issue 15, small findings over HTTP: impossible dates and paging refused with a 400 naming the field,
// null kept as null in bodies, the 413 naming the real limit, traversal paths a quiet 404, and slow
// clients cut off by the server's time-outs.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiErrorBody } from "../contract/common.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, TEST_AUTH, type TestClient } from "../test/auth-helpers.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp, SERVER_TIMEOUTS } from "./build-app.ts";

describe.each(testDialects())("request hardening on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let planner: TestClient;
  let admin: TestClient;

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    app = await buildApp({ db: store().db, dialect, extract: fixtureExtract, auth: TEST_AUTH });
    planner = await signIn(app, "planner");
    admin = await signIn(app, "admin");
  });
  afterEach(async () => {
    await app.close();
  });

  const refused = (r: { statusCode: number; body: string; json: <T>() => T }, field: string) => {
    expect(r.statusCode, `${field}: ${r.body}`).toBe(400);
    expect(r.json<ApiErrorBody>().message).toContain(field);
  };

  it("refuse impossible dates, periods and pages with a 400 naming the field", async () => {
    const plan = world.planId;
    refused(
      await planner.inject({ method: "GET", url: `/api/plans/${plan}/status?asOf=2020-02-30` }),
      "asOf",
    );
    expect(
      (await planner.inject({ method: "GET", url: `/api/plans/${plan}/status?asOf=2020-02-29` })).statusCode,
    ).toBe(200);
    refused(await planner.inject({ method: "GET", url: `/api/plans/${plan}/due?asOf=2024-99-99` }), "asOf");
    refused(
      await planner.inject({
        method: "POST",
        url: `/api/plans/${plan}/extensions`,
        payload: {
          subjectKind: "target",
          subjectId: world.targetIds[0],
          period: "2020-04",
          reason: "x",
          requestedDueDate: "2024-99-99",
        },
      }),
      "requestedDueDate",
    );
    refused(
      await planner.inject({ method: "GET", url: `/api/plans/${plan}/reports?period=2020-13` }),
      "period",
    );
    refused(await admin.inject({ method: "GET", url: "/api/admin/audit?from=2020-13-01" }), "from");
    refused(await admin.inject({ method: "GET", url: "/api/admin/audit?to=2020-01-01T25:00" }), "to");
    refused(await admin.inject({ method: "GET", url: "/api/admin/audit?page=1e309" }), "page");
    expect(
      (await admin.inject({ method: "GET", url: "/api/admin/audit?from=2020-01-01&to=2020-01-02T08:00:00Z" }))
        .statusCode,
    ).toBe(200);
    // The export says so before it starts: no 200 with half a file.
    refused(await admin.inject({ method: "GET", url: "/api/admin/audit/export?from=2020-13-01" }), "from");
    const csv = await admin.inject({ method: "GET", url: "/api/admin/audit/export?from=2020-01-01" });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split("\r\n").length).toBeGreaterThan(2);
  });

  it("keep null as null in a body (PATCH value: null stores null, not 0)", async () => {
    const id = world.targetIds[0] as number;
    const set = await planner.inject({
      method: "PATCH",
      url: `/api/targets/${id}`,
      payload: { baseline: 12 },
    });
    expect(set.statusCode, set.body).toBe(200);
    const cleared = await planner.inject({
      method: "PATCH",
      url: `/api/targets/${id}`,
      payload: { baseline: null },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json<{ baseline: number | null }>().baseline).toBeNull();
    const row = await store()
      .db.selectFrom("targets")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect((row as unknown as { baseline: number | null }).baseline).toBeNull();
    // A numeric target's value may not be null: refused by the service, not stored as 0.
    const noValue = await planner.inject({
      method: "PATCH",
      url: `/api/targets/${id}`,
      payload: { value: null },
    });
    expect(noValue.statusCode).toBe(400);
    expect(noValue.json<ApiErrorBody>().details).toMatchObject({ field: "value" });
    // Where null is not allowed it is refused, not turned into 0.
    refused(
      await planner.inject({ method: "PATCH", url: `/api/targets/${id}`, payload: { weight: null } }),
      "weight",
    );
  });

  it("name the JSON body limit (256 KB) in the 413", async () => {
    const response = await planner.inject({
      method: "PATCH",
      url: `/api/targets/${world.targetIds[0]}`,
      payload: { subject: "x".repeat(300 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<ApiErrorBody>().message).toContain("256 KB");
    expect(response.json<ApiErrorBody>().message).not.toContain("20 MB");
  });
});

describe("static files and slow clients", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "plantrack-web-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<html></html>");
    writeFileSync(join(dir, "assets", "app.js"), "x");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("answer a traversal path with a 404 and no error in the log", async () => {
    const errors: string[] = [];
    const app = await buildApp({
      db: {} as never,
      dialect: "sqlite",
      extract: fixtureExtract,
      webDist: dir,
      logger: {
        level: "info",
        stream: { write: (line: string) => (line.includes('"level":50') ? errors.push(line) : 0) },
      },
    });
    try {
      for (const url of [
        "/assets/..%2f..%2fpackage.json",
        "/assets/%2e%2e%2f%2e%2e%2fpackage.json",
        "/assets/%00.js",
      ]) {
        expect((await app.inject({ method: "GET", url })).statusCode, url).toBe(404);
      }
      expect((await app.inject({ method: "GET", url: "/assets/app.js" })).statusCode).toBe(200);
      expect(errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("set the time-outs on the server, and cut off a client whose body trickles in", async () => {
    const defaults = await buildApp({ db: {} as never, dialect: "sqlite", extract: fixtureExtract });
    expect(defaults.server.requestTimeout).toBe(SERVER_TIMEOUTS.requestMs);
    expect(defaults.server.headersTimeout).toBe(SERVER_TIMEOUTS.headersMs);
    expect(defaults.server.timeout).toBe(SERVER_TIMEOUTS.idleMs);
    await defaults.close();

    const app = await buildApp({
      db: {} as never,
      dialect: "sqlite",
      extract: fixtureExtract,
      timeouts: { headersMs: 500, requestMs: 1000, idleMs: 3000, checkEveryMs: 100 },
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const address = app.server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      const started = Date.now();
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect(port, "127.0.0.1", () => {
          socket.write(
            "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
          );
        });
        let answer = "";
        const trickle = setInterval(() => socket.write(" "), 100);
        socket.on("data", (d) => {
          answer += d.toString();
        });
        socket.on("close", () => {
          clearInterval(trickle);
          resolve(answer);
        });
        socket.on("error", () => {});
        setTimeout(() => {
          clearInterval(trickle);
          socket.destroy();
          resolve("still open");
        }, 8000);
      });
      expect(outcome).not.toBe("still open");
      expect(outcome === "" || outcome.startsWith("HTTP/1.1 408")).toBe(true);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await app.close();
    }
  });
});
