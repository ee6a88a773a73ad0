// A department's fill-in ledger (填报表): one sheet with a header block the department fills in
// (填报单位 given; 填报人, 联系电话, 报送日期 blank), then only the targets and tasks it leads that report
// in the period, each with its value and 进展情况 / 存在问题 / 下步打算 to fill. The office re-imports
// the returned file through the ledger import (services/ledger-import.ts), which finds the table by its
// header row wherever the department moved it and reads the header block by its labels. One language
// a workbook: Chinese, or English when the person asked for English.

import ExcelJS from "exceljs";
import { periodWords } from "../domain/reminder-text.ts";
import type { Ledger, LedgerRow } from "./ledger-model.ts";
import { type CellText, cellValue } from "./sheet-cells.ts";

export const FILL_IN_FORMAT = "plantrack-ledger-fill-in/1";
export const FILL_IN_META = "_meta";
export type FillInLang = "zh" | "en";

/** The task status words the reports store, and how an English workbook shows them. */
const TASK_WORDS_ZH = ["未启动", "推进中", "已完成", "受阻"] as const;
const TASK_WORDS_EN = ["not started", "in progress", "completed", "blocked"] as const;

export const FILL_IN_WORDS = {
  zh: {
    sheet: "填报表",
    title: (plan: string, period: string) => `${plan}执行情况填报表（${period}）`,
    unit: "填报单位",
    person: "填报人",
    phone: "联系电话",
    date: "报送日期",
    hint: "请在白色单元格中填写本期完成值、进展情况、存在问题和下步打算；灰色单元格为计划内容，请勿修改，也请勿插入或删除列。",
    headers: ["编号", "序号", "任务内容", "指标", "目标值", "单位", "完成时限"],
    value: (period: string) => `${period}完成值`,
    texts: ["进展情况", "存在问题", "下步打算"],
    taskWords: TASK_WORDS_ZH,
    listError: (words: readonly string[]) => `请选择：${words.join("、")}`,
    numberError: "请填数字",
    percentError: "请填0–100的完成百分比",
    none: "本期没有由本单位牵头填报的指标或任务。",
  },
  en: {
    sheet: "Fill-in",
    title: (plan: string, period: string) => `${plan}: progress fill-in form, ${period}`,
    unit: "Reporting unit",
    person: "Filled in by",
    phone: "Telephone",
    date: "Date submitted",
    hint: "Fill in the white cells: this period's value, progress, problems and next steps. The grey cells are the plan's: do not change them, and do not insert or delete columns.",
    headers: ["ID", "No.", "Task", "Indicator", "Target", "Unit", "Deadline"],
    value: (period: string) => `Value, ${period}`,
    texts: ["Progress", "Problems", "Next steps"],
    taskWords: TASK_WORDS_EN,
    listError: (words: readonly string[]) => `Choose one of: ${words.join(", ")}`,
    numberError: "Enter a number",
    percentError: "Enter the percent complete, 0–100",
    none: "Your unit leads no target or task that reports in this period.",
  },
} as const;

const VALUE_COLUMN = FILL_IN_WORDS.zh.headers.length + 1;
const FIRST_TEXT_COLUMN = VALUE_COLUMN + 1;
const LAST_COLUMN = FIRST_TEXT_COLUMN + 2;
const WIDTHS = [10, 6, 34, 22, 10, 8, 14, 12, 40, 28, 28];
const FONT = "宋体";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF8C96A3" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF0F2F5" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F2" } };

export interface FillInInput {
  ledger: Ledger;
  department: { id: number; name: string };
  /** The department's rows (ledger rows it leads that report in the ledger's period). */
  rows: readonly LedgerRow[];
  lang: FillInLang;
}

/** The rows of the ledger a department fills in: those it leads with a report due in the last period. */
export function fillInRows(
  ledger: Ledger,
  leadOf: (rowId: string) => number | null,
  departmentId: number,
): LedgerRow[] {
  return ledger.sheets.flatMap((s) =>
    s.rows.filter((r) => leadOf(r.id) === departmentId && lastCell(r)?.periodKey != null),
  );
}

function lastCell(row: LedgerRow) {
  return row.cells[row.cells.length - 1];
}

/** What the department finds filled: the period's approved value and, when of this period, its texts. */
function prefilled(row: LedgerRow, lang: FillInLang): { value: CellText; texts: string[] } {
  const cell = lastCell(row);
  const own = cell?.periodKey != null && row.textPeriod === cell.periodKey;
  const texts = own ? [row.progress, row.problems, row.nextSteps] : ["", "", ""];
  if (row.kind === "task") {
    const at = TASK_WORDS_ZH.indexOf((cell?.word ?? "") as (typeof TASK_WORDS_ZH)[number]);
    return { value: at < 0 ? null : (FILL_IN_WORDS[lang].taskWords[at] ?? null), texts };
  }
  return { value: cell?.value ?? null, texts };
}

