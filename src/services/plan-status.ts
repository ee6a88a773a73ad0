// How the plan stands as of a date: every target judged on the revisions approved by then
// (evaluateAsOf), rolled up by plan, area, group and department, and departments ranked by completion
// and by reports on time. A granted extension moves a period's due date, so a missing report is
// not_reported only after the new date.

import type { PeriodView, StatusWord } from "../contract/reports.ts";
import type {
  DistrictValueView,
  EvaluationView,
  PlanStatusView,
  RollupGroupView,
  SubjectStatusView,
  TargetEvaluationView,
  TargetStatusView,
} from "../contract/status.ts";
import type { RevisionRow } from "../db/reports-repository.ts";
import { listDistrictTargets, listLinksOfParents } from "../db/target-links-repository.ts";
import { getTargetValue } from "../db/targets-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { sumDistricts } from "../domain/district-rollup.ts";
import {
  type Evaluation,
  evaluateAsOf,
  evaluatePeriod,
  type ReportedValue,
  STATUS_WORDS,
  schedulePhrase,
  type TargetRule,
} from "../domain/evaluation.ts";
import type { ReportingPeriod } from "../domain/periods.ts";
import { approvedAsOfBy } from "../domain/revisions.ts";
import { type DepartmentScore, type RollupInput, rankDepartments, rollup } from "../domain/rollup.ts";
import { evaluateTaskAsOf, type TaskReport } from "../domain/task-evaluation.ts";
import { mayReadRow } from "./report-visibility.ts";
import {
  buildReportView,
  type Db,
  dueInForce,
  extensionKey,
  firstSubmittedAt,
  loadPlanWorld,
  loadSubject,
  type PlanWorld,
  periodsOf,
  periodView,
  reportKey,
  revisionCutoff,
  type Subject,
  today,
} from "./reporting-context.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkAsOf(asOf: string | undefined, fallback: string): string {
  if (asOf === undefined || asOf === "") return fallback;
  if (!ISO_DATE.test(asOf) || Number.isNaN(Date.parse(asOf)))
    throw new AppError(
      "bad_input",
      { zh: `日期格式应为 年-月-日（如 2020-06-30）：${asOf}`, en: `asOf must be YYYY-MM-DD: ${asOf}` },
      {
        field: "asOf",
      },
    );
  return asOf;
}

/**
 * The date a plan is read at and its revision cut-off: the date asked for; unasked, today — or for
 * demo data its fixed date, with every revision made since counting too.
 */
export function readingClock(world: PlanWorld, asOfParam?: string): { world: PlanWorld; asOf: string } {
  const asOf = checkAsOf(asOfParam, defaultAsOf(world));
  const demoClock = !asOfParam && world.settings.demo && world.settings.demoAsOf !== null;
  return { world: demoClock ? { ...world, knownBy: new Date().toISOString() } : world, asOf };
}

/** The latest revision of a report approved by the cut-off. */
export function latestApproved(world: PlanWorld, reportId: number, asOf: string): RevisionRow | null {
  return approvedAsOfBy(world.revisions.get(reportId) ?? [], revisionCutoff(world, asOf), (r) =>
    r.state === "approved" ? r.created_at : null,
  );
}

/** The default "as of": today, or the fixed date of the demo data. */
export function defaultAsOf(world: Pick<PlanWorld, "settings">): string {
  return world.settings.demo && world.settings.demoAsOf ? world.settings.demoAsOf : today();
}

export type WorldTarget = PlanWorld["targets"][number];

export function ruleOf(t: WorldTarget): TargetRule {
  return {
    kind: t.row.kind,
    comparator: t.row.comparator,
    direction: t.row.direction,
    value: t.row.value,
    value2: t.row.value2,
    unit: t.row.unit,
    baseline: t.row.baseline,
  };
}

export function reportedOf(t: WorldTarget, r: RevisionRow): ReportedValue {
  if (t.row.kind === "milestone") {
    const percent = r.percent ?? r.value;
    return { value: percent, done: (percent !== null && percent >= 100) || r.status_word === "已完成" };
  }
  return { value: r.value };
}

