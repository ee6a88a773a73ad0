// Issue 14: plausibility. A figure that looks wrong (the 万/亿 slip, a jump, a cumulative value that
// falls) is stored only when the reporter confirmed it with a reason; what was confirmed is kept with
// the revision, so the review desk shows it and the audit digest of the revision covers it. A column,
// not a table: revisions are append-only, and the warnings are part of what one revision says.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // JSON: [{ rule, numbers, message: { zh, en }, reason }]; null when nothing was confirmed.
  await db.schema.alterTable("report_revisions").addColumn("warnings", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("report_revisions").dropColumn("warnings").execute();
}
