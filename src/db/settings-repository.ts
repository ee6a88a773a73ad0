// Application settings: a key → value table for facts about this installation (the demo was seeded).

import type { Kysely } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import type { Database } from "./schema.ts";

export async function getSetting(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("app_settings").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

export async function setSetting(
  db: Kysely<Database>,
  actor: Actor,
  key: string,
  value: string,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await getSetting(trx, key);
    const now = new Date().toISOString();
    await trx
      .insertInto("app_settings")
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: now }))
      .execute();
    await appendAudit(trx, actor, {
      action: "setting.set",
      entity: "setting",
      entityId: key,
      before: before === undefined ? null : { value: before },
      after: { value },
    });
  });
}
