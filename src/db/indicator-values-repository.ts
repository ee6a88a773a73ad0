// The yearly values of a five-year plan's indicators (migration 0013): append-only — a new value for a
// year is a new row, the latest of a year counts, every row stays as history. Each write is audited in
// the same transaction.

import type { Kysely } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import { idChunks } from "./id-chunks.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export interface IndicatorValueRow {
  id: number;
  targetId: number;
  year: number;
  /** In the target's base unit. */
  value: number;
  source: "statistics" | "linked_report";
  sourceNote: string;
  reportId: number | null;
  enteredBy: number | null;
  enteredByName: string | null;
  enteredAt: string;
}

export interface NewIndicatorValue {
  targetId: number;
  year: number;
  value: number;
  source: "statistics" | "linked_report";
  sourceNote: string;
  reportId?: number | null;
}

/** Every row of these targets, oldest first (the caller takes the latest of each year). */
export async function listIndicatorValues(
  db: Db,
  targetIds: readonly number[],
): Promise<IndicatorValueRow[]> {
  if (targetIds.length === 0) return [];
  const out: IndicatorValueRow[] = [];
  for (const chunk of idChunks(db, targetIds)) {
    const rows = await db
      .selectFrom("indicator_values as v")
      .leftJoin("users as u", "u.id", "v.entered_by")
      .select([
        "v.id",
        "v.target_id as targetId",
        "v.year",
        "v.value",
        "v.source",
        "v.source_note as sourceNote",
        "v.report_id as reportId",
        "v.entered_by as enteredBy",
        "u.display_name as displayName",
        "u.username as username",
        "v.entered_at as enteredAt",
      ])
      .where("v.target_id", "in", chunk)
      .orderBy("v.id")
      .execute();
    for (const { displayName, username, ...r } of rows)
      out.push({ ...r, value: Number(r.value), enteredByName: displayName || username || null });
  }
  return out.sort((a, b) => a.id - b.id);
}

/**
 * Appends values and one audit row for them (`action`: indicator.value, indicator.value_from_report or
 * indicator.import_values), in one transaction.
 */
export async function appendIndicatorValues(
  db: Db,
  actor: Actor,
  planId: number,
  action: "indicator.value" | "indicator.value_from_report" | "indicator.import_values",
  values: readonly NewIndicatorValue[],
  audit: { entity: "target" | "plan"; entityId: number; after: Record<string, unknown> },
  at: string = new Date().toISOString(),
): Promise<number[]> {
  if (values.length === 0) return [];
  return inTransaction(db, async (trx) => {
    const ids: number[] = [];
    for (const v of values) {
      const row = await trx
        .insertInto("indicator_values")
        .values({
          target_id: v.targetId,
          year: v.year,
          value: v.value,
          source: v.source,
          source_note: v.sourceNote,
          report_id: v.reportId ?? null,
          entered_by: actor.userId,
          entered_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    await appendAudit(
      trx,
      actor,
      { action, entity: audit.entity, entityId: audit.entityId, planId, after: audit.after },
      at,
    );
    return ids;
  });
}
