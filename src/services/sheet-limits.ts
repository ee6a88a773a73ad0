// How much of a spreadsheet an import reads: at most 20,000 rows and 1,000,000 cells a file (every
// sheet counted), checked before the heavy work — a CSV while it is split into records, an .xlsx in
// its sheets' XML before ExcelJS builds a single object of it. A 任务分解表 or a ledger of a whole
// province has a few thousand rows; a file over the limit gets 413 file_too_large naming the limit,
// and nothing is stored.

import ExcelJS from "exceljs";
import { AppError } from "../domain/app-error.ts";
import { isZip, unzipBounded } from "./bounded-zip.ts";

export const MAX_SHEET_ROWS = 20_000;
export const MAX_SHEET_CELLS = 1_000_000;

export interface SheetLimits {
  maxRows: number;
  maxCells: number;
}

export const SHEET_LIMITS: SheetLimits = { maxRows: MAX_SHEET_ROWS, maxCells: MAX_SHEET_CELLS };

const grouped = (n: number) => n.toLocaleString("en-US");

export function tooManyRows(fileName: string, limits: SheetLimits = SHEET_LIMITS): AppError {
  return new AppError(
    "file_too_large",
    {
      zh: `${fileName}：表格最多 ${limits.maxRows} 行，本文件超过此限，请分批导入`,
      en: `${fileName}: a sheet may have at most ${grouped(limits.maxRows)} rows; this file has more (import it in parts)`,
    },
    { file: fileName, limit: "rows", maxRows: limits.maxRows },
  );
}

export function tooManyCells(fileName: string, limits: SheetLimits = SHEET_LIMITS): AppError {
  return new AppError(
    "file_too_large",
    {
      zh: `${fileName}：表格最多 ${limits.maxCells} 个单元格，本文件超过此限，请分批导入`,
      en: `${fileName}: a sheet may have at most ${grouped(limits.maxCells)} cells; this file has more (import it in parts)`,
    },
    { file: fileName, limit: "cells", maxCells: limits.maxCells },
  );
}

/** What a reader tells as it reads: one more row, one more cell. */
export interface SheetCounter {
  row(): void;
  cell(): void;
}

/** Counts rows and cells as they are read, and throws as soon as either passes its limit. */
export function sheetCounter(fileName: string, limits: SheetLimits = SHEET_LIMITS): SheetCounter {
  let rows = 0;
  let cells = 0;
  return {
    row(): void {
      rows++;
      if (rows > limits.maxRows) throw tooManyRows(fileName, limits);
    },
    cell(): void {
      cells++;
      if (cells > limits.maxCells) throw tooManyCells(fileName, limits);
    },
  };
}

const LT = 0x3c;
const COLON = 0x3a;
/** Where an element's name ends: whitespace, `>` or `/`. */
const isNameEnd = (b: number) =>
  b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x3e || b === 0x2f;

/**
 * Counts the `<row>` and `<c>` elements of a worksheet's XML (SpreadsheetML, any namespace prefix)
 * on its bytes, without decoding or parsing it.
 */
export function countSheetXml(xml: Uint8Array, counter: SheetCounter): void {
  for (let i = xml.indexOf(LT); i >= 0 && i < xml.length; i = xml.indexOf(LT, i + 1)) {
    let start = i + 1;
    let end = start;
    while (end < xml.length && !isNameEnd(xml[end] as number)) {
      if (xml[end] === COLON) start = end + 1;
      end++;
    }
    const length = end - start;
    if (length === 1 && xml[start] === 0x63 /* c */) counter.cell();
    else if (length === 3 && xml[start] === 0x72 && xml[start + 1] === 0x6f && xml[start + 2] === 0x77)
      counter.row(); // row
  }
}

/** The longest element name counted (`row` with a prefix): a tag cut by a chunk's end is kept for the next. */
const MAX_CARRY = 64;

/**
 * Counts a worksheet's XML arriving in pieces, as `countSheetXml` counts it whole: an element's start
 * cut by the end of one piece is carried over and counted with the next.
 */
export function sheetXmlCounter(counter: SheetCounter): (chunk: Uint8Array) => void {
  let carry = new Uint8Array(0);
  return (chunk) => {
    const xml = carry.length === 0 ? chunk : concat(carry, chunk);
    const last = xml.lastIndexOf(LT);
    let complete = xml.length;
    if (last >= 0) {
      let end = last + 1;
      while (end < xml.length && !isNameEnd(xml[end] as number)) end++;
      // The last name runs to the end of the piece: it may go on in the next one.
      if (end === xml.length && xml.length - last <= MAX_CARRY) complete = last;
    }
    countSheetXml(xml.subarray(0, complete), counter);
    carry = xml.slice(complete);
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * The guard for a workbook before ExcelJS reads it: the archive unpacks within the zip limits
 * (bounded-zip.ts) and its worksheets together hold at most the rows and cells allowed.
 */
export async function assertWorkbookWithinLimits(
  bytes: Uint8Array,
  fileName: string,
  limits: SheetLimits = SHEET_LIMITS,
): Promise<void> {
  if (!isZip(bytes)) return; // not a zip: ExcelJS's own error says it is no workbook
  const counter = sheetCounter(fileName, limits);
  // Counted as the sheets inflate, never held whole: a sheet of a million rows is refused at row
  // 20,001 without its 70 MB of XML ever being in memory at once.
  const counting = new Map<string, (chunk: Uint8Array) => void>();
  await unzipBounded(bytes, fileName, {
    stream: {
      entries: (name) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name),
      onChunk: (name, chunk) => {
        let count = counting.get(name);
        if (!count) {
          count = sheetXmlCounter(counter);
          counting.set(name, count);
        }
        count(chunk);
      },
    },
  });
}

/**
 * An uploaded workbook for ExcelJS, checked first against the zip and sheet limits; a file that is no
 * workbook is refused as unsupported, naming it.
 */
export async function loadWorkbookWithinLimits(
  bytes: Uint8Array,
  fileName: string,
): Promise<ExcelJS.Workbook> {
  await assertWorkbookWithinLimits(bytes, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      "unsupported_file",
      { zh: `${fileName}：不是有效的 Excel 文件（.xlsx）`, en: `${fileName}: not an .xlsx workbook` },
      { file: fileName },
    );
  }
  return wb;
}
