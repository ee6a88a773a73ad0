import { describe, expect, it } from "vitest";
import type { Principal } from "../domain/access.ts";
import { buildAccessWorld } from "../test/access-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { planStatus } from "./plan-status.ts";
import { reviewReport, saveReport } from "./reporting.ts";

const ADMIN: Principal = {
  id: 0,
  role: "admin",
  regionId: null,
  departmentId: null,
  departmentRegionId: null,
};
const actor = { userId: null, ip: null };
const TEXTS = { progress: "进展", problems: "", nextSteps: "" };

describe.each(testDialects())("tasks and items in the plan's status on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("judge each task on its status word and each item on its percent, as of the date", async () => {
    const db = store().db;
    const world = await buildAccessWorld(db);
    const item = await db
      .selectFrom("items")
      .select(["id", "node_id"])
      .where("plan_id", "=", world.planId)
      .executeTakeFirstOrThrow();
    const clock = { now: "2020-07-03T09:00:00.000Z" };
    const task = await saveReport(
      db,
      actor,
      ADMIN,
      "node",
      world.taskNodeId,
      "2020-06",
      { baseRevision: null, statusWord: "受阻", ...TEXTS, submit: true },
      clock,
    );
    await reviewReport(db, actor, ADMIN, task.report.id, { action: "approve" }, clock);
    const built = await saveReport(
      db,
      actor,
      ADMIN,
      "item",
      item.id,
      "2020-06",
      { baseRevision: null, percent: 50, ...TEXTS, submit: true },
      clock,
    );
    await reviewReport(db, actor, ADMIN, built.report.id, { action: "approve" }, clock);

    const status = await planStatus(db, world.planId, "2020-07-10");
    const t = status.tasks.find((x) => x.id === world.taskNodeId);
    expect(t).toMatchObject({
      kind: "node",
      nodeId: world.taskNodeId,
      statusWord: "受阻",
      evaluation: { status: "behind", period: { key: "2020-06" }, working: { rule: "status_word" } },
    });
    const i = status.items.find((x) => x.id === item.id);
    expect(i).toMatchObject({
      kind: "item",
      nodeId: item.node_id,
      percent: 50,
      statusWord: null,
      evaluation: { status: "on_track", completion: 0.5, working: { rule: "milestone" } },
    });
    // Every other task owes June's report by 5 July: not reported.
    const others = status.tasks.filter((x) => x.id !== world.taskNodeId);
    expect(others.length).toBeGreaterThan(0);
    for (const o of others) expect(o.evaluation.status).toBe("not_reported");
    // Before the approval nothing was known.
    const before = await planStatus(db, world.planId, "2020-07-02");
    expect(before.tasks.find((x) => x.id === world.taskNodeId)?.evaluation.status).toBe("not_reported");
  });
});
