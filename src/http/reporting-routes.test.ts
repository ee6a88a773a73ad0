import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MyDueView, ReminderView } from "../contract/reminders.ts";
import type { ReportDetail } from "../contract/reports.ts";
import type { PlanStatusView } from "../contract/status.ts";
import { sendReminder } from "../services/chasing.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, TEST_AUTH } from "../test/auth-helpers.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

const TEXTS = { progress: "新增就业17280人", problems: "无", nextSteps: "继续推进" };

describe.each(testDialects())("reporting API on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let jobs: number;

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    jobs = world.targetIds[3] as number;
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
  });
  afterEach(async () => {
    await app.close();
  });

  it("run a whole cycle: due → report → 409 on a stale save → returned → corrected → approved → status", async () => {
    const reporter = await signIn(app, world.usernames.reporter);
    const planner = await signIn(app, world.usernames.planner);
    const due = (
      await reporter.inject({ method: "GET", url: "/api/me/due?asOf=2020-05-04" })
    ).json<MyDueView>();
    expect(due.department?.id).toBe(world.departments.nankaiRsj);
    expect(due.items.map((i) => [i.subject.id, i.period.key, i.state])).toContainEqual([
      jobs,
      "2020-04",
      "due",
    ]);

    const url = `/api/targets/${jobs}/reports/2020-04`;
    const first = await reporter.inject({
      method: "PUT",
      url,
      payload: { baseRevision: null, value: 17000, ...TEXTS, submit: true },
    });
    expect(first.statusCode, first.body).toBe(200);
    const report = first.json<ReportDetail>().report;
    const stale = await reporter.inject({
      method: "PUT",
      url,
      payload: { baseRevision: null, value: 16000, ...TEXTS },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "conflict",
      details: { latestRevision: 1, latest: { revision: 1 } },
    });
    // The newer revision comes in the contract's shape (ReportRevisionView), not as a database row.
    const latest = stale.json().details.latest;
    expect(latest).toMatchObject({
      state: "submitted",
      nextSteps: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(latest).not.toHaveProperty("next_steps");

    const review = `/api/reports/${report.id}/review`;
    const noReason = await planner.inject({ method: "POST", url: review, payload: { action: "return" } });
    expect(noReason.statusCode).toBe(400);
    const returned = await planner.inject({
      method: "POST",
      url: review,
      payload: { action: "return", reason: "请核实" },
    });
    expect(returned.json<ReportDetail>().report.state).toBe("returned");
    const dueAgain = (
      await reporter.inject({ method: "GET", url: "/api/me/due?asOf=2020-05-04" })
    ).json<MyDueView>();
    expect(dueAgain.items.find((i) => i.subject.id === jobs && i.period.key === "2020-04")?.state).toBe(
      "returned",
    );

    const corrected = await reporter.inject({
      method: "PUT",
      url,
      payload: { baseRevision: 2, value: 17280, ...TEXTS, submit: true },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const approved = await planner.inject({ method: "POST", url: review, payload: { action: "approve" } });
    expect(approved.json<ReportDetail>().revisions.map((r) => r.state)).toEqual([
      "submitted",
      "returned",
      "submitted",
      "approved",
    ]);

    const status = (
      await planner.inject({ method: "GET", url: `/api/plans/${world.planId}/status?asOf=2099-05-10` })
    ).json<PlanStatusView>();
    expect(status.asOf).toBe("2099-05-10");
    const now = (await planner.inject({ method: "GET", url: `/api/targets/${jobs}/evaluation` })).json();
    expect(now.target.evaluation.working).toBeDefined();
    const leader = await signIn(app, world.usernames.leader);
    const read = await leader.inject({ method: "GET", url: `/api/reports/${report.id}` });
    expect(read.json<ReportDetail>().can).toEqual({ save: false, review: false });
  });

  it("record a reminder whose webhook fails, without failing the reminder", async () => {
    const failing = (async () => {
      throw new Error("connection refused");
    }) as unknown as typeof fetch;
    const reminder: ReminderView = await sendReminder(
      store().db,
      { userId: world.users.planner, ip: null },
      world.planId,
      { departmentId: world.departments.nankaiRsj, message: "请尽快报送" },
      { webhookUrl: "http://127.0.0.1:9/hook", fetchImpl: failing },
    );
    expect(reminder).toMatchObject({
      delivery: "webhook_failed",
      deliveryError: "connection refused",
      message: "请尽快报送",
    });
    const reporter = await signIn(app, world.usernames.reporter);
    const due = (await reporter.inject({ method: "GET", url: "/api/me/due" })).json<MyDueView>();
    expect(due.reminders.map((r) => r.id)).toEqual([reminder.id]);
    const read = await reporter.inject({ method: "POST", url: `/api/reminders/${reminder.id}/read` });
    expect(read.statusCode).toBe(204);
  });
});
