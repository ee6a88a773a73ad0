// Links from a city plan's target to the district targets it rolls up. Writes are audited in the
// caller's transaction (or their own).

import type { Kysely } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import type { Database, TargetRow } from "./schema.ts";

type Db = Kysely<Database>;

export interface TargetLinkRow {
  parentTargetId: number;
  childTargetId: number;
}

export async function listLinksOfParents(db: Db, parentIds: readonly number[]): Promise<TargetLinkRow[]> {
  if (parentIds.length === 0) return [];
  return db
    .selectFrom("target_links")
    .select(["parent_target_id as parentTargetId", "child_target_id as childTargetId"])
    .where("parent_target_id", "in", [...parentIds])
    .orderBy("id")
    .execute();
}

export async function linksOfChildren(db: Db, childIds: readonly number[]): Promise<TargetLinkRow[]> {
  if (childIds.length === 0) return [];
  return db
    .selectFrom("target_links")
    .select(["parent_target_id as parentTargetId", "child_target_id as childTargetId"])
    .where("child_target_id", "in", [...childIds])
    .execute();
}

export async function insertLinks(
  db: Db,
  actor: Actor,
  planId: number,
  parentTargetId: number,
  childIds: readonly number[],
): Promise<void> {
  if (childIds.length === 0) return;
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    await trx
      .insertInto("target_links")
      .values(
        childIds.map((child) => ({
          parent_target_id: parentTargetId,
          child_target_id: child,
          created_by: actor.userId,
          created_at: now,
        })),
      )
      .execute();
    await appendAudit(trx, actor, {
      action: "target.link",
      entity: "target",
      entityId: parentTargetId,
      planId,
      after: { childTargetIds: childIds },
    });
  });
}

export async function deleteLink(
  db: Db,
  actor: Actor,
  planId: number,
  parentTargetId: number,
  childTargetId: number,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const deleted = await trx
      .deleteFrom("target_links")
      .where("parent_target_id", "=", parentTargetId)
      .where("child_target_id", "=", childTargetId)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return false;
    await appendAudit(trx, actor, {
      action: "target.unlink",
      entity: "target",
      entityId: parentTargetId,
      planId,
      before: { childTargetId },
    });
    return true;
  });
}

export interface LinkableTargetRow {
  id: number;
  plan_id: number;
  subject: TargetRow["subject"];
  display: TargetRow["display"];
  unit: TargetRow["unit"];
  kind: TargetRow["kind"];
  planTitle: string;
  year: number | null;
  period_start: string;
  region_id: number | null;
  regionName: string | null;
  regionParentId: number | null;
}

/** These targets with what linking needs of their plans and regions. */
export async function listTargetsWithPlans(db: Db, ids: readonly number[]): Promise<LinkableTargetRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("targets")
    .innerJoin("plans", "plans.id", "targets.plan_id")
    .leftJoin("regions", "regions.id", "plans.region_id")
    .select([
      "targets.id",
      "targets.plan_id",
      "targets.subject",
      "targets.display",
      "targets.unit",
      "targets.kind",
      "plans.title as planTitle",
      "plans.year",
      "plans.period_start",
      "plans.region_id",
      "regions.name as regionName",
      "regions.parent_id as regionParentId",
    ])
    .where("targets.id", "in", [...ids])
    .execute();
}

export interface DistrictTargetRow {
  id: number;
  plan_id: number;
  planTitle: string;
  regionId: number | null;
  regionName: string | null;
}

/** Linked (district) targets with their plan's title and region. */
export async function listDistrictTargets(db: Db, ids: readonly number[]): Promise<DistrictTargetRow[]> {
  return db
    .selectFrom("targets")
    .innerJoin("plans", "plans.id", "targets.plan_id")
    .leftJoin("regions", "regions.id", "plans.region_id")
    .select([
      "targets.id",
      "targets.plan_id",
      "plans.title as planTitle",
      "regions.id as regionId",
      "regions.name as regionName",
    ])
    .where("targets.id", "in", [...ids])
    .execute();
}
