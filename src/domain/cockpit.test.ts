import { describe, expect, it } from "vitest";
import { isHeadlineHeading, laggingList, pickHeadline, scheduleValue } from "./cockpit.ts";
import type { TargetRule } from "./evaluation.ts";

function rule(partial: Partial<TargetRule>): TargetRule {
  return {
    kind: "cumulative",
    comparator: "target",
    direction: "increase",
    value: 40000,
    value2: null,
    unit: "人",
    baseline: null,
    ...partial,
  };
}

describe("headline indicators", () => {
  it.each([
    ["2020年主要预期指标", true],
    ["一、主要目标", true],
    ["经济社会发展主要预期目标", true],
    ["主要发展指标", true],
    ["预期性指标", true],
    ["2020年经济社会发展重点任务", false],
    ["调优产业结构,加速区域经济提质增效", false],
  ])("%s → %s", (title, expected) => {
    expect(isHeadlineHeading(title)).toBe(expected);
  });

  it("takes the targets under a headline heading, in plan order", () => {
    expect(
      pickHeadline([
        { id: 1, kind: "rate", headings: ["", "2020年主要预期指标"] },
        { id: 2, kind: "rate", headings: ["2020年主要预期指标"] },
        { id: 3, kind: "rate", headings: ["拓展经济发展增量", "重点任务"] },
        { id: 4, kind: "cumulative", headings: ["主要目标"] },
      ]),
    ).toEqual([1, 2, 4]);
  });

  it("falls back to the growth rates when no heading names the headline indicators", () => {
    expect(
      pickHeadline([
        { id: 1, kind: "cumulative", headings: ["重点任务"] },
        { id: 2, kind: "rate", headings: ["重点任务"] },
        { id: 3, kind: "milestone", headings: [] },
      ]),
    ).toEqual([2]);
    expect(pickHeadline([])).toEqual([]);
  });
});

describe("red and yellow lists", () => {
  const v = (
    id: number,
    status: "behind" | "far_behind" | "on_track",
    gap: number | null,
    c: number | null,
  ) => ({
    id,
    status,
    gapPoints: gap,
    completion: c,
  });

  it("lists only the status asked for, furthest behind first", () => {
    const views = [v(1, "far_behind", -35, 0.4), v(2, "far_behind", -60, 0.15), v(3, "behind", -12, 0.6)];
    expect(laggingList(views, "far_behind").map((x) => x.id)).toEqual([2, 1]);
    expect(laggingList(views, "behind").map((x) => x.id)).toEqual([3]);
  });

  it("orders rates (no gap) by their completion, and those with neither last, ties in plan order", () => {
    const views = [
      v(1, "far_behind", null, null),
      v(2, "far_behind", null, 0.5), // −50 points short of the target
      v(3, "far_behind", -40, 0.35),
      v(4, "far_behind", -40, 0.35),
      v(5, "on_track", -1, 0.7),
    ];
    expect(laggingList(views, "far_behind").map((x) => x.id)).toEqual([2, 3, 4, 1]);
  });
});

describe("the schedule line", () => {
  it("is the elapsed share of a cumulative target", () => {
    expect(scheduleValue(rule({}), 0.25)).toBe(10000);
  });

  it("runs from the baseline to the target for a level with a baseline, from zero without one", () => {
    expect(scheduleValue(rule({ kind: "level", value: 80, baseline: 60 }), 0.5)).toBe(70);
    expect(scheduleValue(rule({ kind: "level", value: 80 }), 0.5)).toBe(40);
  });

  it("is the share of 100% for a milestone, whatever its value", () => {
    expect(scheduleValue(rule({ kind: "milestone", value: null }), 0.75)).toBe(75);
  });

  it("is the target itself for rates, bounds, ranges and about targets (judged on the value, not on time)", () => {
    expect(scheduleValue(rule({ kind: "rate", value: 5, unit: "%" }), 0.25)).toBe(5);
    expect(scheduleValue(rule({ kind: "level", comparator: "at_most", value: 3.5 }), 0.25)).toBe(3.5);
    expect(scheduleValue(rule({ kind: "level", comparator: "range", value: 6, value2: 6.5 }), 0.5)).toBe(6);
    expect(scheduleValue(rule({ kind: "level", comparator: "about", value: 5.5 }), 0.5)).toBe(5.5);
  });

  it("follows the planner's 分期计划 when given, and has no line without a target value", () => {
    expect(scheduleValue(rule({}), 0.25, 2000)).toBe(2000);
    expect(scheduleValue(rule({ value: null }), 0.25)).toBeNull();
  });
});
