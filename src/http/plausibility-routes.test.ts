// The plausibility rules through the API (issue 14): each rule at its boundary, on both dialects — an
// impossible value refused with 400 naming the rule, an implausible one refused with 422 until it is
// sent again with confirm and a reason that says something, the confirmed warnings kept with the
// revision (and through the review), and the target editor's value against the plan's text.

import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ReportDetail } from "../contract/reports.ts";
import { LEVEL_JUMP_RATIO, RATE_JUMP_POINTS, SLIP_RATIO } from "../domain/plausibility.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, TEST_AUTH, type TestClient } from "../test/auth-helpers.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

const TEXTS = { progress: "按计划推进", problems: "部分项目开工晚于预期", nextSteps: "加快推进" };
const REASON = "统计局4月修订了口径，数值已与统计月报核对";
const INVESTMENT = 106e8;

interface Saved {
  status: number;
  body: {
    code?: string;
    message?: string;
    details?: Record<string, unknown> & { rule?: string; numbers?: Record<string, number> };
  } & Partial<ReportDetail>;
}

describe.each(testDialects())("plausibility through the API on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let reporter: TestClient;
  let investment: number;
  let rate: number;
  let share: number;
  let jobs: number;
  let firms: number;

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    const db = store().db;
    [investment, rate, share, jobs, firms] = world.targetIds as [number, number, number, number, number];
    await db
      .updateTable("targets")
      .set({ lead_department_id: world.departments.nankaiRsj, frequency: "monthly" })
      .where("id", "in", world.targetIds)
      .execute();
    // 招商引资到位额106亿元 (cumulative, in 元) and a share (a level in %) stand in for two fixture rates.
    await db
      .updateTable("targets")
      .set({ kind: "cumulative", unit: "元", display_unit: "亿元", value: INVESTMENT })
      .where("id", "=", investment)
      .execute();
    await db
      .updateTable("targets")
      .set({ kind: "level", unit: "%", display_unit: "%", value: 80 })
      .where("id", "=", share)
      .execute();
    app = await buildApp({
      db,
      dialect,
      extract: fixtureExtract,
      auth: TEST_AUTH,
      reminderWebhookUrl: null,
    });
    reporter = await signIn(app, world.usernames.reporter);
  });
  afterEach(async () => {
    await app.close();
  });

  const put = async (
    target: number,
    period: string,
    payload: Record<string, unknown>,
    lang?: "en",
  ): Promise<Saved> => {
    const response = await reporter.inject({
      method: "PUT",
      url: `/api/targets/${target}/reports/${period}`,
      payload: { baseRevision: null, ...TEXTS, submit: true, ...payload },
      ...(lang ? { headers: { "x-plantrack-lang": lang } } : {}),
    });
    return { status: response.statusCode, body: response.json() };
  };
  const ok = async (target: number, period: string, payload: Record<string, unknown>) => {
    const saved = await put(target, period, payload);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body as ReportDetail;
  };

  it("refuse impossible values with 400 naming the rule, even when confirmed, and accept their bounds", async () => {
    const cases: [number, number, string][] = [
      [jobs, -1, "negative_count"],
      [jobs, 16.5, "fractional_count"],
      [investment, -1, "negative_amount"],
      [share, 100.1, "share_over_100"],
    ];
    for (const [target, value, rule] of cases) {
      const refused = await put(target, "2020-04", { value, confirm: true, confirmReason: REASON });
      expect(refused.status, `${rule}: ${JSON.stringify(refused.body)}`).toBe(400);
      expect(refused.body).toMatchObject({ code: "bad_input", details: { rule, field: "value" } });
      expect(refused.body.details?.numbers?.value).toBe(value);
    }
    await ok(jobs, "2020-04", { value: 0 });
    await ok(share, "2020-04", { value: 100 });
    // A growth rate is no share: above 100% is unusual, not impossible.
    await ok(rate, "2020-04", { value: 120 });
    expect(await store().db.selectFrom("report_revisions").select("id").execute()).toHaveLength(3);
  });

  it("ask for a confirmation at 100× and 1/100 of the target (the 万/亿 slip), not just inside", async () => {
    const slip = await put(investment, "2020-04", { value: INVESTMENT * SLIP_RATIO });
    expect(slip.status).toBe(422);
    expect(slip.body).toMatchObject({
      code: "implausible_value",
      details: {
        rule: "ratio_to_target",
        numbers: { value: INVESTMENT * SLIP_RATIO, target: INVESTMENT, ratio: SLIP_RATIO },
      },
    });
    expect(slip.body.message).toContain("万/亿");
    const english = await put(investment, "2020-04", { value: INVESTMENT * SLIP_RATIO }, "en");
    expect(english.body.message).not.toMatch(/[\u4e00-\u9fff]/);
    const small = await put(investment, "2020-04", { value: INVESTMENT / SLIP_RATIO });
    expect(small.status).toBe(422);
    expect(small.body.details?.rule).toBe("ratio_to_target");
    expect(await store().db.selectFrom("reports").select("id").execute()).toEqual([]);

    await ok(investment, "2020-04", { value: INVESTMENT * SLIP_RATIO * 0.999, submit: false });
    const inside = await ok(investment, "2020-05", { value: (INVESTMENT / SLIP_RATIO) * 1.001 });
    expect(inside.revisions[0]?.warnings).toEqual([]);
  });

  it("accept an implausible value on resend with confirm and a reason, and keep the warning through the review", async () => {
    const value = INVESTMENT * SLIP_RATIO;
    for (const confirmReason of ["", "无", "同上", "-", "暂无。"]) {
      const empty = await put(investment, "2020-04", { value, confirm: true, confirmReason });
      expect(empty.status, confirmReason).toBe(400);
      expect(empty.body.details).toMatchObject({ field: "confirmReason", rule: "ratio_to_target" });
    }
    const unconfirmed = await put(investment, "2020-04", { value, confirm: false, confirmReason: REASON });
    expect(unconfirmed.status).toBe(422);
    const saved = await ok(investment, "2020-04", { value, confirm: true, confirmReason: ` ${REASON} ` });
    const warning = { rule: "ratio_to_target", reason: REASON, numbers: { ratio: SLIP_RATIO } };
    expect(saved.revisions[0]?.warnings).toMatchObject([warning]);
    expect(saved.report?.warnings).toMatchObject([warning]);
    expect(saved.revisions[0]?.warnings[0]?.message.en).not.toMatch(/[\u4e00-\u9fff]/);

    const planner = await signIn(app, world.usernames.planner);
    const reportId = saved.report?.id as number;
    const approved = await planner.inject({
      method: "POST",
      url: `/api/reports/${reportId}/review`,
      payload: { action: "approve" },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const detail = (
      await planner.inject({ method: "GET", url: `/api/reports/${reportId}` })
    ).json<ReportDetail>();
    expect(detail.revisions.map((r) => [r.state, r.warnings.map((w) => w.rule)])).toEqual([
      ["submitted", ["ratio_to_target"]],
      ["approved", ["ratio_to_target"]],
    ]);
    const list = (
      await planner.inject({ method: "GET", url: `/api/plans/${world.planId}/reports?state=approved` })
    ).json<{ reports: ReportDetail["report"][] }>();
    expect(list.reports.find((r) => r.id === reportId)?.warnings).toMatchObject([warning]);
    // The audit row of the save carries what was confirmed.
    const audit = await store()
      .db.selectFrom("audit_log")
      .select("after")
      .where("action", "=", "report.submit")
      .where("entity_id", "=", String(reportId))
      .executeTakeFirstOrThrow();
    expect(String(audit.after)).toContain(REASON);
  });

  it("compare with last period's figure: 100× of it, and a level's jump at its bound", async () => {
    await ok(firms, "2020-04", { value: 60 });
    const slip = await put(firms, "2020-05", { value: 60 * SLIP_RATIO });
    expect(slip.status).toBe(422);
    expect(slip.body.details).toMatchObject({
      rule: "ratio_to_previous",
      numbers: { previous: 60, ratio: SLIP_RATIO },
    });
    const jump = await put(firms, "2020-05", { value: 60 * LEVEL_JUMP_RATIO });
    expect(jump.status).toBe(422);
    expect(jump.body.details).toMatchObject({
      rule: "jump",
      numbers: { previous: 60, bound: LEVEL_JUMP_RATIO },
    });
    await ok(firms, "2020-05", { value: 60 * LEVEL_JUMP_RATIO - 1 });
  });

  it("bound a rate's move between periods in percentage points", async () => {
    await ok(rate, "2020-04", { value: 5 });
    await ok(rate, "2020-05", { value: 5 + RATE_JUMP_POINTS });
    const beyond = await put(rate, "2020-06", { value: 5 + 2 * RATE_JUMP_POINTS + 0.1 });
    expect(beyond.status).toBe(422);
    expect(beyond.body.details).toMatchObject({
      rule: "jump",
      numbers: { previous: 5 + RATE_JUMP_POINTS, bound: RATE_JUMP_POINTS },
    });
  });

  it("bound a cumulative figure's growth in one period by the whole year's target", async () => {
    await ok(jobs, "2020-04", { value: 10000 });
    const beyond = await put(jobs, "2020-05", { value: 10000 + 40000 + 1 });
    expect(beyond.status).toBe(422);
    expect(beyond.body.details).toMatchObject({ rule: "jump", numbers: { added: 40001, target: 40000 } });
    await ok(jobs, "2020-05", { value: 10000 + 40000 });
  });

  it("need a real 存在问题 for a cumulative figure that falls: that reason is its confirmation", async () => {
    await ok(jobs, "2020-04", { value: 20000 });
    const fall = await put(jobs, "2020-05", { value: 19999, problems: "无。" });
    expect(fall.status).toBe(422);
    expect(fall.body.details).toMatchObject({
      rule: "cumulative_fall",
      field: "problems",
      numbers: { value: 19999, previous: 20000 },
    });
    for (const problems of ["无。", "没有", "暂无", "同上", "-", ""]) {
      const filler = await put(jobs, "2020-05", {
        value: 19999,
        problems,
        confirm: true,
        confirmReason: REASON,
      });
      expect(filler.status, problems).toBe(400);
      expect(filler.body.details).toMatchObject({ field: "problems", rule: "cumulative_fall" });
    }
    // A real reason in 存在问题 is the fall's confirmation, kept as its reason.
    const real = "区人社局核减了重复登记的就业人数319人";
    const saved = await ok(jobs, "2020-05", { value: 19999, problems: real });
    expect(saved.revisions[0]?.warnings.map((w) => [w.rule, w.reason])).toEqual([["cumulative_fall", real]]);
    // Equal is no fall.
    await ok(jobs, "2020-06", { value: 19999, problems: "" });
    // A fall to 1/100 or less: the 万/亿 slip still needs its confirmation beside 存在问题.
    const both = await put(jobs, "2020-07", { value: 150, problems: real });
    expect(both.status).toBe(422);
    expect(both.body.details).not.toHaveProperty("field");
    const findings = both.body.details?.findings as { rule: string }[];
    expect(findings.map((f) => f.rule)).toEqual(["ratio_to_target", "ratio_to_previous"]);
    const confirmed = await ok(jobs, "2020-07", {
      value: 150,
      problems: real,
      confirm: true,
      confirmReason: REASON,
    });
    expect(confirmed.revisions[0]?.warnings.map((w) => [w.rule, w.reason])).toEqual([
      ["ratio_to_target", REASON],
      ["ratio_to_previous", REASON],
      ["cumulative_fall", real],
    ]);
  });

  it("take last period's figure only from what was sent, not from a draft", async () => {
    await ok(jobs, "2020-04", { value: 30000, submit: false });
    const afterDraft = await ok(jobs, "2020-05", { value: 20000, problems: "" });
    expect(afterDraft.revisions[0]?.warnings).toEqual([]);
    await ok(jobs, "2020-04", { value: 30000, baseRevision: 1 });
    const afterSent = await put(jobs, "2020-06", { value: 20000, problems: "" });
    // 2020-05 (20000) is the period before 2020-06, not 2020-04.
    expect(afterSent.status, JSON.stringify(afterSent.body)).toBe(200);
    const fall = await put(jobs, "2020-05", { value: 19000, baseRevision: 1, problems: "" });
    expect(fall.body.details).toMatchObject({ rule: "cumulative_fall", numbers: { previous: 30000 } });
  });

  it("check the target editor's value against the number the plan's text states", async () => {
    const planner = await signIn(app, world.usernames.planner);
    const patch = (payload: Record<string, unknown>) =>
      planner.inject({ method: "PATCH", url: `/api/targets/${jobs}`, payload });
    // The text says 新增就业4万人: 40000 人.
    const slip = await patch({ value: 40000 * SLIP_RATIO });
    expect(slip.statusCode, slip.body).toBe(422);
    expect(slip.json()).toMatchObject({
      code: "implausible_value",
      details: { rule: "ratio_to_statement", numbers: { statement: 40000, ratio: SLIP_RATIO } },
    });
    expect((await patch({ value: 40000 / SLIP_RATIO })).statusCode).toBe(422);
    const impossible = await patch({ value: -5 });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().details).toMatchObject({ rule: "negative_count" });
    const filler = await patch({ value: 40000 * SLIP_RATIO, confirm: true, confirmReason: "同上" });
    expect(filler.statusCode).toBe(400);
    expect(filler.json().details).toMatchObject({ field: "confirmReason" });

    const inside = await patch({ value: 40000 * SLIP_RATIO * 0.999 });
    expect(inside.statusCode, inside.body).toBe(200);
    const confirmed = await patch({ value: 40000 * SLIP_RATIO, confirm: true, confirmReason: REASON });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().value).toBe(40000 * SLIP_RATIO);
    const audit = await store()
      .db.selectFrom("audit_log")
      .select(["action", "after"])
      .where("entity", "=", "target")
      .where("entity_id", "=", String(jobs))
      .where("action", "=", "target.confirm_value")
      .execute();
    expect(audit).toHaveLength(1);
    expect(String(audit[0]?.after)).toContain(REASON);
    // A change that leaves the value alone is not judged.
    expect((await patch({ subject: "新增就业人数" })).statusCode).toBe(200);
  });
});
