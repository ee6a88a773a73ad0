// Issue 13: 中止 of a target. A published plan's targets are not deleted — the office answers for them
// to the people's congress — so a target that is given up is kept with when and why it was stopped:
// it is still shown (struck through), takes no more reports and is counted apart in the status.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("targets").addColumn("stopped_at", "text").execute();
  await db.schema.alterTable("targets").addColumn("stopped_reason", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("targets").dropColumn("stopped_reason").execute();
  await db.schema.alterTable("targets").dropColumn("stopped_at").execute();
}
