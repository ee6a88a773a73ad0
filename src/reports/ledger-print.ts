// The ledger's print view of one period (打印): every area's rows on one sheet with only the period's
// columns, set up to go out on paper — A4 landscape, or A3 when the columns would not fit A4 at a
// readable size, fit to the page width, the column header repeated on every page, 第 N 页 共 M 页
// in the footer, and a title naming the plan and the period in words. Text prints at 9 pt or more:
// the scale that fit-to-width implies is computed here from the column widths and the printable
// width, and the paper (then the text columns' widths) chosen so that font × scale ≥ 9 pt.

import type ExcelJS from "exceljs";
import type { TargetStatus } from "../domain/evaluation.ts";
import { type Ledger, type LedgerRow, lastStatusCell, statusWord } from "./ledger-model.ts";
import { periodLabel } from "./progress-model.ts";

/** The smallest size a printed ledger may show, in points. */
export const MIN_PRINTED_PT = 9;
/** The sheet's text size; the headers and title are larger. */
export const PRINT_FONT_PT = 11;
const FONT = "宋体";
const BOLD_FONT = "黑体";

/** Paper in millimetres, landscape, with its OOXML paper code. */
export const PAPERS = {
  A4: { code: 9, width: 297, height: 210 },
  A3: { code: 8, width: 420, height: 297 },
} as const;
export type PaperName = keyof typeof PAPERS;

/** Left and right margin, inches (what OOXML stores). */
const SIDE_MARGIN_IN = 0.5;

/**
 * A column's printed width in points at 100%, at its widest: Excel's width unit is the digit width of
 * the workbook's default font (Calibri 11: 5.25 pt), but a machine without Calibri measures it in its
 * substitute — LibreOffice on Linux takes DejaVu Sans, 7 pt — plus 5 px of padding. Reckoning with
 * the wider one, the scale computed here is never above the one the printer uses.
 */
export function columnPoints(width: number): number {
  return width * 7 + 3.75;
}

export function printableWidthPt(paper: PaperName): number {
  return (PAPERS[paper].width / 25.4) * 72 - 2 * SIDE_MARGIN_IN * 72;
}

/** The scale fit-to-width implies: the printable width over the columns' width, at most 100%. */
export function fitScale(widths: readonly number[], paper: PaperName): number {
  const total = widths.reduce((s, w) => s + columnPoints(w), 0);
  return Math.min(1, printableWidthPt(paper) / total);
}

/**
 * A column's width: never exactly 9, which exceljs takes for its default and does not write (the
 * column would print at the reader's default width, not the one reckoned with here).
 */
export interface PrintColumn {
  header: string;
  width: number;
  /** Long text: wraps, and may be narrowed to fit the paper. */
  text?: boolean;
  value: (row: LedgerRow) => string | number | null;
  align?: "center" | "right";
}

/** A4 when the columns fit it at a readable size, else A3 — narrowing the text columns if need be. */
export function choosePaper(columns: readonly PrintColumn[]): { paper: PaperName; widths: number[] } {
  const minScale = MIN_PRINTED_PT / PRINT_FONT_PT;
  const widths = columns.map((c) => c.width);
  if (fitScale(widths, "A4") >= minScale) return { paper: "A4", widths };
  if (fitScale(widths, "A3") >= minScale) return { paper: "A3", widths };
  // Even A3 is too narrow: the text columns give up width (their rows grow taller) until it fits.
  const fixed = columns.reduce((s, c, i) => s + (c.text ? 0 : columnPoints(widths[i] ?? 0)), 0);
  const room = printableWidthPt("A3") / minScale - fixed;
  const textTotal = columns.reduce((s, c, i) => s + (c.text ? columnPoints(widths[i] ?? 0) : 0), 0);
  const factor = Math.max(0.2, room / textTotal) * 0.98;
  return { paper: "A3", widths: widths.map((w, i) => (columns[i]?.text ? Math.floor(w * factor) : w)) };
}

/** The footer's size (points) that prints at MIN_PRINTED_PT or more once scaled; 10 at least. */
export function footerSize(widths: readonly number[], paper: PaperName): number {
  return Math.max(10, Math.ceil(MIN_PRINTED_PT / fitScale(widths, paper)));
}

