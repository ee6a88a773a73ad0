import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listDepartments } from "../db/departments-repository.ts";
import { findRegionByCode } from "../db/regions-repository.ts";
import { listReportsOfPlanFiltered, listRevisions } from "../db/reports-repository.ts";
import { listTaskEventsOfPlan } from "../db/tasks-repository.ts";
import { listUserRoles } from "../db/users-repository.ts";
import type { Principal } from "../domain/access.ts";
import { isCountUnit } from "../domain/plausibility.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { lastStatusCell } from "../reports/ledger-model.ts";
import { taskDeadlineWords } from "../reports/ledger-tasks.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { bootstrapUsers } from "./bootstrap-users.ts";
import { loadLedger } from "./exports.ts";
import { fiveYearView } from "./five-year.ts";
import { TEST_SCRYPT } from "./password-hash.ts";
import { listPlans, loadPlanDetail } from "./plan-queries.ts";
import { NANKAI_DEPARTMENTS, seedDemo } from "./seed-demo.ts";
import { seedDemoFiveYear } from "./seed-demo-five-year.ts";
import { DEMO_INDICATORS, DEMO_LINKS } from "./seed-demo-five-year-data.ts";
import { DEMO_AS_OF, seedDemoReports } from "./seed-demo-reports.ts";
import { listTasks, planAdjustments } from "./tasks.ts";

const examplesDir = join(import.meta.dirname, "../../examples");

