import { describe, expect, it } from "vitest";
import type { TargetStatus } from "../domain/evaluation.ts";
import { reportTarget } from "../test/progress-fixture.ts";
import {
  buildProgressModel,
  countsSentence,
  gapCell,
  gatherTexts,
  periodLabel,
  type ReportTarget,
  targetPhrase,
} from "./progress-model.ts";

/** The fixture's target, not yet judged against a schedule. */
function target(over: Partial<ReportTarget>): ReportTarget {
  return reportTarget({ expectedShare: null, expectedFrom: null, ...over });
}

const missing = { value: null, completion: null, gapPoints: null, due: "2020-07-05" };
const notStarted = { value: null, completion: null, gapPoints: null, judgedPeriod: null };
const NOT_REPORTED = "6月进展应于2020年7月5日前报送，至今未报送";
const NOT_STARTED = "尚无已结束的报告期，暂不评价";

// Every kind (and bound, range and `about` comparators) × every status, with the words a report uses.
const cumulative = { kind: "cumulative" as const, expectedShare: 0.5, expectedFrom: "elapsed" as const };
const level = {
  kind: "level" as const,
  subject: "雏鹰企业",
  display: "80家",
  target: 80,
  unit: "家",
  displayUnit: "家",
  expectedShare: 0.5,
  expectedFrom: "elapsed" as const,
};
const milestone = {
  kind: "milestone" as const,
  subject: "建成南开美术馆",
  display: "",
  target: null,
  unit: "",
  displayUnit: "",
  expectedShare: 0.5,
  expectedFrom: "elapsed" as const,
};
const rate = {
  kind: "rate" as const,
  subject: "地区生产总值",
  display: "5%",
  target: 5,
  unit: "%",
  displayUnit: "%",
};
const fall = {
  ...rate,
  subject: "万元生产总值能耗",
  display: "3%",
  target: 3,
  direction: "decrease" as const,
};
const ceiling = {
  kind: "level" as const,
  subject: "城镇登记失业率",
  display: "3.5%",
  comparator: "at_most" as const,
  direction: "level" as const,
  target: 3.5,
  unit: "%",
  displayUnit: "%",
};
const range = { ...rate, comparator: "range" as const, display: "5%-6%", target: 5, target2: 6 };
const about = { ...rate, comparator: "about" as const, display: "5%左右" };

