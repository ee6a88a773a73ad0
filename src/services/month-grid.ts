// The reporter's month grid (月报表): what a department reports for one month — every target and task
// it leads, in every published plan of its region, with the report so far, last period's figure and
// what locks a row — and the department's report history. Reporters only: the sheet is one
// department's, the way the office's monthly form is.

import type { DepartmentRef } from "../contract/common.ts";
import type {
  MonthGridMonth,
  MonthGridRow,
  MonthGridRowState,
  MonthGridView,
  MyReportsQuery,
  MyReportsView,
} from "../contract/month-grid.ts";
import type { ReportState } from "../contract/reports.ts";
import { listPublishedPlanIdsOfRegion } from "../db/plans-repository.ts";
import { listReportsOfPlanFiltered, type RevisionRow } from "../db/reports-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";
import { TASK_STATE_WORDS } from "../domain/task-states.ts";
import { readingClock } from "./plan-status.ts";
import { reportViewsOf } from "./reporting.ts";
import {
  type Db,
  dueInForce,
  loadNames,
  loadPlanWorld,
  type PlanWorld,
  periodsOf,
  periodView,
  reportKey,
  revisionViews,
  type Subject,
  subjectKey,
  subjectRef,
  today,
} from "./reporting-context.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month a period is reported with: its own for a month, its last for a quarter (2020-Q2 → 2020-06). */
export function monthOfPeriod(periodKey: string): string | null {
  if (MONTH.test(periodKey)) return periodKey;
  const q = /^(\d{4})-Q([1-4])$/.exec(periodKey);
  return q ? `${q[1]}-${String(Number(q[2]) * 3).padStart(2, "0")}` : null;
}

export function checkMonth(month: string): string {
  if (!MONTH.test(month))
    throw new AppError(
      "bad_input",
      { zh: `月份格式应为YYYY-MM：${month}`, en: `a month is written YYYY-MM: ${month}` },
      { field: "month" },
    );
  return month;
}

/** The sheet is a department's: a reporter with one. */
export function requireReporter(user: Principal): { departmentId: number; regionId: number | null } {
  if (user.role !== "reporter" || user.departmentId === null)
    throw new AppError(
      "forbidden",
      {
        zh: "月报表是填报单位的：您的账户没有归属部门",
        en: "the month sheet is a reporting department's: your account has no department",
      },
      { rule: "no_department" },
    );
  return { departmentId: user.departmentId, regionId: user.departmentRegionId };
}

const ORDER: Record<MonthGridRowState, number> = {
  returned: 0,
  overdue: 1,
  draft: 1,
  due: 1,
  submitted: 1,
  approved: 1,
};

const RUNNING_TASK: ReadonlySet<string> = new Set(["acknowledged", "in_progress"]);
const OWING_TASK: ReadonlySet<string> = new Set(["assigned", "acknowledged", "in_progress"]);

function locked(subject: Subject, state: MonthGridRowState): LocalText | null {
  if (state === "submitted") return { zh: "已提交，等待审核", en: "submitted: waiting for review" };
  if (state === "approved") return { zh: "已审核通过", en: "approved" };
  if (subject.stoppedAt) return { zh: "该指标已中止", en: "the target is stopped (中止)" };
  if (subject.kind !== "node" || subject.taskState === undefined) return null;
  if (subject.taskState === "assigned") return { zh: "请先签收该任务", en: "sign for the task (签收) first" };
  if (!RUNNING_TASK.has(subject.taskState)) {
    const words = TASK_STATE_WORDS[subject.taskState];
    return { zh: `任务${words.zh}，不再报送进展`, en: `the task is ${words.en}: no more progress reports` };
  }
  return null;
}

/** Whether the subject still owes reports: a stopped target or a closing, closed or stopped task does not. */
function owing(subject: Subject): boolean {
  if (subject.stoppedAt) return false;
  return subject.taskState === undefined || OWING_TASK.has(subject.taskState);
}

function rowState(reportState: ReportState | null, asOf: string, due: string): MonthGridRowState {
  if (reportState === "returned" || reportState === "submitted" || reportState === "approved")
    return reportState;
  if (asOf > due) return "overdue";
  return reportState === "draft" ? "draft" : "due";
}

/** The latest earlier period's figure somebody else has seen: approved, else submitted. */
function previousOf(
  world: PlanWorld,
  key: string,
  earlier: readonly { key: string }[],
): MonthGridRow["previous"] {
  for (const p of [...earlier].reverse()) {
    const report = world.reports.get(reportKey(key, p.key));
    if (!report) continue;
    const revisions = world.revisions.get(report.id) ?? [];
    let shown: RevisionRow | null = null;
    let approved = false;
    for (const r of revisions) {
      if (r.state === "approved") {
        shown = r;
        approved = true;
      }
    }
    const last = revisions[revisions.length - 1];
    if (!shown && last && last.state !== "draft") shown = last;
    if (!shown) continue;
    return {
      period: p.key,
      value: shown.value,
      percent: shown.percent,
      progress: shown.progress ?? "",
      approved,
    };
  }
  return null;
}

