import { describe, expect, it } from "vitest";
import type { TargetTrendView } from "../../../src/contract/cockpit.ts";
import type { RollupGroupView } from "../../../src/contract/status.ts";
import { groupBarOption, type TrendTooltipParam, trendOption } from "./cockpit-charts.ts";
import { escapeHtml } from "./escape-html.ts";

const MARKUP = `<img src=x onerror="alert('区')">&`;

function group(id: number, title: string): RollupGroupView {
  const counts = { completed: 0, on_track: 2, behind: 0, far_behind: 0, not_reported: 0, not_started: 0 };
  return { id, title, rollup: { total: 2, counts, completionIndex: 0.5, measured: 2, stopped: 0 } };
}

function trend(unit: string): TargetTrendView {
  const period = {
    key: "2020-01",
    start: "2020-01-01",
    end: "2020-01-31",
    due: "2020-02-05",
    elapsedShare: 0,
    index: 1,
  };
  return {
    targetId: 1,
    planId: 1,
    asOf: "2020-02-10",
    subject: MARKUP,
    display: "",
    kind: "level",
    comparator: "target",
    unit,
    displayUnit: unit,
    goal: 80,
    goal2: null,
    baseline: null,
    line: "elapsed",
    points: [{ period, value: 40, expected: 80, status: "behind", reportId: null }],
  };
}

/** No tag and no attribute survives: the text's `<`, quotes and `&` are entities. */
function inert(html: string): void {
  expect(html).not.toMatch(/<img|onerror="/);
  expect(html).toContain("&lt;img src=x onerror=&quot;alert(&#39;区&#39;)&quot;&gt;&amp;");
}

describe("chart text escaped into HTML", () => {
  it("write every markup character as an entity, and nothing else", () => {
    expect(escapeHtml(MARKUP)).toBe("&lt;img src=x onerror=&quot;alert(&#39;区&#39;)&quot;&gt;&amp;");
    expect(escapeHtml("区人社局 50%")).toBe("区人社局 50%");
    expect(escapeHtml(null)).toBe("");
  });

  it("escape an area's or department's name in the bar tooltip", () => {
    const option = groupBarOption([group(1, MARKUP)], { completion: "完成度", noData: "暂无" }) as {
      tooltip: { formatter: (p: unknown) => string };
    };
    const html = option.tooltip.formatter({ name: MARKUP, data: { value: 50, total: 2 } });
    inert(html);
    expect(html).toContain("<br/>完成度 50%");
  });

  it("escape the unit, the series names and the period in the trend tooltip", () => {
    const option = trendOption(
      trend(MARKUP),
      { actual: MARKUP, schedule: "序时进度", target: "目标", planned: "分期计划" },
      "zh-CN",
    ) as { tooltip: { formatter: (p: TrendTooltipParam[]) => string } };
    const marker = '<span style="background-color:#1f5fa8"></span>';
    const html = option.tooltip.formatter([
      { axisValueLabel: MARKUP, seriesName: "序时进度", value: 80, marker },
      { axisValueLabel: MARKUP, seriesName: MARKUP, value: 40, marker },
      { axisValueLabel: MARKUP, seriesName: "序时进度", value: null },
    ]);
    inert(html);
    // ECharts' own marker is kept as markup; a period without a value reads “—”.
    expect(html.startsWith("&lt;img")).toBe(true);
    expect(html).toContain(`${marker}序时进度 80`);
    expect(html.split("<br/>")).toHaveLength(4);
    expect(html.endsWith("序时进度 —")).toBe(true);
  });

  it("leave canvas text alone (drawn, not parsed)", () => {
    const option = groupBarOption([group(1, MARKUP)], { completion: "完成度", noData: "暂无" }) as {
      yAxis: { data: string[] };
    };
    expect(option.yAxis.data).toEqual([MARKUP]);
  });
});
