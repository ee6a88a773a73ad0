// What every reporting use case needs to know about a plan, read once: its settings (thresholds,
// frequency, due day), its subjects (targets, tasks, items) with their departments and calendars, the
// reports with their revisions, the requests for more time; and the JSON views built from them.

import type { Kysely } from "kysely";
import type { DepartmentRef, UserRef } from "../contract/common.ts";
import type { PlanSettingsView } from "../contract/plans.ts";
import type { ReminderView } from "../contract/reminders.ts";
import type {
  ExtensionRequestView,
  PeriodView,
  ReportRevisionView,
  ReportSubjectKind,
  ReportSubjectRef,
  ReportView,
  StatusWord,
} from "../contract/reports.ts";
import { type ExtensionRow, listExtensions } from "../db/extensions-repository.ts";
import { getItemRow, listItemRowsOfPlan } from "../db/items-repository.ts";
import { listNames } from "../db/names-repository.ts";
import {
  getNodeRow,
  listNodeBriefsOfPlan,
  listNodeCoDepartmentIds,
  listNodeCoDepartments,
} from "../db/outline-nodes-repository.ts";
import { parsePlanSettings, readPlanSettings } from "../db/plan-settings-repository.ts";
import { listPlannedValues } from "../db/planned-values-repository.ts";
import { getPlanRow } from "../db/plans-repository.ts";
import { listRegionLinks } from "../db/regions-repository.ts";
import type { ReminderRow } from "../db/reminders-repository.ts";
import {
  listReportsOfPlan,
  listRevisions,
  type ReportRow,
  type RevisionRow,
  subjectKeyOf,
} from "../db/reports-repository.ts";
import type { Database, PlanRow, ReportSubject, TargetRow } from "../db/schema.ts";
import {
  getTargetWithPlan,
  listTargetCoDepartments,
  listTargetRowsOfPlan,
} from "../db/targets-repository.ts";
import { getTaskRow, listTaskRowsOfPlan } from "../db/tasks-repository.ts";
import { canEditPlan, type Principal, regionScope, scopeNeedsRegions } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { DEFAULT_THRESHOLDS, type Thresholds } from "../domain/evaluation.ts";
import { type Frequency, type ReportingPeriod, reportingPeriods } from "../domain/periods.ts";
import { statementZh } from "../domain/target-statement.ts";
import { taskSettingsOf } from "../domain/task-settings.ts";
import type { TaskState } from "../domain/task-states.ts";
import { storedFrame } from "../reports/progress-frame.ts";
import { storedWarnings } from "./report-plausibility.ts";

export type Db = Kysely<Database>;

export const STATUS_WORDS: readonly StatusWord[] = ["未启动", "推进中", "已完成", "受阻"];

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** “报告 105 不存在” to a Chinese reader, “report 105 not found” to an English one. */
export function notFound(zh: string, en: string, id: number | string): AppError {
  return new AppError(
    "not_found",
    { zh: `${zh} ${id} 不存在`, en: `${en} ${id} not found` },
    { entity: en, id },
  );
}

// ── Settings ───────────────────────────────────────────────────────────────────────────────────

export function settingsOf(raw: Record<string, unknown>): PlanSettingsView {
  const t = (raw.thresholds ?? {}) as Partial<Thresholds>;
  const num = (v: unknown, d: number) => (typeof v === "number" && Number.isFinite(v) ? v : d);
  return {
    thresholds: {
      behindPoints: num(t.behindPoints, DEFAULT_THRESHOLDS.behindPoints),
      farBehindPoints: num(t.farBehindPoints, DEFAULT_THRESHOLDS.farBehindPoints),
      rateShortfallShare: num(t.rateShortfallShare, DEFAULT_THRESHOLDS.rateShortfallShare),
      aboutRatePoints: num(t.aboutRatePoints, DEFAULT_THRESHOLDS.aboutRatePoints),
      aboutShare: num(t.aboutShare, DEFAULT_THRESHOLDS.aboutShare),
    },
    frequency: raw.frequency === "quarterly" ? "quarterly" : "monthly",
    dueDay: Math.round(num(raw.dueDay, 5)),
    demo: raw.demo === true,
    demoAsOf: typeof raw.demoAsOf === "string" ? raw.demoAsOf : null,
    document: storedFrame(raw.document),
    tasks: taskSettingsOf(raw),
  };
}

