// The server's own 催报: every minute, whichever app process holds the lease looks through the
// published plans whose planner turned on 自动催报, takes the next step of the ladder (N days before a
// due date, on the day, after it, 黄牌, 红牌) for each department and due date, and sends what is
// pending on the department's channels (红牌 also on the plan's own channels: the leaders' group).
// "Never twice" rests on the database: the lease keeps a second process idle, and the once-only key
// of a scheduled reminder refuses a duplicate even if two processes ever worked at once.

import { hostname } from "node:os";
import type { Kysely } from "kysely";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { parsePlanSettings } from "../db/plan-settings-repository.ts";
import {
  acquireLease,
  type ChannelRow,
  type DeliveryRow,
  dueDeliveries,
  getChannel,
  getReminderBrief,
  insertScheduledReminder,
  listChannels,
  listPublishedPlanSettings,
  recordAttempt,
  releaseLease,
  takenRulesOfPlan,
} from "../db/reminder-channels-repository.ts";
import type { Database } from "../db/schema.ts";
import { type LadderLevel, ladderOf, nextStep, RETRY_MINUTES } from "../domain/reminder-ladder.ts";
import { type OwedItem, reminderText } from "../domain/reminder-text.ts";
import { dueItemsOfWorld } from "./chasing.ts";
import { readingClock } from "./plan-status.ts";
import { type DeliveryDeps, deliverOn, type WebhookPayload } from "./reminder-delivery.ts";
import { loadPlanWorld } from "./reporting-context.ts";

type Db = Kysely<Database>;

export const LEASE_NAME = "reminder-scheduler";

export interface SchedulerOptions extends DeliveryDeps {
  /** Who holds the lease: host, process and a random part, unique per process. */
  holder?: string;
  leaseMs?: number;
  /** The clock: ISO time. */
  clock?: () => string;
  /** Deliveries attempted per tick. */
  batch?: number;
}

export interface TickResult {
  /** False when another process holds the lease. */
  leader: boolean;
  scheduled: number;
  attempted: number;
  sent: number;
  failed: number;
}

const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export function defaultHolder(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
}

function channelsFor(
  all: readonly ChannelRow[],
  planId: number,
  departmentId: number,
  level: LadderLevel,
): ChannelRow[] {
  return all.filter((c) => {
    if (!c.enabled) return false;
    if (c.department_id === departmentId) return c.plan_id === null || c.plan_id === planId;
    // The plan's own channels (no department): the office's or leaders' group, for red cards.
    return c.department_id === null && c.plan_id === planId && level === "red";
  });
}

/** Takes the ladder's next step for each department and due date of one plan; returns how many. */
async function schedulePlan(
  db: Db,
  plan: { id: number; title: string; settings: string },
  now: string,
): Promise<number> {
  const ladder = ladderOf(parsePlanSettings(plan.settings).reminders);
  if (!ladder.enabled) return 0;
  const { world, asOf } = readingClock(await loadPlanWorld(db, plan.id, { texts: false }));
  const groups = new Map<
    string,
    { departmentId: number; dueDate: string; daysLeft: number; items: OwedItem[] }
  >();
  for (const item of dueItemsOfWorld(world, asOf)) {
    if (!item.department) continue;
    const key = `${item.department.id}|${item.dueDate}`;
    const group = groups.get(key) ?? {
      departmentId: item.department.id,
      dueDate: item.dueDate,
      daysLeft: item.daysLeft,
      items: [],
    };
    group.items.push({
      subject: item.subject.title,
      period: item.period.key,
      dueDate: item.dueDate,
      state: item.state,
    });
    groups.set(key, group);
  }
  if (groups.size === 0) return 0;
  const taken = await takenRulesOfPlan(db, plan.id);
  const channels = await listChannels(db, {
    planId: plan.id,
    departmentIds: [...new Set([...groups.values()].map((g) => g.departmentId))],
  });
  let count = 0;
  for (const [key, group] of groups) {
    const step = nextStep(group.daysLeft, ladder, taken.get(key) ?? new Set());
    if (!step) continue;
    const text = reminderText({
      lang: "zh",
      level: step.level,
      planTitle: plan.title,
      departmentName: world.names.departments.get(group.departmentId)?.name ?? "",
      items: group.items,
      daysToDue: group.daysLeft,
    });
    const id = await insertScheduledReminder(
      db,
      SYSTEM_ACTOR,
      {
        planId: plan.id,
        departmentId: group.departmentId,
        dueDate: group.dueDate,
        rule: step.rule,
        level: step.level,
        message: text.text,
      },
      channelsFor(channels, plan.id, group.departmentId, step.level),
      now,
    );
    if (id !== null) count++;
  }
  return count;
}

