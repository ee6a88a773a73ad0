// What the office supervises about tasks (migration 0007): the task rows keyed by outline node, their
// 节点, the 调整申请 and the steps of each life. All of a task's SQL lives here; the rules are the
// domain's (task-lifecycle.ts, task-adjustments.ts) and the service decides before anything is written.
// Every write is audited in the same transaction.

import type { Kysely, Selectable, Updateable } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import { idChunks } from "./id-chunks.ts";
import type {
  Database,
  TaskAdjustmentsTable,
  TaskEventsTable,
  TaskMilestonesTable,
  TasksTable,
} from "./schema.ts";

type Db = Kysely<Database>;
export type TaskRow = Selectable<TasksTable>;
export type MilestoneRow = Selectable<TaskMilestonesTable>;
export type AdjustmentRow = Selectable<TaskAdjustmentsTable>;
export type TaskEventRow = Selectable<TaskEventsTable>;
export type TaskRowState = TaskRow["state"];

// ── Reads ──────────────────────────────────────────────────────────────────────────────────────

export async function getTaskRow(db: Db, nodeId: number): Promise<TaskRow | undefined> {
  return db.selectFrom("tasks").selectAll().where("node_id", "=", nodeId).executeTakeFirst();
}

/** The plan of a task node (undefined: no such node, or not a task). */
export async function getTaskNodePlanId(db: Db, nodeId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("outline_nodes")
    .select("plan_id")
    .where("id", "=", nodeId)
    .where("kind", "=", "task")
    .executeTakeFirst();
  return row?.plan_id;
}

export async function listTaskRowsOfPlan(db: Db, planId: number): Promise<TaskRow[]> {
  return db.selectFrom("tasks").selectAll().where("plan_id", "=", planId).execute();
}

export async function listMilestones(db: Db, nodeId: number): Promise<MilestoneRow[]> {
  return db
    .selectFrom("task_milestones")
    .selectAll()
    .where("node_id", "=", nodeId)
    .orderBy("ord")
    .orderBy("id")
    .execute();
}

/** Every milestone of a plan's tasks, in each task's order. */
export async function listMilestonesOfPlan(db: Db, planId: number): Promise<MilestoneRow[]> {
  return db
    .selectFrom("task_milestones")
    .innerJoin("outline_nodes", "outline_nodes.id", "task_milestones.node_id")
    .selectAll("task_milestones")
    .where("outline_nodes.plan_id", "=", planId)
    .orderBy("task_milestones.node_id")
    .orderBy("task_milestones.ord")
    .orderBy("task_milestones.id")
    .execute();
}

