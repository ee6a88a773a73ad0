// Yearly values of a five-year plan's indicators (issue 17): entered as 统计数据 by the planner or the
// statistics department (区统计局), or taken from the year-end approved report of a linked annual
// target. Append-only: a new value for a year is a new row, the latest counts, the history stays. A
// year outside the plan period, a value that is no number — 400 naming the field, nothing written.

import type { Kysely } from "kysely";
import type {
  FiveYearIndicatorView,
  YearlyValueFromReportRequest,
  YearlyValueHistoryView,
  YearlyValueRequest,
} from "../contract/five-year.ts";
import type { Actor } from "../db/audit-repository.ts";
import { approvedFigures, listLinkedAnnualTargets } from "../db/indicator-links-repository.ts";
import { appendIndicatorValues, listIndicatorValues } from "../db/indicator-values-repository.ts";
import { getPlanRow } from "../db/plans-repository.ts";
import type { Database, PlanRow, TargetRow } from "../db/schema.ts";
import { getTargetRow } from "../db/targets-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";
import { checkValueYear, type FiveYearIndicator } from "../domain/five-year.ts";
import { isStatisticsDepartment } from "../domain/five-year-indicators.ts";
import {
  currentRows,
  indicatorView,
  type Lang,
  loadFiveYearPlan,
  type Measured,
  measure,
  notFound,
  periodOfPlan,
  valueView,
} from "./five-year.ts";
import { mayEditPlan } from "./reporting-context.ts";

type Db = Kysely<Database>;

const MAX_NOTE = 200;

function bad(message: LocalText, details: Record<string, unknown>): AppError {
  return new AppError("bad_input", message, details);
}

/** The indicator (a target of a five-year plan) and its plan. */
export async function loadIndicator(
  db: Db,
  targetId: number,
): Promise<{ target: TargetRow; plan: PlanRow; measured: Measured }> {
  const target = await getTargetRow(db, targetId);
  if (!target) throw notFound({ zh: "指标", en: "indicator" }, targetId, "target");
  const plan = await loadFiveYearPlan(db, target.plan_id);
  return { target, plan, measured: measure(target, periodOfPlan(plan)) };
}

/** The planner in scope, an admin, or a reporter of the plan's region's statistics department. */
async function mayEnterValues(db: Db, principal: Principal, plan: PlanRow): Promise<boolean> {
  if (await mayEditPlan(db, principal, plan)) return true;
  return (
    principal.role === "reporter" &&
    isStatisticsDepartment(principal.names?.departmentName) &&
    principal.departmentRegionId !== null &&
    principal.departmentRegionId === plan.region_id
  );
}

/** A year of the period and a finite value, or 400 naming which. */
export function checkYearlyValue(
  ind: FiveYearIndicator,
  year: unknown,
  value: unknown,
  where: Record<string, unknown> = {},
): void {
  if (typeof year !== "number" || !Number.isInteger(year))
    throw bad(
      { zh: `年份“${String(year)}”无效`, en: `the year “${String(year)}” is not a year` },
      { ...where, field: "year" },
    );
  const outside = checkValueYear(ind, year);
  if (outside) throw bad(outside.message, { ...where, field: "year", year });
  if (typeof value !== "number" || !Number.isFinite(value))
    throw bad(
      { zh: `数值“${String(value)}”无效`, en: `the value “${String(value)}” is not a number` },
      { ...where, field: "value" },
    );
}

export function checkNote(note: string | undefined, where: Record<string, unknown> = {}): string {
  const text = (note ?? "").trim();
  if (text.length > MAX_NOTE)
    throw bad(
      { zh: `来源说明不能超过${MAX_NOTE}字`, en: `the source note is longer than ${MAX_NOTE} characters` },
      { ...where, field: "sourceNote" },
    );
  return text;
}

/** One indicator's view as of a year, after a write. */
export async function indicatorAsOf(
  db: Db,
  targetId: number,
  year: number,
  lang: Lang,
): Promise<FiveYearIndicatorView> {
  const { measured } = await loadIndicator(db, targetId);
  const [rows, linked] = await Promise.all([
    listIndicatorValues(db, [targetId]),
    listLinkedAnnualTargets(db, [targetId]),
  ]);
  const figures = await approvedFigures(
    db,
    linked.map((l) => l.annualTargetId),
  );
  return indicatorView({ measured, rows, linked, figures, area: null }, year, lang);
}

/** POST /api/targets/:id/yearly-values */
export async function enterYearlyValue(
  db: Db,
  principal: Principal,
  actor: Actor,
  targetId: number,
  request: YearlyValueRequest,
  lang: Lang,
): Promise<FiveYearIndicatorView> {
  const { plan, measured } = await loadIndicator(db, targetId);
  if (!(await mayEnterValues(db, principal, plan)))
    throw new AppError(
      "forbidden",
      {
        zh: "只有规划部门或统计部门可以填报指标年度值",
        en: "only the planning office or the statistics department may enter yearly values",
      },
      { rule: "planner_or_statistics" },
    );
  checkYearlyValue(measured.ind, request.year, request.value);
  const sourceNote = checkNote(request.sourceNote);
  await appendIndicatorValues(
    db,
    actor,
    plan.id,
    "indicator.value",
    [
      {
        targetId,
        year: request.year,
        value: request.value * measured.factor,
        source: "statistics",
        sourceNote,
      },
    ],
    {
      entity: "target",
      entityId: targetId,
      after: { year: request.year, value: request.value, source: "statistics", sourceNote },
    },
  );
  return indicatorAsOf(db, targetId, request.year, lang);
}

