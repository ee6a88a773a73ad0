// ECharts options of the charts in the Word reports (pure): completion by area against the schedule,
// and the number of targets in each status. Rendered on the server (chart-png.ts); the web app has its
// own option builders. Fixed sizes and no animation, since the picture is printed.

import type { TargetStatus } from "../domain/evaluation.ts";
import type { AreaSection, ZhEn } from "./progress-model.ts";

/** Status colours as the ledger's traffic lights: green, yellow, red, grey. */
export const STATUS_COLOURS: Record<TargetStatus, string> = {
  completed: "#237804",
  on_track: "#52c41a",
  behind: "#faad14",
  far_behind: "#f5222d",
  not_reported: "#8c8c8c",
  not_started: "#d9d9d9",
};

/** Chart pixel size (drawn at twice this for print). */
export const CHART_SIZE = { width: 760, height: 380 } as const;

const FONT = "Noto Serif CJK SC, 仿宋_GB2312, serif";

export interface EChartsOption {
  [key: string]: unknown;
}

/** Horizontal bars: each area's completion index, with the schedule (时序进度) as a line. */
export function areaCompletionOption(
  areas: readonly Pick<AreaSection, "shortTitle" | "rollup">[],
  expectedShare: number | null,
): EChartsOption {
  const list = [...areas].reverse();
  const values = list.map((a) =>
    a.rollup.completionIndex === null ? 0 : Number((a.rollup.completionIndex * 100).toFixed(1)),
  );
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT, fontSize: 17, color: "#000000" },
    title: {
      text: "各领域综合完成指数（%）",
      left: "center",
      textStyle: { fontFamily: FONT, fontSize: 19, fontWeight: "bold" },
    },
    grid: { left: 16, right: 56, top: 48, bottom: 16, containLabel: true },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%", fontSize: 16 } },
    yAxis: {
      type: "category",
      data: list.map((a) => a.shortTitle),
      axisTick: { show: false },
      axisLabel: { fontSize: 16 },
    },
    series: [
      {
        type: "bar",
        data: values,
        itemStyle: { color: "#1d4e89" },
        barMaxWidth: 28,
        label: { show: true, position: "right", formatter: "{c}%" },
        markLine:
          expectedShare === null
            ? undefined
            : {
                symbol: "none",
                silent: true,
                lineStyle: { color: STATUS_COLOURS.far_behind, type: "dashed", width: 2 },
                label: { formatter: `时序进度${Number((expectedShare * 100).toFixed(1))}%`, position: "end" },
                data: [{ xAxis: Number((expectedShare * 100).toFixed(1)) }],
              },
      },
    ],
  };
}

/** Vertical bars: how many targets are in each status, in the status colours. */
export function statusCountOption(
  rows: readonly { status: TargetStatus; word: ZhEn; count: number }[],
): EChartsOption {
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT, fontSize: 17, color: "#000000" },
    title: {
      text: "指标进度状态分布（项）",
      left: "center",
      textStyle: { fontFamily: FONT, fontSize: 19, fontWeight: "bold" },
    },
    grid: { left: 16, right: 16, top: 48, bottom: 16, containLabel: true },
    xAxis: {
      type: "category",
      data: rows.map((r) => r.word.zh),
      axisTick: { show: false },
      axisLabel: { fontSize: 16 },
    },
    yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 16 } },
    series: [
      {
        type: "bar",
        barMaxWidth: 48,
        data: rows.map((r) => ({ value: r.count, itemStyle: { color: STATUS_COLOURS[r.status] } })),
        label: { show: true, position: "top" },
      },
    ],
  };
}