/** The settings of a plan row already read (its settings column), without reading them again. */
export function settingsOfPlan(plan: PlanRow): PlanSettingsView {
  return settingsOf(parsePlanSettings(plan.settings));
}

// ── Subjects ───────────────────────────────────────────────────────────────────────────────────

export const KIND_TO_DB: Record<ReportSubjectKind, ReportSubject> = {
  target: "target",
  node: "task",
  item: "item",
};
export const DB_TO_KIND: Record<ReportSubject, ReportSubjectKind> = {
  target: "target",
  task: "node",
  item: "item",
};

export interface Subject {
  kind: ReportSubjectKind;
  id: number;
  planId: number;
  title: string;
  display: string | null;
  /** A target as the plan states it (新增就业4万人, 控制在5.5%以内); null for tasks and items. */
  statement: string | null;
  targetKind: "cumulative" | "level" | "rate" | "milestone" | null;
  unit: string | null;
  displayUnit: string | null;
  frequency: Frequency;
  /** The reporting department (lead), then the co-operating ones. */
  leadDepartmentId: number | null;
  departmentIds: number[];
  /** A task's place in its life (closed and stopped tasks owe no more reports); undefined otherwise. */
  taskState?: TaskState;
  /** A target's 中止 (migration 0010): when it was stopped, and it owes no more reports; null: it runs. */
  stoppedAt?: string | null;
  /** A target's value (the first of a range) in its base unit: what plausibility compares with. */
  targetValue?: number | null;
  /** Where it sits in the outline: a task is its own node, an item its task's (set by loadPlanWorld). */
  nodeId?: number | null;
}

export function subjectKey(s: { kind: ReportSubjectKind; id: number }): string {
  return subjectKeyOf({ type: KIND_TO_DB[s.kind], id: s.id });
}

export function subjectRef(s: Subject): ReportSubjectRef {
  return {
    kind: s.kind,
    id: s.id,
    title: s.title,
    display: s.display,
    statement: s.statement,
    targetKind: s.targetKind,
    unit: s.unit,
    displayUnit: s.displayUnit,
  };
}

export async function loadSubject(
  db: Db,
  kind: ReportSubjectKind,
  id: number,
  settings?: PlanSettingsView,
): Promise<Subject> {
  const planSettings = async (planId: number) =>
    settings ?? settingsOf((await readPlanSettings(db, planId)) ?? {});
  if (kind === "target") return (await loadSubjectWithPlan(db, kind, id)).subject;
  if (kind === "node") {
    const n = await getNodeRow(db, id);
    if (n?.kind !== "task") throw notFound("任务", "task", id);
    const co = await listNodeCoDepartmentIds(db, id);
    const task = await getTaskRow(db, id);
    return {
      kind,
      id,
      planId: n.plan_id,
      title: n.title,
      display: null,
      statement: null,
      targetKind: null,
      unit: null,
      displayUnit: null,
      frequency: task?.frequency ?? (await planSettings(n.plan_id)).frequency,
      leadDepartmentId: n.lead_department_id,
      taskState: task?.state ?? "assigned",
      departmentIds: unique([n.lead_department_id, ...co]),
    };
  }
  const item = await getItemRow(db, id);
  if (!item) throw notFound("项目", "item", id);
  return {
    kind,
    id,
    planId: item.plan_id,
    title: item.name,
    display: null,
    statement: null,
    targetKind: null,
    unit: null,
    displayUnit: null,
    frequency: (await planSettings(item.plan_id)).frequency,
    leadDepartmentId: item.lead_department_id,
    departmentIds: unique([item.lead_department_id]),
  };
}