type Row = [string, Partial<ReportTarget>, TargetStatus, Partial<ReportTarget>, string];
const TABLE: Row[] = [
  [
    "cumulative",
    cumulative,
    "completed",
    { value: 42000, completion: 1.05, gapPoints: 55 },
    "累计完成4.2万人，完成年度目标的105%，已完成年度目标",
  ],
  [
    "cumulative",
    cumulative,
    "on_track",
    { value: 21000, completion: 0.525, gapPoints: 2.5 },
    "累计完成2.1万人，完成年度目标的52.5%，超时序进度2.5个百分点",
  ],
  [
    "cumulative",
    cumulative,
    "on_track",
    { value: 20000, completion: 0.5, gapPoints: 0 },
    "累计完成2万人，完成年度目标的50%，与时序进度持平",
  ],
  [
    "cumulative",
    cumulative,
    "behind",
    { value: 15400, completion: 0.385, gapPoints: -11.5 },
    "累计完成1.54万人，完成年度目标的38.5%，欠时序进度11.5个百分点",
  ],
  [
    "cumulative",
    cumulative,
    "far_behind",
    { value: 4000, completion: 0.1, gapPoints: -40 },
    "累计完成0.4万人，完成年度目标的10%，欠时序进度40个百分点",
  ],
  ["cumulative", cumulative, "not_reported", missing, NOT_REPORTED],
  ["cumulative", cumulative, "not_started", notStarted, NOT_STARTED],
  [
    "cumulative (分期计划)",
    { ...cumulative, expectedFrom: "planned" },
    "behind",
    { value: 15400, completion: 0.385, gapPoints: -11.5 },
    "累计完成1.54万人，完成年度目标的38.5%，欠分期计划进度11.5个百分点",
  ],
  [
    "level",
    level,
    "completed",
    { value: 80, completion: 1, gapPoints: 50 },
    "达到80家，已达到80家的年度目标",
  ],
  [
    "level",
    level,
    "on_track",
    { value: 50, completion: 0.625, gapPoints: 12.5 },
    "达到50家，距年度目标80家差30家",
  ],
  [
    "level",
    level,
    "behind",
    { value: 30, completion: 0.375, gapPoints: -12.5 },
    "达到30家，距年度目标80家差50家",
  ],
  [
    "level",
    level,
    "far_behind",
    { value: 10, completion: 0.125, gapPoints: -37.5 },
    "达到10家，距年度目标80家差70家",
  ],
  ["level", level, "not_reported", missing, NOT_REPORTED],
  ["level", level, "not_started", notStarted, NOT_STARTED],
  ["milestone", milestone, "completed", { value: 100, completion: 1, gapPoints: 50 }, "已完成"],
  [
    "milestone",
    milestone,
    "on_track",
    { value: 55, completion: 0.55, gapPoints: 5 },
    "完成进度55%，超时序进度5个百分点",
  ],
  [
    "milestone",
    milestone,
    "behind",
    { value: 35, completion: 0.35, gapPoints: -15 },
    "完成进度35%，欠时序进度15个百分点",
  ],
  [
    "milestone",
    milestone,
    "far_behind",
    { value: 10, completion: 0.1, gapPoints: -40 },
    "完成进度10%，欠时序进度40个百分点",
  ],
  ["milestone", milestone, "not_reported", missing, NOT_REPORTED],
  ["milestone", milestone, "not_started", notStarted, NOT_STARTED],
  [
    "rate",
    rate,
    "completed",
    { value: 5.3, completion: 1.06 },
    "累计增长5.3%，高于年度目标（增长5%）0.3个百分点",
  ],
  ["rate", rate, "on_track", { value: 5, completion: 1 }, "累计增长5%，达到年度目标（增长5%）"],
  [
    "rate",
    rate,
    "behind",
    { value: 4.2, completion: 0.84 },
    "累计增长4.2%，低于年度目标（增长5%）0.8个百分点",
  ],
  [
    "rate",
    rate,
    "far_behind",
    { value: 2.5, completion: 0.5 },
    "累计增长2.5%，低于年度目标（增长5%）2.5个百分点",
  ],
  ["rate", rate, "not_reported", missing, NOT_REPORTED],
  ["rate", rate, "not_started", notStarted, NOT_STARTED],
  [
    "rate (decrease)",
    fall,
    "on_track",
    { value: 3.2, completion: 1.07 },
    "累计下降3.2%，高于年度目标（下降3%）0.2个百分点",
  ],
  [
    "rate (decrease)",
    fall,
    "behind",
    { value: 2.6, completion: 0.87 },
    "累计下降2.6%，低于年度目标（下降3%）0.4个百分点",
  ],
  ["at_most", ceiling, "completed", { value: 3.2, completion: 0.91 }, "目标控制在3.5%以内，目前为3.2%"],
  ["at_most", ceiling, "on_track", { value: 3.5, completion: 1 }, "目标控制在3.5%以内，目前为3.5%"],
  [
    "at_most",
    ceiling,
    "far_behind",
    { value: 3.8, completion: 1.09 },
    "目标控制在3.5%以内，目前为3.8%，超出控制目标0.3个百分点",
  ],
  ["at_most", ceiling, "not_reported", missing, NOT_REPORTED],
  ["at_most", ceiling, "not_started", notStarted, NOT_STARTED],
  ["range", range, "completed", { value: 5.5, completion: 1.1 }, "累计增长5.5%，处于5—6%的目标区间"],
  ["range", range, "on_track", { value: 6.4, completion: 1.28 }, "累计增长6.4%，高于5—6%的目标区间"],
  [
    "range",
    range,
    "behind",
    { value: 4.6, completion: 0.92 },
    "累计增长4.6%，低于5—6%的目标区间下限0.4个百分点",
  ],
  [
    "range",
    range,
    "far_behind",
    { value: 3, completion: 0.6 },
    "累计增长3%，低于5—6%的目标区间下限2个百分点",
  ],
  [
    "range (level, broken above)",
    { ...range, direction: "level" },
    "far_behind",
    { value: 6.5, completion: 1.3 },
    "为6.5%，超出5—6%的目标区间",
  ],
  ["range", range, "not_reported", missing, NOT_REPORTED],
  ["range", range, "not_started", notStarted, NOT_STARTED],
  ["about", about, "completed", { value: 4.8, completion: 0.96 }, "累计增长4.8%，与5%左右的目标基本一致"],
  ["about", about, "on_track", { value: 5.9, completion: 1.18 }, "累计增长5.9%，高于5%左右的目标"],
  ["about", about, "behind", { value: 4.3, completion: 0.86 }, "累计增长4.3%，低于5%左右的目标0.7个百分点"],
  ["about", about, "far_behind", { value: 3, completion: 0.6 }, "累计增长3%，低于5%左右的目标2个百分点"],
  [
    "about (level, off above)",
    { ...about, direction: "level" },
    "far_behind",
    { value: 6, completion: 1.2 },
    "为6%，偏离5%左右的目标1个百分点",
  ],
  ["about", about, "not_reported", missing, NOT_REPORTED],
  ["about", about, "not_started", notStarted, NOT_STARTED],
];

