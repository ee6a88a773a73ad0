// The planner's side of reminders that reach people: which channels a plan's departments (and the plan
// itself) have, a test message on one, the delivery log with its failures, and 自动催报's ladder.

import type { Kysely } from "kysely";
import type { DepartmentRef } from "../contract/common.ts";
import type {
  ChannelView,
  CreateChannelRequest,
  DeliveryView,
  ReminderSettingsView,
} from "../contract/reminders.ts";
import type { Actor } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { getDepartment, listDepartments } from "../db/departments-repository.ts";
import { readPlanSettings, writePlanSettings } from "../db/plan-settings-repository.ts";
import {
  type ChannelRow,
  type DeliveryListRow,
  deleteChannel,
  getChannel,
  insertChannel,
  listChannels,
  listDeliveriesOfPlan,
} from "../db/reminder-channels-repository.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../domain/app-error.ts";
import { ladderOf } from "../domain/reminder-ladder.ts";
import { reminderText } from "../domain/reminder-text.ts";
import { channelAddressProblem, type DeliveryDeps, deliverOn } from "./reminder-delivery.ts";
import { requirePlan } from "./reporting-context.ts";

type Db = Kysely<Database>;

function channelView(row: ChannelRow, departments: Map<number, DepartmentRef>): ChannelView {
  return {
    id: row.id,
    planId: row.plan_id,
    department: row.department_id === null ? null : (departments.get(row.department_id) ?? null),
    kind: row.kind,
    address: row.address,
    hasSecret: Boolean(row.secret),
    label: row.label,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
  };
}

