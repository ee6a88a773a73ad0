// What one 任务分解表 row would change if taken for a target or a task, against the plan as it is: its
// departments; its 完成时限 — a task's deadline (tasks table) or a target's due date, never a planned
// value; its period columns — numbers are a target's planned values, words are milestones of the
// task; and why it cannot be taken as it stands (a milestone after the deadline: the domain's
// milestone_after_deadline). Shared by the preview and the apply, so both judge a row the same way.

import { createHash } from "node:crypto";
import type {
  BreakdownChangeView,
  BreakdownConflictView,
  BreakdownFieldsView,
} from "../contract/documents.ts";
import { listDepartments } from "../db/departments-repository.ts";
import { listMilestonesOfPlan, listTaskRowsOfPlan } from "../db/tasks-repository.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";
import { canonicalJson } from "../domain/canonical-json.ts";
import { displayFactor, formatNumber } from "../domain/target-display.ts";
import { milestoneAfterDeadline } from "../domain/task-states.ts";
import type { DepartmentName, MatchCandidate } from "../reports/breakdown-match.ts";
import { resolveDepartment, splitNames } from "../reports/breakdown-match.ts";
import {
  isPlannedNumber,
  type MilestoneDraft,
  parsePlanned,
  periodMilestone,
  type RowDeadline,
  readRowDeadline,
} from "../reports/breakdown-model.ts";
import { type Db, loadPlanWorld, type PlanWorld, periodsOf } from "./reporting-context.ts";

export interface TaskPlanNow {
  deadline: string | null;
  deadlineText: string | null;
  milestones: { id: number; name: string; due: string }[];
}

export interface BreakdownContext {
  world: PlanWorld;
  departments: DepartmentName[];
  candidates: MatchCandidate[];
  year: number;
  /** What each task is now (deadline, words, milestones); a task without a row is not in the map. */
  tasks: Map<number, TaskPlanNow>;
}

export async function loadBreakdownContext(db: Db, planId: number): Promise<BreakdownContext> {
  const world = await loadPlanWorld(db, planId);
  const [departmentRows, taskRows, milestoneRows] = await Promise.all([
    world.plan.region_id === null ? [] : listDepartments(db, world.plan.region_id),
    listTaskRowsOfPlan(db, planId),
    listMilestonesOfPlan(db, planId),
  ]);
  const departments = departmentRows
    .filter((d) => d.disabled === 0)
    .map((d) => ({ id: d.id, name: d.name, shortName: d.short_name, fullName: d.full_name }));
  const tasks = new Map<number, TaskPlanNow>();
  for (const t of taskRows)
    tasks.set(t.node_id, { deadline: t.deadline, deadlineText: t.deadline_text, milestones: [] });
  for (const m of milestoneRows) {
    const task = tasks.get(m.node_id) ?? { deadline: null, deadlineText: null, milestones: [] };
    task.milestones.push({ id: m.id, name: m.name, due: m.due });
    tasks.set(m.node_id, task);
  }
  const taskTitle = (id: number | null) => (id === null ? "" : (world.nodes.get(id)?.title ?? ""));
  const candidates: MatchCandidate[] = [
    ...world.targets.map((t) => ({
      kind: "target" as const,
      id: t.id,
      title: `${t.title} ${t.display ?? ""}`.trim(),
      task: taskTitle(t.row.node_id),
      subject: t.title,
      nodeId: t.row.node_id,
    })),
    ...[...world.nodes.values()]
      .filter((n) => n.kind === "task")
      .map((n) => ({
        kind: "node" as const,
        id: n.id,
        title: n.title,
        task: n.title,
        hasTargets: world.targets.some((t) => t.row.node_id === n.id),
      })),
  ];
  return { world, departments, candidates, year: Number(world.plan.period_end.slice(0, 4)), tasks };
}

