// Imports over the sheet limits (src/services/sheet-limits.ts), as a planner uploads them: 413 with the
// limit named in the message and the details, and nothing written.

import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_SHEET_CELLS, MAX_SHEET_ROWS } from "../services/sheet-limits.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, type TestClient } from "../test/auth-helpers.ts";
import { multipartBody } from "../test/multipart.ts";
import { testApp } from "../test/test-app.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function longWorkbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  // Figures that do not repeat, so that the file unpacks within the zip limits (bounded-zip.ts, 10×
  // the upload) and it is the row limit that refuses it.
  let seed = 7;
  const next = () => {
    seed = (seed * 48271) % 2147483647;
    return seed;
  };
  for (let r = 0; r < rows; r++) ws.addRow([r + 1, `稳定就业${next().toString(36)}`, next() / 1e4]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe.each(testDialects())("imports over the sheet limits on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let planner: TestClient;

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    app = await testApp(store().db, dialect);
    planner = await signIn(app, world.usernames.planner);
  });
  afterEach(async () => {
    await app.close();
  });

  const auditRows = async () =>
    Number(
      (
        await store()
          .db.selectFrom("audit_log")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirst()
      )?.n,
    );

  async function upload(path: string, fileName: string, content: Uint8Array, lang: string) {
    const body = multipartBody({}, [{ name: "file", fileName, content }]);
    return planner.inject({
      method: "POST",
      url: `/api/plans/${world.planId}/${path}`,
      payload: body.payload,
      headers: { ...body.headers, "x-plantrack-lang": lang },
    });
  }

  it("refuse a 任务分解表 CSV of 20,001 rows and one of a million and one cells, naming the limit", async () => {
    const before = await auditRows();
    const rows = [
      "序号,重点任务,牵头单位",
      ...Array.from({ length: MAX_SHEET_ROWS }, (_, i) => `${i + 1},稳定就业,区人社局`),
    ];
    const long = await upload("breakdown/preview", "分解表.csv", utf8(rows.join("\n")), "zh-CN");
    expect(long.statusCode, long.body).toBe(413);
    expect(long.json()).toMatchObject({
      code: "file_too_large",
      details: { limit: "rows", maxRows: MAX_SHEET_ROWS },
    });
    expect(long.json<{ message: string }>().message).toContain(String(MAX_SHEET_ROWS));

    const wide = await upload(
      "breakdown/preview",
      "宽表.csv",
      utf8(`序号,重点任务,牵头单位${",".repeat(MAX_SHEET_CELLS)}\n`),
      "en-US",
    );
    expect(wide.statusCode, wide.body).toBe(413);
    expect(wide.json()).toMatchObject({
      code: "file_too_large",
      details: { limit: "cells", maxCells: MAX_SHEET_CELLS },
    });
    expect(wide.json<{ message: string }>().message).toContain("1,000,000 cells");
    expect(await auditRows()).toBe(before);
  });

  it("refuse a ledger workbook of 20,001 rows before reading it as a ledger", async () => {
    const before = await auditRows();
    const response = await upload(
      "ledger/preview",
      "台账.xlsx",
      await longWorkbook(MAX_SHEET_ROWS + 1),
      "en-US",
    );
    expect(response.statusCode, response.body).toBe(413);
    expect(response.json()).toMatchObject({
      code: "file_too_large",
      details: { limit: "rows", maxRows: MAX_SHEET_ROWS },
    });
    expect(response.json<{ message: string }>().message).toContain("20,000 rows");
    // The same sheet within the limit is read, and refused only as no ledger of PlanTrack's.
    const short = await upload("ledger/preview", "台账.xlsx", await longWorkbook(10), "en-US");
    expect(short.statusCode, short.body).toBe(400);
    expect(await auditRows()).toBe(before);
  });
});