describe("targetPhrase", () => {
  it.each(TABLE)("%s, %s: words it as a report does", (_name, kind, status, values, expected) => {
    const phrase = targetPhrase(target({ ...kind, ...values, status }));
    expect(phrase.zh).toBe(expected);
    expect(phrase.en.length).toBeGreaterThan(0);
  });

  it("covers every status for every kind", () => {
    const statuses: TargetStatus[] = [
      "completed",
      "on_track",
      "behind",
      "far_behind",
      "not_reported",
      "not_started",
    ];
    for (const kind of ["cumulative", "level", "milestone", "rate"]) {
      const seen = new Set(TABLE.filter((r) => r[0] === kind).map((r) => r[2]));
      expect([...seen].sort()).toEqual([...statuses].sort());
    }
  });

  it("says 目标, not 年度目标, for a plan of several years", () => {
    const t = target({ ...cumulative, value: 21000, completion: 0.525, gapPoints: 2.5 });
    expect(targetPhrase(t, "目标").zh).toBe("累计完成2.1万人，完成目标的52.5%，超时序进度2.5个百分点");
  });

  it("says a report without a due date or value plainly", () => {
    expect(targetPhrase(target({ status: "not_reported", value: null, due: null })).zh).toBe(
      "未报送进展情况",
    );
  });
});

describe("labels and sentences", () => {
  it.each([
    ["2020-06", "2020-01-01", "1—6月"],
    ["2020-01", "2020-01-01", "1月"],
    ["2020-12", "2020-01-01", "全年"],
    ["2020-Q1", "2020-01-01", "一季度"],
    ["2020-Q2", "2020-01-01", "上半年"],
    ["2020-Q3", "2020-01-01", "前三季度"],
    ["2020-Q4", "2020-01-01", "全年"],
  ])("period %s of a plan from %s is %s", (key, start, label) => {
    expect(periodLabel(key, start)).toBe(label);
  });

  it("counts only the statuses that have targets", () => {
    const counts = { completed: 1, on_track: 12, behind: 0, far_behind: 2, not_reported: 0, not_started: 0 };
    expect(countsSentence(counts).zh).toBe("已完成1项，正常推进12项，严重滞后2项");
  });

  it("writes the gap for a table cell", () => {
    expect([gapCell(9.87), gapCell(-11.5), gapCell(0.01)]).toEqual(["超9.9", "欠11.5", "持平"]);
  });

  it("merges identical problems, drops 无, and puts the most often named first", () => {
    const texts = [
      { subject: "甲", department: "区商务局", problems: "无。", nextSteps: "继续推进。" },
      { subject: "乙", department: "区商务局", problems: "资金不足。", nextSteps: "继续推进。" },
      { subject: "丙", department: "区科技局", problems: "受疫情影响。", nextSteps: "" },
      { subject: "丁", department: "区教育局", problems: "受疫情影响。", nextSteps: "暂无" },
    ];
    expect(gatherTexts(texts, "problems")).toEqual([
      { text: "受疫情影响。", departments: ["区科技局", "区教育局"], subjects: ["丙", "丁"] },
      { text: "资金不足。", departments: ["区商务局"], subjects: ["乙"] },
    ]);
    expect(gatherTexts(texts, "nextSteps").map((g) => g.subjects)).toEqual([["甲", "乙"]]);
  });
});

