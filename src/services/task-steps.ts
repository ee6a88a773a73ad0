// The steps of a task's life, each a POST: 签收, 进展报送 (with 证明材料 in the same request), 办结申请,
// 办结销号, 退回, 中止, 调整申请 and its decision. The domain decides (task-lifecycle.ts,
// task-adjustments.ts): a refusal is thrown as the one error type with the rule and the current state,
// before anything is written; an accepted step is written in one transaction with its audit row.

import type {
  AdjustmentDecisionRequest,
  AdjustmentView,
  AdjustRequestBody,
  CloseRequestBody,
  TaskProgressReportView,
  TaskProgressRequest,
  TaskView,
} from "../contract/tasks.ts";
import { listAttachmentsOfReports } from "../db/attachments-repository.ts";
import type { Actor } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { findReport } from "../db/reports-repository.ts";
import {
  decideAdjustmentRow,
  getAdjustmentRow,
  insertAdjustment,
  recordTaskStep,
  type TaskStep,
} from "../db/tasks-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { decideAdjustment, requestAdjustment } from "../domain/task-adjustments.ts";
import {
  acknowledge,
  closeTask,
  type MilestoneDone,
  type ProgressMove,
  reportProgress,
  requestClose,
  returnCloseRequest,
  stopTask,
} from "../domain/task-lifecycle.ts";
import { refusalError, type TaskMove, type TaskResult } from "../domain/task-states.ts";
import { type CheckedUpload, checkUploads, storeUploads, type Upload } from "./attachments.ts";
import { saveReport } from "./reporting.ts";
import { type Db, loadNames, mayEditPlan, notFound, periodKeyFor } from "./reporting-context.ts";
import { adjustmentView } from "./task-presenter.ts";
import { type TaskEntry, type TaskWorld, taskFactsOf, taskFrequency, taskPeriods } from "./task-world.ts";
import { currentTaskView, loadTask, taskActorOf, taskDetail } from "./tasks.ts";

export interface StepClock {
  /** ISO timestamp; tests and the demo seed pass fixed times. */
  now?: string;
}

const nowOf = (clock: StepClock) => clock.now ?? new Date().toISOString();

/** What every step starts from: the task as the asker may see it, the time, the facts, who acts. */
async function begin(db: Db, user: Principal, nodeId: number, clock: StepClock) {
  const found = await loadTask(db, user, nodeId);
  const at = nowOf(clock);
  return {
    ...found,
    at,
    on: at.slice(0, 10),
    facts: taskFactsOf(found.entry),
    who: taskActorOf(user, found.entry),
  };
}

function accepted<M extends TaskMove>(result: TaskResult<M>): M {
  if (!result.ok) throw refusalError(result);
  return result;
}

function published(world: TaskWorld, entry: TaskEntry): void {
  if (world.plan.state === "published") return;
  throw new AppError(
    "conflict",
    world.plan.state === "draft"
      ? { zh: "计划尚未发布，任务还未交办", en: "the plan is not published: its tasks are not assigned yet" }
      : { zh: "计划已归档，任务不能再办理", en: "the plan is archived: its tasks take no more steps" },
    {
      rule: world.plan.state === "draft" ? "plan_not_published" : "plan_archived",
      state: taskFactsOf(entry).state,
    },
  );
}

/** A planner's step on a plan of another region's office is refused, though the planner may read it. */
async function plannerInScope(db: Db, user: Principal, world: TaskWorld, entry: TaskEntry): Promise<void> {
  if (user.role !== "planner" || (await mayEditPlan(db, user, world.plan))) return;
  throw new AppError(
    "forbidden",
    {
      zh: "该计划不属于您所在地区，不能办理其任务",
      en: "this plan is not of your region: you cannot act on its tasks",
    },
    { rule: "not_in_scope", state: taskFactsOf(entry).state },
  );
}

async function record(db: Db, actor: Actor, step: TaskStep, entry: TaskEntry): Promise<void> {
  const moved = await recordTaskStep(db, actor, step);
  if (!moved)
    throw new AppError(
      "conflict",
      { zh: "任务刚被他人办理，请刷新后再试", en: "the task was changed meanwhile: reload and try again" },
      { rule: "changed_meanwhile", state: taskFactsOf(entry).state },
    );
}

