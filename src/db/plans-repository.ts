// Plans: their rows, listing with counts, source document, state and public flag. Every write runs
// in one transaction with its audit row; callers that need more in the same transaction pass a
// Transaction as `db` (see inTransaction). Outline nodes, targets and items have their own
// repositories; turning rows into API views is the presenters' work (src/services/plan-presenter.ts).

import type { Kysely } from "kysely";
import type { OutlineKind } from "../extract/types.ts";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import type { Database, PlanRow } from "./schema.ts";

type Db = Kysely<Database>;

// ---------------------------------------------------------------------------------------------------
// Reading

export interface PlanMatch {
  planId: number;
  title: string;
  createdAt: string;
}

/**
 * Plans made from the same file, or from the same text in another encoding or file. `textSha256` is the
 * hash of the text as compared (src/extract/comparable-text.ts); `rawTextSha256`, of the text as read,
 * finds the sources stored before that (issue 14), whose text_sha256 is of the text as read.
 */
export async function findPlansBySource(
  db: Db,
  hashes: { sha256: string; textSha256?: string; rawTextSha256?: string },
): Promise<PlanMatch[]> {
  const textHashes = [hashes.textSha256, hashes.rawTextSha256].filter((h): h is string => Boolean(h));
  const rows = await db
    .selectFrom("plan_sources")
    .innerJoin("plans", "plans.id", "plan_sources.plan_id")
    .select(["plans.id as planId", "plans.title as title", "plans.created_at as createdAt"])
    .where((eb) =>
      textHashes.length > 0
        ? eb.or([
            eb("plan_sources.sha256", "=", hashes.sha256),
            eb("plan_sources.text_sha256", "in", textHashes),
          ])
        : eb("plan_sources.sha256", "=", hashes.sha256),
    )
    .orderBy("plans.id")
    .execute();
  return rows;
}

export async function getPlanRow(db: Db, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
}

/** How many nodes of each kind, targets, milestones and items a plan has. */
export interface PlanCounts {
  sections: number;
  areas: number;
  groups: number;
  tasks: number;
  targets: number;
  items: number;
  milestones: number;
}

type Counts = PlanCounts;

function emptyCounts(): Counts {
  return { sections: 0, areas: 0, groups: 0, tasks: 0, targets: 0, items: 0, milestones: 0 };
}

const NODE_COUNT_KEY: Record<OutlineKind, keyof Counts> = {
  section: "sections",
  area: "areas",
  group: "groups",
  task: "tasks",
};

async function countsByPlan(db: Db, planIds: number[] | null): Promise<Map<number, Counts>> {
  const counts = new Map<number, Counts>();
  const of = (planId: number) => {
    let c = counts.get(planId);
    if (!c) {
      c = emptyCounts();
      counts.set(planId, c);
    }
    return c;
  };
  if (planIds !== null && planIds.length === 0) return counts;
  const nodes = await db
    .selectFrom("outline_nodes")
    .select(["plan_id", "kind", (eb) => eb.fn.countAll<number>().as("n")])
    .$if(planIds !== null, (q) => q.where("plan_id", "in", planIds ?? []))
    .groupBy(["plan_id", "kind"])
    .execute();
  for (const row of nodes) of(row.plan_id)[NODE_COUNT_KEY[row.kind]] += Number(row.n);
  const targets = await db
    .selectFrom("targets")
    .select(["plan_id", "kind", (eb) => eb.fn.countAll<number>().as("n")])
    .$if(planIds !== null, (q) => q.where("plan_id", "in", planIds ?? []))
    .groupBy(["plan_id", "kind"])
    .execute();
  for (const row of targets)
    of(row.plan_id)[row.kind === "milestone" ? "milestones" : "targets"] += Number(row.n);
  const items = await db
    .selectFrom("items")
    .select(["plan_id", (eb) => eb.fn.countAll<number>().as("n")])
    .$if(planIds !== null, (q) => q.where("plan_id", "in", planIds ?? []))
    .groupBy("plan_id")
    .execute();
  for (const row of items) of(row.plan_id).items += Number(row.n);
  return counts;
}

function summaryQuery(db: Db) {
  return db
    .selectFrom("plans")
    .leftJoin("regions", "regions.id", "plans.region_id")
    .leftJoin("plan_sources", "plan_sources.plan_id", "plans.id")
    .select([
      "plans.id",
      "plans.title",
      "plans.year",
      "plans.period_start",
      "plans.period_end",
      "plans.issuer",
      "plans.published_on",
      "plans.state",
      "plans.created_at",
      "plans.region_id",
      "plans.is_public",
      "plans.kind",
      "regions.name as region_name",
      "regions.code as region_code",
      "plan_sources.file_name",
      "plan_sources.text_sha256",
    ]);
}

/** A plan's row with its region, source file name and counts: what a plan summary shows. */
export type PlanSummaryRow = Awaited<
  ReturnType<ReturnType<typeof summaryQuery>["executeTakeFirstOrThrow"]>
> & {
  counts: PlanCounts;
};

/** Every plan, newest first, with its counts. */
export async function listPlanSummaryRows(db: Db): Promise<PlanSummaryRow[]> {
  const rows = await summaryQuery(db).orderBy("plans.id", "desc").execute();
  const counts = await countsByPlan(db, null);
  return rows.map((row) => ({ ...row, counts: counts.get(row.id) ?? emptyCounts() }));
}

