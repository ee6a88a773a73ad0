// Rules of "Reading a whole document" (../shared/spec/extraction.md, second round): tense and scope
// across sections, numbers that count the document itself, five-year plans, Traditional script.
// Every sentence here is written for these tests in the style of the genre, not taken from a corpus.

import { describe, expect, it } from "vitest";
import { extractPlan } from "./extract-plan.ts";
import { findQuantities } from "./quantities.ts";
import { clauseMarks, isReviewHeading, tenseBefore } from "./scope.ts";
import type { ExtractedTarget } from "./types.ts";

/** A one-year plan of a made-up district. */
const ANNUAL = "清河区2021年国民经济和社会发展计划\n\n";
/** A five-year plan of the same district. */
const FIVE_YEAR = "清河区国民经济和社会发展第十四个五年规划纲要\n\n";

function targets(text: string): ExtractedTarget[] {
  return extractPlan(text).targets;
}

function displays(text: string): string[] {
  return targets(text).map((t) => t.display);
}

describe("review sections", () => {
  const report = [
    "清河区2021年政府工作报告",
    "一、2020年工作回顾",
    "过去一年，全区经济稳中有进。",
    "坚持项目带动，固定资产投资增长7.1%。新增市场主体3200户。",
    "民生持续改善，建成社区食堂12个。",
    "二、2021年工作安排",
    "地区生产总值增长6%左右，新增市场主体3500户。",
  ].join("\n");

  it("takes nothing from the paragraphs of a review section, however many and without year words", () => {
    expect(displays(report)).toEqual(["6%", "3500户"]);
  });

  it("ends a review section at the next heading of the same level, not at a deeper one", () => {
    const text = [
      "清河区2021年政府工作报告",
      "一、过去一年的工作",
      "(一)稳增长",
      "工业增加值增长5%。",
      "(二)惠民生",
      "新建口袋公园6个。",
      "二、今年的主要任务",
      "(一)稳增长",
      "工业增加值增长6%。",
    ].join("\n");
    expect(displays(text)).toEqual(["6%"]);
  });

  it("reopens a review section where a clause names the plan year: 2021年要…", () => {
    const text = "清河区2021年政府工作报告\n一、工作回顾\n去年实现税收增长4%。2021年要力争税收增长5%。\n";
    expect(displays(text)).toEqual(["5%"]);
  });

  it("does not reopen a review section for 今年 alone, the year of speaking", () => {
    const text = "清河区2021年政府工作报告\n一、工作回顾\n今年上半年工业产值比去年同期增长9%。\n";
    expect(displays(text)).toEqual([]);
  });

  it("runs a review opened in prose (过去一年，…) over the paragraphs after it, until 今年…", () => {
    const text = [
      "清河区2021年政府工作报告",
      "过去一年，全区经济稳中有进，地区生产总值增长4%。",
      "新建污水管网36公里，新增城镇就业1.1万人。",
      "今年的主要预期目标是：地区生产总值增长6%左右。",
      "新建污水管网40公里。",
    ].join("\n");
    expect(displays(text)).toEqual(["6%", "40公里"]);
  });

  it("does not take a heading of 进展情况 for a review: a progress report states its targets there", () => {
    const text = "清河区2021年民生实事进展情况\n一、项目进展情况\n新建公共厕所20座，已建成12座。\n";
    expect(displays(text)).toEqual(["20座"]);
  });

  it("knows review headings by their words and by periods that are over", () => {
    const at = (title: string) => ({ level: 1, title, start: 0 });
    const review = (title: string) => isReviewHeading(title, at(title), 2021);
    expect(review("2020年计划执行情况")).toBe(true);
    expect(review("“十三五”时期发展成就")).toBe(true);
    expect(review("发展基础")).toBe(true);
    expect(review("经济运行取得了新的进展")).toBe(true);
    expect(review("推动产业发展取得新突破")).toBe(false);
    expect(review("2021年主要目标和重点任务")).toBe(false);
  });
});

describe("clause markers of tense", () => {
  it("takes the first statement of a project and not its progress: 新建…，已开工…，已竣工…", () => {
    expect(displays(`${ANNUAL}新建社区养老服务站10个，已开工8个，已竣工3个。`)).toEqual(["10个"]);
  });

  it("gives no target after 截至…月底 for the rest of the sentence", () => {
    expect(displays(`${ANNUAL}截至9月底，全区新增就业1.2万人，完成年度目标的92%。`)).toEqual([]);
  });

  it("reads 累计完成 as a result, but 力争累计完成 as a target", () => {
    expect(displays(`${ANNUAL}累计完成投资86亿元。`)).toEqual([]);
    expect(displays(`${ANNUAL}力争累计完成投资90亿元。`)).toEqual(["90亿元"]);
  });

  it("reads 目前…有 as a stock now, not a target", () => {
    expect(displays(`${ANNUAL}目前全区有养老机构26家。`)).toEqual([]);
  });

  it("takes a past year's plan set against its actual result as past: 计划…，实际…", () => {
    const text = `${ANNUAL}2020年计划建成停车场20个，实际建成23个。`;
    expect(displays(text)).toEqual([]);
  });

  it("lets a target marker of the clause win over the year word before it: 2020年…将达到", () => {
    const text = `${ANNUAL}绿化覆盖率，2019年为38%，2020年为39%，2021年将达到40%。`;
    expect(displays(text)).toEqual(["40%"]);
  });

  it("does not read the 将 of 将8个…整合 (an object marker) as a future", () => {
    const text = "将12个分散的基金整合为2支";
    const marks = clauseMarks(text, { start: 0, end: text.length });
    expect(tenseBefore(marks, text.indexOf("12"))).toBeNull();
  });

  it("does not read 主要, 重要 or 预期寿命 as markers of a target", () => {
    const text = "主要指标中人均预期寿命重要";
    const marks = clauseMarks(text, { start: 0, end: text.length });
    expect(marks.at).toEqual([]);
  });
});

