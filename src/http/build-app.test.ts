import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiErrorBody } from "../contract/common.ts";
import type { ImportResult, PlanDetail, PlanSource, PlanSummary } from "../contract/plans.ts";
import type { TargetView } from "../contract/targets.ts";
import type { Database } from "../db/schema.ts";
import { createTestUser, signIn, TEST_AUTH, type TestClient } from "../test/auth-helpers.ts";
import { makeZip } from "../test/make-files.ts";
import { type MultipartFile, multipartBody } from "../test/multipart.ts";
import { FIXTURE_COUNTS, FIXTURE_TEXT, fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const TABLES: (keyof Database)[] = [
  "regions",
  "departments",
  "plans",
  "plan_sources",
  "outline_nodes",
  "targets",
  "items",
  "audit_log",
];

describe.each(testDialects())("HTTP API on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let api: TestClient;

  beforeEach(async () => {
    app = await buildApp({
      db: store().db,
      dialect: store().dialect,
      extract: fixtureExtract,
      auth: TEST_AUTH,
    });
    await createTestUser(store().db, { username: "admin", role: "admin" });
    api = await signIn(app, "admin");
  });
  afterEach(async () => {
    await app.close();
  });

  async function upload(
    file: Partial<MultipartFile> & { content: Uint8Array },
    fields: Record<string, string> = {},
  ) {
    const body = multipartBody(fields, [{ name: "file", fileName: "nankai-2020.txt", ...file }]);
    return api.inject({ method: "POST", url: "/api/plans/import", ...body });
  }

  async function importFixture(): Promise<ImportResult> {
    const response = await upload({ content: utf8(FIXTURE_TEXT) });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ImportResult>();
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of TABLES) {
      const row = await store()
        .db.selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }

  function expectError(
    response: { statusCode: number; json: <T>() => T },
    status: number,
    code: string,
  ): ApiErrorBody {
    expect(response.statusCode).toBe(status);
    const body = response.json<ApiErrorBody>();
    expect(body).toMatchObject({ code });
    expect(typeof body.message).toBe("string");
    expect(body.details).toBeTypeOf("object");
    return body;
  }

  it("report health with the dialect", async () => {
    const response = await api.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", version: expect.any(String), database: dialect });
  });

  it("import an uploaded plan, then list it, show it and its source", async () => {
    expect((await api.inject({ method: "GET", url: "/api/plans" })).json()).toEqual([]);
    const result = await importFixture();
    expect(result.summary).toEqual(FIXTURE_COUNTS);
    expect(result.plan).toMatchObject({
      title: "南开区2020年国民经济和社会发展计划",
      state: "draft",
      year: 2020,
    });

    const list = (await api.inject({ method: "GET", url: "/api/plans" })).json<PlanSummary[]>();
    expect(list).toEqual([result.plan]);

    const detailResponse = await api.inject({ method: "GET", url: `/api/plans/${result.planId}` });
    expect(detailResponse.statusCode).toBe(200);
    const detail = detailResponse.json<PlanDetail>();
    expect(detail.plan).toEqual(result.plan);
    expect(detail.outline).toHaveLength(9);
    expect(detail.targets).toHaveLength(6);
    expect(Object.keys(detail.targets[0] ?? {}).sort()).toEqual(
      [
        "id",
        "nodeId",
        "subject",
        "value",
        "value2",
        "unit",
        "displayUnit",
        "display",
        "comparator",
        "direction",
        "kind",
        "baseline",
        "dueDate",
        "frequency",
        "weight",
        "start",
        "end",
        "confidence",
        "source",
        "leadDepartment",
        "coDepartments",
        "suggestedDepartment",
        "stoppedAt",
        "stoppedReason",
        "attribute",
        "baselineYear",
        "targetYear",
        "annualGrowth",
        "statement",
      ].sort(),
    );

    const source = (
      await api.inject({ method: "GET", url: `/api/plans/${result.planId}/source` })
    ).json<PlanSource>();
    expect(source).toMatchObject({
      planId: result.planId,
      fileName: "nankai-2020.txt",
      encoding: "utf-8",
      text: FIXTURE_TEXT,
    });
    for (const t of detail.targets)
      expect(source.text.slice(t.start, t.end)).toContain(t.subject.slice(0, 2));
  });

  it("take region, year and a Chinese file name from the form", async () => {
    const response = await upload(
      { content: utf8(FIXTURE_TEXT), fileName: "南开区计划.txt" },
      { region: "南开区", year: "2021" },
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<ImportResult>().plan).toMatchObject({
      regionName: "南开区",
      year: 2021,
      fileName: "南开区计划.txt",
    });
  });

  it("answer 404 with our body for a missing plan, target, node and endpoint", async () => {
    expectError(await api.inject({ method: "GET", url: "/api/plans/999" }), 404, "not_found");
    expectError(await api.inject({ method: "GET", url: "/api/plans/999/source" }), 404, "not_found");
    expectError(
      await api.inject({ method: "PATCH", url: "/api/targets/999", payload: { value: 1 } }),
      404,
      "not_found",
    );
    expectError(
      await api.inject({ method: "PATCH", url: "/api/nodes/999", payload: { title: "x" } }),
      404,
      "not_found",
    );
    const body = expectError(await api.inject({ method: "GET", url: "/api/nothing" }), 404, "not_found");
    expect(body.message).toContain("/api/nothing");
    expectError(await api.inject({ method: "GET", url: "/api/plans/abc" }), 400, "bad_input");
  });

  describe("bad uploads get a clear 4xx and change nothing", () => {
    const cases: [string, () => Uint8Array, string, number, string, RegExp][] = [
      [
        "binary",
        () => new Uint8Array(4096).map((_, i) => (i * 131) % 256),
        "photo.txt",
        415,
        "unsupported_file",
        /^photo\.txt：二进制文件，不是文本$/,
      ],
      ["empty", () => new Uint8Array(), "empty.txt", 400, "empty_file", /文件为空/],
      [
        "25 MB",
        () => new Uint8Array(25 * 1024 * 1024).fill(0x41),
        "huge.txt",
        413,
        "file_too_large",
        /20 MB/,
      ],
      ["a zip of nothing", () => makeZip({}), "plan.docx", 415, "unsupported_file", /word\/document\.xml/],
      [
        "no plan in it",
        () => utf8("今天天气很好。"),
        "note.txt",
        422,
        "no_plan_content",
        /^note\.txt：没有找到计划内容（既无提纲标题也无指标）$/,
      ],
    ];
    for (const [label, content, fileName, status, code, message] of cases) {
      it(label, async () => {
        await importFixture();
        const before = await rowCounts();
        const body = expectError(await upload({ content: content(), fileName }), status, code);
        expect(body.message).toMatch(message);
        expect(body.message).toContain(fileName);
        expect(await rowCounts()).toEqual(before);
      });
    }

    it("not multipart, no file, a wrong field, a bad year or force", async () => {
      const before = await rowCounts();
      expectError(
        await api.inject({ method: "POST", url: "/api/plans/import", payload: { file: "x" } }),
        400,
        "bad_input",
      );
      const noFile = multipartBody({ region: "南开区" }, []);
      expectError(
        await api.inject({ method: "POST", url: "/api/plans/import", ...noFile }),
        400,
        "bad_input",
      );
      const wrongField = multipartBody({}, [
        { name: "document", fileName: "a.txt", content: utf8(FIXTURE_TEXT) },
      ]);
      expectError(
        await api.inject({ method: "POST", url: "/api/plans/import", ...wrongField }),
        400,
        "bad_input",
      );
      expectError(await upload({ content: utf8(FIXTURE_TEXT) }, { year: "20x0" }), 400, "bad_input");
      expectError(await upload({ content: utf8(FIXTURE_TEXT) }, { force: "maybe" }), 400, "bad_input");
      expect(await rowCounts()).toEqual(before);
    });
  });

  it("refuse a duplicate with 409 naming the plan, and import it with force", async () => {
    const first = await importFixture();
    const body = expectError(await upload({ content: utf8(FIXTURE_TEXT) }), 409, "conflict");
    expect(body.details).toMatchObject({ existingPlanIds: [first.planId] });
    const forced = await upload({ content: utf8(FIXTURE_TEXT) }, { force: "true" });
    expect(forced.statusCode).toBe(201);
    expect(forced.json<ImportResult>().duplicateOf).toEqual([first.planId]);
  });

  it("correct a target, refusing malformed bodies", async () => {
    const { planId } = await importFixture();
    const detail = (await api.inject({ method: "GET", url: `/api/plans/${planId}` })).json<PlanDetail>();
    const jobs = detail.targets.find((t) => t.subject === "新增就业") as TargetView;
    const response = await api.inject({
      method: "PATCH",
      url: `/api/targets/${jobs.id}`,
      payload: { value: 45000 },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TargetView>()).toMatchObject({ id: jobs.id, value: 45000, display: "4.5万人" });
    const reloaded = (await api.inject({ method: "GET", url: `/api/plans/${planId}` })).json<PlanDetail>();
    expect(reloaded.targets.find((t) => t.id === jobs.id)?.value).toBe(45000);

    const bad = expectError(
      await api.inject({ method: "PATCH", url: `/api/targets/${jobs.id}`, payload: { value: "many" } }),
      400,
      "bad_input",
    );
    expect(bad.message).toMatch(/value/);
    expectError(
      await api.inject({ method: "PATCH", url: `/api/targets/${jobs.id}`, payload: { valeu: 1 } }),
      400,
      "bad_input",
    );
    expectError(
      await api.inject({ method: "PATCH", url: `/api/targets/${jobs.id}`, payload: { comparator: "most" } }),
      400,
      "bad_input",
    );
    expectError(
      await api.inject({ method: "PATCH", url: `/api/targets/${jobs.id}`, payload: { dueDate: "tomorrow" } }),
      400,
      "bad_input",
    );
  });

  it("split, merge and add targets, correct a node and publish", async () => {
    const { planId } = await importFixture();
    const detail = (await api.inject({ method: "GET", url: `/api/plans/${planId}` })).json<PlanDetail>();
    const eagle = detail.targets.find((t) => t.subject === "雏鹰企业") as TargetView;
    const at = FIXTURE_TEXT.indexOf("和18家");
    const split = await api.inject({
      method: "POST",
      url: `/api/targets/${eagle.id}/split`,
      payload: { at, second: { value: 18 } },
    });
    expect(split.statusCode, split.body).toBe(200);
    expect(split.json<{ targets: TargetView[] }>().targets.map((t) => t.value)).toEqual([80, 18]);

    const gdp = detail.targets.find((t) => t.subject === "地区生产总值") as TargetView;
    const income = detail.targets.find((t) => t.subject === "一般公共预算收入") as TargetView;
    const merged = await api.inject({
      method: "POST",
      url: "/api/targets/merge",
      payload: { ids: [gdp.id, income.id] },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json<TargetView>()).toMatchObject({ id: gdp.id, end: income.end });
    expectError(
      await api.inject({ method: "POST", url: "/api/targets/merge", payload: { ids: [gdp.id] } }),
      400,
      "bad_input",
    );

    const start = FIXTURE_TEXT.indexOf("建成南开美术馆");
    const added = await api.inject({
      method: "POST",
      url: `/api/plans/${planId}/targets`,
      payload: { start, end: start + 7, subject: "南开美术馆" },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<TargetView>()).toMatchObject({
      source: "manual",
      kind: "milestone",
      subject: "南开美术馆",
    });

    const group = detail.outline.find((n) => n.kind === "group");
    const node = await api.inject({
      method: "PATCH",
      url: `/api/nodes/${group?.id}`,
      payload: { title: "拓展增量" },
    });
    expect(node.statusCode, node.body).toBe(200);
    expect(node.json()).toMatchObject({ id: group?.id, title: "拓展增量" });

    // The web client posts an empty JSON object.
    const published = await api.inject({ method: "POST", url: `/api/plans/${planId}/publish`, payload: {} });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<PlanSummary>().state).toBe("published");
    expectError(await api.inject({ method: "POST", url: `/api/plans/${planId}/publish` }), 409, "conflict");
  });

  it("serve the OpenAPI document and its UI at /api/docs", async () => {
    const ui = await api.inject({ method: "GET", url: "/api/docs" });
    expect(ui.statusCode).toBeLessThan(400);
    const doc = (await api.inject({ method: "GET", url: "/api/docs/json" })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/plans",
        "/api/plans/{id}",
        "/api/plans/{id}/source",
        "/api/plans/import",
        "/api/targets/{id}",
        "/api/targets/{id}/split",
        "/api/targets/merge",
        "/api/plans/{id}/targets",
        "/api/nodes/{id}",
        "/api/plans/{id}/publish",
      ]),
    );
  });
});

describe("serving the web app", () => {
  const store = useTestDatabase("sqlite");
  let dir: string;
  let app: FastifyInstance;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "plantrack-web-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><div id=root></div>");
    writeFileSync(join(dir, "assets", "app-1234.js"), "console.log(1)");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    app = await buildApp({ db: store().db, dialect: "sqlite", extract: fixtureExtract, webDist: dir });
  });
  afterEach(async () => {
    await app.close();
  });

  it("serve index.html at / and for the app's own paths", async () => {
    for (const url of ["/", "/plans/3", "/plans/3?tab=targets"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"]).toMatch(/text\/html/);
      expect(response.body).toContain("id=root");
    }
  });

  it("serve assets with a long cache, and 404 for missing files and API paths", async () => {
    const asset = await app.inject({ method: "GET", url: "/assets/app-1234.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toMatch(/immutable/);
    expect((await app.inject({ method: "GET", url: "/assets/missing.js" })).statusCode).toBe(404);
    const api = await app.inject({ method: "GET", url: "/api/missing" });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: "not_found" });
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
  });
});
