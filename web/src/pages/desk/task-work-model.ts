// The pure part of working a task in the browser (issue 13): which buttons a desk card offers before
// the task's own `actions` are loaded, the periods a progress report may be for, the milestones
// ticked done with their dates, the files picked for upload, and the request bodies of 进展 / 办结申请 /
// 调整申请 checked as the server will check them — so a person is told what is wrong before sending.

import type { AttachmentView } from "../../../../src/contract/reports.ts";
import type {
  AdjustRequestBody,
  CloseRequestBody,
  TaskActionName,
  TaskDetailView,
  TaskLight,
  TaskMilestoneView,
  TaskProgressRequest,
  TaskView,
} from "../../../../src/contract/tasks.ts";
import type { Role } from "../../../../src/contract/users.ts";
import { allowedTaskActions } from "../../../../src/domain/task-states.ts";
import { isIsoDate } from "../tasks/task-model.ts";

// ── the desk's cards ────────────────────────────────────────────────────────────────────────────

export interface DeskUser {
  role: Role;
  departmentId: number | null;
}

/**
 * The steps a list card may offer. A TaskView carries no `actions` (only the detail does), so the
 * card reads the domain's own gate table; the server checks again on the request.
 */
export function cardActions(task: TaskView, user: DeskUser | null): TaskActionName[] {
  if (!user) return [];
  const dept = user.departmentId;
  return allowedTaskActions(task, {
    role: user.role,
    departmentId: dept,
    isLead: dept !== null && task.leadDepartment?.id === dept,
    isCo: dept !== null && task.coDepartments.some((d) => d.id === dept),
  });
}

/** Whether the department leads the task (a co-operating department only reads it). */
export const isLeadOf = (task: Pick<TaskView, "leadDepartment">, departmentId: number | null) =>
  departmentId !== null && task.leadDepartment?.id === departmentId;

/** The lights worth a word on the desk, with how many of the department's tasks show each. */
export function deskCounts(
  tasks: readonly Pick<TaskView, "status">[],
): { light: TaskLight; count: number }[] {
  const order: TaskLight[] = ["overdue", "unacknowledged", "not_reported", "due_soon", "on_track", "closed"];
  return order
    .map((light) => ({ light, count: tasks.filter((t) => t.status === light).length }))
    .filter((c) => c.count > 0);
}

const CALM: readonly TaskLight[] = ["on_track", "closed", "stopped"];

/**
 * The desk shows first what needs the department (逾期, 未签收, 未报送, 临期) and folds the rest away
 * behind one button; with nothing urgent, everything shows.
 */
export function deskFold<T extends Pick<TaskView, "status">>(
  tasks: readonly T[],
): { shown: T[]; folded: T[] } {
  const urgent = tasks.filter((t) => !CALM.includes(t.status));
  if (urgent.length === 0) return { shown: [...tasks], folded: [] };
  return { shown: urgent, folded: tasks.filter((t) => CALM.includes(t.status)) };
}

/** The next open milestone (earliest date first), for a card's one line about what comes next. */
export function nextMilestone(milestones: readonly TaskMilestoneView[]): TaskMilestoneView | null {
  const open = milestones.filter((m) => m.doneOn === null);
  return [...open].sort((a, b) => a.due.localeCompare(b.due) || a.id - b.id)[0] ?? null;
}

// ── periods ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The periods a report may be for: the one of `today` and the `count - 1` before it (a late report for
 * last month), newest first — within the plan's own period: after the plan's end its last periods,
 * never one before its start (the server refuses a period outside the plan).
 */
