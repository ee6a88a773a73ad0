// Copying a plan to another year (issue 5): a new draft with the same outline, targets, items,
// departments and settings, for the planner to adjust — values kept, baselines left to fill in, no
// reports. The title's year follows the new year (2020 → 2021); the source document stays the original's.

import type { Kysely } from "kysely";
import type { CopyPlanRequest, PlanSummary } from "../contract/plans.ts";
import type { Actor } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { insertPlanCopy, shiftDate } from "../db/plan-copy-repository.ts";
import { findPlanIdByTitle, getPlanRow } from "../db/plans-repository.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../domain/app-error.ts";
import { getPlanSummary } from "./plan-queries.ts";

type Db = Kysely<Database>;

/** The plan's settings without what belonged to the old year's data (the demo flag and its date). */
function copiedSettings(raw: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return "{}";
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return "{}";
  const { demo: _demo, demoAsOf: _demoAsOf, ...rest } = parsed as Record<string, unknown>;
  return JSON.stringify(rest);
}

export async function copyPlan(
  db: Db,
  actor: Actor,
  planId: number,
  request: CopyPlanRequest,
): Promise<PlanSummary> {
  const year = request.year;
  if (!Number.isInteger(year) || year < 1949 || year > 2200) {
    throw new AppError(
      "bad_input",
      {
        zh: `年份无效：${year}（应为 1949–2200 的整数）`,
        en: `year must be a whole year between 1949 and 2200: ${year}`,
      },
      {
        field: "year",
      },
    );
  }
  const planIdOut = await inTransaction(db, async (trx) => {
    const plan = await getPlanRow(trx, planId);
    if (!plan)
      throw new AppError(
        "not_found",
        { zh: `计划 ${planId} 不存在`, en: `plan ${planId} not found` },
        { planId },
      );
    const fromYear = plan.year ?? Number(plan.period_start.slice(0, 4));
    if (year === fromYear) {
      throw new AppError(
        "bad_input",
        {
          zh: `计划 ${planId} 已是 ${year} 年的计划，请选择另一年份`,
          en: `plan ${planId} is already for ${year}: choose another year`,
        },
        { field: "year", year },
      );
    }
    const shift = year - fromYear;
    const title = plan.title.includes(String(fromYear))
      ? plan.title.split(String(fromYear)).join(String(year))
      : `${plan.title}（${year}年）`;
    const clashId = await findPlanIdByTitle(trx, title, year, plan.region_id);
    if (clashId !== undefined) {
      throw new AppError(
        "conflict",
        { zh: `已有计划《${title}》（编号 ${clashId}）`, en: `plan #${clashId} “${title}” already exists` },
        { planId: clashId },
      );
    }
    const { planId: copyId } = await insertPlanCopy(trx, actor, {
      sourcePlanId: plan.id,
      title,
      year,
      periodStart: shiftDate(plan.period_start, shift) as string,
      periodEnd: shiftDate(plan.period_end, shift) as string,
      yearShift: shift,
      settings: copiedSettings(plan.settings),
    });
    return copyId;
  });
  const summary = await getPlanSummary(db, planIdOut);
  if (!summary) throw new Error(`copied plan ${planIdOut} not found`);
  return summary;
}
