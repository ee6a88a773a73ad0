import { describe, expect, it } from "vitest";
import { findQuantities, type Quantity } from "./quantities.ts";
import { buildTextView } from "./text-view.ts";

/** The one quantity of a phrase; fails when there is none or several. */
function only(text: string): Quantity {
  const found = findQuantities(text);
  expect(found, `quantities of ${text}`).toHaveLength(1);
  return found[0] as Quantity;
}

/** What the extractor sees: findQuantities reads the cleaned view (full-width folded). */
function inView(text: string): { text: string; found: Quantity[] } {
  const view = buildTextView(text).text;
  return { text: view, found: findQuantities(view) };
}

describe("units", () => {
  it("reads 个百分点 as a unit of its own, not 个", () => {
    const q = only("研发经费投入强度提高0.4个百分点");
    expect(q).toMatchObject({ value: 0.4, unit: "个百分点", display: "0.4个百分点" });
  });

  it("prefers 平方公里 to 公里, and keeps 公里 when it stands alone", () => {
    expect(only("城市建成区扩展到36.8平方公里")).toMatchObject({ value: 36.8, unit: "平方公里" });
    expect(only("新建改造城市道路4.6公里")).toMatchObject({ value: 4.6, unit: "公里" });
  });

  it("keeps 千瓦, 千瓦时, 千米, 千克 and 千伏安 as units instead of multiplying by 1000", () => {
    expect(only("新增分布式光伏装机5千瓦")).toMatchObject({ value: 5, unit: "千瓦", displayUnit: "千瓦" });
    expect(only("新增储能容量8千瓦时")).toMatchObject({ value: 8, unit: "千瓦时" });
    expect(only("新建绿道12千米")).toMatchObject({ value: 12, unit: "千米" });
    expect(only("人均收购量1.5千克")).toMatchObject({ value: 1.5, unit: "千克" });
    expect(only("新增变电容量50千伏安")).toMatchObject({ value: 50, unit: "千伏安" });
  });

  it("reads 克, 万千克 and 马力 as units of their own", () => {
    expect(only("人均每日食盐摄入量控制在5克以内")).toMatchObject({ value: 5, unit: "克" });
    expect(only("农药使用量减少30万千克")).toMatchObject({
      value: 300000,
      unit: "千克",
      displayUnit: "万千克",
    });
    expect(only("土壤有机质平均含量28克/千克")).toMatchObject({ value: 28, unit: "克/千克" });
    expect(only("新增农机总动力2万马力")).toMatchObject({
      value: 20000,
      unit: "马力",
      displayUnit: "万马力",
    });
  });

  it("multiplies 万 before 千瓦 but not the 千 of the unit", () => {
    expect(only("新增风电装机1.2万千瓦")).toMatchObject({
      value: 12000,
      unit: "千瓦",
      displayUnit: "万千瓦",
      display: "1.2万千瓦",
    });
  });

  it("multiplies magnitudes into the base unit and keeps the display as written", () => {
    expect(only("社会消费品零售总额达到215亿元")).toMatchObject({
      value: 21500000000,
      unit: "元",
      displayUnit: "亿元",
      display: "215亿元",
    });
    expect(only("改造提升老旧小区23.6万平方米")).toMatchObject({ value: 236000, unit: "平方米" });
    expect(only("城镇新增就业3.2万人")).toMatchObject({ value: 32000, unit: "人", displayUnit: "万人" });
    expect(only("粮食产量稳定在1.2万亿斤")).toMatchObject({ value: 1200000000000, unit: "斤" });
    expect(only("实际利用外资4500万美元")).toMatchObject({ value: 45000000, unit: "美元" });
    expect(only("年产值5千万元")).toMatchObject({ value: 50000000, unit: "元", displayUnit: "千万元" });
    expect(only("港口集装箱吞吐量120万标准箱")).toMatchObject({ value: 1200000, unit: "标准箱" });
    expect(only("接待游客850万人次")).toMatchObject({ value: 8500000, unit: "人次" });
  });

  it("reads thousands separators inside a quantity", () => {
    expect(only("新增停车泊位1,500个")).toMatchObject({ value: 1500, unit: "个", display: "1,500个" });
    expect(only("安排资金2,300万元")).toMatchObject({ value: 23000000, unit: "元" });
  });

  it("reads Chinese numerals with a measure word as counts", () => {
    expect(only("新建两所幼儿园")).toMatchObject({ value: 2, unit: "所", display: "两所", chinese: true });
    expect(only("新增三个")).toMatchObject({ value: 3, unit: "个", chinese: true });
    expect(only("新增绿地一万二千平方米")).toMatchObject({ value: 12000, unit: "平方米", chinese: true });
  });

  it("reads 百分之五 as 5 %", () => {
    expect(only("增长百分之五")).toMatchObject({ value: 5, unit: "%", display: "百分之五" });
  });

  it("reads ‰ as a unit", () => {
    expect(only("人口自然增长率控制在4‰以内")).toMatchObject({ value: 4, unit: "‰", suffix: "at_most" });
  });

  it("reads full-width digits and percent signs once the view folds them", () => {
    const { found } = inView("增长６．５％");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ value: 6.5, unit: "%" });
  });

  it("does not take a number without a unit", () => {
    expect(findQuantities("增长5")).toEqual([]);
    expect(findQuantities("序号12")).toEqual([]);
  });
});

