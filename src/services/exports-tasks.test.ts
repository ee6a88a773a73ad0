// The exported ledger and its tasks: every task a row with its 完成时限 in the workbook and the CSV,
// and the lifecycle's columns read-only on re-import (typed over, they change nothing and refuse nothing).

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  FIRST_DATA_ROW,
  FIXED_HEADERS,
  HEADER_ROW,
  LIGHT_COLOURS,
  taskColumn,
} from "../reports/ledger-xlsx.ts";
import { cellValue } from "../reports/sheet-cells.ts";
import {
  APPROVED_PROGRESS,
  buildTaskOutputsWorld,
  TASK_OUTPUTS_AS_OF,
  UNAPPROVED_PROGRESS,
} from "../test/task-outputs-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { exportPlan, loadLedger } from "./exports.ts";
import { previewLedgerImport } from "./ledger-import.ts";

const DEADLINE_COLUMN = FIXED_HEADERS.indexOf("完成时限") + 1;

/** One CSV line's fields (RFC 4180 quoting; the export never breaks a line inside these rows' fields). */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every data row of the area sheets: id, 完成时限 and the three task columns, by the headers' places. */
function rowsOf(wb: ExcelJS.Workbook, periods: number) {
  const ledger = { periods: Array.from({ length: periods }) } as Parameters<typeof taskColumn>[0];
  const out: { sheet: ExcelJS.Worksheet; row: number; id: string; cells: (string | number | null)[] }[] = [];
  // After the area sheets: the print view, then _meta.
  for (const ws of wb.worksheets.slice(1, -2)) {
    expect(cellValue(ws.getCell(HEADER_ROW, DEADLINE_COLUMN).value)).toBe("完成时限");
    expect([0, 1, 2].map((i) => cellValue(ws.getCell(HEADER_ROW, taskColumn(ledger, i)).value))).toEqual([
      "节点",
      "状态",
      "最新进展",
    ]);
    ws.eachRow((row, n) => {
      if (n < FIRST_DATA_ROW) return;
      out.push({
        sheet: ws,
        row: n,
        id: String(cellValue(row.getCell(1).value)),
        cells: [DEADLINE_COLUMN, ...[0, 1, 2].map((i) => taskColumn(ledger, i))].map((c) =>
          cellValue(row.getCell(c).value),
        ),
      });
    });
  }
  return out;
}

describe.each(testDialects())("the exported ledger's tasks on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("has a row per task with its 完成时限, 节点, light and approved 进展, in the workbook and the CSV", async () => {
    const db = store().db;
    const w = await buildTaskOutputsWorld(db);
    const options = { period: "2020-07", asOf: TASK_OUTPUTS_AS_OF };
    const xlsx = await exportPlan(db, w.planId, { format: "xlsx", ...options });
    const ledger = await loadLedger(db, w.planId, options);
    const wb = await workbook(xlsx.bytes);
    const rows = rowsOf(wb, ledger.periods.length);
    const byId = new Map(rows.map((r) => [r.id, r.cells]));
    for (const id of Object.values(w.tasks)) expect(byId.has(`task:${id}`), `task:${id}`).toBe(true);
    // The light takes its lamp's colour; the summary counts the tasks by light.
    const eagles = rows.find((r) => r.id === `task:${w.tasks.eagles}`);
    const lamp = eagles?.sheet.getCell(eagles.row, taskColumn(ledger, 1)).fill as
      | ExcelJS.FillPattern
      | undefined;
    expect(lamp?.fgColor?.argb).toBe(LIGHT_COLOURS.overdue.fill);
    const summary = wb.getWorksheet("汇总");
    const total: unknown[] = [];
    summary?.eachRow((row) => {
      if (cellValue(row.getCell(1).value) === "合计") total.push(row.values);
    });
    // 合计 of the lights: 已办结, 已中止, 逾期, 未签收, 未报送, 临期, 正常推进, then all five.
    expect(total.at(-1)).toEqual([undefined, "合计", 1, 1, 1, 1, 0, 0, 1, 5]);
    expect(byId.get(`task:${w.tasks.jobs}`)).toEqual([
      "2020年12月底前",
      "6月底前完成招标（2020年6月30日，已于2020年6月25日完成）；年底前竣工（2020年12月31日，未完成）",
      "正常推进",
      APPROVED_PROGRESS,
    ]);
    expect(byId.get(`task:${w.tasks.eagles}`)?.slice(0, 3)).toEqual(["2020年6月30日", null, "逾期"]);
    expect(byId.get(`task:${w.tasks.museum}`)?.[2]).toBe("已办结");
    expect(byId.get(`task:${w.tasks.parcel}`)?.[2]).toBe("已中止");
    expect(rows.some((r) => r.cells.some((c) => String(c ?? "").includes(UNAPPROVED_PROGRESS)))).toBe(false);

    const csv = (await exportPlan(db, w.planId, { format: "csv", ...options })).bytes
      .subarray(3)
      .toString("utf8");
    const [header, ...lines] = csv.split("\r\n").filter((l) => l !== "");
    const columns = fields(header ?? "");
    expect(columns.slice(-3)).toEqual(["节点", "状态", "最新进展"]);
    expect(columns).not.toContain("编号 id");
    const table = lines.map(fields);
    const jobs = table.find((l) => l[1] === `task:${w.tasks.jobs}`) ?? [];
    expect(jobs[columns.indexOf("完成时限")]).toBe("2020年12月底前");
    expect(jobs[columns.indexOf("状态")]).toBe("正常推进");
    for (const id of Object.values(w.tasks)) expect(table.some((l) => l[1] === `task:${id}`)).toBe(true);
  });

  it("reads back with the task columns typed over: they are the lifecycle's, not the file's", async () => {
    const db = store().db;
    const w = await buildTaskOutputsWorld(db);
    const options = { period: "2020-07", asOf: TASK_OUTPUTS_AS_OF };
    const xlsx = await exportPlan(db, w.planId, { format: "xlsx", ...options });
    const wb = await workbook(xlsx.bytes);
    const ledger = await loadLedger(db, w.planId, options);
    const rows = rowsOf(wb, ledger.periods.length);
    const jobs = rows.find((r) => r.id === `task:${w.tasks.jobs}`);
    if (!jobs) throw new Error("no row of the jobs task");
    const cols = [DEADLINE_COLUMN, ...[0, 1, 2].map((i) => taskColumn(ledger, i))];
    for (const [i, text] of ["明年再说", "节点都完成了", "已办结", "改写的进展"].entries())
      jobs.sheet.getCell(jobs.row, cols[i] as number).value = text;
    // A ledger exported before the headers were in one language still reads.
    for (const ws of wb.worksheets.slice(1, -2)) ws.getCell(HEADER_ROW, 1).value = "编号 id";
    const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const preview = await previewLedgerImport(db, w.planId, bytes, "台账.xlsx");
    expect(preview.unknownRows).toEqual([]);
    expect(preview.differences).toEqual([]);
    expect(preview.rowsRead).toBe(rows.length);

    // What the import does read still counts: the 进展情况 of the same row is a difference.
    const firstText = taskColumn(ledger, 0) - 4;
    jobs.sheet.getCell(jobs.row, firstText).value = "台账里改写的进展情况";
    const edited = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const again = await previewLedgerImport(db, w.planId, edited, "台账.xlsx");
    expect(again.differences.map((d) => d.changes.map((c) => c.field))).toEqual([["progress"]]);
  });
});