export function periodChoices(
  today: string,
  frequency: "monthly" | "quarterly",
  plan: { periodStart: string; periodEnd: string } | null = null,
  count = 3,
): string[] {
  const ref =
    plan && today > plan.periodEnd
      ? plan.periodEnd
      : plan && today < plan.periodStart
        ? plan.periodStart
        : today;
  const per = frequency === "monthly" ? 12 : 4;
  const index = (iso: string) => {
    const month = Number(iso.slice(5, 7)) - 1;
    return Number(iso.slice(0, 4)) * per + (frequency === "monthly" ? month : Math.floor(month / 3));
  };
  const key = (i: number) => {
    const y = Math.floor(i / per);
    return frequency === "monthly"
      ? `${y}-${String((i % per) + 1).padStart(2, "0")}`
      : `${y}-Q${(i % per) + 1}`;
  };
  const first = plan ? index(plan.periodStart) : Number.NEGATIVE_INFINITY;
  const out: string[] = [];
  for (let i = index(ref); i >= first && out.length < count; i--) out.push(key(i));
  return out;
}

// ── milestones ticked done ──────────────────────────────────────────────────────────────────────

export interface MilestoneTick {
  milestoneId: number;
  name: string;
  due: string;
  checked: boolean;
  /** YYYY-MM-DD the reporter says it was done (defaults to today). */
  doneOn: string;
}

/** One tick box for each milestone still open; done ones are history, not a choice. */
export function initialTicks(milestones: readonly TaskMilestoneView[], today: string): MilestoneTick[] {
  return milestones
    .filter((m) => m.doneOn === null)
    .map((m) => ({ milestoneId: m.id, name: m.name, due: m.due, checked: false, doneOn: today }));
}

export type TickProblem = "date" | "future";

/** What is wrong with each ticked milestone's date (null: fine or not ticked). */
export function tickProblems(ticks: readonly MilestoneTick[], today: string): (TickProblem | null)[] {
  return ticks.map((t) => {
    if (!t.checked) return null;
    if (!isIsoDate(t.doneOn)) return "date";
    return t.doneOn > today ? "future" : null;
  });
}

export const ticksBody = (ticks: readonly MilestoneTick[]) =>
  ticks.filter((t) => t.checked).map((t) => ({ milestoneId: t.milestoneId, doneOn: t.doneOn }));

// ── files ───────────────────────────────────────────────────────────────────────────────────────

/** As the server's attachment rule (src/domain/attachment-types.ts): 10 MB, these kinds. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const UPLOAD_ACCEPT = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png,.txt";
const UPLOAD_EXT = /\.(pdf|docx|xlsx|jpe?g|png|txt)$/i;

export type FileProblem = "too_large" | "type" | "empty";

export function fileProblem(name: string, size: number): FileProblem | null {
  if (!UPLOAD_EXT.test(name)) return "type";
  if (size === 0) return "empty";
  return size > MAX_UPLOAD_BYTES ? "too_large" : null;
}

// ── 进展 ────────────────────────────────────────────────────────────────────────────────────────

export interface ProgressForm {
  period: string;
  progress: string;
  problems: string;
  nextSteps: string;
  /** As typed; null: not given (形象进度 is optional). */
  percent: number | null;
}

export type ProgressProblem = "progress" | "percent" | "milestone";

export type Checked<B, P> = { ok: true; body: B } | { ok: false; problems: P[] };

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

export function progressBody(
  form: ProgressForm,
  ticks: readonly MilestoneTick[],
  today: string,
): Checked<TaskProgressRequest, ProgressProblem> {
  const problems: ProgressProblem[] = [];
  if (form.progress.trim() === "") problems.push("progress");
  if (form.percent !== null && !(Number.isFinite(form.percent) && form.percent >= 0 && form.percent <= 100))
    problems.push("percent");
  if (tickProblems(ticks, today).some((p) => p !== null)) problems.push("milestone");
  if (problems.length > 0) return { ok: false, problems };
  const done = ticksBody(ticks);
  return {
    ok: true,
    body: {
      period: form.period,
      progress: form.progress.trim(),
      problems: orNull(form.problems),
      nextSteps: orNull(form.nextSteps),
      percent: form.percent,
      ...(done.length > 0 ? { milestonesDone: done } : {}),
    },
  };
}