function deliveryView(row: DeliveryListRow, departments: Map<number, DepartmentRef>): DeliveryView {
  return {
    id: row.id,
    reminderId: row.reminder_id,
    department: departments.get(row.department_id) ?? null,
    level: row.level,
    kind: row.kind,
    address: row.address,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}

async function departmentsOfPlan(db: Db, regionId: number | null): Promise<Map<number, DepartmentRef>> {
  const rows = regionId === null ? [] : await listDepartments(db, regionId);
  return new Map(rows.map((d) => [d.id, { id: d.id, name: d.name }]));
}

/** The plan's own channels and those of the departments of its region (for this plan or all plans). */
export async function planChannels(db: Db, planId: number): Promise<ChannelView[]> {
  const plan = await requirePlan(db, planId);
  const departments = await departmentsOfPlan(db, plan.region_id);
  const rows = await listChannels(db, { planId, departmentIds: [...departments.keys()] });
  return rows
    .filter((r) => r.plan_id === null || r.plan_id === planId)
    .map((r) => channelView(r, departments));
}

export async function createChannel(
  db: Db,
  actor: Actor,
  planId: number,
  body: CreateChannelRequest,
  now = new Date().toISOString(),
): Promise<ChannelView> {
  const plan = await requirePlan(db, planId);
  const address = body.address.trim();
  const problem = channelAddressProblem(body.kind, address);
  if (problem) throw new AppError("bad_input", problem, { field: "address" });
  if (body.departmentId === null && !body.thisPlanOnly) {
    throw new AppError(
      "bad_input",
      { zh: "计划本身的渠道只能用于本计划", en: "a channel of the plan itself can only be for this plan" },
      { field: "thisPlanOnly" },
    );
  }
  if (body.departmentId !== null) {
    const department = await getDepartment(db, body.departmentId);
    if (!department || (plan.region_id !== null && department.region_id !== plan.region_id)) {
      throw new AppError(
        "bad_input",
        {
          zh: `部门 ${body.departmentId} 不属于本计划的地区`,
          en: `department ${body.departmentId} is not of the plan's region`,
        },
        { field: "departmentId" },
      );
    }
  }
  const secret = body.kind === "dingtalk" ? body.secret?.trim() || null : null;
  const row = await insertChannel(
    db,
    actor,
    {
      planId: body.thisPlanOnly ? planId : null,
      departmentId: body.departmentId,
      kind: body.kind,
      address,
      secret,
      label: body.label?.trim() || null,
    },
    now,
  );
  return channelView(row, await departmentsOfPlan(db, plan.region_id));
}

async function requireChannelOfPlan(db: Db, planId: number, channelId: number): Promise<ChannelRow> {
  const plan = await requirePlan(db, planId);
  const row = await getChannel(db, channelId);
  const departments = await departmentsOfPlan(db, plan.region_id);
  const ofPlan =
    row &&
    (row.plan_id === planId ||
      (row.plan_id === null && row.department_id !== null && departments.has(row.department_id)));
  if (!row || !ofPlan) {
    throw new AppError(
      "not_found",
      { zh: `找不到渠道 ${channelId}`, en: `no channel ${channelId}` },
      { channelId },
    );
  }
  return row;
}

export async function removeChannel(db: Db, actor: Actor, planId: number, channelId: number): Promise<void> {
  const row = await requireChannelOfPlan(db, planId, channelId);
  await deleteChannel(db, actor, row, new Date().toISOString());
}

/** Sends a test message on one channel now, so the planner knows the address works. */
export async function testChannel(
  db: Db,
  planId: number,
  channelId: number,
  deps: DeliveryDeps,
): Promise<{ ok: boolean; error: string | null }> {
  const plan = await requirePlan(db, planId);
  const row = await requireChannelOfPlan(db, planId, channelId);
  const text = reminderText({
    lang: "zh",
    level: "reminder",
    planTitle: plan.title,
    departmentName: row.label ?? "",
    items: [],
    note: "这是一条测试消息：收到即表示催报渠道可用。",
  });
  const outcome = await deliverOn(
    { kind: row.kind, address: row.address, secret: row.secret },
    text,
    {
      type: "plantrack.reminder",
      reminderId: 0,
      level: "reminder",
      plan: { id: plan.id, title: plan.title },
      department: { id: row.department_id ?? 0, name: row.label ?? "" },
      subject: text.subject,
      message: text.text,
      sentAt: new Date().toISOString(),
      overdue: [],
    },
    deps,
  );
  return outcome.ok ? { ok: true, error: null } : { ok: false, error: outcome.error };
}

export async function planDeliveries(db: Db, planId: number): Promise<DeliveryView[]> {
  const plan = await requirePlan(db, planId);
  const departments = await departmentsOfPlan(db, plan.region_id);
  return (await listDeliveriesOfPlan(db, planId, 500)).map((r) => deliveryView(r, departments));
}

export async function reminderSettings(db: Db, planId: number): Promise<ReminderSettingsView> {
  await requirePlan(db, planId);
  return ladderOf((await readPlanSettings(db, planId))?.reminders);
}

export async function updateReminderSettings(
  db: Db,
  actor: Actor,
  planId: number,
  body: ReminderSettingsView,
): Promise<ReminderSettingsView> {
  await requirePlan(db, planId);
  const steps = [body.daysBefore, body.daysAfter, body.yellowAfterDays, body.redAfterDays];
  if (steps.some((n) => n !== null && (!Number.isInteger(n) || n < 1 || n > 366))) {
    throw new AppError("bad_input", {
      zh: "天数须为1至366的整数",
      en: "days must be whole numbers from 1 to 366",
    });
  }
  if (
    body.yellowAfterDays !== null &&
    body.redAfterDays !== null &&
    body.redAfterDays <= body.yellowAfterDays
  ) {
    throw new AppError(
      "bad_input",
      { zh: "红牌天数须大于黄牌天数", en: "the red card must come after the yellow card" },
      { field: "redAfterDays" },
    );
  }
  // Read and written in one transaction: the plan's other settings are kept as they are.
  await inTransaction(db, async (trx) => {
    const settings = (await readPlanSettings(trx, planId)) ?? {};
    await writePlanSettings(trx, actor, planId, { ...settings, reminders: body });
  });
  return reminderSettings(db, planId);
}
