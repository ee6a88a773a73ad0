// The order of the departments in the cockpit's ranking (排名通报): by what a leader reads first, with
// the reason for each place in words. The criteria, in this order:
//   1. 报送 — a department that owed reports and sent none ranks below every department that reported
//      (or owed nothing yet): nothing of it can be judged, which is worse than anything judged.
//   2. 严重滞后 — among the rest, a department with no target far behind ranks above any with one;
//      fewer above more.
//   3. 完成指数 — higher first; a department with none (only milestones, or nothing approved) after those
//      with one.
//   4. 滞后 — fewer targets behind first.
//   5. 按时报送率 — higher first; none (nothing due) after those with one.
// Departments equal on all five share a rank (1, 2, 2, 4) and are listed by name.
// Shares are compared as they are shown, to one decimal of a percent, so that a tie a leader can see
// is a tie, and a place is never decided by a difference the table does not show.

import type { LocalText } from "./app-error.ts";

export interface DepartmentStanding {
  name: string;
  /** The department's targets 严重滞后 and 滞后 as of the date. */
  farBehind: number;
  behind: number;
  /** Reports due so far, and how many of them came at all (on time or late). */
  reportsDue: number;
  reportsIn: number;
  /** 0..1, or null. */
  completionIndex: number | null;
  /** 0..1, or null when nothing was due. */
  onTimeRate: number | null;
}

export type RankCriterion = "reported" | "far_behind" | "completion" | "behind" | "on_time";

/** The criteria in the order they are applied. */
export const RANK_CRITERIA: readonly RankCriterion[] = [
  "reported",
  "far_behind",
  "completion",
  "behind",
  "on_time",
];

export interface Placed {
  /** 1-based; departments equal on every criterion share one. */
  rank: number;
  rankReason: LocalText;
}

/** Owed reports and sent none of them. */
export function neverReported(s: DepartmentStanding): boolean {
  return s.reportsDue > 0 && s.reportsIn === 0;
}

/** A share as shown (to 0.1%), higher better as a lower key; none after any. */
function shareKey(share: number | null): number {
  return share === null || !Number.isFinite(share) ? Number.POSITIVE_INFINITY : -Math.round(share * 1000);
}

/** Lower is better, criterion by criterion. */
function keyOf(s: DepartmentStanding, c: RankCriterion): number {
  switch (c) {
    case "reported":
      return neverReported(s) ? 1 : 0;
    case "far_behind":
      return s.farBehind;
    case "completion":
      return shareKey(s.completionIndex);
    case "behind":
      return s.behind;
    case "on_time":
      return shareKey(s.onTimeRate);
  }
}

/** The first criterion on which the two differ, or null when they are equal on all. */
export function decidingCriterion(a: DepartmentStanding, b: DepartmentStanding): RankCriterion | null {
  for (const c of RANK_CRITERIA) if (keyOf(a, c) !== keyOf(b, c)) return c;
  return null;
}

function compare(a: DepartmentStanding, b: DepartmentStanding): number {
  const c = decidingCriterion(a, b);
  return c === null ? 0 : keyOf(a, c) < keyOf(b, c) ? -1 : 1;
}

const pct = (share: number) => `${Number((share * 100).toFixed(1))}%`;
const targetsEn = (n: number) => `${n} target${n === 1 ? "" : "s"}`;
// Said where a later criterion decided: the reader sees why the earlier ones did not.
const SAME_BEFORE = { zh: "（前几项依据相同）", en: "; equal on the criteria before" };

