// The whole model of monitoring.md at once — regions to audit log — so that later issues fill tables
// instead of rewriting them (SQLite cannot add a foreign key to an existing table).

import { type ColumnDefinitionBuilder, type Kysely, type RawBuilder, sql } from "kysely";
import { isPostgres, withId } from "./dialect.ts";

function oneOf(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/** A 0/1 column: SQLite has no boolean, and one representation keeps the query layer dialect-free. */
function flag(column: string) {
  return (c: ColumnDefinitionBuilder) =>
    c
      .notNull()
      .defaultTo(0)
      .check(sql`${sql.ref(column)} in (0, 1)`);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;

  await s
    .createTable("app_settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, s.createTable("regions"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.unique())
    .addColumn("parent_id", "integer", (c) => c.references("regions.id"))
    .addColumn("level", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await s.createIndex("regions_parent_idx").on("regions").column("parent_id").execute();
  await s.createIndex("regions_name_idx").on("regions").column("name").execute();

  await withId(db, s.createTable("departments"))
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("short_name", "text")
    .addColumn("full_name", "text")
    .addColumn("ord", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("disabled", "integer", flag("disabled"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("departments_region_name_uq", ["region_id", "name"])
    .execute();

  await withId(db, s.createTable("users"))
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text")
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c.notNull().check(oneOf("role", ["admin", "planner", "reporter", "leader"])),
    )
    .addColumn("department_id", "integer", (c) => c.references("departments.id"))
    .addColumn("region_id", "integer", (c) => c.references("regions.id"))
    .addColumn("disabled", "integer", flag("disabled"))
    .addColumn("must_change_password", "integer", flag("must_change_password"))
    .addColumn("failed_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .addColumn("totp_secret", "text")
    .addColumn("last_login_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await s.createIndex("users_department_idx").on("users").column("department_id").execute();

  await s
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await s.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
  await s.createIndex("sessions_expires_idx").on("sessions").column("expires_at").execute();

  await withId(db, s.createTable("plans"))
    .addColumn("region_id", "integer", (c) => c.references("regions.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("year", "integer")
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("issuer", "text")
    .addColumn("published_on", "text")
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(oneOf("state", ["draft", "published", "closed"])),
    )
    .addColumn("is_public", "integer", flag("is_public"))
    .addColumn("settings", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("closed_at", "text")
    .execute();
  await s.createIndex("plans_region_year_idx").on("plans").columns(["region_id", "year"]).execute();

  await withId(db, s.createTable("plan_sources"))
    .addColumn("plan_id", "integer", (c) => c.notNull().unique().references("plans.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("encoding", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("text_sha256", "text", (c) => c.notNull())
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await s.createIndex("plan_sources_sha256_idx").on("plan_sources").column("sha256").execute();
  await s.createIndex("plan_sources_text_sha256_idx").on("plan_sources").column("text_sha256").execute();

  await withId(db, s.createTable("outline_nodes"))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("parent_id", "integer", (c) => c.references("outline_nodes.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(oneOf("kind", ["section", "area", "group", "task"])))
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("ord", "integer", (c) => c.notNull())
    .addColumn("marker", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("span_start", "integer", (c) => c.notNull())
    .addColumn("span_end", "integer", (c) => c.notNull())
    .addColumn("lead_department_id", "integer", (c) => c.references("departments.id"))
    .addColumn("suggested_department", "text")
    .addColumn("suggested_keyword", "text")
    .addColumn("suggested_department_id", "integer", (c) => c.references("departments.id"))
    .addColumn("draft_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await s.createIndex("outline_nodes_plan_ord_idx").on("outline_nodes").columns(["plan_id", "ord"]).execute();
  await s.createIndex("outline_nodes_parent_idx").on("outline_nodes").column("parent_id").execute();
  await s.createIndex("outline_nodes_lead_idx").on("outline_nodes").column("lead_department_id").execute();

  await s
    .createTable("node_departments")
    .addColumn("node_id", "integer", (c) => c.notNull().references("outline_nodes.id").onDelete("cascade"))
    .addColumn("department_id", "integer", (c) => c.notNull().references("departments.id"))
    .addPrimaryKeyConstraint("node_departments_pk", ["node_id", "department_id"])
    .execute();
  await s.createIndex("node_departments_dept_idx").on("node_departments").column("department_id").execute();

  await withId(db, s.createTable("targets"))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("node_id", "integer", (c) => c.references("outline_nodes.id").onDelete("set null"))
    .addColumn("ord", "integer", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("value", "double precision")
    .addColumn("value2", "double precision")
    .addColumn("unit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("display_unit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("display", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("comparator", "text", (c) =>
      c.notNull().check(oneOf("comparator", ["target", "at_least", "at_most", "about", "range"])),
    )
    .addColumn("direction", "text", (c) =>
      c.notNull().check(oneOf("direction", ["increase", "decrease", "level"])),
    )
    .addColumn("kind", "text", (c) =>
      c.notNull().check(oneOf("kind", ["cumulative", "level", "rate", "milestone"])),
    )
    .addColumn("baseline", "double precision")
    .addColumn("due_date", "text")
    .addColumn("frequency", "text", (c) =>
      c
        .notNull()
        .defaultTo("monthly")
        .check(oneOf("frequency", ["monthly", "quarterly"])),
    )
    .addColumn("weight", "double precision", (c) => c.notNull().defaultTo(1))
    .addColumn("span_start", "integer", (c) => c.notNull())
    .addColumn("span_end", "integer", (c) => c.notNull())
    .addColumn("confidence", "double precision")
    .addColumn("source", "text", (c) => c.notNull().check(oneOf("source", ["extracted", "manual"])))
    .addColumn("lead_department_id", "integer", (c) => c.references("departments.id"))
    .addColumn("suggested_department", "text")
    .addColumn("suggested_keyword", "text")
    .addColumn("suggested_department_id", "integer", (c) => c.references("departments.id"))
    .addColumn("draft_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await s.createIndex("targets_plan_ord_idx").on("targets").columns(["plan_id", "ord"]).execute();
  await s.createIndex("targets_node_idx").on("targets").column("node_id").execute();
  await s.createIndex("targets_lead_idx").on("targets").column("lead_department_id").execute();

  await s
    .createTable("target_departments")
    .addColumn("target_id", "integer", (c) => c.notNull().references("targets.id").onDelete("cascade"))
    .addColumn("department_id", "integer", (c) => c.notNull().references("departments.id"))
    .addPrimaryKeyConstraint("target_departments_pk", ["target_id", "department_id"])
    .execute();
  await s
    .createIndex("target_departments_dept_idx")
    .on("target_departments")
    .column("department_id")
    .execute();

  await withId(db, s.createTable("items"))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("node_id", "integer", (c) => c.references("outline_nodes.id").onDelete("set null"))
    .addColumn("ord", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) =>
      c.notNull().check(oneOf("category", ["land_parcel", "project", "facility"])),
    )
    .addColumn("span_start", "integer", (c) => c.notNull())
    .addColumn("span_end", "integer", (c) => c.notNull())
    .addColumn("lead_department_id", "integer", (c) => c.references("departments.id"))
    .addColumn("due_date", "text")
    .addColumn("draft_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await s.createIndex("items_plan_ord_idx").on("items").columns(["plan_id", "ord"]).execute();
  await s.createIndex("items_node_idx").on("items").column("node_id").execute();

  await withId(db, s.createTable("target_period_plans"))
    .addColumn("target_id", "integer", (c) => c.notNull().references("targets.id").onDelete("cascade"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("planned_value", "double precision", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("target_period_plans_uq", ["target_id", "period"])
    .execute();

  await withId(db, s.createTable("reports"))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id"))
    .addColumn("subject_type", "text", (c) =>
      c.notNull().check(oneOf("subject_type", ["target", "task", "item"])),
    )
    .addColumn("subject_key", "text", (c) => c.notNull())
    .addColumn("target_id", "integer", (c) => c.references("targets.id"))
    .addColumn("node_id", "integer", (c) => c.references("outline_nodes.id"))
    .addColumn("item_id", "integer", (c) => c.references("items.id"))
    .addColumn("department_id", "integer", (c) => c.references("departments.id"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("current_revision", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(oneOf("state", ["draft", "submitted", "approved", "returned"])),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("reports_subject_period_uq", ["subject_key", "period"])
    .addCheckConstraint(
      "reports_one_subject_ck",
      sql`(case when target_id is null then 0 else 1 end) + (case when node_id is null then 0 else 1 end) + (case when item_id is null then 0 else 1 end) = 1`,
    )
    .execute();
  await s.createIndex("reports_plan_period_idx").on("reports").columns(["plan_id", "period"]).execute();
  await s
    .createIndex("reports_department_due_idx")
    .on("reports")
    .columns(["department_id", "due_date"])
    .execute();
  await s.createIndex("reports_target_idx").on("reports").column("target_id").execute();
  await s.createIndex("reports_node_idx").on("reports").column("node_id").execute();
  await s.createIndex("reports_item_idx").on("reports").column("item_id").execute();

  await withId(db, s.createTable("report_revisions"))
    .addColumn("report_id", "integer", (c) => c.notNull().references("reports.id"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("value", "double precision")
    .addColumn("percent", "double precision")
    .addColumn("status_word", "text")
    .addColumn("progress", "text")
    .addColumn("problems", "text")
    .addColumn("next_steps", "text")
    .addColumn("state", "text", (c) =>
      c.notNull().check(oneOf("state", ["draft", "submitted", "approved", "returned"])),
    )
    .addColumn("return_reason", "text")
    .addColumn("author_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("report_revisions_uq", ["report_id", "revision"])
    .execute();
  await s.createIndex("report_revisions_created_idx").on("report_revisions").column("created_at").execute();

  await withId(db, s.createTable("attachments"))
    .addColumn("report_id", "integer", (c) => c.notNull().references("reports.id"))
    .addColumn("revision_id", "integer", (c) => c.references("report_revisions.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await s.createIndex("attachments_report_idx").on("attachments").column("report_id").execute();

  await withId(db, s.createTable("reminders"))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id"))
    .addColumn("department_id", "integer", (c) => c.notNull().references("departments.id"))
    .addColumn("report_id", "integer", (c) => c.references("reports.id"))
    .addColumn("target_id", "integer", (c) => c.references("targets.id"))
    .addColumn("period", "text")
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull().defaultTo("in_app"))
    .addColumn("sent_by", "integer", (c) => c.references("users.id"))
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await s
    .createIndex("reminders_department_idx")
    .on("reminders")
    .columns(["department_id", "sent_at"])
    .execute();
  await s.createIndex("reminders_plan_idx").on("reminders").column("plan_id").execute();

  await withId(db, s.createTable("extension_requests"))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id"))
    .addColumn("department_id", "integer", (c) => c.notNull().references("departments.id"))
    .addColumn("report_id", "integer", (c) => c.references("reports.id"))
    .addColumn("target_id", "integer", (c) => c.references("targets.id"))
    .addColumn("period", "text")
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("requested_due_date", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(oneOf("state", ["pending", "granted", "refused"])),
    )
    .addColumn("requested_by", "integer", (c) => c.references("users.id"))
    .addColumn("decided_by", "integer", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .addColumn("decision_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await s
    .createIndex("extension_requests_plan_state_idx")
    .on("extension_requests")
    .columns(["plan_id", "state"])
    .execute();
  await s
    .createIndex("extension_requests_department_idx")
    .on("extension_requests")
    .column("department_id")
    .execute();

  await withId(db, s.createTable("audit_log"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    .addColumn("ip", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("plan_id", "integer")
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull().unique())
    .execute();
  await s.createIndex("audit_log_entity_idx").on("audit_log").columns(["entity", "entity_id"]).execute();
  await s.createIndex("audit_log_plan_idx").on("audit_log").column("plan_id").execute();
  await s.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();

  await appendOnly(db, "audit_log");
  await appendOnly(db, "report_revisions");
}

/** Revisions and the audit log are history: the database itself refuses to change or delete a row. */
async function appendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  const message = `${table} is append-only`;
  if (isPostgres(db)) {
    await sql`create or replace function plantrack_append_only() returns trigger language plpgsql as $$
      begin raise exception '% is append-only', tg_table_name; end $$`.execute(db);
    await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function plantrack_append_only()`.execute(db);
  } else {
    for (const event of ["update", "delete"]) {
      await sql`create trigger ${sql.id(`${table}_no_${event}`)} before ${sql.raw(event)} on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    "audit_log",
    "extension_requests",
    "reminders",
    "attachments",
    "report_revisions",
    "reports",
    "target_period_plans",
    "items",
    "target_departments",
    "targets",
    "node_departments",
    "outline_nodes",
    "plan_sources",
    "plans",
    "sessions",
    "users",
    "departments",
    "regions",
    "app_settings",
  ];
  for (const table of tables) await db.schema.dropTable(table).ifExists().execute();
  if (isPostgres(db)) await sql`drop function if exists plantrack_append_only()`.execute(db);
}
