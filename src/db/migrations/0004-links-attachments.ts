// Issue 5, the rest: a city target's links to the district targets it rolls up (a district target
// feeds at most one city target), and the bytes of report attachments, kept in the database (one
// store to back up, one set of access rules) instead of a directory.

import type { Kysely } from "kysely";
import { isPostgres, withId } from "./dialect.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("target_links"))
    .addColumn("parent_target_id", "integer", (c) => c.notNull().references("targets.id").onDelete("cascade"))
    .addColumn("child_target_id", "integer", (c) =>
      c.notNull().unique().references("targets.id").onDelete("cascade"),
    )
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("target_links_parent_idx")
    .on("target_links")
    .column("parent_target_id")
    .execute();
  await db.schema
    .alterTable("attachments")
    .addColumn("content", isPostgres(db) ? "bytea" : "blob")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("attachments").dropColumn("content").execute();
  await db.schema.dropTable("target_links").ifExists().execute();
}
