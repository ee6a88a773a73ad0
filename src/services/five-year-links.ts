// An annual plan's targets serve the five-year plan's indicators (issue 17): the planner links them,
// one at a time or by confirming suggestions for the whole annual plan on one screen (by subject
// similarity, unit and kind). Units that cannot be compared are refused (400 naming the unit, nothing
// written); a growth rate (增长6%) may serve a 年均增长 or a decrease indicator, whatever its level's unit.

import type { Kysely } from "kysely";
import type {
  FiveYearLinkCandidate,
  FiveYearLinkRequest,
  FiveYearLinkSuggestions,
  FiveYearLinksConfirmRequest,
  FiveYearLinksConfirmResult,
  FiveYearLinkView,
} from "../contract/five-year.ts";
import type { Actor } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import {
  deleteIndicatorLink,
  linksOfAnnualTargets,
  setIndicatorLinks,
} from "../db/indicator-links-repository.ts";
import { getPlanRow } from "../db/plans-repository.ts";
import type { Database, PlanRow, TargetRow } from "../db/schema.ts";
import { getTargetRows, listTargetRowsOfPlan } from "../db/targets-repository.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";
import type { IndicatorForm } from "../domain/five-year.ts";
import { checkLinkUnits, indicatorFormOf, unitsComparable } from "../domain/five-year-indicators.ts";
import { similarity } from "../reports/breakdown-match.ts";
import { type Lang, loadFiveYearPlan, notFound, planRefOf } from "./five-year.ts";

type Db = Kysely<Database>;

const formOf = (t: TargetRow): IndicatorForm => indicatorFormOf({ ...t, annualGrowth: t.annual_growth });

/** A growth rate serves a 年均增长 or a decrease; otherwise the units must be comparable. */
function linkProblem(annual: TargetRow, indicator: TargetRow): LocalText | null {
  const form = formOf(indicator);
  if (annual.kind === "milestone" || indicator.kind === "milestone")
    return { zh: "里程碑目标没有数值，不能关联指标", en: "a milestone has no figure to link" };
  if (annual.kind === "rate" && (form === "annual_growth" || form === "decrease")) return null;
  return checkLinkUnits(annual.unit, indicator.unit)?.message ?? null;
}

/** The kinds go together: a level with a level or ceiling, a 累计 with a 累计, a rate with a growth. */
function kindsMatch(annual: TargetRow, form: IndicatorForm): boolean {
  if (annual.kind === "rate") return form === "annual_growth" || form === "decrease";
  if (annual.kind === "cumulative") return form === "cumulative";
  return form === "level" || form === "ceiling";
}

async function loadAnnualTarget(db: Db, id: number): Promise<{ target: TargetRow; plan: PlanRow }> {
  const [target] = await getTargetRows(db, [id]);
  if (!target) throw notFound({ zh: "目标", en: "target" }, id, "target");
  const plan = await getPlanRow(db, target.plan_id);
  if (!plan) throw notFound({ zh: "计划", en: "plan" }, target.plan_id, "plan");
  if (plan.kind === "five_year")
    throw new AppError(
      "bad_input",
      {
        zh: `目标 ${id} 属于五年规划，只有年度计划的目标可以关联五年规划指标`,
        en: `target ${id} is of a five-year plan: only an annual plan's targets link to its indicators`,
      },
      { field: "targetId", id },
    );
  return { target, plan };
}

async function loadIndicatorTarget(db: Db, id: number): Promise<{ target: TargetRow; plan: PlanRow }> {
  const [target] = await getTargetRows(db, [id]);
  if (!target) throw notFound({ zh: "五年规划指标", en: "five-year indicator" }, id, "target");
  const plan = await getPlanRow(db, target.plan_id);
  if (plan?.kind !== "five_year" || !plan)
    throw new AppError(
      "bad_input",
      { zh: `目标 ${id} 不是五年规划的指标`, en: `target ${id} is not an indicator of a five-year plan` },
      { field: "indicatorId", id },
    );
  return { target, plan };
}

function refuseIfUnlinkable(annual: TargetRow, indicator: TargetRow): void {
  const problem = linkProblem(annual, indicator);
  if (problem)
    throw new AppError("bad_input", problem, {
      field: "unit",
      targetId: annual.id,
      indicatorId: indicator.id,
      unit: annual.unit,
      expected: indicator.unit,
    });
}

/** The annual target's link now. */
export async function fiveYearLinkOf(db: Db, annualTargetId: number): Promise<FiveYearLinkView> {
  const [link] = await linksOfAnnualTargets(db, [annualTargetId]);
  if (!link) return { targetId: annualTargetId, indicator: null };
  const { target, plan } = await loadIndicatorTarget(db, link.indicatorId);
  return {
    targetId: annualTargetId,
    indicator: {
      targetId: target.id,
      planId: plan.id,
      planTitle: plan.title,
      name: target.subject,
      unit: target.display_unit || target.unit,
    },
  };
}

/** POST /api/targets/:id/five-year-link */
export async function linkToIndicator(
  db: Db,
  actor: Actor,
  annualTargetId: number,
  request: FiveYearLinkRequest,
): Promise<FiveYearLinkView> {
  await inTransaction(db, async (trx) => {
    const annual = await loadAnnualTarget(trx, annualTargetId);
    const indicator = await loadIndicatorTarget(trx, request.indicatorId);
    refuseIfUnlinkable(annual.target, indicator.target);
    await setIndicatorLinks(trx, actor, annual.plan.id, [
      { annualTargetId, indicatorId: request.indicatorId },
    ]);
  });
  return fiveYearLinkOf(db, annualTargetId);
}

