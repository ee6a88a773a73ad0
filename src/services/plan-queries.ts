// Reading plans for the API and the CLI: a missing plan is an AppError, not an undefined.

import type { Kysely } from "kysely";
import type { PlanDetail, PlanSource, PlanSummary } from "../contract/plans.ts";
import { getPlanSource, listPlans, loadPlanDetail } from "../db/plans-repository.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../domain/app-error.ts";

function planNotFound(id: number): AppError {
  return new AppError("not_found", `计划 ${id} 不存在 / plan ${id} not found`, { entity: "plan", id });
}

export async function planList(db: Kysely<Database>): Promise<PlanSummary[]> {
  return listPlans(db);
}

export async function planDetail(db: Kysely<Database>, id: number): Promise<PlanDetail> {
  const detail = await loadPlanDetail(db, id);
  if (!detail) throw planNotFound(id);
  return detail;
}

export async function planSource(db: Kysely<Database>, id: number): Promise<PlanSource> {
  const source = await getPlanSource(db, id);
  if (!source) throw planNotFound(id);
  return source;
}
