// Tasks (重点任务) as work the office supervises: the views the API returns and the bodies it takes for
// 交办 → 签收 → 进展 → 办结申请 → 办结销号 / 退回, 中止 and 调整申请. Part of the API contract: pure types
// shared by the server, the CLI and the web app. The rules behind them are the domain's:
// src/domain/task-states.ts, task-lifecycle.ts and task-adjustments.ts (states, transitions, who may do
// what, refusals), src/domain/task-lights.ts (亮灯),
// src/domain/task-deadlines.ts (完成时限 and 节点 phrases).
//
// Refusals: a transition refused because of the task's state is 409 `conflict` with
// details { rule, state } (the current state, so the page can say “任务当前为‘已办结’”); a person who may
// not do it is 403 `forbidden` with details { rule }; bad input is 400 `bad_input` with details
// { rule, field }. Rule names are the domain's (co_department, planner_only, evidence_required,
// milestone_after_deadline, milestones_open, not_close_state …). Nothing is written on a refusal.

import type { LocalText } from "../domain/app-error.ts";
import type { AdjustmentKind, AdjustmentState } from "../domain/task-adjustments.ts";
import type { TaskLight, TaskLightSignal } from "../domain/task-lights.ts";
import type { TaskState } from "../domain/task-states.ts";
import type { DepartmentRef, SuggestedDepartment, UserRef } from "./common.ts";
import type { AttachmentView, ReportFrequency } from "./reports.ts";

export type { AdjustmentKind, AdjustmentState, TaskLight, TaskState };

/** One 节点 of a task. */
export interface TaskMilestoneView {
  id: number;
  name: string;
  /** YYYY-MM-DD, as adjusted (the date that counts now). */
  due: string;
  /** YYYY-MM-DD the lead department reported it done; null while open. */
  doneOn: string | null;
  /** The date first set, when an approved adjustment moved it (null: never moved). */
  originalDue: string | null;
  /** “原定6月30日，经批准调整为9月30日”, when moved; null otherwise. */
  adjustment: LocalText | null;
}

/** A rule that holds for the task as of the date asked (the first is the status). */
export type TaskSignalView = TaskLightSignal;

export interface TaskView {
  id: number;
  planId: number;
  /** The outline node (kind task) the task is. */
  nodeId: number;
  /** The area (1.) and group headings above it, for filters and grouping: nearest last. */
  path: { id: number; title: string }[];
  title: string;
  /** Offsets of the task in the plan's source text (null: added by hand). */
  start: number | null;
  end: number | null;
  leadDepartment: DepartmentRef | null;
  coDepartments: DepartmentRef[];
  /** The extractor's suggestion, accepted in one click (PATCH leadDepartmentId). */
  suggestedDepartment: SuggestedDepartment | null;
  /** YYYY-MM-DD; null: no deadline (长期 / 持续推进, see deadlineText) or none set yet. */
  deadline: string | null;
  /** The words as the office wrote them (2020年12月底前, 长期坚持); null when set as a date only. */
  deadlineText: string | null;
  /** The deadline first set, when an approved adjustment moved it. */
  originalDeadline: string | null;
  /** “原定6月30日，经批准调整为9月30日”, when moved. */
  deadlineAdjustment: LocalText | null;
  milestones: TaskMilestoneView[];
  /** 完成标准: what “done” means for this task; null when not stated. */
  doneCriteria: string | null;
  frequency: ReportFrequency;
  weight: number;
  /** Where the task is in its life (the lifecycle's state now, whatever `asOf`). */
  state: TaskState;
  /** 亮灯 as of the date asked (today by default). */
  status: TaskLight;
  /** The working of the status, in both languages (“节点‘6月底前完成招标’已逾期12天，未报完成”). */
  working: LocalText;
  /** Every rule that holds as of the date, in precedence order; signals[0] gave `status`. */
  signals: TaskSignalView[];
  /** The dates of the life so far (YYYY-MM-DD or null). */
  assignedOn: string | null;
  acknowledgedOn: string | null;
  closeRequestedOn: string | null;
  closedOn: string | null;
  stoppedOn: string | null;
  /** 中止 reason; null unless stopped. */
  stoppedReason: string | null;
  /** 办结情况 the lead department gave with its close request (while asked and once closed); null otherwise. */
  closeEvidence: string | null;
  /** 形象进度 % of the latest progress report; null when none gave one. */
  percent: number | null;
  /** The latest progress report, for the ledger and the desk; null before the first. */
  latestProgress: TaskProgressSummary | null;
  /** Adjustments waiting for the planner's decision. */
  pendingAdjustments: number;
}

