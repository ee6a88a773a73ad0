import { describe, expect, it } from "vitest";
import type { FiveYearIndicatorView, Judgement } from "../../../../src/contract/five-year.ts";
import { ApiError } from "../../api/client.ts";
import {
  groupIndicators,
  isFiveYearPlan,
  mayEnterValues,
  periodYears,
  refusedField,
  yearParam,
} from "./five-year-model.ts";

function ind(
  targetId: number,
  judgement: Judgement,
  attribute: "binding" | "expected",
): FiveYearIndicatorView {
  return { targetId, judgement, attribute } as FiveYearIndicatorView;
}

describe("five-year cockpit model", () => {
  it("groups indicators by judgement in the report's order, 约束性 first in each group", () => {
    const groups = groupIndicators([
      ind(1, "needs_speed", "expected"),
      ind(2, "on_track", "expected"),
      ind(3, "needs_speed", "binding"),
      ind(4, "reverse", "binding"),
      ind(5, "no_data", "expected"),
      ind(6, "on_track", "binding"),
      ind(7, "needs_speed", "expected"),
    ]);
    expect(groups.map((g) => [g.judgement, g.indicators.map((i) => i.targetId)])).toEqual([
      ["on_track", [6, 2]],
      ["needs_speed", [3, 1, 7]],
      ["reverse", [4]],
      ["no_data", [5]],
    ]);
    expect(groupIndicators([])).toEqual([]);
  });

  it("offers the years of the plan period only", () => {
    expect(periodYears({ startYear: 2021, endYear: 2025 })).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it("reads a year from the address only when it is four digits", () => {
    expect(yearParam("2023")).toBe(2023);
    expect(yearParam("23")).toBeNull();
    expect(yearParam("2023x")).toBeNull();
    expect(yearParam(null)).toBeNull();
  });

  it("knows a five-year plan by its kind, or else by a period of several years", () => {
    const annual = { periodStart: "2021-01-01", periodEnd: "2021-12-31" };
    const fiveYear = { periodStart: "2021-01-01", periodEnd: "2025-12-31" };
    expect(isFiveYearPlan(annual)).toBe(false);
    expect(isFiveYearPlan(fiveYear)).toBe(true);
    expect(isFiveYearPlan({ ...annual, kind: "five_year" })).toBe(true);
    expect(isFiveYearPlan({ ...fiveYear, kind: "annual" })).toBe(false);
  });

  it("names the field a refused request names", () => {
    const refused = new ApiError(400, {
      code: "bad_input",
      message: "2019年不在规划期内",
      details: { field: "year" },
    });
    expect(refusedField(refused)).toBe("year");
    expect(
      refusedField(new ApiError(409, { code: "conflict", message: "x", details: { field: "year" } })),
    ).toBeNull();
    expect(refusedField(new Error("x"))).toBeNull();
    expect(refusedField(new ApiError(400, { code: "bad_input", message: "x", details: {} }))).toBeNull();
  });

  it("lets planners and the statistics department's reporters enter yearly values", () => {
    expect(mayEnterValues({ role: "planner", departmentName: null }, true)).toBe(true);
    expect(mayEnterValues({ role: "reporter", departmentName: "区统计局" }, false)).toBe(true);
    expect(mayEnterValues({ role: "reporter", departmentName: "区发展改革委" }, false)).toBe(false);
    expect(mayEnterValues({ role: "leader", departmentName: "区统计局" }, false)).toBe(false);
    expect(mayEnterValues(null, false)).toBe(false);
  });
});