// Built once per plan read: a plan's calendars by frequency, and its requests for more time by subject
// and period. Judging hundreds of subjects otherwise recomputes the same periods and rescans every
// request for each period of each subject. Keyed by the loaded plan row and extension list, which a
// reading clock's copy of the world shares.
const calendars = new WeakMap<PlanWorld["plan"], Map<string, ReportingPeriod[]>>();
const extensionIndex = new WeakMap<PlanWorld["extensions"], Map<string, PlanWorld["extensions"]>>();

function calendarPeriods(world: PlanWorld, frequency: WorldTarget["frequency"]): ReportingPeriod[] {
  let byFrequency = calendars.get(world.plan);
  if (!byFrequency) {
    byFrequency = new Map();
    calendars.set(world.plan, byFrequency);
  }
  const key = `${frequency}|${world.settings.dueDay}`;
  let periods = byFrequency.get(key);
  if (!periods) {
    periods = periodsOf(world.plan, frequency, world.settings.dueDay);
    byFrequency.set(key, periods);
  }
  return periods;
}

/** The plan's requests for more time about one subject and period (dueInForce picks among them). */
function extensionsOf(world: PlanWorld, subject: string, period: string): PlanWorld["extensions"] {
  let index = extensionIndex.get(world.extensions);
  if (!index) {
    index = new Map();
    for (const e of world.extensions) {
      const k = `${extensionKey(e)}|${e.period}`;
      const list = index.get(k);
      if (list) list.push(e);
      else index.set(k, [e]);
    }
    extensionIndex.set(world.extensions, index);
  }
  return index.get(`${subject}|${period}`) ?? [];
}

/** A target's calendar with the due dates in force as of the date. */
export function calendarOf(world: PlanWorld, t: WorldTarget, asOf: string): ReportingPeriod[] {
  return calendarPeriods(world, t.frequency).map((p) => ({
    ...p,
    due: dueInForce(extensionsOf(world, `target:${t.id}`, p.key), `target:${t.id}`, p.key, p.due, asOf),
  }));
}

function approvedRevisionsAsOf(world: PlanWorld, t: WorldTarget, asOf: string) {
  const out: Record<string, RevisionRow> = {};
  for (const p of calendarPeriods(world, t.frequency)) {
    const report = world.reports.get(reportKey(`target:${t.id}`, p.key));
    if (!report) continue;
    const chosen = latestApproved(world, report.id, asOf);
    if (chosen) out[p.key] = chosen;
  }
  return out;
}

function evaluationView(e: Evaluation, period: ReportingPeriod | null): EvaluationView {
  return {
    status: e.status,
    statusWord: STATUS_WORDS[e.status],
    completion: e.completion,
    expectedShare: e.expectedShare,
    gapPoints: e.gapPoints,
    phrase: e.gapPoints === null ? null : schedulePhrase(e.gapPoints),
    period: period ? periodView(period) : null,
    working: { ...e.working },
  };
}

interface Judged {
  view: TargetStatusView;
  periods: ReportingPeriod[];
  approved: Record<string, RevisionRow>;
}

function ancestors(
  world: PlanWorld,
  nodeId: number | null,
): { areaId: number | null; groupId: number | null } {
  let areaId: number | null = null;
  let groupId: number | null = null;
  let cursor = nodeId === null ? undefined : world.nodes.get(nodeId);
  let guard = 0;
  while (cursor && guard++ < 20) {
    if (cursor.kind === "area" && areaId === null) areaId = cursor.id;
    if (cursor.kind === "group" && groupId === null) groupId = cursor.id;
    cursor = cursor.parentId === null ? undefined : world.nodes.get(cursor.parentId);
  }
  return { areaId, groupId };
}

