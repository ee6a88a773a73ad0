import { describe, expect, it } from "vitest";
import {
  deadlineWords,
  firstDateInText,
  milestonesInText,
  parseDeadline,
  readDeadline,
} from "./task-deadlines.ts";

describe("deadline phrases as offices write them, for the plan year 2020", () => {
  it.each([
    ["全年", "2020-12-31"],
    ["年底", "2020-12-31"],
    ["年底前", "2020-12-31"],
    ["年末", "2020-12-31"],
    ["年内", "2020-12-31"],
    ["12月底前", "2020-12-31"],
    ["12月底", "2020-12-31"],
    ["十二月底", "2020-12-31"],
    ["6月底", "2020-06-30"],
    ["6月底前", "2020-06-30"],
    ["六月底", "2020-06-30"],
    ["6月末", "2020-06-30"],
    ["6月份", "2020-06-30"],
    ["2月底", "2020-02-29"],
    ["三季度末", "2020-09-30"],
    ["第三季度", "2020-09-30"],
    ["第三季度末前", "2020-09-30"],
    ["一季度", "2020-03-31"],
    ["前三季度", "2020-09-30"],
    ["四季度末", "2020-12-31"],
    ["上半年", "2020-06-30"],
    ["上半年前", "2020-06-30"],
    ["下半年", "2020-12-31"],
    ["2020年12月底前", "2020-12-31"],
    ["2021年6月底前", "2021-06-30"],
    ["2021年底前", "2021-12-31"],
    ["2021年", "2021-12-31"],
    ["2021年三季度末", "2021-09-30"],
    ["6月15日前", "2020-06-15"],
    ["6月15日", "2020-06-15"],
    ["六月十五日前", "2020-06-15"],
    ["2020年10月1日前", "2020-10-01"],
    ["2020-06-30", "2020-06-30"],
    ["2020/6/30", "2020-06-30"],
    [" 6月底前完成 ", "2020-06-30"],
    ["力争年底前", "2020-12-31"],
    ["１２月底前", "2020-12-31"],
    ["9月上旬", "2020-09-10"],
    ["9月中旬前", "2020-09-20"],
    ["9月下旬", "2020-09-30"],
    ["2020.12", "2020-12-31"],
    ["2021-06", "2021-06-30"],
    ["2020.2底", "2020-02-29"],
  ])("%s → %s", (phrase, date) => {
    expect(parseDeadline(phrase, 2020)).toBe(date);
    expect(readDeadline(phrase, 2020)).toEqual({ kind: "date", text: phrase.trim(), date });
  });

  it.each(["长期", "持续推进", "长期坚持", "常态化推进", "持续"])("%s → no deadline, said so", (phrase) => {
    expect(readDeadline(phrase, 2020)).toEqual({ kind: "open", text: phrase, date: null });
    expect(parseDeadline(phrase, 2020)).toBeNull();
  });

  it.each([
    "",
    "尽快",
    "6月前",
    "2月30日",
    "13月底",
    "第五季度",
    "每月",
    "按计划推进",
    "2020-02-30",
    "2020.13",
  ])("%s is not guessed at", (phrase) => {
    expect(readDeadline(phrase, 2020)).toBeNull();
  });

  it("reads a deadline back in words", () => {
    expect(deadlineWords("2020-06-30")).toEqual({ zh: "2020年6月底", en: "end of June 2020" });
    expect(deadlineWords("2020-06-15")).toEqual({ zh: "2020年6月15日", en: "15 June 2020" });
    expect(deadlineWords(null).zh).toBe("长期（无完成时限）");
  });
});

describe("milestones in a task's text", () => {
  it("finds each clause that opens with a time and goes on with a deed", () => {
    const text = "推进南开大学科技园建设，6月底前完成招标，年底前竣工。";
    expect(milestonesInText(text, 2020)).toEqual([
      { name: "6月底前完成招标", due: "2020-06-30", start: 12, end: 20 },
      { name: "年底前竣工", due: "2020-12-31", start: 21, end: 26 },
    ]);
  });

  it("drops list numbers and 确保/力争 from the name, and reads quarters and days", () => {
    expect(milestonesInText("1.确保三季度末开工建设；力争2021年6月15日前建成投用", 2020)).toEqual([
      { name: "三季度末开工建设", due: "2020-09-30", start: 4, end: 12 },
      { name: "2021年6月15日前建成投用", due: "2021-06-15", start: 15, end: 30 },
    ]);
  });

  it("keeps times that are no milestone out: progress so far, a time without a deed", () => {
    expect(milestonesInText("今年以来完成投资12亿元，上半年以来同比增长5%", 2020)).toEqual([]);
    expect(milestonesInText("6月底前，各部门要高度重视", 2020)).toEqual([]);
    expect(milestonesInText("加快推进老旧小区改造", 2020)).toEqual([]);
  });

  it("gives the offsets of the name in the text", () => {
    const text = "（一）推进工程，年底前全面完成改造任务";
    const [m] = milestonesInText(text, 2020);
    expect(m && text.slice(m.start, m.end)).toBe("年底前全面完成改造任务");
  });
});

describe("a time anywhere in words (a quarter column's 形象进度)", () => {
  it.each([
    ["完成招标（6月底前）", "2020-06-30", "6月底前"],
    ["主体结构于三季度末封顶", "2020-09-30", "三季度末"],
    ["力争2021年6月15日前建成投用", "2021-06-15", "2021年6月15日前"],
    ["基本完成，2021年底前验收", "2021-12-31", "2021年底前"],
    ["设备9月中旬进场", "2020-09-20", "9月中旬"],
    ["上半年完成投资的50%", "2020-06-30", "上半年"],
  ])("%s → %s", (text, date, words) => {
    const found = firstDateInText(text, 2020);
    expect(found).toMatchObject({ date, words });
    expect(found && text.slice(found.start, found.end)).toBe(words);
  });

  it.each(["完成全年任务的50%", "开工建设", "完成13月底前的", "推进2号楼建设", ""])(
    "%s names no time",
    (text) => {
      expect(firstDateInText(text, 2020)).toBeNull();
    },
  );
});
