// Issue 18: a Word 主要指标表 read as a table. The test writes the .docx itself — a header of two rows
// whose 规划目标 cell spans the 2020年 and 2025年 columns, category and 属性 cells merged down, a 年均增长
// column and a row with a range — and expects one target per row with its baseline and base year, its
// target year and its attribute.

import { describe, expect, it } from "vitest";
import { extractPlan } from "../extract/extract-plan.ts";
import { makeWordDocx } from "../test/make-documents.ts";
import { readDocument } from "./read-document.ts";

const TEXT = [
  "海港区国民经济和社会发展第十四个五年规划纲要",
  "第二章 主要目标",
  "表1 “十四五”时期经济社会发展主要指标",
  "类别\t指标\t单位\t规划目标\t\t年均增长（%）\t属性",
  "类别\t指标\t单位\t2020年\t2025年\t年均增长（%）\t属性",
  "经济发展\t地区生产总值\t亿元\t2860\t3900\t6.5\t预期性",
  "经济发展\t一般公共预算收入\t亿元\t215.4\t290\t6\t预期性",
  "经济发展\t常住人口城镇化率\t%\t68.2\t72\t—\t预期性",
  "创新驱动\t研究与试验发展经费投入强度\t%\t2.1\t2.5-3.0\t—\t预期性",
  "创新驱动\t每万人口高价值发明专利拥有量\t件\t6.3\t12\t—\t预期性",
  "民生福祉\t人均预期寿命\t岁\t78.5\t79.5\t—\t预期性",
  "民生福祉\t每千人口拥有执业（助理）医师数\t人\t2.9\t3.4\t—\t预期性",
  "绿色生态\t森林覆盖率\t%\t41.2\t43\t—\t约束性",
  "绿色生态\t地级及以上城市空气质量优良天数比率\t%\t86.5\t87\t—\t约束性",
  "绿色生态\t地表水达到或好于Ⅲ类水体比例\t%\t70\t75\t—\t约束性",
  "第三章 构建现代产业体系",
].join("\n");

describe("a .docx indicator table of ten rows", () => {
  it("gives ten targets with baselines, target years, growth and attributes", async () => {
    // Category (0) and 属性 (6) cells merged down; the header's 规划目标 spans two columns.
    const docx = await makeWordDocx(TEXT, { mergeColumns: [0, 6] });
    const { text } = await readDocument(docx, "海港区十四五规划.docx");
    const draft = extractPlan(text);
    const tabled = draft.targets.filter((t) => t.targetYear === 2025 && t.baseline);
    const got = tabled.map((t) => [t.subject, t.baseline?.value, t.baseline?.year, t.attribute]);
    expect(got).toEqual([
      ["地区生产总值", 286000000000, 2020, "expected"],
      ["一般公共预算收入", 21540000000, 2020, "expected"],
      ["常住人口城镇化率", 68.2, 2020, "expected"],
      ["研究与试验发展经费投入强度", 2.1, 2020, "expected"],
      ["每万人口高价值发明专利拥有量", 6.3, 2020, "expected"],
      ["人均预期寿命", 78.5, 2020, "expected"],
      ["每千人口拥有执业（助理）医师数", 2.9, 2020, "expected"],
      ["森林覆盖率", 41.2, 2020, "binding"],
      ["地级及以上城市空气质量优良天数比率", 86.5, 2020, "binding"],
      ["地表水达到或好于Ⅲ类水体比例", 70, 2020, "binding"],
    ]);
    const bySubject = new Map(tabled.map((t) => [t.subject, t]));
    expect(bySubject.get("地区生产总值")).toMatchObject({ value: 390000000000, annualGrowth: 6.5 });
    expect(bySubject.get("研究与试验发展经费投入强度")).toMatchObject({
      comparator: "range",
      value: 2.5,
      value2: 3,
    });
    expect(draft.meta).toMatchObject({ year: 2025 });
  });
});
