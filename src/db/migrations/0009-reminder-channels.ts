// Issue 14: reminders that reach people. A department or a plan names the channels its reminders go
// out on (e-mail, 企业微信 and 钉钉 group robots, a generic webhook); each attempt on each channel is a
// delivery row (retried until it goes or gives up, failures visible to the planner). The server itself
// sends scheduled reminders relative to due dates: one scheduler among several app processes holds a
// lease row, and a scheduled reminder is keyed by what it is about, so none is sent twice. A reminder
// has a level on the escalation ladder: 提醒, then 黄牌, then 红牌 to the leader in charge.

import type { Kysely } from "kysely";
import { withId } from "./dialect.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("reminder_channels"))
    .addColumn("plan_id", "integer", (c) => c.references("plans.id").onDelete("cascade"))
    .addColumn("department_id", "integer", (c) => c.references("departments.id").onDelete("cascade"))
    /** email | wecom | dingtalk | webhook */
    .addColumn("kind", "text", (c) => c.notNull())
    /** An e-mail address, or the robot's or webhook's URL. */
    .addColumn("address", "text", (c) => c.notNull())
    /** 钉钉's signing secret (加签), when the robot has one. */
    .addColumn("secret", "text")
    .addColumn("label", "text")
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("reminder_channels_owner_idx")
    .on("reminder_channels")
    .columns(["department_id", "plan_id"])
    .execute();

  await withId(db, db.schema.createTable("reminder_deliveries"))
    .addColumn("reminder_id", "integer", (c) => c.notNull().references("reminders.id").onDelete("cascade"))
    .addColumn("channel_id", "integer", (c) => c.references("reminder_channels.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    /** pending | sent | failed (given up after the last attempt) */
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("next_attempt_at", "text")
    .addColumn("sent_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("reminder_deliveries_due_idx")
    .on("reminder_deliveries")
    .columns(["state", "next_attempt_at"])
    .execute();
  await db.schema
    .createIndex("reminder_deliveries_reminder_idx")
    .on("reminder_deliveries")
    .column("reminder_id")
    .execute();

  await db.schema
    .createTable("scheduler_leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  // What a scheduled reminder is about, once: the unique key is the guarantee against sending twice.
  await withId(db, db.schema.createTable("scheduled_reminders"))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("department_id", "integer", (c) =>
      c.notNull().references("departments.id").onDelete("cascade"),
    )
    /** The due date the rule is relative to, and the rule: before:N | on_day | after:N | yellow | red. */
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("reminder_id", "integer", (c) => c.references("reminders.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("scheduled_reminders_once", ["plan_id", "department_id", "due_date", "rule"])
    .execute();

  await db.schema
    .alterTable("reminders")
    .addColumn("level", "text", (c) => c.notNull().defaultTo("reminder"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("reminders").dropColumn("level").execute();
  await db.schema.dropTable("scheduled_reminders").ifExists().execute();
  await db.schema.dropTable("scheduler_leases").ifExists().execute();
  await db.schema.dropTable("reminder_deliveries").ifExists().execute();
  await db.schema.dropTable("reminder_channels").ifExists().execute();
}
