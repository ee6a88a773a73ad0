// Running the plan (issue 5): a reminder records how it went out (the webhook may fail, the reminder
// stands), and a request for more time may be about a task or an item as well as a target.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("reminders")
    .addColumn("delivery", "text", (c) => c.notNull().defaultTo("in_app"))
    .execute();
  await db.schema.alterTable("reminders").addColumn("delivery_error", "text").execute();
  await db.schema.alterTable("extension_requests").addColumn("node_id", "integer").execute();
  await db.schema.alterTable("extension_requests").addColumn("item_id", "integer").execute();
  await db.schema
    .createIndex("report_revisions_report_idx")
    .on("report_revisions")
    .columns(["report_id", "revision"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("report_revisions_report_idx").ifExists().execute();
  await db.schema.alterTable("extension_requests").dropColumn("item_id").execute();
  await db.schema.alterTable("extension_requests").dropColumn("node_id").execute();
  await db.schema.alterTable("reminders").dropColumn("delivery_error").execute();
  await db.schema.alterTable("reminders").dropColumn("delivery").execute();
}
