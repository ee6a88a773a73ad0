// The pure part of the five-year cockpit: which indicators go in which judgement's group (约束性
// first in each), the years a value may be entered for, which plans are five-year plans, and what
// field of the form a refused request names.
import type {
  FiveYearIndicatorView,
  FiveYearPlanRef,
  Judgement,
  PlanKind,
} from "../../../../src/contract/five-year.ts";
import type { PlanSummary } from "../../../../src/contract/plans.ts";
import { isApiError } from "../../api/client.ts";

/** The report's order (中期评估 二、主要指标完成情况): the good news first, then what lags, then what has no data. */
export const JUDGEMENT_ORDER: readonly Judgement[] = [
  "met_early",
  "on_track",
  "needs_speed",
  "slow",
  "reverse",
  "no_data",
];

export interface IndicatorGroup {
  judgement: Judgement;
  indicators: FiveYearIndicatorView[];
}

/** Every judgement that has indicators, in the report's order; 约束性 first in each, else as the server sent them. */
export function groupIndicators(indicators: readonly FiveYearIndicatorView[]): IndicatorGroup[] {
  return JUDGEMENT_ORDER.map((judgement) => {
    const inGroup = indicators.filter((i) => i.judgement === judgement);
    return {
      judgement,
      indicators: [
        ...inGroup.filter((i) => i.attribute === "binding"),
        ...inGroup.filter((i) => i.attribute !== "binding"),
      ],
    };
  }).filter((g) => g.indicators.length > 0);
}

/** The years of the plan period, first to last: what the year pickers offer. */
export function periodYears(plan: Pick<FiveYearPlanRef, "startYear" | "endYear">): number[] {
  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y++) years.push(y);
  return years;
}

/** A year from the address, when it is one of the period's; else null (the server's default). */
export function yearParam(raw: string | null): number | null {
  return raw !== null && /^\d{4}$/.test(raw) ? Number(raw) : null;
}

/**
 * Whether a plan is a five-year plan: as the server says when it says (`kind`), otherwise by its
 * period — an annual plan runs one calendar year, a five-year plan several.
 */
export function isFiveYearPlan(
  plan: Pick<PlanSummary, "periodStart" | "periodEnd"> & { kind?: PlanKind },
): boolean {
  if (plan.kind) return plan.kind === "five_year";
  const start = Number(plan.periodStart.slice(0, 4));
  const end = Number(plan.periodEnd.slice(0, 4));
  return Number.isFinite(start) && Number.isFinite(end) && end - start >= 2;
}

/** The form field a 400 bad_input names in details.field (year, value, sourceNote …), or null. */
export function refusedField(error: unknown): string | null {
  if (!isApiError(error) || error.code !== "bad_input") return null;
  const field = error.details.field;
  return typeof field === "string" ? field : null;
}

/**
 * Who may enter a yearly value: whoever edits plans, and a reporter of the statistics department
 * (统计局), as the server's route allows (FIVE-YEAR-API: POST /api/targets/:id/yearly-values).
 */
export function mayEnterValues(
  user:
    | { role: "admin" | "planner" | "leader" | "reporter"; departmentName: string | null }
    | null
    | undefined,
  mayEditPlans: boolean,
): boolean {
  if (mayEditPlans) return true;
  return user?.role === "reporter" && (user.departmentName ?? "").includes("统计");
}

/** The judgement's colour class (the light), shared by the cards, the counts and the tags. */
export function lightClass(light: FiveYearIndicatorView["light"]): string {
  return `fy-light-${light}`;
}