/**
 * A subject and its plan; a target's come in one round trip (the submission path), with whether any
 * request for more time names it.
 */
export async function loadSubjectWithPlan(
  db: Db,
  kind: ReportSubjectKind,
  id: number,
  options: { previousBefore?: string } = {},
): Promise<{ subject: Subject; plan: PlanRow; hasExtensions?: boolean; previousValue?: number | null }> {
  if (kind !== "target") {
    const subject = await loadSubject(db, kind, id);
    return { subject, plan: await requirePlan(db, subject.planId) };
  }
  const found = await getTargetWithPlan(db, id, options);
  if (!found) throw notFound("指标", "target", id);
  const { row, coDepartmentIds, plan, hasExtensions, previousValue } = found;
  return { subject: targetSubject(row, coDepartmentIds), plan, hasExtensions, previousValue };
}

/** A target as a reporting subject: its lead department first, then the co-operating ones. */
function targetSubject(t: TargetRow, coDepartmentIds: readonly number[]): Subject {
  return {
    kind: "target",
    id: t.id,
    planId: t.plan_id,
    title: t.subject,
    display: t.display,
    // The row holds every field the statement is built from.
    statement: statementZh(t),
    targetKind: t.kind,
    unit: t.unit,
    displayUnit: t.display_unit,
    frequency: t.frequency ?? "monthly",
    leadDepartmentId: t.lead_department_id,
    departmentIds: unique([t.lead_department_id, ...coDepartmentIds]),
    stoppedAt: t.stopped_at,
    targetValue: t.value,
  };
}

function unique(ids: (number | null)[]): number[] {
  return [...new Set(ids.filter((x): x is number => x !== null))];
}

export function periodsOf(plan: PlanRow, frequency: Frequency, dueDay: number): ReportingPeriod[] {
  return reportingPeriods(plan.period_start, plan.period_end, frequency, dueDay);
}

export function periodView(p: ReportingPeriod, due: string = p.due): PeriodView {
  return { key: p.key, start: p.start, end: p.end, due, elapsedShare: p.elapsedShare, index: p.index };
}

/** The period key of this frequency that a date falls in (2020-04, 2020-Q2). */
export function periodKeyFor(date: string, frequency: Frequency): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  return frequency === "monthly" ? date.slice(0, 7) : `${y}-Q${Math.ceil(m / 3)}`;
}

// ── Who ───────────────────────────────────────────────────────────────────────────────────────

export async function mayEditPlan(db: Db, user: Principal, plan: PlanRow): Promise<boolean> {
  if (user.role === "admin") return true;
  if (user.role !== "planner") return false;
  const regions = scopeNeedsRegions(user) ? await listRegionLinks(db) : [];
  return canEditPlan(user, { regionId: plan.region_id, state: plan.state }, regionScope(user, regions));
}

/** Reporters of the lead or a co-operating department; planners in scope and admins on their behalf. */
export async function maySaveReport(
  db: Db,
  user: Principal,
  plan: PlanRow,
  subject: Subject,
): Promise<boolean> {
  if (user.role === "reporter")
    return user.departmentId !== null && subject.departmentIds.includes(user.departmentId);
  return mayEditPlan(db, user, plan);
}

export async function requirePlan(db: Db, planId: number): Promise<PlanRow> {
  const plan = await getPlanRow(db, planId);
  if (!plan) throw notFound("计划", "plan", planId);
  return plan;
}

// ── Names ──────────────────────────────────────────────────────────────────────────────────────

export interface Names {
  users: Map<number, UserRef>;
  departments: Map<number, DepartmentRef>;
}

/**
 * The names of these users and departments. `asker`'s own name and department come from the session
 * and are not read again (a department's answer to its own save names only them).
 */