/** Of what a breakdown may change: departments, due dates, planned values, task deadlines and milestones. */
export function planFingerprint(ctx: Pick<BreakdownContext, "world" | "tasks">): string {
  const { world } = ctx;
  const state = {
    targets: world.targets.map((t) => ({
      id: t.id,
      lead: t.leadDepartmentId,
      co: [...t.departmentIds].sort((a, b) => a - b),
      due: t.row.due_date,
      planned: world.planned.get(t.id) ?? {},
    })),
    tasks: [...world.subjects.values()]
      .filter((s) => s.kind === "node")
      .map((s) => {
        const task = ctx.tasks.get(s.id);
        return {
          id: s.id,
          lead: s.leadDepartmentId,
          co: [...s.departmentIds].sort((a, b) => a - b),
          deadline: task?.deadline ?? null,
          words: task?.deadlineText ?? null,
          milestones: (task?.milestones ?? []).map((m) => [m.id, m.name, m.due]),
        };
      }),
  };
  return createHash("sha256").update(canonicalJson(state)).digest("hex").slice(0, 32);
}

export interface Proposal {
  changes: BreakdownChangeView[];
  unknownDepartments: string[];
  warnings: LocalText[];
  conflicts: BreakdownConflictView[];
  apply: {
    leadDepartmentId?: number | null;
    coDepartmentIds?: number[];
    dueDate?: string;
    planned?: Record<string, { periodEnd: string; value: number }>;
    /** The task's deadline (a task row) and the milestones the row adds to its task (either kind). */
    task?: { nodeId: number; deadline?: { date: string | null; text: string }; milestones: MilestoneDraft[] };
  };
}

/** The milestone list after adding drafts: same name, the date updated (the milestone kept); else added. */
export function mergeMilestones(
  current: readonly { id?: number; name: string; due: string }[],
  drafts: readonly MilestoneDraft[],
): { id?: number; name: string; due: string }[] {
  const out = current.map((m) => ({ ...m }));
  for (const d of drafts) {
    const same = out.find((m) => m.name === d.name);
    if (same) same.due = d.due;
    else out.push({ name: d.name, due: d.due });
  }
  return out;
}

const milestoneList = (list: readonly { name: string; due: string }[]) =>
  list.map((m) => `${m.name}（${m.due}）`).join("；");

/** The milestones of a list that fall after a deadline, as the domain words the refusal. */
export function lateMilestones(
  title: string,
  list: readonly { name: string; due: string }[],
  deadline: string | null,
): BreakdownConflictView[] {
  const facts = { state: "assigned" as const, title, deadline, milestones: [] };
  return list.flatMap((m) => {
    const refusal = milestoneAfterDeadline(facts, m, deadline);
    return refusal ? [{ rule: refusal.rule, message: refusal.message }] : [];
  });
}

/**
 * What taking the row for this subject would change. `importDeadlines`: the deadlines other rows of
 * the same import set for tasks (by node id); a milestone must fall within them and the current one.
 */
