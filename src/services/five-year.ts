// The five-year plan as the mid-term evaluation reads it (issue 17): each indicator judged as of a
// year from its yearly values (src/domain/five-year.ts), with the working in the reader's language,
// the target path, and the annual targets linked to it; the plan's tasks and 专栏 projects with their
// status. Figures are shown in each indicator's display unit (亿元), stored in its base unit (元).

import type { Kysely } from "kysely";
import type {
  FiveYearIndicatorView,
  FiveYearPlanRef,
  FiveYearTaskView,
  FiveYearView,
  LinkedAnnualTargetView,
  PlanKindRequest,
  YearlyValueView,
} from "../contract/five-year.ts";
import type { Actor } from "../db/audit-repository.ts";
import { getDepartmentsByIds } from "../db/departments-repository.ts";
import {
  type ApprovedFigureRow,
  approvedFigures,
  type LinkedAnnualRow,
  listLinkedAnnualTargets,
} from "../db/indicator-links-repository.ts";
import { type IndicatorValueRow, listIndicatorValues } from "../db/indicator-values-repository.ts";
import { listItemRowsOfPlan } from "../db/items-repository.ts";
import { listNodeRowsOfPlan } from "../db/outline-nodes-repository.ts";
import { getPlanRow, setPlanKind } from "../db/plans-repository.ts";
import { listReportsOfPlan, listRevisions } from "../db/reports-repository.ts";
import type { Database, OutlineNodeRow, PlanRow, TargetRow } from "../db/schema.ts";
import { listTargetRowsOfPlan } from "../db/targets-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";
import {
  type FiveYearIndicator,
  type FiveYearResult,
  type Judgement,
  judgeIndicator,
} from "../domain/five-year.ts";
import { indicatorOf, indicatorProblem, targetLevel, targetPath } from "../domain/five-year-indicators.ts";
import { displayFactor } from "../domain/target-display.ts";
import { TASK_LIGHTS, type TaskLight } from "../domain/task-lights.ts";
import { listTasks } from "./tasks.ts";

type Db = Kysely<Database>;
export type Lang = keyof LocalText;

export const JUDGEMENTS: readonly Judgement[] = [
  "met_early",
  "on_track",
  "needs_speed",
  "slow",
  "reverse",
  "no_data",
];
/** Worst first, for the cockpit's order. */
const SEVERITY: Record<Judgement, number> = {
  reverse: 0,
  slow: 1,
  needs_speed: 2,
  no_data: 3,
  on_track: 4,
  met_early: 5,
};

export function periodOfPlan(plan: Pick<PlanRow, "period_start" | "period_end">): {
  startYear: number;
  endYear: number;
} {
  return { startYear: Number(plan.period_start.slice(0, 4)), endYear: Number(plan.period_end.slice(0, 4)) };
}

export function planRefOf(plan: PlanRow): FiveYearPlanRef {
  return { id: plan.id, title: plan.title, ...periodOfPlan(plan) };
}

export function notFound(what: LocalText, id: number, entity: string): AppError {
  return new AppError(
    "not_found",
    { zh: `${what.zh} ${id} 不存在`, en: `${what.en} ${id} not found` },
    { entity, id },
  );
}

/** The plan, which must be a five-year plan. */
export async function loadFiveYearPlan(db: Db, planId: number): Promise<PlanRow> {
  const plan = await getPlanRow(db, planId);
  if (!plan) throw notFound({ zh: "计划", en: "plan" }, planId, "plan");
  if (plan.kind !== "five_year")
    throw new AppError(
      "bad_input",
      {
        zh: `计划 ${planId}《${plan.title}》不是五年规划`,
        en: `plan ${planId} “${plan.title}” is not a five-year plan`,
      },
      { field: "kind", planId },
    );
  return plan;
}

/** A target as an indicator, in the units it is shown in. */
export interface Measured {
  target: TargetRow;
  ind: FiveYearIndicator;
  /** Base unit ÷ shown unit (亿元: 1e8). */
  factor: number;
  problem: LocalText | null;
}

/**
 * The indicator of a five-year plan's target, figures in its display unit. A decrease (单位GDP能耗下降
 * 13.5%) and a 年均增长 given as a bare rate are judged on an index or level whose unit the target does
 * not name: their yearly values are taken as written, the baseline of a decrease defaulting to 100.
 */
