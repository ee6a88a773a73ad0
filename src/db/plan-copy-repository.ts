// Copying a plan to another year: the plan row, its source document (the original's, unchanged), the
// outline, targets, items and their departments, in one transaction with one audit row. Reports,
// planned values per period, extensions and reminders belong to the year they were made in and stay.

import type { Kysely } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import { copyIndicatorLinks } from "./indicator-links-repository.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export interface PlanCopyInput {
  sourcePlanId: number;
  title: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  /** Whole years added to every date of the plan (due dates of targets and items). */
  yearShift: number;
  settings: string;
}

export interface PlanCopyCounts {
  nodes: number;
  targets: number;
  items: number;
}

/** 2020-12-31 moved by n years; 29 February becomes 28 February in a year without it. */
export function shiftDate(date: string | null, years: number): string | null {
  if (date === null) return null;
  const m = /^(\d{4})(-\d{2}-\d{2})(.*)$/.exec(date);
  if (!m) return date;
  const year = Number(m[1]) + years;
  let rest = m[2] as string;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (rest === "-02-29" && !leap) rest = "-02-28";
  return `${String(year).padStart(4, "0")}${rest}${m[3] ?? ""}`;
}

export async function insertPlanCopy(
  db: Db,
  actor: Actor,
  input: PlanCopyInput,
): Promise<{ planId: number; counts: PlanCopyCounts }> {
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const source = await trx
      .selectFrom("plans")
      .selectAll()
      .where("id", "=", input.sourcePlanId)
      .executeTakeFirstOrThrow();
    const { id: planId } = await trx
      .insertInto("plans")
      .values({
        region_id: source.region_id,
        title: input.title,
        year: input.year,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        issuer: source.issuer,
        published_on: null,
        state: "draft",
        is_public: 0,
        settings: input.settings,
        kind: source.kind,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    const doc = await trx
      .selectFrom("plan_sources")
      .selectAll()
      .where("plan_id", "=", source.id)
      .executeTakeFirst();
    if (doc) {
      const { id: _id, plan_id: _plan, ...rest } = doc;
      await trx
        .insertInto("plan_sources")
        .values({ ...rest, plan_id: planId })
        .execute();
    }

    // Parents before children: a node's new parent id is known when it is written.
    const nodes = await trx
      .selectFrom("outline_nodes")
      .selectAll()
      .where("plan_id", "=", source.id)
      .orderBy("ord")
      .orderBy("id")
      .execute();
    const nodeIds = new Map<number, number>();
    let pending = nodes;
    while (pending.length > 0) {
      const later: typeof nodes = [];
      for (const n of pending) {
        if (n.parent_id !== null && !nodeIds.has(n.parent_id) && nodes.some((x) => x.id === n.parent_id)) {
          later.push(n);
          continue;
        }
        const { id, ...rest } = n;
        const row = await trx
          .insertInto("outline_nodes")
          .values({
            ...rest,
            plan_id: planId,
            parent_id: n.parent_id === null ? null : (nodeIds.get(n.parent_id) ?? null),
            created_at: now,
            updated_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        nodeIds.set(id, row.id);
      }
      if (later.length === pending.length) throw new Error(`outline of plan ${source.id} has a cycle`);
      pending = later;
    }
    const oldNodeIds = [...nodeIds.keys()];
    if (oldNodeIds.length > 0) {
      const co = await trx
        .selectFrom("node_departments")
        .selectAll()
        .where("node_id", "in", oldNodeIds)
        .execute();
      if (co.length > 0)
        await trx
          .insertInto("node_departments")
          .values(
            co.map((c) => ({ node_id: nodeIds.get(c.node_id) as number, department_id: c.department_id })),
          )
          .execute();
    }
    const newNode = (id: number | null) => (id === null ? null : (nodeIds.get(id) ?? null));

    const targets = await trx
      .selectFrom("targets")
      .selectAll()
      .where("plan_id", "=", source.id)
      .orderBy("ord")
      .orderBy("id")
      .execute();
    const targetIds = new Map<number, number>();
    for (const t of targets) {
      const { id, ...rest } = t;
      // The value is kept for the planner to edit; the baseline is the new year's start, not known yet.
      const row = await trx
        .insertInto("targets")
        .values({
          ...rest,
          plan_id: planId,
          node_id: newNode(t.node_id),
          baseline: null,
          baseline_year: null,
          target_year: t.target_year === null ? null : t.target_year + input.yearShift,
          due_date: shiftDate(t.due_date, input.yearShift),
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      targetIds.set(id, row.id);
    }
    const oldTargetIds = [...targetIds.keys()];
    if (oldTargetIds.length > 0) {
      const co = await trx
        .selectFrom("target_departments")
        .selectAll()
        .where("target_id", "in", oldTargetIds)
        .execute();
      if (co.length > 0)
        await trx
          .insertInto("target_departments")
          .values(
            co.map((c) => ({
              target_id: targetIds.get(c.target_id) as number,
              department_id: c.department_id,
            })),
          )
          .execute();
    }

    const items = await trx.selectFrom("items").selectAll().where("plan_id", "=", source.id).execute();
    if (items.length > 0)
      await trx
        .insertInto("items")
        .values(
          items.map(({ id: _id, ...rest }) => ({
            ...rest,
            plan_id: planId,
            node_id: newNode(rest.node_id),
            due_date: shiftDate(rest.due_date, input.yearShift),
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();

    // An annual target keeps serving the five-year indicator it served (issue 17).
    const indicatorLinks = await copyIndicatorLinks(
      trx,
      actor,
      [...targetIds].map(([from, to]) => ({ from, to })),
      now,
    );
    const counts = { nodes: nodes.length, targets: targets.length, items: items.length };
    await appendAudit(trx, actor, {
      action: "plan.copy",
      entity: "plan",
      entityId: planId,
      planId,
      after: {
        copiedFrom: source.id,
        title: input.title,
        year: input.year,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        counts,
        ...(indicatorLinks > 0 ? { indicatorLinks } : {}),
      },
    });
    return { planId, counts };
  });
}
