// A ledger file as the import reads it, whichever of the two layouts it has: the whole ledger
// (ledger-xlsx.ts) or a department's fill-in ledger (填报表, ledger-fill-in.ts) — its table found below
// the header block, the block's 填报人 / 联系电话 / 报送日期 kept for the import's audit entry, and its
// texts belonging to the fill-in's own period. Pure reading of bytes, no database: it runs in the job
// pool (job-pool.ts), off the server's event loop.

import type ExcelJS from "exceljs";
import type { LedgerFiller } from "../contract/documents.ts";
import { AppError } from "../domain/app-error.ts";
import { isFillIn, readFillIn } from "../reports/ledger-fill-in.ts";
import { FIXED_HEADERS, HEADER_ROW, LEDGER_FORMAT, META_SHEET } from "../reports/ledger-xlsx.ts";
import { type CellText, cellValue, columnLetter } from "../reports/sheet-cells.ts";
import { loadWorkbookWithinLimits } from "./sheet-limits.ts";

export interface FileRow {
  sheet: string;
  row: number;
  id: string;
  values: CellText[];
  texts: [CellText, CellText, CellText];
  textPeriod: string | null;
  /**
   * The texts are of the file's own period (a fill-in ledger): they go to that period's report, even
   * when the latest texts so far are of an earlier one.
   */
  textsOfPeriod?: boolean;
}

export interface ParsedLedger {
  planId: number;
  period: string;
  columns: { key: string; column: number; label: string }[];
  rows: FileRow[];
  /** The fill-in ledger's header block; null for the whole ledger. */
  filler: LedgerFiller | null;
}

/** A fill-in ledger's rows and header block, as the import reads the whole ledger's. */
export function readFillInLedger(wb: ExcelJS.Workbook, fileName: string): ParsedLedger {
  const file = readFillIn(wb);
  if ("kind" in file) {
    const details = { file: fileName, sheet: file.sheet };
    if (file.kind === "no_sheet")
      throw new AppError(
        "bad_input",
        { zh: `${fileName}：缺少填报表工作表`, en: `${fileName}: the fill-in sheet is missing` },
        details,
      );
    if (file.kind === "no_header")
      throw new AppError(
        "bad_input",
        {
          zh: `${fileName}：工作表“${file.sheet}”中找不到表头（${file.expected}）——请勿插入、删除或改写列`,
          en: `${fileName}: sheet “${file.sheet}” has no header row (${file.expected}): do not insert, delete or rename columns`,
        },
        details,
      );
    const column = columnLetter(file.column);
    throw new AppError(
      "bad_input",
      {
        zh: `${fileName}：工作表“${file.sheet}”第${file.row}行${column}列“${file.word}”应为${file.words.join("、")}之一`,
        en: `${fileName}: sheet “${file.sheet}”, ${column}${file.row}: “${file.word}” must be one of ${file.words.join(", ")}`,
      },
      { ...details, row: file.row, column },
    );
  }
  return {
    planId: file.planId,
    period: file.period,
    columns: [{ key: file.period, column: file.valueColumn, label: "" }],
    rows: file.rows.map((r) => ({
      sheet: r.sheet,
      row: r.row,
      id: r.id,
      values: [r.value],
      texts: r.texts,
      textPeriod: null,
      textsOfPeriod: true,
    })),
    filler: file.filler,
  };
}

/**
 * Column A's header in ledgers exported before every header was in one language; such a file still
 * reads. The task columns after the texts (节点, 状态, 最新进展) are the lifecycle's, read-only: they are
 * never read back, whatever is typed in them.
 */
const EARLIER_ID_HEADER = "编号 id";

/** The 进展情况 column: after the fixed columns and three per period (ledger-xlsx.ts). */
function firstTextColumn(periods: number): number {
  return FIXED_HEADERS.length + periods * 3 + 1;
}

export async function readLedgerWorkbook(bytes: Uint8Array, fileName: string): Promise<ParsedLedger> {
  const wb = await loadWorkbookWithinLimits(bytes, fileName);
  // A department's 填报表: a header block above its table, one period.
  if (isFillIn(wb)) return readFillInLedger(wb, fileName);
  const meta = wb.getWorksheet(META_SHEET);
  const metaRows: CellText[][] = [];
  meta?.eachRow((row) => {
    metaRows.push([1, 2, 3, 4].map((c) => cellValue(row.getCell(c).value)));
  });
  const get = (k: string) => metaRows.find((r) => r[0] === k)?.[1] ?? null;
  if (!meta || get("format") !== LEDGER_FORMAT)
    throw new AppError(
      "bad_input",
      {
        zh: `${fileName}：不是本系统导出的台账（缺少隐藏的 ${META_SHEET} 工作表）`,
        en: `${fileName}: not a ledger exported by PlanTrack (no ${META_SHEET} sheet)`,
      },
      { file: fileName, sheet: META_SHEET },
    );
  const columns = metaRows
    .filter((r) => r[0] === "column")
    .map((r) => ({ key: String(r[1]), column: Number(r[2]), label: String(r[3]) }));
  const sheets = metaRows.filter((r) => r[0] === "sheet").map((r) => String(r[1]));
  const rows: FileRow[] = [];
  for (const name of sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws)
      throw new AppError(
        "bad_input",
        { zh: `${fileName}：缺少工作表“${name}”`, en: `${fileName}: the sheet “${name}” is missing` },
        {
          file: fileName,
          sheet: name,
        },
      );
    // The columns must be where the export put them: a column inserted or deleted would shift values.
    const expect: [number, string][] = [
      ...FIXED_HEADERS.map((h, i) => [i + 1, h] as [number, string]),
      ...columns.map((c) => [c.column, `${c.label}完成值`] as [number, string]),
      [firstTextColumn(columns.length), "进展情况"],
    ];
    for (const [col, header] of expect) {
      const found = cellValue(ws.getCell(HEADER_ROW, col).value);
      if (found !== header && !(col === 1 && found === EARLIER_ID_HEADER))
        throw new AppError(
          "bad_input",
          {
            zh: `${fileName}：工作表“${name}”第${HEADER_ROW}行${columnLetter(col)}列应为“${header}”，实为“${found ?? ""}”——请勿插入或删除列`,
            en: `${fileName}: sheet “${name}”, ${columnLetter(col)}${HEADER_ROW}: expected “${header}”, found “${found ?? ""}” (do not insert or delete columns)`,
          },
          { file: fileName, sheet: name, row: HEADER_ROW, column: columnLetter(col) },
        );
    }
    const firstText = firstTextColumn(columns.length);
    ws.eachRow((row, n) => {
      if (n <= HEADER_ROW) return;
      const id = cellValue(row.getCell(1).value);
      if (typeof id !== "string" || !/^(target|task):\d+$/.test(id)) return;
      rows.push({
        sheet: name,
        row: n,
        id,
        values: columns.map((c) => cellValue(row.getCell(c.column).value)),
        texts: [0, 1, 2].map((i) => cellValue(row.getCell(firstText + i).value)) as [
          CellText,
          CellText,
          CellText,
        ],
        textPeriod: (cellValue(row.getCell(firstText + 3).value) as string | null) ?? null,
      });
    });
  }
  return { planId: Number(get("planId")), period: String(get("period")), columns, rows, filler: null };
}
