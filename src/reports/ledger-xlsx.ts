// The ledger as an Excel workbook the office can pass around and send back: a summary sheet (counts by
// status per area and per department, tasks by light per area), one sheet per area with frozen
// headers, filters, status colours (the web's), lists for status cells, widths that fit Chinese text,
// A3/A4 landscape print setup with repeated header rows; a hidden id column and a hidden _meta sheet
// let the file be read back (ledger-import.ts); the last visible sheet is the period's print view
// (ledger-print.ts). The task columns at the right (节点, 状态, 最新进展) are the lifecycle's,
// read-only: the import does not read them.

import ExcelJS from "exceljs";
import type { TargetStatus } from "../domain/evaluation.ts";
import { TASK_LIGHT_TONES, TASK_LIGHT_WORDS, TASK_LIGHTS, type TaskLight } from "../domain/task-lights.ts";
import {
  LEDGER_STATUSES,
  type Ledger,
  type LedgerCountRow,
  type LedgerRow,
  statusWord,
  TASK_HEADERS,
} from "./ledger-model.ts";
import { numberFormat, writePrintSheet } from "./ledger-print.ts";
import { columnLetter } from "./sheet-cells.ts";

/** The web's status colours (web/src/styles-monitoring.css): fill and font, ARGB. */
export const STATUS_COLOURS: Record<TargetStatus, { fill: string; font: string }> = {
  completed: { fill: "FF2F9E5B", font: "FFFFFFFF" },
  on_track: { fill: "FF1F6FD1", font: "FFFFFFFF" },
  behind: { fill: "FFD4A106", font: "FF2B2100" },
  far_behind: { fill: "FFD0312D", font: "FFFFFFFF" },
  not_reported: { fill: "FF8C8C8C", font: "FFFFFFFF" },
  not_started: { fill: "FFF0F2F5", font: "FF6B7280" },
};

export const TASK_WORDS = ["未启动", "推进中", "已完成", "受阻"] as const;
export const META_SHEET = "_meta";
export const LEDGER_FORMAT = "plantrack-ledger/1";

/** Fixed columns, 1-based; each period then takes three (value, completion, status), then the texts. */
export const FIXED_HEADERS = [
  "编号",
  "序号",
  "任务内容",
  "指标",
  "目标值",
  "单位",
  "牵头单位",
  "配合单位",
  "完成时限",
] as const;
export const TEXT_HEADERS = ["进展情况", "存在问题", "下步打算", "填报期"] as const;
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = 5;
const FIXED_WIDTHS = [10, 6, 36, 20, 10, 8, 14, 18, 13];
const TEXT_WIDTHS = [40, 28, 28, 8];
const TASK_WIDTHS = [36, 10, 40];

/** The lamp colours of the task lights (the web's tones), fill and font, ARGB. */
export const LIGHT_COLOURS: Record<TaskLight, { fill: string; font: string }> = Object.fromEntries(
  TASK_LIGHTS.map((l) => {
    const tone = TASK_LIGHT_TONES[l];
    const fill = {
      red: "FFD0312D",
      yellow: "FFD4A106",
      green: "FF2F9E5B",
      blue: "FF1F6FD1",
      grey: "FF8C8C8C",
    }[tone];
    return [l, { fill, font: tone === "yellow" ? "FF2B2100" : "FFFFFFFF" }];
  }),
) as Record<TaskLight, { fill: string; font: string }>;

export function valueColumn(periodIndex: number): number {
  return FIXED_HEADERS.length + 1 + periodIndex * 3;
}

export function textColumn(ledger: Pick<Ledger, "periods">, i: number): number {
  return FIXED_HEADERS.length + ledger.periods.length * 3 + 1 + i;
}

export function taskColumn(ledger: Pick<Ledger, "periods">, i: number): number {
  return textColumn(ledger, TEXT_HEADERS.length + i);
}

