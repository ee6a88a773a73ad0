// Pure ECharts option builders of the leaders' cockpit: the completion gauge, completion by area or
// department as bars, and a target's values per period against its schedule line. No DOM, no echarts
// import beyond types, so they are unit-tested as plain data. Every tooltip is built here, as HTML
// whose every text goes through escapeHtml; the other formatters draw on the canvas (plain text).
import type { EChartsCoreOption } from "echarts/core";
import type { TargetTrendView } from "../../../src/contract/cockpit.ts";
import type { TargetStatus } from "../../../src/contract/reports.ts";
import type { RollupGroupView } from "../../../src/contract/status.ts";
import { formatCnNumber } from "../format/cn-number.ts";
import { clean, type Lang, unitScale } from "../format/number.ts";
import { escapeHtml } from "./escape-html.ts";

/** The status colours of styles-monitoring.css, for canvas drawing (CSS variables do not reach it). */
export const STATUS_COLORS: Record<TargetStatus, string> = {
  completed: "#2f9e5b",
  on_track: "#1f6fd1",
  behind: "#d4a106",
  far_behind: "#d0312d",
  not_reported: "#8c8c8c",
  not_started: "#c9ced6",
};

const AXIS_TEXT = { color: "#4b5563", fontSize: 11 };
const FONT = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** The completion index (0..1, or null) as a gauge in percent. */
export function completionGaugeOption(index: number | null, label: string): EChartsCoreOption {
  const value = index === null ? 0 : clean(Math.round(index * 1000) / 10);
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    series: [
      {
        type: "gauge",
        min: 0,
        max: 100,
        radius: "96%",
        center: ["50%", "60%"],
        startAngle: 200,
        endAngle: -20,
        progress: { show: true, width: 12, itemStyle: { color: "#1f6fd1" } },
        axisLine: { lineStyle: { width: 12, color: [[1, "#e5e9f0"]] } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: true, offsetCenter: [0, "42%"], fontSize: 12, color: "#4b5563" },
        detail: {
          valueAnimation: false,
          offsetCenter: [0, "0%"],
          fontSize: 22,
          fontWeight: 600,
          color: "#1f2937",
          formatter: index === null ? "—" : "{value}%",
        },
        data: [{ value, name: label }],
      },
    ],
  };
}

/** One bar per area or department: completion index in percent, best first; the id rides along for clicks. */
export function groupBarOption(
  groups: readonly RollupGroupView[],
  labels: { completion: string; noData: string },
): EChartsCoreOption {
  const rows = [...groups].sort(
    (a, b) => (b.rollup.completionIndex ?? -1) - (a.rollup.completionIndex ?? -1) || a.id - b.id,
  );
  // Horizontal bars read top-down: ECharts draws the first category at the bottom, so reverse.
  const ordered = [...rows].reverse();
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: "item",
      formatter: (p: { name: string; data: { value: number | null; total: number } }) =>
        `${escapeHtml(p.name)}<br/>${escapeHtml(labels.completion)} ${escapeHtml(
          p.data.value === null ? labels.noData : `${p.data.value}%`,
        )}`,
    },
    xAxis: { type: "value", min: 0, max: 100, axisLabel: { ...AXIS_TEXT, formatter: "{value}%" } },
    yAxis: {
      type: "category",
      data: ordered.map((g) => g.title),
      axisLabel: { ...AXIS_TEXT, width: 110, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 16,
        label: {
          show: true,
          position: "right",
          fontSize: 11,
          formatter: (p: { data: { value: number | null } }) =>
            p.data.value === null ? "—" : `${p.data.value}%`,
        },
        data: ordered.map((g) => ({
          id: g.id,
          value:
            g.rollup.completionIndex === null
              ? null
              : clean(Math.round(g.rollup.completionIndex * 1000) / 10),
          total: g.rollup.total,
          itemStyle: {
            color:
              g.rollup.counts.far_behind > 0
                ? STATUS_COLORS.far_behind
                : g.rollup.counts.behind > 0
                  ? STATUS_COLORS.behind
                  : STATUS_COLORS.on_track,
          },
        })),
      },
    ],
  };
}

export interface TrendLabels {
  actual: string;
  schedule: string;
  target: string;
  planned: string;
}

/** The axis and tooltip unit of a trend: the display unit when it carries a magnitude (亿元), else the unit. */
export function trendUnit(trend: Pick<TargetTrendView, "unit" | "displayUnit" | "kind">): {
  factor: number;
  label: string;
} {
  if (trend.kind === "milestone") return { factor: 1, label: "%" };
  return unitScale(trend.unit, trend.displayUnit);
}

/** What ECharts hands an axis tooltip's formatter for each series at the period pointed at. */
export interface TrendTooltipParam {
  seriesName?: string;
  axisValueLabel?: string;
  /** ECharts' coloured dot, markup it builds from the series colour. */
  marker?: string;
  value?: unknown;
}

/** The period, then each series' value in the target's unit; every text escaped. */
export function trendTooltip(params: readonly TrendTooltipParam[], fmt: (v: number) => string): string {
  const head = escapeHtml(params[0]?.axisValueLabel ?? "");
  const lines = params.map((p) => {
    const v = typeof p.value === "number" && Number.isFinite(p.value) ? fmt(p.value) : "—";
    return `${p.marker ?? ""}${escapeHtml(p.seriesName ?? "")} ${escapeHtml(v)}`;
  });
  return [head, ...lines].join("<br/>");
}

/**
 * A target's values per period (points coloured by that period's status) and the schedule line: the
 * elapsed share of the target, the planner's 分期计划, or the target itself for rates and bounds.
 */
export function trendOption(trend: TargetTrendView, labels: TrendLabels, lang: Lang): EChartsCoreOption {
  const { factor, label } = trendUnit(trend);
  const shown = (v: number | null) => (v === null ? null : clean(v / factor));
  const lineName =
    trend.line === "target" ? labels.target : trend.line === "planned" ? labels.planned : labels.schedule;
  const fmt = (v: number) =>
    label === "%" ? `${clean(Number(v.toFixed(2)))}%` : `${formatCnNumber(v, lang)}${label}`;
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.actual, lineName], textStyle: AXIS_TEXT },
    tooltip: {
      trigger: "axis",
      // Written out rather than left to ECharts, so that the unit (from the plan) is escaped here too.
      formatter: (params: TrendTooltipParam[]) => trendTooltip(params, fmt),
    },
    xAxis: {
      type: "category",
      data: trend.points.map((p) => p.period.key),
      axisLabel: AXIS_TEXT,
      boundaryGap: false,
    },
    yAxis: {
      type: "value",
      axisLabel: { ...AXIS_TEXT, formatter: (v: number) => fmt(v) },
      splitLine: { lineStyle: { color: "#eef1f5" } },
    },
    series: [
      {
        name: lineName,
        type: "line",
        data: trend.points.map((p) => shown(p.expected)),
        lineStyle: { type: "dashed", color: "#8c8c8c", width: 1.5 },
        itemStyle: { color: "#8c8c8c" },
        symbol: "none",
      },
      {
        name: labels.actual,
        type: "line",
        connectNulls: false,
        data: trend.points.map((p) => ({
          value: shown(p.value),
          reportId: p.reportId,
          period: p.period.key,
          itemStyle: { color: STATUS_COLORS[p.status] },
        })),
        lineStyle: { color: "#1f5fa8", width: 2 },
        itemStyle: { color: "#1f5fa8" },
        symbolSize: 8,
      },
    ],
  };
}