/** POST /api/tasks/:id/acknowledge */
export async function acknowledgeTask(
  db: Db,
  actor: Actor,
  user: Principal,
  nodeId: number,
  clock: StepClock = {},
): Promise<TaskView> {
  const { world, entry, at, on, facts, who } = await begin(db, user, nodeId, clock);
  const move = accepted(acknowledge(facts, who, { on }));
  published(world, entry);
  await record(
    db,
    actor,
    {
      nodeId,
      planId: world.plan.id,
      action: move.action,
      from: move.from,
      to: move.state,
      at,
      summary: move.summary,
      set: { acknowledged_at: at },
    },
    entry,
  );
  return currentTaskView(db, user, nodeId);
}

/** The period a report is for: one of the task's calendar, not after today's. */
function checkPeriod(world: TaskWorld, entry: TaskEntry, period: string, on: string): string {
  const periods = taskPeriods(world, entry);
  const found = periods.find((p) => p.key === period);
  const current = periodKeyFor(on, taskFrequency(world, entry));
  if (!found)
    throw new AppError(
      "bad_input",
      {
        zh: `报告期 ${period} 不是该任务的报送期（${periods[0]?.key}…${periods[periods.length - 1]?.key}，${taskFrequency(world, entry) === "monthly" ? "按月" : "按季"}）`,
        en: `${period} is not one of the task's reporting periods (${periods[0]?.key}…${periods[periods.length - 1]?.key}, ${taskFrequency(world, entry)})`,
      },
      { field: "period", rule: "bad_period" },
    );
  if (found.start > on)
    throw new AppError(
      "bad_input",
      {
        zh: `报告期 ${period} 尚未开始，当前为 ${current}`,
        en: `the period ${period} has not begun (now ${current})`,
      },
      { field: "period", rule: "future_period" },
    );
  return found.key;
}

/** The period of today for a report the office did not name (a close request's evidence). */
function periodOfDay(world: TaskWorld, entry: TaskEntry, on: string): string {
  const periods = taskPeriods(world, entry);
  const inIt = periods.find((p) => p.start <= on && on <= p.end);
  if (inIt) return inIt.key;
  const last = periods.filter((p) => p.start <= on).pop() ?? periods[0];
  if (!last)
    throw new AppError("conflict", { zh: "计划没有报送期", en: "the plan has no reporting periods" }, {});
  return last.key;
}

interface ReportWrite {
  period: string;
  progress: string;
  problems: string | null;
  nextSteps: string | null;
  percent: number | null;
  statusWord: "推进中" | "已完成";
}

/** A progress report of the task (a report of subject task), submitted, with the files attached. */
async function writeReport(
  trx: Db,
  actor: Actor,
  user: Principal,
  entry: TaskEntry,
  content: ReportWrite,
  files: readonly CheckedUpload[],
  at: string,
): Promise<number> {
  const existing = await findReport(trx, { type: "task", id: entry.node.id }, content.period);
  const detail = await saveReport(
    trx,
    actor,
    user,
    "node",
    entry.node.id,
    content.period,
    {
      baseRevision: existing ? existing.current_revision : null,
      percent: content.percent,
      statusWord: content.statusWord,
      progress: content.progress,
      problems: content.problems ?? "",
      nextSteps: content.nextSteps ?? "",
      submit: true,
    },
    { now: at },
  );
  await storeUploads(trx, actor, detail.report.id, files);
  return detail.report.id;
}

const marks = (done: readonly MilestoneDone[] | undefined, reportId: number) =>
  (done ?? []).map((d) => ({ milestoneId: d.milestoneId, doneOn: d.doneOn, reportId }));

/**
 * A step that comes with a report (进展报送, 办结申请): the report with its files, the milestones it
 * marks done and the step, in one transaction. Returns the report's id.
 */
