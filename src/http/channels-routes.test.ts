// The planner's channels of 催报 over HTTP: added per department or for the plan, checked for their
// kind, never answering with a robot's secret, a test message that really goes out, the delivery log,
// the ladder's settings refused when they make no sense, and none of it open to a reporter.

import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApiErrorBody } from "../contract/common.ts";
import type { ChannelView, DeliveryView, ReminderSettingsView } from "../contract/reminders.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { createTestUser, signIn, TEST_AUTH } from "../test/auth-helpers.ts";
import { buildNankaiWorld } from "../test/nankai-world.ts";
import { mailSubject, type SmtpPeer, startSmtpPeer } from "../test/reminder-peers.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

let smtp: SmtpPeer;
beforeAll(async () => {
  smtp = await startSmtpPeer();
});
afterAll(async () => {
  await smtp.close();
});

describe.each(testDialects())("reminder channels on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  async function world() {
    const db = store().db;
    const nankai = await buildNankaiWorld(db);
    const department = await db
      .selectFrom("departments")
      .select(["id", "name"])
      .where("region_id", "=", nankai.regionId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await createTestUser(db, { username: "reporter-ch", role: "reporter", departmentId: department.id });
    app = await buildApp({
      db,
      dialect,
      extract: extractPlan,
      auth: TEST_AUTH,
      reminderWebhookUrl: null,
      smtp: { url: smtp.url, from: "fgw@nankai.example" },
    });
    return { ...nankai, department, planner: await signIn(app, nankai.usernames.planner) };
  }

  it("adds, lists without secrets, tests, removes — each audited", async () => {
    const { planId, department, planner } = await world();
    const email = await planner.inject({
      method: "POST",
      url: `/api/plans/${planId}/channels`,
      payload: {
        departmentId: department.id,
        thisPlanOnly: false,
        kind: "email",
        address: "sw@nankai.example",
        secret: null,
        label: null,
      },
    });
    expect(email.statusCode).toBe(201);
    const robot = await planner.inject({
      method: "POST",
      url: `/api/plans/${planId}/channels`,
      payload: {
        departmentId: null,
        thisPlanOnly: true,
        kind: "dingtalk",
        address: "https://oapi.dingtalk.com/robot/send?access_token=abc",
        secret: "SECsecret",
        label: "区领导群",
      },
    });
    expect(robot.statusCode).toBe(201);
    expect(robot.body).not.toContain("SECsecret");

    const list = (await planner.inject({ method: "GET", url: `/api/plans/${planId}/channels` })).json<{
      channels: ChannelView[];
    }>();
    expect(list.channels.map((c) => [c.kind, c.department?.name ?? null, c.hasSecret])).toEqual([
      ["email", department.name, false],
      ["dingtalk", null, true],
    ]);
    expect(JSON.stringify(list)).not.toContain("SECsecret");

    const before = smtp.mails.length;
    const emailId = email.json<ChannelView>().id;
    const test = await planner.inject({
      method: "POST",
      url: `/api/plans/${planId}/channels/${emailId}/test`,
    });
    expect(test.json()).toEqual({ ok: true, error: null });
    expect(smtp.mails).toHaveLength(before + 1);
    expect(mailSubject(smtp.mails.at(-1)?.raw ?? "")).toBe("【催报提醒】南开区2020年国民经济和社会发展计划");

    const removed = await planner.inject({
      method: "DELETE",
      url: `/api/plans/${planId}/channels/${emailId}`,
    });
    expect(removed.statusCode).toBe(204);
    const audit = await store()
      .db.selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "reminder_channel")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["channel.create", "channel.create", "channel.delete"]);
    const deliveries = (
      await planner.inject({ method: "GET", url: `/api/plans/${planId}/deliveries` })
    ).json<{
      deliveries: DeliveryView[];
    }>();
    expect(deliveries.deliveries).toEqual([]);
  });

  it("refuses a bad address, a department of another region and a plan channel for all plans, writing nothing", async () => {
    const { planId, planner } = await world();
    const post = (payload: object) =>
      planner.inject({
        method: "POST",
        url: `/api/plans/${planId}/channels`,
        payload: {
          departmentId: null,
          thisPlanOnly: true,
          kind: "email",
          address: "x@y.example",
          secret: null,
          label: null,
          ...payload,
        },
      });
    const bad = await post({ address: "not an address" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiErrorBody>().message).toBe("电子邮件地址无效：not an address");
    // A person who chose English reads the same error in English only.
    const english = await planner.inject({
      method: "POST",
      url: `/api/plans/${planId}/channels`,
      headers: { "x-plantrack-lang": "en-US" },
      payload: {
        departmentId: null,
        thisPlanOnly: true,
        kind: "email",
        address: "not an address",
        secret: null,
        label: null,
      },
    });
    expect(english.json<ApiErrorBody>().message).toBe("not an e-mail address: not an address");
    expect((await post({ departmentId: 999_999 })).statusCode).toBe(400);
    expect((await post({ thisPlanOnly: false })).statusCode).toBe(400);
    expect((await post({ kind: "fax" })).statusCode).toBe(400);
    const count = await store()
      .db.selectFrom("reminder_channels")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("keeps the ladder's settings, and refuses a red card before the yellow one", async () => {
    const { planId, planner } = await world();
    const get = async () =>
      (
        await planner.inject({ method: "GET", url: `/api/plans/${planId}/reminder-settings` })
      ).json<ReminderSettingsView>();
    expect(await get()).toEqual({
      enabled: false,
      daysBefore: 3,
      onDay: true,
      daysAfter: 1,
      yellowAfterDays: 5,
      redAfterDays: 10,
    });
    const wanted = {
      enabled: true,
      daysBefore: 2,
      onDay: false,
      daysAfter: 2,
      yellowAfterDays: 7,
      redAfterDays: 15,
    };
    const put = await planner.inject({
      method: "PUT",
      url: `/api/plans/${planId}/reminder-settings`,
      payload: wanted,
    });
    expect(put.statusCode).toBe(200);
    expect(await get()).toEqual(wanted);
    const wrong = await planner.inject({
      method: "PUT",
      url: `/api/plans/${planId}/reminder-settings`,
      payload: { ...wanted, redAfterDays: 7 },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ApiErrorBody>().message).toBe("红牌天数须大于黄牌天数");
    expect(await get()).toEqual(wanted);
  });

  it("is closed to a department's reporter", async () => {
    const { planId } = await world();
    const reporter = await signIn(app as FastifyInstance, "reporter-ch");
    for (const [method, url] of [
      ["GET", `/api/plans/${planId}/channels`],
      ["GET", `/api/plans/${planId}/deliveries`],
      ["PUT", `/api/plans/${planId}/reminder-settings`],
    ] as const) {
      const response = await reporter.inject({
        method,
        url,
        payload: method === "PUT" ? { enabled: true } : undefined,
      });
      expect(response.statusCode, url).toBe(403);
    }
  });
});
