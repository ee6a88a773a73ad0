// Reading a 任务分解表 (the spreadsheet that assigns a plan's tasks to departments), pure: find the header
// row and its columns by their names (not positions), read each row's task, goal, departments,
// deadline and planned values per month or quarter, match it to the plan's targets and tasks by text
// similarity (character-bigram Dice, with the score shown), and propose the changes it implies.

import { AppError } from "../domain/app-error.ts";
import { displayFactor } from "../domain/target-display.ts";

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
  /** 1-based row numbers of the header rows; data starts after the last. */
  headerRow: number;
  dataRow: number;
  columns: Partial<Record<BreakdownField, number>>;
  planned: { column: number; label: string; endMonth: number }[];
  headers: { column: number; header: string; field: BreakdownField | "planned" }[];
}

/**
 * The header: the row among the first 20 naming the most known columns (a task column among them);
 * a period sub-header in the row below (计划进度 over 一季度 … 四季度) is read with it.
 */
export function detectHeader(grid: readonly (readonly string[])[], where: string): HeaderLayout {
  let best: { row: number; score: number } | null = null;
  for (let r = 0; r < Math.min(grid.length, 20); r++) {
    const fields = new Set((grid[r] ?? []).map(fieldOf).filter((f) => f !== null));
    if (!fields.has("task") && !fields.has("goal")) continue;
    const score = fields.size;
    if (score >= 2 && (!best || score > best.score)) best = { row: r, score };
  }
  if (!best)
    throw new AppError(
      "bad_input",
      `${where}：前20行中找不到表头（应有“重点任务/任务内容”和“牵头单位”等列） / no header row in the first 20 rows (looked for 重点任务 / 任务内容, 牵头单位 …)`,
      { where },
    );
  const header = grid[best.row] ?? [];
  const below = grid[best.row + 1] ?? [];
  const columns: HeaderLayout["columns"] = {};
  const planned: HeaderLayout["planned"] = [];
  const headers: HeaderLayout["headers"] = [];
  let usedBelow = false;
  const width = Math.max(header.length, below.length);
  for (let c = 0; c < width; c++) {
    const top = (header[c] ?? "").trim();
    const sub = (below[c] ?? "").trim();
    const subMonth = sub === "" ? null : periodEndMonth(sub);
    const topMonth = top === "" ? null : periodEndMonth(top);
    if (subMonth !== null && fieldOf(sub) === null) {
      usedBelow = true;
      planned.push({ column: c + 1, label: sub, endMonth: subMonth });
      headers.push({ column: c + 1, header: sub, field: "planned" });
      continue;
    }
    const field = fieldOf(top);
    if (field !== null && columns[field] === undefined) {
      columns[field] = c + 1;
      headers.push({ column: c + 1, header: top, field });
    } else if (topMonth !== null) {
      planned.push({ column: c + 1, label: top, endMonth: topMonth });
      headers.push({ column: c + 1, header: top, field: "planned" });
    }
  }
  if (columns.task === undefined && columns.goal !== undefined) {
    columns.task = columns.goal;
    delete columns.goal;
  }
  const headerRow = best.row + 1;
  return { headerRow, dataRow: headerRow + (usedBelow ? 2 : 1), columns, planned, headers };
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
  row: number;
  fields: BreakdownFields;
}

const HEADING = /^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^\([一二三四五六七八九十]+\)/;

/** The data rows: blank rows, repeated headers and section headings (一、…) are left out. */
export function readLines(grid: readonly (readonly string[])[], layout: HeaderLayout): BreakdownLine[] {
  const out: BreakdownLine[] = [];
  const cell = (r: readonly string[], c: number | undefined) =>
    c === undefined ? "" : (r[c - 1] ?? "").trim();
  for (let i = layout.dataRow - 1; i < grid.length; i++) {
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
        .filter((p) => p.text !== ""),
    };
    if (f.task === "" && f.goal === "") continue;
    if (fieldOf(f.task) === "task" && norm(f.task).length <= 6) continue;
    // A heading row: merged across, so every mapped cell holds the same text, or it has no department.
    const mapped = [f.task, f.goal, f.lead, f.co].filter((x) => x !== "");
    const sameEverywhere = mapped.length > 1 && mapped.every((x) => x === f.task);
    if (sameEverywhere || (HEADING.test(f.task) && f.lead === "" && f.goal === "")) continue;
    out.push({ row: i + 1, fields: f });
  }
  return out;
}

// ── Similarity ────────────────────────────────────────────────────────────────────────────────