export interface TaskProgressSummary {
  id: number;
  /** YYYY-MM-DD the report was submitted. */
  on: string;
  /** The reporting period it was for (2020-04, 2020-Q2). */
  period: string;
  progress: string;
  problems: string | null;
  nextSteps: string | null;
  percent: number | null;
}

/** GET /api/plans/:id/tasks?asOf=YYYY-MM-DD (&departmentId=, &status=, &nodeId= to filter). */
export interface TaskListView {
  planId: number;
  /** The date the statuses are judged as of. */
  asOf: string;
  tasks: TaskView[];
  /** Count of tasks in each status (every status present, zeros included). */
  counts: Record<TaskLight, number>;
  /** The plan's settings the lights used. */
  settings: TaskSettingsView;
}

/** Settings of a plan for tasks (part of the plan's settings). */
export interface TaskSettingsView {
  /** 临期: a milestone or the deadline within this many days; default 7. */
  dueSoonDays: number;
  /** 未签收: not acknowledged within this many working days of assignment; default 3. */
  acknowledgeWorkingDays: number;
  /** Holidays (weekdays off) and make-up working days (调休 weekends), YYYY-MM-DD. */
  holidays: string[];
  workdays: string[];
}

/** GET /api/tasks/:id?asOf= — one task with its history. */
export interface TaskDetailView extends TaskView {
  progressReports: TaskProgressReportView[];
  adjustments: AdjustmentView[];
  /** Every step of the life, oldest first (each also in the audit trail). */
  history: TaskHistoryEntry[];
  /** What the signed-in user may do now (buttons to show); the server checks again on the request. */
  actions: TaskActionName[];
}

export type TaskActionName =
  | "acknowledge"
  | "report_progress"
  | "request_close"
  | "close"
  | "return_close"
  | "stop"
  | "request_adjustment"
  | "decide_adjustment";

export interface TaskHistoryEntry {
  action: TaskActionName | "assign";
  from: TaskState | null;
  to: TaskState;
  at: string;
  by: UserRef | null;
  /** The domain's one-line summary (“办结申请被退回：证明材料不全”). */
  summary: LocalText;
}

export interface TaskProgressReportView extends TaskProgressSummary {
  taskId: number;
  by: UserRef;
  milestonesDone: { milestoneId: number; name: string; doneOn: string }[];
  attachments: AttachmentView[];
}

// ── Request bodies ───────────────────────────────────────────────────────────────────────────────

/** POST /api/tasks/:id/acknowledge (reporters of the lead department) → 200 TaskView. Empty body. */
export type AcknowledgeTaskRequest = Record<string, never>;

/**
 * POST /api/tasks/:id/progress (reporters of the lead department; the task acknowledged or in
 * progress) → 201 TaskProgressReportView. Multipart, so that 证明材料 are uploaded in the report form
 * itself: a field `body` holding this JSON and any number of `file` fields (each as a report
 * attachment: at most 10 MB, pdf, docx, xlsx, jpg, png or UTF-8 txt); or plain JSON without files.
 */
