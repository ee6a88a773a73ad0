// Items (项目, 地块) read from a plan's document.

import type { Kysely } from "kysely";
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
