// What the cockpit page computes from the cockpit answer: which targets a clicked figure stands for,
// which target the trend shows first, and which plan a leader lands on. Pure.
import type { CockpitView } from "../../../../src/contract/cockpit.ts";
import type { PlanSummary } from "../../../../src/contract/plans.ts";
import type { TargetStatus } from "../../../../src/contract/reports.ts";
import type { TargetStatusView } from "../../../../src/contract/status.ts";

/** A figure standing for several targets: a status count, an area's bar, a department's bar or row. */
export type ListDrill =
  | { kind: "status"; status: TargetStatus }
  | { kind: "area"; id: number; title: string }
  | { kind: "department"; id: number; title: string };

/** What a click on a figure opens: the targets behind it, or one target (remembering the list it came from). */
export type Drill = ListDrill | { kind: "target"; id: number; from?: ListDrill };

/** The targets a list drill stands for, in plan order. */
export function drillTargets(view: CockpitView, drill: Drill): TargetStatusView[] {
  switch (drill.kind) {
    case "status":
      return view.targets.filter((t) => t.evaluation.status === drill.status);
    case "area":
      return view.targets.filter((t) => t.areaId === drill.id);
    case "department":
      return view.targets.filter((t) => t.department?.id === drill.id);
    case "target":
      return view.targets.filter((t) => t.targetId === drill.id);
  }
}

/** The trend shown first: the first headline indicator, else the furthest-behind target, else the first. */
export function defaultTrendTarget(view: CockpitView): number | null {
  return (
    view.headline[0]?.status.targetId ??
    view.red[0]?.targetId ??
    view.yellow[0]?.targetId ??
    view.targets[0]?.targetId ??
    null
  );
}

/**
 * The plan a leader lands on: the newest published annual plan (by year, then the latest imported),
 * else any; a five-year plan only when there is no annual one (it has a cockpit of its own).
 */
export function landingPlan(plans: readonly PlanSummary[]): PlanSummary | null {
  const rank = (p: PlanSummary) => (p.state === "published" ? 2 : p.state === "closed" ? 1 : 0);
  const annual = (p: PlanSummary) => (p.kind === "five_year" ? 0 : 1);
  const sorted = [...plans].sort(
    (a, b) =>
      annual(b) - annual(a) ||
      rank(b) - rank(a) ||
      (b.year ?? 0) - (a.year ?? 0) ||
      b.createdAt.localeCompare(a.createdAt) ||
      b.id - a.id,
  );
  return sorted[0] ?? null;
}
