// The plan list's duplicates (pure): plans made from the same text — the same file again, or the same
// words as .docx, .html or another encoding (the server's textSha256) — each told which others share it.

import type { PlanSummary } from "../../../../src/contract/plans.ts";

/** For each plan with a twin in the list: the ids of the other plans of the same text, oldest first. */
export function sameTextPeers(plans: readonly PlanSummary[]): Map<number, number[]> {
  const byText = new Map<string, number[]>();
  for (const p of plans) {
    if (p.textSha256 === null) continue;
    byText.set(p.textSha256, [...(byText.get(p.textSha256) ?? []), p.id]);
  }
  const out = new Map<number, number[]>();
  for (const ids of byText.values()) {
    if (ids.length < 2) continue;
    const sorted = [...ids].sort((a, b) => a - b);
    for (const id of sorted)
      out.set(
        id,
        sorted.filter((other) => other !== id),
      );
  }
  return out;
}