/** DELETE /api/targets/:id/five-year-link */
export async function unlinkFromIndicator(
  db: Db,
  actor: Actor,
  annualTargetId: number,
): Promise<FiveYearLinkView> {
  const { plan } = await loadAnnualTarget(db, annualTargetId);
  const removed = await deleteIndicatorLink(db, actor, plan.id, annualTargetId);
  if (removed === null)
    throw new AppError(
      "not_found",
      {
        zh: `目标 ${annualTargetId} 未关联五年规划指标`,
        en: `target ${annualTargetId} is linked to no five-year indicator`,
      },
      { targetId: annualTargetId },
    );
  return { targetId: annualTargetId, indicator: null };
}

const MIN_SIMILARITY = 0.3;
const MAX_CANDIDATES = 3;

function reasonOf(sim: number, sameUnit: boolean, sameKind: boolean, lang: Lang): string {
  const parts =
    lang === "zh"
      ? [
          sim >= 0.6 ? "名称相近" : "名称部分相同",
          sameUnit ? "单位相同" : "均为增速",
          sameKind ? "类型一致" : "",
        ]
      : [
          sim >= 0.6 ? "similar names" : "names partly alike",
          sameUnit ? "same unit" : "both rates of growth",
          sameKind ? "same kind" : "",
        ];
  return parts.filter(Boolean).join(lang === "zh" ? "，" : ", ");
}

/** The candidate indicators of one annual target, best first. */
export function candidatesFor(
  annual: TargetRow,
  indicators: readonly TargetRow[],
  lang: Lang,
): FiveYearLinkCandidate[] {
  if (annual.kind === "milestone") return [];
  return indicators
    .flatMap((ind) => {
      if (ind.kind === "milestone" || linkProblem(annual, ind)) return [];
      const sim = similarity(annual.subject, ind.subject);
      if (sim < MIN_SIMILARITY) return [];
      const sameUnit = unitsComparable(annual.unit, ind.unit);
      const sameKind = kindsMatch(annual, formOf(ind));
      const score = Math.round((0.6 * sim + 0.25 * Number(sameUnit) + 0.15 * Number(sameKind)) * 100) / 100;
      return [
        {
          indicatorId: ind.id,
          name: ind.subject,
          unit: ind.display_unit || ind.unit,
          score,
          reason: reasonOf(sim, sameUnit, sameKind, lang),
        },
      ];
    })
    .sort((a, b) => b.score - a.score || a.indicatorId - b.indicatorId)
    .slice(0, MAX_CANDIDATES);
}

/** GET /api/plans/:id/five-year-links/suggestions?fiveYearPlanId= */
export async function linkSuggestions(
  db: Db,
  annualPlanId: number,
  fiveYearPlanId: number,
  lang: Lang,
): Promise<FiveYearLinkSuggestions> {
  const annualPlan = await getPlanRow(db, annualPlanId);
  if (!annualPlan) throw notFound({ zh: "计划", en: "plan" }, annualPlanId, "plan");
  const fiveYear = await loadFiveYearPlan(db, fiveYearPlanId);
  const annualTargets = (await listTargetRowsOfPlan(db, annualPlanId)).filter((t) => t.kind !== "milestone");
  const indicators = (await listTargetRowsOfPlan(db, fiveYearPlanId)).filter((t) => t.kind !== "milestone");
  const links = new Map(
    (
      await linksOfAnnualTargets(
        db,
        annualTargets.map((t) => t.id),
      )
    ).map((l) => [l.annualTargetId, l.indicatorId]),
  );
  return {
    planId: annualPlanId,
    fiveYearPlan: planRefOf(fiveYear),
    rows: annualTargets.map((t) => ({
      targetId: t.id,
      subject: t.subject,
      unit: t.display_unit || t.unit,
      linkedIndicatorId: links.get(t.id) ?? null,
      candidates: candidatesFor(t, indicators, lang),
    })),
  };
}

/** POST /api/plans/:id/five-year-links — every link checked before any is written. */
export async function confirmLinks(
  db: Db,
  actor: Actor,
  annualPlanId: number,
  request: FiveYearLinksConfirmRequest,
): Promise<FiveYearLinksConfirmResult> {
  if (request.links.length === 0)
    throw new AppError(
      "bad_input",
      { zh: "请至少确认一项关联", en: "confirm at least one link" },
      { field: "links" },
    );
  const linked = await inTransaction(db, async (trx) => {
    for (const [i, link] of request.links.entries()) {
      const annual = await loadAnnualTarget(trx, link.targetId);
      if (annual.plan.id !== annualPlanId)
        throw new AppError(
          "bad_input",
          {
            zh: `第${i + 1}项：目标 ${link.targetId} 不属于计划 ${annualPlanId}`,
            en: `link ${i + 1}: target ${link.targetId} is not of plan ${annualPlanId}`,
          },
          { field: "links", index: i },
        );
      const indicator = await loadIndicatorTarget(trx, link.indicatorId);
      refuseIfUnlinkable(annual.target, indicator.target);
    }
    return setIndicatorLinks(
      trx,
      actor,
      annualPlanId,
      request.links.map((l) => ({ annualTargetId: l.targetId, indicatorId: l.indicatorId })),
    );
  });
  return { planId: annualPlanId, linked };
}
