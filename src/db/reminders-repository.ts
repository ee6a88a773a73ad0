// Reminders (催报) sent to a department about a plan's reports: sending, delivery, reading.

import type { Kysely, Selectable } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import type { Database, RemindersTable } from "./schema.ts";

type Db = Kysely<Database>;
export type ReminderRow = Selectable<RemindersTable>;

export interface NewReminder {
  planId: number;
  departmentId: number;
  message: string;
  at: string;
}

export async function insertReminder(db: Db, actor: Actor, input: NewReminder): Promise<ReminderRow> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("reminders")
      .values({
        plan_id: input.planId,
        department_id: input.departmentId,
        message: input.message,
        channel: "in_app",
        sent_by: actor.userId,
        sent_at: input.at,
        read_at: null,
        delivery_error: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      actor,
      {
        action: "reminder.send",
        entity: "reminder",
        entityId: row.id,
        planId: input.planId,
        after: { departmentId: input.departmentId, message: input.message },
      },
      input.at,
    );
    return row;
  });
}

export async function recordReminderDelivery(
  db: Db,
  actor: Actor,
  id: number,
  delivery: "webhook_sent" | "webhook_failed",
  error: string | null,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable("reminders")
      .set({ delivery, delivery_error: error })
      .where("id", "=", id)
      .execute();
    await appendAudit(trx, actor, {
      action: "reminder.delivery",
      entity: "reminder",
      entityId: id,
      after: { delivery, error },
    });
  });
}

export async function markReminderRead(db: Db, actor: Actor, id: number, at: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable("reminders")
      .set({ read_at: at })
      .where("id", "=", id)
      .where("read_at", "is", null)
      .execute();
    await appendAudit(trx, actor, { action: "reminder.read", entity: "reminder", entityId: id }, at);
  });
}

export async function getReminder(db: Db, id: number): Promise<ReminderRow | undefined> {
  return db.selectFrom("reminders").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listReminders(
  db: Db,
  filter: { planId?: number; departmentId?: number; limit?: number },
): Promise<ReminderRow[]> {
  let q = db.selectFrom("reminders").selectAll();
  if (filter.planId !== undefined) q = q.where("plan_id", "=", filter.planId);
  if (filter.departmentId !== undefined) q = q.where("department_id", "=", filter.departmentId);
  return q
    .orderBy("sent_at", "desc")
    .orderBy("id", "desc")
    .limit(filter.limit ?? 200)
    .execute();
}