describe("Nankai departments", () => {
  it("have unique names", () => {
    const names = NANKAI_DEPARTMENTS.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe.each(testDialects())("seedDemo on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("import the Nankai plan with its region and departments once, and nothing on a second start", async () => {
    const db = store().db;
    const first = await seedDemo({ db, extract: fixtureExtract, examplesDir });
    expect(first.seeded).toBe(true);
    const nankai = await findRegionByCode(db, "120104");
    const tianjin = await findRegionByCode(db, "120000");
    expect(nankai).toMatchObject({ name: "南开区", parent_id: tianjin?.id });
    expect((await listDepartments(db, nankai?.id as number)).length).toBe(NANKAI_DEPARTMENTS.length);
    const second = await seedDemo({ db, extract: fixtureExtract, examplesDir });
    expect(second).toEqual({ seeded: false, planId: null, summary: null });
    expect(await listPlans(db)).toHaveLength(1);
  });

  it("link the real extractor's department suggestions to the district's departments", async () => {
    const db = store().db;
    const outcome = await seedDemo({ db, extract: extractPlan, examplesDir });
    const detail = await loadPlanDetail(db, outcome.planId as number);
    if (!detail) throw new Error("no plan");
    expect(detail.plan).toMatchObject({
      regionName: "南开区",
      regionCode: "120104",
      year: 2020,
      state: "draft",
    });
    const suggestions = [...detail.outline, ...detail.targets].flatMap((x) =>
      x.suggestedDepartment ? [x.suggestedDepartment] : [],
    );
    expect(suggestions.length).toBeGreaterThan(0);
    const unresolved = suggestions.filter((s) => s.departmentId === null).map((s) => s.department);
    expect(unresolved).toEqual([]);
    const names = new Map(detail.departments.map((d) => [d.id, d.name]));
    for (const s of suggestions) expect(names.get(s.departmentId as number)).toBe(s.department);
  });
});

describe.each(testDialects())("the demo's year of tasks on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("assigns every task, lives its year through the task services as the demo's users, and judges it", async () => {
    const db = store().db;
    const { planId } = await seedDemo({ db, extract: extractPlan, examplesDir });
    if (planId === null) throw new Error("no plan");
    await bootstrapUsers(
      { db, now: () => new Date(), scrypt: TEST_SCRYPT },
      { demo: true, demoPassword: "Demo-Passw0rd-2020!" },
    );
    const users = await listUserRoles(db);
    const plannerId = users.find((u) => u.role === "planner")?.id as number;
    const reporterOf = new Map(
      users.filter((u) => u.role === "reporter").map((u) => [u.department_id, u.id]),
    );
    const planner: Principal = {
      id: plannerId,
      role: "planner",
      regionId: (await findRegionByCode(db, "120104"))?.id ?? null,
      departmentId: null,
      departmentRegionId: null,
    };

    const outcome = await seedDemoReports(db, planId);
    expect(outcome.seeded).toBe(true);
    expect(outcome.tasks.reports).toBeGreaterThan(200);
    // What it says it wrote is what the database holds: the targets' reports and the tasks'.
    const stored = await listReportsOfPlanFiltered(db, planId, {});
    expect(outcome.reports).toBe(stored.length);
    expect(stored.filter((r) => r.subject_type === "task")).toHaveLength(outcome.tasks.reports);
    expect(outcome.revisions).toBe(
      (
        await listRevisions(
          db,
          stored.map((r) => r.id),
        )
      ).length,
    );

    // The demo's figures are ones a department could sign: counts whole (no 11.04家).
    const detail = await loadPlanDetail(db, planId);
    const countTargets = new Set(
      (detail?.targets ?? []).filter((t) => isCountUnit(t.unit ?? "")).map((t) => t.id),
    );
    expect(countTargets.size).toBeGreaterThan(0);
    const countReports = new Set(
      stored.filter((r) => r.target_id !== null && countTargets.has(r.target_id)).map((r) => r.id),
    );
    const countValues = (await listRevisions(db, [...countReports])).flatMap((r) =>
      r.value === null ? [] : [r.value],
    );
    expect(countValues.length).toBeGreaterThan(0);
    expect(countValues.filter((v) => !Number.isInteger(v))).toEqual([]);
    // A cumulative figure never falls from one period to the next (each report's newest revision).
    const cumulative = new Set(
      (detail?.targets ?? []).filter((t) => t.kind === "cumulative").map((t) => t.id),
    );
    const newest = new Map<number, number | null>();
    for (const r of await listRevisions(
      db,
      stored.map((x) => x.id),
    ))
      newest.set(r.report_id, r.value);
    const falls: string[] = [];
    const last = new Map<number, number>();
    for (const r of [...stored].sort((a, b) => a.period_end.localeCompare(b.period_end))) {
      const v = newest.get(r.id);
      if (r.target_id === null || !cumulative.has(r.target_id) || v === null || v === undefined) continue;
      const before = last.get(r.target_id);
      if (before !== undefined && v < before) falls.push(`${r.target_id}@${r.period}`);
      last.set(r.target_id, v);
    }
    expect(last.size).toBeGreaterThan(0);
    expect(falls).toEqual([]);

    // Every task has a lead department and a deadline; the lights as of the demo's date are varied.
    const { tasks } = await listTasks(db, planner, planId, { asOf: DEMO_AS_OF });
    expect(tasks.length).toBeGreaterThan(70);
    expect(tasks.filter((t) => t.leadDepartment === null).map((t) => t.title)).toEqual([]);
    expect(tasks.filter((t) => t.deadline === null).map((t) => t.title)).toEqual([]);
    const statuses = new Set(tasks.map((t) => t.status));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
    for (const s of ["closed", "overdue", "due_soon", "stopped"] as const) expect(statuses).toContain(s);
    expect(tasks.filter((t) => t.status === "stopped")[0]?.stoppedReason).toBeTruthy();
    expect(tasks.filter((t) => t.status === "on_track").length).toBeGreaterThan(tasks.length / 2);

    // One milestone moved by an approved adjustment, its original date kept.
    const { adjustments } = await planAdjustments(db, planner, planId, "approved");
    expect(adjustments).toHaveLength(1);
    const moved = tasks.flatMap((t) => t.milestones).filter((m) => m.originalDue !== null);
    expect(moved).toHaveLength(1);
    expect(moved[0]?.originalDue).toBe(adjustments[0]?.original);
    expect(moved[0]?.due).toBe(adjustments[0]?.proposed);

    // The steps were the lead department's reporter's and the planner's, as a person's would be.
    const events = await listTaskEventsOfPlan(db, planId);
    const leadOf = new Map(tasks.map((t) => [t.id, t.leadDepartment?.id ?? null]));
    const byReporter = events.filter((e) =>
      ["acknowledge", "report_progress", "request_close"].includes(e.action),
    );
    expect(byReporter.length).toBeGreaterThan(200);
    for (const e of byReporter) expect(e.by_user).toBe(reporterOf.get(leadOf.get(e.node_id) ?? null));
    const byPlanner = events.filter((e) =>
      ["close", "stop", "return_close", "decide_adjustment"].includes(e.action),
    );
    expect(byPlanner.length).toBeGreaterThanOrEqual(8);
    for (const e of byPlanner) expect(e.by_user).toBe(plannerId);

    // The ledger: a row per task with its 完成时限; the tasks' reports count, so no row but the
    // never-signed task's is 未报送 every period, and few are at the last.
    const ledger = await loadLedger(db, planId, { period: "2020-09", asOf: DEMO_AS_OF });
    const rows = new Map(ledger.sheets.flatMap((s) => s.rows).map((r) => [r.id, r]));
    for (const t of tasks) {
      const row = rows.get(`task:${t.id}`);
      expect(row?.deadline, t.title).toBe(taskDeadlineWords(t.deadline, t.deadlineText));
      expect(row?.deadline).not.toBe("");
    }
    const taskRows = [...rows.values()].filter((r) => r.kind === "task");
    const neverReported = taskRows.filter((r) =>
      r.cells.every((c) => c.status === null || c.status === "not_reported"),
    );
    const unsigned = tasks.filter((t) => t.status === "unacknowledged").map((t) => `task:${t.id}`);
    expect(neverReported.map((r) => r.id)).toEqual(unsigned);
    const missingAtLast = taskRows.filter((r) => lastStatusCell(r)?.status === "not_reported");
    expect(missingAtLast.length).toBeLessThanOrEqual(taskRows.length / 10);

    const again = await seedDemoReports(db, planId);
    expect(again.seeded).toBe(false);
  }, 120_000);
});

