import { describe, expect, it } from "vitest";
import type { CockpitView } from "../../../../src/contract/cockpit.ts";
import type { PlanSummary } from "../../../../src/contract/plans.ts";
import type { TargetStatusView } from "../../../../src/contract/status.ts";
import { defaultTrendTarget, drillTargets, landingPlan } from "./cockpit-model.ts";

function target(
  id: number,
  status: TargetStatusView["evaluation"]["status"],
  areaId: number | null,
  dept: number | null,
) {
  return {
    targetId: id,
    areaId,
    department: dept === null ? null : { id: dept, name: `单位${dept}` },
    evaluation: { status },
  } as TargetStatusView;
}

function cockpit(partial: Partial<CockpitView>): CockpitView {
  return {
    targets: [
      target(1, "on_track", 10, 100),
      target(2, "far_behind", 10, 200),
      target(3, "behind", 11, 100),
      target(4, "far_behind", null, null),
    ],
    headline: [],
    red: [],
    yellow: [],
    ...partial,
  } as CockpitView;
}

describe("cockpit drill-down", () => {
  it("finds the targets behind a status count, an area bar and a department bar", () => {
    const view = cockpit({});
    expect(drillTargets(view, { kind: "status", status: "far_behind" }).map((t) => t.targetId)).toEqual([
      2, 4,
    ]);
    expect(drillTargets(view, { kind: "area", id: 10, title: "甲" }).map((t) => t.targetId)).toEqual([1, 2]);
    expect(
      drillTargets(view, { kind: "department", id: 100, title: "单位100" }).map((t) => t.targetId),
    ).toEqual([1, 3]);
    expect(drillTargets(view, { kind: "status", status: "completed" })).toEqual([]);
  });

  it("shows the first headline indicator's trend first, else the furthest behind", () => {
    const t4 = target(4, "far_behind", null, null);
    expect(
      defaultTrendTarget(
        cockpit({ headline: [{ status: target(9, "on_track", null, null) }] as CockpitView["headline"] }),
      ),
    ).toBe(9);
    expect(defaultTrendTarget(cockpit({ red: [t4] }))).toBe(4);
    expect(defaultTrendTarget(cockpit({}))).toBe(1);
    expect(defaultTrendTarget(cockpit({ targets: [] }))).toBeNull();
  });
});

describe("the leader's landing plan", () => {
  const plan = (id: number, state: PlanSummary["state"], year: number, createdAt: string) =>
    ({ id, state, year, createdAt }) as PlanSummary;

  it("prefers the newest published plan", () => {
    expect(
      landingPlan([
        plan(1, "published", 2020, "2020-03-01"),
        plan(2, "draft", 2021, "2021-01-01"),
        plan(3, "published", 2021, "2021-02-01"),
        plan(4, "published", 2021, "2021-01-15"),
      ])?.id,
    ).toBe(3);
    expect(landingPlan([plan(2, "draft", 2021, "2021-01-01")])?.id).toBe(2);
    expect(landingPlan([])).toBeNull();
  });

  it("lands on an annual plan rather than a five-year plan, which has its own cockpit", () => {
    const fiveYear = { ...plan(5, "published", 2021, "2022-01-01"), kind: "five_year" as const };
    const annual = { ...plan(1, "published", 2020, "2020-03-01"), kind: "annual" as const };
    expect(landingPlan([fiveYear, annual])?.id).toBe(1);
    expect(landingPlan([fiveYear])?.id).toBe(5);
  });
});
