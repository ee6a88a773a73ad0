// Indicator tables as text gives them (rows of tab- or space-separated cells, or one cell per line),
// on tables written for these tests in the style of 规划纲要 indicator tables.

import { describe, expect, it } from "vitest";
import { extractPlan } from "./extract-plan.ts";
import { columnOf, parseUnit, parseValue } from "./table-cells.ts";
import type { TableTarget } from "./table-rows.ts";
import { readTables } from "./tables.ts";

const FIVE_YEAR = { periodStart: 2021, periodEnd: 2025 };

function quote(text: string, t: { start: number; end: number }): string {
  return text.slice(t.start, t.end);
}

describe("an indicator table of tab-separated rows", () => {
  // Ten rows: an attribute column, a 年均增长 column, a range (2.5-3.0) and values in 亿元 and 万人.
  const table = [
    "附表  临江市“十四五”时期经济社会发展主要指标",
    "类别\t指标\t单位\t2020年\t2025年\t年均增长（%）\t属性",
    "经济发展\t地区生产总值\t亿元\t2860\t3900\t6.5左右\t预期性",
    "\t一般公共预算收入\t亿元\t215.4\t290\t6\t预期性",
    "\t常住人口城镇化率\t%\t68.2\t72\t—\t预期性",
    "创新驱动\t研究与试验发展经费投入强度\t%\t2.1\t2.5-3.0\t—\t预期性",
    "\t每万人口高价值发明专利拥有量\t件\t6.3\t12\t—\t预期性",
    "民生福祉\t城镇新增就业人数\t万人\t5.1\t〔27〕\t—\t预期性",
    "\t人均预期寿命\t岁\t78.5\t79.5\t—\t预期性",
    "绿色生态\t单位地区生产总值能源消耗降低\t%\t—\t13.5\t—\t约束性",
    "\t森林覆盖率\t%\t41.2\t≥43\t—\t约束性",
    "\t地级及以上城市空气质量优良天数比率\t%\t86.5\t87以上\t—\t约束性",
  ].join("\n");
  const read = readTables(table, FIVE_YEAR);
  const bySubject = new Map(read.targets.map((t) => [t.subject, t]));
  const row = (subject: string) => bySubject.get(subject) as TableTarget;

  it("gives one target per row, each spanning its row's cells in the text as given", () => {
    expect(read.targets).toHaveLength(10);
    expect(quote(table, row("地区生产总值"))).toBe("地区生产总值\t亿元\t2860\t3900\t6.5左右\t预期性");
  });

  it("reads values in base units, with the baseline and its year from the 2020年 column", () => {
    expect(row("地区生产总值")).toMatchObject({
      value: 390000000000,
      unit: "元",
      display: "3900亿元",
      baseline: { value: 286000000000, year: 2020 },
      targetYear: 2025,
      comparator: "target",
    });
    expect(row("城镇新增就业人数")).toMatchObject({ value: 270000, unit: "人", kind: "cumulative" });
    expect(row("城镇新增就业人数").baseline).toEqual({ value: 51000, year: 2020 });
  });

  it("gives every row a target year, and a baseline where the base column holds a number", () => {
    for (const t of read.targets) expect(t.targetYear, t.subject).toBe(2025);
    const withBaseline = read.targets.filter((t) => t.baseline !== null).map((t) => t.subject);
    expect(withBaseline).toHaveLength(9);
    expect(row("单位地区生产总值能源消耗降低").baseline).toBeNull();
  });

  it("takes 约束性 and 预期性 from the attribute column", () => {
    expect(read.targets.map((t) => t.attribute)).toEqual([
      ...Array(7).fill("expected"),
      ...Array(3).fill("binding"),
    ]);
  });

  it("reads the 年均增长 column as an annual-average growth, and “—” there as none", () => {
    expect(row("地区生产总值").annualGrowth).toBe(6.5);
    expect(row("地区生产总值").growth).toEqual({
      value: 6.5,
      unit: "%",
      comparator: "about",
      kind: "annual_average",
    });
    expect(row("一般公共预算收入").growth?.comparator).toBe("target");
    expect(row("常住人口城镇化率").annualGrowth).toBeNull();
  });

  it("reads a range, ≥ and 以上 as comparators", () => {
    expect(row("研究与试验发展经费投入强度")).toMatchObject({ value: 2.5, value2: 3, comparator: "range" });
    expect(row("森林覆盖率")).toMatchObject({ value: 43, comparator: "at_least" });
    expect(row("地级及以上城市空气质量优良天数比率")).toMatchObject({ value: 87, comparator: "at_least" });
  });

  it("decides direction from the row's name: a reduction decreases, a state is a level", () => {
    expect(row("单位地区生产总值能源消耗降低")).toMatchObject({ direction: "decrease", kind: "rate" });
    expect(row("森林覆盖率")).toMatchObject({ direction: "level", kind: "level" });
    expect(row("城镇新增就业人数").direction).toBe("increase");
  });

  it("marks the table's lines as a table and each row with a target as read", () => {
    expect(read.tables).toHaveLength(1);
    expect(quote(table, read.tables[0] as TableTarget).startsWith("类别\t指标")).toBe(true);
    expect(read.rows).toHaveLength(10);
  });
});

