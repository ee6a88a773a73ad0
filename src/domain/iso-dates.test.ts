import { describe, expect, it } from "vitest";
import { addDays, daysBetween, dayWords, isIsoDate, workingDaysBetween } from "./iso-dates.ts";

describe("calendar days", () => {
  it("know real days from look-alikes", () => {
    expect(isIsoDate("2020-02-29")).toBe(true);
    expect(isIsoDate("2021-02-29")).toBe(false);
    expect(isIsoDate("2020-2-9")).toBe(false);
    expect(isIsoDate("2020-13-01")).toBe(false);
  });

  it("count across months, years and leap days", () => {
    expect(daysBetween("2020-06-30", "2020-07-12")).toBe(12);
    expect(daysBetween("2020-12-31", "2021-01-05")).toBe(5);
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2020-03-01", -1)).toBe("2020-02-29");
  });

  it("count working days over a weekend and a holiday", () => {
    // Friday 2 October 2020 (国庆) to Friday 9 October: Mon 5–Thu 8 are holidays too in 2020.
    const calendar = {
      holidays: ["2020-10-05", "2020-10-06", "2020-10-07", "2020-10-08"],
      workdays: ["2020-10-10"],
    };
    expect(workingDaysBetween("2020-10-02", "2020-10-09", calendar)).toBe(1);
    expect(workingDaysBetween("2020-10-02", "2020-10-10", calendar)).toBe(2);
    expect(workingDaysBetween("2020-10-02", "2020-10-09")).toBe(5);
  });

  it("say a day in words, with the year when asked", () => {
    expect(dayWords("2020-06-30")).toEqual({ zh: "6月30日", en: "30 June" });
    expect(dayWords("2020-06-30", true)).toEqual({ zh: "2020年6月30日", en: "30 June 2020" });
  });
});