function styled(cell: ExcelJS.Cell, value: CellText, editable: boolean, wrap = false): void {
  cell.value = value === "" ? null : value;
  cell.border = BORDER;
  cell.font = { name: FONT, size: 11 };
  cell.alignment = { vertical: "top", wrapText: wrap };
  if (!editable) cell.fill = GREY;
}

function headerBlock(ws: ExcelJS.Worksheet, words: (typeof FILL_IN_WORDS)[FillInLang], unit: string): void {
  const pair = (row: number, col: number, label: string, value: string, span: number) => {
    const l = ws.getCell(row, col);
    l.value = label;
    l.font = { name: "黑体", size: 11, bold: true };
    l.alignment = { horizontal: "right", vertical: "middle" };
    ws.mergeCells(row, col + 1, row, col + span);
    const v = ws.getCell(row, col + 1);
    v.value = value === "" ? null : value;
    v.font = { name: FONT, size: 11 };
    v.alignment = { vertical: "middle" };
    for (let c = col + 1; c <= col + span; c++) ws.getCell(row, c).border = { bottom: THIN };
  };
  pair(2, 2, words.unit, unit, 2);
  pair(2, 6, words.person, "", 2);
  pair(3, 2, words.phone, "", 2);
  pair(3, 6, words.date, "", 2);
  ws.getCell(3, 7).numFmt = "yyyy-mm-dd";
  ws.mergeCells(4, 2, 4, LAST_COLUMN);
  const hint = ws.getCell(4, 2);
  hint.value = words.hint;
  hint.font = { name: FONT, size: 10, color: { argb: "FF595959" } };
  hint.alignment = { wrapText: true, vertical: "middle" };
  ws.getRow(4).height = 30;
}

/** Where the table starts: the rows above it are the header block. */
export const FILL_IN_HEADER_ROW = 5;