export function propose(
  ctx: BreakdownContext,
  f: BreakdownFieldsView,
  subject: { kind: "target" | "node"; id: number },
  importDeadlines: ReadonlyMap<number, string | null> = new Map(),
): Proposal {
  const { world, departments } = ctx;
  const s = world.subjects.get(`${subject.kind === "target" ? "target" : "task"}:${subject.id}`);
  if (!s)
    throw new AppError(
      "bad_input",
      {
        zh: `${subject.kind === "target" ? "指标" : "任务"} ${subject.id} 不在此计划中`,
        en: `${subject.kind === "target" ? "target" : "task"} ${subject.id} is not of this plan`,
      },
      { subject },
    );
  const name = (id: number | null) =>
    id === null
      ? ""
      : (world.names.departments.get(id)?.name ?? departments.find((d) => d.id === id)?.name ?? "");
  const out: Proposal = { changes: [], unknownDepartments: [], warnings: [], conflicts: [], apply: {} };
  const resolve = (names: string[]) => {
    const ids: number[] = [];
    for (const n of names) {
      const d = resolveDepartment(n, departments);
      if (d) ids.push(d.id);
      else if (!out.unknownDepartments.includes(n)) out.unknownDepartments.push(n);
    }
    return ids;
  };
  const leads = resolve(splitNames(f.lead));
  const cos = resolve(splitNames(f.co));
  const currentCo = s.departmentIds.filter((id) => id !== s.leadDepartmentId);
  const lead = leads[0];
  if (lead !== undefined && lead !== s.leadDepartmentId) {
    out.apply.leadDepartmentId = lead;
    out.changes.push({ field: "leadDepartment", before: name(s.leadDepartmentId), after: name(lead) });
  }
  const leadAfter = lead ?? s.leadDepartmentId;
  const coAfter = [...new Set([...leads.slice(1), ...cos])].filter((id) => id !== leadAfter);
  const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((x) => b.includes(x));
  if ((f.co.trim() !== "" || leads.length > 1) && !sameSet(coAfter, currentCo)) {
    out.apply.coDepartmentIds = coAfter;
    out.changes.push({
      field: "coDepartments",
      before: currentCo.map(name).join("、"),
      after: coAfter.map(name).join("、"),
    });
  }

  const deadline = readRowDeadline(f.deadline, ctx.year);
  if (deadline.kind === "unknown")
    out.warnings.push({
      zh: `完成时限“${deadline.text}”无法识别，未导入`,
      en: `deadline “${deadline.text}” not understood: not imported`,
    });
  const drafts: MilestoneDraft[] = deadline.kind === "date" ? [...deadline.milestones] : [];
  const numbers = f.planned.filter((p) => isPlannedNumber(p.text));
  for (const p of f.planned) {
    const m = periodMilestone(p, ctx.year);
    if (m && !drafts.some((d) => d.name === m.name)) drafts.push(m);
  }

  if (subject.kind === "node") {
    proposeTaskPlan(ctx, out, subject.id, s.title, deadline, drafts, importDeadlines);
    for (const p of numbers)
      out.warnings.push({
        zh: `任务没有分期计划值：“${p.label}”的“${p.text}”未导入`,
        en: `a task has no planned values: ${p.label} “${p.text}” not imported`,
      });
    return out;
  }
  const t = world.targets.find((x) => x.id === subject.id);
  if (!t) return out;
  if (deadline.kind === "open")
    out.warnings.push({
      zh: `指标须有完成时限，“${deadline.text}”未导入`,
      en: `a target needs a due date: “${deadline.text}” not imported`,
    });
  const due = deadline.kind === "date" ? deadline.date : null;
  if (due !== null) {
    if (due < world.plan.period_start || due > world.plan.period_end)
      out.warnings.push({
        zh: `完成时限 ${due} 不在计划期内，未导入`,
        en: `deadline ${due} is outside the plan period: not imported`,
      });
    else if (due !== (t.row.due_date ?? world.plan.period_end)) {
      out.apply.dueDate = due;
      out.changes.push({ field: "dueDate", before: t.row.due_date ?? world.plan.period_end, after: due });
    }
  }
  if (drafts.length > 0) {
    const nodeId = t.row.node_id;
    if (nodeId === null)
      out.warnings.push({
        zh: "指标不属于任何任务，节点未导入",
        en: "the target belongs to no task: its milestones are not imported",
      });
    else {
      // Within the target's own 完成时限 first, then within its task's deadline.
      if (due !== null) out.conflicts.push(...lateMilestones(s.title, drafts, due));
      proposeTaskPlan(
        ctx,
        out,
        nodeId,
        world.nodes.get(nodeId)?.title ?? "",
        { kind: "none" },
        drafts,
        importDeadlines,
      );
    }
  }
  if (numbers.length > 0) proposePlanned(ctx, out, t, numbers);
  return out;
}

