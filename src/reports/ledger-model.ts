// The ledger (台账) of a plan as of a reporting period: a row for every task, followed by a row for each
// of its targets, grouped in sheets by area, with each period's approved value, completion and
// status, and the latest 进展情况 / 存在问题 / 下步打算; a task's row also carries its lifecycle's
// 完成时限, 节点, 亮灯 and newest approved 进展 (ledger-tasks.ts). Pure: it reads a loaded PlanWorld and
// judges with the domain's rules (evaluation.ts, task-evaluation.ts, revisions.ts), so the ledger says
// what the web says.

import type { RevisionRow } from "../db/reports-repository.ts";
import {
  type EvaluateOptions,
  type Evaluation,
  evaluateAsOf,
  evaluatePeriod,
  type ReportedValue,
  STATUS_WORDS,
  type TargetRule,
  type TargetStatus,
} from "../domain/evaluation.ts";
import type { ReportingPeriod } from "../domain/periods.ts";
import { approvedAsOf } from "../domain/revisions.ts";
import { type Rollup, type RollupInput, rollup } from "../domain/rollup.ts";
import { displayFactor } from "../domain/target-display.ts";
import { evaluateTaskAsOf, type TaskReport } from "../domain/task-evaluation.ts";
import type { TaskLight } from "../domain/task-lights.ts";
import {
  dueInForce,
  type PlanWorld,
  periodsOf,
  reportKey,
  revisionCutoff,
  type Subject,
} from "../services/reporting-context.ts";
import type { LedgerTaskColumns } from "./ledger-tasks.ts";

export const LEDGER_STATUSES: readonly TargetStatus[] = [
  "completed",
  "on_track",
  "behind",
  "far_behind",
  "not_reported",
  "not_started",
];

/** A column group of the ledger: one reporting period of the plan's calendar. */
export interface LedgerPeriod {
  key: string;
  /** 1月, 一季度 */
  label: string;
  end: string;
}

export interface LedgerCell {
  /** The period key of the row's own calendar (a quarterly target under a monthly plan: 2020-Q1). */
  periodKey: string | null;
  /** The approved value in the display unit; a milestone's percent. */
  value: number | null;
  /** A task's approved status word (未启动, 推进中, 已完成, 受阻). */
  word: string | null;
  /** Share, 1 = 100%. */
  completion: number | null;
  /** Null where the row has no report for this column (a quarterly target in a month that ends no quarter). */
  status: TargetStatus | null;
}

export type LedgerRowKind = "target" | "task";

export interface LedgerRow {
  /** Stable id for re-import: target:12, task:34. */
  id: string;
  kind: LedgerRowKind;
  subjectId: number;
  seq: number;
  task: string;
  indicator: string;
  /** The target as the plan writes it, in the display unit (106), or "" for tasks and milestones. */
  targetValue: number | null;
  targetText: string;
  unit: string;
  /** Base units per display unit (亿元 → 1e8): file values × factor = stored values. */
  factor: number;
  targetKind: string | null;
  lead: string;
  co: string;
  /** A target's due date in words; a task's 完成时限 as written (or its date; "" when none is set). */
  deadline: string;
  cells: LedgerCell[];
  /** The period whose report the three texts come from (the latest approved at or before the ledger's period). */
  textPeriod: string | null;
  progress: string;
  problems: string;
  nextSteps: string;
  /** A task's 节点 in words; "" for a target (its task's row says it). */
  milestones: string;
  /** A task's 亮灯 as of the ledger's date and its word; null and "" for a target. */
  light: TaskLight | null;
  lightWord: string;
  /** A task's newest approved 进展, whatever its period; "" for a target. */
  latestProgress: string;
}

/** After the texts: a task's 节点, its light (状态) and its newest approved 进展 — read-only. */
export const TASK_HEADERS = ["节点", "状态", "最新进展"] as const;

/** The lifecycle's columns of a row that is no task (or of a task the caller gave none for). */
const NO_TASK_COLUMNS = { milestones: "", light: null, lightWord: "", latestProgress: "" } as const;

export interface LedgerSheet {
  /** The area (or section) title. */
  title: string;
  rows: LedgerRow[];
}

export interface LedgerCountRow {
  name: string;
  counts: Record<TargetStatus, number>;
  total: number;
  completionIndex: number | null;
}

export interface Ledger {
  planId: number;
  planTitle: string;
  year: number | null;
  period: LedgerPeriod;
  asOf: string;
  periods: LedgerPeriod[];
  sheets: LedgerSheet[];
  summary: { total: LedgerCountRow; areas: LedgerCountRow[]; departments: LedgerCountRow[] };
}

