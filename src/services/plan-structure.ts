// The editor's structural operations (issue 13): a task added from a span of the text; a draft's tasks
// split, merged and deleted; a draft plan deleted and a published plan archived (targets deleted and
// stopped: target-structure.ts). The rules are the domain's
// (src/domain/plan-structure.ts); each use case checks everything against the stored plan first, then
// changes it in one transaction with one audit row for the change.

import type { Kysely } from "kysely";
import type { OutlineNodeView, PlanSummary } from "../contract/plans.ts";
import type { AddTaskRequest, MergeNodesRequest, SplitNodeRequest } from "../contract/structure.ts";
import { type Actor, appendAudit } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { listHeldRows, setHeldRowsNode } from "../db/node-contents-repository.ts";
import {
  coDepartmentIdsOfNode,
  copyNodeDepartments,
  deleteNodeRows,
  getNodeRow,
  insertTaskNode,
  listNodeRowsOfPlan,
  reparentChildren,
  setNodeSpan,
  shiftNodeOrds,
} from "../db/outline-nodes-repository.ts";
import {
  deletePlanRows,
  getPlanRow,
  getPlanSourceText,
  setPlanState,
  touchPlan,
} from "../db/plans-repository.ts";
import { listReportsOfPlan } from "../db/reports-repository.ts";
import type { Database, OutlineNodeRow, PlanRow } from "../db/schema.ts";
import { assignTasksOfPlan, getTaskRow } from "../db/tasks-repository.ts";
import { AppError } from "../domain/app-error.ts";
import {
  checkNewTaskSpan,
  headingFor,
  mergeRun,
  ordFor,
  refuseArchived,
  refuseDeleteUnlessDraft,
  refuseUnlessDraft,
  type SpanNode,
  splitOffset,
  taskTitleOf,
} from "../domain/plan-structure.ts";
import { getNodeView, getPlanSummary } from "./plan-queries.ts";

type Db = Kysely<Database>;

const NAMES = {
  plan: { zh: "计划", en: "plan" },
  node: { zh: "提纲节点", en: "outline node" },
  target: { zh: "指标", en: "target" },
} as const;

export function notFound(what: keyof typeof NAMES, id: number): AppError {
  const name = NAMES[what];
  return new AppError(
    "not_found",
    { zh: `${name.zh} ${id} 不存在`, en: `${name.en} ${id} not found` },
    { entity: what, id },
  );
}

function notTask(node: OutlineNodeRow): AppError {
  return new AppError(
    "bad_input",
    { zh: `「${node.title}」是标题，不是任务`, en: `“${node.title}” is a heading, not a task` },
    { rule: "not_task", nodeId: node.id, kind: node.kind },
  );
}

/**
 * The plan, locked for the change: touching its row first makes a second structural change of the
 * same plan wait on PostgreSQL until this one commits, so two overlapping tasks cannot both pass the
 * checks (SQLite runs one write transaction at a time anyway).
 */
export async function lockedPlan(trx: Db, planId: number, now: string): Promise<PlanRow> {
  await touchPlan(trx, planId, now);
  const plan = await getPlanRow(trx, planId);
  if (!plan) throw notFound("plan", planId);
  return plan;
}

function spanNodeOf(row: OutlineNodeRow): SpanNode {
  return {
    id: row.id,
    kind: row.kind,
    parentId: row.parent_id,
    level: row.level,
    ord: row.ord,
    title: row.title,
    start: row.span_start,
    end: row.span_end,
  };
}

async function nodeSnapshot(db: Db, id: number) {
  const row = await getNodeRow(db, id);
  if (!row) return null;
  return {
    ...row,
    co_department_ids: await coDepartmentIdsOfNode(db, id),
    task: (await getTaskRow(db, id)) ?? null,
  };
}

