// The leaders' cockpit (领导驾驶舱): the plan's status as of a date, cut the way a leader reads it —
// headline indicators with their trends, counts by status, completion by area and department, the red
// and yellow lists, the rankings (on targets, and on the tasks each department leads) — in one answer;
// and the trend of any one target against its schedule line. Everything is judged by plan-status.ts and
// the domain's task ranking (task-ranking.ts); this file only picks and orders.

import type {
  CockpitView,
  DepartmentTaskRankingView,
  TargetTrendView,
  TrendPointView,
} from "../contract/cockpit.ts";
import type { TargetStatusView } from "../contract/status.ts";
import type { Principal } from "../domain/access.ts";
import { laggingList, pickHeadline, scheduleValue } from "../domain/cockpit.ts";
import { evaluateAsOf, evaluatePeriod, type TargetStatus } from "../domain/evaluation.ts";
import { rankTaskDepartments } from "../domain/task-ranking.ts";
import {
  addDistricts,
  calendarOf,
  latestApproved,
  readingClock,
  reportedOf,
  ruleOf,
  statusOfWorld,
  type WorldTarget,
} from "./plan-status.ts";
import { mayReadRow } from "./report-visibility.ts";
import {
  type Db,
  loadPlanWorld,
  loadSubject,
  type PlanWorld,
  periodView,
  reportKey,
  revisionCutoff,
} from "./reporting-context.ts";
import { loadTaskWorld, timelineOf } from "./task-world.ts";

/** The titles of the outline nodes above a node, nearest first. */
function headingsOf(world: PlanWorld, nodeId: number | null): string[] {
  const out: string[] = [];
  let cursor = nodeId === null ? undefined : world.nodes.get(nodeId);
  // Outlines are shallow; the guard only stops a cycle in bad data.
  for (let guard = 0; cursor && guard < 20; guard++) {
    out.push(cursor.title);
    cursor = cursor.parentId === null ? undefined : world.nodes.get(cursor.parentId);
  }
  return out;
}

function isDirect(t: WorldTarget): boolean {
  const { kind, comparator } = t.row;
  if (kind === "milestone") return false;
  return kind === "rate" || comparator === "at_most" || comparator === "about" || comparator === "range";
}

/**
 * A target's periods as of the date: the approved value of each, the schedule line, each one judged;
 * a point names its report only to a `viewer` who may open it (src/services/report-visibility.ts).
 */
function trendOf(world: PlanWorld, t: WorldTarget, asOf: string, viewer?: Principal): TargetTrendView {
  const rule = ruleOf(t);
  const periods = calendarOf(world, t, asOf);
  const planned = world.planned.get(t.id) ?? {};
  const options = { thresholds: world.settings.thresholds, planned };
  const finalKey = periods[periods.length - 1]?.key;
  const cutoff = revisionCutoff(world, asOf);
  const limit = cutoff.length === 10 ? `${cutoff}T23:59:59.999Z` : cutoff;
  const points: TrendPointView[] = periods.map((p) => {
    const report = world.reports.get(reportKey(`target:${t.id}`, p.key));
    const approved = report ? latestApproved(world, report.id, asOf) : null;
    const reported = approved ? reportedOf(t, approved) : null;
    let status: TargetStatus;
    if (reported) status = evaluatePeriod(rule, reported, p, p.key === finalKey, options).status;
    // The period alone, as the evaluation endpoint judges it: missing once due, else not started.
    else status = evaluateAsOf(rule, [p], {}, p.end > asOf ? p.start : asOf, options).status;
    const known = report ? (world.revisions.get(report.id) ?? []).some((r) => r.created_at <= limit) : false;
    const readable =
      viewer === undefined ||
      (report !== undefined &&
        mayReadRow(viewer, { departmentId: report.department_id, subjectDepartmentIds: t.departmentIds }));
    return {
      period: periodView(p),
      value: reported ? (reported.done && t.row.kind === "milestone" ? 100 : reported.value) : null,
      expected: scheduleValue(rule, p.elapsedShare, planned[p.key]),
      status,
      reportId: report && known && readable ? report.id : null,
    };
  });
  return {
    targetId: t.id,
    planId: world.plan.id,
    asOf,
    subject: t.title,
    display: t.display ?? "",
    kind: t.row.kind,
    comparator: t.row.comparator,
    unit: t.row.unit,
    displayUnit: t.row.display_unit,
    goal: t.row.value,
    goal2: t.row.value2,
    baseline: t.row.baseline,
    line: isDirect(t) ? "target" : Object.keys(planned).length > 0 ? "planned" : "elapsed",
    points,
  };
}

