import { describe, expect, it } from "vitest";
import type { YearlyValueView } from "../../../src/contract/five-year.ts";
import { chartYears, type FiveYearChartInput, fiveYearOption, LIGHT_COLORS } from "./five-year-charts.ts";

type Point = { value: number | null; symbol?: string } | number | null;
type Series = {
  name: string;
  data: Point[];
  lineStyle: { type?: string; color: string };
  symbol?: string | ((v: unknown, p: { dataIndex: number }) => string);
};
type Option = {
  series: Series[];
  xAxis: { data: string[] };
  yAxis: { axisLabel: { show?: boolean; formatter?: (v: number) => string } };
  legend: { show?: boolean; data?: string[] };
  tooltip: { formatter: (p: unknown[]) => string };
};
const LABELS = { actual: "实际值", path: "目标路径", projection: "按目前增速预计" };
const pointValue = (p: Point) => (p !== null && typeof p === "object" ? p.value : p);

function value(year: number, v: number): YearlyValueView {
  return {
    id: year,
    year,
    value: v,
    source: "statistics",
    sourceNote: "",
    by: "planner",
    at: "2024-01-01",
    reportId: null,
  };
}

// The worked figures: 年均增长6% from 100 in 2020 (133.8 in 2025); 117.5 in 2023.
function indicator(partial: Partial<FiveYearChartInput> = {}): FiveYearChartInput {
  return {
    unit: "亿元",
    baselineYear: 2020,
    baselineValue: 100,
    targetYear: 2025,
    values: [value(2021, 105), value(2022, 111), value(2023, 117.5), value(2024, 125)],
    path: chartYears({ baselineYear: 2020, targetYear: 2025 }).map((y) => ({
      year: y,
      value: 100 * 1.06 ** (y - 2020),
    })),
    judgedYear: 2023,
    judgedValue: 117.5,
    projection: 131.1,
    light: "yellow",
    judgement: "needs_speed",
    ...partial,
  };
}

describe("five-year indicator chart", () => {
  it("runs from the baseline year to the target year", () => {
    expect(chartYears({ baselineYear: 2020, targetYear: 2025 })).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025,
    ]);
    const o = fiveYearOption(indicator(), 2023, LABELS, "zh-CN") as unknown as Option;
    expect(o.xAxis.data).toEqual(["2020", "2021", "2022", "2023", "2024", "2025"]);
  });

  it("draws the baseline and the values up to the year judged, not the later ones", () => {
    const o = fiveYearOption(indicator(), 2023, LABELS, "zh-CN") as unknown as Option;
    const actual = o.series.find((s) => s.name === "实际值");
    expect(actual?.data.map(pointValue)).toEqual([100, 105, 111, 117.5, null, null]);
    expect(actual?.data[0]).toMatchObject({ symbol: "emptyCircle" });
    const later = fiveYearOption(indicator(), 2024, LABELS, "zh-CN") as unknown as Option;
    expect(later.series.find((s) => s.name === "实际值")?.data.map(pointValue)[4]).toBe(125);
  });

  it("draws the target path dashed through every year to the target", () => {
    const o = fiveYearOption(indicator(), 2023, LABELS, "zh-CN") as unknown as Option;
    const path = o.series.find((s) => s.name === "目标路径");
    expect(path?.lineStyle.type).toBe("dashed");
    const last = path?.data.map(pointValue).at(-1) as number;
    expect(last).toBeCloseTo(133.82, 2);
  });

  it("projects from the year judged to the final year in the light's colour", () => {
    const o = fiveYearOption(indicator(), 2023, LABELS, "zh-CN") as unknown as Option;
    const projection = o.series.find((s) => s.name === "按目前增速预计");
    expect(projection?.data.map(pointValue)).toEqual([null, null, null, 117.5, null, 131.1]);
    expect(projection?.lineStyle).toMatchObject({ type: "dotted", color: LIGHT_COLORS.yellow });
    const symbol = projection?.symbol as (v: unknown, p: { dataIndex: number }) => string;
    expect(symbol(null, { dataIndex: 5 })).toBe("diamond");
    expect(symbol(null, { dataIndex: 3 })).toBe("none");
  });

  it("has no projection without one, once the final year is judged, nor once the target is met", () => {
    const ceiling = fiveYearOption(
      indicator({ projection: null }),
      2023,
      LABELS,
      "zh-CN",
    ) as unknown as Option;
    expect(ceiling.series.map((s) => s.name)).toEqual(["目标路径", "实际值"]);
    const done = fiveYearOption(
      indicator({ judgedYear: 2025, judgedValue: 134, projection: 134 }),
      2025,
      LABELS,
      "zh-CN",
    ) as unknown as Option;
    expect(done.series).toHaveLength(2);
    const met = fiveYearOption(
      indicator({ judgement: "met_early", light: "green", projection: 150 }),
      2023,
      LABELS,
      "zh-CN",
    ) as unknown as Option;
    expect(met.series.map((s) => s.name)).toEqual(["目标路径", "实际值"]);
    const none = fiveYearOption(
      indicator({ values: [], judgedYear: null, judgedValue: null, projection: null, light: "grey" }),
      2023,
      LABELS,
      "zh-CN",
    ) as unknown as Option;
    expect(none.series.find((s) => s.name === "实际值")?.data.map(pointValue)).toEqual([
      100,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("writes values in the indicator's unit, office-rounded, and escapes the tooltip", () => {
    const o = fiveYearOption(indicator({ unit: "<b>亿元</b>" }), 2023, LABELS, "zh-CN") as unknown as Option;
    const html = o.tooltip.formatter([
      { axisValueLabel: "2023", seriesName: "实际值", marker: "", value: 117.456 },
    ]);
    expect(html).toBe("2023<br/>实际值 117.46&lt;b&gt;亿元&lt;/b&gt;");
    const share = fiveYearOption(indicator({ unit: "%" }), 2023, LABELS, "en-US") as unknown as Option;
    expect(share.yAxis.axisLabel.formatter?.(45.24)).toBe("45.2%");
  });

  it("is small on a card: no legend, no y labels", () => {
    const o = fiveYearOption(indicator(), 2023, LABELS, "zh-CN", { compact: true }) as unknown as Option;
    expect(o.legend.show).toBe(false);
    expect(o.yAxis.axisLabel.show).toBe(false);
    const full = fiveYearOption(indicator(), 2023, LABELS, "zh-CN") as unknown as Option;
    expect(full.legend.data).toEqual(["目标路径", "实际值", "按目前增速预计"]);
  });
});
