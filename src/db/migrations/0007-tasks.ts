// Issue 13: tasks (重点任务) as work the office supervises. A task stays an outline node of kind task
// (its title, place and departments are the outline's); what the office supervises about it lives in
// a table of its own keyed by the node's id: the outline is shared by every kind of node and edited
// by the plan's editor, while these columns are only a task's and change with its life. A task node
// without a row is a task with nothing set yet (assigned when its plan is published), so nodes added
// by any path need no second write. Nothing is overwritten: an approved adjustment keeps the original
// (original_deadline, original_title, a milestone's original_due) and every request stays a row.

import type { Kysely } from "kysely";
import { withId } from "./dialect.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("tasks")
    .addColumn("node_id", "integer", (c) => c.primaryKey().references("outline_nodes.id").onDelete("cascade"))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    /** assigned | acknowledged | in_progress | close_requested | closed | stopped */
    .addColumn("state", "text", (c) => c.notNull().defaultTo("assigned"))
    /** YYYY-MM-DD as adjusted; deadline_text: the words as written (2020年12月底前, 长期坚持). */
    .addColumn("deadline", "text")
    .addColumn("deadline_text", "text")
    /** The deadline before the first approved adjustment (null: never moved). */
    .addColumn("original_deadline", "text")
    /** The wording before an approved content adjustment. */
    .addColumn("original_title", "text")
    .addColumn("done_criteria", "text")
    /** monthly | quarterly; null: the plan's frequency. */
    .addColumn("frequency", "text")
    .addColumn("weight", "real", (c) => c.notNull().defaultTo(1))
    .addColumn("assigned_at", "text")
    .addColumn("acknowledged_at", "text")
    .addColumn("close_requested_at", "text")
    .addColumn("close_evidence", "text")
    .addColumn("closed_at", "text")
    .addColumn("stopped_at", "text")
    .addColumn("stopped_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("tasks_plan_idx").on("tasks").column("plan_id").execute();

  await withId(db, db.schema.createTable("task_milestones"))
    .addColumn("node_id", "integer", (c) => c.notNull().references("outline_nodes.id").onDelete("cascade"))
    .addColumn("ord", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("due", "text", (c) => c.notNull())
    /** The date first set, when an approved adjustment moved it. */
    .addColumn("original_due", "text")
    .addColumn("done_on", "text")
    /** The progress report that marked it done. */
    .addColumn("done_report_id", "integer", (c) => c.references("reports.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("task_milestones_node_idx")
    .on("task_milestones")
    .columns(["node_id", "ord"])
    .execute();

  await withId(db, db.schema.createTable("task_adjustments"))
    .addColumn("node_id", "integer", (c) => c.notNull().references("outline_nodes.id").onDelete("cascade"))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    /** deadline | milestone | content */
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("milestone_id", "integer", (c) => c.references("task_milestones.id").onDelete("set null"))
    /** A date or the wording, as it stood; null: there was no deadline. */
    .addColumn("original", "text")
    .addColumn("proposed", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    /** pending | approved | refused */
    .addColumn("state", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("requested_by", "integer", (c) => c.references("users.id"))
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "integer", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .addColumn("opinion", "text")
    .execute();
  await db.schema
    .createIndex("task_adjustments_plan_idx")
    .on("task_adjustments")
    .columns(["plan_id", "state"])
    .execute();
  await db.schema.createIndex("task_adjustments_node_idx").on("task_adjustments").column("node_id").execute();

  // The life of a task step by step, for its history (each step is in the audit trail too).
  await withId(db, db.schema.createTable("task_events"))
    .addColumn("node_id", "integer", (c) => c.notNull().references("outline_nodes.id").onDelete("cascade"))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_state", "text")
    .addColumn("to_state", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("by_user", "integer", (c) => c.references("users.id"))
    .addColumn("summary_zh", "text", (c) => c.notNull())
    .addColumn("summary_en", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("task_events_node_idx").on("task_events").columns(["node_id", "at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("task_events").ifExists().execute();
  await db.schema.dropTable("task_adjustments").ifExists().execute();
  await db.schema.dropTable("task_milestones").ifExists().execute();
  await db.schema.dropTable("tasks").ifExists().execute();
}
