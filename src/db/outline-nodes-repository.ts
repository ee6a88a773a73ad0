// Outline nodes (sections, areas, groups, tasks) of a plan and their co-operating departments. Every
// write runs in one transaction with its audit row.

import type { Kysely } from "kysely";
import type { OutlineKind } from "../extract/types.ts";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import { idChunks } from "./id-chunks.ts";
import { touchPlan } from "./plans-repository.ts";
import type { Database, OutlineNodeRow } from "./schema.ts";

type Db = Kysely<Database>;

export async function getNodeRow(db: Db, id: number): Promise<OutlineNodeRow | undefined> {
  return db.selectFrom("outline_nodes").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Co-operating departments of an outline node, by department id. */
export async function coDepartmentIdsOfNode(db: Db, nodeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("node_departments")
    .select("department_id")
    .where("node_id", "=", nodeId)
    .orderBy("department_id")
    .execute();
  return rows.map((r) => r.department_id);
}

/** The innermost task node whose span contains [start, end), for placing a manual target. */
export async function findTaskAt(db: Db, planId: number, start: number, end: number): Promise<number | null> {
  const row = await db
    .selectFrom("outline_nodes")
    .select("id")
    .where("plan_id", "=", planId)
    .where("kind", "=", "task")
    .where("span_start", "<=", start)
    .where("span_end", ">=", end)
    .orderBy("span_start", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface NodeChanges {
  title?: string;
  kind?: OutlineKind;
  leadDepartmentId?: number | null;
  coDepartmentIds?: number[];
}

export async function updateNode(db: Db, actor: Actor, id: number, changes: NodeChanges): Promise<void> {
  return inTransaction(db, async (trx) => {
    const snapshot = async () => {
      const row = await getNodeRow(trx, id);
      return row ? { ...row, co_department_ids: await coDepartmentIdsOfNode(trx, id) } : undefined;
    };
    const before = await snapshot();
    if (!before) throw new Error(`node ${id} vanished`);
    const now = new Date().toISOString();
    await trx
      .updateTable("outline_nodes")
      .set({
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
        ...(changes.leadDepartmentId !== undefined ? { lead_department_id: changes.leadDepartmentId } : {}),
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    if (changes.coDepartmentIds !== undefined) {
      await trx.deleteFrom("node_departments").where("node_id", "=", id).execute();
      const unique = [...new Set(changes.coDepartmentIds)];
      if (unique.length > 0) {
        await trx
          .insertInto("node_departments")
          .values(unique.map((department_id) => ({ node_id: id, department_id })))
          .execute();
      }
    }
    await touchPlan(trx, before.plan_id, now);
    await appendAudit(trx, actor, {
      action: "node.update",
      entity: "outline_node",
      entityId: id,
      planId: before.plan_id,
      before,
      after: await snapshot(),
    });
  });
}

/** Co-operating departments of an outline node, in the database's order. */
export async function listNodeCoDepartmentIds(db: Db, nodeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("node_departments")
    .select("department_id")
    .where("node_id", "=", nodeId)
    .execute();
  return rows.map((r) => r.department_id);
}

export type OutlineNodeBrief = Pick<
  OutlineNodeRow,
  "id" | "parent_id" | "kind" | "title" | "lead_department_id"
>;

/** A plan's outline nodes in text order, with what reporting needs of them. */
export async function listNodeBriefsOfPlan(db: Db, planId: number): Promise<OutlineNodeBrief[]> {
  return db
    .selectFrom("outline_nodes")
    .select(["id", "parent_id", "kind", "title", "lead_department_id"])
    .where("plan_id", "=", planId)
    .orderBy("span_start")
    .execute();
}

/** Co-operating departments of these outline nodes. */
export async function listNodeCoDepartments(
  db: Db,
  nodeIds: readonly number[],
): Promise<{ node_id: number; department_id: number }[]> {
  const out: { node_id: number; department_id: number }[] = [];
  for (const chunk of idChunks(db, nodeIds))
    out.push(
      ...(await db
        .selectFrom("node_departments")
        .select(["node_id", "department_id"])
        .where("node_id", "in", chunk)
        .execute()),
    );
  return out;
}

/** A plan's outline nodes in plan order (ord, then id). */
export async function listNodeRowsOfPlan(db: Db, planId: number): Promise<OutlineNodeRow[]> {
  return db
    .selectFrom("outline_nodes")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("ord")
    .orderBy("id")
    .execute();
}

/** Co-operating departments of every outline node of a plan, by department id. */
export async function listNodeCoDepartmentPairsOfPlan(
  db: Db,
  planId: number,
): Promise<{ owner: number; department_id: number }[]> {
  return db
    .selectFrom("node_departments")
    .innerJoin("outline_nodes", "outline_nodes.id", "node_departments.node_id")
    .select(["node_departments.node_id as owner", "node_departments.department_id"])
    .where("outline_nodes.plan_id", "=", planId)
    .orderBy("node_departments.department_id")
    .execute();
}

// ── The editor's structural changes (issue 13) ─────────────────────────────────────────────────
// Single steps of adding, splitting, merging and deleting tasks. They write no audit row: the service
// runs the steps of one change in one transaction and records the change as a whole.

export interface NewTaskNode {
  planId: number;
  parentId: number | null;
  level: number;
  ord: number;
  title: string;
  text: string;
  start: number;
  end: number;
  leadDepartmentId: number | null;
  suggestedDepartment: string | null;
  suggestedKeyword: string | null;
  suggestedDepartmentId: number | null;
}

/** Makes room at `ord` in the plan's document order: every node from there on moves one place down. */
export async function shiftNodeOrds(db: Db, planId: number, fromOrd: number): Promise<void> {
  await db
    .updateTable("outline_nodes")
    .set((eb) => ({ ord: eb("ord", "+", 1) }))
    .where("plan_id", "=", planId)
    .where("ord", ">=", fromOrd)
    .execute();
}

/** A task node; answers its id. */
export async function insertTaskNode(db: Db, node: NewTaskNode, now: string): Promise<number> {
  const { id } = await db
    .insertInto("outline_nodes")
    .values({
      plan_id: node.planId,
      parent_id: node.parentId,
      kind: "task",
      level: node.level,
      ord: node.ord,
      marker: "",
      title: node.title,
      text: node.text,
      span_start: node.start,
      span_end: node.end,
      lead_department_id: node.leadDepartmentId,
      suggested_department: node.suggestedDepartment,
      suggested_keyword: node.suggestedKeyword,
      suggested_department_id: node.suggestedDepartmentId,
      draft_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** A node's title, text and span after a split or a merge. */
export async function setNodeSpan(
  db: Db,
  id: number,
  changes: { title: string; text: string; start: number; end: number },
  now: string,
): Promise<void> {
  await db
    .updateTable("outline_nodes")
    .set({
      title: changes.title,
      text: changes.text,
      span_start: changes.start,
      span_end: changes.end,
      updated_at: now,
    })
    .where("id", "=", id)
    .execute();
}

/** Gives `toId` the co-operating departments of `fromId` (the second half of a split task). */
export async function copyNodeDepartments(db: Db, fromId: number, toId: number): Promise<void> {
  const ids = await coDepartmentIdsOfNode(db, fromId);
  if (ids.length === 0) return;
  await db
    .insertInto("node_departments")
    .values(ids.map((department_id) => ({ node_id: toId, department_id })))
    .execute();
}

/** Hangs the children of these nodes under another node (or the root) before the nodes go. */
export async function reparentChildren(
  db: Db,
  fromParentIds: readonly number[],
  toParentId: number | null,
  now: string,
): Promise<void> {
  for (const chunk of idChunks(db, fromParentIds))
    await db
      .updateTable("outline_nodes")
      .set({ parent_id: toParentId, updated_at: now })
      .where("parent_id", "in", chunk)
      .execute();
}

/** Deletes these nodes; their departments and task rows go with them (cascade). */
export async function deleteNodeRows(db: Db, ids: readonly number[]): Promise<void> {
  for (const chunk of idChunks(db, ids))
    await db.deleteFrom("outline_nodes").where("id", "in", chunk).execute();
}
