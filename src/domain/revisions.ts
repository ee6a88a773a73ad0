// Reports are never overwritten: each change is a revision. What a period's value is "as of" a date
// is the latest revision approved by then.

export type RevisionState = "draft" | "submitted" | "approved" | "returned";

/** A revision's state as the Chinese screens name it (草稿/待审/已通过/已退回), for Chinese messages. */
export const REVISION_STATE_ZH: Record<RevisionState, string> = {
  draft: "草稿",
  submitted: "待审",
  approved: "已通过",
  returned: "已退回",
};

export interface RevisionLike {
  revision: number;
  state: RevisionState;
  /** ISO timestamp at which the revision was approved, when it was. */
  approvedAt: string | null;
}

/** The latest revision approved at or before `asOf` (an ISO timestamp or date), or null. */
export function approvedAsOf<T extends RevisionLike>(revisions: readonly T[], asOf: string): T | null {
  return approvedAsOfBy(revisions, asOf, (r) => (r.state === "approved" ? r.approvedAt : null));
}

/**
 * The same rule over any rows, given when each was approved (null: it was not): judging a plan reads
 * thousands of revision rows, which are not copied into RevisionLike shapes first.
 */
export function approvedAsOfBy<T extends { revision: number }>(
  revisions: readonly T[],
  asOf: string,
  approvedAt: (r: T) => string | null,
): T | null {
  // A date alone means the end of that day.
  const limit = asOf.length === 10 ? `${asOf}T23:59:59.999Z` : asOf;
  let best: T | null = null;
  let bestAt = "";
  for (const r of revisions) {
    const at = approvedAt(r);
    if (at === null || at > limit) continue;
    if (!best || at > bestAt || (at === bestAt && r.revision > best.revision)) {
      best = r;
      bestAt = at;
    }
  }
  return best;
}
