// Chasing reports (催报): what each department owes and when, reminders recorded (and sent to a webhook
// when one is configured — a failed delivery is recorded and never blocks), and requests for more time
// (延期申请) that a planner grants or refuses. A report is owed by the target's lead department for
// every period that has ended; it stops being owed once submitted (a returned one is owed again).

import type {
  DueItem,
  MyDueView,
  PlanDueView,
  ReminderRequest,
  ReminderView,
} from "../contract/reminders.ts";
import type { ExtensionDecision, ExtensionRequest, ExtensionRequestView } from "../contract/reports.ts";
import type { Actor } from "../db/audit-repository.ts";
import { getDepartment } from "../db/departments-repository.ts";
import {
  decideExtension as decideExtensionRow,
  getExtension,
  insertExtension,
} from "../db/extensions-repository.ts";
import { listPublishedPlanIdsOfRegion } from "../db/plans-repository.ts";
import { insertDeliveries, listChannels } from "../db/reminder-channels-repository.ts";
import {
  getReminder,
  insertReminder,
  listReminders,
  markReminderRead,
  recordReminderDelivery,
} from "../db/reminders-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { checkAsOf, readingClock } from "./plan-status.ts";
import { mayReadRow } from "./report-visibility.ts";
import {
  type Db,
  dueInForce,
  extensionKey,
  extensionView,
  firstSubmittedAt,
  KIND_TO_DB,
  loadNames,
  loadPlanWorld,
  loadSubject,
  mayEditPlan,
  maySaveReport,
  notFound,
  type PlanWorld,
  periodsOf,
  periodView,
  reminderView,
  reportKey,
  requirePlan,
  revisionCutoff,
  type Subject,
  subjectKey,
  subjectRef,
  today,
} from "./reporting-context.ts";

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

function extensionViewsOf(world: PlanWorld): ExtensionRequestView[] {
  return world.extensions.flatMap((e) => {
    const subject = world.subjects.get(extensionKey(e));
    return subject ? [extensionView(e, subjectRef(subject), world.names)] : [];
  });
}

/** Tasks still running: a task asked to close, closed or stopped owes no more progress reports. */
function owingTasks(world: PlanWorld): Subject[] {
  return [...world.subjects.values()].filter(
    (s) =>
      s.kind === "node" &&
      (s.taskState === undefined ||
        s.taskState === "assigned" ||
        s.taskState === "acknowledged" ||
        s.taskState === "in_progress"),
  );
}

/** What the plan's departments owe as of the date (only `departmentId`'s when given). */
export function dueItemsOfWorld(world: PlanWorld, asOf: string, departmentId?: number): DueItem[] {
  const out: DueItem[] = [];
  const extensionViews = new Map(extensionViewsOf(world).map((v) => [v.id, v]));
  // A stopped (中止) target owes no more reports.
  const owingTargets = world.targets.filter((t) => t.row.stopped_at === null);
  for (const t of [...owingTargets, ...owingTasks(world)]) {
    if (departmentId !== undefined && t.leadDepartmentId !== departmentId) continue;
    const key = subjectKey(t);
    // A task owes reports from its assignment on (the plan's publication), not for the months before.
    const from =
      t.kind === "node" ? (world.plan.published_on ?? world.plan.period_start) : world.plan.period_start;
    for (const p of periodsOf(world.plan, t.frequency, world.settings.dueDay)) {
      if (p.end > asOf) break;
      if (p.end < from) continue;
      const due = dueInForce(world.extensions, key, p.key, p.due, asOf);
      const report = world.reports.get(reportKey(key, p.key));
      const revisions = report ? (world.revisions.get(report.id) ?? []) : [];
      const submitted = firstSubmittedAt(revisions, revisionCutoff(world, asOf)) !== null;
      let state: DueItem["state"];
      if (report?.state === "returned") state = "returned";
      else if (submitted) continue;
      else if (asOf > due) state = "overdue";
      else state = report ? "draft" : "due";
      const latestExtension = world.extensions.find((e) => extensionKey(e) === key && e.period === p.key);
      out.push({
        planId: world.plan.id,
        planTitle: world.plan.title,
        subject: subjectRef(t),
        department:
          t.leadDepartmentId === null ? null : (world.names.departments.get(t.leadDepartmentId) ?? null),
        period: periodView(p, due),
        dueDate: due,
        state,
        daysLeft: daysBetween(asOf, due),
        report: report ? { id: report.id, state: report.state, revision: report.current_revision } : null,
        extension: latestExtension ? (extensionViews.get(latestExtension.id) ?? null) : null,
      });
    }
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.subject.id - b.subject.id);
}