/** 24 as 24, 14.1 as 14.1 — never “24.” nor a four-decimal tail. */
export function numberFormat(value: number): string {
  if (Number.isInteger(value)) return "#,##0";
  return Number.isInteger(Math.round(value * 10 * 1e6) / 1e6) ? "#,##0.0" : "#,##0.00";
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

function periodColumns(ledger: Ledger): PrintColumn[] {
  const last = (r: LedgerRow) => lastStatusCell(r);
  const own = (r: LedgerRow) => r.cells[r.cells.length - 1];
  const hasTexts = ledger.sheets.some((s) => s.rows.some((r) => r.progress || r.problems));
  const hasLights = ledger.sheets.some((s) => s.rows.some((r) => r.light !== null));
  return [
    { header: "序号", width: 5, value: (r) => r.seq, align: "center" },
    { header: "任务内容", width: 30, text: true, value: (r) => r.task },
    { header: "指标", width: 18, text: true, value: (r) => r.indicator },
    { header: "目标值", width: 10, value: (r) => r.targetValue ?? r.targetText, align: "right" },
    { header: "单位", width: 6, value: (r) => r.unit, align: "center" },
    { header: "牵头单位", width: 12, text: true, value: (r) => r.lead },
    { header: "完成时限", width: 11, text: true, value: (r) => r.deadline },
    {
      header: `${ledger.period.label}完成值`,
      width: 10,
      value: (r) => (r.kind === "task" ? own(r)?.word : own(r)?.value) ?? null,
      align: "right",
    },
    { header: "完成率", width: 8, value: (r) => last(r)?.completion ?? null, align: "right" },
    { header: "状态", width: 8, value: (r) => statusWord(last(r)?.status ?? null), align: "center" },
    ...(hasLights
      ? [{ header: "亮灯", width: 8, value: (r: LedgerRow) => r.lightWord, align: "center" as const }]
      : []),
    ...(hasTexts
      ? [
          {
            header: "进展情况",
            width: 36,
            text: true,
            value: (r: LedgerRow) => r.progress || r.latestProgress,
          },
          { header: "存在问题", width: 22, text: true, value: (r: LedgerRow) => r.problems },
        ]
      : []),
  ];
}

/** The plan and the period in words: 南开区…计划执行情况台账（2020年1—9月）. */
export function printTitle(ledger: Ledger): { title: string; period: string } {
  const first = ledger.periods[0]?.end ?? ledger.period.end;
  const words = periodLabel(ledger.period.key, first);
  const year = ledger.period.end.slice(0, 4);
  return { title: `${ledger.planTitle}执行情况台账`, period: `（${year}年${words}）` };
}

function rowHeight(row: LedgerRow, columns: readonly PrintColumn[], widths: readonly number[]): number {
  let lines = 1;
  columns.forEach((c, i) => {
    if (!c.text) return;
    const w = Math.max(2, (widths[i] ?? 10) - 1);
    lines = Math.max(lines, Math.ceil(textWidth(String(c.value(row) ?? "")) / w));
  });
  return Math.min(409, lines * (PRINT_FONT_PT * 1.35) + 4);
}

const STATUS_FILL: Record<TargetStatus, string> = {
  completed: "FFD9F0E1",
  on_track: "FFDCE8F8",
  behind: "FFFBF0CC",
  far_behind: "FFF8D7D6",
  not_reported: "FFE6E6E6",
  not_started: "FFF5F6F8",
};

export const PRINT_HEADER_ROW = 3;

/** The print view as a sheet of the ledger workbook. */
export function writePrintSheet(wb: ExcelJS.Workbook, ledger: Ledger, name: string): ExcelJS.Worksheet {
  const columns = periodColumns(ledger);
  const { paper, widths } = choosePaper(columns);
  const ws = wb.addWorksheet(name, { properties: { tabColor: { argb: "FF595959" } } });
  const last = columns.length;
  const { title, period } = printTitle(ledger);
  ws.mergeCells(1, 1, 1, last);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: BOLD_FONT, size: 16, bold: true };
  t.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, last);
  const p = ws.getCell(2, 1);
  p.value = `${period}　数据截至${ledger.asOf.slice(0, 4)}年${Number(ledger.asOf.slice(5, 7))}月${Number(ledger.asOf.slice(8, 10))}日`;
  p.font = { name: FONT, size: PRINT_FONT_PT };
  p.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(2).height = 20;
  columns.forEach((c, i) => {
    const cell = ws.getCell(PRINT_HEADER_ROW, i + 1);
    cell.value = c.header;
    cell.font = { name: BOLD_FONT, size: PRINT_FONT_PT, bold: true };
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F2" } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    ws.getColumn(i + 1).width = widths[i] ?? c.width;
  });
  ws.getRow(PRINT_HEADER_ROW).height = 32;
  let r = PRINT_HEADER_ROW + 1;
  for (const sheet of ledger.sheets) {
    ws.mergeCells(r, 1, r, last);
    const area = ws.getCell(r, 1);
    area.value = sheet.title;
    area.font = { name: BOLD_FONT, size: 12, bold: true };
    area.border = BORDER;
    area.alignment = { vertical: "middle" };
    ws.getRow(r).height = 22;
    r++;
    for (const row of sheet.rows) {
      const status = lastStatusCell(row)?.status ?? null;
      columns.forEach((c, i) => {
        const cell = ws.getCell(r, i + 1);
        const v = c.value(row);
        cell.value = v === "" ? null : v;
        cell.border = BORDER;
        cell.font = { name: FONT, size: PRINT_FONT_PT, bold: row.kind === "task" && i === 1 };
        cell.alignment = { vertical: "top", horizontal: c.align, wrapText: c.text === true };
        if (typeof v === "number") cell.numFmt = c.header === "完成率" ? "0.0%" : numberFormat(v);
        if (c.header === "状态" && status)
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: STATUS_FILL[status] } };
      });
      ws.getRow(r).height = rowHeight(row, columns, widths);
      r++;
    }
  }
  ws.pageSetup = {
    paperSize: PAPERS[paper].code as ExcelJS.PaperSize,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: SIDE_MARGIN_IN, right: SIDE_MARGIN_IN, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    printTitlesRow: `${PRINT_HEADER_ROW}:${PRINT_HEADER_ROW}`,
  };
  // Fit-to-width scales the footer too: its size is chosen to print at 9 pt or more.
  const footer = `&C&${footerSize(widths, paper)}第 &P 页 共 &N 页`;
  ws.headerFooter = { oddFooter: footer, evenFooter: footer };
  ws.views = [{ state: "frozen", ySplit: PRINT_HEADER_ROW }];
  return ws;
}
