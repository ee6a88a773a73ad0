import { describe, expect, it } from "vitest";
import { comparableText } from "./comparable-text.ts";

describe("the text a duplicate check compares", () => {
  it("is the same for a text file and the paragraphs of a Word file or web page of it", () => {
    const txt = "\ufeff南开区2020年计划\r\n\r\n　　一、主要目标\r\n　　地区生产总值增长6%左右。 \r\n";
    const docx = "南开区2020年计划\n一、主要目标\n地区生产总值增长6%左右。";
    const html = "南开区2020年计划\n\u00a0一、主要目标\u200b\n地区生产总值增长６％左右。\n";
    expect(comparableText(docx)).toBe(comparableText(txt));
    expect(comparableText(html)).toBe(comparableText(txt));
  });

  it("keeps every word: a changed figure or character is another text", () => {
    const base = comparableText("地区生产总值增长6%左右。");
    expect(comparableText("地区生产总值增长7%左右。")).not.toBe(base);
    expect(comparableText("地区生产总值增长6%以上。")).not.toBe(base);
    expect(comparableText("")).toBe("");
  });
});
