// Reading a 任务分解表 (the spreadsheet that assigns a plan's tasks to departments), pure: find the header
// (one row or two) and its columns by their names, not positions; read each row's task, goal,
// departments, 完成时限 (as the domain reads deadlines) and its period columns — numbers are planned
// values, words are milestones (形象进度 / 节点). Matching rows to the plan is breakdown-match.ts.

import { AppError, type LocalText } from "../domain/app-error.ts";
import { isoDate, lastDayOfMonth } from "../domain/iso-dates.ts";
import { displayFactor } from "../domain/target-display.ts";
import { firstDateInText, milestonesInText, readDeadline } from "../domain/task-deadlines.ts";

export type BreakdownField = "seq" | "task" | "goal" | "lead" | "co" | "deadline";

/** Header names by field, most specific first; a header matches when it contains one. */
const HEADER_NAMES: [BreakdownField, readonly string[]][] = [
  ["seq", ["序号", "编号"]],
  ["co", ["配合单位", "配合部门", "协办单位", "协同单位", "参与单位", "配合"]],
  ["lead", ["牵头单位", "牵头部门", "责任单位", "责任部门", "主责单位", "牵头"]],
  ["deadline", ["完成时限", "时间节点", "完成时间", "时限", "时间要求", "完成期限"]],
  [
    "goal",
    ["具体目标", "工作目标", "年度目标", "预期目标", "主要指标", "目标任务", "指标", "具体内容", "工作措施"],
  ],
  ["task", ["重点任务", "工作任务", "任务内容", "主要任务", "重点工作", "任务名称", "工作内容", "任务"]],
  ["goal", ["目标"]],
];

const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

function cnNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === "十") return 10;
  if (/^十[一二]$/.test(text)) return 10 + (CN_DIGITS[text[1] as string] ?? 0);
  return CN_DIGITS[text] ?? null;
}

/** The month a planned-value header ends with: 3月, 三月底, 一季度, 第二季度, 上半年, 前三季度; else null. */
export function periodEndMonth(header: string): number | null {
  const h = header.replace(/\s/g, "");
  if (/全年|年度目标|年底/.test(h)) return null;
  if (/上半年/.test(h)) return 6;
  if (/下半年/.test(h)) return 12;
  const front = /前([一二三1-3])季度/.exec(h);
  if (front) return (cnNumber(front[1] as string) ?? 0) * 3 || null;
  const q = /(?:第)?([一二三四1-4])季度|Q([1-4])/.exec(h);
  if (q) return (cnNumber((q[1] ?? q[2]) as string) ?? 0) * 3 || null;
  const m = /(?:\d{4}年)?(\d{1,2}|十[一二]|[一二三四五六七八九十])月/.exec(h);
  if (m) {
    const n = cnNumber(m[1] as string);
    return n !== null && n >= 1 && n <= 12 ? n : null;
  }
  return null;
}

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

function fieldOf(header: string): BreakdownField | null {
  const h = norm(header);
  if (h === "") return null;
  for (const [field, names] of HEADER_NAMES) if (names.some((n) => h.includes(n))) return field;
  return null;
}

export interface HeaderLayout {
  /** Row number (as the file counts them) of the header's first row, and of each of its rows. */
  headerRow: number;
  headerRows: number[];
  /** Index in the grid of the first row after the header: the data starts there. */
  dataIndex: number;
  columns: Partial<Record<BreakdownField, number>>;
  planned: { column: number; label: string; endMonth: number }[];
  headers: { column: number; header: string; field: BreakdownField | "planned" }[];
}

/** A header cell naming a column, not a sentence that happens to contain 任务 or 目标. */
function isHeaderWord(text: string): boolean {
  return fieldOf(text) !== null && norm(text).replace(/[（(].*?[）)]/g, "").length <= 8;
}

/**
 * A period column's header (一季度, 3月, 一季度形象进度, 第一季度时间节点): a period and no 完成时限 words —
 * 完成时限 is always the deadline, whatever month its header mentions.
 */
