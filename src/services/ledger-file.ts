// A ledger file as the import reads it, whichever of the two layouts it has: the whole ledger
// (ledger-xlsx.ts, read in ledger-import.ts) or a department's fill-in ledger (填报表, ledger-fill-in.ts),
// read here — its table found below the header block, the block's 填报人 / 联系电话 / 报送日期 kept
// for the import's audit entry, and its texts belonging to the fill-in's own period.

import type ExcelJS from "exceljs";
import type { LedgerFiller } from "../contract/documents.ts";
import { AppError } from "../domain/app-error.ts";
import { readFillIn } from "../reports/ledger-fill-in.ts";
import { type CellText, columnLetter } from "../reports/sheet-cells.ts";

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
