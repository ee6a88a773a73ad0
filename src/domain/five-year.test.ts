import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cagr,
  checkIndicatorYears,
  checkValueYear,
  type FiveYearIndicator,
  judgeIndicator,
  judgeRatio,
} from "./five-year.ts";

const base = { unit: "", attribute: "expected" as const, baselineYear: 2020, targetYear: 2025 };

describe("年均增长: the worked example of the issue", () => {
  // 6% a year from 100 in 2020 is 133.8 in 2025; 117.5 in 2023.
  const gdp: FiveYearIndicator = {
    ...base,
    name: "地区生产总值",
    unit: "亿元",
    form: "annual_growth",
    baselineValue: 100,
    targetValue: 6,
  };
  const r = judgeIndicator(
    gdp,
    [
      { year: 2021, value: 105 },
      { year: 2023, value: 117.5 },
    ],
    2023,
  );

  it("achieved 5.5% a year, 6.7% needed in 2024–2025, ratio 0.92: 需加快", () => {
    expect(r.year).toBe(2023);
    expect(r.achievedRate).toBeCloseTo(5.52, 2);
    expect(r.neededRate).toBeCloseTo(6.72, 2);
    expect(r.ratio).toBeCloseTo(0.92, 2);
    expect(r.judgement).toBe("needs_speed");
    expect(r.light).toBe("yellow");
  });

  it("projects 2025 at the observed rate and calls the trend", () => {
    expect(r.projection).toBeCloseTo(130.84, 1);
    expect(r.willMeet).toBe(false);
  });

  it("says it in words, one language each", () => {
    expect(r.working.zh).toBe(
      "地区生产总值：规划年均增长6%，2020—2023年实际年均增长5.5%，为目标的92%，需加快；2024—2025年需年均增长6.7%才能完成。按目前增速，预计2025年达到130.8亿元，难以完成规划目标。",
    );
    expect(r.working.en.replaceAll(gdp.name, "")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("a level target of 133.8 reached by growth is judged the same way (required growth)", () => {
    const level: FiveYearIndicator = { ...gdp, form: "level", targetValue: 133.82 };
    const l = judgeIndicator(level, [{ year: 2023, value: 117.5 }], 2023);
    expect(l.method).toBe("required_growth");
    expect(l.requiredRate).toBeCloseTo(6, 2);
    expect(l.ratio).toBeCloseTo(0.92, 2);
    expect(l.judgement).toBe("needs_speed");
  });
});

describe("累计 over the period", () => {
  const jobs: FiveYearIndicator = {
    ...base,
    name: "城镇新增就业",
    unit: "万人",
    form: "cumulative",
    baselineValue: 0,
    targetValue: 20,
  };
  it("11.5 of 20 after three of five years: 57.5% against 60% elapsed, ratio 0.96 → 符合进度, 4.25 a year still needed", () => {
    const r = judgeIndicator(jobs, [{ year: 2023, value: 11.5 }], 2023);
    expect(r.progress).toBeCloseTo(0.575, 3);
    expect(r.elapsed).toBeCloseTo(0.6, 3);
    expect(r.ratio).toBeCloseTo(0.958, 3);
    expect(r.judgement).toBe("on_track");
    expect(r.neededRate).toBeCloseTo(4.25, 2);
    expect(r.working.zh).toContain("其余2年需年均完成4.25万人");
  });

  it("9 of 20: ratio 0.75 → 需加快; 5 of 20: 0.42 → 进展缓慢", () => {
    expect(judgeIndicator(jobs, [{ year: 2023, value: 9 }], 2023).judgement).toBe("needs_speed");
    expect(judgeIndicator(jobs, [{ year: 2023, value: 5 }], 2023).judgement).toBe("slow");
  });
});

describe("a ceiling (控制在…以内), judged strictly", () => {
  const unemployment: FiveYearIndicator = {
    ...base,
    name: "城镇调查失业率",
    unit: "%",
    form: "ceiling",
    attribute: "expected",
    baselineValue: 5.2,
    targetValue: 5.5,
  };
  it("at the ceiling is within it, a tenth over is the wrong way and red", () => {
    expect(judgeIndicator(unemployment, [{ year: 2023, value: 5.5 }], 2023).judgement).toBe("on_track");
    const over = judgeIndicator(unemployment, [{ year: 2023, value: 5.6 }], 2023);
    expect(over.judgement).toBe("reverse");
    expect(over.light).toBe("red");
    expect(over.working.zh).toBe("城镇调查失业率：规划控制在5.5%以内，2023年为5.6%，超出0.1%，逆向。");
  });
});

describe("a bounded share", () => {
  it("is judged linearly: 20% → 23% with 21.5% after three years is half the way in 60% of the time: 需加快", () => {
    const forest: FiveYearIndicator = {
      ...base,
      name: "森林覆盖率",
      unit: "%",
      form: "level",
      baselineValue: 20,
      targetValue: 23,
      bounded: true,
    };
    const r = judgeIndicator(forest, [{ year: 2023, value: 21.5 }], 2023);
    expect(r.method).toBe("linear");
    expect(r.progress).toBeCloseTo(0.5, 3);
    expect(r.ratio).toBeCloseTo(0.833, 3);
    expect(r.judgement).toBe("needs_speed");
  });

  it("near its bound is not misjudged: 95% → 98% with 97.6% after two years is on track", () => {
    const air: FiveYearIndicator = {
      ...base,
      name: "空气质量优良天数比率",
      unit: "%",
      form: "level",
      baselineValue: 95,
      targetValue: 98,
      bounded: true,
    };
    expect(judgeIndicator(air, [{ year: 2022, value: 97.6 }], 2022).judgement).toBe("on_track");
  });
});

describe("a decrease target such as 单位GDP能耗下降13.5%", () => {
  const energy: FiveYearIndicator = {
    ...base,
    name: "单位地区生产总值能耗",
    form: "decrease",
    attribute: "binding",
    baselineValue: 100,
    targetValue: 13.5,
  };
  it("an index of 93 after three years: falling 2.4% a year where 2.9% is needed, ratio 0.84; binding → red", () => {
    const r = judgeIndicator(energy, [{ year: 2023, value: 93 }], 2023);
    expect(r.requiredRate).toBeCloseTo(-2.86, 2);
    expect(r.achievedRate).toBeCloseTo(-2.39, 2);
    expect(r.ratio).toBeCloseTo(0.835, 2);
    expect(r.judgement).toBe("needs_speed");
    expect(r.light).toBe("red");
    expect(r.working.zh).toContain("年均下降2.4%");
    expect(r.working.zh).toContain("需年均下降2.9%");
  });

  it("an index of 86 has met the five-year decrease early", () => {
    expect(judgeIndicator(energy, [{ year: 2023, value: 86 }], 2023).judgement).toBe("met_early");
  });

  it("a rising index is the wrong way", () => {
    expect(judgeIndicator(energy, [{ year: 2022, value: 101 }], 2022).judgement).toBe("reverse");
  });
});

describe("the edges", () => {
  const gdp: FiveYearIndicator = {
    ...base,
    name: "地区生产总值",
    form: "level",
    baselineValue: 100,
    targetValue: 130,
  };
  it("takes the latest value up to the as-of year, and says when there is none", () => {
    const values = [
      { year: 2021, value: 104 },
      { year: 2024, value: 126 },
    ];
    expect(judgeIndicator(gdp, values, 2023).year).toBe(2021);
    expect(judgeIndicator(gdp, values, 2020).judgement).toBe("no_data");
    expect(judgeIndicator(gdp, [], 2023).working.zh).toBe("地区生产总值：2020年以后尚无数据。");
  });

  it("a value below the baseline is the wrong way", () => {
    expect(judgeIndicator(gdp, [{ year: 2022, value: 98 }], 2022).judgement).toBe("reverse");
  });

  it("thresholds of the ratio", () => {
    expect([0.95, 0.9499, 0.6, 0.5999, 0, -0.01].map(judgeRatio)).toEqual([
      "on_track",
      "needs_speed",
      "needs_speed",
      "slow",
      "slow",
      "reverse",
    ]);
    expect(cagr(100, 121, 2)).toBeCloseTo(10, 6);
    expect(cagr(0, 121, 2)).toBeNull();
  });

  it("refuses a target year before the baseline and a value outside the period", () => {
    expect(checkIndicatorYears(2020, 2019)?.message.zh).toBe("目标年份2019年须晚于基期2020年");
    expect(checkIndicatorYears(2020, 2025)).toBeNull();
    expect(checkValueYear({ baselineYear: 2020, targetYear: 2025 }, 2026)?.message.zh).toBe(
      "年份2026不在规划期内（2021—2025年）",
    );
    expect(checkValueYear({ baselineYear: 2020, targetYear: 2025 }, 2020)).not.toBeNull();
    expect(checkValueYear({ baselineYear: 2020, targetYear: 2025 }, 2025)).toBeNull();
  });

  it("never throws and always says something", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("level", "annual_growth", "cumulative", "ceiling", "decrease" as const),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.array(
          fc.record({
            year: fc.integer({ min: 2015, max: 2030 }),
            value: fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
          }),
        ),
        fc.boolean(),
        (form, baselineValue, targetValue, values, bounded) => {
          const r = judgeIndicator(
            { ...base, name: "x", form, baselineValue, targetValue, bounded },
            values,
            2023,
          );
          expect(r.working.zh.length).toBeGreaterThan(0);
          expect(r.working.en.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
