import { describe, expect, it } from "vitest";
import type { FiveYearLinkSuggestionRow } from "../../../../src/contract/five-year.ts";
import { decisionsToSend, initialChoice } from "./link-model.ts";

function row(targetId: number, linked: number | null, candidates: number[]): FiveYearLinkSuggestionRow {
  return {
    targetId,
    subject: `指标${targetId}`,
    unit: "亿元",
    linkedIndicatorId: linked,
    candidates: candidates.map((id, i) => ({
      indicatorId: id,
      name: `五年指标${id}`,
      unit: "亿元",
      score: 1 - i / 10,
      reason: "名称相近，单位相同",
    })),
  };
}

describe("link suggestions", () => {
  it("starts each row at its link, else its best suggestion", () => {
    expect(initialChoice(row(1, 40, [41, 40]))).toBe(40);
    expect(initialChoice(row(2, null, [41, 40]))).toBe(41);
    expect(initialChoice(row(3, null, []))).toBeNull();
  });

  it("sends the accepted new links at once and unlinks the rejected linked ones", () => {
    const rows = [
      row(1, null, [40]),
      row(2, 41, [41]),
      row(3, 42, [42, 43]),
      row(4, null, [44]),
      row(5, null, [45]),
    ];
    const chosen: Record<number, number> = { 3: 43 };
    const sent = decisionsToSend(
      rows,
      { 1: "accept", 2: "accept", 3: "accept", 4: "reject", 5: "reject" },
      (r) => chosen[r.targetId] ?? initialChoice(r),
    );
    // Row 2 is accepted as it is linked already: nothing to send; row 3 changes to 43.
    expect(sent.links).toEqual([
      { targetId: 1, indicatorId: 40 },
      { targetId: 3, indicatorId: 43 },
    ]);
    expect(sent.unlink).toEqual([]);
    const rejected = decisionsToSend(rows, { 2: "reject", 1: "reject" }, initialChoice);
    expect(rejected).toEqual({ links: [], unlink: [2] });
  });

  it("sends nothing without decisions", () => {
    expect(decisionsToSend([row(1, null, [40])], {}, initialChoice)).toEqual({ links: [], unlink: [] });
  });
});