/** Reports are history and their revisions cannot go: what they report on is not deleted under them. */
export async function refuseIfReported(
  db: Db,
  planId: number,
  subjects: { nodeIds?: readonly number[]; targetIds?: readonly number[] },
): Promise<void> {
  const nodes = new Set(subjects.nodeIds ?? []);
  const targets = new Set(subjects.targetIds ?? []);
  const reports = (await listReportsOfPlan(db, planId)).filter(
    (r) => (r.node_id !== null && nodes.has(r.node_id)) || (r.target_id !== null && targets.has(r.target_id)),
  );
  if (reports.length > 0)
    throw new AppError(
      "conflict",
      {
        zh: "已有进展填报，不能删除或合并",
        en: "there are progress reports on it: it cannot be deleted or merged",
      },
      { rule: "has_reports", reports: reports.length },
    );
}

/** Moves the targets and items of these nodes to another node (or none); answers what moved. */
async function moveContents(
  db: Db,
  fromNodeIds: readonly number[],
  toNodeId: number | null,
  now: string,
  from = 0,
): Promise<{ targetIds: number[]; itemIds: number[] }> {
  const held = async (table: "targets" | "items") =>
    (await listHeldRows(db, table, { nodeIds: fromNodeIds }))
      .filter((r) => r.span_start >= from)
      .map((r) => r.id);
  const targetIds = await held("targets");
  const itemIds = await held("items");
  await setHeldRowsNode(db, "targets", targetIds, toNodeId, now);
  await setHeldRowsNode(db, "items", itemIds, toNodeId, now);
  return { targetIds, itemIds };
}

// ── Plans ───────────────────────────────────────────────────────────────────────────────────────

/** DELETE /api/plans/:id — a draft plan and everything of it; a published or archived one is kept. */
export async function deletePlan(db: Db, actor: Actor, planId: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const plan = await lockedPlan(trx, planId, now);
    if (plan.state !== "draft")
      throw new AppError(
        "conflict",
        plan.state === "published"
          ? {
              zh: "已发布的计划不能删除，可以归档",
              en: "a published plan cannot be deleted: archive it instead",
            }
          : { zh: "已归档的计划不能删除", en: "an archived plan cannot be deleted" },
        { rule: "not_draft", planId, state: plan.state },
      );
    const reports = await listReportsOfPlan(trx, planId);
    if (reports.length > 0)
      throw new AppError(
        "conflict",
        { zh: "计划已有进展填报，不能删除", en: "the plan has progress reports: it cannot be deleted" },
        { rule: "has_reports", planId, reports: reports.length },
      );
    const summary = await getPlanSummary(trx, planId);
    await deletePlanRows(trx, planId);
    await appendAudit(
      trx,
      actor,
      {
        action: "plan.delete",
        entity: "plan",
        entityId: planId,
        planId,
        before: { ...plan, counts: summary?.counts ?? null, fileName: summary?.fileName ?? null },
        after: { deleted: true, title: plan.title },
      },
      now,
    );
  });
}

/** POST /api/plans/:id/archive — 归档: a published plan is closed and takes no more edits or reports. */
export async function archivePlan(db: Db, actor: Actor, planId: number): Promise<PlanSummary> {
  return inTransaction(db, async (trx) => {
    const plan = await lockedPlan(trx, planId, new Date().toISOString());
    refuseArchived(plan);
    if (plan.state !== "published")
      throw new AppError(
        "conflict",
        {
          zh: "只有已发布的计划可以归档；草稿可以删除",
          en: "only a published plan can be archived; a draft can be deleted",
        },
        { rule: "not_published", planId, state: plan.state },
      );
    await setPlanState(trx, actor, planId, "closed");
    return (await getPlanSummary(trx, planId)) as PlanSummary;
  });
}

// ── Tasks ───────────────────────────────────────────────────────────────────────────────────────