/** Display width: a Chinese character takes two columns of a Latin one. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFB7BEC8" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F2" } };
const FONT = "宋体";

function statusStyle(cell: ExcelJS.Cell, status: TargetStatus | null): void {
  if (status === null) return;
  const c = STATUS_COLOURS[status];
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.fill } };
  cell.font = { name: FONT, size: 10, color: { argb: c.font }, bold: status === "far_behind" };
}

function sheetName(title: string, used: Set<string>): string {
  const clean = title.replace(/[[\]:*?/\\]/g, "").trim() || "Sheet";
  let name = clean.slice(0, 28);
  let n = 2;
  while (used.has(name)) name = `${clean.slice(0, 25)}(${n++})`;
  used.add(name);
  return name;
}

function printSetup(ws: ExcelJS.Worksheet, wide: boolean, titleRows: string): void {
  ws.pageSetup = {
    // 8 is A3 in the OOXML paper codes; exceljs names only some sizes.
    paperSize: (wide ? 8 : 9) as ExcelJS.PaperSize,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: titleRows,
  };
  ws.headerFooter = { oddFooter: "第 &P 页，共 &N 页" };
}

function titleRow(ws: ExcelJS.Worksheet, text: string, sub: string, lastCol: number): void {
  ws.mergeCells(1, 1, 1, lastCol);
  const t = ws.getCell(1, 1);
  t.value = text;
  t.font = { name: "黑体", size: 16, bold: true };
  t.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, lastCol);
  const s = ws.getCell(2, 1);
  s.value = sub;
  s.font = { name: FONT, size: 10, color: { argb: "FF595959" } };
  s.alignment = { horizontal: "right" };
}

function headerCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = { name: "黑体", size: 10, bold: true };
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
}

function writeSummary(wb: ExcelJS.Workbook, ledger: Ledger, heading: string): void {
  const ws = wb.addWorksheet("汇总", { views: [{ state: "frozen", ySplit: 4, xSplit: 1 }] });
  const headers = ["名称", ...LEDGER_STATUSES.map((s) => statusWord(s)), "合计", "完成指数"];
  titleRow(ws, `${heading}汇总`, `截至${ledger.period.label}（数据截至${ledger.asOf}）`, headers.length);
  let r = 3;
  const block = (title: string, rows: readonly LedgerCountRow[], filter: boolean) => {
    ws.mergeCells(r, 1, r, headers.length);
    const c = ws.getCell(r, 1);
    c.value = title;
    c.font = { name: "黑体", size: 11, bold: true };
    r++;
    headers.forEach((h, i) => {
      headerCell(ws.getCell(r, i + 1), h);
    });
    LEDGER_STATUSES.forEach((s, i) => {
      statusStyle(ws.getCell(r, i + 2), s);
    });
    if (filter)
      ws.autoFilter = { from: { row: r, column: 1 }, to: { row: r + rows.length, column: headers.length } };
    r++;
    for (const row of rows) {
      const values = [row.name, ...LEDGER_STATUSES.map((s) => row.counts[s]), row.total, row.completionIndex];
      values.forEach((v, i) => {
        const cell = ws.getCell(r, i + 1);
        cell.value = v;
        cell.border = BORDER;
        cell.font = { name: FONT, size: 10, bold: row.name.startsWith("合计") };
        cell.alignment = { vertical: "middle", horizontal: i === 0 ? "left" : "center", wrapText: i === 0 };
      });
      ws.getCell(r, headers.length).numFmt = "0.0%";
      r++;
    }
    r++;
  };
  block("按领域", [...ledger.summary.areas, ledger.summary.total], true);
  block("按牵头单位", ledger.summary.departments, false);
  r = writeLightCounts(ws, ledger, r);
  ws.getColumn(1).width = 40;
  for (let i = 2; i <= Math.max(headers.length, TASK_LIGHTS.length + 2); i++) ws.getColumn(i).width = 10;
  printSetup(ws, false, "4:4");
}

/** 重点任务 by light in each area, below the status counts; nothing when no row has a light. */
function writeLightCounts(ws: ExcelJS.Worksheet, ledger: Ledger, from: number): number {
  const areas = ledger.sheets.map((s) => ({
    name: s.title,
    lights: s.rows.flatMap((x) => (x.light ? [x.light] : [])),
  }));
  const all = areas.flatMap((a) => a.lights);
  if (all.length === 0) return from;
  const headers = ["名称", ...TASK_LIGHTS.map((l) => TASK_LIGHT_WORDS[l].zh), "合计"];
  let r = from;
  ws.mergeCells(r, 1, r, headers.length);
  const c = ws.getCell(r, 1);
  c.value = "重点任务亮灯（按领域）";
  c.font = { name: "黑体", size: 11, bold: true };
  r++;
  headers.forEach((h, i) => {
    const cell = ws.getCell(r, i + 1);
    headerCell(cell, h);
    const light = TASK_LIGHTS[i - 1];
    if (light) {
      const colour = LIGHT_COLOURS[light];
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: colour.fill } };
      cell.font = { name: "黑体", size: 10, bold: true, color: { argb: colour.font } };
    }
  });
  r++;
  for (const row of [...areas.filter((a) => a.lights.length > 0), { name: "合计", lights: all }]) {
    const values = [
      row.name,
      ...TASK_LIGHTS.map((l) => row.lights.filter((x) => x === l).length),
      row.lights.length,
    ];
    values.forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = v;
      cell.border = BORDER;
      cell.font = { name: FONT, size: 10, bold: row.name === "合计" };
      cell.alignment = { vertical: "middle", horizontal: i === 0 ? "left" : "center", wrapText: i === 0 };
    });
    r++;
  }
  return r + 1;
}