export function measure(target: TargetRow, period: { startYear: number; endYear: number }): Measured {
  const bareRate = target.kind === "rate";
  const shownUnit = bareRate ? "" : target.display_unit || target.unit;
  const factor = bareRate ? 1 : displayFactor(target.unit, shownUnit);
  const scale = (v: number | null) => (v === null ? null : v / factor);
  const decrease = target.kind === "rate" && target.direction === "decrease";
  const source = {
    subject: target.subject,
    unit: shownUnit,
    kind: target.kind,
    comparator: target.comparator,
    direction: target.direction,
    value: bareRate ? target.value : scale(target.value),
    baseline: decrease ? (target.baseline ?? 100) : scale(target.baseline),
    attribute: target.attribute,
    baselineYear: target.baseline_year,
    targetYear: target.target_year,
    annualGrowth: target.annual_growth,
  };
  const ind = indicatorOf(source, period);
  return { target, ind, factor, problem: indicatorProblem(ind, source) };
}

/** The rows that count: the latest entered for each year. */
export function currentRows(rows: readonly IndicatorValueRow[]): IndicatorValueRow[] {
  const byYear = new Map<number, IndicatorValueRow>();
  for (const r of rows) {
    const had = byYear.get(r.year);
    if (!had || r.id > had.id) byYear.set(r.year, r);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export function valueView(r: IndicatorValueRow, factor: number): YearlyValueView {
  return {
    id: r.id,
    year: r.year,
    value: r.value / factor,
    source: r.source,
    sourceNote: r.sourceNote,
    by: r.enteredByName,
    at: r.enteredAt,
    reportId: r.reportId,
  };
}

function linkedView(l: LinkedAnnualRow, figures: readonly ApprovedFigureRow[]): LinkedAnnualTargetView {
  const own = figures.filter((f) => f.targetId === l.annualTargetId);
  const last = own[own.length - 1] ?? null;
  const factor = displayFactor(l.unit, l.displayUnit || l.unit);
  return {
    targetId: l.annualTargetId,
    planId: l.planId,
    planTitle: l.planTitle,
    year: l.planYear ?? Number(l.periodStart.slice(0, 4)),
    subject: l.subject,
    unit: l.displayUnit || l.unit,
    latestValue: last ? last.value / factor : null,
    latestPeriod: last ? last.period : null,
  };
}

/** What the view of one indicator is made of. */
export interface IndicatorFacts {
  measured: Measured;
  rows: readonly IndicatorValueRow[];
  linked: readonly LinkedAnnualRow[];
  figures: readonly ApprovedFigureRow[];
  area: string | null;
}

export function judgeMeasured(
  m: Measured,
  rows: readonly IndicatorValueRow[],
  asOfYear: number,
): FiveYearResult {
  const current = currentRows(rows).map((r) => ({ year: r.year, value: r.value / m.factor }));
  const result = judgeIndicator(m.ind, current, asOfYear);
  if (!m.problem) return result;
  return { ...result, judgement: "no_data", light: "grey", working: m.problem };
}

export function indicatorView(facts: IndicatorFacts, asOfYear: number, lang: Lang): FiveYearIndicatorView {
  const { measured: m } = facts;
  const t = m.target;
  const r = judgeMeasured(m, facts.rows, asOfYear);
  return {
    targetId: t.id,
    name: t.subject,
    statement: t.statement,
    unit: m.ind.unit,
    attribute: m.ind.attribute,
    form: m.ind.form,
    area: facts.area,
    baselineYear: m.ind.baselineYear,
    baselineValue: m.problem && t.baseline === null && m.ind.form !== "decrease" ? null : m.ind.baselineValue,
    targetYear: m.ind.targetYear,
    targetValue: t.value === null && t.annual_growth === null ? null : m.ind.targetValue,
    targetLevel: m.problem ? null : targetLevel(m.ind),
    values: currentRows(facts.rows).map((row) => valueView(row, m.factor)),
    judgement: r.judgement,
    light: r.light,
    method: r.method,
    judgedYear: r.year,
    judgedValue: r.value,
    ratio: r.ratio,
    achievedRate: r.achievedRate,
    requiredRate: r.requiredRate,
    neededRate: r.neededRate,
    progress: r.progress,
    elapsed: r.elapsed,
    projection: r.projection,
    willMeet: r.willMeet,
    working: r.working[lang],
    path: m.problem ? [] : targetPath(m.ind),
    linked: facts.linked.map((l) => linkedView(l, facts.figures)),
    problem: m.problem ? m.problem[lang] : null,
  };
}

/** The nearest area (or chapter) above each node, by node id. */
function areasOf(nodes: readonly OutlineNodeRow[]): Map<number, string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<number, string>();
  for (const n of nodes) {
    let at: OutlineNodeRow | undefined = n;
    while (at && at.kind !== "area" && at.kind !== "section")
      at = at.parent_id === null ? undefined : byId.get(at.parent_id);
    if (at) out.set(n.id, at.title);
  }
  return out;
}

/** Everything the five-year view of a plan is judged from. */
export interface FiveYearWorld {
  plan: PlanRow;
  period: { startYear: number; endYear: number };
  indicators: IndicatorFacts[];
  nodes: OutlineNodeRow[];
  areas: Map<number, string>;
}

export async function loadFiveYearWorld(db: Db, planId: number): Promise<FiveYearWorld> {
  const plan = await loadFiveYearPlan(db, planId);
  const period = periodOfPlan(plan);
  const targets = (await listTargetRowsOfPlan(db, planId)).filter(
    (t) => t.kind !== "milestone" && t.stopped_at === null,
  );
  const ids = targets.map((t) => t.id);
  const [values, linked, nodes] = await Promise.all([
    listIndicatorValues(db, ids),
    listLinkedAnnualTargets(db, ids),
    listNodeRowsOfPlan(db, planId),
  ]);
  const figures = await approvedFigures(
    db,
    linked.map((l) => l.annualTargetId),
  );
  const areas = areasOf(nodes);
  const indicators = targets.map((t) => ({
    measured: measure(t, period),
    rows: values.filter((v) => v.targetId === t.id),
    linked: linked.filter((l) => l.indicatorId === t.id),
    figures,
    area: t.node_id === null ? null : (areas.get(t.node_id) ?? null),
  }));
  return { plan, period, indicators, nodes, areas };
}

/** The year judged: the one asked (within the period), else the last year with a value. */
export function asOfYearOf(world: FiveYearWorld, year: number | undefined): number {
  const { startYear, endYear } = world.period;
  if (year !== undefined) {
    if (!Number.isInteger(year) || year < startYear || year > endYear)
      throw new AppError(
        "bad_input",
        {
          zh: `年份${year}不在规划期内（${startYear}—${endYear}年）`,
          en: `the year ${year} is outside the plan period (${startYear}–${endYear})`,
        },
        { field: "year", year, startYear, endYear },
      );
    return year;
  }
  const years = world.indicators.flatMap((i) => i.rows.map((r) => r.year)).filter((y) => y <= endYear);
  return years.length === 0 ? startYear : Math.max(startYear, ...years);
}

/** 约束性 first, then worst first, then in plan order. */
export function orderIndicators(views: FiveYearIndicatorView[]): FiveYearIndicatorView[] {
  return views
    .map((v, i) => ({ v, i }))
    .sort(
      (a, b) =>
        Number(b.v.attribute === "binding") - Number(a.v.attribute === "binding") ||
        SEVERITY[a.v.judgement] - SEVERITY[b.v.judgement] ||
        a.i - b.i,
    )
    .map((x) => x.v);
}

export function countJudgements(views: readonly { judgement: Judgement }[]): Record<Judgement, number> {
  const counts = Object.fromEntries(JUDGEMENTS.map((j) => [j, 0])) as Record<Judgement, number>;
  for (const v of views) counts[v.judgement]++;
  return counts;
}

function isDemo(plan: PlanRow): boolean {
  try {
    const settings = JSON.parse(plan.settings) as { demo?: unknown };
    return settings.demo === true || plan.title.includes("示例数据");
  } catch {
    return plan.title.includes("示例数据");
  }
}

/** The plan's tasks (their lights as of the year's end) and 专栏 projects (their latest report). */
async function tasksOf(
  db: Db,
  principal: Principal,
  world: FiveYearWorld,
  asOfYear: number,
  lang: Lang,
): Promise<FiveYearView["tasks"]> {
  const list = await listTasks(db, principal, world.plan.id, { asOf: `${asOfYear}-12-31` });
  const tasks: FiveYearTaskView[] = list.tasks.map((t) => ({
    id: t.nodeId,
    kind: "task",
    title: t.title,
    area: world.areas.get(t.nodeId) ?? null,
    leadDepartment: t.leadDepartment,
    state: t.state,
    status: t.status,
    working: t.working[lang],
    percent: t.percent,
  }));
  const items = await listItemRowsOfPlan(db, world.plan.id);
  const reports = (await listReportsOfPlan(db, world.plan.id)).filter(
    (r) => r.subject_type === "item" && r.period_end <= `${asOfYear}-12-31`,
  );
  const revisions = await listRevisions(
    db,
    reports.map((r) => r.id),
    { texts: true },
  );
  const departments = new Map(
    (
      await getDepartmentsByIds(
        db,
        items.flatMap((i) => (i.lead_department_id === null ? [] : [i.lead_department_id])),
      )
    ).map((d) => [d.id, d.name]),
  );
  const projects: FiveYearTaskView[] = items.map((item) => {
    const own = reports
      .filter((r) => r.item_id === item.id)
      .sort((a, b) => a.period_end.localeCompare(b.period_end));
    const latest = own
      .flatMap((r) => revisions.filter((v) => v.report_id === r.id && v.state !== "draft"))
      .at(-1);
    const status: TaskLight = !latest
      ? "not_reported"
      : latest.status_word === "已完成"
        ? "closed"
        : "on_track";
    const working =
      latest?.progress ||
      (latest
        ? { zh: "已报送进展", en: "progress reported" }[lang]
        : { zh: "尚无进展报送", en: "no progress reported yet" }[lang]);
    const lead = item.lead_department_id;
    return {
      id: item.id,
      kind: "project",
      title: item.name,
      area: item.node_id === null ? null : (world.areas.get(item.node_id) ?? null),
      leadDepartment: lead === null ? null : { id: lead, name: departments.get(lead) ?? "" },
      state: null,
      status,
      working,
      percent: latest?.percent ?? null,
    };
  });
  const all = [...tasks, ...projects];
  const counts = Object.fromEntries(TASK_LIGHTS.map((l) => [l, 0])) as Record<TaskLight, number>;
  for (const t of all) counts[t.status]++;
  return { counts, list: all };
}

/** GET /api/plans/:id/five-year?year= */
export async function fiveYearView(
  db: Db,
  principal: Principal,
  planId: number,
  year: number | undefined,
  lang: Lang,
): Promise<FiveYearView> {
  const world = await loadFiveYearWorld(db, planId);
  const asOfYear = asOfYearOf(world, year);
  const views = orderIndicators(world.indicators.map((f) => indicatorView(f, asOfYear, lang)));
  return {
    plan: planRefOf(world.plan),
    asOfYear,
    demo: isDemo(world.plan),
    counts: countJudgements(views),
    indicators: views,
    tasks: await tasksOf(db, principal, world, asOfYear, lang),
  };
}

/** POST /api/plans/:id/kind */
export async function changePlanKind(
  db: Db,
  actor: Actor,
  planId: number,
  request: PlanKindRequest,
): Promise<FiveYearPlanRef> {
  const plan = await getPlanRow(db, planId);
  if (!plan) throw notFound({ zh: "计划", en: "plan" }, planId, "plan");
  let periodStart = plan.period_start;
  let periodEnd = plan.period_end;
  if (request.kind === "five_year") {
    const { startYear, endYear } = request;
    if (startYear === undefined || endYear === undefined)
      throw new AppError(
        "bad_input",
        { zh: "五年规划须给出起止年份", en: "a five-year plan needs its first and last year" },
        { field: startYear === undefined ? "startYear" : "endYear" },
      );
    if (endYear <= startYear)
      throw new AppError(
        "bad_input",
        {
          zh: `规划期末年${endYear}年须晚于起始年${startYear}年`,
          en: `the last year ${endYear} must come after the first year ${startYear}`,
        },
        { field: "endYear" },
      );
    periodStart = `${startYear}-01-01`;
    periodEnd = `${endYear}-12-31`;
  }
  await setPlanKind(db, actor, plan, { kind: request.kind, periodStart, periodEnd });
  const after = await getPlanRow(db, planId);
  if (!after) throw notFound({ zh: "计划", en: "plan" }, planId, "plan");
  return planRefOf(after);
}
