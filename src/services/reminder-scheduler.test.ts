// The server's own 催报 with two app processes on one database: each reminder goes out once, on the
// department's channels (红牌 on the plan's own channel too), and a failed delivery is retried, then
// shown as failed. Two stores on the same database stand for the two processes (separate connections).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { type DialectName, openDatabase, type Store } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { insertChannel, listDeliveriesOfPlan } from "../db/reminder-channels-repository.ts";
import { ladderOf, nextStep } from "../domain/reminder-ladder.ts";
import { buildNankaiWorld } from "../test/nankai-world.ts";
import {
  mailSubject,
  type RobotPeer,
  type SmtpPeer,
  startRobotPeer,
  startSmtpPeer,
} from "../test/reminder-peers.ts";
import { createTestDatabase, testDatabaseUrl, testDialects } from "../test/test-databases.ts";
import { dueItemsOfWorld } from "./chasing.ts";
import { readingClock } from "./plan-status.ts";
import { schedulerTick } from "./reminder-scheduler.ts";
import { loadPlanWorld } from "./reporting-context.ts";

async function twoProcesses(
  dialect: DialectName,
): Promise<{ a: Store; b: Store; close: () => Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "plantrack-scheduler-"));
    const file = join(dir, "plantrack.db");
    const a = openDatabase({ dialect: "sqlite", file });
    await migrateToLatest(a.db);
    const b = openDatabase({ dialect: "sqlite", file });
    return {
      a,
      b,
      close: async () => {
        await b.close();
        await a.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const a = await createTestDatabase("postgres");
  const schema = /\(schema ([a-z0-9_]+)\)/.exec(a.location)?.[1];
  const b = openDatabase({ dialect: "postgres", url: testDatabaseUrl() as string, schema: schema as string });
  return {
    a,
    b,
    close: async () => {
      await b.close();
      await a.close();
    },
  };
}

/** The demo plan published with 自动催报 turned on, its other settings kept. */
async function publishWithAutoReminders(store: Store, planId: number): Promise<void> {
  const plan = await store.db
    .selectFrom("plans")
    .select("settings")
    .where("id", "=", planId)
    .executeTakeFirstOrThrow();
  const settings = { ...(JSON.parse(plan.settings || "{}") as object), reminders: { enabled: true } };
  await store.db
    .updateTable("plans")
    .set({ settings: JSON.stringify(settings), state: "published" })
    .where("id", "=", planId)
    .execute();
}

describe("the ladder", () => {
  const ladder = ladderOf({ enabled: true });
  it("climbs with the days and never goes back down", () => {
    expect(nextStep(5, ladder, new Set())).toBeNull();
    expect(nextStep(3, ladder, new Set())?.rule).toBe("before:3");
    expect(nextStep(2, ladder, new Set(["before:3"]))).toBeNull();
    expect(nextStep(0, ladder, new Set(["before:3"]))?.rule).toBe("on_day");
    expect(nextStep(-1, ladder, new Set(["on_day"]))?.rule).toBe("after:1");
    expect(nextStep(-4, ladder, new Set(["after:1"]))).toBeNull();
    expect(nextStep(-5, ladder, new Set(["after:1"]))?.level).toBe("yellow");
    expect(nextStep(-10, ladder, new Set(["yellow"]))?.level).toBe("red");
    expect(nextStep(-30, ladder, new Set(["red"]))).toBeNull();
  });

  it("takes only the top step after a long silence, and nothing when off", () => {
    expect(nextStep(-12, ladder, new Set())?.rule).toBe("red");
    expect(nextStep(-12, ladderOf({}), new Set())).toBeNull();
  });

  it("reads bad settings as the defaults", () => {
    expect(ladderOf({ enabled: true, daysBefore: -3, redAfterDays: "x" })).toMatchObject({
      daysBefore: 3,
      redAfterDays: 10,
    });
    expect(ladderOf({ enabled: true, redAfterDays: null }).redAfterDays).toBeNull();
  });
});

let smtp: SmtpPeer;
let robots: RobotPeer;
beforeAll(async () => {
  smtp = await startSmtpPeer();
  robots = await startRobotPeer();
});
afterAll(async () => {
  await smtp.close();
  await robots.close();
});

describe.each(testDialects())("the scheduler on %s", (dialect) => {
  it("sends each reminder once with two processes, on the department's and the plan's channels", async () => {
    const { a, b, close } = await twoProcesses(dialect);
    try {
      const world = await buildNankaiWorld(a.db);
      const planId = world.planId;
      await publishWithAutoReminders(a, planId);

      const { world: planWorld, asOf } = readingClock(await loadPlanWorld(a.db, planId, { texts: false }));
      const owed = dueItemsOfWorld(planWorld, asOf);
      const departments = [...new Set(owed.flatMap((i) => (i.department ? [i.department.id] : [])))];
      expect(departments.length).toBeGreaterThan(1);
      const at = "2020-10-01T00:00:00.000Z";
      for (const id of departments) {
        await insertChannel(
          a.db,
          SYSTEM_ACTOR,
          {
            planId: null,
            departmentId: id,
            kind: "email",
            address: `d${id}@nankai.example`,
            secret: null,
            label: null,
          },
          at,
        );
      }
      await insertChannel(
        a.db,
        SYSTEM_ACTOR,
        {
          planId,
          departmentId: null,
          kind: "wecom",
          address: `${robots.base}/cgi-bin/webhook/send?key=leaders`,
          secret: null,
          label: "区领导群",
        },
        at,
      );

      const mailsBefore = smtp.mails.length;
      const robotBefore = robots.requests.length;
      const options = {
        smtp: { url: smtp.url, from: "fgw@nankai.example" },
        clock: () => "2020-10-01T01:00:00.000Z",
      };
      // Both processes tick at once, then again: the lease lets one work, the once-only key the rest.
      const [ra, rb] = await Promise.all([
        schedulerTick(a.db, { ...options, holder: "process-a" }),
        schedulerTick(b.db, { ...options, holder: "process-b" }),
      ]);
      expect([ra.leader, rb.leader].filter(Boolean)).toHaveLength(1);
      const first = ra.leader ? ra : rb;
      expect(first.scheduled).toBeGreaterThan(0);
      // The lease runs out; the other process takes over and finds nothing left to send.
      const later = { ...options, clock: () => "2020-10-01T01:05:00.000Z" };
      const again = await schedulerTick(b.db, { ...later, holder: "process-b" });
      expect(again).toMatchObject({ leader: true, scheduled: 0, attempted: 0 });

      const mails = smtp.mails.slice(mailsBefore);
      const scheduled = await a.db
        .selectFrom("scheduled_reminders")
        .selectAll()
        .where("plan_id", "=", planId)
        .execute();
      expect(scheduled).toHaveLength(first.scheduled);
      const withEmail = scheduled.filter((s) => departments.includes(s.department_id));
      expect(mails).toHaveLength(withEmail.length);
      const perKey = new Set(scheduled.map((s) => `${s.department_id}|${s.due_date}`));
      expect(perKey.size).toBe(scheduled.length);
      for (const mail of mails)
        expect(mailSubject(mail.raw)).toMatch(/^【(催报提醒|黄牌警示|红牌警示)】南开区/);
      const reds = scheduled.filter((s) => s.rule === "red");
      expect(robots.requests.length - robotBefore).toBe(reds.length);

      const log = await listDeliveriesOfPlan(a.db, planId, 1000);
      expect(log.every((d) => d.state === "sent" && d.attempts === 1)).toBe(true);
    } finally {
      await close();
    }
  });

  it("retries a failed delivery and then gives up, visibly", async () => {
    const { a, b, close } = await twoProcesses(dialect);
    try {
      const world = await buildNankaiWorld(a.db);
      const planId = world.planId;
      await publishWithAutoReminders(a, planId);
      const { world: planWorld, asOf } = readingClock(await loadPlanWorld(a.db, planId, { texts: false }));
      const department = dueItemsOfWorld(planWorld, asOf).find((i) => i.department)?.department?.id as number;
      await insertChannel(
        a.db,
        SYSTEM_ACTOR,
        {
          planId: null,
          departmentId: department,
          kind: "email",
          address: `d${department}@nankai.example`,
          secret: null,
          label: null,
        },
        "2020-10-01T00:00:00.000Z",
      );
      const down = { url: "smtp://127.0.0.1:1", from: "fgw@nankai.example" };
      const minutes = [0, 1, 6, 36, 156];
      for (const m of minutes) {
        const clock = () =>
          new Date(Date.parse("2020-10-01T01:00:00.000Z") + m * 60_000 + 1000).toISOString();
        await schedulerTick(b.db, { smtp: down, clock, holder: "p", timeoutMs: 1000 });
      }
      const log = (await listDeliveriesOfPlan(a.db, planId, 100)).filter(
        (d) => d.address === `d${department}@nankai.example`,
      );
      expect(log.length).toBeGreaterThan(0);
      expect(log.every((d) => d.state === "failed" && d.attempts === 5 && d.last_error)).toBe(true);
    } finally {
      await close();
    }
  });
});
