import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.ts";
import type { PlanSummary } from "../contract/plans.ts";
import { type Actor, verifyAuditChain } from "../db/audit-repository.ts";
import { databaseConfigFromEnv, openDatabase } from "../db/database.ts";
import { shiftDate } from "../db/plan-copy-repository.ts";
import { AppError } from "../domain/app-error.ts";
import { copyPlan } from "../services/plan-copy.ts";
import { loadPlanDetail } from "../services/plan-queries.ts";
import { saveReport } from "../services/reporting.ts";
import { buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, TEST_AUTH } from "../test/auth-helpers.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

const actor: Actor = { userId: null, ip: "127.0.0.1" };

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("shiftDate", () => {
  it("move a date by whole years, 29 February to 28 in a common year", () => {
    expect(shiftDate("2020-12-31", 1)).toBe("2021-12-31");
    expect(shiftDate("2020-02-29", 1)).toBe("2021-02-28");
    expect(shiftDate("2020-02-29", 4)).toBe("2024-02-29");
    expect(shiftDate(null, 1)).toBeNull();
  });
});

describe.each(testDialects())("copying a plan on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  async function setup() {
    const db = store().db;
    const world = await buildAccessWorld(db);
    const jobs = world.targetIds[3] as number;
    await db
      .updateTable("targets")
      .set({
        lead_department_id: world.departments.nankaiRsj,
        baseline: 100,
        weight: 2,
        due_date: "2020-06-30",
      })
      .where("id", "=", jobs)
      .execute();
    await db
      .insertInto("target_departments")
      .values({ target_id: jobs, department_id: world.departments.nankaiJyj })
      .execute();
    await db
      .updateTable("outline_nodes")
      .set({ lead_department_id: world.departments.nankaiJyj })
      .where("id", "=", world.taskNodeId)
      .execute();
    await db
      .insertInto("node_departments")
      .values({ node_id: world.taskNodeId, department_id: world.departments.nankaiRsj })
      .execute();
    await db
      .updateTable("plans")
      .set({ settings: JSON.stringify({ dueDay: 8, demo: true, demoAsOf: "2020-10-12" }) })
      .where("id", "=", world.planId)
      .execute();
    await saveReport(
      db,
      actor,
      { id: world.users.admin, role: "admin", regionId: null, departmentId: null, departmentRegionId: null },
      "target",
      jobs,
      "2020-04",
      { baseRevision: null, value: 1000, progress: "进展", problems: "", nextSteps: "" },
    );
    return { db, world, jobs };
  }

  it("make a draft for the next year with the same outline, targets, items, departments and settings, and no reports", async () => {
    const { db, world, jobs } = await setup();
    const before = await loadPlanDetail(db, world.planId);
    if (!before) throw new Error("no plan");
    const copy = await copyPlan(db, { userId: world.users.planner, ip: null }, world.planId, { year: 2021 });
    expect(copy.state).toBe("draft");
    expect(copy.year).toBe(2021);
    expect(copy.title).toBe(before.plan.title.replaceAll("2020", "2021"));
    expect(copy.title).toContain("2021");
    expect([copy.periodStart, copy.periodEnd]).toEqual(["2021-01-01", "2021-12-31"]);
    expect(copy.counts).toEqual(before.plan.counts);

    const after = await loadPlanDetail(db, copy.id);
    if (!after) throw new Error("no copy");
    const shape = (d: typeof before) => ({
      outline: d.outline.map((n) => [
        n.kind,
        n.title,
        n.leadDepartment?.id ?? null,
        n.coDepartments.map((c) => c.id),
      ]),
      targets: d.targets.map((t) => [
        t.subject,
        t.value,
        t.value2,
        t.unit,
        t.kind,
        t.leadDepartment?.id ?? null,
        t.coDepartments.map((c) => c.id),
      ]),
      items: d.items.map((i) => [i.name, i.category]),
    });
    expect(shape(after)).toEqual(shape(before));
    // Parents point inside the copy.
    const ids = new Set(after.outline.map((n) => n.id));
    for (const n of after.outline) if (n.parentId !== null) expect(ids.has(n.parentId)).toBe(true);

    const copiedJobs = await db
      .selectFrom("targets")
      .selectAll()
      .where("plan_id", "=", copy.id)
      .where("lead_department_id", "=", world.departments.nankaiRsj)
      .executeTakeFirstOrThrow();
    expect(copiedJobs.id).not.toBe(jobs);
    expect(copiedJobs.baseline).toBeNull();
    expect(copiedJobs.weight).toBe(2);
    expect(copiedJobs.due_date).toBe("2021-06-30");

    const reports = await db.selectFrom("reports").select("id").where("plan_id", "=", copy.id).execute();
    expect(reports).toEqual([]);
    const settings = JSON.parse(
      (await db.selectFrom("plans").select("settings").where("id", "=", copy.id).executeTakeFirstOrThrow())
        .settings,
    );
    expect(settings.dueDay).toBe(8);
    expect(settings.demo).toBeUndefined();
    expect(settings.demoAsOf).toBeUndefined();

    const sources = await db
      .selectFrom("plan_sources")
      .select(["plan_id", "sha256", "text", "file_name"])
      .where("plan_id", "in", [world.planId, copy.id])
      .orderBy("plan_id")
      .execute();
    expect(sources).toHaveLength(2);
    expect(sources[1]?.sha256).toBe(sources[0]?.sha256);
    expect(sources[1]?.text).toBe(sources[0]?.text);

    const audit = await db.selectFrom("audit_log").selectAll().where("action", "=", "plan.copy").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.plan_id).toBe(copy.id);
    expect(audit[0]?.user_id).toBe(world.users.planner);
    expect(JSON.parse(audit[0]?.after ?? "{}")).toMatchObject({ copiedFrom: world.planId, year: 2021 });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("refuse the same year, a bad year, a second copy, and an unknown plan, storing nothing", async () => {
    const { db, world } = await setup();
    const count = async () => (await db.selectFrom("plans").select("id").execute()).length;
    expect((await errorOf(copyPlan(db, actor, world.planId, { year: 2020 }))).code).toBe("bad_input");
    expect((await errorOf(copyPlan(db, actor, world.planId, { year: 20210 }))).code).toBe("bad_input");
    expect((await errorOf(copyPlan(db, actor, 9999, { year: 2021 }))).code).toBe("not_found");
    expect(await count()).toBe(1);
    await copyPlan(db, actor, world.planId, { year: 2021 });
    expect((await errorOf(copyPlan(db, actor, world.planId, { year: 2021 }))).code).toBe("conflict");
    expect(await count()).toBe(2);
  });

  it("POST /api/plans/:id/copy: 201 for the planner in scope, 403 for another region's", async () => {
    const { db, world } = await setup();
    const app = await buildApp({
      db,
      dialect,
      extract: fixtureExtract,
      auth: TEST_AUTH,
      reminderWebhookUrl: null,
    });
    try {
      const other = await signIn(app, world.usernames.planner_other_region);
      const refused = await other.inject({
        method: "POST",
        url: `/api/plans/${world.planId}/copy`,
        payload: { year: 2021 },
      });
      expect(refused.statusCode).toBe(403);
      const planner = await signIn(app, world.usernames.planner);
      const bad = await planner.inject({
        method: "POST",
        url: `/api/plans/${world.planId}/copy`,
        payload: { year: "next" },
      });
      expect(bad.statusCode).toBe(400);
      const made = await planner.inject({
        method: "POST",
        url: `/api/plans/${world.planId}/copy`,
        payload: { year: 2021 },
      });
      expect(made.statusCode, made.body).toBe(201);
      const summary = made.json<PlanSummary>();
      expect(summary).toMatchObject({ year: 2021, state: "draft" });
      const again = await planner.inject({
        method: "POST",
        url: `/api/plans/${world.planId}/copy`,
        payload: { year: 2021 },
      });
      expect(again.statusCode).toBe(409);
    } finally {
      await app.close();
    }
  });
});

describe("plantrack plan copy", () => {
  it("copy a plan named by a part of its title, and refuse a missing --year", async () => {
    const dir = await mkdtemp(join(tmpdir(), "plantrack-plan-"));
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      env: { PLANTRACK_DB: join(dir, "t.db") },
      cwd: dir,
    };
    try {
      const opened = openDatabase(databaseConfigFromEnv(io.env, io.cwd));
      try {
        const { migrateToLatest } = await import("../db/migrate.ts");
        await migrateToLatest(opened.db);
        await buildAccessWorld(opened.db);
      } finally {
        await opened.close();
      }
      expect(await runCli(["plan", "copy", "南开"], io)).not.toBe(0);
      const code = await runCli(["plan", "copy", "南开", "--year", "2021"], io);
      expect(code, err.join("")).toBe(0);
      expect(out.join("")).toMatch(/^已复制 #1《.*2020.*》 → #2《.*2021.*》（草稿）：\d+ 个领域，/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