const LEVEL_WORD: Record<LadderLevel, string> = { reminder: "催报提醒", yellow: "黄牌警示", red: "红牌警示" };

/** One attempt for each pending delivery that is due; a failure is retried later, then given up. */
export async function runDeliveries(
  db: Db,
  now: string,
  options: SchedulerOptions = {},
): Promise<Omit<TickResult, "leader" | "scheduled">> {
  const rows = await dueDeliveries(db, now, options.batch ?? 50);
  let sent = 0;
  let failed = 0;
  const titles = new Map((await listPublishedPlanSettings(db)).map((p) => [p.id, p.title]));
  for (const row of rows) {
    const outcome = await attempt(db, row, titles, options);
    const giveUp = !outcome.ok && row.attempts + 1 > RETRY_MINUTES.length;
    const retryIn = RETRY_MINUTES[row.attempts] ?? 0;
    const recorded = await recordAttempt(
      db,
      row,
      outcome.ok
        ? { state: "sent", error: null, nextAttemptAt: null }
        : {
            state: giveUp ? "failed" : "pending",
            error: outcome.error,
            nextAttemptAt: giveUp ? null : addMs(now, retryIn * 60_000),
          },
      now,
    );
    if (recorded && outcome.ok) sent++;
    if (recorded && !outcome.ok) failed++;
  }
  return { attempted: rows.length, sent, failed };
}

async function attempt(db: Db, row: DeliveryRow, titles: Map<number, string>, options: SchedulerOptions) {
  const reminder = await getReminderBrief(db, row.reminder_id);
  if (!reminder) return { ok: false as const, error: "reminder removed" };
  const planTitle = titles.get(reminder.plan_id) ?? "";
  const subject = `【${LEVEL_WORD[reminder.level]}】${planTitle}`;
  const lines = reminder.message.split("\n");
  const text = { subject, text: reminder.message, markdown: [`**${subject}**`, "", ...lines].join("\n") };
  const webhook: WebhookPayload = {
    type: "plantrack.reminder",
    reminderId: reminder.id,
    level: reminder.level,
    plan: { id: reminder.plan_id, title: planTitle },
    department: { id: reminder.department_id, name: "" },
    subject,
    message: reminder.message,
    sentAt: reminder.sent_at,
    overdue: [],
  };
  return deliverOn(
    { kind: row.kind, address: row.address, secret: await secretOf(db, row) },
    text,
    webhook,
    options,
  );
}

async function secretOf(db: Db, row: DeliveryRow): Promise<string | null> {
  if (row.kind !== "dingtalk" || row.channel_id === null) return null;
  return (await getChannel(db, row.channel_id))?.secret ?? null;
}

/** One turn of the scheduler: take or keep the lease, schedule, deliver. */
export async function schedulerTick(db: Db, options: SchedulerOptions = {}): Promise<TickResult> {
  const now = (options.clock ?? (() => new Date().toISOString()))();
  const holder = options.holder ?? defaultHolder();
  const leader = await acquireLease(db, LEASE_NAME, holder, now, addMs(now, options.leaseMs ?? 120_000));
  if (!leader) return { leader: false, scheduled: 0, attempted: 0, sent: 0, failed: 0 };
  let scheduled = 0;
  for (const plan of await listPublishedPlanSettings(db)) scheduled += await schedulePlan(db, plan, now);
  const delivered = await runDeliveries(db, now, options);
  return { leader: true, scheduled, ...delivered };
}

export interface RunningScheduler {
  stop(): Promise<void>;
}

/** Starts the loop of one app process; errors are logged and the next tick tries again. */
export function startScheduler(
  db: Db,
  log: { warn: (obj: object, msg: string) => void },
  options: SchedulerOptions & { intervalMs?: number } = {},
): RunningScheduler {
  const holder = options.holder ?? defaultHolder();
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = schedulerTick(db, { ...options, holder }).catch((error: unknown) => {
      log.warn({ err: error }, "reminder scheduler tick failed");
    });
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await releaseLease(db, LEASE_NAME, holder).catch(() => undefined);
    },
  };
}
