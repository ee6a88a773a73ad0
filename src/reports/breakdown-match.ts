// Matching a 任务分解表 row to the plan, pure: by text similarity (character-bigram Dice, with the score
// shown) to its targets and tasks — a row that names a headline indicator (地区生产总值增长6%) is that
// target, not the task sentence that mentions it — and its departments as offices abbreviate them
// (区发改委 → 区发展改革委).

import type { BreakdownFields } from "./breakdown-model.ts";

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

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
  /** A target's subject alone (地区生产总值), and the task node it belongs to. */
  subject?: string;
  nodeId?: number | null;
  /** A task with targets: a row that names a goal is one of its targets rather than the task. */
  hasTargets?: boolean;
}

export interface ScoredCandidate extends MatchCandidate {
  score: number;
}

export const MATCH_THRESHOLD = 0.4;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Words a row puts before an indicator's name without changing what it names. */
const LEAD_WORDS = /^(?:全年|全区|年内|今年|力争|确保|争取|实现|完成)+/;

/**
 * Whether words name an indicator: its subject is in them and is what they are about — most of them
 * (地区生产总值稳定增长), or with only a figure beside it (地区生产总值增长6%左右, 全年招商引资到位额达到
 * 106亿元) — unlike a task sentence that holds it among other words (启动应急指挥中心建设，提高突发公共
 * 事件处理能力 is the task, not the milestone; 推进教育、医疗、就业等民生领域改革 does not name 就业).
 */
export function namesIndicator(words: string, subject: string): boolean {
  const bare = (x: string) => x.normalize("NFKC").replace(PUNCT, "");
  const w = bare(words).replace(LEAD_WORDS, "");
  const s = bare(subject);
  if (s.length < 2 || !w.includes(s)) return false;
  const rest = w.replace(s, "");
  return s.length / w.length >= 0.6 || (rest.length <= 12 && /[\d%一二三四五六七八九十百千万亿]/.test(rest));
}

/** The cell of the row that names the target (goal first), or null when none does. */
function namingWords(f: Pick<BreakdownFields, "task" | "goal">, c: MatchCandidate): string | null {
  if (c.kind !== "target" || !c.subject) return null;
  for (const words of [f.goal, f.task, `${f.task}${f.goal}`])
    if (words !== "" && namesIndicator(words, c.subject)) return words;
  return null;
}

/**
 * The score of a candidate for a row. `namedNodes`: tasks holding a target the row names — the row is
 * that target, so the task sentence around it scores as a task of which the row names a goal.
 */
export function scoreCandidate(
  f: Pick<BreakdownFields, "task" | "goal">,
  c: MatchCandidate,
  namedNodes: ReadonlySet<number> = new Set(),
): number {
  if (c.kind === "target") {
    const base =
      f.goal === ""
        ? 0.85 * Math.max(similarity(f.task, `${c.task}`), similarity(f.task, c.title))
        : 0.35 * similarity(f.task, c.task) + 0.65 * similarity(f.goal, c.title);
    const words = namingWords(f, c);
    return round3(words === null ? base : Math.max(base, 0.6 + 0.4 * similarity(words, c.title)));
  }
  const score = similarity(`${f.task}${f.goal}`, c.title);
  const namesGoal = (f.goal !== "" && c.hasTargets) || namedNodes.has(c.id);
  return round3(namesGoal ? 0.75 * score : score);
}

/** The candidates ranked by score, best first (ties: document order). */
export function rankCandidates(
  f: Pick<BreakdownFields, "task" | "goal">,
  candidates: readonly MatchCandidate[],
): ScoredCandidate[] {
  const namedNodes = new Set<number>();
  for (const c of candidates)
    if (c.nodeId !== undefined && c.nodeId !== null && namingWords(f, c) !== null) namedNodes.add(c.nodeId);
  return candidates
    .map((c, i) => ({ c: { ...c, score: scoreCandidate(f, c, namedNodes) }, i }))
    .sort((a, b) => b.c.score - a.c.score || a.i - b.i)
    .map((x) => x.c);
}

// ── Departments ───────────────────────────────────────────────────────────────────────────────

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
