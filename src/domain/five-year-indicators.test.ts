import { describe, expect, it } from "vitest";
import { judgeIndicator } from "./five-year.ts";
import {
  checkLinkUnits,
  type IndicatorSource,
  indicatorFormOf,
  indicatorOf,
  indicatorProblem,
  isStatisticsDepartment,
  targetLevel,
  targetPath,
  unitsComparable,
} from "./five-year-indicators.ts";

const period = { startYear: 2021, endYear: 2025 };
const source = (over: Partial<IndicatorSource>): IndicatorSource => ({
  subject: "地区生产总值",
  unit: "亿元",
  kind: "level",
  comparator: "target",
  direction: "level",
  value: 133.82,
  baseline: 100,
  attribute: null,
  baselineYear: null,
  targetYear: null,
  annualGrowth: null,
  ...over,
});

describe("a five-year plan's target as an indicator", () => {
  it("reads the form from kind, comparator and direction", () => {
    expect(indicatorFormOf({ kind: "rate", comparator: "about", direction: "increase" })).toBe(
      "annual_growth",
    );
    expect(indicatorFormOf({ kind: "rate", comparator: "target", direction: "decrease" })).toBe("decrease");
    expect(indicatorFormOf({ kind: "level", comparator: "at_most", direction: "level" })).toBe("ceiling");
    expect(indicatorFormOf({ kind: "cumulative", comparator: "target", direction: "increase" })).toBe(
      "cumulative",
    );
    expect(indicatorFormOf({ kind: "level", comparator: "at_least", direction: "level" })).toBe("level");
    // An indicator table's row with a 年均增长 column: the rate is the target.
    const gdp = indicatorOf(source({ value: 1540, baseline: 1150, annualGrowth: 6 }), period);
    expect(gdp).toMatchObject({ form: "annual_growth", targetValue: 6, baselineValue: 1150 });
  });

  it("fills the years from the plan's period and calls a percentage level bounded", () => {
    const ind = indicatorOf(source({}), period);
    expect(ind).toMatchObject({
      baselineYear: 2020,
      targetYear: 2025,
      attribute: "expected",
      bounded: false,
    });
    expect(indicatorOf(source({ unit: "%", value: 42, baseline: 40 }), period).bounded).toBe(true);
    expect(indicatorOf(source({ baselineYear: 2019, targetYear: 2024 }), period)).toMatchObject({
      baselineYear: 2019,
      targetYear: 2024,
    });
  });

  it("says why a target cannot be judged: no baseline, a target year before the baseline, a milestone", () => {
    const noBase = source({ baseline: null });
    expect(indicatorProblem(indicatorOf(noBase, period), noBase)?.zh).toBe("未设2020年基期值");
    const backwards = source({ baselineYear: 2020, targetYear: 2019 });
    expect(indicatorProblem(indicatorOf(backwards, period), backwards)?.zh).toBe(
      "目标年份2019年须晚于基期2020年",
    );
    const milestone = source({ kind: "milestone" });
    expect(indicatorProblem(indicatorOf(milestone, period), milestone)).not.toBeNull();
    const total = source({ kind: "cumulative", baseline: null, value: 20 });
    expect(indicatorProblem(indicatorOf(total, period), total)).toBeNull();
  });

  it("the target level of a 年均增长 6% from 100 is 133.8; of a 13.5% decrease from 100, 86.5", () => {
    const growth = indicatorOf(source({ kind: "rate", direction: "increase", value: 6 }), period);
    expect(targetLevel(growth)).toBeCloseTo(133.82, 2);
    const decrease = indicatorOf(source({ kind: "rate", direction: "decrease", value: 13.5 }), period);
    expect(targetLevel(decrease)).toBeCloseTo(86.5, 6);
    expect(targetLevel(indicatorOf(source({ kind: "cumulative", value: 20 }), period))).toBeNull();
  });

  it("draws the target path: compound for growth, a line for totals and shares, flat for a ceiling", () => {
    const growth = targetPath(indicatorOf(source({ kind: "rate", direction: "increase", value: 6 }), period));
    expect(growth.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(growth[3]?.value).toBeCloseTo(119.1, 1);
    expect(growth[5]?.value).toBeCloseTo(133.82, 2);
    const total = targetPath(indicatorOf(source({ kind: "cumulative", value: 20, baseline: null }), period));
    expect(total.map((p) => p.value)).toEqual([0, 4, 8, 12, 16, 20]);
    const share = targetPath(indicatorOf(source({ unit: "%", value: 42, baseline: 40 }), period));
    expect(share[1]?.value).toBeCloseTo(40.4, 6);
    const ceiling = targetPath(indicatorOf(source({ comparator: "at_most", value: 5.5 }), period));
    expect(new Set(ceiling.map((p) => p.value))).toEqual(new Set([5.5]));
    const decrease = targetPath(
      indicatorOf(source({ kind: "rate", direction: "decrease", value: 13.5 }), period),
    );
    expect(decrease[5]?.value).toBeCloseTo(86.5, 6);
    expect(decrease[3]?.value).toBeCloseTo(100 * 0.865 ** 0.6, 6);
  });

  it("a value on the target path of a level reached by growth is on track", () => {
    const ind = indicatorOf(source({}), period);
    const path = targetPath(ind);
    const r = judgeIndicator(ind, [{ year: 2023, value: path[3]?.value ?? 0 }], 2023);
    expect(r.judgement).toBe("on_track");
    expect(r.ratio).toBeCloseTo(1, 6);
  });

  it("compares units by base unit, % and 个百分点 as one; says which units when not", () => {
    expect(unitsComparable("元", "元")).toBe(true);
    expect(unitsComparable("%", "个百分点")).toBe(true);
    expect(unitsComparable("人", "%")).toBe(false);
    expect(checkLinkUnits("人", "%")?.message.zh).toBe("单位不可比：年度目标为“人”，五年规划指标为“%”");
    expect(checkLinkUnits("人", "%")?.field).toBe("unit");
    expect(checkLinkUnits("元", "元")).toBeNull();
  });

  it("knows the statistics department by its name", () => {
    expect(isStatisticsDepartment("区统计局")).toBe(true);
    expect(isStatisticsDepartment("区发展改革委")).toBe(false);
    expect(isStatisticsDepartment(null)).toBe(false);
  });
});
