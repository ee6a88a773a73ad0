import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { ensureDepartments } from "../db/departments-repository.ts";
import { createRegion } from "../db/regions-repository.ts";
import { FIXTURE_TEXT, fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { importPlan } from "./import-plan.ts";
import { publishPlan } from "./plan-review.ts";

describe.each(testDialects())("交办 on publication on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("assign every task once and tell each lead department how many it leads", async () => {
    const db = store().db;
    const nankai = await createRegion(db, SYSTEM_ACTOR, { name: "南开区", code: "120104" });
    const [rsj] = await ensureDepartments(db, SYSTEM_ACTOR, nankai.id, [{ name: "区人社局" }]);
    const { planId } = await importPlan(
      { db, extract: fixtureExtract },
      { bytes: new TextEncoder().encode(FIXTURE_TEXT), fileName: "nankai.txt", region: "120104", year: 2020 },
    );
    const tasks = await db
      .selectFrom("outline_nodes")
      .select("id")
      .where("plan_id", "=", planId)
      .where("kind", "=", "task")
      .execute();
    expect(tasks.length).toBeGreaterThan(0);
    await db
      .updateTable("outline_nodes")
      .set({ lead_department_id: rsj?.id as number })
      .where("plan_id", "=", planId)
      .where("kind", "=", "task")
      .execute();
    // A draft's tasks are not assigned.
    expect(await db.selectFrom("tasks").selectAll().where("plan_id", "=", planId).execute()).toEqual([]);

    await publishPlan(db, SYSTEM_ACTOR, planId);
    const rows = await db.selectFrom("tasks").selectAll().where("plan_id", "=", planId).execute();
    expect(rows).toHaveLength(tasks.length);
    expect(rows.every((r) => r.state === "assigned" && r.assigned_at !== null)).toBe(true);
    const events = await db.selectFrom("task_events").selectAll().where("plan_id", "=", planId).execute();
    expect(events.map((e) => e.action)).toEqual(tasks.map(() => "assign"));
    const reminders = await db.selectFrom("reminders").selectAll().where("plan_id", "=", planId).execute();
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.department_id).toBe(rsj?.id);
    expect(reminders[0]?.message).toContain(`牵头任务${tasks.length}项`);
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "task.assign")
      .execute();
    expect(audit).toHaveLength(1);
  });
});
