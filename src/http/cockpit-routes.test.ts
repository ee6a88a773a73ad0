import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CockpitView, TargetTrendView } from "../contract/cockpit.ts";
import { findRegionByCode } from "../db/regions-repository.ts";
import type { Principal } from "../domain/access.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { reviewReport, saveReport } from "../services/reporting.ts";
import { seedDemo } from "../services/seed-demo.ts";
import { DEMO_AS_OF, seedDemoReports } from "../services/seed-demo-reports.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { createTestUser, signIn, TEST_AUTH } from "../test/auth-helpers.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

const TEXTS = { progress: "进展", problems: "无", nextSteps: "继续推进" };
const EXAMPLES_DIR = fileURLToPath(new URL("../../examples", import.meta.url));

describe.each(testDialects())("cockpit API on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;

  afterEach(async () => {
    await app.close();
  });

  describe("on the fixture plan", () => {
    let world: AccessWorld;
    let gdp: number;
    let jobs: number;
    let chuying: number;

    /** Saves and approves one report as the planner, at fixed times in 2020. */
    async function approve(targetId: number, period: string, value: number, day: string) {
      const planner: Principal = {
        id: world.users.planner,
        role: "planner",
        regionId: world.regions.nankai,
        departmentId: null,
        departmentRegionId: null,
      };
      const actor = { userId: world.users.planner, ip: null };
      const saved = await saveReport(
        store().db,
        actor,
        planner,
        "target",
        targetId,
        period,
        { baseRevision: null, value, ...TEXTS, submit: true },
        { now: `${day}T01:00:00.000Z` },
      );
      await reviewReport(
        store().db,
        actor,
        planner,
        saved.report.id,
        { action: "approve" },
        {
          now: `${day}T02:00:00.000Z`,
        },
      );
    }

    beforeEach(async () => {
      world = await buildAccessWorld(store().db);
      [gdp, , , jobs, chuying] = world.targetIds as [number, number, number, number, number];
      await store()
        .db.updateTable("targets")
        .set({ lead_department_id: world.departments.nankaiRsj })
        .where("id", "=", jobs)
        .execute();
      app = await buildApp({
        db: store().db,
        dialect,
        extract: fixtureExtract,
        auth: TEST_AUTH,
        reminderWebhookUrl: null,
      });
      await approve(gdp, "2020-Q1", 5.3, "2020-04-20");
      await approve(jobs, "2020-04", 1000, "2020-05-03"); // 2.5% against 33.3%: red
      await approve(chuying, "2020-04", 18, "2020-05-03"); // 22.5% against 33.3%: yellow
    });

    it("gives the leader the headline indicators, the red and yellow lists and the roll-ups as of a date", async () => {
      const leader = await signIn(app, world.usernames.leader);
      const response = await leader.inject({
        method: "GET",
        url: `/api/plans/${world.planId}/cockpit?asOf=2020-05-10`,
      });
      expect(response.statusCode, response.body).toBe(200);
      const view = response.json<CockpitView>();
      expect(view.asOf).toBe("2020-05-10");
      expect(view.title).toBe("南开区2020年国民经济和社会发展计划");
      // The three targets under 一、2020年主要预期指标, in plan order.
      expect(view.headline.map((h) => h.status.subject)).toEqual([
        "地区生产总值",
        "一般公共预算收入",
        "固定资产投资",
      ]);
      const gdpLine = view.headline[0]?.trend;
      expect(gdpLine?.line).toBe("target");
      expect(gdpLine?.points.map((p) => [p.period.key, p.value, p.expected, p.status])).toEqual([
        ["2020-Q1", 5.3, 5, "on_track"],
        ["2020-Q2", null, 5, "not_started"],
        ["2020-Q3", null, 5, "not_started"],
        ["2020-Q4", null, 5, "not_started"],
      ]);
      expect(view.red.map((t) => t.targetId)).toEqual([jobs]);
      expect(view.red[0]?.evaluation.working.zh).toContain("欠时序进度30.8个百分点");
      expect(view.yellow.map((t) => t.targetId)).toEqual([chuying]);
      expect(view.plan.counts.far_behind).toBe(1);
      expect(view.plan.counts.behind).toBe(1);
      expect(view.plan.total).toBe(view.targets.length);
      expect(view.areas.map((a) => a.title)).toEqual(["调优产业结构,加速区域经济提质增效"]);
      const rsj = view.rankings.find((r) => r.department.id === world.departments.nankaiRsj);
      expect(rsj?.completionIndex).toBeCloseTo(0.025, 6);
      expect(
        view.departments.find((d) => d.id === world.departments.nankaiRsj)?.rollup.counts.far_behind,
      ).toBe(1);
    });

    it("counts only what was approved by the date asked for", async () => {
      const leader = await signIn(app, world.usernames.leader);
      const before = (
        await leader.inject({ method: "GET", url: `/api/plans/${world.planId}/cockpit?asOf=2020-05-02` })
      ).json<CockpitView>();
      expect(before.red).toEqual([]);
      expect(before.yellow).toEqual([]);
      expect(before.targets.find((t) => t.targetId === jobs)?.evaluation.status).toBe("not_reported");
    });

    it("draws a target's values per period against its schedule line, with its reports", async () => {
      const leader = await signIn(app, world.usernames.leader);
      const response = await leader.inject({
        method: "GET",
        url: `/api/targets/${jobs}/trend?asOf=2020-05-10`,
      });
      expect(response.statusCode, response.body).toBe(200);
      const trend = response.json<TargetTrendView>();
      expect(trend).toMatchObject({
        targetId: jobs,
        planId: world.planId,
        line: "elapsed",
        goal: 40000,
        unit: "人",
      });
      expect(trend.points).toHaveLength(12);
      const [jan, , , apr, may] = trend.points;
      expect(jan).toMatchObject({ value: null, status: "not_reported", reportId: null });
      expect(jan?.expected).toBeCloseTo(40000 / 12, 6);
      expect(apr).toMatchObject({ value: 1000, status: "far_behind" });
      expect(apr?.expected).toBeCloseTo((40000 * 4) / 12, 6);
      expect(apr?.reportId).toEqual(expect.any(Number));
      expect(may).toMatchObject({ value: null, status: "not_started", reportId: null });
      const report = await leader.inject({ method: "GET", url: `/api/reports/${apr?.reportId}` });
      expect(report.statusCode).toBe(200);
    });

    it("refuses a planner of another region, a reporter elsewhere and anyone signed out; says what is wrong", async () => {
      const other = await signIn(app, world.usernames.planner_other_region);
      for (const url of [`/api/plans/${world.planId}/cockpit`, `/api/targets/${jobs}/trend`]) {
        const refused = await other.inject({ method: "GET", url });
        expect(refused.statusCode, url).toBe(403);
        expect(refused.json().code).toBe("forbidden");
        expect((await app.inject({ method: "GET", url })).statusCode, url).toBe(401);
      }
      const elsewhere = await signIn(app, world.usernames.reporter_other_department);
      expect(
        (await elsewhere.inject({ method: "GET", url: `/api/plans/${world.planId}/cockpit` })).statusCode,
      ).toBe(403);
      const planner = await signIn(app, world.usernames.planner);
      const bad = await planner.inject({
        method: "GET",
        url: `/api/plans/${world.planId}/cockpit?asOf=2020-13-45`,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toContain("asOf");
      const missing = await planner.inject({ method: "GET", url: "/api/plans/9999/cockpit" });
      expect(missing.statusCode).toBe(404);
      const noTarget = await planner.inject({ method: "GET", url: "/api/targets/9999/trend" });
      expect(noTarget.statusCode).toBe(404);
    });
  });

  it("shows the demo plan's far-behind target in red at the demo date", async () => {
    const { db } = store();
    const seeded = await seedDemo({ db, extract: extractPlan, examplesDir: EXAMPLES_DIR });
    const planId = seeded.planId as number;
    await seedDemoReports(db, planId);
    const region = await findRegionByCode(db, "120104");
    await createTestUser(db, { username: "leader-cockpit", role: "leader", regionId: region?.id ?? null });
    app = await buildApp({ db, dialect, extract: extractPlan, auth: TEST_AUTH, reminderWebhookUrl: null });
    const leader = await signIn(app, "leader-cockpit");
    const view = (
      await leader.inject({ method: "GET", url: `/api/plans/${planId}/cockpit` })
    ).json<CockpitView>();
    expect(view.asOf).toBe(DEMO_AS_OF);
    expect(view.demo).toBe(true);
    expect(view.headline.map((h) => h.status.subject)).toEqual([
      "地区生产总值",
      "一般公共预算收入",
      "固定资产投资",
    ]);
    expect(view.red.length).toBeGreaterThan(0);
    expect(view.red.every((t) => t.evaluation.status === "far_behind")).toBe(true);
    expect(view.yellow.length).toBeGreaterThan(0);
    // Completion by area: the areas that hold targets (3 of the plan's 5; the others hold tasks only).
    expect(view.areas.length).toBeGreaterThan(1);
    expect(view.rankings.length).toBeGreaterThan(5);
    const counted = Object.values(view.plan.counts).reduce((a, b) => a + b, 0);
    expect(counted).toBe(view.targets.length);
  });
});
