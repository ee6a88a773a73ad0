// Items (项目, 地块) read from a plan's document.

import type { Kysely } from "kysely";
import { idChunks } from "./id-chunks.ts";
import type { Database, ItemRow } from "./schema.ts";

type Db = Kysely<Database>;

export async function getItemRow(db: Db, id: number): Promise<ItemRow | undefined> {
  return db.selectFrom("items").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A plan's items, in the database's order. */
export async function listItemRowsOfPlan(db: Db, planId: number): Promise<ItemRow[]> {
  return db.selectFrom("items").selectAll().where("plan_id", "=", planId).execute();
}

/** A plan's items in text order (span_start, then ord and id), as the editor shows them. */
export async function listItemRowsOfPlanInText(db: Db, planId: number): Promise<ItemRow[]> {
  return db
    .selectFrom("items")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("span_start")
    .orderBy("ord")
    .orderBy("id")
    .execute();
}

/** The items of these outline nodes (issue 13: they follow their task when it is split, merged or deleted). */
export async function listItemRowsOfNodes(db: Db, nodeIds: readonly number[]): Promise<ItemRow[]> {
  const out: ItemRow[] = [];
  for (const chunk of idChunks(db, nodeIds))
    out.push(...(await db.selectFrom("items").selectAll().where("node_id", "in", chunk).execute()));
  return out.sort((a, b) => a.span_start - b.span_start || a.id - b.id);
}

/** Puts these items under another outline node (null: under none); no audit row, the caller's change has it. */
export async function setItemsNode(
  db: Db,
  ids: readonly number[],
  nodeId: number | null,
  now: string,
): Promise<void> {
  for (const chunk of idChunks(db, ids))
    await db
      .updateTable("items")
      .set({ node_id: nodeId, updated_at: now })
      .where("id", "in", chunk)
      .execute();
}