/** POST /api/plans/:id/tasks — a task from a span of the source text, in a draft or a published plan. */
export async function addTask(
  db: Db,
  actor: Actor,
  planId: number,
  request: AddTaskRequest,
): Promise<OutlineNodeView> {
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const plan = await lockedPlan(trx, planId, now);
    refuseArchived(plan);
    const source = (await getPlanSourceText(trx, planId)) ?? "";
    const nodes = (await listNodeRowsOfPlan(trx, planId)).map(spanNodeOf);
    const { start, end } = request;
    checkNewTaskSpan(source, nodes, start, end);
    let parent = headingFor(nodes, start);
    if (request.parentId !== undefined) {
      const given = nodes.find((n) => n.id === request.parentId);
      if (!given || given.kind === "task")
        throw new AppError(
          "bad_input",
          {
            zh: `上级 ${request.parentId} 不是本计划的标题`,
            en: `parent ${request.parentId} is not a heading of this plan`,
          },
          { rule: "bad_parent", parentId: request.parentId },
        );
      parent = given;
    }
    const ord = ordFor(nodes, start);
    await shiftNodeOrds(trx, planId, ord);
    const text = source.slice(start, end);
    const id = await insertTaskNode(
      trx,
      {
        planId,
        parentId: parent?.id ?? null,
        level: (parent?.level ?? 0) + 1,
        ord,
        title: taskTitleOf(text),
        text,
        start,
        end,
        leadDepartmentId: null,
        suggestedDepartment: null,
        suggestedKeyword: null,
        suggestedDepartmentId: null,
      },
      now,
    );
    // What the text of the new task states belongs to it, unless a task holds it already.
    const tasks = new Set(nodes.filter((n) => n.kind === "task").map((n) => n.id));
    const inSpan = (r: { node_id: number | null; span_start: number; span_end: number }) =>
      r.span_start >= start && r.span_end <= end && (r.node_id === null || !tasks.has(r.node_id));
    const targetIds = (await listHeldRows(trx, "targets", { planId })).filter(inSpan).map((t) => t.id);
    const itemIds = (await listHeldRows(trx, "items", { planId })).filter(inSpan).map((i) => i.id);
    await setHeldRowsNode(trx, "targets", targetIds, id, now);
    await setHeldRowsNode(trx, "items", itemIds, id, now);
    await appendAudit(
      trx,
      actor,
      {
        action: "node.create",
        entity: "outline_node",
        entityId: id,
        planId,
        after: { ...(await nodeSnapshot(trx, id)), target_ids: targetIds, item_ids: itemIds },
      },
      now,
    );
    // A published plan's tasks are assigned (交办) on publication; one added later is assigned now.
    if (plan.state === "published") await assignTasksOfPlan(trx, actor, planId, [id], now.slice(0, 10), now);
    return (await getNodeView(trx, id)) as OutlineNodeView;
  });
}

async function loadTask(db: Db, id: number): Promise<OutlineNodeRow> {
  const node = await getNodeRow(db, id);
  if (!node) throw notFound("node", id);
  return node;
}

/** POST /api/nodes/:id/split — a draft's task in two at an offset of its title; the second gets the rest. */
export async function splitTask(
  db: Db,
  actor: Actor,
  id: number,
  request: SplitNodeRequest,
): Promise<[OutlineNodeView, OutlineNodeView]> {
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const found = await loadTask(trx, id);
    const plan = await lockedPlan(trx, found.plan_id, now);
    const node = await loadTask(trx, id);
    if (node.kind !== "task") throw notTask(node);
    refuseUnlessDraft(plan, "split");
    const source = (await getPlanSourceText(trx, plan.id)) ?? "";
    const offset = splitOffset(source, spanNodeOf(node), request.at);
    const firstText = source.slice(node.span_start, offset);
    const secondText = source.slice(offset, node.span_end);
    const before = await nodeSnapshot(trx, id);
    await shiftNodeOrds(trx, plan.id, node.ord + 1);
    await setNodeSpan(
      trx,
      id,
      { title: taskTitleOf(firstText), text: firstText, start: node.span_start, end: offset },
      now,
    );
    const secondId = await insertTaskNode(
      trx,
      {
        planId: plan.id,
        parentId: node.parent_id,
        level: node.level,
        ord: node.ord + 1,
        title: taskTitleOf(secondText),
        text: secondText,
        start: offset,
        end: node.span_end,
        leadDepartmentId: node.lead_department_id,
        suggestedDepartment: node.suggested_department,
        suggestedKeyword: node.suggested_keyword,
        suggestedDepartmentId: node.suggested_department_id,
      },
      now,
    );
    await copyNodeDepartments(trx, id, secondId);
    // Targets and items keep their place by their span: what begins in the second part goes with it.
    const moved = await moveContents(trx, [id], secondId, now, offset);
    await appendAudit(
      trx,
      actor,
      {
        action: "node.split",
        entity: "outline_node",
        entityId: id,
        planId: plan.id,
        before,
        after: {
          nodes: [await nodeSnapshot(trx, id), await nodeSnapshot(trx, secondId)],
          target_ids: moved.targetIds,
          item_ids: moved.itemIds,
        },
      },
      now,
    );
    return [
      (await getNodeView(trx, id)) as OutlineNodeView,
      (await getNodeView(trx, secondId)) as OutlineNodeView,
    ];
  });
}