function judge(world: PlanWorld, t: WorldTarget, asOf: string): Judged {
  const periods = calendarOf(world, t, asOf);
  const approved = approvedRevisionsAsOf(world, t, asOf);
  const reported: Record<string, ReportedValue> = {};
  for (const [key, r] of Object.entries(approved)) reported[key] = reportedOf(t, r);
  const e = evaluateAsOf(ruleOf(t), periods, reported, asOf, {
    thresholds: world.settings.thresholds,
    planned: world.planned.get(t.id) ?? {},
  });
  const judgedKey = e.period?.key;
  const value = judgedKey
    ? approved[judgedKey]
      ? reportedOf(t, approved[judgedKey] as RevisionRow).value
      : null
    : null;
  const { areaId, groupId } = ancestors(world, t.row.node_id);
  const lead = t.leadDepartmentId;
  return {
    periods,
    approved,
    view: {
      targetId: t.id,
      subject: t.title,
      display: t.display ?? "",
      statement: t.statement ?? t.title,
      kind: t.row.kind,
      unit: t.row.unit,
      displayUnit: t.row.display_unit,
      nodeId: t.row.node_id,
      areaId,
      groupId,
      department: lead === null ? null : (world.names.departments.get(lead) ?? null),
      weight: t.row.weight ?? 1,
      attribute: t.row.attribute ?? null,
      value,
      evaluation: evaluationView(e, e.period),
    },
  };
}

function rollupInput(v: TargetStatusView): RollupInput {
  // Only numeric targets enter the completion index; milestones are counted by status.
  return {
    status: v.evaluation.status,
    completion: v.kind === "milestone" ? null : v.evaluation.completion,
    weight: v.weight,
  };
}

/** Where a target sits: what the roll-ups group by. */
type Placement = Pick<TargetStatusView, "areaId" | "groupId" | "department">;

/** A stopped (中止) target's place, for counting it apart; it is not judged. */
function placementOf(world: PlanWorld, t: WorldTarget): Placement {
  const lead = t.leadDepartmentId;
  return {
    ...ancestors(world, t.row.node_id),
    department: lead === null ? null : (world.names.departments.get(lead) ?? null),
  };
}

/** A target as the roll-ups take it: where it sits and what it counts as. */
interface RollupEntry {
  place: Placement;
  input: RollupInput;
}

function groupBy(
  entries: readonly RollupEntry[],
  keyOf: (p: Placement) => number | null,
  titleOf: (id: number) => string,
): RollupGroupView[] {
  const groups = new Map<number, RollupInput[]>();
  for (const e of entries) {
    const k = keyOf(e.place);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), e.input]);
  }
  return [...groups.entries()].map(([id, inputs]) => ({ id, title: titleOf(id), rollup: rollup(inputs) }));
}

/** A task or an item as of the date: its approved reports by period, judged on word or percent. */
function judgeSubject(world: PlanWorld, s: Subject, asOf: string): SubjectStatusView {
  const key = `${s.kind === "node" ? "task" : "item"}:${s.id}`;
  const periods = calendarPeriods(world, s.frequency).map((p) => ({
    ...p,
    due: dueInForce(extensionsOf(world, key, p.key), key, p.key, p.due, asOf),
  }));
  const reports: Record<string, TaskReport> = {};
  for (const p of periods) {
    const report = world.reports.get(reportKey(key, p.key));
    if (!report) continue;
    const chosen = latestApproved(world, report.id, asOf);
    if (chosen) reports[p.key] = { statusWord: chosen.status_word, percent: chosen.percent ?? chosen.value };
  }
  const e = evaluateTaskAsOf(periods, reports, asOf, { thresholds: world.settings.thresholds });
  const judged = e.period ? reports[e.period.key] : undefined;
  const nodeId = s.nodeId ?? null;
  const { areaId, groupId } = ancestors(world, nodeId);
  const lead = s.leadDepartmentId;
  return {
    kind: s.kind === "node" ? "node" : "item",
    id: s.id,
    title: s.title,
    nodeId,
    areaId,
    groupId,
    department: lead === null ? null : (world.names.departments.get(lead) ?? null),
    statusWord: (judged?.statusWord ?? null) as StatusWord | null,
    percent: judged?.percent ?? null,
    evaluation: evaluationView(e, e.period),
  };
}

/** Reports due by `asOf` for a target (due date passed) and how many were first submitted by their due date. */
function onTime(world: PlanWorld, t: WorldTarget, periods: ReportingPeriod[], asOf: string) {
  let due = 0;
  let inTime = 0;
  // Came at all by the date, late or not: a department that sent nothing ranks apart.
  let came = 0;
  for (const p of periods) {
    if (p.due >= asOf) continue;
    due++;
    const report = world.reports.get(reportKey(`target:${t.id}`, p.key));
    const first = report
      ? firstSubmittedAt(world.revisions.get(report.id) ?? [], revisionCutoff(world, asOf))
      : null;
    if (first !== null) came++;
    if (first !== null && first.slice(0, 10) <= p.due) inTime++;
  }
  return { due, inTime, came };
}