describe.each(testDialects())("the demo's five-year plan on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("holds a 示例数据 十四五 plan judged in at least three ways, with annual plans 2021–2023 linked to it", async () => {
    const db = store().db;
    const { planId } = await seedDemo({ db, extract: extractPlan, examplesDir });
    if (planId === null) throw new Error("no plan");
    const outcome = await seedDemoFiveYear(db, extractPlan, planId);
    expect(outcome).toMatchObject({
      seeded: true,
      indicators: DEMO_INDICATORS.length,
      values: DEMO_INDICATORS.length * 3,
    });
    expect(outcome.annualPlanIds).toHaveLength(3);
    expect(outcome.links).toBe(DEMO_LINKS.length);
    const admin: Principal = {
      id: 0,
      role: "admin",
      regionId: null,
      departmentId: null,
      departmentRegionId: null,
    };
    const view = await fiveYearView(db, admin, outcome.planId as number, 2023, "zh");
    expect(view.plan.title).toContain("示例数据");
    expect(view.demo).toBe(true);
    expect(view.indicators.length).toBeGreaterThanOrEqual(15);
    const judgements = new Set(view.indicators.map((i) => i.judgement));
    expect(judgements.size, JSON.stringify(view.counts)).toBeGreaterThanOrEqual(3);
    expect(judgements.has("no_data")).toBe(false);
    expect(new Set(view.indicators.map((i) => i.form))).toEqual(
      new Set(["level", "annual_growth", "cumulative", "ceiling", "decrease"]),
    );
    expect(view.indicators[0]?.attribute).toBe("binding");
    expect(view.tasks.list.filter((t) => t.kind === "task").length).toBeGreaterThan(0);
    // Each annual plan (2021, 2022, 2023) serves the indicators: the copies kept the 2021 links.
    const linkedPlans = new Set(view.indicators.flatMap((i) => i.linked.map((l) => l.planId)));
    expect([...linkedPlans].sort()).toEqual([...outcome.annualPlanIds].sort());
    // A second start changes nothing.
    expect((await seedDemoFiveYear(db, extractPlan, planId)).seeded).toBe(false);
  }, 120_000);
});
