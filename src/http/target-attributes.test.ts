// Issue 18: what an indicator table says of a target besides its value — 属性 (约束性/预期性), the base
// year and value, the target year and 年均增长 — stored on import, editable, audited and shown in the
// status the cockpit reads; on every dialect.
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PlanStatusView } from "../contract/status.ts";
import type { TargetView } from "../contract/targets.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { importPlan } from "../services/import-plan.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, type TestClient } from "../test/auth-helpers.ts";
import { FIVE_YEAR_TEXT } from "../test/five-year-plan-fixture.ts";
import { testApp } from "../test/test-app.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";

describe.each(testDialects())("target attributes on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let planner: TestClient;

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    app = await testApp(store().db, dialect);
    planner = await signIn(app, world.usernames.planner);
  }, 60_000);
  afterEach(async () => {
    await app.close();
  });

  it("an indicator table's attribute, base year and value, target year and growth are stored on import", async () => {
    const { planId } = await importPlan(
      { db: store().db, extract: (text) => extractPlan(text) },
      { bytes: new TextEncoder().encode(FIVE_YEAR_TEXT), fileName: "binhai-14th.txt" },
    );
    const rows = await store()
      .db.selectFrom("targets")
      .select(["subject", "attribute", "baseline", "baseline_year", "target_year", "annual_growth"])
      .where("plan_id", "=", planId)
      .execute();
    const forest = rows.find((r) => r.subject.includes("森林覆盖率") && r.attribute !== null);
    expect(forest, JSON.stringify(rows)).toMatchObject({
      attribute: "binding",
      baseline: 40,
      baseline_year: 2020,
      target_year: 2025,
    });
    const gdp = rows.find((r) => r.subject.includes("地区生产总值") && r.attribute !== null);
    expect(gdp).toMatchObject({
      attribute: "expected",
      baseline_year: 2020,
      target_year: 2025,
      annual_growth: 6.5,
    });
    // Sentences outside the table state no attribute: nothing is invented for them.
    expect(rows.some((r) => r.attribute === null)).toBe(true);
  });

  it("a planner sets the attribute and the years; the change is audited and shown in the status", async () => {
    const id = world.targetIds[0] as number;
    const response = await planner.inject({
      method: "PATCH",
      url: `/api/targets/${id}`,
      payload: { attribute: "binding", baselineYear: 2019, targetYear: 2020, annualGrowth: 5 },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TargetView>()).toMatchObject({
      attribute: "binding",
      baselineYear: 2019,
      targetYear: 2020,
      annualGrowth: 5,
    });
    const audit = await store()
      .db.selectFrom("audit_log")
      .select(["action", "after"])
      .where("entity", "=", "target")
      .where("entity_id", "=", String(id))
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("target.update");
    expect(audit.after ?? "").toContain("binding");
    const status = (
      await planner.inject({ method: "GET", url: `/api/plans/${world.planId}/status` })
    ).json<PlanStatusView>();
    expect(status.targets.find((t) => t.targetId === id)?.attribute).toBe("binding");

    // Null clears it again: kept as null, not coerced.
    const cleared = await planner.inject({
      method: "PATCH",
      url: `/api/targets/${id}`,
      payload: { attribute: null, annualGrowth: null },
    });
    expect(cleared.json<TargetView>()).toMatchObject({
      attribute: null,
      annualGrowth: null,
      baselineYear: 2019,
    });
  });

  it("refuses an attribute that is neither, and a target year not after the base year", async () => {
    const id = world.targetIds[0] as number;
    const odd = await planner.inject({
      method: "PATCH",
      url: `/api/targets/${id}`,
      payload: { attribute: "mandatory" },
    });
    expect(odd.statusCode).toBe(400);
    const years = await planner.inject({
      method: "PATCH",
      url: `/api/targets/${id}`,
      headers: { "x-plantrack-lang": "zh-CN" },
      payload: { baselineYear: 2025, targetYear: 2020 },
    });
    expect(years.statusCode).toBe(400);
    expect(years.json<{ message: string }>().message).toContain("目标年份");
    const row = await store()
      .db.selectFrom("targets")
      .select(["attribute", "baseline_year", "target_year"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ attribute: null, baseline_year: null, target_year: null });
  });
});
