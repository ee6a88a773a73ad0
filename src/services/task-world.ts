// What every task use case needs to know about a plan's tasks, read once: the plan and its settings
// (frequency, due day, the task settings the lights use), the outline above each task, the task rows,
// their 节点, their progress reports (reports of subject task) with revisions, pending adjustments and
// the departments' names. The presenter turns it into views; the steps into the domain's facts.

import type { TaskSettingsView } from "../contract/tasks.ts";
import {
  listNodeCoDepartmentIds,
  listNodeCoDepartmentPairsOfPlan,
  listNodeRowsOfPlan,
} from "../db/outline-nodes-repository.ts";
import { parsePlanSettings } from "../db/plan-settings-repository.ts";
import {
  listReportsBySubject,
  listReportsOfPlanFiltered,
  listRevisions,
  type ReportRow,
  type RevisionRow,
} from "../db/reports-repository.ts";
import type { OutlineNodeRow, PlanRow } from "../db/schema.ts";
import {
  type AdjustmentRow,
  getTaskRow,
  listAdjustmentsOfPlan,
  listAdjustmentsOfTask,
  listMilestones,
  listMilestonesOfPlan,
  listTaskRowsOfPlan,
  type MilestoneRow,
  type TaskRow,
} from "../db/tasks-repository.ts";
import type { Frequency, ReportingPeriod } from "../domain/periods.ts";
import type { TaskLightSettings, TaskTimeline } from "../domain/task-lights.ts";
import { lightSettingsOf, taskSettingsOf } from "../domain/task-settings.ts";
import type { TaskFacts, TaskState } from "../domain/task-states.ts";
import { checkAsOf, defaultAsOf } from "./plan-status.ts";
import {
  type Db,
  loadNames,
  type Names,
  periodsOf,
  requirePlan,
  settingsOfPlan,
} from "./reporting-context.ts";

export interface TaskEntry {
  node: OutlineNodeRow;
  row: TaskRow | null;
  coDepartmentIds: number[];
  milestones: MilestoneRow[];
  /** The task's reports (one per period), oldest period first, each with its revisions. */
  reports: { report: ReportRow; revisions: RevisionRow[] }[];
  pendingAdjustments: number;
  path: { id: number; title: string }[];
}

export interface TaskWorld {
  plan: PlanRow;
  frequency: Frequency;
  dueDay: number;
  settings: TaskSettingsView;
  lightSettings: TaskLightSettings;
  tasks: TaskEntry[];
  byId: Map<number, TaskEntry>;
  names: Names;
  /**
   * Demo data read without a date: judged as of the demo's fixed day, but what people did since (a
   * 签收, a report made while trying it) counts as done by that day, as the plan's status does.
   */
  demoClock: boolean;
}

/** The headings above each node (area first, nearest last), from the parent links. */
function pathsOf(nodes: readonly OutlineNodeRow[]): Map<number, { id: number; title: string }[]> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<number, { id: number; title: string }[]>();
  for (const n of nodes) {
    const path: { id: number; title: string }[] = [];
    const seen = new Set<number>();
    let p = n.parent_id === null ? undefined : byId.get(n.parent_id);
    while (p && !seen.has(p.id)) {
      seen.add(p.id);
      if (p.kind === "area" || p.kind === "group") path.unshift({ id: p.id, title: p.title });
      p = p.parent_id === null ? undefined : byId.get(p.parent_id);
    }
    out.set(n.id, path);
  }
  return out;
}

