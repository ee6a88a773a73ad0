// Where reminders go and how each went: channels of a department or a plan, deliveries with their
// attempts, the scheduler's lease and the once-only record of scheduled reminders (migration 0009).

import type { Kysely } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import type { ChannelKind, Database, ReminderLevel } from "./schema.ts";

type Db = Kysely<Database>;

export interface ChannelRow {
  id: number;
  plan_id: number | null;
  department_id: number | null;
  kind: ChannelKind;
  address: string;
  secret: string | null;
  label: string | null;
  enabled: number;
  created_by: number | null;
  created_at: string;
}

export interface NewChannel {
  planId: number | null;
  departmentId: number | null;
  kind: ChannelKind;
  address: string;
  secret: string | null;
  label: string | null;
}

export async function insertChannel(
  db: Db,
  actor: Actor,
  input: NewChannel,
  at: string,
): Promise<ChannelRow> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("reminder_channels")
      .values({
        plan_id: input.planId,
        department_id: input.departmentId,
        kind: input.kind,
        address: input.address,
        secret: input.secret,
        label: input.label,
        enabled: 1,
        created_by: actor.userId,
        created_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // The secret is not written to the audit log: it signs the robot's messages.
    await appendAudit(
      trx,
      actor,
      {
        action: "channel.create",
        entity: "reminder_channel",
        entityId: row.id,
        planId: input.planId,
        after: {
          kind: input.kind,
          address: input.address,
          departmentId: input.departmentId,
          label: input.label,
        },
      },
      at,
    );
    return row as ChannelRow;
  });
}

export async function getChannel(db: Db, id: number): Promise<ChannelRow | undefined> {
  return (await db.selectFrom("reminder_channels").selectAll().where("id", "=", id).executeTakeFirst()) as
    | ChannelRow
    | undefined;
}

export async function deleteChannel(db: Db, actor: Actor, row: ChannelRow, at: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom("reminder_channels").where("id", "=", row.id).execute();
    await appendAudit(
      trx,
      actor,
      {
        action: "channel.delete",
        entity: "reminder_channel",
        entityId: row.id,
        planId: row.plan_id,
        before: { kind: row.kind, address: row.address, departmentId: row.department_id },
      },
      at,
    );
  });
}

/** Channels set for the plan as a whole, for the department in every plan, or for both together. */
export async function listChannels(
  db: Db,
  filter: { planId?: number | null; departmentIds?: readonly number[] },
): Promise<ChannelRow[]> {
  let query = db.selectFrom("reminder_channels").selectAll();
  const { planId, departmentIds } = filter;
  if (planId !== undefined || departmentIds) {
    query = query.where((eb) => {
      const ors = [];
      if (planId !== undefined && planId !== null) ors.push(eb("plan_id", "=", planId));
      if (departmentIds && departmentIds.length > 0) ors.push(eb("department_id", "in", [...departmentIds]));
      return ors.length > 0 ? eb.or(ors) : eb.val(false);
    });
  }
  return (await query.orderBy("id").execute()) as ChannelRow[];
}

// ── deliveries ──────────────────────────────────────────────────────────────────────────────────

export interface DeliveryRow {
  id: number;
  reminder_id: number;
  channel_id: number | null;
  kind: ChannelKind;
  address: string;
  state: "pending" | "sent" | "failed";
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
  created_at: string;
}

export async function insertDeliveries(
  db: Db,
  reminderId: number,
  channels: readonly ChannelRow[],
  at: string,
): Promise<void> {
  if (channels.length === 0) return;
  await db
    .insertInto("reminder_deliveries")
    .values(
      channels.map((c) => ({
        reminder_id: reminderId,
        channel_id: c.id,
        kind: c.kind,
        address: c.address,
        state: "pending" as const,
        attempts: 0,
        last_error: null,
        next_attempt_at: at,
        sent_at: null,
        created_at: at,
      })),
    )
    .execute();
}