export async function getAdjustmentRow(db: Db, id: number): Promise<AdjustmentRow | undefined> {
  return db.selectFrom("task_adjustments").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listAdjustmentsOfTask(db: Db, nodeId: number): Promise<AdjustmentRow[]> {
  return db
    .selectFrom("task_adjustments")
    .selectAll()
    .where("node_id", "=", nodeId)
    .orderBy("requested_at")
    .orderBy("id")
    .execute();
}

export async function listAdjustmentsOfPlan(
  db: Db,
  planId: number,
  state?: AdjustmentRow["state"],
): Promise<AdjustmentRow[]> {
  let q = db.selectFrom("task_adjustments").selectAll().where("plan_id", "=", planId);
  if (state) q = q.where("state", "=", state);
  return q.orderBy("requested_at").orderBy("id").execute();
}

export async function listTaskEvents(db: Db, nodeId: number): Promise<TaskEventRow[]> {
  return db
    .selectFrom("task_events")
    .selectAll()
    .where("node_id", "=", nodeId)
    .orderBy("at")
    .orderBy("id")
    .execute();
}

/** Events of many tasks at once (the ranking and the ledger read them in one go). */
export async function listTaskEventsOfPlan(db: Db, planId: number): Promise<TaskEventRow[]> {
  return db
    .selectFrom("task_events")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("node_id")
    .orderBy("at")
    .orderBy("id")
    .execute();
}

/** Which of these report ids marked which milestones done (for a progress report's view). */
export async function listMilestonesDoneByReports(
  db: Db,
  reportIds: readonly number[],
): Promise<MilestoneRow[]> {
  const out: MilestoneRow[] = [];
  for (const chunk of idChunks(db, reportIds))
    out.push(
      ...(await db.selectFrom("task_milestones").selectAll().where("done_report_id", "in", chunk).execute()),
    );
  return out;
}

// ── What a task is (the editor) ────────────────────────────────────────────────────────────────

export interface TaskFieldChanges {
  deadline?: string | null;
  deadlineText?: string | null;
  doneCriteria?: string | null;
  frequency?: "monthly" | "quarterly" | null;
  weight?: number;
}

export interface MilestoneInput {
  /** An existing milestone of this task kept (its done mark and history stay); absent: a new one. */
  id?: number;
  name: string;
  due: string;
}

export interface TaskPlanInput {
  nodeId: number;
  planId: number;
  fields: TaskFieldChanges;
  /** The whole list, replacing what there was; undefined: milestones untouched. */
  milestones?: readonly MilestoneInput[];
}

function fieldColumns(fields: TaskFieldChanges): Updateable<TasksTable> {
  return {
    ...(fields.deadline !== undefined ? { deadline: fields.deadline } : {}),
    ...(fields.deadlineText !== undefined ? { deadline_text: fields.deadlineText } : {}),
    ...(fields.doneCriteria !== undefined ? { done_criteria: fields.doneCriteria } : {}),
    ...(fields.frequency !== undefined ? { frequency: fields.frequency } : {}),
    ...(fields.weight !== undefined ? { weight: fields.weight } : {}),
  };
}

/** The task's row, created with nothing set when the node has none yet. */
export async function ensureTaskRow(db: Db, nodeId: number, planId: number, now: string): Promise<TaskRow> {
  const found = await getTaskRow(db, nodeId);
  if (found) return found;
  return db
    .insertInto("tasks")
    .values({ node_id: nodeId, plan_id: planId, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function snapshotTask(db: Db, nodeId: number) {
  const row = await getTaskRow(db, nodeId);
  return row ? { ...row, milestones: await listMilestones(db, nodeId) } : null;
}

async function replaceMilestones(
  db: Db,
  nodeId: number,
  milestones: readonly MilestoneInput[],
  now: string,
): Promise<void> {
  const kept = new Set(milestones.flatMap((m) => (m.id === undefined ? [] : [m.id])));
  const existing = await listMilestones(db, nodeId);
  const gone = existing.filter((m) => !kept.has(m.id)).map((m) => m.id);
  for (const chunk of idChunks(db, gone))
    await db.deleteFrom("task_milestones").where("id", "in", chunk).execute();
  for (const [ord, m] of milestones.entries()) {
    if (m.id !== undefined) {
      await db
        .updateTable("task_milestones")
        .set({ ord, name: m.name, due: m.due, updated_at: now })
        .where("id", "=", m.id)
        .where("node_id", "=", nodeId)
        .execute();
    } else {
      await db
        .insertInto("task_milestones")
        .values({ node_id: nodeId, ord, name: m.name, due: m.due, created_at: now, updated_at: now })
        .execute();
    }
  }
}

/** Sets what tasks are (deadline, 节点, 完成标准 …), many at once in one transaction, each audited. */
export async function saveTaskPlans(
  db: Db,
  actor: Actor,
  inputs: readonly TaskPlanInput[],
  now: string,
  action = "task.update",
): Promise<void> {
  if (inputs.length === 0) return;
  await inTransaction(db, async (trx) => {
    for (const input of inputs) {
      const before = await snapshotTask(trx, input.nodeId);
      await ensureTaskRow(trx, input.nodeId, input.planId, now);
      await trx
        .updateTable("tasks")
        .set({ ...fieldColumns(input.fields), updated_at: now })
        .where("node_id", "=", input.nodeId)
        .execute();
      if (input.milestones !== undefined) await replaceMilestones(trx, input.nodeId, input.milestones, now);
      await appendAudit(
        trx,
        actor,
        {
          action,
          entity: "task",
          entityId: input.nodeId,
          planId: input.planId,
          before,
          after: await snapshotTask(trx, input.nodeId),
        },
        now,
      );
    }
  });
}

// ── The life of a task ─────────────────────────────────────────────────────────────────────────

export interface TaskStep {
  nodeId: number;
  planId: number;
  action: string;
  from: TaskRowState | null;
  to: TaskRowState;
  /** ISO timestamp of the step. */
  at: string;
  summary: { zh: string; en: string };
  /** Columns of the task row the step sets (dates of the life, evidence, reason). */
  set?: Updateable<TasksTable>;
  /** Milestones the step marks done (a progress report or a close request). */
  milestonesDone?: readonly { milestoneId: number; doneOn: string; reportId: number | null }[];
}

/**
 * Records one step: the row's new state and dates, milestones marked done, the event for the task's
 * history and the audit row — all or nothing. The state is compared on write: a second request that
 * read the same state loses instead of moving the task twice.
 */
export async function recordTaskStep(db: Db, actor: Actor, step: TaskStep): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const before = await snapshotTask(trx, step.nodeId);
    await ensureTaskRow(trx, step.nodeId, step.planId, step.at);
    let update = trx
      .updateTable("tasks")
      .set({ ...(step.set ?? {}), state: step.to, updated_at: step.at })
      .where("node_id", "=", step.nodeId);
    if (step.from !== null) update = update.where("state", "=", step.from);
    const result = await update.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    for (const done of step.milestonesDone ?? []) {
      await trx
        .updateTable("task_milestones")
        .set({ done_on: done.doneOn, done_report_id: done.reportId, updated_at: step.at })
        .where("id", "=", done.milestoneId)
        .where("node_id", "=", step.nodeId)
        .where("done_on", "is", null)
        .execute();
    }
    await trx
      .insertInto("task_events")
      .values({
        node_id: step.nodeId,
        plan_id: step.planId,
        action: step.action,
        from_state: step.from,
        to_state: step.to,
        at: step.at,
        by_user: actor.userId,
        summary_zh: step.summary.zh,
        summary_en: step.summary.en,
      })
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: `task.${step.action}`,
        entity: "task",
        entityId: step.nodeId,
        planId: step.planId,
        before,
        after: await snapshotTask(trx, step.nodeId),
      },
      step.at,
    );
    return true;
  });
}