function group<T>(rows: readonly T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Everything about a plan's tasks, in a handful of queries whatever the number of tasks. */
/** What a step on one task needs: that task's rows only (the outline still whole, for its path). */
async function oneTaskRows(db: Db, planId: number, nodeId: number) {
  const [row, milestones, co, reports, pending] = await Promise.all([
    getTaskRow(db, nodeId),
    listMilestones(db, nodeId),
    listNodeCoDepartmentIds(db, nodeId),
    listReportsBySubject(db, { type: "task", id: nodeId }),
    listAdjustmentsOfTask(db, nodeId),
  ]);
  return {
    rows: row ? [row] : [],
    milestones,
    coPairs: co.map((department_id) => ({ owner: nodeId, department_id })),
    reports: reports.filter((r) => r.plan_id === planId),
    pending: pending.filter((a) => a.state === "pending"),
  };
}

async function planTaskRows(db: Db, planId: number) {
  const [rows, milestones, coPairs, reports, pending] = await Promise.all([
    listTaskRowsOfPlan(db, planId),
    listMilestonesOfPlan(db, planId),
    listNodeCoDepartmentPairsOfPlan(db, planId),
    listReportsOfPlanFiltered(db, planId, { subjectType: "task" }),
    listAdjustmentsOfPlan(db, planId, "pending"),
  ]);
  return { rows, milestones, coPairs, reports, pending };
}

/**
 * Everything about a plan's tasks, in a handful of queries whatever the number of tasks; with `only`,
 * the facts of that one task (a step on it reads no other task's reports).
 */
export async function loadTaskWorld(
  db: Db,
  planId: number,
  plan?: PlanRow,
  only?: number,
): Promise<TaskWorld> {
  const planRow = plan ?? (await requirePlan(db, planId));
  const planSettings = settingsOfPlan(planRow);
  const settings = taskSettingsOf(parsePlanSettings(planRow.settings));
  const [allNodes, { rows, milestones, coPairs, reports, pending }] = await Promise.all([
    listNodeRowsOfPlan(db, planId),
    only === undefined ? planTaskRows(db, planId) : oneTaskRows(db, planId, only),
  ]);
  const nodes = allNodes;
  const revisions = group(
    await listRevisions(
      db,
      reports.map((r) => r.id),
    ),
    (r) => r.report_id,
  );
  const rowBy = new Map(rows.map((r) => [r.node_id, r]));
  const msBy = group(milestones, (m) => m.node_id);
  const coBy = group(coPairs, (p) => p.owner);
  const reportsBy = group(reports, (r) => r.node_id ?? 0);
  const pendingBy = group(pending, (a: AdjustmentRow) => a.node_id);
  const paths = pathsOf(nodes);
  const tasks: TaskEntry[] = nodes
    .filter((n) => n.kind === "task" && (only === undefined || n.id === only))
    .map((node) => ({
      node,
      row: rowBy.get(node.id) ?? null,
      coDepartmentIds: (coBy.get(node.id) ?? []).map((p) => p.department_id),
      milestones: msBy.get(node.id) ?? [],
      reports: (reportsBy.get(node.id) ?? [])
        .map((report) => ({ report, revisions: revisions.get(report.id) ?? [] }))
        .sort((a, b) => a.report.period_end.localeCompare(b.report.period_end)),
      pendingAdjustments: (pendingBy.get(node.id) ?? []).length,
      path: paths.get(node.id) ?? [],
    }));
  const userIds = tasks.flatMap((t) => t.reports.flatMap((r) => r.revisions.map((v) => v.author_id)));
  const departmentIds = tasks.flatMap((t) => [t.node.lead_department_id, ...t.coDepartmentIds]);
  return {
    plan: planRow,
    frequency: planSettings.frequency,
    dueDay: planSettings.dueDay,
    settings,
    lightSettings: lightSettingsOf(settings),
    tasks,
    byId: new Map(tasks.map((t) => [t.node.id, t])),
    names: await loadNames(db, userIds, departmentIds),
    demoClock: false,
  };
}

/** The day tasks are judged as of, and the world read for it (the demo's clock when no date is asked). */
export function taskReading(world: TaskWorld, asOfParam?: string | null) {
  const settings = settingsOfPlan(world.plan);
  // The same clock as the plan's status (plan-status.ts): the date asked, else today or the demo's day.
  const asOf = checkAsOf(asOfParam ?? undefined, defaultAsOf({ settings }));
  const demoClock = !asOfParam && settings.demo && settings.demoAsOf !== null;
  return { world: demoClock ? { ...world, demoClock: true } : world, asOf };
}

export function taskFrequency(world: Pick<TaskWorld, "frequency">, entry: TaskEntry): Frequency {
  return entry.row?.frequency ?? world.frequency;
}

export function taskPeriods(world: TaskWorld, entry: TaskEntry): ReportingPeriod[] {
  return periodsOf(world.plan, taskFrequency(world, entry), world.dueDay);
}

export const stateOf = (entry: TaskEntry): TaskState => entry.row?.state ?? "assigned";

/** The facts the lifecycle judges a step on. */
export function taskFactsOf(entry: TaskEntry): TaskFacts {
  return {
    state: stateOf(entry),
    title: entry.node.title,
    deadline: entry.row?.deadline ?? null,
    milestones: entry.milestones.map((m) => ({ id: m.id, name: m.name, due: m.due, doneOn: m.done_on })),
  };
}

/** The day a revision was written (its timestamp's date). */
const dayOf = (iso: string) => iso.slice(0, 10);
/** The dates of the life are kept as timestamps (or days); the lights judge by day. */
export const dayOrNull = (value: string | null | undefined) => (value ? value.slice(0, 10) : null);

/** By period: the day its first submitted progress report came (a draft is not a report). */
export function reportedOnOf(entry: TaskEntry): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { report, revisions } of entry.reports) {
    const first = revisions.find((r) => r.state === "submitted" || r.state === "approved");
    if (first) out[report.period] = dayOf(first.created_at);
  }
  return out;
}

/** The facts the lights judge on (as of `asOf`; on the demo's clock later facts count by then). */
export function timelineOf(world: TaskWorld, entry: TaskEntry, asOf?: string): TaskTimeline {
  const t = rawTimelineOf(world, entry);
  if (!world.demoClock || asOf === undefined) return t;
  const by = (d: string | null | undefined) => (d && d > asOf ? asOf : (d ?? null));
  return {
    ...t,
    acknowledgedOn: by(t.acknowledgedOn),
    closeRequestedOn: by(t.closeRequestedOn),
    closedOn: by(t.closedOn),
    stoppedOn: by(t.stoppedOn),
    milestones: t.milestones.map((m) => ({ ...m, doneOn: by(m.doneOn) })),
    reportedOn: Object.fromEntries(Object.entries(t.reportedOn).map(([k, v]) => [k, by(v) ?? undefined])),
  };
}

function rawTimelineOf(world: TaskWorld, entry: TaskEntry): TaskTimeline {
  const row = entry.row;
  return {
    // A draft plan's tasks are not assigned yet, whatever a row says.
    assignedOn: world.plan.state === "draft" ? null : dayOrNull(row?.assigned_at ?? world.plan.published_on),
    acknowledgedOn: dayOrNull(row?.acknowledged_at),
    closeRequestedOn: row?.state === "close_requested" ? dayOrNull(row.close_requested_at) : null,
    closedOn: dayOrNull(row?.closed_at),
    stoppedOn: dayOrNull(row?.stopped_at),
    stoppedReason: row?.stopped_reason ?? null,
    deadline: row?.deadline ?? null,
    milestones: entry.milestones.map((m) => ({ name: m.name, due: m.due, doneOn: m.done_on })),
    periods: taskPeriods(world, entry),
    reportedOn: reportedOnOf(entry),
  };
}
