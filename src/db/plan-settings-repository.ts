// A plan's settings: the plans.settings JSON object (due day, demo flag and date, …).

import type { Kysely } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export async function readPlanSettings(db: Db, planId: number): Promise<Record<string, unknown> | undefined> {
  const row = await db.selectFrom("plans").select("settings").where("id", "=", planId).executeTakeFirst();
  return row ? parsePlanSettings(row.settings) : undefined;
}

/** The plans.settings column as an object; what is not a JSON object reads as no settings. */
export function parsePlanSettings(text: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export async function writePlanSettings(
  db: Db,
  actor: Actor,
  planId: number,
  settings: Record<string, unknown>,
  at: string = new Date().toISOString(),
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await readPlanSettings(trx, planId);
    await trx
      .updateTable("plans")
      .set({ settings: JSON.stringify(settings), updated_at: at })
      .where("id", "=", planId)
      .execute();
    await appendAudit(
      trx,
      actor,
      { action: "plan.settings", entity: "plan", entityId: planId, planId, before, after: settings },
      at,
    );
  });
}
