import { describe, expect, it } from "vitest";
import { formatCnNumber, formatCnQuantity, formatShare } from "./cn-number.ts";

describe("Chinese number formatting", () => {
  it.each([
    [0, "0"],
    [9999, "9999"],
    [12.3456, "12.35"],
    [10000, "1万"],
    [17280, "1.73万"],
    [141000, "14.1万"],
    [1234567, "123万"],
    [99990000, "9999万"],
    [1e8, "1亿"],
    [10600000000, "106亿"],
    [-25000, "-2.5万"],
    [3.2e12, "3.2万亿"],
  ])("%d → %s", (value, expected) => {
    expect(formatCnNumber(value)).toBe(expected);
  });

  it("uses K, M, B in English", () => {
    expect(formatCnNumber(17280, "en-US")).toBe("17.3K");
    expect(formatCnNumber(10600000000, "en-US")).toBe("10.6B");
    expect(formatCnNumber(2500000, "en-US")).toBe("2.5M");
    expect(formatCnNumber(950, "en-US")).toBe("950");
  });

  it("writes a dash for what is not a number", () => {
    expect(formatCnNumber(Number.NaN)).toBe("—");
    expect(formatCnQuantity(null, "人")).toBe("—");
    expect(formatShare(null)).toBe("—");
  });

  it("keeps a display unit that carries the magnitude, and scales a bare base unit", () => {
    expect(formatCnQuantity(10600000000, "元", "亿元")).toBe("106亿元");
    expect(formatCnQuantity(141000, "平方米", "万平方米")).toBe("14.1万平方米");
    expect(formatCnQuantity(17280, "人", "人")).toBe("1.73万人");
    expect(formatCnQuantity(30, "家", "家")).toBe("30家");
    expect(formatCnQuantity(350000000, "元", "元")).toBe("3.5亿元");
  });

  it("never scales percentages, and writes them to one decimal", () => {
    expect(formatCnQuantity(5.26, "%", "%")).toBe("5.3%");
    expect(formatCnQuantity(12000, "%", "%")).toBe("12000%");
  });

  it("writes counts whole and amounts with a magnitude to two decimals", () => {
    expect(formatCnQuantity(16.67, "家", "家")).toBe("17家");
    expect(formatCnQuantity(5155667800, "元", "亿元")).toBe("51.56亿元");
    expect(formatCnQuantity(2.456, "公顷", "公顷")).toBe("2.46公顷");
  });

  it("shows shares as percents", () => {
    expect(formatShare(0.432)).toBe("43.2%");
    expect(formatShare(1)).toBe("100%");
    expect(formatShare(0.8567, 0)).toBe("86%");
  });
});