const QUARTERS = ["一季度", "二季度", "三季度", "四季度"];

export function periodLabel(p: Pick<ReportingPeriod, "key">): string {
  const q = /-Q(\d)$/.exec(p.key);
  if (q) return QUARTERS[Number(q[1]) - 1] ?? p.key;
  return `${Number(p.key.slice(5, 7))}月`;
}

/** 2020-12-31 → 2020年12月底; 2020-06-15 → 2020年6月15日. */
export function deadlineText(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d === last ? `${y}年${m}月底` : `${y}年${m}月${d}日`;
}

type WorldTarget = PlanWorld["targets"][number];

/** 106, 14.1, 0.5 — plain digits; Intl formatting (formatNumber) costs more than the rest of a row. */
function plain(x: number): string {
  return String(Number(x.toPrecision(12)));
}

function ruleOf(t: WorldTarget): TargetRule {
  const r = t.row;
  return {
    kind: r.kind,
    comparator: r.comparator,
    direction: r.direction,
    value: r.value,
    value2: r.value2,
    unit: r.unit,
    baseline: r.baseline,
  };
}

function approvedOf(
  world: PlanWorld,
  subjectKey: string,
  period: string,
  cutoff: string,
): RevisionRow | null {
  const report = world.reports.get(reportKey(subjectKey, period));
  if (!report) return null;
  const revisions = world.revisions.get(report.id) ?? [];
  // An approved revision is approved when it was written; the others never count.
  const chosen = approvedAsOf(
    revisions.map((r, i) => ({
      revision: r.revision,
      state: r.state,
      approvedAt: r.state === "approved" ? r.created_at : null,
      i,
    })),
    cutoff,
  );
  return chosen ? (revisions[chosen.i] ?? null) : null;
}

function reportedValue(t: WorldTarget, r: RevisionRow): ReportedValue {
  if (t.row.kind === "milestone") {
    const percent = r.percent ?? r.value;
    return { value: percent, done: (percent !== null && percent >= 100) || r.status_word === "已完成" };
  }
  return { value: r.value };
}

const calendars = new WeakMap<PlanWorld, Map<string, ReportingPeriod[]>>();

/** The plan's calendar of a frequency, computed once per loaded plan (every row shares it). */
function calendarOf(world: PlanWorld, frequency: Subject["frequency"]): ReportingPeriod[] {
  let byFrequency = calendars.get(world);
  if (!byFrequency) {
    byFrequency = new Map();
    calendars.set(world, byFrequency);
  }
  let calendar = byFrequency.get(frequency);
  if (!calendar) {
    calendar = periodsOf(world.plan, frequency, world.settings.dueDay);
    byFrequency.set(frequency, calendar);
  }
  return calendar;
}

/** The subject's period that ends with the ledger column (a quarter ends with its third month). */
function periodAt(calendar: readonly ReportingPeriod[], column: LedgerPeriod): ReportingPeriod | undefined {
  return calendar.find((p) => p.end === column.end);
}

interface Texts {
  textPeriod: string | null;
  progress: string;
  problems: string;
  nextSteps: string;
}

function latestTexts(approved: readonly { key: string; r: RevisionRow }[]): Texts {
  const last = approved[approved.length - 1];
  return last
    ? {
        textPeriod: last.key,
        progress: last.r.progress ?? "",
        problems: last.r.problems ?? "",
        nextSteps: last.r.next_steps ?? "",
      }
    : { textPeriod: null, progress: "", problems: "", nextSteps: "" };
}

function departmentsOf(world: PlanWorld, s: Subject): { lead: string; co: string } {
  const name = (id: number) => world.names.departments.get(id)?.name ?? "";
  return {
    lead: s.leadDepartmentId === null ? "" : name(s.leadDepartmentId),
    co: s.departmentIds
      .filter((id) => id !== s.leadDepartmentId)
      .map(name)
      .filter((n) => n !== "")
      .join("、"),
  };
}