function proposeTaskPlan(
  ctx: BreakdownContext,
  out: Proposal,
  nodeId: number,
  title: string,
  deadline: RowDeadline,
  drafts: MilestoneDraft[],
  importDeadlines: ReadonlyMap<number, string | null>,
): void {
  const now = ctx.tasks.get(nodeId) ?? { deadline: null, deadlineText: null, milestones: [] };
  const task: NonNullable<Proposal["apply"]["task"]> = { nodeId, milestones: [] };
  const words = (d: string | null, text: string | null) =>
    d === null ? (text ?? "") : text && text !== d ? `${d}（${text}）` : d;
  let deadlines = [now.deadline];
  if (deadline.kind === "date" || deadline.kind === "open") {
    const date = deadline.kind === "date" ? deadline.date : null;
    if (date !== now.deadline || deadline.text !== now.deadlineText) {
      task.deadline = { date, text: deadline.text };
      out.changes.push({
        field: "deadline",
        before: words(now.deadline, now.deadlineText),
        after: words(date, deadline.text),
      });
    }
    deadlines = [date];
  } else if (importDeadlines.has(nodeId)) deadlines.push(importDeadlines.get(nodeId) ?? null);
  const merged = mergeMilestones(now.milestones, drafts);
  const changed =
    merged.length !== now.milestones.length || merged.some((m, i) => m.due !== now.milestones[i]?.due);
  if (changed) {
    task.milestones = drafts;
    out.changes.push({
      field: "milestones",
      before: milestoneList(now.milestones),
      after: milestoneList(merged),
    });
  }
  // A deadline this row sets is checked against every milestone the task will have; milestones this
  // row adds, against the deadline now and any another row of the import sets.
  const checked = task.deadline ? merged : merged.filter((m) => drafts.some((d) => d.name === m.name));
  for (const d of deadlines)
    for (const c of lateMilestones(title, checked, d))
      if (!out.conflicts.some((x) => x.message.zh === c.message.zh)) out.conflicts.push(c);
  if (task.deadline || changed) out.apply.task = task;
}

function proposePlanned(
  ctx: BreakdownContext,
  out: Proposal,
  t: PlanWorld["targets"][number],
  numbers: BreakdownFieldsView["planned"],
): void {
  const { world } = ctx;
  const calendar = periodsOf(world.plan, t.frequency, world.settings.dueDay);
  const current = world.planned.get(t.id) ?? {};
  const next: Record<string, { periodEnd: string; value: number }> = {};
  const facts = { unit: t.row.unit, displayUnit: t.row.display_unit, value: t.row.value, kind: t.row.kind };
  for (const p of numbers) {
    const period = calendar.find((c) => Number(c.end.slice(5, 7)) === p.endMonth);
    if (!period) {
      out.warnings.push({
        zh: `“${p.label}”不是该指标的报告期，未导入`,
        en: `${p.label} is not a period of this ${t.frequency} target: not imported`,
      });
      continue;
    }
    const value = parsePlanned(p.text, facts);
    if (value === null) {
      out.warnings.push({
        zh: `${p.label}计划值“${p.text}”不是数字，未导入`,
        en: `${p.label} planned value “${p.text}” is not a number: not imported`,
      });
      continue;
    }
    next[period.key] = { periodEnd: period.end, value: Number(value.toPrecision(12)) };
  }
  const changed = Object.entries(next).filter(
    ([k, v]) =>
      current[k] === undefined ||
      Math.abs((current[k] as number) - v.value) > 1e-9 * Math.max(1, Math.abs(v.value)),
  );
  if (changed.length === 0) return;
  out.apply.planned = next;
  const factor = t.row.kind === "milestone" ? 1 : displayFactor(t.row.unit, t.row.display_unit || t.row.unit);
  const unit = t.row.kind === "milestone" ? "%" : t.row.display_unit || t.row.unit;
  const show = (rec: Record<string, number>) =>
    Object.entries(rec)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}: ${formatNumber(v / factor)}${unit}`)
      .join("；");
  out.changes.push({
    field: "planned",
    before: show(current),
    after: show({ ...current, ...Object.fromEntries(Object.entries(next).map(([k, v]) => [k, v.value])) }),
  });
}