function lagging(views: TargetStatusView[], status: "far_behind" | "behind"): TargetStatusView[] {
  return laggingList(
    views.map((view) => ({
      view,
      status: view.evaluation.status,
      gapPoints: view.evaluation.gapPoints,
      completion: view.evaluation.completion,
    })),
    status,
  ).map((x) => x.view);
}

/** Every department leading a task, ranked on its tasks as of the date. */
async function taskRankings(db: Db, world: PlanWorld, asOf: string): Promise<DepartmentTaskRankingView[]> {
  const tasks = await loadTaskWorld(db, world.plan.id, world.plan);
  const led = tasks.tasks.flatMap((entry) => {
    const id = entry.node.lead_department_id;
    if (id === null) return [];
    const name = tasks.names.departments.get(id)?.name ?? `#${id}`;
    return [{ departmentId: id, name, timeline: timelineOf(tasks, entry) }];
  });
  return rankTaskDepartments(led, asOf, tasks.lightSettings).map(({ departmentId, name, ...score }) => ({
    department: { id: departmentId, name },
    ...score,
  }));
}

/**
 * GET /api/plans/:id/cockpit — the cockpit as of the date (default: today; demo data: its date). The
 * figures are the record, every reader's; `viewer`: as trendOf. No viewer: the office's view.
 */
export async function planCockpit(
  db: Db,
  planId: number,
  asOfParam?: string,
  viewer?: Principal,
): Promise<CockpitView> {
  const { world, asOf } = readingClock(await loadPlanWorld(db, planId, { texts: false }), asOfParam);
  const status = statusOfWorld(world, asOf);
  await addDistricts(db, status.targets, asOf);
  const byId = new Map(world.targets.map((t) => [t.id, t]));
  const viewById = new Map(status.targets.map((v) => [v.targetId, v]));
  // Stopped (中止) targets are not judged (plan-status.ts), so none of them can be a headline.
  const headlineIds = pickHeadline(
    world.targets
      .filter((t) => t.row.stopped_at === null)
      .map((t) => ({ id: t.id, kind: t.row.kind, headings: headingsOf(world, t.row.node_id) })),
  );
  return {
    planId: world.plan.id,
    title: world.plan.title,
    asOf,
    period: status.period,
    demo: status.demo,
    thresholds: world.settings.thresholds,
    plan: status.plan,
    headline: headlineIds.map((id) => ({
      status: viewById.get(id) as TargetStatusView,
      trend: trendOf(world, byId.get(id) as WorldTarget, asOf, viewer),
    })),
    areas: status.areas,
    departments: status.departments,
    red: lagging(status.targets, "far_behind"),
    yellow: lagging(status.targets, "behind"),
    rankings: status.rankings,
    taskRankings: await taskRankings(db, world, asOf),
    targets: status.targets,
  };
}

/** GET /api/targets/:id/trend — one target's values per period against its schedule line (`viewer`: as trendOf). */
export async function targetTrend(
  db: Db,
  targetId: number,
  asOfParam?: string,
  viewer?: Principal,
): Promise<TargetTrendView> {
  const subject = await loadSubject(db, "target", targetId);
  const { world, asOf } = readingClock(await loadPlanWorld(db, subject.planId, { texts: false }), asOfParam);
  const t = world.targets.find((x) => x.id === targetId) as WorldTarget;
  return trendOf(world, t, asOf, viewer);
}
