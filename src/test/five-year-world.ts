// A five-year plan beside the access world's annual plan: the 滨海 十四五 fixture text imported for
// 南开区, made a five-year plan (2021–2025) and published, with a reporter of the statistics
// department (区统计局). Indicators by subject, for the tests to pick.

import type { Kysely } from "kysely";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { ensureDepartments } from "../db/departments-repository.ts";
import { getPlanRow, setPlanState } from "../db/plans-repository.ts";
import type { Database, TargetRow } from "../db/schema.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { importPlan } from "../services/import-plan.ts";
import { type AccessWorld, buildAccessWorld } from "./access-fixture.ts";
import { createTestUser } from "./auth-helpers.ts";
import { FIVE_YEAR_TEXT } from "./five-year-plan-fixture.ts";

export interface FiveYearWorld extends AccessWorld {
  fiveYearPlanId: number;
  /** The indicators of the table (with a baseline year), by subject. */
  indicators: Map<string, TargetRow>;
  statisticsUsername: string;
}

export async function buildFiveYearWorld(db: Kysely<Database>): Promise<FiveYearWorld> {
  const world = await buildAccessWorld(db);
  const { planId } = await importPlan(
    { db, extract: (text) => extractPlan(text) },
    { bytes: new TextEncoder().encode(FIVE_YEAR_TEXT), fileName: "十四五.txt", region: "120104", year: 2025 },
  );
  // The import knows a five-year plan by its period (2021–2025 in the text).
  const plan = await getPlanRow(db, planId);
  if (plan?.kind !== "five_year" || plan.period_start !== "2021-01-01" || plan.period_end !== "2025-12-31")
    throw new Error(`the 十四五 text was not imported as a five-year plan: ${JSON.stringify(plan)}`);
  await setPlanState(db, SYSTEM_ACTOR, planId, "published");
  const rows = await db
    .selectFrom("targets")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("id")
    .execute();
  const indicators = new Map<string, TargetRow>();
  for (const t of rows)
    if (t.baseline_year !== null || !indicators.has(t.subject)) indicators.set(t.subject, t);
  const stats = (
    await ensureDepartments(db, SYSTEM_ACTOR, world.regions.nankai, [{ name: "区统计局" }])
  ).find((d) => d.name === "区统计局");
  const statisticsUsername = "stats_reporter";
  await createTestUser(db, {
    username: statisticsUsername,
    role: "reporter",
    departmentId: stats?.id ?? null,
  });
  return { ...world, fiveYearPlanId: planId, indicators, statisticsUsername };
}
