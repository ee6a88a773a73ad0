// Issue 17: the five-year plan (十四五规划纲要) and its mid-term evaluation. A plan is annual or a
// five-year plan (its period is the plan's period_start/period_end: 2021-01-01 to 2025-12-31, the
// baseline year the one before). Each indicator of a five-year plan gets yearly values, append-only:
// a new value for a year is a new row and the latest counts, so the evaluation can always say which
// figure it used and who entered it. An annual plan's target may be linked to one five-year indicator
// (a table of its own: target_links rolls a city target up from district targets, a different sum).

import { type Kysely, sql } from "kysely";
import { withId } from "./dialect.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("plans")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("annual"))
    .execute();
  // Plans imported before: a 五年规划 by its title.
  await sql`update plans set kind = 'five_year' where title like ${"%五年规划%"}`.execute(db);

  await withId(db, db.schema.createTable("indicator_values"))
    .addColumn("target_id", "integer", (c) => c.notNull().references("targets.id").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    /** statistics (统计数据: entered or imported) | linked_report (a linked annual target's report) */
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("report_id", "integer", (c) => c.references("reports.id").onDelete("set null"))
    .addColumn("entered_by", "integer", (c) => c.references("users.id"))
    .addColumn("entered_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("indicator_values_target_idx")
    .on("indicator_values")
    .columns(["target_id", "year"])
    .execute();

  await withId(db, db.schema.createTable("indicator_links"))
    /** The five-year plan's indicator (a target of a five_year plan). */
    .addColumn("indicator_target_id", "integer", (c) =>
      c.notNull().references("targets.id").onDelete("cascade"),
    )
    /** Unique: an annual target serves one five-year indicator. */
    .addColumn("annual_target_id", "integer", (c) =>
      c.notNull().unique().references("targets.id").onDelete("cascade"),
    )
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("indicator_links_indicator_idx")
    .on("indicator_links")
    .column("indicator_target_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("indicator_links").ifExists().execute();
  await db.schema.dropTable("indicator_values").ifExists().execute();
  await db.schema.alterTable("plans").dropColumn("kind").execute();
}
