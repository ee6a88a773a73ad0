import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadPlanWorld } from "../services/reporting-context.ts";
import { buildNankaiWorld } from "../test/nankai-world.ts";
import { useTestDatabase } from "../test/test-databases.ts";
import { buildLedger, statusWord } from "./ledger-model.ts";
import {
  FIRST_DATA_ROW,
  HEADER_ROW,
  META_SHEET,
  renderLedgerXlsx,
  STATUS_COLOURS,
  valueColumn,
} from "./ledger-xlsx.ts";

describe("the ledger workbook", () => {
  const store = useTestDatabase("sqlite");

  it("have a summary, one sheet per area, frozen headers, filters, lists, colours, print setup and hidden ids", async () => {
    const w = await buildNankaiWorld(store().db);
    const world = await loadPlanWorld(store().db, w.planId);
    const ledger = buildLedger(world, { period: "2020-06", asOf: "2020-10-12" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderLedgerXlsx(ledger)) as unknown as ArrayBuffer);

    expect(wb.worksheets.map((s) => s.name)).toEqual([
      "汇总",
      ...ledger.sheets.map((s) => s.title.replace(/[[\]:*?/\\]/g, "").slice(0, 28)),
      "打印（6月）",
      META_SHEET,
    ]);
    expect(wb.getWorksheet(META_SHEET)?.state).toBe("veryHidden");
    const summary = wb.getWorksheet("汇总") as ExcelJS.Worksheet;
    const totalRow = summary.getColumn(1).values.indexOf("合计");
    expect(totalRow).toBeGreaterThan(0);
    expect(summary.getRow(totalRow).getCell(2 + 1).value).toBe(ledger.summary.total.counts.on_track);

    const sheet = ledger.sheets[3];
    const ws = wb.worksheets[4];
    if (!sheet || !ws) throw new Error("no area sheet");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 4, ySplit: HEADER_ROW });
    expect(ws.autoFilter).toBeTruthy();
    expect(String(ws.autoFilter)).toMatch(new RegExp(`^B${HEADER_ROW}:`));
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getCell(FIRST_DATA_ROW, 1).value).toBe(sheet.rows[0]?.id);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 8, fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe(`3:${HEADER_ROW}`);
    expect(ws.getCell(HEADER_ROW, valueColumn(5)).value).toBe("6月完成值");

    // Every status cell: the word, the web's colour, a list of the six words.
    let checked = 0;
    sheet.rows.forEach((row, i) => {
      const cell = row.cells[5];
      if (!cell?.status) return;
      const c = ws.getCell(FIRST_DATA_ROW + i, valueColumn(5) + 2);
      expect(c.value).toBe(statusWord(cell.status));
      expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(STATUS_COLOURS[cell.status].fill);
      expect(c.dataValidation).toMatchObject({
        type: "list",
        formulae: ['"已完成,正常,滞后,严重滞后,未报送,未开始"'],
      });
      checked++;
    });
    expect(checked).toBeGreaterThan(5);
    // A task's own row: its status word from a list of four (in a period the task reports on).
    const taskAt = sheet.rows.findIndex(
      (r) => r.kind === "task" && r.cells.some((c) => c.periodKey !== null),
    );
    const period = sheet.rows[taskAt]?.cells.findIndex((c) => c.periodKey !== null) ?? -1;
    expect(taskAt).toBeGreaterThanOrEqual(0);
    expect(ws.getCell(FIRST_DATA_ROW + taskAt, valueColumn(period)).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"未启动,推进中,已完成,受阻"'],
    });
    // Widths fit the text (a Chinese character is two units) and long texts wrap.
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(30);
    expect(ws.getCell(FIRST_DATA_ROW, 3).alignment?.wrapText).toBe(true);
  });
});
