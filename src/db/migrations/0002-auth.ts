// Sign-in (issue 4): a second factor is enabled only once its first code is verified, and a code is
// accepted once (the step it was used in is kept); when the password was last set, for audits.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("totp_enabled", "integer", (c) => c.notNull().defaultTo(0).check(sql`totp_enabled in (0, 1)`))
    .execute();
  await db.schema.alterTable("users").addColumn("totp_last_step", "integer").execute();
  await db.schema.alterTable("users").addColumn("password_changed_at", "text").execute();
  await db.schema.createIndex("audit_log_user_idx").on("audit_log").column("user_id").execute();
  await db.schema.createIndex("audit_log_action_idx").on("audit_log").column("action").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("audit_log_action_idx").ifExists().execute();
  await db.schema.dropIndex("audit_log_user_idx").ifExists().execute();
  await db.schema.alterTable("users").dropColumn("password_changed_at").execute();
  await db.schema.alterTable("users").dropColumn("totp_last_step").execute();
  await db.schema.alterTable("users").dropColumn("totp_enabled").execute();
}