/**
 * GET /api/plans/:id/due — by department, the ones owing most overdue first; to a reporter (`viewer`)
 * only what src/services/report-visibility.ts lets it read. No viewer: the office's whole list.
 */
export async function planDue(
  db: Db,
  planId: number,
  asOfParam?: string,
  viewer?: Principal,
): Promise<PlanDueView> {
  const { world, asOf } = readingClock(await loadPlanWorld(db, planId, { texts: false }), asOfParam);
  const items = dueItemsOfWorld(world, asOf).filter(
    (item) =>
      viewer === undefined ||
      mayReadRow(viewer, {
        departmentId: item.department?.id ?? null,
        subjectDepartmentIds: world.subjects.get(subjectKey(item.subject))?.departmentIds ?? [],
      }),
  );
  const reminders = await listReminders(db, { planId, limit: 10_000 });
  const groups = new Map<number | null, DueItem[]>();
  for (const item of items) {
    const k = item.department?.id ?? null;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  const departments = [...groups.entries()].map(([id, list]) => ({
    department: id === null ? null : (world.names.departments.get(id) ?? null),
    due: list.filter((i) => i.state !== "overdue").length,
    overdue: list.filter((i) => i.state === "overdue").length,
    items: list,
    lastReminderAt: reminders.find((r) => r.department_id === id)?.sent_at ?? null,
  }));
  departments.sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.due - a.due ||
      (a.department?.name ?? "").localeCompare(b.department?.name ?? "", "zh-CN"),
  );
  return { planId, asOf, departments };
}

/** GET /api/me/due — a reporter's department across the published plans of its region. */
export async function myDue(db: Db, user: Principal, asOfParam?: string): Promise<MyDueView> {
  const empty: MyDueView = {
    asOf: checkAsOf(asOfParam, today()),
    department: null,
    items: [],
    reminders: [],
    extensions: [],
  };
  if (user.role !== "reporter" || user.departmentId === null) return empty;
  const departmentId = user.departmentId;
  const planIds = await listPublishedPlanIdsOfRegion(db, user.departmentRegionId);
  const items: DueItem[] = [];
  const extensions: ExtensionRequestView[] = [];
  let asOf = empty.asOf;
  for (const id of planIds) {
    const clock = readingClock(await loadPlanWorld(db, id, { texts: false }), asOfParam);
    const world = clock.world;
    asOf = clock.asOf;
    items.push(...dueItemsOfWorld(world, asOf, departmentId));
    extensions.push(...extensionViewsOf(world).filter((e) => e.department.id === departmentId));
  }
  const reminderRows = await listReminders(db, { departmentId, limit: 50 });
  const names = await loadNames(
    db,
    reminderRows.map((r) => r.sent_by),
    [departmentId],
  );
  return {
    asOf,
    department: names.departments.get(departmentId) ?? null,
    items,
    reminders: reminderRows.map((r) => reminderView(r, names)),
    extensions,
  };
}

export interface ReminderOptions {
  /** PLANTRACK_REMINDER_WEBHOOK_URL: POST the reminder as JSON there. */
  webhookUrl?: string | null;
  fetchImpl?: typeof fetch;
  now?: string;
}