export async function loadNames(
  db: Db,
  userIds: Iterable<number | null>,
  departmentIds: Iterable<number | null>,
  asker?: Principal,
): Promise<Names> {
  const names: Names = { users: new Map(), departments: new Map() };
  const known = asker?.names;
  if (asker && known) {
    names.users.set(asker.id, { id: asker.id, username: known.username, displayName: known.displayName });
    if (asker.departmentId !== null && known.departmentName !== null)
      names.departments.set(asker.departmentId, { id: asker.departmentId, name: known.departmentName });
  }
  const u = unique([...userIds]).filter((id) => !names.users.has(id));
  const d = unique([...departmentIds]).filter((id) => !names.departments.has(id));
  const { users, departments } = await listNames(db, u, d);
  for (const r of users)
    names.users.set(r.id, { id: r.id, username: r.username, displayName: r.display_name ?? r.username });
  for (const r of departments) names.departments.set(r.id, { id: r.id, name: r.name });
  return names;
}

// ── Views ──────────────────────────────────────────────────────────────────────────────────────

/** Revisions of one report, oldest first, as views (submitted/approved times follow the chain). */
export function revisionViews(rows: readonly RevisionRow[], names: Names): ReportRevisionView[] {
  const out: ReportRevisionView[] = [];
  let submittedAt: string | null = null;
  for (const r of rows) {
    if (r.state === "submitted") submittedAt = r.created_at;
    else if (r.state === "draft") submittedAt = null;
    out.push({
      revision: r.revision,
      state: r.state,
      value: r.value,
      percent: r.percent,
      statusWord: (STATUS_WORDS as readonly string[]).includes(r.status_word ?? "")
        ? (r.status_word as StatusWord)
        : null,
      progress: r.progress ?? "",
      problems: r.problems ?? "",
      nextSteps: r.next_steps ?? "",
      returnReason: r.return_reason,
      author: r.author_id === null ? null : (names.users.get(r.author_id) ?? null),
      createdAt: r.created_at,
      submittedAt: r.state === "draft" ? null : submittedAt,
      approvedAt: r.state === "approved" ? r.created_at : null,
      warnings: storedWarnings(r.warnings),
    });
  }
  return out;
}

/** When the report was first submitted (or approved directly), among revisions made by `asOf`. */
export function firstSubmittedAt(rows: readonly RevisionRow[], asOf?: string): string | null {
  const limit = asOf === undefined ? null : asOf.length === 10 ? `${asOf}T23:59:59.999Z` : asOf;
  for (const r of rows) {
    if (limit !== null && r.created_at > limit) break;
    if (r.state === "submitted" || r.state === "approved") return r.created_at;
  }
  return null;
}

export function isLate(first: string | null, due: string, asOf: string): boolean {
  return first === null ? asOf > due : first.slice(0, 10) > due;
}

/** The due date in force: the latest granted extension decided by `asOf`, or the calendar's. */
export function dueInForce(
  extensions: readonly ExtensionRow[],
  key: string,
  period: string,
  calendarDue: string,
  asOf?: string,
): string {
  let due = calendarDue;
  let decided = "";
  for (const e of extensions) {
    if (e.state !== "granted" || e.period !== period || extensionKey(e) !== key || !e.decided_at) continue;
    if (asOf !== undefined && e.decided_at.slice(0, 10) > asOf) continue;
    if (e.decided_at >= decided) {
      decided = e.decided_at;
      due = e.requested_due_date;
    }
  }
  return due;
}

export function extensionKey(e: ExtensionRow): string {
  if (e.target_id !== null) return `target:${e.target_id}`;
  if (e.node_id !== null) return `task:${e.node_id}`;
  return `item:${e.item_id}`;
}

