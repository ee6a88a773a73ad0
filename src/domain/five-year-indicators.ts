// A five-year plan's target as an indicator the mid-term evaluation judges: which form the plan states
// it in (an end level, 年均增长, 累计, a ceiling, a decrease), read from the fields a target already
// has; the target path the schedule draws from the baseline to the target year; which units can be
// compared when an annual target is linked to an indicator; who counts as the statistics department.
// Pure: rows of numbers in, indicators and checks out.

import type { LocalText } from "./app-error.ts";
import {
  cagr,
  checkIndicatorYears,
  type FiveYearCheck,
  type FiveYearIndicator,
  type IndicatorForm,
} from "./five-year.ts";

/** The fields of a target the indicator is read from (values in the units the caller judges in). */
export interface IndicatorSource {
  subject: string;
  unit: string;
  kind: "cumulative" | "level" | "rate" | "milestone";
  comparator: "target" | "at_least" | "at_most" | "about" | "range";
  direction: "increase" | "decrease" | "level";
  value: number | null;
  baseline: number | null;
  attribute: "binding" | "expected" | null;
  baselineYear: number | null;
  targetYear: number | null;
  /** The indicator table's 年均增长 column (%), when it has one. */
  annualGrowth: number | null;
}

/**
 * How the plan states the target: a rate going down is a decrease over the period (单位GDP能耗下降
 * 13.5%), a rate going up a 年均增长, and so is a level whose table row gives a 年均增长 (the rate is what
 * the plan commits to; the end level follows from it); at_most a ceiling (控制在…以内), a 累计 total
 * cumulative, else an end level.
 */
export function indicatorFormOf(
  t: Pick<IndicatorSource, "kind" | "comparator" | "direction"> & { annualGrowth?: number | null },
): IndicatorForm {
  if (t.kind === "rate") return t.direction === "decrease" ? "decrease" : "annual_growth";
  const growth = t.annualGrowth ?? null;
  if (t.kind === "level" && growth !== null && t.comparator !== "at_most") return "annual_growth";
  if (t.comparator === "at_most") return "ceiling";
  if (t.kind === "cumulative") return "cumulative";
  return "level";
}

/** Why a target cannot be judged as an indicator, or null when it can. */
export function indicatorProblem(ind: FiveYearIndicator, source: IndicatorSource): LocalText | null {
  if (source.kind === "milestone")
    return { zh: "该目标为里程碑，没有数值，不作指标评估", en: "a milestone has no figure to judge" };
  if (source.value === null && source.annualGrowth === null)
    return { zh: "未设目标值", en: "no target value" };
  const years = checkIndicatorYears(ind.baselineYear, ind.targetYear);
  if (years) return years.message;
  const needsBaseline = ind.form !== "cumulative" && ind.form !== "ceiling";
  if (needsBaseline && source.baseline === null)
    return { zh: `未设${ind.baselineYear}年基期值`, en: `no baseline value for ${ind.baselineYear}` };
  return null;
}

/**
 * The indicator of a five-year plan's target, the plan's period filling in what the target does not
 * say (the baseline year is the year before the period, the target year its last). A percentage level
 * is a bounded share, judged linearly.
 */
export function indicatorOf(
  source: IndicatorSource,
  period: { startYear: number; endYear: number },
): FiveYearIndicator {
  const form = indicatorFormOf(source);
  return {
    name: source.subject,
    unit: source.unit,
    form,
    attribute: source.attribute ?? "expected",
    baselineYear: source.baselineYear ?? period.startYear - 1,
    baselineValue: source.baseline ?? 0,
    targetYear: source.targetYear ?? period.endYear,
    targetValue:
      (form === "annual_growth" && source.kind === "level" ? source.annualGrowth : source.value) ?? 0,
    bounded: form === "level" && source.unit === "%",
  };
}

/** The end level the target means: a rate or a decrease turned into a level; null for a 累计 total. */
export function targetLevel(ind: FiveYearIndicator): number | null {
  const years = ind.targetYear - ind.baselineYear;
  switch (ind.form) {
    case "annual_growth":
      return ind.baselineValue * (1 + ind.targetValue / 100) ** years;
    case "decrease":
      return ind.baselineValue * (1 - ind.targetValue / 100);
    case "cumulative":
      return null;
    default:
      return ind.targetValue;
  }
}

/**
 * Where the schedule puts the value in each year from the baseline year to the target year: compound
 * growth for levels reached by growth, 年均增长 and decreases; a straight line for bounded shares and
 * 累计 totals (from 0); the ceiling itself every year.
 */
export function targetPath(ind: FiveYearIndicator): { year: number; value: number }[] {
  const { baselineYear: b, targetYear: T, baselineValue: vb } = ind;
  if (T <= b) return [];
  const span = T - b;
  const level = targetLevel(ind);
  const rate =
    ind.form === "annual_growth"
      ? ind.targetValue
      : level !== null && (ind.form === "decrease" || (ind.form === "level" && !ind.bounded))
        ? cagr(vb, level, span)
        : null;
  const out: { year: number; value: number }[] = [];
  for (let y = b; y <= T; y++) {
    const k = y - b;
    let value: number;
    if (ind.form === "ceiling") value = ind.targetValue;
    else if (ind.form === "cumulative") value = (ind.targetValue * k) / span;
    else if (rate !== null) value = vb * (1 + rate / 100) ** k;
    else value = vb + (((level ?? ind.targetValue) - vb) * k) / span;
    out.push({ year: y, value });
  }
  return out;
}

const PERCENT_POINTS = new Set(["%", "个百分点", "百分点"]);

/**
 * Whether an annual target's figures can stand for an indicator's: the same base unit (亿元 and 万元
 * are both 元), percentages and percentage points counting as one.
 */
export function unitsComparable(a: string, b: string): boolean {
  if (a === b) return true;
  return PERCENT_POINTS.has(a) && PERCENT_POINTS.has(b);
}

export function checkLinkUnits(annualUnit: string, indicatorUnit: string): FiveYearCheck | null {
  if (unitsComparable(annualUnit, indicatorUnit)) return null;
  return {
    field: "unit",
    message: {
      zh: `单位不可比：年度目标为“${annualUnit || "无单位"}”，五年规划指标为“${indicatorUnit || "无单位"}”`,
      en: `the units cannot be compared: the annual target is in “${annualUnit || "no unit"}”, the five-year indicator in “${indicatorUnit || "no unit"}”`,
    },
  };
}

/** The statistics department (区统计局, 市统计局 …) enters 统计数据 for every indicator. */
export function isStatisticsDepartment(name: string | null | undefined): boolean {
  return typeof name === "string" && name.includes("统计");
}
