// Issue 8: the hot path of a province's submissions. On PostgreSQL, the audit chain's lock and the read
// of its last hash become one round trip (a function: a volatile function reads with a fresh snapshot
// once it holds the lock, a plain statement would read with the snapshot it started with). Reports are
// counted by state for /metrics without reading the table.

import { type Kysely, sql } from "kysely";
import { isPostgres } from "./dialect.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      create function plantrack_audit_head() returns text
      language plpgsql volatile as $$
      begin
        perform pg_advisory_xact_lock(7283001);
        return (select hash from audit_log order by id desc limit 1);
      end
      $$`.execute(db);
  }
  await db.schema.createIndex("reports_state_idx").on("reports").column("state").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("reports_state_idx").ifExists().execute();
  if (isPostgres(db)) await sql`drop function if exists plantrack_audit_head()`.execute(db);
}