describe("a flattened PDF table: cells separated by runs of spaces", () => {
  const pdf = [
    "指标名称        单位      基期值    2025年目标    属性",
    "公共图书馆藏书量    万册    120      150         预期性",
    "— 12 —",
    "指标名称        单位      基期值    2025年目标    属性",
    "社区养老服务设施覆盖率    %    90      100         约束性",
    "新建改建城市道路    公里    —      ＞35         预期性",
    "",
    "三、保障措施",
  ].join("\n");

  it("skips page numbers and a repeated header between pages, and reads ＞ as at_least", () => {
    const read = readTables(pdf, FIVE_YEAR);
    expect(read.targets.map((t) => [t.subject, t.value, t.unit, t.comparator])).toEqual([
      ["公共图书馆藏书量", 1500000, "册", "target"],
      ["社区养老服务设施覆盖率", 100, "%", "target"],
      ["新建改建城市道路", 35, "公里", "at_least"],
    ]);
  });

  it("takes an unnamed base column's year from the period (the year before it starts)", () => {
    const first = readTables(pdf, FIVE_YEAR).targets[0] as TableTarget;
    expect(first.baseline).toEqual({ value: 1200000, year: 2020 });
    expect(first.targetYear).toBe(2025);
  });

  it("reads a row whose name the PDF cut at a double space as one name", () => {
    const cut = "指标  单位  2025年\n城镇调查  失业率  %  5.5以内\n";
    expect(readTables(cut, FIVE_YEAR).targets[0]).toMatchObject({
      subject: "城镇调查失业率",
      value: 5.5,
      comparator: "at_most",
    });
  });
});