export async function planStatus(db: Db, planId: number, asOfParam?: string): Promise<PlanStatusView> {
  const { world, asOf } = readingClock(await loadPlanWorld(db, planId, { texts: false }), asOfParam);
  const view = statusOfWorld(world, asOf);
  await addDistricts(db, view.targets, asOf);
  return view;
}

/**
 * City targets with linked district targets get their roll-up: each district target judged in its own
 * plan as of the same date, with its latest approved value; cumulative values summed, others listed.
 */
export async function addDistricts(db: Db, views: TargetStatusView[], asOf: string): Promise<void> {
  const links = await listLinksOfParents(
    db,
    views.map((v) => v.targetId),
  );
  if (links.length === 0) return;
  const childIds = links.map((l) => l.childTargetId);
  const rows = await listDistrictTargets(db, childIds);
  const info = new Map(rows.map((r) => [r.id, r]));
  const worlds = new Map<number, PlanWorld>();
  for (const r of rows)
    if (!worlds.has(r.plan_id)) worlds.set(r.plan_id, await loadPlanWorld(db, r.plan_id, { texts: false }));
  const districtOf = (childId: number): DistrictValueView | null => {
    const r = info.get(childId);
    const world = r ? worlds.get(r.plan_id) : undefined;
    const t = world?.targets.find((x) => x.id === childId);
    if (!r || !world || !t) return null;
    const j = judge(world, t, asOf);
    const keys = Object.keys(j.approved);
    const lastKey = keys[keys.length - 1];
    const last = lastKey === undefined ? undefined : j.approved[lastKey];
    return {
      targetId: childId,
      planId: r.plan_id,
      planTitle: r.planTitle,
      region: r.regionId === null || r.regionName === null ? null : { id: r.regionId, name: r.regionName },
      subject: t.title,
      display: t.display ?? "",
      unit: t.row.unit,
      kind: t.row.kind,
      value: last ? reportedOf(t, last).value : null,
      period: lastKey ?? null,
      evaluation: j.view.evaluation,
    };
  };
  for (const v of views) {
    const mine = links.filter((l) => l.parentTargetId === v.targetId);
    if (mine.length === 0) continue;
    const districts = mine
      .map((l) => districtOf(l.childTargetId))
      .filter((d): d is DistrictValueView => d !== null);
    const cityValue = await getTargetValue(db, v.targetId);
    const sum = sumDistricts(
      v.kind,
      cityValue?.value ?? null,
      districts.map((d) => d.value),
    );
    v.districts = { ...sum, districts };
  }
}