const PUNCT = /[\s，。、；：,.;:！!？?（）()“”"'‘’《》<>【】[\]—\-·…]/g;

export function bigrams(text: string): Set<string> {
  const t = text.normalize("NFKC").replace(PUNCT, "");
  const out = new Set<string>();
  if (t.length === 1) out.add(t);
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** Sørensen–Dice over character bigrams: 2|A∩B| / (|A|+|B|), 0..1. */
export function dice(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (A.size === 0 || B.size === 0) return 0;
  let both = 0;
  for (const x of A) if (B.has(x)) both++;
  return (2 * both) / (A.size + B.size);
}

/**
 * Dice, lifted when one text is mostly inside the other: a breakdown row often shortens the plan's
 * sentence (its overlap with it is high while Dice is low).
 */
export function similarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (A.size === 0 || B.size === 0) return 0;
  let both = 0;
  for (const x of A) if (B.has(x)) both++;
  const d = (2 * both) / (A.size + B.size);
  const overlap = both / Math.min(A.size, B.size);
  return (d + overlap) / 2;
}

export interface MatchCandidate {
  kind: "target" | "node";
  id: number;
  /** A target's subject and value (国家高新技术企业 30家), or a task's sentence. */
  title: string;
  /** The task the target belongs to (its sentence). */
  task: string;
  /** A task with targets: a row that names a goal is one of its targets rather than the task. */
  hasTargets?: boolean;
}

export interface ScoredCandidate extends MatchCandidate {
  score: number;
}

export const MATCH_THRESHOLD = 0.4;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function scoreCandidate(f: Pick<BreakdownFields, "task" | "goal">, c: MatchCandidate): number {
  if (c.kind === "target") {
    if (f.goal === "")
      return round3(0.85 * Math.max(similarity(f.task, `${c.task}`), similarity(f.task, c.title)));
    return round3(0.35 * similarity(f.task, c.task) + 0.65 * similarity(f.goal, c.title));
  }
  const score = similarity(`${f.task}${f.goal}`, c.title);
  return round3(f.goal !== "" && c.hasTargets ? 0.75 * score : score);
}

/** The candidates ranked by score, best first (ties: document order). */
export function rankCandidates(
  f: Pick<BreakdownFields, "task" | "goal">,
  candidates: readonly MatchCandidate[],
): ScoredCandidate[] {
  return candidates
    .map((c, i) => ({ c: { ...c, score: scoreCandidate(f, c) }, i }))
    .sort((a, b) => b.c.score - a.c.score || a.i - b.i)
    .map((x) => x.c);
}

// ── Departments, deadlines, planned values ────────────────────────────────────────────────────

export interface DepartmentName {
  id: number;
  name: string;
  shortName: string | null;
  fullName: string | null;
}

export function splitNames(text: string): string[] {
  return text
    .split(/[、,，;；\n/／\s]+|和(?=区)/)
    .map((s) =>
      s
        .replace(/^(牵头|配合)[:：]/, "")
        .replace(/[（(].*?[）)]$/, "")
        .trim(),
    )
    .filter((s) => s !== "" && s !== "无" && s !== "—" && s !== "-");
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * A department by a name as a breakdown writes it: the name, short or full name, or an abbreviation
 * whose characters appear in order in exactly one department's name (区发改委 → 区发展改革委).
 */
export function resolveDepartment(
  text: string,
  departments: readonly DepartmentName[],
): DepartmentName | null {
  const t = norm(text);
  const bare = (s: string) =>
    norm(s)
      .replace(/^(天津市)?(南开区|.{2,3}区)?/, "")
      .replace(/^区/, "");
  for (const d of departments)
    if ([d.name, d.shortName, d.fullName].some((n) => n !== null && norm(n) === t)) return d;
  const tb = bare(t);
  if (tb.length < 2) return null;
  const exactBare = departments.filter((d) =>
    [d.name, d.shortName, d.fullName].some((n) => n && bare(n) === tb),
  );
  if (exactBare.length === 1) return exactBare[0] as DepartmentName;
  const loose = departments.filter((d) =>
    [d.name, d.fullName].some(
      (n) => n !== null && isSubsequence(tb, bare(n)) && bare(n).endsWith(tb.slice(-1)),
    ),
  );
  return loose.length === 1 ? (loose[0] as DepartmentName) : null;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A deadline as offices write it (2020年6月底, 6月30日前, 年底, 三季度末, 2020-06-30) → ISO date, or null. */
export function parseDeadline(text: string, year: number): string | null {
  const t = norm(text);
  if (t === "") return null;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(t);
  if (iso) return `${iso[1]}-${pad(Number(iso[2]))}-${pad(Number(iso[3]))}`;
  if (/年底|年末|全年|12月底/.test(t) && !/\d{1,2}月\d{1,2}日/.test(t)) {
    const y = /(\d{4})年/.exec(t);
    return `${y ? y[1] : year}-12-31`;
  }
  const y = /(\d{4})年/.exec(t);
  const yy = y ? Number(y[1]) : year;
  const md = /(\d{1,2}|十[一二]|[一二三四五六七八九十])月(?:(\d{1,2})日)?/.exec(t.replace(/^\d{4}年/, ""));
  if (md) {
    const m = cnNumber(md[1] as string);
    if (m === null || m < 1 || m > 12) return null;
    const d = md[2] ? Math.min(Number(md[2]), lastDay(yy, m)) : lastDay(yy, m);
    return `${yy}-${pad(m)}-${pad(d)}`;
  }
  const end = periodEndMonth(t);
  if (end !== null) return `${yy}-${pad(end)}-${pad(lastDay(yy, end))}`;
  return null;
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