function targetRow(
  world: PlanWorld,
  t: WorldTarget,
  columns: readonly LedgerPeriod[],
  asOf: string,
  taskTitle: string,
): LedgerRow {
  const calendar = calendarOf(world, t.frequency).map((p) => ({
    ...p,
    due: dueInForce(world.extensions, `target:${t.id}`, p.key, p.due, asOf),
  }));
  const finalKey = calendar[calendar.length - 1]?.key;
  const options: EvaluateOptions = {
    thresholds: world.settings.thresholds,
    planned: world.planned.get(t.id) ?? {},
  };
  const cutoff = revisionCutoff(world, asOf);
  const milestone = t.row.kind === "milestone";
  const factor = milestone ? 1 : displayFactor(t.row.unit, t.row.display_unit || t.row.unit);
  const approved: { key: string; r: RevisionRow }[] = [];
  const cells = columns.map((column): LedgerCell => {
    const p = periodAt(calendar, column);
    if (!p) return { periodKey: null, value: null, word: null, completion: null, status: null };
    const r = approvedOf(world, `target:${t.id}`, p.key, cutoff);
    let e: Evaluation;
    if (r) {
      approved.push({ key: p.key, r });
      e = evaluatePeriod(ruleOf(t), reportedValue(t, r), p, p.key === finalKey, options);
    } else e = evaluateAsOf(ruleOf(t), [p], {}, p.end > asOf ? p.start : asOf, options);
    const reported = r ? reportedValue(t, r).value : null;
    return {
      periodKey: p.key,
      value: reported === null ? null : Number((reported / factor).toPrecision(12)),
      word: r?.status_word ?? null,
      completion: e.completion,
      status: e.status,
    };
  });
  const due = t.row.due_date ?? world.plan.period_end;
  return {
    id: `target:${t.id}`,
    kind: "target",
    subjectId: t.id,
    seq: 0,
    task: taskTitle,
    indicator: t.title,
    targetValue: milestone || t.row.value === null ? null : Number((t.row.value / factor).toPrecision(12)),
    targetText:
      milestone || t.row.value === null
        ? ""
        : t.row.value2 === null
          ? plain(t.row.value / factor)
          : `${plain(t.row.value / factor)}-${plain(t.row.value2 / factor)}`,
    unit: milestone ? "%" : t.row.display_unit || t.row.unit,
    factor,
    targetKind: t.row.kind,
    ...departmentsOf(world, t),
    deadline: deadlineText(due),
    cells,
    ...latestTexts(approved),
    ...NO_TASK_COLUMNS,
  };
}

function taskRow(
  world: PlanWorld,
  s: Subject,
  columns: readonly LedgerPeriod[],
  asOf: string,
  task: LedgerTaskColumns | undefined,
): LedgerRow {
  const key = `task:${s.id}`;
  const calendar = calendarOf(world, s.frequency).map((p) => ({
    ...p,
    due: dueInForce(world.extensions, key, p.key, p.due, asOf),
  }));
  const cutoff = revisionCutoff(world, asOf);
  const approved: { key: string; r: RevisionRow }[] = [];
  const cells = columns.map((column): LedgerCell => {
    const p = periodAt(calendar, column);
    if (!p) return { periodKey: null, value: null, word: null, completion: null, status: null };
    const r = approvedOf(world, key, p.key, cutoff);
    const reports: Record<string, TaskReport> = {};
    if (r) {
      approved.push({ key: p.key, r });
      reports[p.key] = { statusWord: r.status_word, percent: r.percent ?? r.value };
    }
    const e = evaluateTaskAsOf([p], reports, p.end > asOf ? p.start : asOf, {
      thresholds: world.settings.thresholds,
    });
    return {
      periodKey: p.key,
      value: r ? (r.percent ?? r.value) : null,
      word: r?.status_word ?? null,
      completion: e.completion,
      status: e.status,
    };
  });
  return {
    id: key,
    kind: "task",
    subjectId: s.id,
    seq: 0,
    task: s.title,
    indicator: "",
    targetValue: null,
    targetText: "",
    unit: "",
    factor: 1,
    targetKind: null,
    ...departmentsOf(world, s),
    deadline: task?.deadline ?? "",
    cells,
    ...latestTexts(approved),
    ...(task
      ? {
          milestones: task.milestones,
          light: task.light,
          lightWord: task.lightWord,
          latestProgress: task.latestProgress,
        }
      : NO_TASK_COLUMNS),
  };
}

/** The area a node lies in, else its top-level section: the sheet its rows go to. */
function sheetOf(world: PlanWorld, nodeId: number | null): { id: number; title: string } {
  let cursor = nodeId === null ? undefined : world.nodes.get(nodeId);
  let top: typeof cursor;
  let guard = 0;
  while (cursor && guard++ < 20) {
    if (cursor.kind === "area") return { id: cursor.id, title: cursor.title };
    top = cursor;
    cursor = cursor.parentId === null ? undefined : world.nodes.get(cursor.parentId);
  }
  return top ? { id: top.id, title: top.title } : { id: 0, title: "其他" };
}

