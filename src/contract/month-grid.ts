// The reporter's month grid (issue 14): every report a department owes for one month — targets and
// tasks — on one sheet, saved as drafts or submitted together, all or nothing; and the department's
// report history. Part of the API contract: pure types shared by the server, the CLI and the web app.
//
// Endpoints (reporters): GET /api/me/grid?month=2020-06 · PUT /api/me/grid/:month ·
// GET /api/me/reports?state=&month=.

import type { DepartmentRef, ZhEn } from "./common.ts";
import type {
  PeriodView,
  ReportRevisionView,
  ReportState,
  ReportSubjectRef,
  ReportView,
  SaveReportRequest,
} from "./reports.ts";
import type { TaskState } from "./tasks.ts";

/**
 * Where a row stands: owed (due, not yet past its due date; overdue; a draft; returned to correct) or
 * done for now (submitted and waiting for review; approved).
 */
export type MonthGridRowState = "returned" | "overdue" | "draft" | "due" | "submitted" | "approved";

/** One month of the sheet, for the month picker. */
export interface MonthGridMonth {
  /** 2020-06 */
  key: string;
  /** Rows of the month still to do (due, overdue, draft, returned). */
  open: number;
  returned: number;
  /** Rows in all. */
  rows: number;
}

/**
 * One report on the sheet: a monthly subject's report for the month, or a quarterly one's for the
 * quarter that ends in it.
 */
export interface MonthGridRow {
  planId: number;
  planTitle: string;
  subject: ReportSubjectRef;
  period: PeriodView;
  /** Due date in force (a granted extension included). */
  dueDate: string;
  state: MonthGridRowState;
  /** The report so far; its `revision` is the next save's baseRevision. Null before the first save. */
  report: { id: number; state: ReportState; revision: number } | null;
  /** The newest revision (its content fills the row), null before the first save. */
  latest: ReportRevisionView | null;
  /** Why the planner sent it back, while it stands returned. */
  returnReason: string | null;
  /**
   * The latest earlier period's figure somebody else has seen: its approved revision, else the
   * latest submitted one (a draft is nobody's word yet).
   */
  previous: {
    period: string;
    value: number | null;
    percent: number | null;
    progress: string;
    approved: boolean;
  } | null;
  /** A target's goal in its base unit (value2: the upper end of a range), for the checks as typed. */
  goal: { value: number | null; value2: number | null } | null;
  /** A task's place in its life; null for targets. */
  taskState: TaskState | null;
  /**
   * Whether the row takes a save now: not while submitted or approved, nor a task waiting to be
   * signed for (签收) or one that is closing, closed or stopped.
   */
  editable: boolean;
  /** Why not, when not editable (in both languages; the client shows one). */
  lockedReason: ZhEn | null;
}

/** GET /api/me/grid?month= (reporters; other roles are refused). */
export interface MonthGridView {
  /** The date the plans are read at (the demo plan's fixed date; else today). */
  asOf: string;
  department: DepartmentRef | null;
  /** The month shown: the one asked for, else the newest with something still owed. */
  month: string;
  /** Every month with rows, newest first. */
  months: MonthGridMonth[];
  /** Returned rows first, then in the plans' order (targets, then tasks). */
  rows: MonthGridRow[];
}

/**
 * One row of a save: a report as PUT …/reports/:period takes it (confirm and confirmReason for an
 * implausible value included), naming its subject and period.
 */
export interface MonthGridRowSave extends Omit<SaveReportRequest, "submit"> {
  kind: "target" | "node";
  id: number;
  /** The row's own period: the month, or for a quarterly subject the quarter ending in it. */
  period: string;
}

/**
 * PUT /api/me/grid/:month — every row saved as a draft (submit false) or submitted (submit true) in
 * one transaction: when any row is refused nothing is written, and the error's details.errors names
 * each refused row (MonthGridRowError). A task's submission is its 进展报送 (the task moves to 推进中).
 */
export interface MonthGridSaveRequest {
  submit: boolean;
  rows: MonthGridRowSave[];
}

/** 200: the rows written, and the month's sheet as it now is. */
export interface MonthGridSaveResult {
  submitted: boolean;
  saved: number;
  grid: MonthGridView;
}

/** One refused row (in details.errors of the 4xx). */
export interface MonthGridRowError {
  /** Position in the request's rows. */
  index: number;
  kind: "target" | "node";
  id: number;
  period: string;
  /** The subject's name, or null when there is no such subject. */
  title: string | null;
  /** The code the row's own save would have got: bad_input, conflict, implausible_value, forbidden … */
  code: string;
  message: ZhEn;
  /** The rule that refused it, when it names one (details.rule of the row's error). */
  rule: string | null;
  /** The row's error details as they are (a conflict's latest revision, plausibility's findings). */
  details: Record<string, unknown>;
}

/** GET /api/me/reports?state=&month= — the department's reports in the published plans of its region. */
export interface MyReportsQuery {
  state?: ReportState;
  /** 2020-06: the reports of that month (and of the quarter ending in it). */
  month?: string;
}

/** Returned reports first, then the newest period first. */
export interface MyReportsView {
  department: DepartmentRef | null;
  reports: ReportView[];
  /** Reports of the department in each state, whatever the filter. */
  counts: Record<ReportState, number>;
}
