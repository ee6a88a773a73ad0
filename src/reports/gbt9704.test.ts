import { describe, expect, it } from "vitest";
import { mmToTwips, officialDate, officialPageLayout, TWIPS_PER_MM } from "./gbt9704.ts";

describe("the GB/T 9704-2012 page in twips", () => {
  const layout = officialPageLayout();

  it("keeps the text block 156 × 225 mm to the twip, the dependent margins taking the rounding", () => {
    expect(layout.width - layout.margin.left - layout.margin.right).toBe(mmToTwips(156));
    expect(layout.height - layout.margin.top - layout.margin.bottom).toBe(mmToTwips(225));
    expect(layout.margin.top / TWIPS_PER_MM).toBeCloseTo(37, 1);
    expect(layout.margin.left / TWIPS_PER_MM).toBeCloseTo(28, 1);
  });

  it("fits 22 lines and 28 characters of 3号 exactly", () => {
    expect(Math.floor(layout.textHeight / layout.linePitch)).toBe(22);
    const pitchPt = 16 + layout.charSpace / 4096;
    expect(Math.floor(layout.textWidth / 20 / pitchPt)).toBe(28);
    // The largest pitch that still fits 28: one unit more of charSpace would not.
    expect(28 * (16 + (layout.charSpace + 1) / 4096)).toBeGreaterThan(layout.textWidth / 20 - 0.01);
  });

  it("puts the page number line 7 mm below the text block", () => {
    const lineTwips = Math.round(14 * 20 * 1.3);
    const gap = layout.margin.bottom - layout.margin.footer - lineTwips;
    expect(gap / TWIPS_PER_MM).toBeCloseTo(7, 1);
  });
});

describe("officialDate", () => {
  it.each([
    ["2020-06-30", "2020年6月30日"],
    ["2020-10-05", "2020年10月5日"],
    ["2021-01-01", "2021年1月1日"],
  ])("%s → %s", (iso, zh) => {
    expect(officialDate(iso)).toBe(zh);
  });

  it("refuses what is not a date", () => {
    expect(() => officialDate("30/6/2020")).toThrow(RangeError);
  });
});