describe("a table flattened one cell per line", () => {
  // A merged 类型 cell spans rows 1-2 and 3-4: rows 2 and 4 have one cell fewer.
  const lines = [
    "表1 规划指标",
    "序号",
    "类型",
    "指标名称",
    "单位",
    "2025年目标值",
    "属性",
    "1",
    "城市更新",
    "旧住房成套改造面积",
    "万平方米",
    "25",
    "约束性",
    "2",
    "完成“美丽家园”建设小区",
    "个",
    ">40",
    "预期性",
    "3",
    "公共服务",
    "新增托育机构",
    "家",
    "—",
    "预期性",
    "4",
    "新增社区食堂",
    "个",
    "12",
    "预期性",
    "本规划自印发之日起施行，由区住房保障局负责解释。",
  ];

  it("reads rows in groups of the header's width, dropping a merged category cell", () => {
    const text = lines.join("\n");
    const read = readTables(text, FIVE_YEAR);
    expect(read.targets.map((t) => [t.subject, t.value, t.unit, t.comparator, t.attribute])).toEqual([
      ["旧住房成套改造面积", 250000, "平方米", "target", "binding"],
      ["完成“美丽家园”建设小区", 40, "个", "at_least", "expected"],
      ["新增社区食堂", 12, "个", "target", "expected"],
    ]);
    expect(quote(text, read.targets[0] as TableTarget)).toBe("旧住房成套改造面积\n万平方米\n25\n约束性");
  });

  it("reads cells separated by blank lines, a cell wrapped over two lines staying one cell", () => {
    const text = [
      "序号",
      "指标名称",
      "单位",
      "“十四五”目标",
      "1",
      "区级财政收入增速",
      "%",
      "与经济增长\n基本同步",
      "2",
      "每千人口执业（助理）医师数",
      "人",
      "3.6左右",
    ].join("\n\n");
    const read = readTables(text, { periodStart: 2021, periodEnd: 2025 });
    expect(read.targets).toHaveLength(1);
    expect(read.targets[0]).toMatchObject({ value: 3.6, unit: "人", comparator: "about", targetYear: 2025 });
  });

  it("takes the attribute from a group row such as 约束性指标 when the table has no attribute column", () => {
    const text = [
      "指标",
      "单位",
      "2020年",
      "2025年",
      "预期性指标",
      "快递业务量",
      "亿件",
      "3.2",
      "5",
      "约束性指标",
      "建设用地总规模",
      "公顷",
      "8200",
      "≤8500",
    ].join("\n");
    const read = readTables(text, FIVE_YEAR);
    expect(read.targets.map((t) => [t.subject, t.attribute, t.comparator])).toEqual([
      ["快递业务量", "expected", "target"],
      ["建设用地总规模", "binding", "at_most"],
    ]);
    expect(read.targets[1]?.baseline).toEqual({ value: 8200, year: 2020 });
  });
});

