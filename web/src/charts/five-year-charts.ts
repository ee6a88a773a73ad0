// Pure ECharts option builder of the five-year cockpit: one indicator over its plan period — the
// baseline, the yearly values up to the year judged, the target path the schedule sets, and the
// projection to the final year at the observed rate. No DOM; the tooltip is the cockpit's own
// (trendTooltip), whose every text goes through escapeHtml.
import type { EChartsCoreOption } from "echarts/core";
import type { FiveYearIndicatorView, Light } from "../../../src/contract/five-year.ts";
import { formatCnQuantity } from "../format/cn-number.ts";
import { clean, type Lang } from "../format/number.ts";
import { type TrendTooltipParam, trendTooltip } from "./cockpit-charts.ts";

/** The lights' colours, as the status colours of the annual cockpit. */
export const LIGHT_COLORS: Record<Light, string> = {
  green: "#2f9e5b",
  yellow: "#d4a106",
  red: "#d0312d",
  grey: "#8c8c8c",
};

const AXIS_TEXT = { color: "#4b5563", fontSize: 11 };
const FONT = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

export interface FiveYearChartLabels {
  actual: string;
  path: string;
  projection: string;
}

export type FiveYearChartInput = Pick<
  FiveYearIndicatorView,
  | "unit"
  | "baselineYear"
  | "baselineValue"
  | "targetYear"
  | "values"
  | "path"
  | "judgedYear"
  | "judgedValue"
  | "projection"
  | "light"
  | "judgement"
>;

/** The years on the axis: the baseline year to the target year, one each. */
export function chartYears(ind: Pick<FiveYearChartInput, "baselineYear" | "targetYear">): number[] {
  const years: number[] = [];
  for (let y = ind.baselineYear; y <= ind.targetYear; y++) years.push(y);
  return years;
}

/**
 * The series of one indicator, year by year: actual (the baseline, then the values not after
 * `asOfYear`), the target path, and the projection from the year judged to the target year (a straight
 * line between the two, the years between left open). `compact` is the card's chart: no legend, no
 * y labels.
 */
export function fiveYearOption(
  ind: FiveYearChartInput,
  asOfYear: number,
  labels: FiveYearChartLabels,
  lang: Lang,
  { compact = false }: { compact?: boolean } = {},
): EChartsCoreOption {
  const years = chartYears(ind);
  const at = (list: readonly { year: number; value: number }[], year: number) =>
    list.find((p) => p.year === year)?.value ?? null;
  const actual = years.map((y) =>
    y === ind.baselineYear ? ind.baselineValue : y <= asOfYear ? at(ind.values, y) : null,
  );
  const path = years.map((y) => at(ind.path, y));
  // Once the target is met there is nothing to project: the line would only run past the target.
  const projecting =
    ind.judgement !== "met_early" &&
    ind.projection !== null &&
    ind.judgedYear !== null &&
    ind.judgedValue !== null &&
    ind.judgedYear < ind.targetYear;
  const projection = years.map((y) =>
    !projecting
      ? null
      : y === ind.judgedYear
        ? ind.judgedValue
        : y === ind.targetYear
          ? ind.projection
          : null,
  );
  const fmt = (v: number) => formatCnQuantity(v, ind.unit, null, lang);
  const color = LIGHT_COLORS[ind.light];
  const series: object[] = [
    {
      name: labels.path,
      type: "line",
      data: path.map((v) => (v === null ? null : clean(v))),
      lineStyle: { type: "dashed", color: "#8c8c8c", width: 1.5 },
      itemStyle: { color: "#8c8c8c" },
      symbol: "none",
      connectNulls: true,
    },
    {
      name: labels.actual,
      type: "line",
      data: actual.map((v, i) => ({
        value: v === null ? null : clean(v),
        // The baseline is drawn hollow: it is where the plan starts, not a value of its period.
        symbol: i === 0 ? "emptyCircle" : "circle",
      })),
      connectNulls: false,
      lineStyle: { color: "#1f5fa8", width: 2 },
      itemStyle: { color: "#1f5fa8" },
      symbolSize: compact ? 5 : 8,
    },
  ];
  if (projecting) {
    series.push({
      name: labels.projection,
      type: "line",
      data: projection.map((v) => (v === null ? null : clean(v))),
      connectNulls: true,
      lineStyle: { type: "dotted", color, width: 2 },
      itemStyle: { color },
      symbol: (_: unknown, p: { dataIndex: number }) =>
        p.dataIndex === years.length - 1 ? "diamond" : "none",
      symbolSize: compact ? 6 : 9,
    });
  }
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    grid: compact
      ? { left: 4, right: 8, top: 8, bottom: 4, containLabel: true }
      : { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: compact
      ? { show: false }
      : { top: 0, data: series.map((s) => (s as { name: string }).name), textStyle: AXIS_TEXT },
    tooltip: {
      trigger: "axis",
      formatter: (params: TrendTooltipParam[]) => trendTooltip(params, fmt),
    },
    xAxis: {
      type: "category",
      data: years.map(String),
      axisLabel: compact ? { ...AXIS_TEXT, fontSize: 10 } : AXIS_TEXT,
      boundaryGap: false,
    },
    yAxis: {
      type: "value",
      scale: true,
      axisLabel: compact ? { show: false } : { ...AXIS_TEXT, formatter: (v: number) => fmt(v) },
      splitLine: { lineStyle: { color: "#eef1f5" } },
    },
    series,
  };
}