export function buildReportView(
  report: ReportRow,
  revisions: readonly RevisionRow[],
  subject: Subject,
  period: ReportingPeriod | undefined,
  due: string,
  names: Names,
  asOf: string = today(),
): ReportView {
  const views = revisionViews(revisions, names);
  const latest = views[views.length - 1];
  if (!latest)
    throw new AppError("internal", {
      zh: `报告 ${report.id} 没有修订`,
      en: `report ${report.id} has no revision`,
    });
  let approved: ReportRevisionView | null = null;
  for (const v of views) if (v.state === "approved") approved = v;
  const first = firstSubmittedAt(revisions);
  const p: PeriodView = period
    ? periodView(period, due)
    : {
        key: report.period,
        start: report.period_end,
        end: report.period_end,
        due,
        elapsedShare: 0,
        index: 0,
      };
  return {
    id: report.id,
    planId: report.plan_id,
    subject: subjectRef(subject),
    period: p,
    department: report.department_id === null ? null : (names.departments.get(report.department_id) ?? null),
    state: report.state,
    latest,
    approved,
    revisionCount: views.length,
    dueDate: due,
    late: isLate(first, due, asOf),
    firstSubmittedAt: first,
    updatedAt: report.updated_at,
    warnings: latest.warnings,
  };
}

export function extensionView(
  e: ExtensionRow,
  subject: ReportSubjectRef,
  names: Names,
): ExtensionRequestView {
  return {
    id: e.id,
    planId: e.plan_id,
    department: names.departments.get(e.department_id) ?? { id: e.department_id, name: "" },
    subject,
    period: e.period ?? "",
    reason: e.reason,
    requestedDueDate: e.requested_due_date,
    state: e.state,
    requestedBy: e.requested_by === null ? null : (names.users.get(e.requested_by) ?? null),
    createdAt: e.created_at,
    decidedBy: e.decided_by === null ? null : (names.users.get(e.decided_by) ?? null),
    decidedAt: e.decided_at,
    decisionNote: e.decision_note,
  };
}

export function reminderView(r: ReminderRow, names: Names): ReminderView {
  const delivery = r.delivery === "webhook_sent" || r.delivery === "webhook_failed" ? r.delivery : "in_app";
  return {
    id: r.id,
    planId: r.plan_id,
    department: names.departments.get(r.department_id) ?? { id: r.department_id, name: "" },
    message: r.message,
    sentBy: r.sent_by === null ? null : (names.users.get(r.sent_by) ?? null),
    sentAt: r.sent_at,
    readAt: r.read_at,
    delivery,
    deliveryError: r.delivery_error,
  };
}

// ── The whole plan at once (status, due lists) ─────────────────────────────────────────────────

export interface PlanWorld {
  plan: PlanRow;
  settings: PlanSettingsView;
  /** Every subject that reports: targets, then tasks, then items, by key (target:12). */
  subjects: Map<string, Subject>;
  targets: Array<Subject & { row: TargetRow }>;
  nodes: Map<number, { id: number; parentId: number | null; kind: string; title: string }>;
  reports: Map<string, ReportRow>; // by `${subjectKey}|${period}`
  revisions: Map<number, RevisionRow[]>;
  extensions: ExtensionRow[];
  planned: Map<number, Record<string, number>>;
  names: Names;
  /**
   * Up to when revisions count, when that is not the end of the as-of day: demo data is read at its
   * fixed date, and what people report and approve on it today must still show.
   */
  knownBy?: string;
}

/** The cut-off for revisions when reading `world` as of `asOf`. */
export function revisionCutoff(world: Pick<PlanWorld, "knownBy">, asOf: string): string {
  return world.knownBy ?? asOf;
}

export function reportKey(subject: string, period: string): string {
  return `${subject}|${period}`;
}

export interface WorldOptions {
  /**
   * Whether revisions carry their texts (progress, problems, next steps, return reason). Judging needs
   * only the figures: status, cockpit and the due lists read without them.
   */
  texts?: boolean;
}

