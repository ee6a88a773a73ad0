// Cells of a worksheet as the importers read them, and the letters Excel names columns by — shared by
// the ledger (export and re-import) and the 任务分解表 import.

import type ExcelJS from "exceljs";

/** A cell's content as text or a number; empty, errors and blanks read as null. */
export type CellText = string | number | null;

export function cellValue(v: ExcelJS.CellValue): CellText {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return cellValue(v.richText.map((t) => t.text).join(""));
    if ("result" in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
    if ("text" in v && typeof v.text === "string") return cellValue(v.text);
    if ("error" in v) return null;
  }
  return null;
}

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(n: number): string {
  let s = "";
  let x = n;
  while (x > 0) {
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}
