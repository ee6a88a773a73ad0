import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plannedProblems } from "./planned-values.ts";

describe("planned values (分期计划)", () => {
  it("let a cumulative plan grow or stay, and name each value below an earlier one", () => {
    expect(plannedProblems("cumulative", [1, 2, 2, 5])).toEqual([]);
    expect(plannedProblems("cumulative", [10, 5, 8, 12])).toEqual([
      { index: 1, code: "decreasing", previousIndex: 0 },
      { index: 2, code: "decreasing", previousIndex: 0 },
    ]);
  });

  it("skip empty periods without resetting the check", () => {
    expect(plannedProblems("cumulative", [10, null, 9])).toEqual([
      { index: 2, code: "decreasing", previousIndex: 0 },
    ]);
    expect(plannedProblems("cumulative", [null, null])).toEqual([]);
  });

  it("let levels and rates go down, but keep milestone percents within 0–100 and growing", () => {
    expect(plannedProblems("level", [80, 60, 70])).toEqual([]);
    expect(plannedProblems("rate", [5, 4.5])).toEqual([]);
    expect(plannedProblems("milestone", [30, 120])).toEqual([{ index: 1, code: "percent_range" }]);
    expect(plannedProblems("milestone", [-1])).toEqual([{ index: 0, code: "percent_range" }]);
    expect(plannedProblems("milestone", [50, 40])[0]?.code).toBe("decreasing");
  });

  it("call a value that is not a finite number what it is", () => {
    expect(plannedProblems("level", [1, Number.NaN])).toEqual([{ index: 1, code: "not_a_number" }]);
  });

  it("find no problem in any sorted cumulative plan", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { maxLength: 12 }), (v) => {
        const sorted = [...v].sort((a, b) => a - b);
        expect(plannedProblems("cumulative", sorted)).toEqual([]);
      }),
    );
  });
});
