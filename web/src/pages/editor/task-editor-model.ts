// Pure helpers of the editor's 任务 tab (issue 13): the tab's counts with stopped tasks apart, the task
// drawer's form turned into the smallest TaskPatch (deadline by date or by words, milestones checked
// as typed against the deadline that will hold), the extractor's department suggestion, a selection
// in the source text turned into offsets and a heading, splitting and merging, and what a plan in
// each state offers (删除草稿 / 归档).

import type { DepartmentRef } from "../../../../src/contract/common.ts";
import type { OutlineNodeView, PlanSummary } from "../../../../src/contract/plans.ts";
import type { TargetView } from "../../../../src/contract/targets.ts";
import type { TaskPatch, TaskView } from "../../../../src/contract/tasks.ts";
// The server reads deadline words with this same pure rule, so the drawer shows what will be stored.
import { readDeadline } from "../../../../src/domain/task-deadlines.ts";
import {
  emptyCounts,
  isIsoDate,
  type LightCounts,
  type MilestoneDraft,
  type MilestoneProblem,
  milestoneProblems,
} from "../tasks/task-model.ts";

// ── counts ─────────────────────────────────────────────────────────────────────────────────────

/** 已中止: by its life (state) or, as of the date asked, by its light. */
export const isStoppedTask = (t: Pick<TaskView, "state" | "status">): boolean =>
  t.state === "stopped" || t.status === "stopped";

export interface TaskTabCounts {
  /** Every task, stopped ones included. */
  total: number;
  /** Tasks still pursued. */
  active: number;
  /** 已中止: kept and shown, counted apart. */
  stopped: number;
  /** Lights of the tasks still pursued (stopped is always 0 here). */
  byLight: LightCounts;
}

export function taskTabCounts(tasks: readonly Pick<TaskView, "state" | "status">[]): TaskTabCounts {
  const byLight = emptyCounts();
  let stopped = 0;
  for (const t of tasks) {
    if (isStoppedTask(t)) stopped++;
    else byLight[t.status]++;
  }
  return { total: tasks.length, active: tasks.length - stopped, stopped, byLight };
}

/** Stopped once it has the day it was stopped (a server from before 中止 of targets sends none). */
export const isStoppedTarget = (t: Pick<TargetView, "stoppedAt">): boolean => Boolean(t.stoppedAt);

export function targetTabCounts(targets: readonly Pick<TargetView, "stoppedAt">[]): {
  active: number;
  stopped: number;
} {
  const stopped = targets.filter(isStoppedTarget).length;
  return { active: targets.length - stopped, stopped };
}

// ── the plan ───────────────────────────────────────────────────────────────────────────────────

/** The year deadline words are read for: the plan's, else its period's first. */
export const planYear = (plan: Pick<PlanSummary, "year" | "periodStart">): number =>
  plan.year ?? Number(plan.periodStart.slice(0, 4));

export type PlanAction = "delete" | "archive";

/** A draft can be deleted, a published plan archived (closed); a closed plan offers neither. */
export function planActions(state: PlanSummary["state"]): PlanAction[] {
  if (state === "draft") return ["delete"];
  if (state === "published") return ["archive"];
  return [];
}

/** What a row offers: a draft is cut and pruned; a published plan stops instead of deleting. */
export function rowActions(
  planState: PlanSummary["state"],
  stopped: boolean,
): { split: boolean; remove: boolean; stop: boolean } {
  const draft = planState === "draft";
  return { split: draft, remove: draft, stop: planState === "published" && !stopped };
}

// ── the deadline ──────────────────────────────────────────────────────────────────────────────

export type DeadlineMode = "date" | "words";

export interface DeadlineForm {
  mode: DeadlineMode;
  /** YYYY-MM-DD or null (no deadline) in date mode. */
  date: string | null;
  /** As the office writes it (2020年6月底前, 长期坚持) in words mode. */
  words: string;
}

export type DeadlineReadingView =
  | { kind: "none" }
  | { kind: "date"; date: string }
  | { kind: "open" }
  | { kind: "unread" }
  | { kind: "bad_date" };

export function deadlineFormOf(task: Pick<TaskView, "deadline" | "deadlineText">): DeadlineForm {
  return task.deadlineText !== null
    ? { mode: "words", date: task.deadline, words: task.deadlineText }
    : { mode: "date", date: task.deadline, words: "" };
}

/** How the form reads: a day, no deadline (none given or 长期), or words the rule does not know. */
export function readDeadlineForm(form: DeadlineForm, year: number): DeadlineReadingView {
  if (form.mode === "date") {
    if (form.date === null || form.date === "") return { kind: "none" };
    return isIsoDate(form.date) ? { kind: "date", date: form.date } : { kind: "bad_date" };
  }
  if (form.words.trim() === "") return { kind: "none" };
  const reading = readDeadline(form.words, year);
  if (!reading) return { kind: "unread" };
  return reading.kind === "open" ? { kind: "open" } : { kind: "date", date: reading.date };
}