/** Why `d` ranks below `p`, the department just above it, decided by `c`. */
function belowReason(d: DepartmentStanding, p: DepartmentStanding, c: RankCriterion): LocalText {
  switch (c) {
    case "reported":
      return {
        zh: `${d.reportsDue}期报告应报未报，排在已报送的单位之后`,
        en: `sent none of the ${d.reportsDue} reports due: below the departments that reported`,
      };
    case "far_behind":
      return p.farBehind === 0
        ? {
            zh: `有${d.farBehind}项严重滞后指标，排在没有严重滞后指标的单位之后`,
            en: `${targetsEn(d.farBehind)} far behind: below the departments with none`,
          }
        : {
            zh: `严重滞后指标${d.farBehind}项，多于${p.name}的${p.farBehind}项`,
            en: `${targetsEn(d.farBehind)} far behind, more than ${p.name} (${p.farBehind})`,
          };
    case "completion":
      return d.completionIndex === null
        ? {
            zh: "尚无可计算完成指数的指标，排在有完成指数的单位之后",
            en: "no completion index yet: below the departments with one",
          }
        : {
            zh: `完成指数${pct(d.completionIndex)}，低于${p.name}的${pct(p.completionIndex ?? 0)}`,
            en: `completion index ${pct(d.completionIndex)}, below ${p.name} (${pct(p.completionIndex ?? 0)})`,
          };
    case "behind":
      return {
        zh: `滞后指标${d.behind}项，多于${p.name}的${p.behind}项${SAME_BEFORE.zh}`,
        en: `${targetsEn(d.behind)} behind, more than ${p.name} (${p.behind})${SAME_BEFORE.en}`,
      };
    case "on_time":
      return d.onTimeRate === null
        ? {
            zh: `尚无到期报告，没有按时报送率，排在${p.name}之后${SAME_BEFORE.zh}`,
            en: `no report due yet, so no on-time rate: below ${p.name}${SAME_BEFORE.en}`,
          }
        : {
            zh: `按时报送率${pct(d.onTimeRate)}，低于${p.name}的${pct(p.onTimeRate ?? 0)}${SAME_BEFORE.zh}`,
            en: `on-time rate ${pct(d.onTimeRate)}, below ${p.name} (${pct(p.onTimeRate ?? 0)})${SAME_BEFORE.en}`,
          };
  }
}

/** Why `d`, ranked first, is above `n`, the first department below the leaders, decided by `c`. */
function firstReason(d: DepartmentStanding, c: RankCriterion | null): LocalText {
  switch (c) {
    case null:
      return { zh: "名列第一", en: "ranked first" };
    case "reported":
      return { zh: "名列第一：已报送", en: "ranked first: reported" };
    case "far_behind":
      return d.farBehind === 0
        ? { zh: "名列第一：没有严重滞后指标", en: "ranked first: no target far behind" }
        : {
            zh: `名列第一：严重滞后指标最少（${d.farBehind}项）`,
            en: `ranked first: fewest targets far behind (${d.farBehind})`,
          };
    case "completion":
      return {
        zh: `名列第一：完成指数${pct(d.completionIndex ?? 0)}，最高`,
        en: `ranked first: highest completion index (${pct(d.completionIndex ?? 0)})`,
      };
    case "behind":
      return {
        zh: `名列第一：滞后指标最少（${d.behind}项）`,
        en: `ranked first: fewest targets behind (${d.behind})`,
      };
    case "on_time":
      return {
        zh: `名列第一：按时报送率${pct(d.onTimeRate ?? 0)}，最高`,
        en: `ranked first: highest on-time rate (${pct(d.onTimeRate ?? 0)})`,
      };
  }
}

const TIE_NAMES = 3;

function tieNote(others: readonly DepartmentStanding[]): LocalText {
  const names = others.map((o) => o.name);
  const shown = names.length <= TIE_NAMES;
  return {
    zh: `；与${shown ? names.join("、") : `其他${names.length}个单位`}并列，五项依据均相同`,
    en: `; tied with ${shown ? names.join(", ") : `${names.length} other departments`}, equal on all five criteria`,
  };
}

/**
 * The departments in ranking order, each with its rank and the reason for its place: against the
 * department just above its group (the first: against the first below it), and the departments it is
 * tied with.
 */
export function placeDepartments<T extends DepartmentStanding>(items: readonly T[]): (T & Placed)[] {
  const sorted = [...items].sort((a, b) => compare(a, b) || a.name.localeCompare(b.name, "zh-CN"));
  // Groups of departments equal on every criterion, in order.
  const groups: T[][] = [];
  for (const item of sorted) {
    const last = groups[groups.length - 1];
    if (last && compare(last[0] as T, item) === 0) last.push(item);
    else groups.push([item]);
  }
  const out: (T & Placed)[] = [];
  groups.forEach((group, g) => {
    const rank = out.length + 1;
    const head = group[0] as T;
    const above = groups[g - 1]?.at(-1);
    const below = groups[g + 1]?.[0];
    const base = above
      ? belowReason(head, above, decidingCriterion(above, head) as RankCriterion)
      : firstReason(head, below ? decidingCriterion(head, below) : null);
    for (const item of group) {
      const tie = group.length > 1 ? tieNote(group.filter((o) => o !== item)) : { zh: "", en: "" };
      out.push({ ...item, rank, rankReason: { zh: base.zh + tie.zh, en: base.en + tie.en } });
    }
  });
  return out;
}