export async function renderFillInXlsx(input: FillInInput): Promise<Buffer> {
  const { ledger, department, rows, lang } = input;
  const words = FILL_IN_WORDS[lang];
  const period = periodWords(ledger.period.key, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = "PlanTrack";
  wb.title = words.title(ledger.planTitle, period);
  wb.created = new Date(`${ledger.asOf}T00:00:00Z`);
  const ws = wb.addWorksheet(words.sheet);
  ws.mergeCells(1, 2, 1, LAST_COLUMN);
  const title = ws.getCell(1, 2);
  title.value = words.title(ledger.planTitle, period);
  title.font = { name: "黑体", size: 16, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(1).height = 32;
  headerBlock(ws, words, department.name);

  const headers = [...words.headers, words.value(period), ...words.texts];
  headers.forEach((h, i) => {
    const cell = ws.getCell(FILL_IN_HEADER_ROW, i + 1);
    cell.value = h;
    cell.font = { name: "黑体", size: 11, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  ws.getRow(FILL_IN_HEADER_ROW).height = 30;
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.getColumn(1).hidden = true;

  let r = FILL_IN_HEADER_ROW + 1;
  for (const [i, row] of rows.entries()) {
    const fixed: CellText[] = [
      row.id,
      i + 1,
      row.task,
      row.indicator,
      row.targetValue ?? row.targetText,
      row.unit,
      row.deadline,
    ];
    fixed.forEach((v, c) => {
      styled(ws.getCell(r, c + 1), v, false, c === 2 || c === 3);
    });
    const given = prefilled(row, lang);
    const value = ws.getCell(r, VALUE_COLUMN);
    styled(value, given.value, true);
    value.alignment = { vertical: "top", horizontal: "center" };
    if (row.kind === "task")
      value.dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${words.taskWords.join(",")}"`],
        showErrorMessage: true,
        error: words.listError(words.taskWords),
      };
    else {
      const milestone = row.targetKind === "milestone";
      value.numFmt = "General";
      value.dataValidation = {
        type: "decimal",
        operator: milestone ? "between" : "greaterThan",
        allowBlank: true,
        formulae: milestone ? [0, 100] : [-1e15],
        showErrorMessage: true,
        error: milestone ? words.percentError : words.numberError,
      };
    }
    given.texts.forEach((t, k) => {
      styled(ws.getCell(r, FIRST_TEXT_COLUMN + k), t, true, true);
    });
    ws.getRow(r).height = 48;
    r++;
  }
  if (rows.length === 0) {
    ws.mergeCells(r, 2, r, LAST_COLUMN);
    ws.getCell(r, 2).value = words.none;
  }
  ws.views = [{ state: "frozen", ySplit: FILL_IN_HEADER_ROW }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${FILL_IN_HEADER_ROW}:${FILL_IN_HEADER_ROW}`,
  };
  ws.headerFooter = {
    oddFooter: lang === "zh" ? "&10第 &P 页 共 &N 页" : "&10Page &P of &N",
  };

  const meta = wb.addWorksheet(FILL_IN_META, { state: "veryHidden" });
  for (const m of [
    ["format", FILL_IN_FORMAT],
    ["planId", ledger.planId],
    ["period", ledger.period.key],
    ["departmentId", department.id],
    ["lang", lang],
  ])
    meta.addRow(m);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** Who filled the form: the header block as read; "" where left blank. */
export interface FillInFiller {
  department: string;
  person: string;
  phone: string;
  date: string;
}

export interface FillInRow {
  sheet: string;
  row: number;
  id: string;
  /** The value cell: a number, or a task's status word in Chinese (as stored). */
  value: CellText;
  texts: [CellText, CellText, CellText];
}

export interface FillInFile {
  planId: number;
  period: string;
  departmentId: number;
  lang: FillInLang;
  /** The value column, 1-based: for messages that name the cell. */
  valueColumn: number;
  filler: FillInFiller;
  rows: FillInRow[];
}

export type FillInProblem =
  | { kind: "no_sheet"; sheet: string }
  | { kind: "no_header"; sheet: string; expected: string }
  | { kind: "bad_word"; sheet: string; row: number; column: number; word: string; words: readonly string[] };

/** Whether the workbook's hidden _meta sheet says it is a fill-in ledger. */
export function isFillIn(wb: ExcelJS.Workbook): boolean {
  const meta = wb.getWorksheet(FILL_IN_META);
  return meta !== undefined && cellValue(meta.getCell(1, 2).value) === FILL_IN_FORMAT;
}

const text = (v: CellText) => (v === null ? "" : String(v));
const label = (v: CellText) => text(v).replace(/[：:\s]+$/u, "");

/**
 * Reads a returned fill-in ledger: the table wherever its header row now is (rows may have been added
 * above it), and the header block's values right of their labels. A problem is given back for the
 * caller to word as its own error.
 */
export function readFillIn(wb: ExcelJS.Workbook): FillInFile | FillInProblem {
  const meta = wb.getWorksheet(FILL_IN_META) as ExcelJS.Worksheet;
  const get = (k: string): CellText => {
    let found: CellText = null;
    meta.eachRow((row) => {
      if (cellValue(row.getCell(1).value) === k) found = cellValue(row.getCell(2).value);
    });
    return found;
  };
  const lang: FillInLang = get("lang") === "en" ? "en" : "zh";
  const words = FILL_IN_WORDS[lang];
  const ws = wb.worksheets.find((s) => s.name !== FILL_IN_META && s.state === "visible");
  if (!ws) return { kind: "no_sheet", sheet: words.sheet };
  const expected = [...words.headers.slice(1), null, ...words.texts];
  let headerRow = 0;
  for (let n = 1; n <= Math.min(ws.rowCount, 40) && headerRow === 0; n++) {
    const found = expected.map((_, i) => cellValue(ws.getCell(n, i + 2).value));
    if (expected.every((h, i) => h === null || found[i] === h)) headerRow = n;
  }
  if (headerRow === 0)
    return {
      kind: "no_header",
      sheet: ws.name,
      expected: [...words.headers.slice(1), ...words.texts].join(" | "),
    };

  const filler: FillInFiller = { department: "", person: "", phone: "", date: "" };
  const labels: [keyof FillInFiller, string][] = [
    ["department", words.unit],
    ["person", words.person],
    ["phone", words.phone],
    ["date", words.date],
  ];
  for (let n = 1; n < headerRow; n++)
    for (let c = 1; c <= LAST_COLUMN; c++) {
      const at = labels.find(([, l]) => l === label(cellValue(ws.getCell(n, c).value)));
      if (at) filler[at[0]] = text(cellValue(ws.getCell(n, c + 1).value));
    }

  const rows: FillInRow[] = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const id = cellValue(ws.getCell(n, 1).value);
    if (typeof id !== "string" || !/^(target|task):\d+$/.test(id)) continue;
    let value = cellValue(ws.getCell(n, VALUE_COLUMN).value);
    if (id.startsWith("task:") && value !== null) {
      const at = (words.taskWords as readonly string[]).indexOf(String(value).trim());
      if (at < 0)
        return {
          kind: "bad_word",
          sheet: ws.name,
          row: n,
          column: VALUE_COLUMN,
          word: String(value),
          words: words.taskWords,
        };
      value = TASK_WORDS_ZH[at] ?? null;
    }
    rows.push({
      sheet: ws.name,
      row: n,
      id,
      value,
      texts: [0, 1, 2].map((k) => cellValue(ws.getCell(n, FIRST_TEXT_COLUMN + k).value)) as [
        CellText,
        CellText,
        CellText,
      ],
    });
  }
  return {
    planId: Number(get("planId")),
    period: String(get("period") ?? ""),
    departmentId: Number(get("departmentId")),
    lang,
    valueColumn: VALUE_COLUMN,
    filler,
    rows,
  };
}