/** The day milestones are checked against: the deadline the form will store. */
export const deadlineOfReading = (r: DeadlineReadingView): string | null =>
  r.kind === "date" ? r.date : null;

function deadlinePatch(task: Pick<TaskView, "deadline" | "deadlineText">, form: DeadlineForm): TaskPatch {
  if (form.mode === "date") {
    const date = form.date === "" ? null : form.date;
    return date !== task.deadline || task.deadlineText !== null ? { deadline: date, deadlineText: null } : {};
  }
  const words = form.words.trim();
  if (words === "") {
    return task.deadline === null && task.deadlineText === null ? {} : { deadline: null, deadlineText: null };
  }
  if (words === task.deadlineText?.trim()) return {};
  // The server reads the words for the plan's year (the same rule as readDeadlineForm).
  return { deadlineText: words };
}

// ── the drawer's form ─────────────────────────────────────────────────────────────────────────

export interface TaskDraft {
  title: string;
  leadDepartmentId: number | null;
  coDepartmentIds: number[];
  deadline: DeadlineForm;
  milestones: MilestoneDraft[];
  doneCriteria: string;
  frequency: TaskView["frequency"];
  weight: number | null;
}

export function taskDraftOf(task: TaskView): TaskDraft {
  return {
    title: task.title,
    leadDepartmentId: task.leadDepartment?.id ?? null,
    coDepartmentIds: task.coDepartments.map((d) => d.id),
    deadline: deadlineFormOf(task),
    milestones: task.milestones.map((m) => ({ id: m.id, name: m.name, due: m.due })),
    doneCriteria: task.doneCriteria ?? "",
    frequency: task.frequency,
    weight: task.weight,
  };
}

export interface DraftProblems {
  title: boolean;
  deadline: "unread" | "bad_date" | null;
  milestones: (MilestoneProblem | null)[];
  weight: boolean;
}

export interface DraftCheck {
  /** Only what changed; {} when nothing did. */
  patch: TaskPatch;
  problems: DraftProblems;
  reading: DeadlineReadingView;
  /** The deadline the milestones were checked against. */
  deadline: string | null;
  dirty: boolean;
  valid: boolean;
}

const sameIds = (a: readonly number[], b: readonly number[]) =>
  [...a].sort((x, y) => x - y).join(",") === [...b].sort((x, y) => x - y).join(",");

function sameMilestones(task: TaskView, drafts: readonly MilestoneDraft[]): boolean {
  if (task.milestones.length !== drafts.length) return false;
  return task.milestones.every((m, i) => {
    const d = drafts[i] as MilestoneDraft;
    return d.id === m.id && d.name.trim() === m.name && d.due === m.due;
  });
}

/**
 * The form against the task: what to send and what is wrong, as the server would answer it (a title,
 * a deadline it can read, milestones named, dated and not after the deadline, a weight of 0 or more).
 * A lead department is never also among the co-operating ones.
 */
export function checkTaskDraft(task: TaskView, draft: TaskDraft, year: number): DraftCheck {
  const patch: TaskPatch = {};
  const title = draft.title.trim();
  if (title !== task.title) patch.title = title;
  if (draft.leadDepartmentId !== (task.leadDepartment?.id ?? null)) {
    patch.leadDepartmentId = draft.leadDepartmentId;
  }
  const co = draft.coDepartmentIds.filter((id) => id !== draft.leadDepartmentId);
  if (
    !sameIds(
      co,
      task.coDepartments.map((d) => d.id),
    )
  ) {
    patch.coDepartmentIds = co;
  }
  Object.assign(patch, deadlinePatch(task, draft.deadline));
  const reading = readDeadlineForm(draft.deadline, year);
  const deadline = deadlineOfReading(reading);
  if (!sameMilestones(task, draft.milestones)) {
    patch.milestones = draft.milestones.map((m) => ({
      ...(m.id !== undefined ? { id: m.id } : {}),
      name: m.name.trim(),
      due: m.due,
    }));
  }
  const criteria = draft.doneCriteria.trim();
  if ((criteria === "" ? null : criteria) !== task.doneCriteria) {
    patch.doneCriteria = criteria === "" ? null : criteria;
  }
  if (draft.frequency !== task.frequency) patch.frequency = draft.frequency;
  const weightBad = draft.weight === null || !Number.isFinite(draft.weight) || draft.weight < 0;
  if (!weightBad && draft.weight !== task.weight) patch.weight = draft.weight as number;

  const problems: DraftProblems = {
    title: title === "",
    deadline: reading.kind === "unread" || reading.kind === "bad_date" ? reading.kind : null,
    milestones: milestoneProblems(draft.milestones, deadline),
    weight: weightBad,
  };
  const valid =
    !problems.title &&
    problems.deadline === null &&
    problems.milestones.every((p) => p === null) &&
    !weightBad;
  return { patch, problems, reading, deadline, dirty: Object.keys(patch).length > 0, valid };
}