export async function getPlanSummaryRow(db: Db, id: number): Promise<PlanSummaryRow | undefined> {
  const row = await summaryQuery(db).where("plans.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const counts = await countsByPlan(db, [id]);
  return { ...row, counts: counts.get(id) ?? emptyCounts() };
}

export interface PlanSourceRow {
  plan_id: number;
  file_name: string;
  encoding: string;
  sha256: string;
  text: string;
}

export async function getPlanSourceRow(db: Db, planId: number): Promise<PlanSourceRow | undefined> {
  return db
    .selectFrom("plan_sources")
    .select(["plan_id", "file_name", "encoding", "sha256", "text"])
    .where("plan_id", "=", planId)
    .executeTakeFirst();
}

/** The length of the plan's source text, for checking spans. */
export async function getSourceLength(db: Db, planId: number): Promise<number | undefined> {
  const source = await getPlanSourceRow(db, planId);
  return source?.text.length;
}
/** Marks the plan changed (its outline, targets or items were). */
export async function touchPlan(db: Db, planId: number, now: string): Promise<void> {
  await db.updateTable("plans").set({ updated_at: now }).where("id", "=", planId).execute();
}

/** Moves a plan to a new state (the caller checks the transition). */
export async function setPlanState(
  db: Db,
  actor: Actor,
  planId: number,
  state: "published" | "closed",
): Promise<void> {
  return inTransaction(db, async (trx) => {
    const before = await getPlanRow(trx, planId);
    if (!before) throw new Error(`plan ${planId} vanished`);
    const now = new Date().toISOString();
    await trx
      .updateTable("plans")
      .set({
        state,
        updated_at: now,
        ...(state === "published" ? { published_at: now } : { closed_at: now }),
      })
      .where("id", "=", planId)
      .execute();
    const after = await getPlanRow(trx, planId);
    await appendAudit(trx, actor, {
      action: state === "published" ? "plan.publish" : "plan.close",
      entity: "plan",
      entityId: planId,
      planId,
      before,
      after,
    });
  });
}

/** Shows the plan on the public pages, or stops showing it. */
export async function setPlanPublic(db: Db, actor: Actor, planId: number, isPublic: boolean): Promise<void> {
  return inTransaction(db, async (trx) => {
    const before = await getPlanRow(trx, planId);
    if (!before) throw new Error(`plan ${planId} vanished`);
    await trx
      .updateTable("plans")
      .set({ is_public: isPublic ? 1 : 0, updated_at: new Date().toISOString() })
      .where("id", "=", planId)
      .execute();
    const after = await getPlanRow(trx, planId);
    await appendAudit(trx, actor, {
      action: isPublic ? "plan.make_public" : "plan.make_private",
      entity: "plan",
      entityId: planId,
      planId,
      before,
      after,
    });
  });
}
// ---------------------------------------------------------------------------------------------------
// Reading for reporting, access checks and the demo

/** Every plan, by id. */
export async function listPlanRows(db: Db): Promise<PlanRow[]> {
  return db.selectFrom("plans").selectAll().orderBy("id").execute();
}

/** Ids of the published plans of a region, by id. */
export async function listPublishedPlanIdsOfRegion(db: Db, regionId: number | null): Promise<number[]> {
  const rows = await db
    .selectFrom("plans")
    .select("id")
    .where("state", "=", "published")
    .where("region_id", "=", regionId)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}
/** The id of a plan with this title and year in this region (null: no region), if any. */
export async function findPlanIdByTitle(
  db: Db,
  title: string,
  year: number,
  regionId: number | null,
): Promise<number | undefined> {
  const row = await db
    .selectFrom("plans")
    .select("id")
    .where("title", "=", title)
    .where("year", "=", year)
    .where((eb) => (regionId === null ? eb("region_id", "is", null) : eb("region_id", "=", regionId)))
    .executeTakeFirst();
  return row?.id;
}

/** Publish a plan without further checks (the demo seed; audited by the caller). */
export async function markPlanPublished(db: Db, planId: number, now: string): Promise<void> {
  await db
    .updateTable("plans")
    .set({ state: "published", published_at: now, updated_at: now })
    .where("id", "=", planId)
    .execute();
}

/** A plan becomes a five-year plan with its period, or annual again (issue 17); audited plan.set_kind. */
export async function setPlanKind(
  db: Db,
  actor: Actor,
  plan: Pick<PlanRow, "id" | "kind" | "period_start" | "period_end">,
  change: { kind: PlanRow["kind"]; periodStart: string; periodEnd: string },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable("plans")
      .set({
        kind: change.kind,
        period_start: change.periodStart,
        period_end: change.periodEnd,
        updated_at: new Date().toISOString(),
      })
      .where("id", "=", plan.id)
      .execute();
    await appendAudit(trx, actor, {
      action: "plan.set_kind",
      entity: "plan",
      entityId: plan.id,
      planId: plan.id,
      before: { kind: plan.kind, periodStart: plan.period_start, periodEnd: plan.period_end },
      after: change,
    });
  });
}

/** The text of a plan's source document, if it has one. */
export async function getPlanSourceText(db: Db, planId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom("plan_sources")
    .select("text")
    .where("plan_id", "=", planId)
    .executeTakeFirst();
  return row?.text;
}

/**
 * Deletes a plan and everything of it (issue 13: a draft plan thrown away). Most rows go by cascade;
 * reminders and requests for more time refer to the plan without one and are deleted first. The
 * caller has checked that the plan has no reports (their revisions are history and cannot go) and
 * writes the audit row.
 */
export async function deletePlanRows(db: Db, planId: number): Promise<void> {
  await db.deleteFrom("reminders").where("plan_id", "=", planId).execute();
  await db.deleteFrom("extension_requests").where("plan_id", "=", planId).execute();
  await db.deleteFrom("plans").where("id", "=", planId).execute();
}