describe("ranges", () => {
  it("reads 6%-6.5% with the unit on both ends", () => {
    expect(only("增长6%-6.5%")).toMatchObject({ value: 6, value2: 6.5, unit: "%", display: "6%-6.5%" });
  });

  it("reads 6～6.5% with a full-width tilde", () => {
    const { found } = inView("增长6～6.5%");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ value: 6, value2: 6.5, unit: "%" });
  });

  it("reads 5%至6% and 8%到9%", () => {
    expect(only("增长5%至6%")).toMatchObject({ value: 5, value2: 6, unit: "%" });
    expect(only("增长8%到9%")).toMatchObject({ value: 8, value2: 9, unit: "%" });
  });

  it("reads 6-6.5% with the unit only at the end", () => {
    expect(only("增长6-6.5%")).toMatchObject({ value: 6, value2: 6.5, unit: "%" });
  });

  it("reads a range with the magnitude on both ends: 2万-3万人", () => {
    expect(only("新增就业2万-3万人")).toMatchObject({ value: 20000, value2: 30000, unit: "人" });
  });

  // Spec: values are in the base unit, magnitudes multiplied in. Written once after the second end,
  // 亿 belongs to both ends (80亿 to 100亿); the extractor gives value 80, value2 10000000000 and
  // displayUnit 元.
  it("applies a magnitude written once after a range to both ends: 80-100亿元", () => {
    expect(only("完成投资80-100亿元")).toMatchObject({
      value: 8000000000,
      value2: 10000000000,
      unit: "元",
      displayUnit: "亿元",
    });
  });
});

describe("comparator suffixes", () => {
  it("reads 以上 as at_least", () => {
    const q = only("净增高新技术企业35家以上");
    expect(q).toMatchObject({ value: 35, unit: "家", suffix: "at_least" });
  });

  it("reads 以内 and 以下 as at_most", () => {
    expect(only("控制在3%以内").suffix).toBe("at_most");
    expect(only("城镇登记失业率4.5%以下").suffix).toBe("at_most");
  });

  it("reads 左右 and 上下 as about", () => {
    expect(only("增长6.5%左右").suffix).toBe("about");
    expect(only("稳定在30万吨上下").suffix).toBe("about");
  });

  it("spans number, unit and suffix, and unitEnd stops before the suffix", () => {
    const text = "投资增长8%以上,";
    const q = only(text);
    expect(text.slice(q.start, q.end)).toBe("8%以上");
    expect(text.slice(q.start, q.unitEnd)).toBe("8%");
  });

  it("has no suffix when none is written", () => {
    expect(only("新增就业岗位800个").suffix).toBeNull();
  });
});

describe("numbers that are not quantities", () => {
  it("skips years and dates", () => {
    expect(findQuantities("2020年")).toEqual([]);
    expect(findQuantities("到2025年底")).toEqual([]);
    expect(findQuantities("发布时间2020-03-02")).toEqual([]);
    expect(findQuantities("2024年3月2日召开")).toEqual([]);
    expect(findQuantities("3月15日")).toEqual([]);
    expect(findQuantities("2021-2025年")).toEqual([]);
  });

  it("skips ordinals and editions", () => {
    expect(findQuantities("举办第25届运动会")).toEqual([]);
    expect(findQuantities("打造营商环境2.0版")).toEqual([]);
  });

  it("skips names with numbers: 地铁7号线, 500强企业, PM2.5", () => {
    expect(findQuantities("加快地铁7号线建设")).toEqual([]);
    expect(findQuantities("对接世界500强企业")).toEqual([]);
    expect(findQuantities("PM2.5浓度持续下降")).toEqual([]);
  });

  it("reads the target after a name with a number but not the name", () => {
    const found = findQuantities("PM2.5平均浓度下降4%");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ value: 4, unit: "%" });
  });

  it("skips times of day", () => {
    expect(findQuantities("上午9时召开")).toEqual([]);
    expect(findQuantities("15:55:30")).toEqual([]);
  });
});