export interface TaskProgressRequest {
  /** The reporting period it is for: 2020-04 (monthly) or 2020-Q2 (quarterly), of the task's frequency. */
  period: string;
  /** 进展情况: required. */
  progress: string;
  /** 存在问题 */
  problems?: string | null;
  /** 下步打算 */
  nextSteps?: string | null;
  /** 形象进度 %, 0..100. */
  percent?: number | null;
  /** Milestones done, each with its day (on or before today; not already done). */
  milestonesDone?: { milestoneId: number; doneOn: string }[];
}

/**
 * POST /api/tasks/:id/close-request (reporters of the lead department; the task in progress) →
 * 200 TaskView. Every milestone must be done by then (marked here or before). Multipart as progress.
 */
export interface CloseRequestBody {
  /** 办结情况 and what the evidence shows: required. */
  evidence: string;
  /** Attachments already uploaded to a report of this task, to cite as evidence. */
  attachmentIds?: number[];
  milestonesDone?: { milestoneId: number; doneOn: string }[];
}

/** POST /api/tasks/:id/close (planners) — 办结销号 of a task whose closing was requested → 200 TaskView. */
export interface CloseTaskRequest {
  /** 审核意见, optional. */
  opinion?: string | null;
}

/** POST /api/tasks/:id/close-return (planners) — the close request sent back → 200 TaskView (推进中). */
export interface ReturnCloseRequest {
  reason: string;
}

/** POST /api/tasks/:id/stop (planners; any state before closing) — 中止 → 200 TaskView. */
export interface StopTaskRequest {
  reason: string;
}

/**
 * POST /api/tasks/:id/adjust-request (reporters of the lead department, planners; never on a closed
 * or stopped task) → 201 AdjustmentView.
 */
export type AdjustRequestBody =
  | { kind: "deadline"; proposedDue: string; reason: string }
  | { kind: "milestone"; milestoneId: number; proposedDue: string; reason: string }
  | { kind: "content"; proposedTitle: string; reason: string };

/** POST /api/adjustments/:id/decision (planners) → 200 AdjustmentView; the task changes when approved. */
export interface AdjustmentDecisionRequest {
  decision: "approved" | "refused";
  /** 审批意见: required when refused. */
  opinion?: string | null;
}

/** An 调整申请 and its outcome; the original stays on record whatever was decided. */
export interface AdjustmentView {
  id: number;
  taskId: number;
  taskTitle: string;
  kind: AdjustmentKind;
  /** For a milestone adjustment: which one, and its name. */
  milestoneId: number | null;
  milestoneName: string | null;
  /** A date (deadline, milestone; null: there was no deadline) or the wording (content). */
  original: string | null;
  proposed: string;
  reason: string;
  state: AdjustmentState;
  requestedBy: UserRef;
  requestedAt: string;
  decidedBy: UserRef | null;
  decidedAt: string | null;
  opinion: string | null;
  /** “原定6月30日，经批准调整为9月30日” once decided; null while pending. */
  record: LocalText | null;
}

/** GET /api/plans/:id/adjustments?state=pending — the planner's queue. */
export interface AdjustmentListView {
  adjustments: AdjustmentView[];
}

/**
 * PATCH /api/tasks/:id (planners, in the editor) — what a task is; its life moves only through the
 * transitions above. Milestones replace the whole list (ids kept for those that stay); in a
 * published plan a date change goes through an adjustment instead.
 */
export interface TaskPatch {
  title?: string;
  leadDepartmentId?: number | null;
  coDepartmentIds?: number[];
  /** YYYY-MM-DD or null; or give deadlineText and the server reads it (readDeadline) for the plan year. */
  deadline?: string | null;
  deadlineText?: string | null;
  milestones?: { id?: number; name: string; due: string }[];
  doneCriteria?: string | null;
  frequency?: ReportFrequency;
  weight?: number;
}

/** PATCH /api/plans/:id/tasks — many tasks at once (bulk assignment); all or nothing, a bad row named. */
export interface BulkTasksRequest {
  changes: { id: number; patch: TaskPatch }[];
}
