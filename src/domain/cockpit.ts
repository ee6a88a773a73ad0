// What the leaders' cockpit (领导驾驶舱) picks out of a plan's status: the headline indicators (the
// plan's 主要预期指标, else its growth rates), the red and yellow lists in the order a leader reads
// them (furthest behind first), and the schedule line a target's values are drawn against.

import type { TargetRule, TargetStatus } from "./evaluation.ts";

/** Headings under which a plan states its headline indicators: 主要预期指标, 主要目标, 预期目标 … */
const HEADLINE_HEADING = /主要(?:预期|发展|经济)?(?:指标|目标)|预期(?:性)?(?:指标|目标)/;

export function isHeadlineHeading(title: string): boolean {
  return HEADLINE_HEADING.test(title);
}

export interface HeadlineCandidate {
  id: number;
  kind: TargetRule["kind"];
  /** The titles of the outline nodes above the target, nearest first. */
  headings: readonly string[];
}

/**
 * The headline indicators: the targets under a 主要预期指标-like heading; a plan without one gets its
 * growth rates (地区生产总值增长5% is the headline of every Chinese plan). Plan order is kept.
 */
export function pickHeadline(candidates: readonly HeadlineCandidate[]): number[] {
  const underHeading = candidates.filter((c) => c.headings.some(isHeadlineHeading));
  if (underHeading.length > 0) return underHeading.map((c) => c.id);
  return candidates.filter((c) => c.kind === "rate").map((c) => c.id);
}

export interface Lagging {
  status: TargetStatus;
  gapPoints: number | null;
  completion: number | null;
}

/**
 * Red (严重滞后) or yellow (滞后) targets, furthest behind first: by the schedule gap, then by completion
 * (rates and bounds have no gap), targets without either last; ties keep their plan order.
 */
export function laggingList<T extends Lagging>(views: readonly T[], status: "far_behind" | "behind"): T[] {
  const key = (v: T) =>
    v.gapPoints ?? (v.completion === null ? Number.POSITIVE_INFINITY : v.completion * 100 - 100);
  return views
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => v.status === status)
    .sort((a, b) => key(a.v) - key(b.v) || a.i - b.i)
    .map(({ v }) => v);
}

/**
 * Where the schedule (时序进度) says the reported value should stand at the end of a period, in the
 * value's own unit: the planner's 分期计划 value when given; cumulative: the elapsed share of the target;
 * level: the baseline plus that share of the way to the target; milestone: that share of 100%. Rates,
 * bounds, ranges and `about` targets are judged on the value itself, so their line is the target.
 */
export function scheduleValue(rule: TargetRule, elapsedShare: number, planned?: number): number | null {
  if (planned !== undefined) return planned;
  if (rule.kind === "milestone") return elapsedShare * 100;
  if (rule.value === null) return null;
  if (
    rule.kind === "rate" ||
    rule.comparator === "at_most" ||
    rule.comparator === "about" ||
    rule.comparator === "range"
  ) {
    return rule.value;
  }
  if (rule.kind === "level" && rule.baseline !== null) {
    return rule.baseline + elapsedShare * (rule.value - rule.baseline);
  }
  return elapsedShare * rule.value;
}