describe("buildProgressModel", () => {
  const input = {
    planTitle: "南开区2020年国民经济和社会发展计划",
    region: "南开区",
    planStart: "2020-01-01",
    planEnd: "2020-12-31",
    period: { key: "2020-06", end: "2020-06-30", elapsedShare: 0.5 },
    asOf: "2020-07-06",
    areas: [
      { id: 10, title: "抢抓改革机遇，深入落实重大战略部署" },
      { id: 11, title: "补齐民生短板，增进人民福祉" },
    ],
    targets: [
      target({
        id: 1,
        ...rate,
        headline: true,
        areaId: null,
        value: 4.2,
        status: "behind",
        completion: 0.84,
      }),
      target({ id: 2, ...cumulative, value: 21000, completion: 0.525, gapPoints: 2.5 }),
      target({
        id: 3,
        ...cumulative,
        subject: "新增市场主体",
        department: "区市场监管局",
        value: 3000,
        completion: 0.075,
        gapPoints: -42.5,
        status: "far_behind",
      }),
      target({ id: 4, ...level, areaId: 11, status: "not_reported", value: null, due: "2020-07-05" }),
      target({
        id: 5,
        ...milestone,
        areaId: 99,
        value: 100,
        completion: 1,
        gapPoints: 50,
        status: "completed",
      }),
    ],
    texts: [
      {
        subject: "新增市场主体",
        department: "区市场监管局",
        problems: "受疫情影响。",
        nextSteps: "加强调度。",
      },
    ],
    departments: [{ name: "区市场监管局", completionIndex: 0.075, reportsDue: 6, reportsOnTime: 3 }],
  };
  const model = buildProgressModel(input);

  it("titles and dates the report as an office does", () => {
    expect(model.title).toBe("关于南开区2020年国民经济和社会发展计划1—6月执行情况的报告");
    expect(model.draftTitle).toBe("关于南开区2020年国民经济和社会发展计划1—6月执行情况的报告（草稿）");
    expect(model.issuer).toBe("南开区发展和改革委员会");
    expect(model.date).toBe("2020年7月6日");
  });

  it("sums up the plan with the completion index of numeric targets only", () => {
    // Completion of numeric targets: 0.84 (rate), 0.525, 0.075 — the milestone is counted, not indexed.
    expect(model.overview.rollup.completionIndex).toBeCloseTo((0.84 + 0.525 + 0.075) / 3, 10);
    expect(model.overview.sentence.zh).toBe(
      "截至2020年6月底，计划确定的5项指标中，已完成1项，正常推进1项，滞后1项，严重滞后1项，未报送1项；综合完成指数48%。",
    );
  });

  it("puts headline indicators apart, areas in outline order, strays under 其他指标", () => {
    expect(model.headline.map((l) => l.id)).toEqual([1]);
    expect(model.areas.map((a) => [a.title, a.targets.map((l) => l.id)])).toEqual([
      ["抢抓改革机遇，深入落实重大战略部署", [2, 3]],
      ["补齐民生短板，增进人民福祉", [4]],
      ["其他指标", [5]],
    ]);
    expect(model.areas[0]?.shortTitle).toBe("抢抓改革机遇");
    expect(model.areas[0]?.summary.zh).toBe(
      "本领域共安排2项指标，正常推进1项，严重滞后1项，综合完成指数30%，其中新增市场主体进度滞后。",
    );
  });

  it("lists lagging targets worst first and their departments", () => {
    expect(model.lagging.map((l) => [l.id, l.status])).toEqual([
      [3, "far_behind"],
      [1, "behind"],
      [4, "not_reported"],
    ]);
    expect(model.laggingDepartments[0]).toEqual({
      name: "区市场监管局",
      behind: 0,
      farBehind: 1,
      notReported: 0,
      completionIndex: 0.075,
      onTimeRate: 0.5,
    });
    expect(model.lagging[0]?.sentence.zh).toBe(
      "新增市场主体累计完成0.3万人，完成年度目标的7.5%，欠时序进度42.5个百分点",
    );
  });

  it("leaves the completion cell of a rate empty and shows the schedule gap of scheduled targets", () => {
    expect(model.headline[0]?.completionText).toBe("—");
    expect(model.areas[0]?.targets[0]).toMatchObject({ completionText: "52.5%", gapText: "超2.5" });
  });
});