/** 交办 on publication: every task of the plan without a row, or not yet assigned, is assigned now. */
export async function assignTasksOfPlan(
  db: Db,
  actor: Actor,
  planId: number,
  nodeIds: readonly number[],
  on: string,
  at: string,
): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const assigned: number[] = [];
    for (const nodeId of nodeIds) {
      const row = await ensureTaskRow(trx, nodeId, planId, at);
      if (row.assigned_at !== null) continue;
      await trx
        .updateTable("tasks")
        .set({ assigned_at: on, updated_at: at })
        .where("node_id", "=", nodeId)
        .execute();
      await trx
        .insertInto("task_events")
        .values({
          node_id: nodeId,
          plan_id: planId,
          action: "assign",
          from_state: null,
          to_state: row.state,
          at,
          by_user: actor.userId,
          summary_zh: `计划发布，任务交办牵头单位（${on}）`,
          summary_en: `assigned to the lead department when the plan was published (${on})`,
        })
        .execute();
      assigned.push(nodeId);
    }
    if (assigned.length > 0)
      await appendAudit(
        trx,
        actor,
        { action: "task.assign", entity: "plan", entityId: planId, planId, after: { on, tasks: assigned } },
        at,
      );
    return assigned;
  });
}

// ── 调整申请 ────────────────────────────────────────────────────────────────────────────────────

export interface NewAdjustment {
  nodeId: number;
  planId: number;
  kind: AdjustmentRow["kind"];
  milestoneId: number | null;
  original: string | null;
  proposed: string;
  reason: string;
  at: string;
  summary: { zh: string; en: string };
  state: TaskRowState;
}

