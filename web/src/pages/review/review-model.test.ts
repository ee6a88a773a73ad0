import { describe, expect, it } from "vitest";
import type { PlanSummary } from "../../../../src/contract/plans.ts";
import type { ReportRevisionView } from "../../../../src/contract/reports.ts";
import { comparable, pickPlan, wasReturned } from "./review-model.ts";

const plan = (id: number, state: PlanSummary["state"]) => ({ id, state }) as PlanSummary;
const rev = (revision: number, state: ReportRevisionView["state"]) =>
  ({ revision, state }) as ReportRevisionView;

describe("review", () => {
  it("opens the plan asked for, else the first published", () => {
    const plans = [plan(1, "draft"), plan(2, "published"), plan(3, "published")];
    expect(pickPlan(plans, 3)?.id).toBe(3);
    expect(pickPlan(plans, 9)?.id).toBe(2);
    expect(pickPlan(plans, null)?.id).toBe(2);
    expect(pickPlan([plan(1, "draft")], null)?.id).toBe(1);
    expect(pickPlan([], null)).toBeNull();
  });

  it("compares a resubmission with the returned revision first, never with drafts", () => {
    const revisions = [
      rev(1, "draft"),
      rev(2, "submitted"),
      rev(3, "returned"),
      rev(4, "draft"),
      rev(5, "submitted"),
    ];
    expect(comparable(revisions, rev(5, "submitted")).map((r) => r.revision)).toEqual([3, 2]);
    expect(comparable(revisions.slice(0, 2), rev(2, "submitted"))).toEqual([]);
    expect(wasReturned(revisions)).toBe(true);
    expect(wasReturned(revisions.slice(0, 2))).toBe(false);
  });
});
