// What the access rules need to know of the plan a request touches: its region and state, found from
// the plan itself, from a row that belongs to it, or from targets named in a body.

import type { Kysely } from "kysely";
import type { Database, PlanRow } from "./schema.ts";

type Db = Kysely<Database>;

export interface PlanAccessFacts {
  id: number;
  region_id: number | null;
  state: PlanRow["state"];
}

/** What the access rules need to know of these plans: region and state. */
export async function listPlanAccessFacts(db: Db, ids: readonly number[]): Promise<PlanAccessFacts[]> {
  return db
    .selectFrom("plans")
    .select(["id", "region_id", "state"])
    .where("id", "in", [...ids])
    .execute();
}

/** Rows that belong to one plan, by the `plan_id` column they all have. */
export type PlanOwnedTable =
  | "targets"
  | "outline_nodes"
  | "items"
  | "reports"
  | "extension_requests"
  | "task_adjustments";

/** The access facts of the plan a row belongs to, in one round trip (the access guard's hot path). */
export async function planAccessFactsOfRow(
  db: Db,
  table: PlanOwnedTable,
  id: number,
): Promise<PlanAccessFacts | undefined> {
  // Typed as targets: every table of the union has the two columns read here.
  const owned = table as "targets";
  return db
    .selectFrom(owned)
    .innerJoin("plans", "plans.id", `${owned}.plan_id`)
    .select(["plans.id", "plans.region_id", "plans.state"])
    .where(`${owned}.id`, "=", id)
    .executeTakeFirst();
}

/** The distinct plans these outline nodes belong to (POST /api/nodes/merge). */
export async function planIdsOfNodes(db: Db, ids: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom("outline_nodes")
    .select("plan_id")
    .distinct()
    .where("id", "in", [...ids])
    .execute();
  return rows.map((r) => r.plan_id);
}

/** The distinct plans these targets belong to. */
export async function planIdsOfTargets(db: Db, ids: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom("targets")
    .select("plan_id")
    .distinct()
    .where("id", "in", [...ids])
    .execute();
  return rows.map((r) => r.plan_id);
}