function periodOf(header: string): number | null {
  const h = norm(header);
  if (h === "" || /完成时限|完成时间|完成期限|^时限/.test(h)) return null;
  const fieldWord = fieldOf(h);
  if (fieldWord !== null && fieldWord !== "deadline") return null;
  return periodEndMonth(h);
}

const rowNumberOf = (rowNumbers: readonly number[] | undefined, i: number) => rowNumbers?.[i] ?? i + 1;

/**
 * Whether the row beside the header is its second row: under (or over) the header's task column it
 * holds the same words (a merged cell), a header word or nothing; it is no title merged across; and
 * it names at least one column the header row does not (牵头单位 under 责任单位, 一季度 under 计划进度).
 */
function isSecondHeaderRow(row: readonly string[], header: readonly string[], taskColumn: number): boolean {
  const cells = row.map((c) => c.trim());
  const filled = cells.filter((c) => c !== "");
  if (filled.length === 0 || new Set(filled).size === 1) return false;
  const under = cells[taskColumn - 1] ?? "";
  if (under !== "" && under !== (header[taskColumn - 1] ?? "").trim() && !isHeaderWord(under)) return false;
  let names = false;
  for (const [c, text] of cells.entries()) {
    if (text === "" || text === (header[c] ?? "").trim()) continue;
    if (HEADING.test(text)) return false;
    if (periodOf(text) !== null || isHeaderWord(text)) names = true;
    // Data under the header (a number, a sentence): this row is the first of the table's rows.
    else if (/^[\d.+-]/.test(text) || norm(text).length > 12) return false;
  }
  return names;
}

/**
 * The header: the row among the first 20 naming the most known columns (a task column among them),
 * with its second row when the header takes two (计划进度 over 一季度 … 四季度, 责任单位 over 牵头单位 and
 * 配合单位, or the header found on the lower of the two). The first row after the header is data,
 * whatever it holds: a 6月底 in its 完成时限 does not make it a header row.
 */
export function detectHeader(
  grid: readonly (readonly string[])[],
  where: string | LocalText,
  rowNumbers?: readonly number[],
): HeaderLayout {
  let best: { row: number; score: number } | null = null;
  for (let r = 0; r < Math.min(grid.length, 20); r++) {
    const cells = (grid[r] ?? []).filter((c) => isHeaderWord(c));
    const fields = new Set(cells.map(fieldOf).filter((f) => f !== null));
    if (!fields.has("task") && !fields.has("goal")) continue;
    const score = fields.size;
    if (score >= 2 && (!best || score > best.score)) best = { row: r, score };
  }
  if (!best) {
    const at = typeof where === "string" ? { zh: where, en: where } : where;
    throw new AppError(
      "bad_input",
      {
        zh: `${at.zh}：前20行中找不到表头（应有“重点任务/任务内容”和“牵头单位”等列）`,
        en: `${at.en}: no header row in the first 20 rows (looked for 重点任务 / 任务内容, 牵头单位 …)`,
      },
      { where: at.en },
    );
  }
  const main = grid[best.row] ?? [];
  const taskColumn =
    main.findIndex((c) => isHeaderWord(c) && fieldOf(c) === "task") + 1 ||
    main.findIndex((c) => isHeaderWord(c) && fieldOf(c) === "goal") + 1;
  const below = grid[best.row + 1];
  const above = best.row > 0 ? grid[best.row - 1] : undefined;
  let top = best.row;
  let second: number | null = null;
  if (below && isSecondHeaderRow(below, main, taskColumn)) second = best.row + 1;
  else if (above && isSecondHeaderRow(above, main, taskColumn)) {
    top = best.row - 1;
    second = best.row;
  }
  const upper = grid[top] ?? [];
  const lower = second === null ? [] : (grid[second] ?? []);
  const columns: HeaderLayout["columns"] = {};
  const planned: HeaderLayout["planned"] = [];
  const headers: HeaderLayout["headers"] = [];
  const width = Math.max(upper.length, lower.length);
  for (let c = 0; c < width; c++) {
    const u = (upper[c] ?? "").trim();
    const l = (lower[c] ?? "").trim();
    const sub = l === u ? "" : l;
    const subMonth = periodOf(sub);
    const upMonth = periodOf(u);
    if (subMonth !== null || (upMonth !== null && sub !== "" && !isHeaderWord(sub))) {
      // 一季度 under 计划进度安排; or 形象进度 under a 一季度 spanning two columns.
      const label = subMonth !== null ? sub : `${u}${sub}`;
      planned.push({ column: c + 1, label, endMonth: (subMonth ?? upMonth) as number });
      headers.push({ column: c + 1, header: label, field: "planned" });
      continue;
    }
    const text = sub !== "" && isHeaderWord(sub) ? sub : u;
    const field = isHeaderWord(text) ? fieldOf(text) : null;
    if (field !== null && columns[field] === undefined) {
      columns[field] = c + 1;
      headers.push({ column: c + 1, header: text, field });
    } else if (upMonth !== null) {
      planned.push({ column: c + 1, label: u, endMonth: upMonth });
      headers.push({ column: c + 1, header: u, field: "planned" });
    }
  }
  if (columns.task === undefined && columns.goal !== undefined) {
    columns.task = columns.goal;
    delete columns.goal;
  }
  const last = second ?? top;
  const headerRows = [top, ...(second === null ? [] : [second])].map((i) => rowNumberOf(rowNumbers, i));
  return {
    headerRow: headerRows[0] as number,
    headerRows,
    dataIndex: last + 1,
    columns,
    planned,
    headers,
  };
}