describe("what a table says about its own rows", () => {
  it("reads a merged category cell that a .docx row gives as an empty cell", () => {
    const text =
      "序号\t类别\t指标\t单位\t2025年\n1\t创新\t研发投入强度\t%\t3\n2\t\t技术合同成交额\t亿元\t50\n";
    expect(readTables(text, FIVE_YEAR).targets.map((t) => [t.subject, t.value])).toEqual([
      ["研发投入强度", 3],
      ["技术合同成交额", 5000000000],
    ]);
  });

  it("reads a header of two rows: a spanning cell (规划目标) named column by column in the row under it", () => {
    const text = [
      "指标\t单位\t规划目标\t\t属性",
      "指标\t单位\t2020年\t2025年\t属性",
      "公园数量\t个\t40\t50\t预期性",
      "森林覆盖率\t%\t38\t40\t约束性",
    ].join("\n");
    const read = readTables(text, FIVE_YEAR);
    expect(read.targets.map((t) => [t.subject, t.value, t.baseline, t.targetYear, t.attribute])).toEqual([
      ["公园数量", 50, { value: 40, year: 2020 }, 2025, "expected"],
      ["森林覆盖率", 40, { value: 38, year: 2020 }, 2025, "binding"],
    ]);
    // The lower header row is a header, not a row without a target.
    expect(read.rows).toHaveLength(2);
  });

  it("reads nothing from a year column between the base and the target", () => {
    const text = "指标\t单位\t2020年\t2023年\t2025年\n公园数量\t个\t40\t45\t50\n";
    expect(readTables(text, FIVE_YEAR).targets[0]).toMatchObject({
      value: 50,
      baseline: { value: 40, year: 2020 },
      targetYear: 2025,
    });
  });

  it("takes the unit from the name cell, 地区生产总值（亿元）, when there is no unit column", () => {
    const text = "指标\t2020年\t2025年\n地区生产总值（亿元）\t1200\t1600\n失业率（%）\t4.2\t<5\n";
    const read = readTables(text, FIVE_YEAR);
    expect(read.targets.map((t) => [t.subject, t.value, t.unit])).toEqual([
      ["地区生产总值", 160000000000, "元"],
      ["失业率", 5, "%"],
    ]);
  });

  it("makes a row that gives only its growth (年均增长 column) a growth-rate target", () => {
    const text = "指标\t单位\t2025年\t年均增长\n规模以上工业增加值\t亿元\t—\t7左右\n";
    expect(readTables(text, FIVE_YEAR).targets[0]).toMatchObject({
      value: 7,
      unit: "%",
      comparator: "about",
      direction: "increase",
      kind: "rate",
    });
  });

  it("takes an attribute written in the name, 森林覆盖率（约束性）, and keeps it out of the subject", () => {
    const text = "指标\t单位\t目标值\n森林覆盖率（约束性）\t%\t30\n";
    expect(readTables(text, FIVE_YEAR).targets[0]).toMatchObject({
      subject: "森林覆盖率",
      attribute: "binding",
    });
  });

  it("takes the attribute from a title over the table such as 约束性指标", () => {
    const text = "二、约束性指标\n指标\t单位\t2025年\n耕地保有量\t万亩\t≥42.5\n";
    expect(readTables(text, FIVE_YEAR).targets[0]?.attribute).toBe("binding");
  });

  it("leaves the attribute null when nothing states it", () => {
    const text = "指标\t单位\t2025年\n耕地保有量\t万亩\t42.5\n";
    expect(readTables(text, FIVE_YEAR).targets[0]?.attribute).toBeNull();
  });

  it("gives no target for a table of a year before the plan's period (a review of the last plan)", () => {
    const text = "指标\t单位\t2020年目标\t2020年完成\n地区生产总值\t亿元\t2800\t2860\n";
    expect(readTables(text, FIVE_YEAR).targets).toEqual([]);
  });

  it("reads 〔 〕 in a 年均/累计 column as a sum of the row's unit, and drops a row number from the name", () => {
    const text =
      "类别\t指标\t2020年\t2025年\t年均/累计\t属性\n民生\t5.城镇新增就业（万人）\t—\t—\t〔25〕\t预期性\n";
    expect(readTables(text, FIVE_YEAR).targets[0]).toMatchObject({
      subject: "城镇新增就业",
      value: 250000,
      unit: "人",
      kind: "cumulative",
      growth: null,
    });
  });

  it("reads a 〔 〕 value as a sum over the period", () => {
    const text = "指标\t单位\t2025年\n新增城镇就业\t万人\t〔25〕\n";
    expect(readTables(text, FIVE_YEAR).targets[0]).toMatchObject({ value: 250000, kind: "cumulative" });
  });
});

describe("text that is not an indicator table", () => {
  it("reads no table from prose lines with double spaces or a list of column words", () => {
    const text = [
      "一、指标  体系",
      "围绕目标  完善单位  考核，2025年  实现新突破。",
      "指标",
      "单位",
      "全面推进城市更新，建设宜居城市。",
    ].join("\n");
    expect(readTables(text, FIVE_YEAR).targets).toEqual([]);
  });

  it("reads no target from a task list table (序号 / 重点任务 / 责任单位)", () => {
    const text = "序号\t重点任务\t责任单位\n1\t新建学校3所\t区教育局\n";
    expect(readTables(text, FIVE_YEAR).targets).toEqual([]);
  });
});