// ── 办结申请 ────────────────────────────────────────────────────────────────────────────────────

export type CloseProblem = "evidence" | "milestone" | "milestones_open";

/** The milestones that would still be open after this request: the server refuses while any is. */
export const stillOpen = (ticks: readonly MilestoneTick[]) => ticks.filter((t) => !t.checked);

export function closeBody(
  evidence: string,
  attachmentIds: readonly number[],
  ticks: readonly MilestoneTick[],
  today: string,
): Checked<CloseRequestBody, CloseProblem> {
  const problems: CloseProblem[] = [];
  if (evidence.trim() === "") problems.push("evidence");
  if (tickProblems(ticks, today).some((p) => p !== null)) problems.push("milestone");
  if (stillOpen(ticks).length > 0) problems.push("milestones_open");
  if (problems.length > 0) return { ok: false, problems };
  const done = ticksBody(ticks);
  return {
    ok: true,
    body: {
      evidence: evidence.trim(),
      ...(attachmentIds.length > 0 ? { attachmentIds: [...attachmentIds] } : {}),
      ...(done.length > 0 ? { milestonesDone: done } : {}),
    },
  };
}

/** Every file already uploaded with the task's progress reports, newest report first: citable evidence. */
export function taskAttachments(detail: Pick<TaskDetailView, "progressReports">): AttachmentView[] {
  return [...detail.progressReports]
    .sort((a, b) => b.on.localeCompare(a.on) || b.id - a.id)
    .flatMap((r) => r.attachments);
}

// ── 调整申请 ────────────────────────────────────────────────────────────────────────────────────

export interface AdjustForm {
  kind: "deadline" | "milestone" | "content";
  milestoneId: number | null;
  proposedDue: string;
  proposedTitle: string;
  reason: string;
}

export type AdjustProblem = "reason" | "date" | "milestone" | "title" | "no_change" | "after_deadline";

export function adjustBody(
  form: AdjustForm,
  task: Pick<TaskView, "title" | "deadline" | "milestones">,
): Checked<AdjustRequestBody, AdjustProblem> {
  const problems: AdjustProblem[] = [];
  const reason = form.reason.trim();
  if (reason === "") problems.push("reason");
  if (form.kind === "content") {
    const title = form.proposedTitle.trim();
    if (title === "") problems.push("title");
    else if (title === task.title.trim()) problems.push("no_change");
    return problems.length > 0
      ? { ok: false, problems }
      : { ok: true, body: { kind: "content", proposedTitle: title, reason } };
  }
  const due = form.proposedDue;
  const dateOk = isIsoDate(due);
  if (!dateOk) problems.push("date");
  if (form.kind === "deadline") {
    if (dateOk && due === task.deadline) problems.push("no_change");
    // A deadline brought forward may not leave an open milestone after it.
    if (dateOk && task.milestones.some((m) => m.doneOn === null && m.due > due))
      problems.push("after_deadline");
    return problems.length > 0
      ? { ok: false, problems }
      : { ok: true, body: { kind: "deadline", proposedDue: due, reason } };
  }
  const m = task.milestones.find((x) => x.id === form.milestoneId && x.doneOn === null);
  if (!m) problems.push("milestone");
  if (m && dateOk && due === m.due) problems.push("no_change");
  if (dateOk && task.deadline !== null && due > task.deadline) problems.push("after_deadline");
  return problems.length > 0 || !m
    ? { ok: false, problems }
    : { ok: true, body: { kind: "milestone", milestoneId: m.id, proposedDue: due, reason } };
}

/** The form as first shown: the deadline, the next open milestone and the wording as they stand now. */
export function initialAdjustForm(task: Pick<TaskView, "title" | "deadline" | "milestones">): AdjustForm {
  const open = nextMilestone(task.milestones);
  return {
    kind: "deadline",
    milestoneId: open?.id ?? null,
    proposedDue: task.deadline ?? "",
    proposedTitle: task.title,
    reason: "",
  };
}