export function statusOfWorld(world: PlanWorld, asOf: string): PlanStatusView {
  // A stopped (中止) target is kept but not judged: it owes no reports, and it is counted apart.
  const judged = world.targets
    .filter((t) => t.row.stopped_at === null)
    .map((t) => ({ t, ...judge(world, t, asOf) }));
  const views = judged.map((j) => j.view);
  const entries: RollupEntry[] = [
    ...views.map((v) => ({ place: v, input: rollupInput(v) })),
    ...world.targets
      .filter((t) => t.row.stopped_at !== null)
      .map((t) => ({
        place: placementOf(world, t),
        input: { status: "stopped" as const, completion: null },
      })),
  ];
  const nodeTitle = (id: number) => world.nodes.get(id)?.title ?? "";
  const deptName = (id: number) => world.names.departments.get(id)?.name ?? "";
  const scores = new Map<number, DepartmentScore>();
  for (const j of judged) {
    const lead = j.t.leadDepartmentId;
    if (lead === null) continue;
    const s = scores.get(lead) ?? {
      departmentId: lead,
      name: deptName(lead),
      completionIndex: null,
      reportsDue: 0,
      reportsOnTime: 0,
      reportsIn: 0,
      farBehind: 0,
      behind: 0,
    };
    const o = onTime(world, j.t, j.periods, asOf);
    s.reportsDue += o.due;
    s.reportsOnTime += o.inTime;
    s.reportsIn += o.came;
    if (j.view.evaluation.status === "far_behind") s.farBehind++;
    if (j.view.evaluation.status === "behind") s.behind++;
    scores.set(lead, s);
  }
  const departments = groupBy(entries, (v) => v.department?.id ?? null, deptName);
  for (const d of departments) {
    const s = scores.get(d.id);
    if (s) s.completionIndex = d.rollup.completionIndex;
  }
  const planPeriods = periodsOf(world.plan, world.settings.frequency, world.settings.dueDay);
  let last: ReportingPeriod | null = null;
  for (const p of planPeriods) if (p.end <= asOf) last = p;
  return {
    planId: world.plan.id,
    asOf,
    period: last ? periodView(last) : null,
    demo: world.settings.demo,
    targets: views,
    tasks: [...world.subjects.values()]
      .filter((s) => s.kind === "node")
      .map((s) => judgeSubject(world, s, asOf)),
    items: [...world.subjects.values()]
      .filter((s) => s.kind === "item")
      .map((s) => judgeSubject(world, s, asOf)),
    plan: rollup(entries.map((e) => e.input)),
    areas: groupBy(entries, (v) => v.areaId, nodeTitle),
    groups: groupBy(entries, (v) => v.groupId, nodeTitle),
    departments,
    rankings: rankDepartments([...scores.values()]).map((r) => ({
      department: { id: r.departmentId, name: r.name },
      completionIndex: r.completionIndex,
      reportsDue: r.reportsDue,
      reportsOnTime: r.reportsOnTime,
      onTimeRate: r.onTimeRate,
      completionRank: r.completionRank,
      onTimeRank: r.onTimeRank,
      reportsIn: r.reportsIn,
      farBehind: r.farBehind,
      behind: r.behind,
      rank: r.rank,
      rankReason: r.rankReason,
    })),
  };
}

/**
 * GET /api/targets/:id/evaluation — the status as of the date and at the end of every period. The
 * judgement is the record, every reader's; each period's report only to a `viewer` who may read it
 * (src/services/report-visibility.ts). No viewer: the office's view.
 */
export async function targetEvaluation(
  db: Db,
  targetId: number,
  asOfParam?: string,
  viewer?: Principal,
): Promise<TargetEvaluationView> {
  const subject = await loadSubject(db, "target", targetId);
  const { world, asOf } = readingClock(await loadPlanWorld(db, subject.planId, { texts: false }), asOfParam);
  const t = world.targets.find((x) => x.id === targetId) as WorldTarget;
  const j = judge(world, t, asOf);
  await addDistricts(db, [j.view], asOf);
  const finalKey = j.periods[j.periods.length - 1]?.key;
  const planned = world.planned.get(t.id) ?? {};
  const options = { thresholds: world.settings.thresholds, planned };
  return {
    asOf,
    target: j.view,
    thresholds: world.settings.thresholds,
    periods: j.periods.map((p) => {
      const report = world.reports.get(reportKey(`target:${t.id}`, p.key));
      const cutoff = revisionCutoff(world, asOf);
      const limit = cutoff.length === 10 ? `${cutoff}T23:59:59.999Z` : cutoff;
      const known = report ? (world.revisions.get(report.id) ?? []).filter((r) => r.created_at <= limit) : [];
      const revision = j.approved[p.key];
      let e: Evaluation;
      if (revision) e = evaluatePeriod(ruleOf(t), reportedOf(t, revision), p, p.key === finalKey, options);
      else {
        // Judge this one period alone: missing once its due date has passed, else not yet started.
        const alone = evaluateAsOf(ruleOf(t), [p], {}, p.end > asOf ? p.start : asOf, options);
        e = alone;
      }
      const view: PeriodView = periodView(p);
      const readable =
        viewer === undefined ||
        (report !== undefined &&
          mayReadRow(viewer, { departmentId: report.department_id, subjectDepartmentIds: t.departmentIds }));
      return {
        period: view,
        planned: planned[p.key] ?? null,
        report:
          report && known.length > 0 && readable
            ? buildReportView(
                { ...report, state: (known[known.length - 1] as RevisionRow).state },
                known,
                t,
                p,
                p.due,
                world.names,
                asOf,
              )
            : null,
        evaluation: evaluationView(e, p.end <= asOf ? p : null),
      };
    }),
  };
}
