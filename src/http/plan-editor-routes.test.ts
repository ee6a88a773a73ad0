// The plan editor's API (bulk changes of targets, 分期计划 that must grow) and the public page's data
// (approved values and statuses only, nothing internal), on every dialect.
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PublicPlanDetail } from "../contract/public.ts";
import type { ReportDetail } from "../contract/reports.ts";
import type { PlanStatusView } from "../contract/status.ts";
import type { BulkTargetsResult, TargetPlannedView, TargetView } from "../contract/targets.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, TEST_AUTH, type TestClient } from "../test/auth-helpers.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

describe.each(testDialects())("plan editor and public page API on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let planner: TestClient;

  const auditCount = async (action: string) =>
    Number(
      (
        await store()
          .db.selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("action", "=", action)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const targetRow = (id: number) =>
    store()
      .db.selectFrom("targets")
      .select(["lead_department_id", "kind", "baseline"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    app = await buildApp({
      db: store().db,
      dialect,
      extract: fixtureExtract,
      auth: TEST_AUTH,
      reminderWebhookUrl: null,
    });
    planner = await signIn(app, world.usernames.planner);
    // Building the world hashes passwords and imports a plan: slow on a busy machine.
  }, 60_000);
  afterEach(async () => {
    await app.close();
  });

  it("assign lead and co-operating departments to several targets at once, one audit row each", async () => {
    const ids = world.targetIds.slice(0, 3);
    const before = await auditCount("target.update");
    const response = await planner.inject({
      method: "PATCH",
      url: `/api/plans/${world.planId}/targets`,
      payload: {
        changes: ids.map((id) => ({
          id,
          patch: {
            leadDepartmentId: world.departments.nankaiRsj,
            coDepartmentIds: [world.departments.nankaiJyj],
          },
        })),
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { targets } = response.json<BulkTargetsResult>();
    expect(targets.map((t) => t.id)).toEqual(ids);
    for (const t of targets) {
      expect(t.leadDepartment?.id).toBe(world.departments.nankaiRsj);
      expect(t.coDepartments.map((d) => d.id)).toEqual([world.departments.nankaiJyj]);
    }
    expect(await auditCount("target.update")).toBe(before + ids.length);
    const detail = (await planner.inject({ method: "GET", url: `/api/plans/${world.planId}` })).json<{
      targets: TargetView[];
    }>();
    expect(detail.targets.filter((t) => t.leadDepartment?.id === world.departments.nankaiRsj)).toHaveLength(
      3,
    );
  });

  it("change nothing when one row is bad, and name the row, the target and the reason", async () => {
    const [first, second] = world.targetIds as [number, number];
    const before = await auditCount("target.update");
    const send = (lang?: "en") =>
      planner.inject({
        method: "PATCH",
        url: `/api/plans/${world.planId}/targets`,
        headers: lang ? { "x-plantrack-lang": lang } : {},
        payload: {
          changes: [
            { id: first, patch: { leadDepartmentId: world.departments.nankaiRsj, baseline: 12 } },
            // A department of another district cannot lead a Nankai target.
            { id: second, patch: { leadDepartmentId: world.departments.hexiRsj } },
          ],
        },
      });
    const response = await send();
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe("bad_input");
    expect(body.details).toMatchObject({ row: 1, targetId: second, departmentId: world.departments.hexiRsj });
    expect(body.message).toMatch(/^第2行（指标 \d+「.+」）：部门「区人社局」不属于本计划的地区$/);
    expect((await send("en")).json().message).toMatch(
      /^row 2 \(target \d+\): department 区人社局 is not of this plan's region$/,
    );
    expect(await targetRow(first)).toMatchObject({ lead_department_id: null, baseline: null });
    expect(await auditCount("target.update")).toBe(before);
  });

  it("refuse a target of another plan, an unknown one, one given twice, and a range without its bound", async () => {
    const first = world.targetIds[0] as number;
    const before = await auditCount("target.update");
    const send = (changes: unknown[]) =>
      planner.inject({ method: "PATCH", url: `/api/plans/${world.planId}/targets`, payload: { changes } });
    const unknown = await send([{ id: 999_999, patch: { weight: 2 } }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toMatchObject({ row: 0, targetId: 999_999 });
    const twice = await send([
      { id: first, patch: { weight: 2 } },
      { id: first, patch: { weight: 3 } },
    ]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toContain("第2行");
    const jobs = world.targetIds[3] as number; // 新增就业4万人, cumulative
    const noValue = await send([
      { id: first, patch: { weight: 2 } },
      // A range needs its upper bound.
      { id: jobs, patch: { comparator: "range" } },
    ]);
    expect(noValue.statusCode).toBe(400);
    expect(noValue.json().details).toMatchObject({ row: 1, targetId: jobs, field: "value2" });
    expect(await auditCount("target.update")).toBe(before);
    const empty = await send([]);
    expect(empty.statusCode).toBe(400);
    const reporter = await signIn(app, world.usernames.reporter);
    const refused = await reporter.inject({
      method: "PATCH",
      url: `/api/plans/${world.planId}/targets`,
      payload: { changes: [{ id: first, patch: { weight: 2 } }] },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("set kinds and baselines in bulk", async () => {
    const [, , , jobs, eagles] = world.targetIds as [number, number, number, number, number];
    const response = await planner.inject({
      method: "PATCH",
      url: `/api/plans/${world.planId}/targets`,
      payload: {
        changes: [
          { id: eagles, patch: { kind: "level", baseline: 60 } },
          { id: jobs, patch: { kind: "cumulative", baseline: null } },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await targetRow(eagles)).toMatchObject({ kind: "level", baseline: 60 });
  });

  it("refuse 分期计划 of a cumulative target that goes down, accept one that grows", async () => {
    const jobs = world.targetIds[3] as number;
    const url = `/api/targets/${jobs}/planned`;
    const calendar = (await planner.inject({ method: "GET", url })).json<TargetPlannedView>();
    const keys = calendar.periods.map((p) => p.key);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    const down = await planner.inject({
      method: "PUT",
      url,
      payload: {
        values: [
          { period: keys[0], value: 5000 },
          { period: keys[1], value: 12000 },
          { period: keys[2], value: 11000 },
        ],
      },
    });
    expect(down.statusCode).toBe(400);
    expect(down.json().details).toMatchObject({
      field: "values[2].value",
      period: keys[2],
      earlierPeriod: keys[1],
    });
    const grows = await planner.inject({
      method: "PUT",
      url,
      payload: {
        values: [
          { period: keys[0], value: 5000 },
          { period: keys[2], value: 12000 },
          { period: keys[3], value: 12000 },
        ],
      },
    });
    expect(grows.statusCode, grows.body).toBe(200);
    expect(
      grows
        .json<TargetPlannedView>()
        .periods.map((p) => p.planned)
        .slice(0, 4),
    ).toEqual([5000, null, 12000, 12000]);
  });

  it("show the public only approved values and statuses, never drafts, authors or report texts", async () => {
    const jobs = world.targetIds[3] as number;
    await store()
      .db.updateTable("targets")
      .set({ lead_department_id: world.departments.nankaiRsj })
      .where("id", "=", jobs)
      .execute();
    const reporter = await signIn(app, world.usernames.reporter);
    const texts = (tag: string) => ({
      progress: `进展${tag}`,
      problems: `内部问题${tag}不得公开`,
      nextSteps: `下步${tag}`,
    });
    const save = async (period: string, value: number, submit: boolean, tag: string) => {
      const r = await reporter.inject({
        method: "PUT",
        url: `/api/targets/${jobs}/reports/${period}`,
        payload: { baseRevision: null, value, ...texts(tag), submit },
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<ReportDetail>().report.id;
    };
    const approvedId = await save("2020-01", 12345, true, "甲");
    const review = await planner.inject({
      method: "POST",
      url: `/api/reports/${approvedId}/review`,
      payload: { action: "approve" },
    });
    expect(review.statusCode, review.body).toBe(200);
    await save("2020-02", 23456, true, "乙"); // submitted, not approved
    await save("2020-03", 54321, false, "丙"); // a draft
    const returnedId = await save("2020-04", 24680, true, "丁");
    await planner.inject({
      method: "POST",
      url: `/api/reports/${returnedId}/review`,
      payload: { action: "return", reason: "退回理由不得公开" },
    });

    const hidden = await app.inject({ method: "GET", url: `/api/public/plans/${world.planId}` });
    expect(hidden.statusCode).toBe(404);
    const made = await planner.inject({
      method: "POST",
      url: `/api/plans/${world.planId}/public`,
      payload: { public: true },
    });
    expect(made.statusCode).toBe(200);

    const response = await app.inject({ method: "GET", url: `/api/public/plans/${world.planId}` });
    expect(response.statusCode).toBe(200);
    const detail = response.json<PublicPlanDetail>();
    const target = detail.targets.find((t) => t.id === jobs);
    expect(target).toMatchObject({ latestValue: 12345, latestPeriod: "2020-01" });
    for (const t of detail.targets) {
      expect(Object.keys(t).sort()).toEqual(
        [
          "comparator",
          "completion",
          "direction",
          "display",
          "dueDate",
          "gapPoints",
          "id",
          "kind",
          "latestPeriod",
          "latestValue",
          "leadDepartment",
          "nodeId",
          "status",
          "subject",
          "unit",
          "displayUnit",
          "value",
          "value2",
        ].sort(),
      );
    }
    const raw = response.body;
    for (const secret of [
      "23456",
      "54321",
      "24680",
      "内部问题",
      "退回理由",
      "进展甲",
      "下步甲",
      world.usernames.reporter,
      world.usernames.planner,
      "suggested",
      "confidence",
    ]) {
      expect(raw, `the public page must not contain ${secret}`).not.toContain(secret);
    }
    // The status is the planners' status of the same date, judged on approved revisions only.
    const status = (
      await planner.inject({ method: "GET", url: `/api/plans/${world.planId}/status?asOf=${detail.asOf}` })
    ).json<PlanStatusView>();
    const judged = status.targets.find((t) => t.targetId === jobs);
    expect(target?.status).toBe(judged?.evaluation.status);
    expect(target?.completion).toBe(judged?.evaluation.completion);
    expect(detail.demo).toBe(false);
  });

  it("keep a draft plan from the public even when asked directly", async () => {
    await store()
      .db.updateTable("plans")
      .set({ state: "draft", is_public: 1 })
      .where("id", "=", world.planId)
      .execute();
    const response = await app.inject({ method: "GET", url: `/api/public/plans/${world.planId}` });
    expect(response.statusCode).toBe(404);
  });
});
