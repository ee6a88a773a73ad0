// Issue 15, point 5: history that cannot be rewritten unseen. Audit rows get the id of the key they
// are HMAC-SM3-chained under (null: an older, unkeyed row — those keep verifying as they were) and the
// revision they record with its digest. On PostgreSQL TRUNCATE bypasses the row triggers that make
// audit_log and report_revisions append-only, so a statement trigger refuses it (SQLite has no
// TRUNCATE; a DELETE without WHERE fires its row triggers).

import { type Kysely, sql } from "kysely";
import { isPostgres } from "./dialect.ts";

const HISTORY = ["audit_log", "report_revisions"] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("audit_log").addColumn("chain_key", "text").execute();
  await db.schema.alterTable("audit_log").addColumn("revision_id", "integer").execute();
  await db.schema.alterTable("audit_log").addColumn("revision_digest", "text").execute();
  if (!isPostgres(db)) return;
  await sql`create function plantrack_no_truncate() returns trigger language plpgsql as $$
    begin raise exception '% is append-only: TRUNCATE is refused', tg_table_name; end $$`.execute(db);
  for (const table of HISTORY) {
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function plantrack_no_truncate()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of HISTORY) {
      await sql`drop trigger if exists ${sql.id(`${table}_no_truncate`)} on ${sql.table(table)}`.execute(db);
    }
    await sql`drop function if exists plantrack_no_truncate()`.execute(db);
  }
  // SQLite refuses to drop a column a trigger names; these are named by none.
  await db.schema.alterTable("audit_log").dropColumn("revision_digest").execute();
  await db.schema.alterTable("audit_log").dropColumn("revision_id").execute();
  await db.schema.alterTable("audit_log").dropColumn("chain_key").execute();
}
