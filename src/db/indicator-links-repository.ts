// Links from an annual plan's targets to the five-year plan's indicators they serve (migration 0013),
// and the approved figures of those annual targets that a yearly value may be taken from. An annual
// target serves one indicator. Writes are audited in the caller's transaction (or their own).

import type { Kysely } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import { idChunks } from "./id-chunks.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export interface IndicatorLinkRow {
  indicatorId: number;
  annualTargetId: number;
}

/** An annual target linked to an indicator, with its plan. */
export interface LinkedAnnualRow extends IndicatorLinkRow {
  subject: string;
  unit: string;
  displayUnit: string;
  planId: number;
  planTitle: string;
  planYear: number | null;
  periodStart: string;
}

export async function listLinkedAnnualTargets(
  db: Db,
  indicatorIds: readonly number[],
): Promise<LinkedAnnualRow[]> {
  if (indicatorIds.length === 0) return [];
  const out: LinkedAnnualRow[] = [];
  for (const chunk of idChunks(db, indicatorIds)) {
    const rows = await db
      .selectFrom("indicator_links as l")
      .innerJoin("targets as t", "t.id", "l.annual_target_id")
      .innerJoin("plans as p", "p.id", "t.plan_id")
      .select([
        "l.indicator_target_id as indicatorId",
        "l.annual_target_id as annualTargetId",
        "t.subject",
        "t.unit",
        "t.display_unit as displayUnit",
        "p.id as planId",
        "p.title as planTitle",
        "p.year as planYear",
        "p.period_start as periodStart",
      ])
      .where("l.indicator_target_id", "in", chunk)
      .orderBy("p.period_start")
      .orderBy("l.id")
      .execute();
    out.push(...rows);
  }
  return out;
}

export async function linksOfAnnualTargets(
  db: Db,
  annualIds: readonly number[],
): Promise<IndicatorLinkRow[]> {
  if (annualIds.length === 0) return [];
  const out: IndicatorLinkRow[] = [];
  for (const chunk of idChunks(db, annualIds)) {
    out.push(
      ...(await db
        .selectFrom("indicator_links")
        .select(["indicator_target_id as indicatorId", "annual_target_id as annualTargetId"])
        .where("annual_target_id", "in", chunk)
        .execute()),
    );
  }
  return out;
}

/**
 * Links each annual target to its indicator (replacing a link it had), one audit row per change
 * (indicator.link on the annual target, before and after naming the indicator). Links already so are
 * left as they are. Returns how many changed.
 */
export async function setIndicatorLinks(
  db: Db,
  actor: Actor,
  planId: number,
  links: readonly IndicatorLinkRow[],
): Promise<number> {
  if (links.length === 0) return 0;
  return inTransaction(db, async (trx) => {
    const existing = new Map(
      (
        await linksOfAnnualTargets(
          trx,
          links.map((l) => l.annualTargetId),
        )
      ).map((l) => [l.annualTargetId, l.indicatorId]),
    );
    const now = new Date().toISOString();
    let changed = 0;
    for (const link of links) {
      const before = existing.get(link.annualTargetId);
      if (before === link.indicatorId) continue;
      if (before !== undefined)
        await trx.deleteFrom("indicator_links").where("annual_target_id", "=", link.annualTargetId).execute();
      await trx
        .insertInto("indicator_links")
        .values({
          indicator_target_id: link.indicatorId,
          annual_target_id: link.annualTargetId,
          created_by: actor.userId,
          created_at: now,
        })
        .execute();
      await appendAudit(
        trx,
        actor,
        {
          action: "indicator.link",
          entity: "target",
          entityId: link.annualTargetId,
          planId,
          before: before === undefined ? null : { indicatorId: before },
          after: { indicatorId: link.indicatorId },
        },
        now,
      );
      existing.set(link.annualTargetId, link.indicatorId);
      changed++;
    }
    return changed;
  });
}

/** Removes an annual target's link; the indicator it served, or null when it had none (nothing written). */
export async function deleteIndicatorLink(
  db: Db,
  actor: Actor,
  planId: number,
  annualTargetId: number,
): Promise<number | null> {
  return inTransaction(db, async (trx) => {
    const [link] = await linksOfAnnualTargets(trx, [annualTargetId]);
    if (!link) return null;
    await trx.deleteFrom("indicator_links").where("annual_target_id", "=", annualTargetId).execute();
    await appendAudit(trx, actor, {
      action: "indicator.unlink",
      entity: "target",
      entityId: annualTargetId,
      planId,
      before: { indicatorId: link.indicatorId },
    });
    return link.indicatorId;
  });
}

/**
 * A copied plan's targets serve the indicators their originals served (issue 17); `pairs` maps each
 * original target to its copy. Audited by the caller's plan.copy row.
 */
export async function copyIndicatorLinks(
  db: Db,
  actor: Actor,
  pairs: readonly { from: number; to: number }[],
  at: string,
): Promise<number> {
  const links = await linksOfAnnualTargets(
    db,
    pairs.map((p) => p.from),
  );
  const byFrom = new Map(links.map((l) => [l.annualTargetId, l.indicatorId]));
  const rows = pairs.flatMap((p) => {
    const indicator = byFrom.get(p.from);
    return indicator === undefined
      ? []
      : [
          {
            indicator_target_id: indicator,
            annual_target_id: p.to,
            created_by: actor.userId,
            created_at: at,
          },
        ];
  });
  if (rows.length > 0) await db.insertInto("indicator_links").values(rows).execute();
  return rows.length;
}

/** An approved figure of an annual target: the approved revision of one period's report. */
export interface ApprovedFigureRow {
  targetId: number;
  reportId: number;
  period: string;
  periodEnd: string;
  /** Base unit. */
  value: number;
}

/** Every period's approved figure of these targets (the latest approved revision of each report), by period end. */
export async function approvedFigures(db: Db, targetIds: readonly number[]): Promise<ApprovedFigureRow[]> {
  if (targetIds.length === 0) return [];
  const out: ApprovedFigureRow[] = [];
  for (const chunk of idChunks(db, targetIds)) {
    const rows = await db
      .selectFrom("reports as r")
      .innerJoin("report_revisions as rr", "rr.report_id", "r.id")
      .select([
        "r.target_id",
        "r.id as reportId",
        "r.period",
        "r.period_end as periodEnd",
        "rr.value",
        "rr.revision",
      ])
      .where("r.subject_type", "=", "target")
      .where("r.target_id", "in", chunk)
      .where("rr.state", "=", "approved")
      .where("rr.value", "is not", null)
      .orderBy("r.period_end")
      .orderBy("rr.revision")
      .execute();
    const latest = new Map<number, ApprovedFigureRow>();
    for (const r of rows)
      if (r.target_id !== null && r.value !== null)
        latest.set(r.reportId, {
          targetId: r.target_id,
          reportId: r.reportId,
          period: r.period,
          periodEnd: r.periodEnd,
          value: Number(r.value),
        });
    out.push(...latest.values());
  }
  return out.sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
}