describe("table cells", () => {
  it("reads column headings with their years and units", () => {
    expect(columnOf("2025年目标值")).toMatchObject({ role: "target", year: 2025 });
    expect(columnOf("“十五五”目标")).toMatchObject({ role: "target", year: 2030 });
    expect(columnOf("年均增长（%）")).toMatchObject({ role: "growth", unit: "%" });
    expect(columnOf("基期值(2020年)")).toMatchObject({ role: "baseline", year: 2020 });
    expect(columnOf("2020年")).toMatchObject({ role: "year", year: 2020 });
    expect(columnOf("五年累计")).toMatchObject({ role: "target", cumulative: true });
    expect(columnOf("推进城市更新")).toBeNull();
  });

  it("reads units with their magnitude, keeping 千 of 千瓦 in the unit", () => {
    expect(parseUnit("万元/人")).toEqual({ unit: "元/人", display: "万元/人", factor: 10000 });
    expect(parseUnit("万千瓦")).toEqual({ unit: "千瓦", display: "万千瓦", factor: 10000 });
    expect(parseUnit("千瓦")).toMatchObject({ unit: "千瓦", factor: 1 });
    expect(parseUnit("％")).toMatchObject({ unit: "%", factor: 1 });
    expect(parseUnit("百分点")).toMatchObject({ unit: "百分点", factor: 1 });
    expect(parseUnit("—")).toBeNull();
    expect(parseUnit("30")).toBeNull();
  });

  it("reads values as tables write them", () => {
    expect(parseValue("≥58")).toMatchObject({ value: 58, comparator: "at_least" });
    expect(parseValue("＞2")).toMatchObject({ value: 2, comparator: "at_least" });
    expect(parseValue("≤8500")).toMatchObject({ value: 8500, comparator: "at_most" });
    expect(parseValue("55左右")).toMatchObject({ value: 55, comparator: "about" });
    expect(parseValue("5-6")).toMatchObject({ value: 5, value2: 6, comparator: "range" });
    expect(parseValue("6%-6.5%")).toMatchObject({ value: 6, value2: 6.5, comparator: "range" });
    expect(parseValue("1,200以上")).toMatchObject({ value: 1200, comparator: "at_least" });
    expect(parseValue("3个百分点以上")).toMatchObject({ value: 3, unit: { unit: "个百分点" } });
    expect(parseValue("〔13.5〕")).toMatchObject({ value: 13.5, cumulative: true });
    expect(parseValue("—")).toBeNull();
    expect(parseValue("/")).toBeNull();
    expect(parseValue("基本消除")).toBeNull();
    expect(parseValue("高于全市平均水平")).toBeNull();
  });
});

describe("tables in a whole plan", () => {
  const plan = [
    "清河区国民经济和社会发展第十四个五年规划纲要",
    "",
    "一、主要目标",
    "",
    "到2025年，全区地区生产总值达到1600亿元。",
    "",
    "清河区“十四五”主要指标",
    "指标\t单位\t2020年\t2025年\t属性",
    "地区生产总值\t亿元\t1200\t1600\t预期性",
    "城镇调查失业率\t%\t4.5\t5.5以内\t预期性",
    "",
    "二、主要任务",
    "",
    "（一）建设创新城区",
    "",
    "新增高新技术企业200家。",
  ].join("\n");
  const draft = extractPlan(plan);

  it("adds a row's target with its table fields, in document order", () => {
    const rows = draft.targets.filter((t) => t.targetYear !== undefined);
    expect(rows.map((t) => [t.subject, t.value, t.attribute, t.baseline])).toEqual([
      ["地区生产总值", 160000000000, "expected", { value: 120000000000, year: 2020 }],
      ["城镇调查失业率", 5.5, "expected", { value: 4.5, year: 2020 }],
    ]);
    const starts = draft.targets.map((t) => t.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(draft.targets.map((t) => t.id)).toEqual(draft.targets.map((_, i) => `x${i + 1}`));
  });

  it("reads the prose around the table as before, and no row twice", () => {
    const values = draft.targets.map((t) => `${t.subject}:${t.value}`);
    expect(values.filter((v) => v.endsWith(":160000000000"))).toHaveLength(2);
    expect(values).toContain("高新技术企业:200");
    expect(draft.targets.filter((t) => t.value === 5.5)).toHaveLength(1);
  });

  it("makes no task of a header or a cell; a row is a task of its own", () => {
    expect(draft.tasks.some((t) => t.text.startsWith("指标"))).toBe(false);
    const row = draft.targets.find((t) => t.subject === "城镇调查失业率");
    const task = draft.tasks.find((t) => t.id === row?.taskId);
    expect(task?.text).toContain("城镇调查失业率");
  });
});
