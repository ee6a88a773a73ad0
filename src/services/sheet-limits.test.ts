import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { isAppError } from "../domain/app-error.ts";
import { buildAccessWorld } from "../test/access-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { importReportsCsv, parseCsv } from "./report-import.ts";
import {
  assertWorkbookWithinLimits,
  countSheetXml,
  MAX_SHEET_CELLS,
  MAX_SHEET_ROWS,
  sheetXmlCounter,
} from "./sheet-limits.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The error a call throws (fails the test when it throws none). */
async function refusal(run: () => unknown): Promise<{ code: string; details: Record<string, unknown> }> {
  try {
    await run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error("no refusal");
}

async function workbook(rows: number, columns: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  for (let r = 0; r < rows; r++) ws.addRow(Array.from({ length: columns }, (_, c) => `${r}-${c}`));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("sheet limits", () => {
  const small = { maxRows: 3, maxCells: 10 };

  it("let a CSV of as many rows as allowed through, and refuse the row past the limit", () => {
    expect(parseCsv("a,b\n1,2\n3,4\n", "t.csv", small)).toHaveLength(3);
    // Blank lines are no rows; a quoted line break stays in its cell.
    expect(parseCsv('a,b\n\n"1\n2",2\n\n3,4\n', "t.csv", small)).toHaveLength(3);
    return refusal(() => parseCsv("a,b\n1,2\n3,4\n5,6\n", "t.csv", small)).then((e) =>
      expect(e).toEqual({ code: "file_too_large", details: { file: "t.csv", limit: "rows", maxRows: 3 } }),
    );
  });

  it("refuse a CSV of too many cells, even in one row", async () => {
    expect(await refusal(() => parseCsv(`${",".repeat(10)}x\n`, "wide.csv", small))).toEqual({
      code: "file_too_large",
      details: { file: "wide.csv", limit: "cells", maxCells: 10 },
    });
    expect(parseCsv(`${",".repeat(9)}x\n`, "wide.csv", small)[0]?.cells).toHaveLength(10);
  });

  it("count rows and cells in a worksheet's XML, with or without a namespace prefix", () => {
    const count = (xml: string) => {
      const seen = [0, 0];
      countSheetXml(utf8(xml), {
        row: () => {
          seen[0] = (seen[0] ?? 0) + 1;
        },
        cell: () => {
          seen[1] = (seen[1] ?? 0) + 1;
        },
      });
      return seen;
    };
    const plain =
      '<?xml version="1.0"?><worksheet><cols><col min="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"/></row><row r="2"/></sheetData><rowBreaks count="1"><brk id="1"/></rowBreaks></worksheet>';
    expect(count(plain)).toEqual([2, 2]);
    expect(
      count('<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1"/></x:row></x:sheetData></x:worksheet>'),
    ).toEqual([1, 1]);
  });

  it("count a worksheet's XML arriving in pieces as they count it whole, wherever the pieces are cut", () => {
    const xml = utf8(
      `<x:worksheet><x:sheetData>${Array.from({ length: 40 }, (_, r) => `<x:row r="${r + 1}"><x:c r="A${r + 1}"><x:v>${r}</x:v></x:c><c r="B${r + 1}"/></x:row><row/>`).join("")}</x:sheetData><rowBreaks/><col/></x:worksheet>`,
    );
    const tally = () => {
      const seen = { rows: 0, cells: 0 };
      return { seen, counter: { row: () => void seen.rows++, cell: () => void seen.cells++ } };
    };
    const whole = tally();
    countSheetXml(xml, whole.counter);
    expect(whole.seen).toEqual({ rows: 80, cells: 80 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 60 }), (cuts) => {
        const pieces = tally();
        const feed = sheetXmlCounter(pieces.counter);
        let from = 0;
        for (const at of [...cuts].sort((a, b) => a - b)) {
          feed(xml.subarray(from, at));
          from = at;
        }
        feed(xml.subarray(from));
        expect(pieces.seen).toEqual(whole.seen);
      }),
    );
  });

  it("refuse a workbook over the limits before ExcelJS reads it, and pass one within them", async () => {
    await expect(assertWorkbookWithinLimits(await workbook(3, 3), "ok.xlsx", small)).resolves.toBeUndefined();
    expect(
      await refusal(async () => assertWorkbookWithinLimits(await workbook(4, 1), "long.xlsx", small)),
    ).toEqual({
      code: "file_too_large",
      details: { file: "long.xlsx", limit: "rows", maxRows: 3 },
    });
    expect(
      await refusal(async () => assertWorkbookWithinLimits(await workbook(2, 6), "wide.xlsx", small)),
    ).toEqual({
      code: "file_too_large",
      details: { file: "wide.xlsx", limit: "cells", maxCells: 10 },
    });
  });

  it("are 20,000 rows and a million cells a file", () => {
    expect([MAX_SHEET_ROWS, MAX_SHEET_CELLS]).toEqual([20_000, 1_000_000]);
  });
});

describe.each(testDialects())("report CSV over the row limit on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("is refused with the limit named, and nothing is stored", async () => {
    const { db } = store();
    const world = await buildAccessWorld(db);
    const jobs = world.targetIds[3] as number;
    const row = `${world.planId},${jobs},2020-03,12000,进展,,,approved`;
    const csv = [
      "plan,target,period,value,progress,problems,next steps,state",
      ...Array(MAX_SHEET_ROWS).fill(row),
    ];
    const revisions = async () =>
      Number(
        (
          await db
            .selectFrom("report_revisions")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirst()
        )?.n,
      );
    const before = await revisions();
    const error = await refusal(() => importReportsCsv(db, utf8(csv.join("\n")), "values.csv", SYSTEM_ACTOR));
    expect(error).toEqual({
      code: "file_too_large",
      details: { file: "values.csv", limit: "rows", maxRows: MAX_SHEET_ROWS },
    });
    expect(await revisions()).toBe(before);
  });
});
