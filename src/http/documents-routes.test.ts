import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BreakdownPreview, LedgerPreview } from "../contract/documents.ts";
import { FIRST_DATA_ROW, valueColumn } from "../reports/ledger-xlsx.ts";
import { signIn, TEST_AUTH } from "../test/auth-helpers.ts";
import { breakdownFixtureXlsx } from "../test/breakdown-fixture.ts";
import { multipartBody } from "../test/multipart.ts";
import { buildNankaiWorld, type NankaiWorld } from "../test/nankai-world.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe.each(testDialects())("document routes on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let w: NankaiWorld;

  beforeEach(async () => {
    w = await buildNankaiWorld(store().db);
    app = await buildApp({
      db: store().db,
      dialect,
      extract: fixtureExtract,
      auth: TEST_AUTH,
      reminderWebhookUrl: null,
    });
    // The Nankai world is read from the plan's text and imported: seconds on PostgreSQL.
  }, 60_000);
  afterEach(async () => {
    await app.close();
  });

  it("export the ledger with a Chinese file name (RFC 6266/5987), to leaders too; 400 on a bad format", async () => {
    const leader = await signIn(app, w.usernames.leader);
    const res = await leader.inject({
      method: "GET",
      url: `/api/plans/${w.planId}/export?format=xlsx&period=2020-06`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    const disposition = String(res.headers["content-disposition"]);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? "")).toBe(
      "南开区2020年国民经济和社会发展计划_执行情况台账_2020年6月.xlsx",
    );
    const csv = await leader.inject({
      method: "GET",
      url: `/api/plans/${w.planId}/export?format=csv&period=2020-Q2`,
    });
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const bad = await leader.inject({ method: "GET", url: `/api/plans/${w.planId}/export?format=pptx` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "bad_input", details: { field: "format" } });
  });

  it("preview and apply a ledger edited in Excel, and preview a 任务分解表; leaders may not import", async () => {
    const planner = await signIn(app, w.usernames.planner);
    const file = await planner.inject({
      method: "GET",
      url: `/api/plans/${w.planId}/export?format=xlsx&period=2020-06`,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[4] as ExcelJS.Worksheet;
    let row = FIRST_DATA_ROW;
    while (typeof ws.getCell(row, valueColumn(5)).value !== "number") row++;
    const cell = ws.getCell(row, valueColumn(5));
    // A whole number: a count typed with decimals is refused (plausibility, fractional_count).
    cell.value = Math.round(cell.value as number) + 1;
    const edited = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const upload = (name: string, content: Uint8Array) =>
      multipartBody({}, [{ name: "file", fileName: name, content }]);

    const leader = await signIn(app, w.usernames.leader);
    const denied = await leader.inject({
      method: "POST",
      url: `/api/plans/${w.planId}/ledger/preview`,
      ...upload("台账.xlsx", edited),
    });
    expect(denied.statusCode).toBe(403);

    const preview = await planner.inject({
      method: "POST",
      url: `/api/plans/${w.planId}/ledger/preview`,
      ...upload("台账.xlsx", edited),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json<LedgerPreview>();
    expect(p.differences).toHaveLength(1);
    const apply = await planner.inject({
      method: "POST",
      url: `/api/plans/${w.planId}/ledger/apply`,
      payload: {
        fileName: p.fileName,
        period: p.period,
        items: p.differences.map(({ key, baseRevision, changes }) => ({ key, baseRevision, changes })),
      },
    });
    expect(apply.statusCode, apply.body).toBe(200);
    expect(apply.json()).toEqual({ planId: w.planId, revisions: 1 });
    const stale = await planner.inject({
      method: "POST",
      url: `/api/plans/${w.planId}/ledger/apply`,
      payload: {
        fileName: p.fileName,
        period: p.period,
        items: p.differences.map(({ key, baseRevision, changes }) => ({ key, baseRevision, changes })),
      },
    });
    expect(stale.statusCode).toBe(409);

    const bd = await planner.inject({
      method: "POST",
      url: `/api/plans/${w.planId}/breakdown/preview`,
      ...upload("分解表.xlsx", await breakdownFixtureXlsx()),
    });
    expect(bd.statusCode, bd.body).toBe(200);
    const b = bd.json<BreakdownPreview>();
    expect(b.unmatchedRows).toHaveLength(2);
    const noHeader = await planner.inject({
      method: "POST",
      url: `/api/plans/${w.planId}/breakdown/preview`,
      ...upload("表.csv", new TextEncoder().encode("甲,乙\n1,2\n")),
    });
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().message).toContain("CSV");
  });
});
