import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../db/audit-repository.ts";
import { type AppendRevision, appendFirstRevisions, appendRevision } from "../db/reports-repository.ts";
import { isAppError } from "../domain/app-error.ts";
import { buildAccessWorld } from "../test/access-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { appendFirstRevisionBatched } from "./submission-batch.ts";

const actor = { userId: null, ip: "10.0.0.9" };

function firstSave(planId: number, targetId: number, period: string, value: number): AppendRevision {
  return {
    report: {
      planId,
      subject: { type: "target", id: targetId },
      departmentId: null,
      period,
      periodEnd: `${period}-28`,
      dueDate: `${period}-28`,
    },
    baseRevision: null,
    content: { value, percent: null, statusWord: null, progress: "按计划推进", problems: "", nextSteps: "" },
    state: "submitted",
    at: "2020-05-03T08:00:00.000Z",
  };
}

describe.each(testDialects())("first saves written together on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("write new reports in one transaction; a repeat in the batch and an existing report are conflicts", async () => {
    const db = store().db;
    const world = await buildAccessWorld(db);
    const [a, b, c] = world.targetIds as [number, number, number];
    await appendRevision(db, actor, firstSave(world.planId, c, "2020-03", 1));
    const results = await appendFirstRevisions(db, [
      { actor, input: firstSave(world.planId, a, "2020-04", 10) },
      { actor, input: firstSave(world.planId, b, "2020-04", 20) },
      { actor, input: firstSave(world.planId, a, "2020-04", 30) },
      { actor, input: firstSave(world.planId, c, "2020-03", 40) },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false]);
    const [first, second, repeat, existing] = results;
    if (!first?.ok || !second?.ok || repeat?.ok !== false || existing?.ok !== false) throw new Error("shape");
    expect(first.value.report).toMatchObject({ current_revision: 1, state: "submitted", period: "2020-04" });
    expect(first.value.revision).toMatchObject({ revision: 1, value: 10, report_id: first.value.report.id });
    expect(second.value.revision.value).toBe(20);
    expect(repeat.error).toMatchObject({ code: "conflict", details: { latestRevision: 1 } });
    expect(repeat.error.details.reportId).toBe(first.value.report.id);
    expect(existing.error).toMatchObject({ code: "conflict", details: { latestRevision: 1 } });
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("entity", "=", "report")
      .execute();
    expect(audit.map((r) => r.action)).toEqual(["report.submit", "report.submit", "report.submit"]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("group saves that arrive together, answer each with its own outcome, and keep the chain whole", async () => {
    const db = store().db;
    const world = await buildAccessWorld(db);
    const months = ["2020-02", "2020-03", "2020-04", "2020-05", "2020-06", "2020-07"];
    const saves = world.targetIds
      .slice(0, 5)
      .flatMap((t) => months.map((m, i) => firstSave(world.planId, t, m, i)));
    // One of them twice: exactly one of the pair goes in.
    saves.push(saves[0] as AppendRevision);
    const settled = await Promise.allSettled(saves.map((s) => appendFirstRevisionBatched(db, actor, s)));
    const refused = settled.filter((s) => s.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(isAppError((refused[0] as PromiseRejectedResult).reason)).toBe(true);
    expect(await db.selectFrom("reports").select("id").execute()).toHaveLength(saves.length - 1);
    expect((await verifyAuditChain(db)).count).toBeGreaterThanOrEqual(saves.length - 1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("when one save fails the batch's statement, write the others one by one and fail only it", async () => {
    const db = store().db;
    const world = await buildAccessWorld(db);
    const good = world.targetIds.slice(0, 3).map((t) => firstSave(world.planId, t, "2020-04", 1));
    const bad = firstSave(world.planId + 1000, world.targetIds[3] as number, "2020-04", 1); // no such plan
    const settled = await Promise.allSettled(
      [...good.slice(0, 1), bad, ...good.slice(1)].map((s) => appendFirstRevisionBatched(db, actor, s)),
    );
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(await db.selectFrom("reports").select("id").execute()).toHaveLength(3);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