export async function loadPlanWorld(db: Db, planId: number, options: WorldOptions = {}): Promise<PlanWorld> {
  // Side by side on the pool's connections (one after another inside a transaction): a cockpit read
  // waits for the slowest query, not for their sum.
  const [plan, rows, nodeRows, items, reportRows, extensions, taskRows] = await Promise.all([
    requirePlan(db, planId),
    listTargetRowsOfPlan(db, planId),
    listNodeBriefsOfPlan(db, planId),
    listItemRowsOfPlan(db, planId),
    listReportsOfPlan(db, planId),
    listExtensions(db, { planId }),
    listTaskRowsOfPlan(db, planId),
  ]);
  const taskRowOf = new Map(taskRows.map((t) => [t.node_id, t]));
  const reportIds = reportRows.map((r) => r.id);
  const half = Math.ceil(reportIds.length / 2);
  const [co, nodeCo, plannedRows, firstRevisions, lastRevisions] = await Promise.all([
    listTargetCoDepartments(
      db,
      rows.map((t) => t.id),
    ),
    listNodeCoDepartments(
      db,
      nodeRows.filter((n) => n.kind === "task").map((n) => n.id),
    ),
    listPlannedValues(
      db,
      rows.map((t) => t.id),
    ),
    // Two halves: PostgreSQL finds one while Node reads the other.
    listRevisions(db, reportIds.slice(0, half), { texts: options.texts !== false }),
    listRevisions(db, reportIds.slice(half), { texts: options.texts !== false }),
  ]);
  const revisionRows = [...firstRevisions, ...lastRevisions];
  const settings = settingsOfPlan(plan);
  const coOf = new Map<number, number[]>();
  for (const c of co) coOf.set(c.target_id, [...(coOf.get(c.target_id) ?? []), c.department_id]);
  const subjects = new Map<string, Subject>();
  const targets: PlanWorld["targets"] = rows.map((t) => ({
    ...targetSubject(t, coOf.get(t.id) ?? []),
    row: t,
  }));
  for (const t of targets) subjects.set(`target:${t.id}`, t);
  for (const n of nodeRows) {
    if (n.kind !== "task") continue;
    subjects.set(`task:${n.id}`, {
      kind: "node",
      id: n.id,
      planId,
      title: n.title,
      display: null,
      statement: null,
      targetKind: null,
      unit: null,
      displayUnit: null,
      frequency: taskRowOf.get(n.id)?.frequency ?? settings.frequency,
      leadDepartmentId: n.lead_department_id,
      taskState: taskRowOf.get(n.id)?.state ?? "assigned",
      departmentIds: unique([
        n.lead_department_id,
        ...nodeCo.filter((c) => c.node_id === n.id).map((c) => c.department_id),
      ]),
      nodeId: n.id,
    });
  }
  for (const i of items) {
    subjects.set(`item:${i.id}`, {
      kind: "item",
      id: i.id,
      planId,
      title: i.name,
      display: null,
      statement: null,
      targetKind: null,
      unit: null,
      displayUnit: null,
      frequency: settings.frequency,
      leadDepartmentId: i.lead_department_id,
      departmentIds: unique([i.lead_department_id]),
      nodeId: i.node_id,
    });
  }
  const revisions = new Map<number, RevisionRow[]>();
  for (const r of revisionRows) {
    const list = revisions.get(r.report_id);
    if (list) list.push(r);
    else revisions.set(r.report_id, [r]);
  }
  const planned = new Map<number, Record<string, number>>();
  for (const p of plannedRows) {
    const rec = planned.get(p.target_id) ?? {};
    rec[p.period] = p.planned_value;
    planned.set(p.target_id, rec);
  }
  const names = await loadNames(
    db,
    [...revisionRows.map((r) => r.author_id), ...extensions.flatMap((e) => [e.requested_by, e.decided_by])],
    [
      ...[...subjects.values()].flatMap((s) => s.departmentIds),
      ...reportRows.map((r) => r.department_id),
      ...extensions.map((e) => e.department_id),
    ],
  );
  return {
    plan,
    settings,
    subjects,
    targets,
    nodes: new Map(
      nodeRows.map((n) => [n.id, { id: n.id, parentId: n.parent_id, kind: n.kind, title: n.title }]),
    ),
    reports: new Map(reportRows.map((r) => [reportKey(r.subject_key, r.period), r])),
    revisions,
    extensions,
    planned,
    names,
  };
}
