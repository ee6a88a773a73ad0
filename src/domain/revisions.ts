// Reports are never overwritten: each change is a revision. What a period's value is "as of" a date
// is the latest revision approved by then.

export type RevisionState = "draft" | "submitted" | "approved" | "returned";

export interface RevisionLike {
  revision: number;
  state: RevisionState;
  /** ISO timestamp at which the revision was approved, when it was. */
  approvedAt: string | null;
}

/** The latest revision approved at or before `asOf` (an ISO timestamp or date), or null. */
export function approvedAsOf<T extends RevisionLike>(revisions: readonly T[], asOf: string): T | null {
  let best: T | null = null;
  for (const r of revisions) {
    if (r.state !== "approved" || r.approvedAt === null) continue;
    // A date alone means the end of that day.
    const limit = asOf.length === 10 ? `${asOf}T23:59:59.999Z` : asOf;
    if (r.approvedAt > limit) continue;
    if (
      !best ||
      r.approvedAt > (best.approvedAt as string) ||
      (r.approvedAt === best.approvedAt && r.revision > best.revision)
    ) {
      best = r;
    }
  }
  return best;
}