export interface BreakdownFields {
  seq: string;
  task: string;
  goal: string;
  lead: string;
  co: string;
  deadline: string;
  planned: { label: string; endMonth: number; text: string }[];
}

export interface BreakdownLine {
  /** The row number as the file counts them (Excel's row, the CSV's line). */
  row: number;
  fields: BreakdownFields;
}

const HEADING = /^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^\([一二三四五六七八九十]+\)/;
/** A cell that says “nothing here”. */
const PLACEHOLDER = /^[—–\-－/／无\s]*$/;

/** The data rows: blank rows, repeated headers and section headings (一、…) are left out. */
export function readLines(
  grid: readonly (readonly string[])[],
  layout: HeaderLayout,
  rowNumbers?: readonly number[],
): BreakdownLine[] {
  const out: BreakdownLine[] = [];
  const cell = (r: readonly string[], c: number | undefined) =>
    c === undefined ? "" : (r[c - 1] ?? "").trim();
  for (let i = layout.dataIndex; i < grid.length; i++) {
    const r = grid[i] ?? [];
    const f: BreakdownFields = {
      seq: cell(r, layout.columns.seq),
      task: cell(r, layout.columns.task),
      goal: cell(r, layout.columns.goal),
      lead: cell(r, layout.columns.lead),
      co: cell(r, layout.columns.co),
      deadline: cell(r, layout.columns.deadline),
      planned: layout.planned
        .map((p) => ({ label: p.label, endMonth: p.endMonth, text: cell(r, p.column) }))
        .filter((p) => !PLACEHOLDER.test(p.text)),
    };
    if (f.task === "" && f.goal === "") continue;
    // A header repeated on a later page of the print-out.
    if (isHeaderWord(f.task) && fieldOf(f.task) === "task" && (f.lead === "" || isHeaderWord(f.lead)))
      continue;
    // A heading row: merged across, so every mapped cell holds the same text, or it has no department.
    const mapped = [f.task, f.goal, f.lead, f.co].filter((x) => x !== "");
    const sameEverywhere = mapped.length > 1 && mapped.every((x) => x === f.task);
    if (sameEverywhere || (HEADING.test(f.task) && f.lead === "" && f.goal === "")) continue;
    out.push({ row: rowNumberOf(rowNumbers, i), fields: f });
  }
  return out;
}

