import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import type { PlanStatusView } from "../contract/status.ts";
import { type Actor, SYSTEM_ACTOR, verifyAuditChain } from "../db/audit-repository.ts";
import { setPlanState } from "../db/plans-repository.ts";
import type { Database } from "../db/schema.ts";
import type { Principal } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { importPlan } from "../services/import-plan.ts";
import { planStatus, targetEvaluation } from "../services/plan-status.ts";
import { reviewReport, saveReport } from "../services/reporting.ts";
import { linkTargets, targetLinks, unlinkTarget } from "../services/target-links.ts";
import { buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, TEST_AUTH } from "../test/auth-helpers.ts";
import { FIXTURE_TEXT, fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

const actor: Actor = { userId: null, ip: "127.0.0.1" };
const ADMIN: Principal = {
  id: 0,
  role: "admin",
  regionId: null,
  departmentId: null,
  departmentRegionId: null,
};
const TEXTS = { progress: "进展", problems: "", nextSteps: "" };

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

async function plan(db: Kysely<Database>, region: string): Promise<number> {
  const { planId } = await importPlan(
    { db, extract: fixtureExtract },
    {
      bytes: new TextEncoder().encode(FIXTURE_TEXT),
      fileName: `${region}.txt`,
      region,
      year: 2020,
      force: true,
    },
  );
  await setPlanState(db, SYSTEM_ACTOR, planId, "published");
  return planId;
}

async function targetOf(db: Kysely<Database>, planId: number, subject: string): Promise<number> {
  const row = await db
    .selectFrom("targets")
    .select("id")
    .where("plan_id", "=", planId)
    .where("subject", "=", subject)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Submitted and approved on `day` (the evaluation reads what was approved by its date). */
async function approved(
  db: Kysely<Database>,
  targetId: number,
  period: string,
  value: number,
  day: string,
): Promise<void> {
  const clock = { now: `${day}T09:00:00.000Z` };
  const body = { baseRevision: null, value, ...TEXTS, submit: true };
  const saved = await saveReport(db, actor, ADMIN, "target", targetId, period, body, clock);
  await reviewReport(db, actor, ADMIN, saved.report.id, { action: "approve" }, clock);
}

describe.each(testDialects())("city roll-up of district targets on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  async function setup() {
    const db = store().db;
    const world = await buildAccessWorld(db);
    const city = await plan(db, "120000");
    const hexi = await plan(db, "120103");
    const ids = {
      cityJobs: await targetOf(db, city, "新增就业"),
      nankaiJobs: await targetOf(db, world.planId, "新增就业"),
      hexiJobs: await targetOf(db, hexi, "新增就业"),
      cityGdp: await targetOf(db, city, "地区生产总值"),
      nankaiGdp: await targetOf(db, world.planId, "地区生产总值"),
      hexiGdp: await targetOf(db, hexi, "地区生产总值"),
      nankaiFirms: await targetOf(db, world.planId, "雏鹰企业"),
    };
    return { db, world, city, hexi, ids };
  }

  it("sum the districts' latest approved cumulative values, each with its own evaluation", async () => {
    const { db, world, city, ids } = await setup();
    const linked = await linkTargets(db, actor, ids.cityJobs, {
      childTargetIds: [ids.nankaiJobs, ids.hexiJobs],
    });
    expect(linked.children.map((c) => [c.targetId, c.region?.name])).toEqual([
      [ids.nankaiJobs, "南开区"],
      [ids.hexiJobs, "河西区"],
    ]);
    await approved(db, ids.nankaiJobs, "2020-04", 15000, "2020-05-04");
    await approved(db, ids.nankaiJobs, "2020-05", 17000, "2020-06-02");
    await approved(db, ids.hexiJobs, "2020-04", 9000, "2020-05-05");
    // Not approved: does not count.
    await saveReport(
      db,
      actor,
      ADMIN,
      "target",
      ids.hexiJobs,
      "2020-05",
      { baseRevision: null, value: 19999, ...TEXTS, submit: true },
      { now: "2020-06-01T09:00:00.000Z" },
    );

    const status = await planStatus(db, city, "2020-06-03");
    const jobs = status.targets.find((t) => t.targetId === ids.cityJobs);
    expect(jobs?.districts).toMatchObject({
      mode: "sum",
      total: 26000,
      completion: 26000 / 40000,
      reported: 2,
    });
    expect(jobs?.districts?.districts.map((d) => [d.planId, d.value, d.period])).toEqual([
      [world.planId, 17000, "2020-05"],
      [expect.any(Number), 9000, "2020-04"],
    ]);
    expect(jobs?.districts?.districts[0]?.evaluation.status).toBeTruthy();
    // Other targets of the city plan have no roll-up.
    expect(status.targets.find((t) => t.targetId === ids.cityGdp)?.districts).toBeUndefined();
    // As of an earlier date only what was approved by then.
    const early = await planStatus(db, city, "2020-01-31");
    expect(early.targets.find((t) => t.targetId === ids.cityJobs)?.districts).toMatchObject({
      total: null,
      reported: 0,
    });
    const one = await targetEvaluation(db, ids.cityJobs, "2020-06-03");
    expect(one.target.districts?.total).toBe(26000);
  });

  it("list levels and rates instead of adding them, and show the roll-up through the API", async () => {
    const { db, world, city, ids } = await setup();
    await linkTargets(db, actor, ids.cityGdp, { childTargetIds: [ids.nankaiGdp, ids.hexiGdp] });
    await approved(db, ids.nankaiGdp, "2020-Q1", 4.8, "2020-04-03");
    const app = await buildApp({
      db,
      dialect,
      extract: fixtureExtract,
      auth: TEST_AUTH,
      reminderWebhookUrl: null,
    });
    try {
      const admin = await signIn(app, world.usernames.admin);
      const response = await admin.inject({
        method: "GET",
        url: `/api/plans/${city}/status?asOf=2020-04-30`,
      });
      expect(response.statusCode, response.body).toBe(200);
      const gdp = response.json<PlanStatusView>().targets.find((t) => t.targetId === ids.cityGdp);
      expect(gdp?.districts).toMatchObject({ mode: "list", total: null, completion: null, reported: 1 });
      expect(gdp?.districts?.districts.map((d) => d.value)).toEqual([4.8, null]);
      const leader = await signIn(app, world.usernames.leader);
      const refused = await leader.inject({
        method: "POST",
        url: `/api/targets/${ids.cityJobs}/links`,
        payload: { childTargetIds: [ids.nankaiJobs] },
      });
      expect(refused.statusCode).toBe(403);
      const unlinked = await admin.inject({
        method: "DELETE",
        url: `/api/targets/${ids.cityGdp}/links/${ids.hexiGdp}`,
      });
      expect(unlinked.statusCode, unlinked.body).toBe(200);
      expect(unlinked.json()).toMatchObject({
        targetId: ids.cityGdp,
        children: [{ targetId: ids.nankaiGdp }],
      });
    } finally {
      await app.close();
    }
  });

  it("refuse other units and kinds, regions that are not children, and a district target linked elsewhere, storing nothing", async () => {
    const { db, city, hexi, ids } = await setup();
    const count = async () => (await db.selectFrom("target_links").select("id").execute()).length;
    const unit = await errorOf(
      linkTargets(db, actor, ids.cityJobs, { childTargetIds: [ids.nankaiJobs, ids.nankaiFirms] }),
    );
    expect(unit.code).toBe("bad_input");
    expect(unit.details).toMatchObject({ id: ids.nankaiFirms, unit: "家", expected: "人" });
    // Hexi is no region under Nankai; the city's own target is not under the city.
    const nankaiJobs = ids.nankaiJobs;
    expect((await errorOf(linkTargets(db, actor, nankaiJobs, { childTargetIds: [ids.hexiJobs] }))).code).toBe(
      "bad_input",
    );
    const cityOther = await targetOf(db, city, "新增就业");
    expect((await errorOf(linkTargets(db, actor, ids.cityJobs, { childTargetIds: [cityOther] }))).code).toBe(
      "bad_input",
    );
    expect((await errorOf(linkTargets(db, actor, ids.cityJobs, { childTargetIds: [987654] }))).code).toBe(
      "not_found",
    );
    expect(await count()).toBe(0);

    await linkTargets(db, actor, ids.cityJobs, { childTargetIds: [ids.hexiJobs] });
    // Linking again is a no-op; linking to another city target is a conflict.
    await linkTargets(db, actor, ids.cityJobs, { childTargetIds: [ids.hexiJobs] });
    const secondCity = await plan(db, "120000");
    const otherCityJobs = await targetOf(db, secondCity, "新增就业");
    expect(
      (
        await errorOf(
          linkTargets(db, actor, otherCityJobs, { childTargetIds: [ids.hexiJobs, ids.nankaiJobs] }),
        )
      ).code,
    ).toBe("conflict");
    expect(await count()).toBe(1);
    expect((await targetLinks(db, ids.cityJobs)).children.map((c) => c.planId)).toEqual([hexi]);

    await unlinkTarget(db, actor, ids.cityJobs, ids.hexiJobs);
    expect((await errorOf(unlinkTarget(db, actor, ids.cityJobs, ids.hexiJobs))).code).toBe("not_found");
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "in", ["target.link", "target.unlink"])
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["target.link", "target.unlink"]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
