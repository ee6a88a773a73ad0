// Rules of ../shared/spec/extraction.md, one behaviour per test, on sentences written for these tests
// in the style of real plans (not taken from the dev corpus). Tests marked `it.fails` state a rule of
// the spec that the extractor does not meet yet; the comment above each says what it gives instead.

import { describe, expect, it } from "vitest";
import { type ExtractOptions, extractPlan } from "./extract-plan.ts";
import type { ExtractedTarget, PlanDraft } from "./types.ts";

/** A title line: it gives the plan its region (a 区) and year (2021). */
const TITLE = "清河区2021年国民经济和社会发展计划\n\n";

function draftOf(body: string, options: ExtractOptions = {}): { text: string; draft: PlanDraft } {
  const text = TITLE + body;
  return { text, draft: extractPlan(text, options) };
}

function targetsOf(body: string, options: ExtractOptions = {}): ExtractedTarget[] {
  return draftOf(body, options).draft.targets;
}

/** The one target of a sentence; fails when there is none or several. */
function only(body: string): ExtractedTarget {
  const found = targetsOf(body);
  expect(
    found.map((t) => `${t.subject} ${t.display}`),
    `targets of ${body}`,
  ).toHaveLength(1);
  return found[0] as ExtractedTarget;
}

function quote(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

describe("comparators", () => {
  it("reads 以上 after the number as at_least, and not the 以上 of 规模以上", () => {
    const t = only("规模以上工业增加值增长7.5%以上。");
    expect(t).toMatchObject({ subject: "规模以上工业增加值", value: 7.5, unit: "%", comparator: "at_least" });
  });

  it("reads 不低于 as at_least", () => {
    expect(only("空气质量优良天数比例不低于82%。").comparator).toBe("at_least");
  });

  it("reads 不少于 and 至少 as at_least", () => {
    expect(only("社会消费品零售总额不少于300亿元。").comparator).toBe("at_least");
    expect(only("新培育规模以上企业至少20家。").comparator).toBe("at_least");
  });

  it("reads 超过 as at_least", () => {
    const t = only("社会消费品零售总额超过260亿元。");
    expect(t).toMatchObject({ value: 26000000000, unit: "元", comparator: "at_least" });
  });

  it("reads 突破 as at_least", () => {
    const t = only("外贸进出口总额突破40亿美元。");
    expect(t).toMatchObject({ value: 4000000000, unit: "美元", comparator: "at_least" });
  });

  it("reads 力争…以上 as at_least", () => {
    const t = only("力争实际利用外资3亿美元以上。");
    expect(t).toMatchObject({ subject: "实际利用外资", comparator: "at_least" });
  });

  it("reads 以内 as at_most", () => {
    expect(only("城镇登记失业率4.5%以内。").comparator).toBe("at_most");
  });

  it("reads 控制在…以内 as at_most", () => {
    const t = only("居民消费价格涨幅控制在3%以内。");
    expect(t).toMatchObject({ subject: "居民消费价格涨幅", value: 3, comparator: "at_most" });
  });

  it("reads 不超过, 不高于, 以下 and 低于 as at_most", () => {
    expect(only("政府负债率不超过60%。").comparator).toBe("at_most");
    expect(only("万元地区生产总值用水量不高于18立方米。").comparator).toBe("at_most");
    expect(only("城镇登记失业率4%以下。").comparator).toBe("at_most");
    expect(only("细颗粒物年均浓度低于38微克/立方米。").comparator).toBe("at_most");
  });

  it("reads 左右 as about", () => {
    expect(only("地区生产总值增长6.5%左右。").comparator).toBe("about");
  });

  it("reads 约 and 大约 before the number as about", () => {
    const t = only("常住人口约118万人。");
    expect(t).toMatchObject({ value: 1180000, unit: "人", comparator: "about" });
    expect(only("户籍人口大约96万人。").comparator).toBe("about");
  });

  it("reads 上下 as about", () => {
    expect(only("粮食产量稳定在30万吨上下。").comparator).toBe("about");
  });

  it("lets 左右 after the number win over 控制在 before it: 控制在3%左右 is about", () => {
    const t = only("居民消费价格涨幅控制在3.5%左右。");
    expect(t).toMatchObject({ comparator: "about", direction: "level" });
  });

  it("reads a range 6%-6.5% as range with value and value2", () => {
    const t = only("居民人均可支配收入增长6%-6.5%。");
    expect(t).toMatchObject({ value: 6, value2: 6.5, unit: "%", comparator: "range", direction: "increase" });
  });

  it("reads the ranges 6～6.5% and 5%至6% as range", () => {
    expect(only("服务业增加值增长6～6.5%。")).toMatchObject({ value: 6, value2: 6.5, comparator: "range" });
    expect(only("外贸进出口总额增长5%至6%。")).toMatchObject({ value: 5, value2: 6, comparator: "range" });
  });

  it("reads a plain number after 增长, 达到 or 新增 as target", () => {
    expect(only("一般公共预算收入增长4%。").comparator).toBe("target");
    expect(only("科技型企业达到450家。").comparator).toBe("target");
    expect(only("城镇新增就业2.6万人。").comparator).toBe("target");
  });
});

describe("directions", () => {
  it("reads 增长 as increase", () => {
    expect(only("固定资产投资增长8%。")).toMatchObject({ direction: "increase", subject: "固定资产投资" });
  });

  it("reads 下降, 降低 and 减少 as decrease", () => {
    expect(only("单位地区生产总值能耗下降3%。").direction).toBe("decrease");
    expect(only("二氧化硫排放量降低2.5%。").direction).toBe("decrease");
    expect(only("化学需氧量排放减少2%。").direction).toBe("decrease");
  });

  it("reads 压减 after the subject as decrease", () => {
    expect(only("全区一般性支出压减10%。").direction).toBe("decrease");
  });

  // Spec: "decrease for reductions (下降, 降低, 减少, 压减)". With the verb before its object the
  // extractor gives subject "压减一般性支出", direction "level", kind "level".
  it("reads 压减 before its object as decrease: 压减一般性支出10%", () => {
    expect(only("压减一般性支出10%。")).toMatchObject({ subject: "一般性支出", direction: "decrease" });
  });

  it("reads a ratio that reaches a figure (比例达到85%) as level", () => {
    const t = only("二级及以上医院预约诊疗比例达到85%。");
    expect(t).toMatchObject({ value: 85, comparator: "target", direction: "level" });
  });

  it("reads an unemployment rate held around a figure (失业率5.5%左右) as level", () => {
    expect(only("城镇调查失业率5.5%左右。")).toMatchObject({ comparator: "about", direction: "level" });
  });

  it("reads jobs added (新增就业2.6万人) as increase", () => {
    const t = only("城镇新增就业2.6万人。");
    expect(t).toMatchObject({ value: 26000, unit: "人", direction: "increase" });
  });

  it("reads an amount of investment reached (招商引资到位额达到135亿元) as increase", () => {
    const t = only("招商引资到位额达到135亿元。");
    expect(t).toMatchObject({ value: 13500000000, unit: "元", direction: "increase" });
  });

  it("reads a stock of firms reached (科技型企业达到450家) as level", () => {
    expect(only("科技型企业达到450家。")).toMatchObject({ value: 450, unit: "家", direction: "level" });
  });

  it("reads a rise in percentage points (提高0.8个百分点) as increase", () => {
    const t = only("常住人口城镇化率提高0.8个百分点。");
    expect(t).toMatchObject({ value: 0.8, unit: "个百分点", direction: "increase" });
  });

  it("reads a rate raised to a figure (提高到38.2%) as level", () => {
    expect(only("森林覆盖率提高到38.2%。")).toMatchObject({ value: 38.2, direction: "level" });
  });

  it("reads 净增, 新建 and 完成投资 as increase", () => {
    expect(only("国家高新技术企业净增40家。").direction).toBe("increase");
    expect(only("新建3个社区养老服务中心。")).toMatchObject({
      subject: "社区养老服务中心",
      direction: "increase",
    });
    expect(only("完成固定资产投资800亿元。")).toMatchObject({
      subject: "固定资产投资",
      direction: "increase",
    });
  });
});

describe("分别 lists", () => {
  it("gives one target per value of a 分别 list and splits the subjects: 市级、区级重点项目", () => {
    const found = targetsOf("市级、区级重点项目分别达到12个和30个。");
    expect(found.map((t) => [t.subject, t.value, t.unit])).toEqual([
      ["市级重点项目", 12, "个"],
      ["区级重点项目", 30, "个"],
    ]);
    expect(found.every((t) => t.direction === "level" && t.comparator === "target")).toBe(true);
  });

  it("splits 雏鹰、瞪羚企业 into 雏鹰企业 and 瞪羚企业", () => {
    const found = targetsOf("雏鹰、瞪羚企业分别达到95家和22家。");
    expect(found.map((t) => [t.subject, t.value])).toEqual([
      ["雏鹰企业", 95],
      ["瞪羚企业", 22],
    ]);
  });

  // The split adds the shared head by the length of the first name, so it only works when the
  // names before it have the same length. Given: subjects "国家级化器" and "市级孵化器".
  it("splits names of different lengths: 国家级、市级孵化器", () => {
    const found = targetsOf("国家级、市级孵化器分别达到3家和8家。");
    expect(found.map((t) => t.subject)).toEqual(["国家级孵化器", "市级孵化器"]);
  });

  it("splits 城乡居民 into 城镇居民 and 农村居民 and applies a trailing 左右 to every value", () => {
    const found = targetsOf("城乡居民人均可支配收入分别增长5.5%和7%左右。");
    expect(found.map((t) => [t.subject, t.value, t.comparator, t.direction])).toEqual([
      ["城镇居民人均可支配收入", 5.5, "about", "increase"],
      ["农村居民人均可支配收入", 7, "about", "increase"],
    ]);
  });

  it("reads a list joined by 、 the same way", () => {
    const found = targetsOf("城乡居民人均可支配收入分别增长6%、7.5%左右。");
    expect(found.map((t) => [t.subject, t.value, t.comparator])).toEqual([
      ["城镇居民人均可支配收入", 6, "about"],
      ["农村居民人均可支配收入", 7.5, "about"],
    ]);
  });

  it("points each target of a list at its own value", () => {
    const { text, draft } = draftOf("雏鹰、瞪羚企业分别达到95家和22家。");
    expect(draft.targets.map((t) => quote(text, t))).toEqual([
      expect.stringContaining("95家"),
      expect.stringContaining("22家"),
    ]);
    expect(quote(text, draft.targets[0] as ExtractedTarget)).not.toContain("22家");
  });
});

describe("past and future", () => {
  it("gives no targets for a paragraph about the year before the plan", () => {
    const body = "2020年,全区地区生产总值增长3.1%,新增就业1.9万人,一般公共预算收入增长2%。\n";
    expect(targetsOf(body)).toEqual([]);
  });

  it("gives no targets for results of 去年", () => {
    expect(targetsOf("去年,城镇新增就业2.4万人,居民人均可支配收入增长5%。")).toEqual([]);
  });

  it("takes the plan year's figure after last year's in the same paragraph", () => {
    const found = targetsOf("2020年地区生产总值增长3.1%,2021年预期增长6%左右。");
    expect(found.map((t) => [t.value, t.comparator])).toEqual([[6, "about"]]);
  });

  it("takes targets again after a paragraph about the past", () => {
    const found = targetsOf("2020年,全区新增就业1.9万人。\n城镇新增就业2.2万人。");
    expect(found.map((t) => t.value)).toEqual([22000]);
  });

  // With no title, the text's latest year (2019) becomes periodStart, and options.year only widens
  // the period to 2019–2020, so 2019 is not "before the period": both 6.1 and 5 come out.
  it("reads the past from the plan year given as an option (--year 2020)", () => {
    const text = "2019年全区地区生产总值增长6.1%。\n\n今年地区生产总值增长5%左右。";
    const found = extractPlan(text, { year: 2020 }).targets;
    expect(found.map((t) => t.value)).toEqual([5]);
  });

  it("does not take 在2020年的基础上 as a time context", () => {
    const t = only("在2020年的基础上,高新技术企业数量增长15%。");
    expect(t).toMatchObject({ value: 15, direction: "increase" });
  });

  it("takes targets dated by the end of the plan year (到2021年底)", () => {
    expect(only("到2021年底,建成5G基站800个。")).toMatchObject({ value: 800, unit: "个" });
  });

  // 比上年增长 (compared with last year) is how plans state most growth targets, but the time
  // markers read 上年 as "last year" and drop the clause: no target at all.
  it("does not take 比上年/较上年 as a time context", () => {
    const found = targetsOf("地区生产总值比上年增长6%左右,工业投资较上年增长8%。");
    expect(found.map((t) => [t.subject, t.value])).toEqual([
      ["地区生产总值", 6],
      ["工业投资", 8],
    ]);
  });
});

describe("page furniture", () => {
  const page = [
    "今天是:2021年03月02日 星期二 晴 气温12度",
    "首页 | 网站地图 | 关于我们 | 联系我们",
    "1. 网站地图 | 关于我们",
    "清河区2021年国民经济和社会发展计划",
    "",
    "一、主要目标",
    "",
    "地区生产总值增长6%左右。",
    "",
    "网站标识码:3201110001 总访问量:1200万人次",
    "苏ICP备12345678号-2",
    "苏公网安备 32011102000123号",
    "主办单位:清河区人民政府办公室 承办单位:清河区大数据中心 访问量1200万人次",
  ].join("\n");
  const draft = extractPlan(page);
  const furnitureStart = page.indexOf("网站标识码");
  const headerEnd = page.indexOf("清河区2021年");

  it("gives no outline from furniture lines", () => {
    expect(draft.outline.map((h) => h.title)).toEqual(["主要目标"]);
  });

  it("gives no targets from furniture lines", () => {
    expect(draft.targets.map((t) => t.value)).toEqual([6]);
    for (const t of draft.targets) {
      expect(t.start).toBeGreaterThanOrEqual(headerEnd);
      expect(t.end).toBeLessThanOrEqual(furnitureStart);
    }
  });

  it("gives no tasks from furniture lines", () => {
    for (const t of draft.tasks) expect(t.end).toBeLessThanOrEqual(furnitureStart);
  });

  it("still takes the same words as a target in the body of the plan (control)", () => {
    const found = targetsOf("一、主要目标\n\n全年接待游客总访问量1200万人次。");
    expect(found.map((t) => t.value)).toEqual([12000000]);
  });

  it("does not take the date of 今天是 as the publication date", () => {
    expect(draft.meta.published).toBeNull();
  });
});

describe("Chinese numerals", () => {
  it("gives no targets for slogans: 推动两个转变, 三大攻坚战, 四项重点工作", () => {
    expect(targetsOf("坚持一个定位,推动两个转变,聚焦四项重点工作,坚决打好三大攻坚战。")).toEqual([]);
  });

  it("takes a Chinese numeral after a verb of building: 新建两所学校", () => {
    const t = only("新建两所学校。");
    expect(t).toMatchObject({ value: 2, unit: "所", display: "两所", direction: "increase" });
    expect(t.subject).toContain("学校");
  });

  it("takes larger Chinese numerals: 新增一万二千个就业岗位", () => {
    expect(only("新增一万二千个就业岗位。")).toMatchObject({ value: 12000, unit: "个" });
  });
});

describe("names, dates and ordinals with numbers", () => {
  it("gives no target for 地铁7号线, “1+3+N” and 2.0版", () => {
    expect(targetsOf("加快地铁7号线建设,实施“1+3+N”工程,打造营商环境3.0版。")).toEqual([]);
  });

  it("gives no target for 第12届 and the 500 of 500强企业", () => {
    const found = targetsOf("举办第12届文化节,引进世界500强企业2家。");
    expect(found.map((t) => t.value)).toEqual([2]);
  });

  it("gives no target for the 2.5 of PM2.5", () => {
    const found = targetsOf("PM2.5平均浓度下降4%。");
    expect(found.map((t) => t.value)).toEqual([4]);
  });

  // Spec: names that contain numbers (民营经济19条) are not targets. Given: subject "深入落实民营经济",
  // value 28, unit 条, a level target.
  it("gives no target for a policy named by its number of articles: 民营经济28条", () => {
    expect(targetsOf("深入落实民营经济28条。")).toEqual([]);
  });
});

describe("scraped text", () => {
  it("reads a target with stray spaces inside, pointing at the original text", () => {
    const { text, draft } = draftOf("地区生产总值 增长 5 %,固定资产投资增长 6 ％。");
    expect(draft.targets.map((t) => [t.subject, t.value, t.unit])).toEqual([
      ["地区生产总值", 5, "%"],
      ["固定资产投资", 6, "%"],
    ]);
    expect(quote(text, draft.targets[0] as ExtractedTarget)).toContain("5 %");
    expect(quote(text, draft.targets[1] as ExtractedTarget)).toContain("6 ％");
  });

  it("reads a target inside HTML tags, pointing at the number as written", () => {
    const { text, draft } = draftOf("<p>新增绿地2.35万平方米</p><p>新增停车泊位&nbsp;1,500个</p>");
    expect(draft.targets.map((t) => [t.subject, t.value, t.unit])).toEqual([
      ["绿地", 23500, "平方米"],
      ["停车泊位", 1500, "个"],
    ]);
    expect(quote(text, draft.targets[0] as ExtractedTarget)).toContain("2.35万平方米");
    expect(quote(text, draft.targets[1] as ExtractedTarget)).toContain("1,500个");
  });

  it("reads full-width digits and punctuation", () => {
    const { text, draft } = draftOf("地区生产总值增长６．５％左右，一般公共预算收入增长４％。");
    expect(draft.targets.map((t) => [t.value, t.comparator])).toEqual([
      [6.5, "about"],
      [4, "target"],
    ]);
    expect(quote(text, draft.targets[0] as ExtractedTarget)).toContain("６．５％");
  });

  it("keeps offsets right with CRLF line endings", () => {
    const text = [
      "清河区2021年国民经济和社会发展计划",
      "",
      "一、主要目标",
      "",
      "地区生产总值增长6%,新建口袋公园3个。",
      "二、重点任务",
      "",
      "新增学前学位2000个。",
      "",
    ].join("\r\n");
    const draft = extractPlan(text);
    expect(draft.outline.map((h) => quote(text, h))).toEqual(["一、主要目标", "二、重点任务"]);
    expect(draft.targets.map((t) => quote(text, t))).toEqual([
      "地区生产总值增长6%",
      expect.stringContaining("3个"),
      expect.stringContaining("2000个"),
    ]);
    for (const t of draft.tasks) expect(quote(text, t)).not.toMatch(/^\s|\r/);
  });

  it("points every target of an HTML page at characters containing its display", () => {
    const text =
      '<div class="TRS_Editor"><p style="text-indent:2em">城镇新增就业2.2万人，城镇调查失业率控制在5.5%以内。</p>' +
      "<p>新增绿地&nbsp;3.1万平方米，新建改造城市道路4.6公里。</p></div>";
    const draft = extractPlan(text);
    expect(draft.targets).toHaveLength(4);
    for (const t of draft.targets) expect(quote(text, t)).toContain(t.display);
  });
});

describe("outline", () => {
  const body = [
    "一、主要预期目标",
    "",
    "地区生产总值增长6.5%左右。",
    "",
    "二、重点任务",
    "",
    "(一)壮大实体经济",
    "",
    "1.提升制造业能级",
    "",
    "做强先进制造业集群。围绕智能装备和生物医药,新增规模以上工业企业20家。推进工业互联网平台建设。",
    "",
    "2.稳定和扩大就业",
    "",
    "全年城镇新增就业2.6万人。",
    "",
    "(二)提升城区品质",
    "",
    "完善基础设施网络。新增绿地2.35万平方米,新建改造城市道路4.6公里。",
  ].join("\n");
  const { text, draft } = draftOf(body);

  it("nests 一、 > (一) > 1. > a lead phrase by level", () => {
    expect(draft.outline.map((h) => [h.level, h.marker, h.title])).toEqual([
      [1, "一、", "主要预期目标"],
      [1, "二、", "重点任务"],
      [2, "(一)", "壮大实体经济"],
      [3, "1.", "提升制造业能级"],
      [4, "", "做强先进制造业集群"],
      [3, "2.", "稳定和扩大就业"],
      [2, "(二)", "提升城区品质"],
      [3, "", "完善基础设施网络"],
    ]);
  });

  it("links each heading to the heading above it", () => {
    const byTitle = new Map(draft.outline.map((h) => [h.title, h]));
    const parentTitle = (title: string) =>
      draft.outline.find((h) => h.id === byTitle.get(title)?.parentId)?.title ?? null;
    expect(parentTitle("重点任务")).toBeNull();
    expect(parentTitle("壮大实体经济")).toBe("重点任务");
    expect(parentTitle("提升制造业能级")).toBe("壮大实体经济");
    expect(parentTitle("做强先进制造业集群")).toBe("提升制造业能级");
    expect(parentTitle("完善基础设施网络")).toBe("提升城区品质");
  });

  it("gives each heading its kind: section, area, group", () => {
    expect(draft.outline.map((h) => h.kind)).toEqual([
      "section",
      "section",
      "area",
      "group",
      "group",
      "group",
      "area",
      "group",
    ]);
  });

  it("spans each heading over its marker and title in the original text", () => {
    for (const h of draft.outline) expect(quote(text, h)).toContain(h.title);
    expect(quote(text, draft.outline[2] as (typeof draft.outline)[number])).toBe("(一)壮大实体经济");
  });

  it("makes the sentences under a lead phrase its tasks", () => {
    const lead = draft.outline.find((h) => h.title === "做强先进制造业集群");
    const tasks = draft.tasks.filter((t) => t.parentId === lead?.id).map((t) => t.text);
    expect(tasks).toEqual(["围绕智能装备和生物医药,新增规模以上工业企业20家。", "推进工业互联网平台建设。"]);
  });

  it("ties each target to the task it is stated in", () => {
    const target = draft.targets.find((t) => t.value === 20);
    const task = draft.tasks.find((t) => t.id === target?.taskId);
    expect(task?.text).toContain("新增规模以上工业企业20家");
  });

  it("does not take a body sentence with commas as a lead phrase", () => {
    const titles = draft.outline.map((h) => h.title);
    expect(titles.some((t) => t.includes("围绕"))).toBe(false);
  });
});

describe("milestones", () => {
  it("takes 建成 followed by two facilities as one milestone", () => {
    const { text, draft } = draftOf("一、重点任务\n\n建成区档案馆和区图书馆新馆。");
    expect(draft.targets).toEqual([]);
    expect(draft.milestones).toHaveLength(1);
    const m = draft.milestones[0];
    expect(m).toMatchObject({ kind: "milestone", subject: "建成区档案馆和区图书馆新馆" });
    expect(quote(text, m as NonNullable<typeof m>)).toBe("建成区档案馆和区图书馆新馆");
  });

  it("takes 完成…中心建设 as a milestone", () => {
    const { draft } = draftOf("一、重点任务\n\n完成区疾病预防控制中心建设。");
    expect(draft.milestones.map((m) => m.subject)).toEqual(["完成区疾病预防控制中心建设"]);
  });

  it("takes a thing followed by its verb: 推动区体育中心建成投用", () => {
    const { draft } = draftOf("一、重点任务\n\n推动区体育中心建成投用。");
    expect(draft.milestones).toHaveLength(1);
  });

  it("gives no milestone for a clause with a number, which is a target instead", () => {
    const { draft } = draftOf("一、重点任务\n\n建成社区养老服务中心3个。");
    expect(draft.milestones).toEqual([]);
    expect(draft.targets.map((t) => t.value)).toEqual([3]);
  });

  it("gives no milestone for a milestone-like sentence about the past year", () => {
    const { draft } = draftOf("一、重点任务\n\n2020年,建成区档案馆新馆。");
    expect(draft.milestones).toEqual([]);
  });

  // A 保健院 is a facility like a 医院 or a 中心, but the list of facility words ends in 医院, so
  // 完成妇幼保健院建设 gives no milestone.
  it("takes 完成妇幼保健院建设 as a milestone", () => {
    const { draft } = draftOf("一、重点任务\n\n完成妇幼保健院建设。");
    expect(draft.milestones).toHaveLength(1);
  });
});

describe("items", () => {
  const { text, draft } = draftOf(
    [
      "一、重点任务",
      "",
      "推进北湖东A地块、南岸路C地块、老粮库地块、机床厂西侧地块土地出让。",
      "加快纺织厂、环湖道等8个城建重点项目建设。",
    ].join("\n"),
  );

  it("lists the land parcels of a task, without the action after the last one", () => {
    const parcels = draft.items.filter((i) => i.category === "land_parcel");
    expect(parcels.map((i) => i.name)).toEqual([
      "北湖东A地块",
      "南岸路C地块",
      "老粮库地块",
      "机床厂西侧地块",
    ]);
    for (const i of parcels) expect(quote(text, i)).toBe(i.name);
  });

  it("lists the named projects before 等N个 as projects", () => {
    const projects = draft.items.filter((i) => i.category === "project");
    expect(projects.map((i) => i.name)).toEqual(["纺织厂", "环湖道"]);
  });

  it("ties items to their task", () => {
    const parcelTask = draft.tasks.find((t) => t.id === draft.items[0]?.taskId);
    expect(parcelTask?.text).toContain("土地出让");
    const projectTask = draft.tasks.find((t) => t.id === draft.items[4]?.taskId);
    expect(projectTask?.text).toContain("城建重点项目");
  });

  it("still takes the count of the projects as a target", () => {
    expect(draft.targets.map((t) => [t.value, t.unit])).toEqual([[8, "个"]]);
  });

  it("does not take a list of ordinary nouns as items", () => {
    const other = draftOf("一、重点任务\n\n加强教育、医疗、养老等公共服务。").draft;
    expect(other.items).toEqual([]);
  });
});

describe("department suggestions", () => {
  const body = [
    "一、重点任务",
    "",
    "全年城镇新增就业2.2万人。",
    "新增学前学位1,080个。",
    "新增绿地2.35万平方米。",
  ].join("\n");

  it("suggests 区人社局 for 就业, 区教育局 for 学前学位 and 区城市管理委 for 绿地 in a 区 plan", () => {
    const found = targetsOf(body);
    expect(found.map((t) => [t.subject, t.department?.department])).toEqual([
      ["城镇新增就业", "区人社局"],
      ["学前学位", "区教育局"],
      ["绿地", "区城市管理委"],
    ]);
  });

  it("marks every suggestion as suggested and names the keyword", () => {
    const t = targetsOf(body)[0];
    expect(t?.department).toEqual({ department: "区人社局", keyword: "就业", suggested: true });
  });

  it("suggests for tasks too", () => {
    const { draft } = draftOf(body);
    expect(draft.tasks.map((t) => t.department?.department)).toEqual([
      "区人社局",
      "区教育局",
      "区城市管理委",
    ]);
  });

  it("uses the 市 prefix in a 市 plan", () => {
    const text = `江南市2022年国民经济和社会发展计划\n\n${body}`;
    const found = extractPlan(text).targets;
    expect(found.map((t) => t.department?.department)).toEqual(["市人社局", "市教育局", "市城市管理委"]);
  });

  it("consults the plan's own keyword table before the default one", () => {
    const found = targetsOf(body, { departmentKeywords: [{ keyword: "绿地", department: "园林绿化局" }] });
    expect(found.map((t) => t.department?.department)).toEqual(["区人社局", "区教育局", "区园林绿化局"]);
  });
});

describe("metadata", () => {
  it("reads title, region, year, issuer and publication date from a scraped page header", () => {
    const text = [
      "今天是:2021年03月02日 星期二",
      "首页 | 网站地图 | 关于我们",
      "滨湖区2021年国民经济和社会发展计划",
      "来源:江南市滨湖区发展和改革委员会 时间:2021-02-26 10:30:00",
      "",
      "一、主要目标",
      "",
      "地区生产总值增长6%左右。",
    ].join("\n");
    expect(extractPlan(text).meta).toMatchObject({
      title: "滨湖区2021年国民经济和社会发展计划",
      region: "滨湖区",
      year: 2021,
      issuer: "江南市滨湖区发展和改革委员会",
      published: "2021-02-26",
    });
  });

  it("reads the issuer and date from a signature under the title", () => {
    const text = [
      "关于江南市2022年国民经济和社会发展计划的报告",
      "江南市人民政府",
      "2022年1月18日",
      "",
      "一、主要目标",
      "",
      "地区生产总值增长6%左右。",
    ].join("\n");
    expect(extractPlan(text).meta).toMatchObject({
      region: "江南市",
      year: 2022,
      issuer: "江南市人民政府",
      published: "2022-01-18",
    });
  });

  it("reads 发布时间 and 发布机构 lines", () => {
    const text = [
      "清河县2023年国民经济和社会发展计划",
      "发布时间:2023-01-20",
      "发布机构:清河县发展和改革局",
      "",
      "城镇新增就业5000人。",
    ].join("\n");
    expect(extractPlan(text).meta).toMatchObject({
      region: "清河县",
      year: 2023,
      issuer: "清河县发展和改革局",
      published: "2023-01-20",
    });
  });

  it("lets options override region and year", () => {
    const meta = extractPlan(`${TITLE}地区生产总值增长6%。`, { region: "河东区", year: 2022 }).meta;
    expect(meta.region).toBe("河东区");
    expect(meta.year).toBe(2022);
  });

  it("gives nulls, not guesses, for a text without metadata", () => {
    expect(extractPlan("新增绿地2万平方米。").meta).toMatchObject({
      title: null,
      issuer: null,
      published: null,
    });
  });
});

describe("documents without headings", () => {
  it("makes a task of each sentence that states a target", () => {
    const draft = extractPlan("城镇新增就业2万人,城镇调查失业率5.5%左右。新增绿地3万平方米。");
    expect(draft.outline).toEqual([]);
    expect(draft.tasks).toHaveLength(2);
    for (const t of draft.targets) expect(draft.tasks.some((k) => k.id === t.taskId)).toBe(true);
  });

  it("returns an empty draft for empty text", () => {
    const draft = extractPlan("");
    expect(draft.targets).toEqual([]);
    expect(draft.outline).toEqual([]);
    expect(draft.tasks).toEqual([]);
  });
});

describe("comparisons with a base year", () => {
  it("drops the base year from the subject: 进出口总额比2020年增长30%", () => {
    const t = only("进出口总额比2020年增长30%。");
    expect(t).toMatchObject({
      subject: "进出口总额",
      value: 30,
      unit: "%",
      direction: "increase",
      kind: "rate",
    });
  });

  it("does not take a base year as a time context: targets after 恢复到2019年的90% are kept", () => {
    const found = targetsOf("接待游客量恢复到2019年的90%,新引进高层次人才200名。");
    expect(found.map((t) => [t.subject, t.value])).toEqual([
      ["接待游客量", 90],
      ["新引进高层次人才", 200],
    ]);
  });
});

describe("parts and flows", () => {
  it("gives a part named with 其中 the direction of the whole: 新增市场主体1万户,其中企业3000户", () => {
    const found = targetsOf("新增市场主体1万户以上,其中企业3000户。");
    expect(found.map((t) => [t.subject, t.direction])).toEqual([
      ["市场主体", "increase"],
      ["企业", "increase"],
    ]);
  });

  it("keeps 使用 in a subject rather than reading it as the causative 使: 实际使用外资增长5%", () => {
    expect(only("实际使用外资增长5%。").subject).toBe("实际使用外资");
  });

  it("reads 开行 as adding: 开行中欧班列300列", () => {
    expect(only("开行中欧班列300列。")).toMatchObject({ value: 300, unit: "列", direction: "increase" });
  });
});

describe("numbered lists of measures (民生实事)", () => {
  const LIST = [
    "1.新建改扩建幼儿园3所,新增学位900个。",
    "2.为全县65岁以上老年人免费体检2.5万人次。",
    "3.完成县人民医院新院区建设。",
    "4.新建社区健身点二十个。",
  ].join("\n");

  it("reads lines that state quantities as measures, not headings", () => {
    const { draft } = draftOf(LIST);
    expect(draft.outline).toHaveLength(0);
    expect(draft.targets.every((t) => t.taskId !== null)).toBe(true);
  });

  it("leaves the list number out of subjects and milestones", () => {
    const { draft } = draftOf(LIST);
    expect(draft.targets.map((t) => t.subject)).toEqual([
      "改扩建幼儿园",
      "学位",
      "65岁以上老年人免费体检",
      "社区健身点",
    ]);
    expect(draft.milestones.map((m) => m.subject)).toEqual(["完成县人民医院新院区建设"]);
  });

  it("counts visits (人次) as added over the period, and a Chinese numeral after a verb that opens the clause", () => {
    const { draft } = draftOf(LIST);
    expect(draft.targets[2]).toMatchObject({ value: 25000, unit: "人次", direction: "increase" });
    expect(draft.targets[3]).toMatchObject({ value: 20, unit: "个", direction: "increase" });
  });

  it("keeps numbered headings that name areas of work as headings", () => {
    const { draft } = draftOf("1.扩大有效投资\n实施重点项目120个。\n2.改善民生\n新增学位8000个。");
    expect(draft.outline.map((h) => h.title)).toEqual(["扩大有效投资", "改善民生"]);
  });
});