export async function insertAdjustment(db: Db, actor: Actor, input: NewAdjustment): Promise<AdjustmentRow> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("task_adjustments")
      .values({
        node_id: input.nodeId,
        plan_id: input.planId,
        kind: input.kind,
        milestone_id: input.milestoneId,
        original: input.original,
        proposed: input.proposed,
        reason: input.reason,
        state: "pending",
        requested_by: actor.userId,
        requested_at: input.at,
        decided_by: null,
        decided_at: null,
        opinion: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("task_events")
      .values({
        node_id: input.nodeId,
        plan_id: input.planId,
        action: "request_adjustment",
        from_state: input.state,
        to_state: input.state,
        at: input.at,
        by_user: actor.userId,
        summary_zh: input.summary.zh,
        summary_en: input.summary.en,
      })
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: "task.adjustment.request",
        entity: "task_adjustment",
        entityId: row.id,
        planId: input.planId,
        after: row,
      },
      input.at,
    );
    return row;
  });
}

export interface AdjustmentDecision {
  id: number;
  nodeId: number;
  planId: number;
  decision: "approved" | "refused";
  opinion: string | null;
  at: string;
  state: TaskRowState;
  summary: { zh: string; en: string };
  /** What an approval writes on the task; the original is kept beside it, never overwritten. */
  apply:
    | { kind: "deadline"; deadline: string }
    | { kind: "milestone"; milestoneId: number; due: string }
    | { kind: "content"; title: string }
    | null;
}

/** The decision, and when approved the change on the task, the original kept: all or nothing. */
export async function decideAdjustmentRow(db: Db, actor: Actor, d: AdjustmentDecision): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const before = await getAdjustmentRow(trx, d.id);
    const taskBefore = await snapshotTask(trx, d.nodeId);
    const result = await trx
      .updateTable("task_adjustments")
      .set({ state: d.decision, decided_by: actor.userId, decided_at: d.at, opinion: d.opinion })
      .where("id", "=", d.id)
      .where("state", "=", "pending")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    const task = await ensureTaskRow(trx, d.nodeId, d.planId, d.at);
    if (d.apply?.kind === "deadline") {
      await trx
        .updateTable("tasks")
        .set({
          deadline: d.apply.deadline,
          // The words as written no longer say the date that counts; the original date stays.
          deadline_text: null,
          original_deadline: task.original_deadline ?? task.deadline,
          updated_at: d.at,
        })
        .where("node_id", "=", d.nodeId)
        .execute();
    } else if (d.apply?.kind === "milestone") {
      const m = await trx
        .selectFrom("task_milestones")
        .selectAll()
        .where("id", "=", d.apply.milestoneId)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable("task_milestones")
        .set({ due: d.apply.due, original_due: m.original_due ?? m.due, updated_at: d.at })
        .where("id", "=", m.id)
        .execute();
    } else if (d.apply?.kind === "content") {
      const node = await trx
        .selectFrom("outline_nodes")
        .select("title")
        .where("id", "=", d.nodeId)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable("tasks")
        .set({ original_title: task.original_title ?? node.title, updated_at: d.at })
        .where("node_id", "=", d.nodeId)
        .execute();
      await trx
        .updateTable("outline_nodes")
        .set({ title: d.apply.title, updated_at: d.at })
        .where("id", "=", d.nodeId)
        .execute();
    }
    await trx
      .insertInto("task_events")
      .values({
        node_id: d.nodeId,
        plan_id: d.planId,
        action: "decide_adjustment",
        from_state: d.state,
        to_state: d.state,
        at: d.at,
        by_user: actor.userId,
        summary_zh: d.summary.zh,
        summary_en: d.summary.en,
      })
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: `task.adjustment.${d.decision === "approved" ? "approve" : "refuse"}`,
        entity: "task_adjustment",
        entityId: d.id,
        planId: d.planId,
        before: { adjustment: before, task: taskBefore },
        after: { adjustment: await getAdjustmentRow(trx, d.id), task: await snapshotTask(trx, d.nodeId) },
      },
      d.at,
    );
    return true;
  });
}
