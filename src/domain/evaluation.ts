// How a target is judged at the end of a reporting period (../shared/spec/monitoring.md): completion
// by kind, the expected share (时序进度), the gap in percentage points, the status, and the working
// behind it, in the words Chinese progress reports use (“欠时序进度9.9个百分点”).

import type { Comparator, Direction, TargetKind } from "../extract/types.ts";
import { lastEndedPeriod, type ReportingPeriod } from "./periods.ts";

export type TargetStatus =
  | "completed"
  | "on_track"
  | "behind"
  | "far_behind"
  | "not_reported"
  | "not_started";

export const STATUS_WORDS: Record<TargetStatus, { zh: string; en: string }> = {
  completed: { zh: "已完成", en: "completed" },
  on_track: { zh: "正常", en: "on track" },
  behind: { zh: "滞后", en: "behind" },
  far_behind: { zh: "严重滞后", en: "far behind" },
  not_reported: { zh: "未报送", en: "not reported" },
  not_started: { zh: "未开始", en: "not started" },
};

/** Settings of a plan; the defaults are those of the published local rule the spec cites. */
export interface Thresholds {
  /** Behind the schedule by more than this many points: 滞后. */
  behindPoints: number;
  /** Behind by more than this many points: 严重滞后. */
  farBehindPoints: number;
  /** A rate short of its target by more than this share of it: 严重滞后 (else 滞后). */
  rateShortfallShare: number;
  /** Tolerance of an `about` target in percentage points, for % units. */
  aboutRatePoints: number;
  /** Tolerance of an `about` target as a share of the target, for other units. */
  aboutShare: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  behindPoints: 10,
  farBehindPoints: 30,
  rateShortfallShare: 0.2,
  aboutRatePoints: 0.5,
  aboutShare: 0.05,
};

export interface TargetRule {
  kind: TargetKind;
  comparator: Comparator;
  direction: Direction;
  /** The target value (for a milestone: ignored, 100 percent). */
  value: number | null;
  value2: number | null;
  unit: string;
  baseline: number | null;
}

/** What the latest approved report of a period says. */
export interface ReportedValue {
  /** Value to date (累计完成), the level now, the rate to date, or a milestone's percent. */
  value: number | null;
  /** A milestone reported as done. */
  done?: boolean;
}

export interface Working {
  /** Stable code of the rule that decided: schedule, rate, bound, range, about, milestone, missing, not_started. */
  rule: string;
  period: string | null;
  reported: number | null;
  target: number | null;
  target2: number | null;
  baseline: number | null;
  /** 0..1 */
  expectedShare: number | null;
  /** Whether the expected share came from the planner's 分期计划 or from elapsed time. */
  expectedFrom: "planned" | "elapsed" | null;
  /** The threshold crossed, in the unit of the rule (points or a share), or null. */
  threshold: number | null;
  zh: string;
  en: string;
}

export interface Evaluation {
  status: TargetStatus;
  /** actual / target as a share (1 = 100%), or null when it cannot be computed. */
  completion: number | null;
  expectedShare: number | null;
  /** completion − expected, in percentage points (positive: ahead). */
  gapPoints: number | null;
  working: Working;
}

