import { describe, expect, it } from "vitest";
import {
  comparatorWord,
  formatNumber,
  formatQuantity,
  formatTargetValue,
  fromDisplayNumber,
  parseMagnitude,
  toDisplayNumber,
  unitScale,
  type ValueLike,
} from "./number.ts";

const target = (over: Partial<ValueLike>): ValueLike => ({
  value: 5,
  value2: null,
  unit: "%",
  displayUnit: "%",
  comparator: "target",
  ...over,
});

describe("parseMagnitude", () => {
  it("reads single and combined magnitude words", () => {
    expect(parseMagnitude("万")).toBe(1e4);
    expect(parseMagnitude("亿")).toBe(1e8);
    expect(parseMagnitude("百万")).toBe(1e6);
    expect(parseMagnitude("千万")).toBe(1e7);
    expect(parseMagnitude("万亿")).toBe(1e12);
    expect(parseMagnitude("十")).toBe(10);
  });
  it("refuses anything else", () => {
    expect(parseMagnitude("")).toBeNull();
    expect(parseMagnitude("平方")).toBeNull();
    expect(parseMagnitude("万平")).toBeNull();
  });
});

describe("unitScale", () => {
  it("scales a display unit that is a magnitude over the base unit", () => {
    expect(unitScale("元", "亿元")).toEqual({ factor: 1e8, label: "亿元" });
    expect(unitScale("平方米", "万平方米")).toEqual({ factor: 1e4, label: "万平方米" });
    expect(unitScale("千瓦", "万千瓦")).toEqual({ factor: 1e4, label: "万千瓦" });
    expect(unitScale("斤", "万亿斤")).toEqual({ factor: 1e12, label: "万亿斤" });
  });
  it("keeps 千瓦 and 千米 as units, not magnitudes", () => {
    expect(unitScale("千瓦", "千瓦")).toEqual({ factor: 1, label: "千瓦" });
    expect(unitScale("千米", "千米")).toEqual({ factor: 1, label: "千米" });
  });
  it("falls back to the base unit rather than show a wrongly scaled number", () => {
    expect(unitScale("元", "美元")).toEqual({ factor: 1, label: "元" });
    expect(unitScale("元", "")).toEqual({ factor: 1, label: "元" });
    expect(unitScale("", "个百分点")).toEqual({ factor: 1, label: "个百分点" });
  });
});

describe("formatNumber", () => {
  it("prints numbers as a plan writes them", () => {
    expect(formatNumber(106)).toBe("106");
    expect(formatNumber(14.1)).toBe("14.1");
    expect(formatNumber(3082)).toBe("3082");
    expect(formatNumber(10600000000)).toBe("10600000000");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(-1.5)).toBe("-1.5");
  });
});

describe("formatQuantity", () => {
  it("shows the value in its display unit", () => {
    expect(formatQuantity(10600000000, "元", "亿元")).toBe("106亿元");
    expect(formatQuantity(141000, "平方米", "万平方米")).toBe("14.1万平方米");
    expect(formatQuantity(40000, "人", "万人")).toBe("4万人");
    expect(formatQuantity(17500, "平方米", "万平方米")).toBe("1.75万平方米");
    expect(formatQuantity(1300000000000, "斤", "万亿斤")).toBe("1.3万亿斤");
    expect(formatQuantity(3082, "个", "个")).toBe("3082个");
    expect(formatQuantity(1.2, "个百分点", "个百分点")).toBe("1.2个百分点");
  });
});

describe("display ⇄ base conversion", () => {
  it("round-trips the planner's input", () => {
    expect(toDisplayNumber(10600000000, "元", "亿元")).toBe(106);
    expect(fromDisplayNumber(106, "元", "亿元")).toBe(10600000000);
    expect(fromDisplayNumber(14.1, "平方米", "万平方米")).toBe(141000);
    expect(fromDisplayNumber(1.75, "平方米", "万平方米")).toBe(17500);
    expect(toDisplayNumber(141000, "平方米", "万平方米")).toBe(14.1);
  });
});

describe("formatTargetValue", () => {
  it("writes the comparator the Chinese way", () => {
    expect(
      formatTargetValue(target({ value: 30, unit: "家", displayUnit: "家", comparator: "at_least" })),
    ).toBe("30家以上");
    expect(formatTargetValue(target({ value: 3, comparator: "at_most" }))).toBe("3%以内");
    expect(formatTargetValue(target({ value: 5.5, comparator: "about" }))).toBe("5.5%左右");
    expect(formatTargetValue(target({ value: 5 }))).toBe("5%");
    expect(
      formatTargetValue(
        target({ value: 10600000000, unit: "元", displayUnit: "亿元", comparator: "target" }),
      ),
    ).toBe("106亿元");
  });
  it("shows a range with both ends", () => {
    expect(formatTargetValue(target({ value: 6, value2: 6.5, comparator: "range" }))).toBe("6%–6.5%");
    expect(formatTargetValue(target({ value: 6, value2: 6.5, comparator: "range" }), "en-US")).toBe(
      "6%–6.5%",
    );
  });
  it("uses symbols in English", () => {
    expect(
      formatTargetValue(
        target({ value: 30, unit: "家", displayUnit: "家", comparator: "at_least" }),
        "en-US",
      ),
    ).toBe("≥ 30家");
    expect(formatTargetValue(target({ value: 3, comparator: "at_most" }), "en-US")).toBe("≤ 3%");
    expect(formatTargetValue(target({ value: 5.5, comparator: "about" }), "en-US")).toBe("≈ 5.5%");
  });
  it("shows a dash for a target without a number", () => {
    expect(formatTargetValue(target({ value: null }))).toBe("—");
  });
  it("names the comparator alone", () => {
    expect(comparatorWord("at_least")).toBe("以上");
    expect(comparatorWord("at_most")).toBe("以内");
    expect(comparatorWord("about")).toBe("左右");
    expect(comparatorWord("at_least", "en-US")).toBe("≥");
  });
});
