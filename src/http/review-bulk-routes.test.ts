import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ReportDetail } from "../contract/reports.ts";
import type { BulkReviewError, BulkReviewResult } from "../contract/review.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, TEST_AUTH, type TestClient } from "../test/auth-helpers.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

const TEXTS = { progress: "按计划推进", problems: "", nextSteps: "继续推进" };

describe.each(testDialects())("bulk review API on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let reporter: TestClient;
  let planner: TestClient;
  /** Three submitted reports of 2020-04: GDP (rate), jobs (cumulative), 雏鹰企业 (level). */
  let ids: number[];

  async function submit(targetId: number, value: number): Promise<number> {
    const response = await reporter.inject({
      method: "PUT",
      url: `/api/targets/${targetId}/reports/2020-04`,
      payload: { baseRevision: null, value, ...TEXTS, submit: true },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ReportDetail>().report.id;
  }

  async function stateOf(id: number): Promise<string> {
    return (await planner.inject({ method: "GET", url: `/api/reports/${id}` })).json<ReportDetail>().report
      .state;
  }

  async function auditCount(action: string): Promise<number> {
    const rows = await store()
      .db.selectFrom("audit_log")
      .select("entity_id")
      .where("action", "=", action)
      .where("entity", "=", "report")
      .execute();
    return rows.length;
  }

  const bulkUrl = () => `/api/plans/${world.planId}/reports/review-bulk`;

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    const chosen = [world.targetIds[0], world.targetIds[3], world.targetIds[4]] as number[];
    await store()
      .db.updateTable("targets")
      .set({ lead_department_id: world.departments.nankaiRsj, frequency: "monthly" })
      .where("id", "in", chosen)
      .execute();
    app = await buildApp({
      db: store().db,
      dialect,
      extract: fixtureExtract,
      auth: TEST_AUTH,
      reminderWebhookUrl: null,
    });
    reporter = await signIn(app, world.usernames.reporter);
    planner = await signIn(app, world.usernames.planner);
    ids = [await submit(chosen[0] as number, 3.2), await submit(chosen[1] as number, 17000)];
    ids.push(await submit(chosen[2] as number, 60));
  });
  afterEach(async () => {
    await app.close();
  });

  it("approve two reports in one action, each with its own revision and audit row", async () => {
    const before = await auditCount("report.approve");
    const response = await planner.inject({
      method: "POST",
      url: bulkUrl(),
      payload: {
        action: "approve",
        reports: [
          { id: ids[0], baseRevision: 1 },
          { id: ids[1], baseRevision: 1 },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<BulkReviewResult>();
    expect(result.action).toBe("approve");
    expect(result.reports.map((r) => [r.id, r.state, r.latest.revision])).toEqual([
      [ids[0], "approved", 2],
      [ids[1], "approved", 2],
    ]);
    expect(result.reports[1]?.approved?.value).toBe(17000);
    expect(await auditCount("report.approve")).toBe(before + 2);
    expect(await stateOf(ids[2] as number)).toBe("submitted");
  });

  it("change nothing when one report cannot be approved, and say which and why", async () => {
    const single = await planner.inject({
      method: "POST",
      url: `/api/reports/${ids[1]}/review`,
      payload: { action: "approve" },
    });
    expect(single.statusCode).toBe(200);
    const before = await auditCount("report.approve");

    const send = (lang?: "en") =>
      planner.inject({
        method: "POST",
        url: bulkUrl(),
        headers: lang ? { "x-plantrack-lang": lang } : {},
        payload: {
          action: "approve",
          reports: [{ id: ids[0] }, { id: ids[1] }, { id: ids[2], baseRevision: 1 }, { id: 999999 }],
        },
      });
    const response = await send();
    expect(response.statusCode).toBe(409);
    const body = response.json<{ code: string; message: string; details: { errors: BulkReviewError[] } }>();
    expect(body.code).toBe("conflict");
    expect(body.details.errors.map((e) => [e.index, e.reportId, e.code])).toEqual([
      [1, ids[1], "conflict"],
      [3, 999999, "not_found"],
    ]);
    expect(body.details.errors[0]?.message.zh).toMatch(/^第2项 「新增就业」2020年4月：当前为“已通过”/);
    expect(body.details.errors[0]?.message.en).toMatch(/^item 2 \(report \d+\): it is approved/);
    expect(body.message).toMatch(/^2份报告不能通过，所选报告均未改动：第2项/);
    expect(body.message).not.toMatch(/[A-Za-z]{3}/);
    const english = (await send("en")).json<{ message: string }>().message;
    expect(english).toMatch(/^2 of the reports cannot be approved; none was changed: item 2 /);
    expect(english).not.toMatch(/[\u4e00-\u9fff]/);
    // All or nothing: the first and third were valid, and are still only submitted.
    expect(await stateOf(ids[0] as number)).toBe("submitted");
    expect(await stateOf(ids[2] as number)).toBe("submitted");
    expect(await auditCount("report.approve")).toBe(before);
  });

  it("refuse a stale revision as a conflict of that report", async () => {
    const response = await planner.inject({
      method: "POST",
      url: bulkUrl(),
      payload: {
        action: "approve",
        reports: [
          { id: ids[0], baseRevision: 1 },
          { id: ids[1], baseRevision: 5 },
        ],
      },
    });
    expect(response.statusCode).toBe(409);
    const errors = response.json<{ details: { errors: BulkReviewError[] } }>().details.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ index: 1, reportId: ids[1], code: "conflict" });
    expect(errors[0]?.message.zh).toMatch(/第1版/);
    expect(await stateOf(ids[0] as number)).toBe("submitted");
  });

  it("return several with one reason; refuse a return without one, duplicates and an empty list", async () => {
    const noReason = await planner.inject({
      method: "POST",
      url: bulkUrl(),
      payload: { action: "return", reports: [{ id: ids[0] }] },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: "bad_input", details: { field: "reason" } });

    const twice = await planner.inject({
      method: "POST",
      url: bulkUrl(),
      payload: { action: "approve", reports: [{ id: ids[0] }, { id: ids[0] }] },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toMatch(/第1项和第2项重复/);

    const empty = await planner.inject({
      method: "POST",
      url: bulkUrl(),
      payload: { action: "approve", reports: [] },
    });
    expect(empty.statusCode).toBe(400);

    const returned = await planner.inject({
      method: "POST",
      url: bulkUrl(),
      payload: { action: "return", reason: "请补充数据来源", reports: [{ id: ids[0] }, { id: ids[2] }] },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const detail = (
      await reporter.inject({ method: "GET", url: `/api/reports/${ids[2]}` })
    ).json<ReportDetail>();
    expect(detail.report.state).toBe("returned");
    expect(detail.report.latest.returnReason).toBe("请补充数据来源");
  });

  it("refuse reporters, leaders and a planner of another region", async () => {
    const payload = { action: "approve", reports: [{ id: ids[0] }] };
    for (const who of [
      world.usernames.reporter,
      world.usernames.leader,
      world.usernames.planner_other_region,
    ]) {
      const client = await signIn(app, who);
      const response = await client.inject({ method: "POST", url: bulkUrl(), payload });
      expect(response.statusCode, who).toBe(403);
    }
    expect(await stateOf(ids[0] as number)).toBe("submitted");
  });
});
