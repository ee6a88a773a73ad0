import { describe, expect, it } from "vitest";
import { auditChanges } from "./audit-diff.ts";

describe("what an audit entry changed", () => {
  it("lists each changed leaf by its dotted path, leaving out what stayed the same", () => {
    const rows = auditChanges(
      { value: 5, unit: "%", lead: { id: 1, name: "区发改委" }, gone: true },
      { value: 6.5, unit: "%", lead: { id: 2, name: "区财政局" }, co: [3, 4] },
    );
    expect(rows).toEqual([
      { path: "value", before: 5, after: 6.5 },
      { path: "lead.id", before: 1, after: 2 },
      { path: "lead.name", before: "区发改委", after: "区财政局" },
      { path: "gone", before: true, after: undefined },
      { path: "co", before: undefined, after: [3, 4] },
    ]);
  });

  it("shows a creation and a deletion field by field", () => {
    expect(auditChanges(null, { username: "u1", role: "planner" }).map((r) => r.path)).toEqual([
      "username",
      "role",
    ]);
    expect(auditChanges({ a: { b: 1 } }, undefined)).toEqual([{ path: "a.b", before: 1, after: undefined }]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  it("compares scalars and lists whole", () => {
    expect(auditChanges("x", "y")).toEqual([{ path: "", before: "x", after: "y" }]);
    expect(auditChanges({ ids: [1, 2] }, { ids: [1, 2] })).toEqual([]);
  });
});
