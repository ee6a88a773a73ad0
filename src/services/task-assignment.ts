// 交办: when a plan is published its tasks are assigned, and each lead department is told — a notice
// in its in-app reminders and on its channels (e-mail, robots), naming how many tasks it leads and
// by when it should acknowledge them (签收, the plan's working-day limit).

import type { Actor } from "../db/audit-repository.ts";
import { listNodeRowsOfPlan } from "../db/outline-nodes-repository.ts";
import { parsePlanSettings } from "../db/plan-settings-repository.ts";
import { insertDeliveries, listChannels } from "../db/reminder-channels-repository.ts";
import { insertReminder } from "../db/reminders-repository.ts";
import type { PlanRow } from "../db/schema.ts";
import { assignTasksOfPlan } from "../db/tasks-repository.ts";
import { addWorkingDays, dayWords } from "../domain/iso-dates.ts";
import { lightSettingsOf, taskSettingsOf } from "../domain/task-settings.ts";
import { type Db, loadNames } from "./reporting-context.ts";

export async function assignTasksOnPublish(
  db: Db,
  actor: Actor,
  plan: PlanRow,
  at: string = new Date().toISOString(),
): Promise<number[]> {
  const on = at.slice(0, 10);
  const tasks = (await listNodeRowsOfPlan(db, plan.id)).filter((n) => n.kind === "task");
  const assigned = await assignTasksOfPlan(
    db,
    actor,
    plan.id,
    tasks.map((t) => t.id),
    on,
    at,
  );
  const chosen = new Set(assigned);
  const byLead = new Map<number, number>();
  for (const t of tasks)
    if (chosen.has(t.id) && t.lead_department_id !== null)
      byLead.set(t.lead_department_id, (byLead.get(t.lead_department_id) ?? 0) + 1);
  if (byLead.size === 0) return assigned;
  const settings = lightSettingsOf(taskSettingsOf(parsePlanSettings(plan.settings)));
  const by = dayWords(addWorkingDays(on, settings.acknowledgeWorkingDays, settings.calendar)).zh;
  const names = await loadNames(db, [], [...byLead.keys()]);
  const channels = await listChannels(db, { planId: plan.id, departmentIds: [...byLead.keys()] });
  for (const [departmentId, count] of byLead) {
    const name = names.departments.get(departmentId)?.name ?? "";
    // The office's notice to a department, in the office's language, like a 催报 it writes.
    const row = await insertReminder(db, actor, {
      planId: plan.id,
      departmentId,
      message: `《${plan.title}》已发布，交办${name}牵头任务${count}项，请于${by}前登录签收。`,
      at,
    });
    await insertDeliveries(
      db,
      row.id,
      channels.filter(
        (c) =>
          c.enabled === 1 &&
          c.department_id === departmentId &&
          (c.plan_id === null || c.plan_id === plan.id),
      ),
      at,
    );
  }
  return assigned;
}