export interface EvaluateOptions {
  thresholds?: Thresholds;
  /** The planner's 分期计划: value planned to be reached by the end of each period, by period key. */
  planned?: Record<string, number>;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** 9.87 → “超时序进度9.9个百分点” / “9.9 points ahead of schedule”. */
export function schedulePhrase(gapPoints: number, digits = 1): { zh: string; en: string } {
  const size = round(Math.abs(gapPoints), digits);
  if (size === 0) return { zh: "与时序进度持平", en: "on schedule" };
  return gapPoints > 0
    ? { zh: `超时序进度${size}个百分点`, en: `${size} points ahead of schedule` }
    : { zh: `欠时序进度${size}个百分点`, en: `${size} points behind schedule` };
}

const pct = (share: number, digits = 1) => `${round(share * 100, digits)}%`;

function completionOf(rule: TargetRule, reported: ReportedValue): number | null {
  if (rule.kind === "milestone")
    return reported.done ? 1 : reported.value === null ? null : reported.value / 100;
  if (reported.value === null || rule.value === null) return null;
  if (rule.kind === "level" && rule.baseline !== null && rule.value !== rule.baseline) {
    return (reported.value - rule.baseline) / (rule.value - rule.baseline);
  }
  return rule.value === 0 ? null : reported.value / rule.value;
}

function tolerance(rule: TargetRule, t: Thresholds): number {
  const target = rule.value ?? 0;
  return rule.unit === "%" || rule.unit === "个百分点" ? t.aboutRatePoints : Math.abs(target) * t.aboutShare;
}

/** Judged on the value itself, not against time: rates, bounds, ranges and `about`. */
function judgedDirectly(rule: TargetRule): boolean {
  return (
    rule.kind === "rate" ||
    rule.comparator === "at_most" ||
    rule.comparator === "about" ||
    rule.comparator === "range"
  );
}

function base(rule: TargetRule, period: ReportingPeriod | null, reported: number | null) {
  return {
    period: period?.key ?? null,
    reported,
    target: rule.value,
    target2: rule.value2,
    baseline: rule.baseline,
  };
}

/** A judgement on the value itself (rates, bounds, ranges, `about`): no schedule enters it. */
function direct(
  status: TargetStatus,
  rule: TargetRule,
  value: number,
  period: ReportingPeriod,
  code: string,
  text: { zh: string; en: string },
  threshold: number | null = null,
): Evaluation {
  return {
    status,
    completion: rule.value ? value / rule.value : null,
    expectedShare: null,
    gapPoints: null,
    working: {
      rule: code,
      ...base(rule, period, value),
      expectedShare: null,
      expectedFrom: null,
      threshold,
      ...text,
    },
  };
}

/** Shortfall of a rate below its target: behind up to a fifth short, far behind beyond. */
function rateShortfall(
  rule: TargetRule,
  value: number,
  goal: number,
  t: Thresholds,
  period: ReportingPeriod,
  ruleCode: string,
): Evaluation {
  const short = goal === 0 ? 1 : (goal - value) / Math.abs(goal);
  const u = rule.unit;
  const limit = pct(t.rateShortfallShare, 0);
  return direct(
    short > t.rateShortfallShare ? "far_behind" : "behind",
    rule,
    value,
    period,
    ruleCode,
    {
      zh: `${value}${u}，低于目标${goal}${u}，差距为目标的${pct(short)}（阈值${limit}）`,
      en: `${value}${u}, below the target ${goal}${u} by ${pct(short)} of it (threshold ${limit})`,
    },
    t.rateShortfallShare,
  );
}

function met(
  rule: TargetRule,
  value: number,
  period: ReportingPeriod,
  isFinal: boolean,
  code: string,
  zh: string,
  en: string,
): Evaluation {
  return direct(isFinal ? "completed" : "on_track", rule, value, period, code, { zh, en });
}

function broken(
  rule: TargetRule,
  value: number,
  period: ReportingPeriod,
  code: string,
  zh: string,
  en: string,
) {
  return direct("far_behind", rule, value, period, code, { zh, en });
}

function evaluateDirect(
  rule: TargetRule,
  value: number,
  period: ReportingPeriod,
  isFinal: boolean,
  t: Thresholds,
): Evaluation {
  const u = rule.unit;
  const goal = rule.value ?? 0;
  // Growth is welcome above a range or an `about` value; a level or a fall is held to it both ways.
  const upIsGood = rule.direction === "increase" || rule.direction === "decrease";
  if (rule.comparator === "at_most") {
    return value <= goal
      ? met(
          rule,
          value,
          period,
          isFinal,
          "bound",
          `${value}${u}，未超过上限${goal}${u}`,
          `${value}${u}, within the bound of ${goal}${u}`,
        )
      : broken(
          rule,
          value,
          period,
          "bound",
          `${value}${u}，突破上限${goal}${u}`,
          `${value}${u}, over the bound of ${goal}${u}`,
        );
  }
  if (rule.comparator === "range" && rule.value2 !== null) {
    const lo = goal;
    const hi = rule.value2;
    if (value >= lo && value <= hi) {
      return met(
        rule,
        value,
        period,
        isFinal,
        "range",
        `${value}${u}，在目标区间${lo}–${hi}${u}内`,
        `${value}${u}, inside the range ${lo}–${hi}${u}`,
      );
    }
    if (value > hi && upIsGood) {
      return met(
        rule,
        value,
        period,
        isFinal,
        "range",
        `${value}${u}，高于目标区间${lo}–${hi}${u}`,
        `${value}${u}, above the range ${lo}–${hi}${u}`,
      );
    }
    if (value < lo && upIsGood) return rateShortfall(rule, value, lo, t, period, "range");
    return broken(
      rule,
      value,
      period,
      "range",
      `${value}${u}，超出目标区间${lo}–${hi}${u}`,
      `${value}${u}, outside the range ${lo}–${hi}${u}`,
    );
  }
  if (rule.comparator === "about") {
    const tol = tolerance(rule, t);
    const tolText = round(tol, 4);
    if (Math.abs(value - goal) <= tol + 1e-9) {
      return met(
        rule,
        value,
        period,
        isFinal,
        "about",
        `${value}${u}，在目标${goal}${u}±${tolText}内`,
        `${value}${u}, within ${goal}${u} ±${tolText}`,
      );
    }
    if (value > goal && upIsGood) {
      return met(
        rule,
        value,
        period,
        isFinal,
        "about",
        `${value}${u}，高于目标${goal}${u}`,
        `${value}${u}, above the target ${goal}${u}`,
      );
    }
    if (value < goal && upIsGood) return rateShortfall(rule, value, goal - tol, t, period, "about");
    return broken(
      rule,
      value,
      period,
      "about",
      `${value}${u}，偏离目标${goal}${u}超过±${tolText}`,
      `${value}${u}, off the target ${goal}${u} by more than ±${tolText}`,
    );
  }
  // A rate with target or at_least: met at or above the target (for a fall, the size of the fall).
  if (value >= goal) {
    return met(
      rule,
      value,
      period,
      isFinal,
      "rate",
      `${value}${u}，达到目标${goal}${u}`,
      `${value}${u}, at or above the target ${goal}${u}`,
    );
  }
  return rateShortfall(rule, value, goal, t, period, "rate");
}

function evaluateScheduled(
  rule: TargetRule,
  reported: ReportedValue,
  period: ReportingPeriod,
  t: Thresholds,
  planned: number | undefined,
): Evaluation {
  const completion = completionOf(rule, reported);
  const value = rule.kind === "milestone" ? (reported.done ? 100 : reported.value) : reported.value;
  if (completion === null) {
    return {
      status: "not_reported",
      completion: null,
      expectedShare: null,
      gapPoints: null,
      working: {
        rule: "missing",
        ...base(rule, period, value),
        expectedShare: null,
        expectedFrom: null,
        threshold: null,
        zh: "报告未给出数值",
        en: "the report gives no value",
      },
    };
  }
  let expectedShare = period.elapsedShare;
  let expectedFrom: "planned" | "elapsed" = "elapsed";
  if (planned !== undefined && rule.value) {
    const plannedCompletion = completionOf(rule, { value: planned });
    if (plannedCompletion !== null) {
      expectedShare = plannedCompletion;
      expectedFrom = "planned";
    }
  }
  const gapPoints = (completion - expectedShare) * 100;
  const phrase = schedulePhrase(gapPoints);
  const done = completion >= 1 - 1e-12;
  let status: TargetStatus;
  let threshold: number | null = null;
  if (done) status = "completed";
  else if (gapPoints >= -t.behindPoints - 1e-9) status = "on_track";
  else if (gapPoints >= -t.farBehindPoints - 1e-9) {
    status = "behind";
    threshold = t.behindPoints;
  } else {
    status = "far_behind";
    threshold = t.farBehindPoints;
  }
  const expectedText =
    expectedFrom === "planned" ? `分期计划进度${pct(expectedShare)}` : `时序进度${pct(expectedShare)}`;
  const expectedEn =
    expectedFrom === "planned" ? `planned share ${pct(expectedShare)}` : `schedule ${pct(expectedShare)}`;
  const crossedZh = threshold === null ? "" : `，超过${threshold}个百分点的阈值`;
  const crossedEn = threshold === null ? "" : `, past the threshold of ${threshold} points`;
  return {
    status,
    completion,
    expectedShare,
    gapPoints,
    working: {
      rule: rule.kind === "milestone" ? "milestone" : "schedule",
      ...base(rule, period, value),
      expectedShare,
      expectedFrom,
      threshold,
      zh: `完成${done ? "年度目标" : "目标"}的${pct(completion)}，${expectedText}，${phrase.zh}${crossedZh}`,
      en: `${pct(completion)} of the target, ${expectedEn}: ${phrase.en}${crossedEn}`,
    },
  };
}

/** Judges a target at the end of one period on that period's approved report. */
export function evaluatePeriod(
  rule: TargetRule,
  reported: ReportedValue,
  period: ReportingPeriod,
  isFinal: boolean,
  options: EvaluateOptions = {},
): Evaluation {
  const t = options.thresholds ?? DEFAULT_THRESHOLDS;
  if (judgedDirectly(rule) && rule.kind !== "milestone") {
    if (reported.value === null) return evaluateScheduled(rule, reported, period, t, undefined);
    return evaluateDirect(rule, reported.value, period, isFinal, t);
  }
  return evaluateScheduled(rule, reported, period, t, options.planned?.[period.key]);
}

/**
 * Judges a target as of a date: on the last period that has ended, with its report; a missing report
 * counts only once its due date has passed (before that, the period before is what is known).
 */
export function evaluateAsOf(
  rule: TargetRule,
  periods: ReportingPeriod[],
  reports: Record<string, ReportedValue | undefined>,
  asOf: string,
  options: EvaluateOptions = {},
): Evaluation & { period: ReportingPeriod | null } {
  const last = lastEndedPeriod(periods, asOf);
  const finalKey = periods[periods.length - 1]?.key;
  let candidate = last;
  while (candidate) {
    const report = reports[candidate.key];
    if (report) {
      return {
        ...evaluatePeriod(rule, report, candidate, candidate.key === finalKey, options),
        period: candidate,
      };
    }
    if (asOf > candidate.due) {
      return {
        status: "not_reported",
        completion: null,
        expectedShare: candidate.elapsedShare,
        gapPoints: null,
        period: candidate,
        working: {
          rule: "missing",
          ...base(rule, candidate, null),
          expectedShare: candidate.elapsedShare,
          expectedFrom: "elapsed",
          threshold: null,
          zh: `${candidate.key}的报告应于${candidate.due}前报送，至今未报`,
          en: `the report for ${candidate.key} was due by ${candidate.due} and has not come`,
        },
      };
    }
    // Not yet due: judge on the period before — by position in the list given, which need not be the
    // whole calendar (a period's own index would point back at itself in a one-period list).
    const at = periods.indexOf(candidate);
    candidate = at > 0 ? (periods[at - 1] ?? null) : null;
  }
  return {
    status: "not_started",
    completion: null,
    expectedShare: null,
    gapPoints: null,
    period: null,
    working: {
      rule: "not_started",
      ...base(rule, null, null),
      expectedShare: null,
      expectedFrom: null,
      threshold: null,
      zh: "尚无已结束且已报送的报告期",
      en: "no reporting period has ended and been reported yet",
    },
  };
}