async function reportAndStep(
  db: Db,
  actor: Actor,
  user: Principal,
  found: { world: TaskWorld; entry: TaskEntry },
  step: { move: ProgressMove; at: string; set?: TaskStep["set"] },
  content: ReportWrite,
  files: readonly CheckedUpload[],
): Promise<number> {
  const { world, entry } = found;
  const { move, at } = step;
  return inTransaction(db, async (trx) => {
    const id = await writeReport(trx, actor, user, entry, content, files, at);
    await record(
      trx,
      actor,
      {
        nodeId: entry.node.id,
        planId: world.plan.id,
        action: move.action,
        from: move.from,
        to: move.state,
        at,
        summary: move.summary,
        ...(step.set ? { set: step.set } : {}),
        milestonesDone: marks(move.milestonesDone, id),
      },
      entry,
    );
    return id;
  });
}

/** POST /api/tasks/:id/progress */
export async function reportTaskProgress(
  db: Db,
  actor: Actor,
  user: Principal,
  nodeId: number,
  body: TaskProgressRequest,
  files: readonly Upload[] = [],
  clock: StepClock = {},
): Promise<TaskProgressReportView> {
  const { world, entry, at, on, facts, who } = await begin(db, user, nodeId, clock);
  const move = accepted(
    reportProgress(facts, who, {
      on,
      progress: body.progress,
      problems: body.problems ?? null,
      nextSteps: body.nextSteps ?? null,
      percent: body.percent ?? null,
      milestonesDone: body.milestonesDone ?? [],
    }),
  );
  published(world, entry);
  const period = checkPeriod(world, entry, body.period, on);
  const uploads = checkUploads(files);
  const reportId = await reportAndStep(
    db,
    actor,
    user,
    { world, entry },
    { move, at },
    {
      period,
      progress: body.progress.trim(),
      problems: body.problems?.trim() || null,
      nextSteps: body.nextSteps?.trim() || null,
      percent: body.percent ?? null,
      statusWord: "推进中",
    },
    uploads,
  );
  const detail = await taskDetail(db, user, nodeId, on);
  const view = detail.progressReports.find((r) => r.id === reportId);
  if (!view) throw notFound("进展报告", "progress report", reportId);
  return view;
}

/** POST /api/tasks/:id/close-request — the evidence is a report of today's period, with its files. */
export async function requestTaskClose(
  db: Db,
  actor: Actor,
  user: Principal,
  nodeId: number,
  body: CloseRequestBody,
  files: readonly Upload[] = [],
  clock: StepClock = {},
): Promise<TaskView> {
  const { world, entry, at, on, facts, who } = await begin(db, user, nodeId, clock);
  const move = accepted(
    requestClose(facts, who, {
      on,
      evidence: body.evidence,
      attachmentIds: body.attachmentIds ?? [],
      milestonesDone: body.milestonesDone ?? [],
    }),
  );
  published(world, entry);
  const cited = body.attachmentIds ?? [];
  if (cited.length > 0) {
    const own = new Set(
      (
        await listAttachmentsOfReports(
          db,
          entry.reports.map((r) => r.report.id),
        )
      ).map((a) => a.id),
    );
    const stranger = cited.find((id) => !own.has(id));
    if (stranger !== undefined)
      throw new AppError(
        "bad_input",
        {
          zh: `附件 ${stranger} 不是该任务报告的附件`,
          en: `attachment ${stranger} is not one of this task's reports'`,
        },
        { field: "attachmentIds", rule: "foreign_attachment" },
      );
  }
  const uploads = checkUploads(files);
  const evidence = body.evidence.trim();
  await reportAndStep(
    db,
    actor,
    user,
    { world, entry },
    { move, at, set: { close_requested_at: at, close_evidence: evidence } },
    {
      period: periodOfDay(world, entry, on),
      progress: evidence,
      problems: null,
      nextSteps: null,
      percent: 100,
      statusWord: "已完成",
    },
    uploads,
  );
  return currentTaskView(db, user, nodeId);
}

type PlannerStep = "close" | "close-return" | "stop";

