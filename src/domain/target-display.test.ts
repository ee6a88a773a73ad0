import { describe, expect, it } from "vitest";
import { displayFactor, formatTargetDisplay } from "./target-display.ts";

describe("target display", () => {
  it("find the magnitude of a display unit", () => {
    expect(displayFactor("元", "亿元")).toBe(1e8);
    expect(displayFactor("平方米", "万平方米")).toBe(1e4);
    expect(displayFactor("千瓦", "万千瓦")).toBe(1e4);
    expect(displayFactor("千瓦", "千瓦")).toBe(1);
    expect(displayFactor("%", "%")).toBe(1);
    expect(displayFactor("人", "名")).toBe(1);
    expect(displayFactor("元", "万亿元")).toBe(1e12);
  });

  it("write the value in its display unit", () => {
    expect(formatTargetDisplay(10600000000, null, "元", "亿元")).toBe("106亿元");
    expect(formatTargetDisplay(141000, null, "平方米", "万平方米")).toBe("14.1万平方米");
    expect(formatTargetDisplay(5, null, "%", "%")).toBe("5%");
    expect(formatTargetDisplay(6, 6.5, "%", "%")).toBe("6-6.5%");
    expect(formatTargetDisplay(0.1 + 0.2, null, "%", "")).toBe("0.3%");
    expect(formatTargetDisplay(null, null, "", "")).toBe("");
  });
});