function rowHeight(row: LedgerRow, widths: readonly number[]): number {
  const texts: [string, number][] = [
    [row.task, widths[2] ?? 36],
    [row.indicator, widths[3] ?? 20],
    [row.progress, TEXT_WIDTHS[0] ?? 40],
    [row.problems, TEXT_WIDTHS[1] ?? 28],
    [row.nextSteps, TEXT_WIDTHS[2] ?? 28],
    [row.milestones, TASK_WIDTHS[0] ?? 36],
    [row.latestProgress, TASK_WIDTHS[2] ?? 40],
  ];
  const lines = Math.max(1, ...texts.map(([t, w]) => Math.ceil(textWidth(t) / Math.max(1, w - 1))));
  return Math.min(160, 14 * lines + 4);
}

function writeAreaSheet(
  ws: ExcelJS.Worksheet,
  ledger: Ledger,
  title: string,
  rows: readonly LedgerRow[],
  heading: string,
): void {
  const periods = ledger.periods;
  const lastCol = taskColumn(ledger, TASK_HEADERS.length - 1);
  titleRow(
    ws,
    `${heading}——${title}`,
    `截至${ledger.period.label}（数据截至${ledger.asOf}）；目标值、完成值按“单位”列`,
    lastCol,
  );
  // Row 3: the period over its three columns; row 4: every column's name (the filter row).
  FIXED_HEADERS.forEach((h, i) => {
    headerCell(ws.getCell(3, i + 1), "");
    headerCell(ws.getCell(HEADER_ROW, i + 1), h);
  });
  periods.forEach((p, i) => {
    const c = valueColumn(i);
    ws.mergeCells(3, c, 3, c + 2);
    headerCell(ws.getCell(3, c), p.label);
    headerCell(ws.getCell(HEADER_ROW, c), `${p.label}完成值`);
    headerCell(ws.getCell(HEADER_ROW, c + 1), `${p.label}完成率`);
    headerCell(ws.getCell(HEADER_ROW, c + 2), `${p.label}状态`);
  });
  TEXT_HEADERS.forEach((h, i) => {
    headerCell(ws.getCell(3, textColumn(ledger, i)), "");
    headerCell(ws.getCell(HEADER_ROW, textColumn(ledger, i)), h);
  });
  const taskStart = taskColumn(ledger, 0);
  ws.mergeCells(3, taskStart, 3, taskColumn(ledger, TASK_HEADERS.length - 1));
  headerCell(ws.getCell(3, taskStart), "重点任务推进（只读）");
  TASK_HEADERS.forEach((h, i) => {
    headerCell(ws.getCell(HEADER_ROW, taskColumn(ledger, i)), h);
  });
  ws.getRow(HEADER_ROW).height = 30;

  // Widths: the widest text of a column, within bounds (a Chinese character is two units).
  const widths = FIXED_HEADERS.map((h, i) => {
    const base = FIXED_WIDTHS[i] ?? 10;
    if (i === 2 || i === 3) return base;
    const longest = Math.max(
      textWidth(h),
      ...rows.map((r) =>
        textWidth(
          String([r.id, r.seq, r.task, r.indicator, r.targetText, r.unit, r.lead, r.co, r.deadline][i] ?? ""),
        ),
      ),
    );
    return Math.min(Math.max(base, longest + 2), 30);
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.getColumn(1).hidden = true;
  periods.forEach((p, i) => {
    const c = valueColumn(i);
    ws.getColumn(c).width = Math.max(10, textWidth(`${p.label}完成值`) + 2);
    ws.getColumn(c + 1).width = 9;
    ws.getColumn(c + 2).width = 9;
  });
  TEXT_HEADERS.forEach((_, i) => {
    ws.getColumn(textColumn(ledger, i)).width = TEXT_WIDTHS[i] ?? 20;
  });
  TASK_HEADERS.forEach((_, i) => {
    ws.getColumn(taskColumn(ledger, i)).width = TASK_WIDTHS[i] ?? 20;
  });

  let r = FIRST_DATA_ROW;
  for (const row of rows) {
    const fixed = [
      row.id,
      row.seq,
      row.task,
      row.indicator,
      row.targetValue ?? row.targetText,
      row.unit,
      row.lead,
      row.co,
      row.deadline,
    ];
    fixed.forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = v === "" ? null : v;
      cell.border = BORDER;
      cell.font = { name: FONT, size: 10 };
      cell.alignment = {
        vertical: "middle",
        wrapText: i === 2 || i === 3 || i === 7,
        horizontal: i === 1 || i === 5 ? "center" : undefined,
      };
    });
    row.cells.forEach((c, i) => {
      const col = valueColumn(i);
      const value = ws.getCell(r, col);
      const completion = ws.getCell(r, col + 1);
      const status = ws.getCell(r, col + 2);
      for (const cell of [value, completion, status]) {
        cell.border = BORDER;
        cell.font = { name: FONT, size: 10 };
        cell.alignment = { vertical: "middle", horizontal: "center" };
      }
      if (c.periodKey === null) {
        // This row reports on a longer period (a quarter): nothing to enter in this month.
        for (const cell of [value, completion, status])
          cell.fill = { type: "pattern", pattern: "lightGray", fgColor: { argb: "FFD9D9D9" } };
        return;
      }
      if (row.kind === "task") {
        value.value = c.word;
        value.dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${TASK_WORDS.join(",")}"`],
          showErrorMessage: true,
          errorTitle: "状态",
          error: `请选择：${TASK_WORDS.join("、")}`,
        };
      } else {
        value.value = c.value;
        // 24 not “24.”, 14.1 not 14.1000: the format follows the value.
        value.numFmt = c.value === null ? "General" : numberFormat(c.value);
        value.dataValidation = {
          type: "decimal",
          operator: row.targetKind === "milestone" ? "between" : "greaterThan",
          allowBlank: true,
          formulae: row.targetKind === "milestone" ? [0, 100] : [-1e15],
          showErrorMessage: true,
          errorTitle: "完成值",
          error: row.targetKind === "milestone" ? "请填0–100的完成百分比" : "请填数字",
        };
      }
      completion.value = c.completion;
      completion.numFmt = "0.0%";
      status.value = statusWord(c.status) || null;
      status.dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${LEDGER_STATUSES.map((s) => statusWord(s)).join(",")}"`],
        showErrorMessage: true,
        errorTitle: "状态",
        error: "请从列表中选择",
      };
      statusStyle(status, c.status);
    });
    [row.progress, row.problems, row.nextSteps, row.textPeriod ?? ""].forEach((v, i) => {
      const cell = ws.getCell(r, textColumn(ledger, i));
      cell.value = v === "" ? null : v;
      cell.border = BORDER;
      cell.font = { name: FONT, size: 10 };
      cell.alignment = { vertical: "top", wrapText: i < 3 };
    });
    [row.milestones, row.lightWord, row.latestProgress].forEach((v, i) => {
      const cell = ws.getCell(r, taskColumn(ledger, i));
      cell.value = v === "" ? null : v;
      cell.border = BORDER;
      cell.font = { name: FONT, size: 10 };
      cell.alignment = {
        vertical: i === 1 ? "middle" : "top",
        horizontal: i === 1 ? "center" : undefined,
        wrapText: i !== 1,
      };
      if (i === 1 && row.light) {
        const colour = LIGHT_COLOURS[row.light];
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: colour.fill } };
        cell.font = {
          name: FONT,
          size: 10,
          color: { argb: colour.font },
          bold: TASK_LIGHT_TONES[row.light] === "red",
        };
      }
    });
    ws.getRow(r).height = rowHeight(row, widths);
    r++;
  }
  const lastRow = Math.max(FIRST_DATA_ROW, r - 1);
  ws.autoFilter = { from: { row: HEADER_ROW, column: 2 }, to: { row: lastRow, column: lastCol } };
  ws.views = [{ state: "frozen", xSplit: 4, ySplit: HEADER_ROW, topLeftCell: `E${FIRST_DATA_ROW}` }];
  // A status typed in by hand takes its colour too.
  if (periods.length > 0 && rows.length > 0) {
    periods.forEach((_, i) => {
      const col = columnLetter(valueColumn(i) + 2);
      ws.addConditionalFormatting({
        ref: `${col}${FIRST_DATA_ROW}:${col}${lastRow}`,
        rules: LEDGER_STATUSES.map((s, priority) => ({
          type: "expression" as const,
          priority: priority + 1,
          // Relative to the range's first cell, as Excel reads it.
          formulae: [`${col}${FIRST_DATA_ROW}="${statusWord(s)}"`],
          style: {
            fill: {
              type: "pattern" as const,
              pattern: "solid" as const,
              bgColor: { argb: STATUS_COLOURS[s].fill },
            },
            font: { color: { argb: STATUS_COLOURS[s].font } },
          },
        })),
      });
    });
  }
  printSetup(ws, periods.length > 4, `3:${HEADER_ROW}`);
}