/** POST /api/tasks/:id/{close, close-return, stop} — the planning office's steps. */
export async function plannerTaskStep(
  db: Db,
  actor: Actor,
  user: Principal,
  nodeId: number,
  step: PlannerStep,
  body: { opinion?: string | null; reason?: string },
  clock: StepClock = {},
): Promise<TaskView> {
  const { world, entry, at, on, facts, who } = await begin(db, user, nodeId, clock);
  const move =
    step === "close"
      ? accepted(closeTask(facts, who, { on, opinion: body.opinion ?? null }))
      : step === "close-return"
        ? accepted(returnCloseRequest(facts, who, { on, reason: body.reason ?? "" }))
        : accepted(stopTask(facts, who, { on, reason: body.reason ?? "" }));
  published(world, entry);
  await plannerInScope(db, user, world, entry);
  const set: TaskStep["set"] =
    step === "close"
      ? { closed_at: at }
      : step === "stop"
        ? { stopped_at: at, stopped_reason: (body.reason ?? "").trim() }
        : { close_requested_at: null, close_evidence: null };
  await record(
    db,
    actor,
    {
      nodeId,
      planId: world.plan.id,
      action: move.action,
      from: move.from,
      to: move.state,
      at,
      summary: move.summary,
      set,
    },
    entry,
  );
  return currentTaskView(db, user, nodeId);
}

/** POST /api/tasks/:id/adjust-request */
export async function requestTaskAdjustment(
  db: Db,
  actor: Actor,
  user: Principal,
  nodeId: number,
  body: AdjustRequestBody,
  clock: StepClock = {},
): Promise<AdjustmentView> {
  const { world, entry, at, on, facts, who } = await begin(db, user, nodeId, clock);
  const move = accepted(
    requestAdjustment(facts, who, {
      on,
      kind: body.kind,
      milestoneId: body.kind === "milestone" ? body.milestoneId : null,
      proposedDue: body.kind === "content" ? null : body.proposedDue,
      proposedTitle: body.kind === "content" ? body.proposedTitle : null,
      reason: body.reason,
    }),
  );
  published(world, entry);
  await plannerInScope(db, user, world, entry);
  const row = await insertAdjustment(db, actor, {
    nodeId,
    planId: world.plan.id,
    kind: move.adjustment.kind,
    milestoneId: move.adjustment.milestoneId,
    original: move.adjustment.original,
    proposed: move.adjustment.proposed,
    reason: move.adjustment.reason,
    at,
    summary: move.summary,
    state: move.state,
  });
  const names = await loadNames(db, [row.requested_by], []);
  return adjustmentView(row, entry, names);
}

/** POST /api/adjustments/:id/decision */
export async function decideTaskAdjustment(
  db: Db,
  actor: Actor,
  user: Principal,
  adjustmentId: number,
  body: AdjustmentDecisionRequest,
  clock: StepClock = {},
): Promise<AdjustmentView> {
  const row = await getAdjustmentRow(db, adjustmentId);
  if (!row) throw notFound("调整申请", "adjustment", adjustmentId);
  const { world, entry } = await loadTask(db, user, row.node_id);
  const at = nowOf(clock);
  const move = accepted(
    decideAdjustment(
      taskFactsOf(entry),
      {
        id: row.id,
        state: row.state,
        kind: row.kind,
        milestoneId: row.milestone_id,
        original: row.original,
        proposed: row.proposed,
        reason: row.reason,
      },
      taskActorOf(user, entry),
      { on: at.slice(0, 10), decision: body.decision, opinion: body.opinion ?? null },
    ),
  );
  published(world, entry);
  await plannerInScope(db, user, world, entry);
  const decided = await decideAdjustmentRow(db, actor, {
    id: row.id,
    nodeId: row.node_id,
    planId: world.plan.id,
    decision: move.decision,
    opinion: body.opinion?.trim() || null,
    at,
    state: move.state,
    summary: move.summary,
    apply: move.apply,
  });
  if (!decided)
    throw new AppError(
      "conflict",
      { zh: "该调整申请刚被他人审批", en: "this adjustment was decided meanwhile" },
      { rule: "adjustment_decided", state: move.state },
    );
  const after = (await getAdjustmentRow(db, row.id)) ?? row;
  const names = await loadNames(db, [after.requested_by, after.decided_by], []);
  return adjustmentView(after, entry, names);
}