/** Pending deliveries whose next attempt is due, oldest first. */
export async function dueDeliveries(db: Db, now: string, limit: number): Promise<DeliveryRow[]> {
  return (await db
    .selectFrom("reminder_deliveries")
    .selectAll()
    .where("state", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .orderBy("id")
    .limit(limit)
    .execute()) as DeliveryRow[];
}

/**
 * Records an attempt. `expectedAttempts` makes it a compare-and-set: when two processes took the same
 * delivery (a lease that ran out mid-send), only one records it.
 */
export async function recordAttempt(
  db: Db,
  row: DeliveryRow,
  outcome: { state: DeliveryRow["state"]; error: string | null; nextAttemptAt: string | null },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable("reminder_deliveries")
    .set({
      state: outcome.state,
      attempts: row.attempts + 1,
      last_error: outcome.error,
      next_attempt_at: outcome.nextAttemptAt,
      sent_at: outcome.state === "sent" ? at : null,
    })
    .where("id", "=", row.id)
    .where("attempts", "=", row.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface DeliveryListRow extends DeliveryRow {
  plan_id: number;
  department_id: number;
  level: ReminderLevel;
  message: string;
  sent_at_reminder: string;
}

export async function listDeliveriesOfPlan(
  db: Db,
  planId: number,
  limit: number,
): Promise<DeliveryListRow[]> {
  return (await db
    .selectFrom("reminder_deliveries as d")
    .innerJoin("reminders as r", "r.id", "d.reminder_id")
    .selectAll("d")
    .select(["r.plan_id", "r.department_id", "r.level", "r.message", "r.sent_at as sent_at_reminder"])
    .where("r.plan_id", "=", planId)
    .orderBy("d.id", "desc")
    .limit(limit)
    .execute()) as DeliveryListRow[];
}

// ── the scheduler's lease and its once-only record ─────────────────────────────────────────────

/**
 * Takes or renews the named lease for `holder` until `expiresAt`; true when this holder has it. One
 * conditional statement each way, so two processes asking at once cannot both win.
 */
export async function acquireLease(
  db: Db,
  name: string,
  holder: string,
  now: string,
  expiresAt: string,
): Promise<boolean> {
  await db
    .insertInto("scheduler_leases")
    .values({ name, holder: "", expires_at: "" })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const result = await db
    .updateTable("scheduler_leases")
    .set({ holder, expires_at: expiresAt })
    .where("name", "=", name)
    .where((eb) => eb.or([eb("holder", "=", holder), eb("expires_at", "<", now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db
    .updateTable("scheduler_leases")
    .set({ expires_at: "" })
    .where("name", "=", name)
    .where("holder", "=", holder)
    .execute();
}

export interface ScheduledReminder {
  planId: number;
  departmentId: number;
  dueDate: string;
  rule: string;
  level: ReminderLevel;
  message: string;
}

/**
 * Records a scheduled reminder and its in-app row in one transaction, unless one for the same plan,
 * department, due date and rule exists: then nothing is written and null comes back. The unique key,
 * not the lease, is what makes "never twice" hold.
 */
export async function insertScheduledReminder(
  db: Db,
  actor: Actor,
  input: ScheduledReminder,
  channels: readonly ChannelRow[],
  at: string,
): Promise<number | null> {
  return inTransaction(db, async (trx) => {
    const claimed = await trx
      .insertInto("scheduled_reminders")
      .values({
        plan_id: input.planId,
        department_id: input.departmentId,
        due_date: input.dueDate,
        rule: input.rule,
        reminder_id: null,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(["plan_id", "department_id", "due_date", "rule"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!claimed) return null;
    const reminder = await trx
      .insertInto("reminders")
      .values({
        plan_id: input.planId,
        department_id: input.departmentId,
        message: input.message,
        channel: "scheduled",
        sent_by: null,
        sent_at: at,
        read_at: null,
        delivery_error: null,
        level: input.level,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("scheduled_reminders")
      .set({ reminder_id: reminder.id })
      .where("id", "=", claimed.id)
      .execute();
    await insertDeliveries(trx, reminder.id, channels, at);
    await appendAudit(
      trx,
      actor,
      {
        action: "reminder.schedule",
        entity: "reminder",
        entityId: reminder.id,
        planId: input.planId,
        after: {
          departmentId: input.departmentId,
          dueDate: input.dueDate,
          rule: input.rule,
          level: input.level,
        },
      },
      at,
    );
    return reminder.id;
  });
}

/** Reminders by level per department of a plan: the cards shown on the desk and in the ranking. */
export async function cardsOfPlan(
  db: Db,
  planId: number,
): Promise<{ department_id: number; level: ReminderLevel; n: number; last: string }[]> {
  const rows = await db
    .selectFrom("reminders")
    .select(["department_id", "level"])
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("sent_at").as("last")])
    .where("plan_id", "=", planId)
    .where("level", "in", ["yellow", "red"])
    .groupBy(["department_id", "level"])
    .execute();
  return rows.map((r) => ({
    department_id: r.department_id,
    level: r.level,
    n: Number(r.n),
    last: String(r.last),
  }));
}

/** Published plans with their settings JSON: what the scheduler looks through. */
export async function listPublishedPlanSettings(
  db: Db,
): Promise<{ id: number; title: string; settings: string }[]> {
  return db
    .selectFrom("plans")
    .select(["id", "title", "settings"])
    .where("state", "=", "published")
    .orderBy("id")
    .execute();
}

/** The rules already taken for a plan's due dates, by `${departmentId}|${dueDate}`. */
export async function takenRulesOfPlan(db: Db, planId: number): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom("scheduled_reminders")
    .select(["department_id", "due_date", "rule"])
    .where("plan_id", "=", planId)
    .execute();
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = `${r.department_id}|${r.due_date}`;
    const set = out.get(key) ?? new Set<string>();
    set.add(r.rule);
    out.set(key, set);
  }
  return out;
}

export async function getReminderBrief(
  db: Db,
  id: number,
): Promise<
  | {
      id: number;
      plan_id: number;
      department_id: number;
      level: ReminderLevel;
      message: string;
      sent_at: string;
    }
  | undefined
> {
  return db
    .selectFrom("reminders")
    .select(["id", "plan_id", "department_id", "level", "message", "sent_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}
