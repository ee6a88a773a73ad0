// Judging an indicator of a five-year plan (十四五规划纲要) as of a year, as a mid-term evaluation
// (中期评估) must: is it on schedule, and will the five-year target be met? The methods are those of
// monitoring.md — a linear schedule, the ratio of observed to required compound growth (the Open SDG /
// Eurostat method), average yearly growth against a 年均增长 target and the rate still needed, a 累计
// total against the elapsed share, a ceiling judged strictly — with a projection to the final year at
// the observed rate and the working in words. Pure: numbers in, judgement and sentences out.

import type { LocalText } from "./app-error.ts";

/** How the plan states the target. */
export type IndicatorForm =
  /** An end level: 到2025年达到…, …以上 (judged by required growth, or linearly when bounded). */
  | "level"
  /** 年均增长X%: the target value is the yearly rate in %, the yearly values are levels. */
  | "annual_growth"
  /** 五年累计…: the yearly values are running totals since the baseline year. */
  | "cumulative"
  /** 控制在…以内: the yearly value must stay at or under the target value. */
  | "ceiling"
  /** …下降X% over the period: the target value is the decrease in %, the yearly values are levels. */
  | "decrease";

export type Attribute = "binding" | "expected";

export type Judgement = "met_early" | "on_track" | "needs_speed" | "slow" | "reverse" | "no_data";
export type Light = "green" | "yellow" | "red" | "grey";

export interface FiveYearIndicator {
  name: string;
  unit: string;
  form: IndicatorForm;
  attribute: Attribute;
  baselineYear: number;
  baselineValue: number;
  targetYear: number;
  targetValue: number;
  /** A share bounded by 100 (覆盖率, 比重 …): judged linearly, so a target near its bound is not misjudged. */
  bounded?: boolean;
}

export interface YearValue {
  year: number;
  value: number;
}

export interface FiveYearResult {
  judgement: Judgement;
  light: Light;
  method: "required_growth" | "linear" | "annual_growth" | "cumulative" | "ceiling";
  /** The year judged: the latest with a value, not after the as-of year. */
  year: number | null;
  value: number | null;
  /** Observed ÷ required (growth), or progress ÷ elapsed (linear, cumulative). */
  ratio: number | null;
  /** Yearly rates in % (compound): achieved since the baseline, required over the whole period, needed from now. */
  achievedRate: number | null;
  requiredRate: number | null;
  neededRate: number | null;
  /** Shares 0..1 of the way from baseline to target, and of the period elapsed. */
  progress: number | null;
  elapsed: number | null;
  /** The final year's value at the observed rate (or pace), and whether it reaches the target. */
  projection: number | null;
  willMeet: boolean | null;
  working: LocalText;
}

export const JUDGEMENT_ZH: Record<Judgement, string> = {
  met_early: "已提前完成",
  on_track: "符合进度",
  needs_speed: "需加快",
  slow: "进展缓慢",
  reverse: "逆向",
  no_data: "暂无数据",
};

export const JUDGEMENT_EN: Record<Judgement, string> = {
  met_early: "met ahead of time",
  on_track: "on track",
  needs_speed: "needs to speed up",
  slow: "slow progress",
  reverse: "moving the wrong way",
  no_data: "no data yet",
};

const ON_TRACK = 0.95;
const NEEDS_SPEED = 0.6;

/** Ratio thresholds of monitoring.md: ≥ 0.95 符合进度, 0.60–0.95 需加快, 0–0.60 进展缓慢, < 0 逆向. */
export function judgeRatio(ratio: number): Judgement {
  if (ratio >= ON_TRACK) return "on_track";
  if (ratio >= NEEDS_SPEED) return "needs_speed";
  if (ratio >= 0) return "slow";
  return "reverse";
}

function lightOf(judgement: Judgement, attribute: Attribute): Light {
  if (judgement === "no_data") return "grey";
  if (judgement === "met_early" || judgement === "on_track") return "green";
  // A binding (约束性) indicator off track is red whatever the method.
  if (attribute === "binding") return "red";
  return judgement === "needs_speed" ? "yellow" : "red";
}