/** POST /api/plans/:id/reminders (催报). */
export async function sendReminder(
  db: Db,
  actor: Actor,
  planId: number,
  body: ReminderRequest,
  options: ReminderOptions = {},
): Promise<ReminderView> {
  const plan = await requirePlan(db, planId);
  const department = await getDepartment(db, body.departmentId);
  if (!department) throw notFound("部门", "department", body.departmentId);
  if (plan.region_id !== null && department.region_id !== plan.region_id)
    throw new AppError(
      "bad_input",
      { zh: `${department.name} 不属于本计划的地区`, en: `${department.name} is not of the plan's region` },
      {
        field: "departmentId",
      },
    );
  const { world, asOf } = readingClock(await loadPlanWorld(db, planId, { texts: false }));
  const owed = dueItemsOfWorld(world, asOf, department.id);
  const overdue = owed.filter((i) => i.state === "overdue" || i.state === "returned");
  const message =
    body.message?.trim() ||
    (overdue.length > 0
      ? `请${department.name}尽快报送《${plan.title}》逾期未报的${overdue.length}项进展情况。`
      : `请${department.name}按时报送《${plan.title}》的进展情况。`);
  const row = await insertReminder(db, actor, {
    planId,
    departmentId: department.id,
    message,
    at: options.now ?? new Date().toISOString(),
  });
  // The department's channels (e-mail, robots) get it too: the scheduler's next turn sends them.
  const channels = (await listChannels(db, { planId, departmentIds: [department.id] })).filter(
    (c) =>
      c.enabled === 1 && c.department_id === department.id && (c.plan_id === null || c.plan_id === planId),
  );
  await insertDeliveries(db, row.id, channels, row.sent_at);
  if (options.webhookUrl) {
    const fetchImpl = options.fetchImpl ?? fetch;
    let outcome: { delivery: "webhook_sent" | "webhook_failed"; error: string | null };
    try {
      const response = await fetchImpl(options.webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          type: "plantrack.reminder",
          reminderId: row.id,
          plan: { id: plan.id, title: plan.title },
          department: { id: department.id, name: department.name },
          message,
          sentAt: row.sent_at,
          overdue: overdue.map((i) => ({
            subject: i.subject.title,
            period: i.period.key,
            dueDate: i.dueDate,
          })),
        }),
        signal: AbortSignal.timeout(5000),
      });
      outcome = response.ok
        ? { delivery: "webhook_sent", error: null }
        : { delivery: "webhook_failed", error: `HTTP ${response.status}` };
    } catch (error) {
      outcome = { delivery: "webhook_failed", error: error instanceof Error ? error.message : String(error) };
    }
    await recordReminderDelivery(db, actor, row.id, outcome.delivery, outcome.error);
  }
  const stored = (await getReminder(db, row.id)) ?? row;
  const names = await loadNames(db, [stored.sent_by], [stored.department_id]);
  return reminderView(stored, names);
}

/** GET /api/plans/:id/reminders — reporters see their department's. */
export async function planReminders(db: Db, user: Principal, planId: number): Promise<ReminderView[]> {
  await requirePlan(db, planId);
  if (user.role === "reporter" && user.departmentId === null) return [];
  const rows = await listReminders(db, {
    planId,
    ...(user.role === "reporter" ? { departmentId: user.departmentId as number } : {}),
  });
  // The query narrows to the department; the rule decides (a reminder is its department's).
  const shown = rows.filter((r) =>
    mayReadRow(user, { departmentId: r.department_id, subjectDepartmentIds: [] }),
  );
  const names = await loadNames(
    db,
    shown.map((r) => r.sent_by),
    shown.map((r) => r.department_id),
  );
  return shown.map((r) => reminderView(r, names));
}

/** POST /api/reminders/:id/read — the department's reporter has seen it. */
export async function readReminder(db: Db, actor: Actor, user: Principal, id: number): Promise<void> {
  const row = await getReminder(db, id);
  if (!row) throw notFound("催报", "reminder", id);
  if (user.role !== "reporter" || user.departmentId !== row.department_id)
    throw new AppError("forbidden", {
      zh: "只能确认发给本单位的催报",
      en: "only the department reminded may mark it read",
    });
  await markReminderRead(db, actor, id, new Date().toISOString());
}