describe("numbers that count the document itself", () => {
  it("gives no target for counts of the plan's own actions, tasks and areas", () => {
    expect(displays(`${ANNUAL}围绕六个领域，实施4项行动19项任务。`)).toEqual([]);
    expect(displays(`${ANNUAL}重点抓好七个方面工作。`)).toEqual([]);
    expect(displays(`${ANNUAL}今年安排8大类36项民生实事。`)).toEqual([]);
    expect(displays(`${ANNUAL}体检指标沿用国家确定的61个基础性指标。`)).toEqual([]);
  });

  it("gives no target for a count that restates the names listed before it", () => {
    expect(displays(`${ANNUAL}支持东湖、西岭、南港3个创新中心提升能级。`)).toEqual([]);
  });

  it("still takes a count of more things than the list names (甲、乙等10个)", () => {
    expect(displays(`${ANNUAL}建成东湖公园、西岭公园等10个公园。`)).toEqual(["10个"]);
  });

  it("gives no target for the attendance of a meeting", () => {
    expect(displays(`${ANNUAL}本次大会应到代表211名，实到198名，缺席13名。`)).toEqual([]);
  });

  it("gives no target for a threshold that picks out a class: 5000吨标准煤以上的企业", () => {
    expect(displays(`${ANNUAL}对年综合能耗5000吨标准煤以上的企业开展节能监察。`)).toEqual([]);
  });

  it("still takes a threshold on a growth: 保持6%以上的增速", () => {
    expect(displays(`${ANNUAL}工业投资保持6%以上的增速。`)).toEqual(["6%"]);
  });

  it("gives no target for a capacity in a project's name: 年产20万吨…项目", () => {
    expect(displays(`${ANNUAL}推动年产20万吨再生铝项目投产。`)).toEqual([]);
    expect(displays(`${ANNUAL}加快50万千瓦光伏发电项目建设。`)).toEqual([]);
  });

  it("takes only the figure to reach of 由…提高到…", () => {
    expect(displays(`${ANNUAL}公交出行比例由今年的46%提高到48%。`)).toEqual(["48%"]);
  });
});

describe("direction", () => {
  it("reads an amount reached at the end of a five-year plan as a level", () => {
    const [t] = targets(`${FIVE_YEAR}到2025年，地区生产总值达到2600亿元。`);
    expect(t).toMatchObject({ value: 260000000000, direction: "level" });
  });

  it("reads 年均增长 in a five-year plan as an increase", () => {
    expect(targets(`${FIVE_YEAR}一般公共预算收入年均增长6%。`)[0]?.direction).toBe("increase");
  });

  it("reads 累计 over a five-year plan as a cumulative increase, and 累计达到 a stock as a level", () => {
    expect(targets(`${FIVE_YEAR}累计新增城镇就业15万人。`)[0]).toMatchObject({
      direction: "increase",
      kind: "cumulative",
    });
    expect(targets(`${FIVE_YEAR}专精特新企业累计达到200家。`)[0]?.direction).toBe("level");
  });

  it("reads an output of the year written bare in an annual plan as an increase: 钢产量, 化肥…万吨", () => {
    const found = targets(`${ANNUAL}主要产品产量：钢产量420万吨，化肥35万吨，载货汽车2.4万辆。`);
    expect(found.map((t) => t.direction)).toEqual(["increase", "increase", "increase"]);
  });

  it("reads jobs found and land treated as increases: 转移就业, 土地治理", () => {
    expect(targets(`${ANNUAL}农村劳动力转移就业8万人。`)[0]?.direction).toBe("increase");
    expect(targets(`${ANNUAL}水土流失治理3万亩。`)[0]?.direction).toBe("increase");
  });

  it("reads a flow held within a bound as an increase: 投资总额控制在…", () => {
    expect(targets(`${ANNUAL}政府投资总额控制在80亿元左右。`)[0]?.direction).toBe("increase");
  });

  it("reads 节约 as a decrease", () => {
    expect(targets(`${ANNUAL}全年节约标准煤6万吨。`)[0]?.direction).toBe("decrease");
  });

  it("reads 人口自然增长率 as a level and a share after 其中 as a level of its own", () => {
    expect(targets(`${ANNUAL}人口自然增长率控制在5‰以内。`)[0]?.direction).toBe("level");
    const found = targets(`${ANNUAL}服务业增加值增长7%，其中数字经济增加值占比20%左右。`);
    expect(found.map((t) => t.direction)).toEqual(["increase", "level"]);
  });

  it("reads 新增…能力 as an increase and 综合生产能力 as a level", () => {
    expect(targets(`${ANNUAL}新增供水能力10万立方米。`)[0]?.direction).toBe("increase");
    expect(targets(`${ANNUAL}粮食综合生产能力稳定在60亿斤。`)[0]?.direction).toBe("level");
  });

  it("reads work on land pushed on (推进…10万亩) as an increase, a count of projects pushed on as a level", () => {
    expect(targets(`${ANNUAL}推进防护林建设4万亩。`)[0]?.direction).toBe("increase");
    expect(targets(`${ANNUAL}推进12个学校项目建设。`)[0]?.direction).toBe("level");
  });
});