/** Compound yearly rate from a to b over n years, in %. */
export function cagr(from: number, to: number, years: number): number | null {
  if (years <= 0 || from <= 0 || to <= 0) return null;
  return ((to / from) ** (1 / years) - 1) * 100;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const n = (x: number) => {
  const v = Math.abs(x) >= 100 ? Math.round(x * 10) / 10 : r2(x);
  return String(v);
};

function latest(values: readonly YearValue[], asOfYear: number, baselineYear: number): YearValue | null {
  let best: YearValue | null = null;
  for (const v of values) {
    if (v.year > asOfYear || v.year <= baselineYear || !Number.isFinite(v.value)) continue;
    if (!best || v.year > best.year) best = v;
  }
  return best;
}

function empty(method: FiveYearResult["method"], ind: FiveYearIndicator): FiveYearResult {
  return {
    judgement: "no_data",
    light: "grey",
    method,
    year: null,
    value: null,
    ratio: null,
    achievedRate: null,
    requiredRate: null,
    neededRate: null,
    progress: null,
    elapsed: null,
    projection: null,
    willMeet: null,
    working: {
      zh: `${ind.name}：${ind.baselineYear}年以后尚无数据。`,
      en: `${ind.name}: no value after ${ind.baselineYear} yet.`,
    },
  };
}

function trendWords(ind: FiveYearIndicator, projection: number, willMeet: boolean): LocalText {
  return {
    zh: `按目前增速，预计${ind.targetYear}年达到${n(projection)}${ind.unit}，${willMeet ? "能够完成" : "难以完成"}规划目标。`,
    en: `At the current rate it would reach ${n(projection)} by ${ind.targetYear}: the target ${willMeet ? "can be met" : "is unlikely to be met"}.`,
  };
}

/** Levels reached by growth (and decreases): observed CAGR ÷ required CAGR, the rate still needed. */
function byGrowth(ind: FiveYearIndicator, at: YearValue, decrease: boolean): FiveYearResult {
  const { baselineYear: b, targetYear: T, baselineValue: vb } = ind;
  const vT = decrease ? vb * (1 - ind.targetValue / 100) : ind.targetValue;
  const t = at.year;
  const achieved = cagr(vb, at.value, t - b);
  const required = cagr(vb, vT, T - b);
  const needed = t < T ? cagr(at.value, vT, T - t) : null;
  const reached = decrease ? at.value <= vT : at.value >= vT;
  const base: Omit<FiveYearResult, "judgement" | "light" | "ratio" | "working"> = {
    method: "required_growth",
    year: t,
    value: at.value,
    achievedRate: achieved,
    requiredRate: required,
    neededRate: needed,
    progress: vT === vb ? null : (at.value - vb) / (vT - vb),
    elapsed: (t - b) / (T - b),
    projection: achieved === null ? null : at.value * (1 + achieved / 100) ** (T - t),
    willMeet: null,
  };
  const willMeet =
    reached || (base.projection !== null && (decrease ? base.projection <= vT : base.projection >= vT));
  base.willMeet = willMeet;
  if (reached) {
    return {
      ...base,
      judgement: "met_early",
      light: "green",
      ratio: null,
      working: {
        zh: `${ind.name}：${t}年为${n(at.value)}${ind.unit}，已达到${T}年目标${n(vT)}${ind.unit}，已提前完成。`,
        en: `${ind.name}: ${n(at.value)} in ${t} has reached the ${T} target of ${n(vT)}: met ahead of time.`,
      },
    };
  }
  if (achieved === null || required === null || required === 0) {
    return linear(ind, at, vT);
  }
  const ratio = achieved / required;
  const judgement = judgeRatio(ratio);
  const trend = base.projection === null ? { zh: "", en: "" } : trendWords(ind, base.projection, willMeet);
  const verb = decrease ? "下降" : "增长";
  const verbEn = decrease ? "fallen" : "grown";
  const shown = (x: number) => r1(decrease ? -x : x);
  return {
    ...base,
    judgement,
    light: lightOf(judgement, ind.attribute),
    ratio,
    working: {
      zh:
        `${ind.name}：${b}年${n(vb)}${ind.unit}，${t}年${n(at.value)}${ind.unit}，年均${verb}${shown(achieved)}%；` +
        `完成${T}年目标${n(vT)}${ind.unit}需年均${verb}${shown(required)}%，实际与所需之比${r2(ratio)}，${JUDGEMENT_ZH[judgement]}` +
        (needed !== null ? `；${t + 1}—${T}年需年均${verb}${shown(needed)}%。` : "。") +
        trend.zh,
      en:
        `${ind.name}: ${n(vb)} in ${b}, ${n(at.value)} in ${t}, having ${verbEn} ${shown(achieved)}% a year; ` +
        `the ${T} target of ${n(vT)} needs ${shown(required)}% a year, a ratio of ${r2(ratio)}: ${JUDGEMENT_EN[judgement]}` +
        (needed !== null ? `; ${shown(needed)}% a year is needed in ${t + 1}–${T}. ` : ". ") +
        trend.en,
    },
  };
}

/** Share of the way from baseline to target against the share of the period elapsed. */
function linear(ind: FiveYearIndicator, at: YearValue, vT = ind.targetValue): FiveYearResult {
  const { baselineYear: b, targetYear: T, baselineValue: vb } = ind;
  const t = at.year;
  const elapsed = (t - b) / (T - b);
  const progress = vT === vb ? (at.value >= vT ? 1 : 0) : (at.value - vb) / (vT - vb);
  const pace = elapsed > 0 ? progress / elapsed : null;
  const projection = vb + (at.value - vb) * ((T - b) / (t - b));
  const willMeet = progress >= 1 || (vT >= vb ? projection >= vT : projection <= vT);
  const judgement: Judgement = progress >= 1 ? "met_early" : pace === null ? "no_data" : judgeRatio(pace);
  return {
    judgement,
    light: lightOf(judgement, ind.attribute),
    method: "linear",
    year: t,
    value: at.value,
    ratio: pace,
    achievedRate: null,
    requiredRate: null,
    neededRate: t < T ? (vT - at.value) / (T - t) : null,
    progress,
    elapsed,
    projection,
    willMeet,
    working: {
      zh:
        `${ind.name}：${b}年${n(vb)}${ind.unit}，${t}年${n(at.value)}${ind.unit}，完成由基期到目标${n(vT)}${ind.unit}的${r1(progress * 100)}%，` +
        `规划期已过${r1(elapsed * 100)}%，${JUDGEMENT_ZH[judgement]}。` +
        (progress < 1 ? trendWords(ind, projection, willMeet).zh.replace("按目前增速", "按目前进度") : ""),
      en:
        `${ind.name}: ${n(vb)} in ${b}, ${n(at.value)} in ${t}: ${r1(progress * 100)}% of the way to ${n(vT)}, ` +
        `with ${r1(elapsed * 100)}% of the period gone: ${JUDGEMENT_EN[judgement]}. ` +
        (progress < 1
          ? trendWords(ind, projection, willMeet).en.replace("current rate", "current pace")
          : ""),
    },
  };
}

/** 年均增长X%: the average yearly growth achieved against X, and the rate needed from now on. */
function byAnnualGrowth(ind: FiveYearIndicator, at: YearValue): FiveYearResult {
  const { baselineYear: b, targetYear: T, baselineValue: vb, targetValue: rate } = ind;
  const t = at.year;
  const vT = vb * (1 + rate / 100) ** (T - b);
  const achieved = cagr(vb, at.value, t - b);
  if (achieved === null || rate === 0) return empty("annual_growth", ind);
  const needed = t < T ? cagr(at.value, vT, T - t) : null;
  const ratio = achieved / rate;
  const judgement = judgeRatio(ratio);
  const projection = at.value * (1 + achieved / 100) ** (T - t);
  const willMeet = projection >= vT * 0.9999;
  const trend = trendWords(ind, projection, willMeet);
  return {
    judgement,
    light: lightOf(judgement, ind.attribute),
    method: "annual_growth",
    year: t,
    value: at.value,
    ratio,
    achievedRate: achieved,
    requiredRate: rate,
    neededRate: needed,
    progress: (at.value - vb) / (vT - vb),
    elapsed: (t - b) / (T - b),
    projection,
    willMeet,
    working: {
      zh:
        `${ind.name}：规划年均增长${n(rate)}%，${b}—${t}年实际年均增长${r1(achieved)}%，为目标的${r1(ratio * 100)}%，${JUDGEMENT_ZH[judgement]}` +
        (needed !== null ? `；${t + 1}—${T}年需年均增长${r1(needed)}%才能完成。` : "。") +
        trend.zh,
      en:
        `${ind.name}: the plan sets ${n(rate)}% a year; ${b}–${t} achieved ${r1(achieved)}% a year, ${r1(ratio * 100)}% of it: ${JUDGEMENT_EN[judgement]}` +
        (needed !== null ? `; ${r1(needed)}% a year is needed in ${t + 1}–${T}. ` : ". ") +
        trend.en,
    },
  };
}

/** 累计: the running total against the share of the period elapsed. */
function byCumulative(ind: FiveYearIndicator, at: YearValue): FiveYearResult {
  const { baselineYear: b, targetYear: T, targetValue: total } = ind;
  const t = at.year;
  const elapsed = (t - b) / (T - b);
  const progress = total === 0 ? 1 : at.value / total;
  const ratio = progress / elapsed;
  const judgement: Judgement = progress >= 1 ? "met_early" : judgeRatio(ratio);
  const projection = at.value / elapsed;
  const willMeet = projection >= total;
  return {
    judgement,
    light: lightOf(judgement, ind.attribute),
    method: "cumulative",
    year: t,
    value: at.value,
    ratio,
    achievedRate: null,
    requiredRate: null,
    neededRate: t < T ? (total - at.value) / (T - t) : null,
    progress,
    elapsed,
    projection,
    willMeet,
    working: {
      zh:
        `${ind.name}：${b + 1}—${t}年累计${n(at.value)}${ind.unit}，完成规划目标${n(total)}${ind.unit}的${r1(progress * 100)}%，` +
        `规划期已过${r1(elapsed * 100)}%，${JUDGEMENT_ZH[judgement]}` +
        (progress < 1 && t < T
          ? `；其余${T - t}年需年均完成${n((total - at.value) / (T - t))}${ind.unit}。`
          : "。"),
      en:
        `${ind.name}: ${n(at.value)} in ${b + 1}–${t}, ${r1(progress * 100)}% of the ${n(total)} planned, ` +
        `with ${r1(elapsed * 100)}% of the period gone: ${JUDGEMENT_EN[judgement]}` +
        (progress < 1 && t < T
          ? `; ${n((total - at.value) / (T - t))} a year is needed in the remaining ${T - t} years.`
          : "."),
    },
  };
}

/** 控制在…以内: judged strictly, year by year: over the ceiling is the wrong way. */
function byCeiling(ind: FiveYearIndicator, at: YearValue): FiveYearResult {
  const within = at.value <= ind.targetValue;
  const judgement: Judgement = within ? "on_track" : "reverse";
  return {
    judgement,
    light: within ? "green" : "red",
    method: "ceiling",
    year: at.year,
    value: at.value,
    ratio: null,
    achievedRate: null,
    requiredRate: null,
    neededRate: null,
    progress: null,
    elapsed: (at.year - ind.baselineYear) / (ind.targetYear - ind.baselineYear),
    projection: null,
    willMeet: within,
    working: {
      zh: `${ind.name}：规划控制在${n(ind.targetValue)}${ind.unit}以内，${at.year}年为${n(at.value)}${ind.unit}，${within ? "控制在目标以内，符合进度" : `超出${n(at.value - ind.targetValue)}${ind.unit}，逆向`}。`,
      en: `${ind.name}: to stay within ${n(ind.targetValue)}; ${n(at.value)} in ${at.year}: ${within ? "within the ceiling, on track" : `over it by ${n(at.value - ind.targetValue)}, the wrong way`}.`,
    },
  };
}

/** The judgement of one indicator as of a year, from its yearly values. */
export function judgeIndicator(
  ind: FiveYearIndicator,
  values: readonly YearValue[],
  asOfYear: number,
): FiveYearResult {
  const method: FiveYearResult["method"] =
    ind.form === "annual_growth"
      ? "annual_growth"
      : ind.form === "cumulative"
        ? "cumulative"
        : ind.form === "ceiling"
          ? "ceiling"
          : ind.bounded
            ? "linear"
            : "required_growth";
  const at = latest(values, asOfYear, ind.baselineYear);
  if (!at || ind.targetYear <= ind.baselineYear) return empty(method, ind);
  switch (ind.form) {
    case "annual_growth":
      return byAnnualGrowth(ind, at);
    case "cumulative":
      return byCumulative(ind, at);
    case "ceiling":
      return byCeiling(ind, at);
    case "decrease":
      return byGrowth(ind, at, true);
    case "level":
      return ind.bounded ? linear(ind, at) : byGrowth(ind, at, false);
  }
}

export interface FiveYearCheck {
  field: "targetYear" | "year" | "unit";
  message: LocalText;
}

/** A target year must come after the baseline year. */
export function checkIndicatorYears(baselineYear: number, targetYear: number): FiveYearCheck | null {
  if (targetYear > baselineYear) return null;
  return {
    field: "targetYear",
    message: {
      zh: `目标年份${targetYear}年须晚于基期${baselineYear}年`,
      en: `the target year ${targetYear} must come after the baseline year ${baselineYear}`,
    },
  };
}

/** A yearly value belongs to a year of the plan period (after the baseline, up to the target year). */
export function checkValueYear(
  ind: Pick<FiveYearIndicator, "baselineYear" | "targetYear">,
  year: number,
): FiveYearCheck | null {
  if (year > ind.baselineYear && year <= ind.targetYear) return null;
  return {
    field: "year",
    message: {
      zh: `年份${year}不在规划期内（${ind.baselineYear + 1}—${ind.targetYear}年）`,
      en: `the year ${year} is outside the plan period (${ind.baselineYear + 1}–${ind.targetYear})`,
    },
  };
}