/** Every row of one plan for the department, over every period begun by the plan's as-of date. */
function rowsOfPlan(world: PlanWorld, asOf: string, departmentId: number): MonthGridRow[] {
  const out: MonthGridRow[] = [];
  const subjects = [...world.subjects.values()].filter(
    (s) => s.kind !== "item" && s.leadDepartmentId === departmentId,
  );
  const goals = new Map(world.targets.map((t) => [t.id, { value: t.row.value, value2: t.row.value2 }]));
  for (const subject of subjects) {
    const key = subjectKey(subject);
    // A task owes reports from its assignment on (the plan's publication), not for the months before.
    const from =
      subject.kind === "node"
        ? (world.plan.published_on ?? world.plan.period_start)
        : world.plan.period_start;
    const periods = periodsOf(world.plan, subject.frequency, world.settings.dueDay);
    for (const [i, p] of periods.entries()) {
      if (p.start > asOf) break;
      if (p.end < from) continue;
      const report = world.reports.get(reportKey(key, p.key)) ?? null;
      if (!report && !owing(subject)) continue;
      const due = dueInForce(world.extensions, key, p.key, p.due, asOf);
      const state = rowState(report?.state ?? null, asOf, due);
      const revisions = report ? (world.revisions.get(report.id) ?? []) : [];
      const latest = revisions.length > 0 ? revisionViews(revisions, world.names).at(-1) : undefined;
      const lockedReason = locked(subject, state);
      out.push({
        planId: world.plan.id,
        planTitle: world.plan.title,
        subject: subjectRef(subject),
        period: periodView(p, due),
        dueDate: due,
        state,
        report: report ? { id: report.id, state: report.state, revision: report.current_revision } : null,
        latest: latest ?? null,
        returnReason: state === "returned" ? (latest?.returnReason ?? null) : null,
        previous: previousOf(world, key, periods.slice(0, i)),
        goal: subject.kind === "target" ? (goals.get(subject.id) ?? null) : null,
        taskState: subject.kind === "node" ? (subject.taskState ?? null) : null,
        editable: lockedReason === null,
        lockedReason,
      });
    }
  }
  return out;
}

const OPEN: ReadonlySet<MonthGridRowState> = new Set(["returned", "overdue", "draft", "due"]);

/** Months with rows, newest first, with what is still to do in each. */
export function monthsOf(rows: readonly MonthGridRow[]): MonthGridMonth[] {
  const months = new Map<string, MonthGridMonth>();
  for (const r of rows) {
    const key = r.period.end.slice(0, 7);
    const m = months.get(key) ?? { key, open: 0, returned: 0, rows: 0 };
    m.rows++;
    if (OPEN.has(r.state)) m.open++;
    if (r.state === "returned") m.returned++;
    months.set(key, m);
  }
  return [...months.values()].sort((a, b) => b.key.localeCompare(a.key));
}

/**
 * The month to open unasked: the newest with a report owed now (its period ended, still open), else
 * the newest whose periods have ended, else the newest of all, else the as-of month.
 */
export function defaultMonth(rows: readonly MonthGridRow[], asOf: string): string {
  const ended = rows.filter((r) => r.period.end <= asOf);
  const owed = ended.filter((r) => OPEN.has(r.state));
  const newest = (list: readonly MonthGridRow[]) =>
    list.reduce<string | null>((m, r) => {
      const k = r.period.end.slice(0, 7);
      return m === null || k > m ? k : m;
    }, null);
  return newest(owed) ?? newest(ended) ?? newest(rows) ?? asOf.slice(0, 7);
}

async function departmentRef(db: Db, departmentId: number, user: Principal): Promise<DepartmentRef | null> {
  const names = await loadNames(db, [], [departmentId], user);
  return names.departments.get(departmentId) ?? null;
}

/** GET /api/me/grid?month= */
export async function monthGrid(db: Db, user: Principal, monthParam?: string): Promise<MonthGridView> {
  const { departmentId, regionId } = requireReporter(user);
  if (monthParam !== undefined) checkMonth(monthParam);
  const planIds = await listPublishedPlanIdsOfRegion(db, regionId);
  const all: MonthGridRow[] = [];
  let asOf: string | null = null;
  for (const id of planIds) {
    const clock = readingClock(await loadPlanWorld(db, id, { texts: true }), undefined);
    if (asOf === null || clock.asOf > asOf) asOf = clock.asOf;
    all.push(...rowsOfPlan(clock.world, clock.asOf, departmentId));
  }
  const day = asOf ?? today();
  const month = monthParam ?? defaultMonth(all, day);
  const rows = all
    .map((row, position) => ({ row, position }))
    .filter(({ row }) => row.period.end.slice(0, 7) === month)
    .sort((a, b) => ORDER[a.row.state] - ORDER[b.row.state] || a.position - b.position)
    .map(({ row }) => row);
  return {
    asOf: day,
    department: await departmentRef(db, departmentId, user),
    month,
    months: monthsOf(all),
    rows,
  };
}

const STATES: readonly ReportState[] = ["draft", "submitted", "approved", "returned"];

/** GET /api/me/reports?state=&month= — returned first, then the newest period first. */
export async function myReports(db: Db, user: Principal, query: MyReportsQuery): Promise<MyReportsView> {
  const { departmentId, regionId } = requireReporter(user);
  if (query.month !== undefined) checkMonth(query.month);
  const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<ReportState, number>;
  const views = [];
  for (const planId of await listPublishedPlanIdsOfRegion(db, regionId)) {
    const rows = (await listReportsOfPlanFiltered(db, planId, { departmentId })).filter(
      (r) => query.month === undefined || monthOfPeriod(r.period) === query.month,
    );
    for (const r of rows) counts[r.state]++;
    const chosen = rows.filter((r) => query.state === undefined || r.state === query.state);
    if (chosen.length === 0) continue;
    const world = await loadPlanWorld(db, planId, { texts: false });
    views.push(...(await reportViewsOf(db, chosen, world.subjects)));
  }
  views.sort(
    (a, b) =>
      Number(b.state === "returned") - Number(a.state === "returned") ||
      b.period.end.localeCompare(a.period.end) ||
      a.planId - b.planId ||
      a.id - b.id,
  );
  return { department: await departmentRef(db, departmentId, user), reports: views, counts };
}