/** POST /api/nodes/merge — adjacent tasks of a draft under one heading merged into the first. */
export async function mergeTasks(db: Db, actor: Actor, request: MergeNodesRequest): Promise<OutlineNodeView> {
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const ids = [...new Set(request.ids)];
    if (ids.length < 2)
      throw new AppError(
        "bad_input",
        { zh: "合并需要至少两个不同的任务", en: "merging needs at least two different tasks" },
        { rule: "too_few", ids },
      );
    const rows: OutlineNodeRow[] = [];
    for (const nodeId of ids) rows.push(await loadTask(trx, nodeId));
    const planId = rows[0]?.plan_id as number;
    if (rows.some((r) => r.plan_id !== planId))
      throw new AppError(
        "bad_input",
        { zh: "只能合并同一计划的任务", en: "only tasks of one plan can be merged" },
        { rule: "plans_differ", ids },
      );
    const plan = await lockedPlan(trx, planId, now);
    refuseUnlessDraft(plan, "merge");
    const run = mergeRun((await listNodeRowsOfPlan(trx, planId)).map(spanNodeOf), ids);
    await refuseIfReported(trx, planId, { nodeIds: ids });
    const [survivor, ...others] = run as [SpanNode, ...SpanNode[]];
    const otherIds = others.map((o) => o.id);
    const before = [];
    for (const n of run) before.push(await nodeSnapshot(trx, n.id));
    const start = Math.min(...run.map((n) => n.start));
    const end = Math.max(...run.map((n) => n.end));
    const source = (await getPlanSourceText(trx, planId)) ?? "";
    const moved = await moveContents(trx, otherIds, survivor.id, now);
    await reparentChildren(trx, otherIds, survivor.id, now);
    await deleteNodeRows(trx, otherIds);
    await setNodeSpan(
      trx,
      survivor.id,
      { title: run.map((n) => n.title).join(""), text: source.slice(start, end), start, end },
      now,
    );
    await appendAudit(
      trx,
      actor,
      {
        action: "node.merge",
        entity: "outline_node",
        entityId: survivor.id,
        planId,
        before,
        after: {
          ...(await nodeSnapshot(trx, survivor.id)),
          target_ids: moved.targetIds,
          item_ids: moved.itemIds,
        },
      },
      now,
    );
    return (await getNodeView(trx, survivor.id)) as OutlineNodeView;
  });
}

/** DELETE /api/nodes/:id — a draft's task; its targets and items move to the heading above it. */
export async function deleteTask(db: Db, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const found = await loadTask(trx, id);
    const plan = await lockedPlan(trx, found.plan_id, now);
    const node = await loadTask(trx, id);
    if (node.kind !== "task") throw notTask(node);
    refuseDeleteUnlessDraft(plan, "task", id);
    await refuseIfReported(trx, plan.id, { nodeIds: [id] });
    const before = await nodeSnapshot(trx, id);
    const moved = await moveContents(trx, [id], node.parent_id, now);
    await reparentChildren(trx, [id], node.parent_id, now);
    await deleteNodeRows(trx, [id]);
    await appendAudit(
      trx,
      actor,
      {
        action: "node.delete",
        entity: "outline_node",
        entityId: id,
        planId: plan.id,
        before,
        after: { moved_to: node.parent_id, target_ids: moved.targetIds, item_ids: moved.itemIds },
      },
      now,
    );
  });
}
