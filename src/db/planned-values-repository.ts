// Planned values per period (分期计划) of a target: what it should reach by each period's end.

import type { Kysely } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export async function listPlannedValues(
  db: Db,
  targetIds: readonly number[],
): Promise<{ target_id: number; period: string; planned_value: number }[]> {
  if (targetIds.length === 0) return [];
  return db
    .selectFrom("target_period_plans")
    .select(["target_id", "period", "planned_value"])
    .where("target_id", "in", [...targetIds])
    .orderBy("period_end")
    .execute();
}

export async function replacePlannedValues(
  db: Db,
  actor: Actor,
  target: { id: number; planId: number },
  values: readonly { period: string; periodEnd: string; value: number }[],
  at: string,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await listPlannedValues(trx, [target.id]);
    await trx.deleteFrom("target_period_plans").where("target_id", "=", target.id).execute();
    if (values.length > 0) {
      await trx
        .insertInto("target_period_plans")
        .values(
          values.map((v) => ({
            target_id: target.id,
            period: v.period,
            period_end: v.periodEnd,
            planned_value: v.value,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
    await appendAudit(
      trx,
      actor,
      {
        action: "target.planned",
        entity: "target",
        entityId: target.id,
        planId: target.planId,
        before: before.map((b) => ({ period: b.period, value: b.planned_value })),
        after: values.map((v) => ({ period: v.period, value: v.value })),
      },
      at,
    );
  });
}
