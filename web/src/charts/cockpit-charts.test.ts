import { describe, expect, it } from "vitest";
import type { TargetTrendView, TrendPointView } from "../../../src/contract/cockpit.ts";
import type { RollupGroupView } from "../../../src/contract/status.ts";
import { completionGaugeOption, groupBarOption, STATUS_COLORS, trendOption } from "./cockpit-charts.ts";

type Series = { type: string; name?: string; data: unknown[]; label?: { formatter: (p: unknown) => string } };
type Axis = { data: string[]; axisLabel: { formatter: (v: number) => string } };
const seriesOf = (o: object) => (o as { series: Series[] }).series;

function group(id: number, title: string, index: number | null, far = 0, behind = 0): RollupGroupView {
  return {
    id,
    title,
    rollup: {
      total: 3,
      counts: {
        completed: 0,
        on_track: 3 - far - behind,
        behind,
        far_behind: far,
        not_reported: 0,
        not_started: 0,
      },
      completionIndex: index,
      measured: index === null ? 0 : 3,
      stopped: 0,
    },
  };
}

function point(key: string, value: number | null, expected: number | null, status: TrendPointView["status"]) {
  return {
    period: { key, start: `${key}-01`, end: `${key}-28`, due: `${key}-28`, elapsedShare: 0, index: 1 },
    value,
    expected,
    status,
    reportId: value === null ? null : 7,
  };
}

function trend(partial: Partial<TargetTrendView>): TargetTrendView {
  return {
    targetId: 1,
    planId: 1,
    asOf: "2020-10-12",
    subject: "招商引资到位额",
    display: "106亿元",
    kind: "cumulative",
    comparator: "target",
    unit: "元",
    displayUnit: "亿元",
    goal: 10600000000,
    goal2: null,
    baseline: null,
    line: "elapsed",
    points: [
      point("2020-01", 900000000, 883333333.3, "on_track"),
      point("2020-02", null, 1766666666.7, "not_reported"),
    ],
    ...partial,
  };
}

describe("cockpit charts", () => {
  it("draws the completion index as a gauge in percent, a dash without one", () => {
    const [gauge] = seriesOf(completionGaugeOption(0.8567, "完成指数"));
    expect(gauge?.type).toBe("gauge");
    expect(gauge?.data).toEqual([{ value: 85.7, name: "完成指数" }]);
    const empty = seriesOf(completionGaugeOption(null, "完成指数"))[0] as unknown as {
      detail: { formatter: string };
    };
    expect(empty.detail.formatter).toBe("—");
  });

  it("puts the best area on top, coloured by its worst status, with the id for a click", () => {
    const option = groupBarOption(
      [group(1, "甲", 0.5, 1), group(2, "乙", 0.9), group(3, "丙", null), group(4, "丁", 0.7, 0, 1)],
      { completion: "完成指数", noData: "无数据" },
    );
    // ECharts draws the first category at the bottom: the order is reversed.
    expect((option as { yAxis: Axis }).yAxis.data).toEqual(["丙", "甲", "丁", "乙"]);
    const [bar] = seriesOf(option);
    expect(bar?.data).toEqual([
      expect.objectContaining({ id: 3, value: null }),
      expect.objectContaining({ id: 1, value: 50, itemStyle: { color: STATUS_COLORS.far_behind } }),
      expect.objectContaining({ id: 4, value: 70, itemStyle: { color: STATUS_COLORS.behind } }),
      expect.objectContaining({ id: 2, value: 90, itemStyle: { color: STATUS_COLORS.on_track } }),
    ]);
    expect(bar?.label?.formatter({ data: { value: null } })).toBe("—");
    expect(bar?.label?.formatter({ data: { value: 50 } })).toBe("50%");
  });

  it("draws a trend in the display unit with 万/亿 on the axis, the schedule line dashed", () => {
    const labels = { actual: "实际", schedule: "时序进度", target: "目标", planned: "分期计划" };
    const option = trendOption(trend({}), labels, "zh-CN");
    const [line, actual] = seriesOf(option);
    expect(line?.name).toBe("时序进度");
    expect(line?.data).toEqual([8.833333333, 17.666666667]);
    expect(actual?.data).toEqual([
      expect.objectContaining({ value: 9, reportId: 7, itemStyle: { color: STATUS_COLORS.on_track } }),
      expect.objectContaining({
        value: null,
        reportId: null,
        itemStyle: { color: STATUS_COLORS.not_reported },
      }),
    ]);
    const yAxis = (option as { yAxis: Axis }).yAxis;
    expect(yAxis.axisLabel.formatter(12)).toBe("12亿元");
    expect((option as { xAxis: Axis }).xAxis.data).toEqual(["2020-01", "2020-02"]);
  });

  it("scales a bare base unit with 万, labels a rate's line as the target, and a milestone in percent", () => {
    const labels = { actual: "actual", schedule: "schedule", target: "target", planned: "planned" };
    const jobs = trendOption(trend({ unit: "人", displayUnit: "万人", line: "elapsed" }), labels, "en-US");
    expect((jobs as { yAxis: Axis }).yAxis.axisLabel.formatter(1.5)).toBe("1.5万人");
    const people = trendOption(trend({ unit: "人", displayUnit: "人" }), labels, "zh-CN");
    expect((people as { yAxis: Axis }).yAxis.axisLabel.formatter(17280)).toBe("1.73万人");
    const rate = trendOption(
      trend({ unit: "%", displayUnit: "%", kind: "rate", line: "target" }),
      labels,
      "en-US",
    );
    expect(seriesOf(rate)[0]?.name).toBe("target");
    expect((rate as { yAxis: Axis }).yAxis.axisLabel.formatter(5.26)).toBe("5.26%");
    const milestone = trendOption(trend({ kind: "milestone", unit: "", displayUnit: "" }), labels, "zh-CN");
    expect((milestone as { yAxis: Axis }).yAxis.axisLabel.formatter(75)).toBe("75%");
  });
});