// ── the extractor's suggestion ────────────────────────────────────────────────────────────────

/**
 * The region's department the extractor suggested, when it is not already the lead: matched by id
 * when the server resolved it, else by name; null when there is nothing to accept.
 */
export function acceptableSuggestion(
  task: Pick<TaskView, "suggestedDepartment" | "leadDepartment">,
  departments: readonly DepartmentRef[],
): DepartmentRef | null {
  const s = task.suggestedDepartment;
  if (!s) return null;
  const match = departments.find((d) =>
    s.departmentId !== null ? d.id === s.departmentId : d.name === s.department,
  );
  if (!match || match.id === task.leadDepartment?.id) return null;
  return match;
}

// ── a task from the source text ───────────────────────────────────────────────────────────────

export interface Span {
  start: number;
  end: number;
}

const SPACE = /\s/;

/** Two ends of a selection (either order) as a span with the white space at its ends left out. */
export function spanFromPoints(text: string, a: number, b: number): Span | null {
  let start = Math.max(0, Math.min(a, b, text.length));
  let end = Math.min(text.length, Math.max(a, b, 0));
  while (start < end && SPACE.test(text[start] as string)) start++;
  while (end > start && SPACE.test(text[end - 1] as string)) end--;
  return end > start ? { start, end } : null;
}

/** The heading a new task goes under: the last heading (not a task) that begins before the span. */
export function parentForSpan(outline: readonly OutlineNodeView[], span: Span): OutlineNodeView | null {
  let best: OutlineNodeView | null = null;
  for (const n of outline) {
    if (n.kind === "task" || n.start > span.start) continue;
    if (!best || n.start > best.start || (n.start === best.start && n.level > best.level)) best = n;
  }
  return best;
}

/** Tasks the span runs into: the server keeps tasks apart, so the dialog says which. */
export function overlappingTasks(outline: readonly OutlineNodeView[], span: Span): OutlineNodeView[] {
  return outline.filter((n) => n.kind === "task" && n.start < span.end && span.start < n.end);
}

/** The headings a task can go under, in document order. */
export const headingsOf = (outline: readonly OutlineNodeView[]): OutlineNodeView[] =>
  outline.filter((n) => n.kind !== "task").sort((a, b) => a.start - b.start || a.order - b.order);

// ── splitting and merging ─────────────────────────────────────────────────────────────────────

/** The two titles a split at `at` gives, or null when either would be empty. */
export function splitParts(title: string, at: number): [string, string] | null {
  if (!Number.isInteger(at) || at <= 0 || at >= title.length) return null;
  const first = title.slice(0, at).trim();
  const second = title.slice(at).trim();
  return first !== "" && second !== "" ? [first, second] : null;
}

const BREAK = /[。；;，,！？!?]/g;

/** Where a title reads as two: after each sentence or clause mark that is not its last character. */
export function splitPoints(title: string): number[] {
  const out: number[] = [];
  for (const m of title.matchAll(BREAK)) {
    const at = (m.index ?? 0) + 1;
    if (splitParts(title, at)) out.push(at);
  }
  return out;
}

export type MergeProblem = "too_few" | "stopped" | "apart";

/**
 * The outline nodes of the selected tasks in document order, and why they cannot be merged: the
 * server joins neighbouring tasks under one heading only (whether they are neighbours it tells).
 */
export function mergeSelection(
  tasks: readonly Pick<TaskView, "id" | "nodeId" | "start" | "state" | "status" | "path">[],
  selected: ReadonlySet<number>,
): { nodeIds: number[]; problem: MergeProblem | null } {
  const chosen = tasks
    .filter((t) => selected.has(t.id))
    .sort(
      (a, b) => (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER) || a.id - b.id,
    );
  const nodeIds = chosen.map((t) => t.nodeId);
  if (chosen.length < 2) return { nodeIds, problem: "too_few" };
  if (chosen.some(isStoppedTask)) return { nodeIds, problem: "stopped" };
  const heading = (t: Pick<TaskView, "path">) => t.path[t.path.length - 1]?.id ?? null;
  const first = heading(chosen[0] as (typeof chosen)[number]);
  if (chosen.some((t) => heading(t) !== first)) return { nodeIds, problem: "apart" };
  return { nodeIds, problem: null };
}

/** A reason for 中止: required, and not only white space. */
export const reasonOk = (reason: string): boolean => reason.trim().length > 0;