describe("subjects and quantities of long documents", () => {
  it("reads 四十多亿元 with its magnitude after 多", () => {
    const [q] = findQuantities("增加四十多亿元");
    expect(q).toMatchObject({ value: 4000000000, unit: "元", suffix: "at_least" });
  });

  it("keeps a qualifier between a count and its noun out of the span: 2万平方米能耗下降不低于10%的…", () => {
    const text = `${ANNUAL}完成2万平方米节能率不低于20%的既有建筑改造。`;
    const t = targets(text).find((x) => x.unit === "平方米");
    expect(t?.subject).toBe("既有建筑改造");
    expect(text.slice(t?.start, t?.end)).toBe("完成2万平方米");
  });

  it("takes the subject named alone in the clause before: 这个比重，…将达到…", () => {
    const [t] = targets(`${ANNUAL}研发投入占比，2021年将达到3%。`);
    expect(t?.subject).toBe("研发投入占比");
  });

  it("does not take a note on the unit for the noun counted: 8条(段)", () => {
    expect(targets(`${ANNUAL}建设美丽河湖8条(段)。`)[0]?.subject).toBe("美丽河湖");
  });
});

describe("metadata of whole documents", () => {
  it("takes the region after the year of the title: 2021年清河区政府工作报告", () => {
    expect(extractPlan("2021年清河区政府工作报告\n正文。").meta).toMatchObject({
      region: "清河区",
      year: 2021,
    });
  });

  it("takes the final year of a five-year plan named in quotes: “十四五”规划", () => {
    const meta = extractPlan("清河区文化事业发展“十四五”规划\n正文。").meta;
    expect(meta).toMatchObject({ year: 2025, periodStart: 2021, periodEnd: 2025 });
  });

  it("takes the title a report gives itself and the years it lists", () => {
    const text = "各位代表：\n我受国务院委托，向大会提出关于1990、1991年国民经济计划安排的报告，请予审议。\n";
    expect(extractPlan(text).meta).toMatchObject({
      title: "关于1990、1991年国民经济计划安排的报告",
      region: "全国",
      year: 1991,
      periodStart: 1990,
    });
  });

  it("takes a 县 whose name ends in 城 from the title: 关于南城县…的报告", () => {
    const meta = extractPlan("关于东城县2020年计划执行情况与2021年计划草案的报告\n正文。").meta;
    expect(meta).toMatchObject({ region: "东城县", year: 2021 });
  });

  it("does not take a horizon beyond the plan (2035年远景, 2030年前) for its year", () => {
    const text =
      "清河区政府工作报告\n今年地区生产总值增长6%。\n2030年前实现碳达峰，2035年远景目标。\n2021年要稳中求进。";
    expect(extractPlan(text).meta.year).toBe(2021);
  });

  it("never starts a region with a function word", () => {
    const meta = extractPlan("清河区2021年国民经济和社会发展计划\n在清河区建设的产粮地区。").meta;
    expect(meta.region).toBe("清河区");
  });
});

describe("Traditional script", () => {
  const text = [
    "清河區2021年國民經濟和社會發展計劃",
    "一、2020年工作回顧",
    "新增就業1.1萬人。",
    "二、2021年主要目標",
    "城鎮新增就業1.2萬人以上，居民消費價格漲幅控制在3%以內，新建公園兩個。",
  ].join("\n");

  it("reads 繁體 units, magnitudes, comparators and review headings", () => {
    const found = targets(text);
    expect(found.map((t) => [t.value, t.unit, t.comparator])).toEqual([
      [12000, "人", "at_least"],
      [3, "%", "at_most"],
      [2, "个", "target"],
    ]);
  });

  it("shows subjects, displays and the title in the document's own script, at the original offsets", () => {
    const draft = extractPlan(text);
    const [jobs] = draft.targets;
    expect(jobs?.subject).toBe("城鎮新增就業");
    expect(jobs?.display).toBe("1.2萬人");
    expect(text.slice(jobs?.start, jobs?.end)).toBe("城鎮新增就業1.2萬人以上");
    expect(draft.meta).toMatchObject({ title: "清河區2021年國民經濟和社會發展計劃", region: "清河區" });
  });
});