export interface LedgerOptions {
  /** The ledger's last period, a key of the plan's calendar (2020-06, 2020-Q2). */
  period: string;
  /** What was known as of this date (ISO). */
  asOf: string;
  /** By task node id, what the task's lifecycle says (ledgerTaskColumns); absent: those columns stay empty. */
  tasks?: ReadonlyMap<number, LedgerTaskColumns>;
}

/** The plan calendar's periods (its reporting frequency) up to `period`; bad_input is the caller's. */
export function ledgerPeriods(world: PlanWorld, period: string): LedgerPeriod[] | null {
  const calendar = periodsOf(world.plan, world.settings.frequency, world.settings.dueDay);
  const at = calendar.findIndex((p) => p.key === period);
  if (at < 0) return null;
  return calendar.slice(0, at + 1).map((p) => ({ key: p.key, label: periodLabel(p), end: p.end }));
}

function countRow(name: string, rows: readonly LedgerRow[]): LedgerCountRow {
  const inputs: RollupInput[] = [];
  for (const r of rows) {
    const last = lastStatusCell(r);
    if (!last?.status) continue;
    inputs.push({
      status: last.status,
      completion: r.kind === "target" && r.targetKind !== "milestone" ? last.completion : null,
      weight: 1,
    });
  }
  const u: Rollup = rollup(inputs);
  return { name, counts: u.counts, total: inputs.length, completionIndex: u.completionIndex };
}

/** A row's status at the ledger's period: its last column that has a period of its own. */
export function lastStatusCell(row: LedgerRow): LedgerCell | undefined {
  for (let i = row.cells.length - 1; i >= 0; i--) {
    const c = row.cells[i] as LedgerCell;
    if (c.status !== null) return c;
  }
  return undefined;
}

export function buildLedger(world: PlanWorld, options: LedgerOptions): Ledger {
  const columns = ledgerPeriods(world, options.period);
  if (!columns) throw new RangeError(`${options.period} is not a period of plan ${world.plan.id}`);
  const byNode = new Map<number, WorldTarget[]>();
  const loose: WorldTarget[] = [];
  for (const t of world.targets) {
    if (t.row.node_id === null) loose.push(t);
    else byNode.set(t.row.node_id, [...(byNode.get(t.row.node_id) ?? []), t]);
  }
  const sheets = new Map<number, LedgerSheet>();
  const sheetFor = (nodeId: number | null) => {
    const s = sheetOf(world, nodeId);
    let sheet = sheets.get(s.id);
    if (!sheet) {
      sheet = { title: s.title, rows: [] };
      sheets.set(s.id, sheet);
    }
    return sheet;
  };
  // world.nodes is in document order (the repository lists nodes by ord).
  for (const node of world.nodes.values()) {
    if (node.kind !== "task") continue;
    const targets = (byNode.get(node.id) ?? []).sort((a, b) => a.row.ord - b.row.ord);
    const sheet = sheetFor(node.id);
    // Every task is a row of its own (its 完成时限, 节点 and light), its targets below it.
    const s = world.subjects.get(`task:${node.id}`);
    if (s) sheet.rows.push(taskRow(world, s, columns, options.asOf, options.tasks?.get(node.id)));
    for (const t of targets) sheet.rows.push(targetRow(world, t, columns, options.asOf, node.title));
  }
  for (const t of loose) sheetFor(null).rows.push(targetRow(world, t, columns, options.asOf, ""));
  const list = [...sheets.values()].filter((s) => s.rows.length > 0);
  for (const s of list)
    s.rows.forEach((r, i) => {
      r.seq = i + 1;
    });
  const all = list.flatMap((s) => s.rows);
  const byDepartment = new Map<string, LedgerRow[]>();
  for (const r of all) {
    const name = r.lead || "未分配";
    const list = byDepartment.get(name);
    if (list) list.push(r);
    else byDepartment.set(name, [r]);
  }
  return {
    planId: world.plan.id,
    planTitle: world.plan.title,
    year: world.plan.year,
    period: columns[columns.length - 1] as LedgerPeriod,
    asOf: options.asOf,
    periods: columns,
    sheets: list,
    summary: {
      total: countRow("合计", all),
      areas: list.map((s) => countRow(s.title, s.rows)),
      departments: [...byDepartment.entries()].map(([name, rows]) => countRow(name, rows)),
    },
  };
}

export function statusWord(status: TargetStatus | null): string {
  return status === null ? "" : STATUS_WORDS[status].zh;
}