function writeMeta(wb: ExcelJS.Workbook, ledger: Ledger, sheets: { name: string; title: string }[]): void {
  const ws = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  const rows: (string | number)[][] = [
    ["format", LEDGER_FORMAT],
    ["planId", ledger.planId],
    ["planTitle", ledger.planTitle],
    ["period", ledger.period.key],
    ["asOf", ledger.asOf],
    ...ledger.periods.map((p, i) => ["column", p.key, valueColumn(i), p.label]),
    ...sheets.map((s) => ["sheet", s.name, s.title]),
  ];
  for (const r of rows) ws.addRow(r);
}

export async function renderLedgerXlsx(ledger: Ledger): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "PlanTrack";
  wb.title = `${ledger.planTitle}执行情况台账`;
  wb.created = new Date(`${ledger.asOf}T00:00:00Z`);
  const heading = `${ledger.planTitle}执行情况台账`;
  writeSummary(wb, ledger, heading);
  const used = new Set(["汇总", META_SHEET]);
  const sheets: { name: string; title: string }[] = [];
  for (const sheet of ledger.sheets) {
    const name = sheetName(sheet.title, used);
    sheets.push({ name, title: sheet.title });
    const ws = wb.addWorksheet(name, { properties: { tabColor: { argb: "FF1F6FD1" } } });
    writeAreaSheet(ws, ledger, sheet.title, sheet.rows, heading);
  }
  // The period's print view, after the area sheets (the import reads only those _meta lists).
  writePrintSheet(wb, ledger, sheetName(`打印（${ledger.period.label}）`, used));
  writeMeta(wb, ledger, sheets);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
