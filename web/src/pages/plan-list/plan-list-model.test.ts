import { describe, expect, it } from "vitest";
import type { PlanSummary } from "../../../../src/contract/plans.ts";
import { sameTextPeers } from "./plan-list-model.ts";

const plan = (id: number, textSha256: string | null): PlanSummary => ({
  id,
  title: "南开区2020年国民经济和社会发展计划",
  regionName: "南开区",
  regionCode: null,
  year: 2020,
  periodStart: "2020-01-01",
  periodEnd: "2020-12-31",
  issuer: null,
  published: null,
  state: "draft",
  createdAt: `2020-03-0${id}T08:00:00.000Z`,
  counts: { sections: 0, areas: 0, groups: 0, tasks: 0, targets: 0, items: 0, milestones: 0 },
  fileName: `plan-${id}.txt`,
  textSha256,
  regionId: 1,
  isPublic: false,
});

describe("the plan list's duplicates", () => {
  it("names, for each plan of a text imported more than once, the others of that text, oldest first", () => {
    const peers = sameTextPeers([plan(5, "a"), plan(2, "b"), plan(3, "a"), plan(1, "a"), plan(4, null)]);
    expect([...peers.entries()].sort((x, y) => x[0] - y[0])).toEqual([
      [1, [3, 5]],
      [3, [1, 5]],
      [5, [1, 3]],
    ]);
  });

  it("marks nothing when every text is there once, or a plan has no source", () => {
    expect(sameTextPeers([plan(1, "a"), plan(2, "b"), plan(3, null), plan(4, null)]).size).toBe(0);
  });
});
