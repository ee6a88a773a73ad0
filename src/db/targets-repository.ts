// Targets (指标) and milestones of a plan: reading them and their co-operating departments. Changing
// them (patch, split, merge, manual) is in target-edits-repository.ts.

import { type Kysely, sql } from "kysely";
import type { TargetKind } from "../extract/types.ts";
import { isPostgres } from "./dialect.ts";
import { idChunks } from "./id-chunks.ts";
import { previousValueSubquery } from "./reports-repository.ts";
import type { Database, PlanRow, TargetRow } from "./schema.ts";

type Db = Kysely<Database>;

/** Rates (GDP growth) come from quarterly statistics; everything else is reported monthly. */
export function defaultFrequency(kind: TargetKind): "monthly" | "quarterly" {
  return kind === "rate" ? "quarterly" : "monthly";
}

export async function getTargetRow(db: Db, id: number): Promise<TargetRow | undefined> {
  return db.selectFrom("targets").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getTargetRows(db: Db, ids: readonly number[]): Promise<TargetRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("targets")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
}

/** Co-operating departments of a target, by department id. */
export async function coDepartmentIdsOfTarget(db: Db, targetId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("target_departments")
    .select("department_id")
    .where("target_id", "=", targetId)
    .orderBy("department_id")
    .execute();
  return rows.map((r) => r.department_id);
}

