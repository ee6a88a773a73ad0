// The pure part of the review page: which plan to review first, and which earlier revision the
// submitted one is compared with.
import type { PlanSummary } from "../../../../src/contract/plans.ts";
import type { ReportRevisionView } from "../../../../src/contract/reports.ts";

/** The plan asked for in the address, else the first published one, else the first. */
export function pickPlan(plans: readonly PlanSummary[], asked: number | null): PlanSummary | null {
  return plans.find((p) => p.id === asked) ?? plans.find((p) => p.state === "published") ?? plans[0] ?? null;
}

/**
 * The revisions the current one can be compared with: every earlier revision that somebody other
 * than its author saw (not drafts), newest first. The first is the default: after a return it is
 * the returned revision, so the planner sees what the department changed.
 */
export function comparable(
  revisions: readonly ReportRevisionView[],
  current: ReportRevisionView,
): ReportRevisionView[] {
  return revisions
    .filter((r) => r.revision < current.revision && r.state !== "draft")
    .sort((a, b) => b.revision - a.revision);
}

/** Whether a report has been sent back before (its revisions hold a return). */
export function wasReturned(revisions: readonly ReportRevisionView[]): boolean {
  return revisions.some((r) => r.state === "returned");
}