// ── Deadlines, milestones, planned values ─────────────────────────────────────────────────────

/** What a row's 完成时限 cell says. */
export type RowDeadline =
  | { kind: "none" }
  /** A day; with the milestones the cell states when it names several (6月底前完成招标，年底前竣工). */
  | { kind: "date"; text: string; date: string; milestones: MilestoneDraft[] }
  /** 长期 / 持续推进: the task has no deadline, and says so. */
  | { kind: "open"; text: string }
  | { kind: "unknown"; text: string };

export interface MilestoneDraft {
  name: string;
  /** YYYY-MM-DD */
  due: string;
}

/**
 * The 完成时限 cell as the domain reads deadlines (task-deadlines.ts); a cell of several dated clauses
 * gives each as a milestone and the last as the deadline. Nothing else is guessed.
 */
export function readRowDeadline(text: string, year: number): RowDeadline {
  const t = text.trim();
  if (t === "" || PLACEHOLDER.test(t)) return { kind: "none" };
  const reading = readDeadline(t, year);
  if (reading?.kind === "date") return { kind: "date", text: t, date: reading.date, milestones: [] };
  if (reading?.kind === "open") return { kind: "open", text: t };
  const clauses = milestonesInText(t, year);
  if (clauses.length === 0) return { kind: "unknown", text: t };
  const last = clauses.reduce((a, b) => (b.due > a.due ? b : a));
  return {
    kind: "date",
    text: t,
    date: last.due,
    milestones: clauses.length > 1 ? clauses.map((m) => ({ name: m.name, due: m.due })) : [],
  };
}

/**
 * A period cell is a planned value when it opens with a number (30, 20亿元, 25%, 1.2万平方米); words
 * otherwise — a date opening them too (8月底前开工建设, 2020年完成).
 */
export function isPlannedNumber(text: string): boolean {
  return /^[+-]?\d+(?:[.,]\d+)*(?![\d.,]|月|日|号|年|季度)/.test(norm(text));
}

/**
 * A period cell in words (完成招标, 主体结构封顶（8月底前）) as a milestone: named by the words, due on the
 * day they name, else on the period's last day (一季度 → 03-31).
 */
export function periodMilestone(
  cell: { label: string; endMonth: number; text: string },
  year: number,
): MilestoneDraft | null {
  const name = cell.text.replace(/\s+/g, " ").trim();
  if (name === "" || PLACEHOLDER.test(name) || isPlannedNumber(name)) return null;
  const dated = firstDateInText(name, year);
  return { name, due: dated?.date ?? isoDate(year, cell.endMonth, lastDayOfMonth(year, cell.endMonth)) };
}

export interface TargetFacts {
  unit: string;
  displayUnit: string;
  value: number | null;
  kind: string;
}

/**
 * A planned-value cell in the target's base unit: a number in the display unit (30 → 30亿元), a number
 * with its own unit (3000万元), or a share of the annual target (25%, for targets not in %).
 */
export function parsePlanned(text: string, t: TargetFacts): number | null {
  const s = norm(text).replace(/[,，]/g, "");
  const m = /^([+-]?\d+(?:\.\d+)?)(.*)$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  const suffix = (m[2] ?? "").replace(/^(以上|左右|以内)/, "").replace(/(以上|左右|以内)$/, "");
  const rateUnit = t.unit === "%" || t.unit === "个百分点";
  if (suffix === "%" && !rateUnit) return t.value === null ? null : (n / 100) * t.value;
  if (suffix !== "" && suffix !== "%" && suffix.endsWith(t.unit)) return n * displayFactor(t.unit, suffix);
  if (t.kind === "milestone") return n;
  return n * displayFactor(t.unit, t.displayUnit || t.unit);
}
