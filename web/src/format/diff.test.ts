import { describe, expect, it } from "vitest";
import { diffValues, showValue } from "./diff.ts";

describe("audit diff", () => {
  it("marks each field added, removed, changed or the same", () => {
    const rows = diffValues(
      { value: 5, unit: "%", lead: { id: 1, name: "区发改委" }, gone: true },
      { value: 6.5, unit: "%", lead: { id: 2, name: "区财政局" }, co: [3, 4] },
    );
    expect(rows).toEqual([
      { path: "value", kind: "changed", before: 5, after: 6.5 },
      { path: "unit", kind: "same", before: "%", after: "%" },
      { path: "lead.id", kind: "changed", before: 1, after: 2 },
      { path: "lead.name", kind: "changed", before: "区发改委", after: "区财政局" },
      { path: "gone", kind: "removed", before: true, after: undefined },
      { path: "co", kind: "added", before: undefined, after: [3, 4] },
    ]);
  });

  it("shows a creation and a deletion field by field", () => {
    expect(diffValues(null, { username: "u1", role: "planner" }).map((r) => r.kind)).toEqual([
      "added",
      "added",
    ]);
    expect(diffValues({ a: { b: 1 } }, undefined)).toEqual([
      { path: "a.b", kind: "removed", before: 1, after: undefined },
    ]);
    expect(diffValues(null, null)).toEqual([]);
  });

  it("compares scalars and arrays whole", () => {
    expect(diffValues("x", "y")).toEqual([{ path: "", kind: "changed", before: "x", after: "y" }]);
    expect(diffValues({ ids: [1, 2] }, { ids: [1, 2] })[0]?.kind).toBe("same");
  });

  it("prints values on one line", () => {
    expect(showValue("文本")).toBe("文本");
    expect(showValue(undefined)).toBe("");
    expect(showValue(null)).toBe("null");
    expect(showValue({ a: [1] })).toBe('{"a":[1]}');
  });
});