/** How many reports refer to these targets (a target with reports may not be split or merged away). */
export async function countReportsOfTargets(db: Db, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await db
    .selectFrom("reports")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("target_id", "in", [...ids])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Co-operating departments of a target, in the database's order. */
/**
 * A target, its co-operating departments, its plan and whether anyone ever asked for more time about
 * it, in one round trip (the submission path: without such a request there are none to read). With
 * `previousBefore` (a period's first day) also the figure reported for the period before it, which
 * the plausibility rules compare with.
 */
export async function getTargetWithPlan(
  db: Db,
  id: number,
  options: { previousBefore?: string } = {},
): Promise<
  | {
      row: TargetRow;
      coDepartmentIds: number[];
      plan: PlanRow;
      hasExtensions: boolean;
      previousValue: number | null;
    }
  | undefined
> {
  const co = isPostgres(db)
    ? sql<
        string | null
      >`(select string_agg(department_id::text, ',') from target_departments where target_id = targets.id)`
    : sql<
        string | null
      >`(select group_concat(department_id) from target_departments where target_id = targets.id)`;
  const found = await db
    .selectFrom("targets")
    .innerJoin("plans", "plans.id", "targets.plan_id")
    .selectAll("targets")
    .select([
      co.as("co_department_ids"),
      sql<number>`(select count(*) from extension_requests where plan_id = targets.plan_id and target_id = targets.id)`.as(
        "extension_count",
      ),
      "plans.region_id as plan_region_id",
      "plans.title as plan_title",
      "plans.year as plan_year",
      "plans.period_start as plan_period_start",
      "plans.period_end as plan_period_end",
      "plans.issuer as plan_issuer",
      "plans.published_on as plan_published_on",
      "plans.state as plan_state",
      "plans.is_public as plan_is_public",
      "plans.settings as plan_settings",
      "plans.kind as plan_kind",
      "plans.created_by as plan_created_by",
      "plans.created_at as plan_created_at",
      "plans.updated_at as plan_updated_at",
      "plans.published_at as plan_published_at",
      "plans.closed_at as plan_closed_at",
      options.previousBefore
        ? previousValueSubquery(`target:${id}`, options.previousBefore).as("previous_value")
        : sql<number | null>`null`.as("previous_value"),
    ])
    .where("targets.id", "=", id)
    .executeTakeFirst();
  if (!found) return undefined;
  const {
    co_department_ids,
    extension_count,
    plan_region_id,
    plan_title,
    plan_year,
    plan_period_start,
    plan_period_end,
    plan_issuer,
    plan_published_on,
    plan_state,
    plan_is_public,
    plan_settings,
    plan_created_by,
    plan_created_at,
    plan_updated_at,
    plan_published_at,
    plan_closed_at,
    plan_kind,
    previous_value,
    ...row
  } = found;
  const plan: PlanRow = {
    id: row.plan_id,
    region_id: plan_region_id,
    title: plan_title,
    year: plan_year,
    period_start: plan_period_start,
    period_end: plan_period_end,
    issuer: plan_issuer,
    published_on: plan_published_on,
    state: plan_state,
    is_public: plan_is_public,
    settings: plan_settings,
    created_by: plan_created_by,
    created_at: plan_created_at,
    updated_at: plan_updated_at,
    published_at: plan_published_at,
    closed_at: plan_closed_at,
    kind: plan_kind,
  };
  const coDepartmentIds = co_department_ids ? String(co_department_ids).split(",").map(Number) : [];
  return {
    row,
    coDepartmentIds,
    plan,
    hasExtensions: Number(extension_count) > 0,
    previousValue: previous_value === null ? null : Number(previous_value),
  };
}

/** A plan's targets in plan order (ord, then id). */
export async function listTargetRowsOfPlan(db: Db, planId: number): Promise<TargetRow[]> {
  return db
    .selectFrom("targets")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("ord")
    .orderBy("id")
    .execute();
}

/** A plan's targets in text order (span_start, then id). */
export async function listTargetRowsOfPlanBySpan(db: Db, planId: number): Promise<TargetRow[]> {
  return db
    .selectFrom("targets")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("span_start")
    .orderBy("id")
    .execute();
}

/** Set a target's lead department without further checks (the demo seed; audited by the caller). */
export async function setTargetLeadDepartment(
  db: Db,
  targetId: number,
  departmentId: number | null,
  now: string,
): Promise<void> {
  await db
    .updateTable("targets")
    .set({ lead_department_id: departmentId, updated_at: now })
    .where("id", "=", targetId)
    .execute();
}

/** Ids of a plan's targets whose subject is exactly this. */
export async function findTargetIdsBySubject(db: Db, planId: number, subject: string): Promise<number[]> {
  const rows = await db
    .selectFrom("targets")
    .select("id")
    .where("plan_id", "=", planId)
    .where("subject", "=", subject)
    .execute();
  return rows.map((r) => r.id);
}

/** A target's value (undefined: no such target). */
export async function getTargetValue(db: Db, id: number): Promise<{ value: number | null } | undefined> {
  return db.selectFrom("targets").select("value").where("id", "=", id).executeTakeFirst();
}

/** Co-operating departments of these targets (by id: a join on the plan would scan the table). */
export async function listTargetCoDepartments(
  db: Db,
  targetIds: readonly number[],
): Promise<{ target_id: number; department_id: number }[]> {
  const out: { target_id: number; department_id: number }[] = [];
  for (const chunk of idChunks(db, targetIds))
    out.push(
      ...(await db
        .selectFrom("target_departments")
        .select(["target_id", "department_id"])
        .where("target_id", "in", chunk)
        .execute()),
    );
  return out;
}

/** A plan's targets in text order (span_start, then ord and id), as the editor shows them. */
export async function listTargetRowsOfPlanInText(db: Db, planId: number): Promise<TargetRow[]> {
  return db
    .selectFrom("targets")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("span_start")
    .orderBy("ord")
    .orderBy("id")
    .execute();
}

/** Co-operating departments of every target of a plan, by department id. */
export async function listTargetCoDepartmentPairsOfPlan(
  db: Db,
  planId: number,
): Promise<{ owner: number; department_id: number }[]> {
  return db
    .selectFrom("target_departments")
    .innerJoin("targets", "targets.id", "target_departments.target_id")
    .select(["target_departments.target_id as owner", "target_departments.department_id"])
    .where("targets.plan_id", "=", planId)
    .orderBy("target_departments.department_id")
    .execute();
}

// ── The editor's structural changes and 中止 (issue 13) ────────────────────────────────────────
// Single steps without an audit row: the service runs them in one transaction and audits the change.

/** Deletes a target; its departments, 分期计划 and links go with it (cascade). */
export async function deleteTargetRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom("targets").where("id", "=", id).execute();
}

/**
 * 中止: the target is kept with when and why. Compared on write, so that of two stops at once one
 * wins; answers whether this one did.
 */
export async function markTargetStopped(db: Db, id: number, at: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable("targets")
    .set({ stopped_at: at, stopped_reason: reason, updated_at: at })
    .where("id", "=", id)
    .where("stopped_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