/** GET /api/targets/:id/yearly-values */
export async function yearlyValueHistory(db: Db, targetId: number): Promise<YearlyValueHistoryView> {
  const { measured } = await loadIndicator(db, targetId);
  const rows = await listIndicatorValues(db, [targetId]);
  const current = new Set(currentRows(rows).map((r) => r.id));
  return {
    targetId,
    rows: [...rows].reverse().map((r) => ({ ...valueView(r, measured.factor), current: current.has(r.id) })),
  };
}

/**
 * The indicator's value of a year from a linked annual target's approved report for the year's last
 * period: a level as reported; a 累计 total adds the year's figure to the total of the year before; a
 * 年均增长 or a decrease applies the reported growth rate (%) to the level of the year before.
 */
function valueFromFigure(
  m: Measured,
  annual: TargetRow,
  figure: number,
  previous: number | null,
  year: number,
): number {
  const ind = m.ind;
  const first = year - 1 === ind.baselineYear;
  const before = (atStart: number): number => {
    const p = first ? atStart : previous;
    if (p === null)
      throw bad(
        {
          zh: `${year - 1}年尚无年度值，无法由${year}年的报送值推算`,
          en: `there is no value for ${year - 1} to build ${year}'s value on`,
        },
        { field: "year", year },
      );
    return p;
  };
  if (annual.kind === "rate") {
    if (ind.form !== "annual_growth" && ind.form !== "decrease") throw cannotCombine(annual, m);
    const sign = annual.direction === "decrease" ? -1 : 1;
    return before(ind.baselineValue) * (1 + (sign * figure) / 100);
  }
  if (ind.form === "annual_growth" || ind.form === "decrease") throw cannotCombine(annual, m);
  // The same base unit on both sides (the link checked it): the figure in the indicator's shown unit.
  const shown = figure / m.factor;
  if (ind.form !== "cumulative") return shown;
  if (annual.kind !== "cumulative") throw cannotCombine(annual, m);
  return before(0) + shown;
}

function cannotCombine(annual: TargetRow, m: Measured): AppError {
  return bad(
    {
      zh: `年度目标“${annual.subject}”的报送值不能换算为指标“${m.target.subject}”的年度值`,
      en: `the reports of “${annual.subject}” cannot be turned into yearly values of “${m.target.subject}”`,
    },
    { field: "annualTargetId", annualTargetId: annual.id },
  );
}

/** POST /api/targets/:id/yearly-values/from-report */
export async function yearlyValueFromReport(
  db: Db,
  actor: Actor,
  targetId: number,
  request: YearlyValueFromReportRequest,
  lang: Lang,
): Promise<FiveYearIndicatorView> {
  const { plan, measured } = await loadIndicator(db, targetId);
  checkYearlyValue(measured.ind, request.year, 0);
  const linked = (await listLinkedAnnualTargets(db, [targetId])).filter(
    (l) =>
      (request.annualTargetId === undefined || l.annualTargetId === request.annualTargetId) &&
      (l.planYear ?? Number(l.periodStart.slice(0, 4))) === request.year,
  );
  if (linked.length !== 1)
    throw bad(
      linked.length === 0
        ? {
            zh: `指标“${measured.target.subject}”没有关联${request.year}年的年度目标`,
            en: `“${measured.target.subject}” has no linked annual target of ${request.year}`,
          }
        : {
            zh: `指标“${measured.target.subject}”关联了多个${request.year}年的年度目标，请选择一个`,
            en: `“${measured.target.subject}” has several linked annual targets of ${request.year}: choose one`,
          },
      { field: "annualTargetId", year: request.year },
    );
  const link = linked[0] as (typeof linked)[number];
  const annual = await getTargetRow(db, link.annualTargetId);
  if (!annual) throw notFound({ zh: "年度目标", en: "annual target" }, link.annualTargetId, "target");
  const yearEnd = `${request.year}-12-31`;
  const figure = (await approvedFigures(db, [annual.id])).filter((f) => f.periodEnd === yearEnd).at(-1);
  if (!figure)
    throw bad(
      {
        zh: `年度目标“${annual.subject}”尚无${request.year}年末经审核通过的报送`,
        en: `“${annual.subject}” has no approved report for the end of ${request.year}`,
      },
      { field: "year", year: request.year, annualTargetId: annual.id },
    );
  const rows = currentRows(await listIndicatorValues(db, [targetId]));
  const before = rows.find((r) => r.year === request.year - 1);
  const value = valueFromFigure(
    measured,
    annual,
    figure.value,
    before ? before.value / measured.factor : null,
    request.year,
  );
  const annualPlan = await getPlanRow(db, annual.plan_id);
  const sourceNote = `${annualPlan?.title ?? ""} ${annual.subject} ${figure.period}`.trim();
  await appendIndicatorValues(
    db,
    actor,
    plan.id,
    "indicator.value_from_report",
    [
      {
        targetId,
        year: request.year,
        value: value * measured.factor,
        source: "linked_report",
        sourceNote,
        reportId: figure.reportId,
      },
    ],
    {
      entity: "target",
      entityId: targetId,
      after: {
        year: request.year,
        value,
        source: "linked_report",
        reportId: figure.reportId,
        annualTargetId: annual.id,
      },
    },
  );
  return indicatorAsOf(db, targetId, request.year, lang);
}