/** POST /api/plans/:id/extensions (延期申请). */
export async function requestExtension(
  db: Db,
  actor: Actor,
  user: Principal,
  planId: number,
  body: ExtensionRequest,
  now: string = new Date().toISOString(),
): Promise<ExtensionRequestView> {
  const plan = await requirePlan(db, planId);
  const subject = await loadSubject(db, body.subjectKind, body.subjectId);
  if (subject.planId !== planId)
    throw new AppError(
      "bad_input",
      { zh: "该事项不属于此计划", en: "the subject is not of this plan" },
      {
        field: "subjectId",
      },
    );
  if (user.role === "leader" || !(await maySaveReport(db, user, plan, subject)))
    throw new AppError("forbidden", {
      zh: "只有牵头或配合单位可以申请延期",
      en: "only the subject's departments ask for more time",
    });
  const world = await loadPlanWorld(db, planId, { texts: false });
  const period = periodsOf(plan, subject.frequency, world.settings.dueDay).find((p) => p.key === body.period);
  if (!period)
    throw new AppError(
      "bad_input",
      { zh: `报告期 ${body.period} 不在计划期内`, en: `no such period: ${body.period}` },
      {
        field: "period",
      },
    );
  const reason = body.reason.trim();
  if (reason === "")
    throw new AppError("bad_input", { zh: "请说明延期原因", en: "give a reason" }, { field: "reason" });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(body.requestedDueDate) || body.requestedDueDate <= period.due)
    throw new AppError(
      "bad_input",
      { zh: `新的报送日期应晚于 ${period.due}`, en: `the new date must be after the due date ${period.due}` },
      { field: "requestedDueDate" },
    );
  const departmentId = user.role === "reporter" ? user.departmentId : subject.leadDepartmentId;
  if (departmentId === null)
    throw new AppError(
      "bad_input",
      { zh: "该事项没有牵头单位", en: "the subject has no lead department" },
      {
        field: "subjectId",
      },
    );
  const report = world.reports.get(reportKey(subjectKey(subject), period.key));
  const row = await insertExtension(db, actor, {
    planId,
    departmentId,
    subject: { type: KIND_TO_DB[subject.kind], id: subject.id },
    reportId: report?.id ?? null,
    period: period.key,
    reason,
    requestedDueDate: body.requestedDueDate,
    at: now,
  });
  const names = await loadNames(db, [row.requested_by], [row.department_id]);
  return extensionView(row, subjectRef(subject), names);
}

/** GET /api/plans/:id/extensions — reporters: those src/services/report-visibility.ts lets them read. */
export async function planExtensions(
  db: Db,
  user: Principal,
  planId: number,
): Promise<ExtensionRequestView[]> {
  const world = await loadPlanWorld(db, planId, { texts: false });
  const all = extensionViewsOf(world);
  return all.filter((e) =>
    mayReadRow(user, {
      departmentId: e.department.id,
      subjectDepartmentIds: world.subjects.get(subjectKey(e.subject))?.departmentIds ?? [],
    }),
  );
}

/** POST /api/extensions/:id/decision */
export async function decideExtension(
  db: Db,
  actor: Actor,
  user: Principal,
  id: number,
  body: ExtensionDecision,
  now: string = new Date().toISOString(),
): Promise<ExtensionRequestView> {
  const existing = await getExtension(db, id);
  if (!existing) throw notFound("延期申请", "extension request", id);
  const plan = await requirePlan(db, existing.plan_id);
  if (!(await mayEditPlan(db, user, plan)))
    throw new AppError("forbidden", { zh: "无权审批延期", en: "you may not decide this" });
  await decideExtensionRow(db, actor, id, { grant: body.grant, note: body.note?.trim() || null, at: now });
  const world = await loadPlanWorld(db, existing.plan_id, { texts: false });
  const view = extensionViewsOf(world).find((e) => e.id === id);
  if (!view) throw notFound("延期申请", "extension request", id);
  return view;
}
