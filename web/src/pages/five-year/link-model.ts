// The pure part of the link-suggestions screen: what each row starts with, and what the planner's
// decisions send (links to confirm in one request; links to remove, one by one).
import type { FiveYearLinkSuggestionRow } from "../../../../src/contract/five-year.ts";

export type Decision = "accept" | "reject";

/** The indicator a row starts with: the one linked now, else the best suggestion, else none. */
export function initialChoice(row: FiveYearLinkSuggestionRow): number | null {
  return row.linkedIndicatorId ?? row.candidates[0]?.indicatorId ?? null;
}

/**
 * Accepted rows whose choice differs from the link they have become links; rejected rows that are
 * linked now are unlinked; a rejected suggestion that was never linked sends nothing.
 */
export function decisionsToSend(
  rows: readonly FiveYearLinkSuggestionRow[],
  decisions: Readonly<Record<number, Decision>>,
  chosenOf: (row: FiveYearLinkSuggestionRow) => number | null,
): { links: { targetId: number; indicatorId: number }[]; unlink: number[] } {
  const links: { targetId: number; indicatorId: number }[] = [];
  const unlink: number[] = [];
  for (const row of rows) {
    const decision = decisions[row.targetId];
    const chosen = chosenOf(row);
    if (decision === "accept" && chosen !== null && chosen !== row.linkedIndicatorId) {
      links.push({ targetId: row.targetId, indicatorId: chosen });
    }
    if (decision === "reject" && row.linkedIndicatorId !== null) unlink.push(row.targetId);
  }
  return { links, unlink };
}
