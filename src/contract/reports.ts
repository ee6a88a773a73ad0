// Reports, their revisions, periods, extensions and attachments. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { TargetStatus } from "../domain/evaluation.ts";
import type { ImplausibleRule, ImpossibleRule } from "../domain/plausibility.ts";
import type { TargetKind } from "../extract/types.ts";
import type { DepartmentRef, UserRef } from "./common.ts";

// ── Running the plan (issue 5): reports, review, evaluation, chasing ──
// Dates are YYYY-MM-DD, times ISO timestamps. Every list is ordered for display. Errors as above;
// new codes: conflict 409 (a save based on a stale revision: details.latest is the newer
// ReportRevisionView, details.latestRevision its number), bad_state 409 (e.g. approving a draft) —
// served as `conflict` with details.reason when no separate code exists.
// Plausibility (issue 14, src/domain/plausibility.ts): an impossible value → 400 bad_input with
// details { rule, numbers, field: "value", findings }; an implausible one → 422 implausible_value with
// details ImplausibleDetails, accepted when the save is sent again with confirm: true and a
// confirmReason that says something; the confirmed warnings are kept with the revision.
//
// Endpoints: GET/PUT /api/plans/:id/settings · GET/PUT /api/targets/:id/planned ·
// GET /api/plans/:id/reports · GET /api/targets/:id/reports ({ reports: ReportView[] }, every period) ·
// GET /api/reports/:id · PUT /api/{targets|nodes|items}/:id/reports/:period · POST /api/reports/:id/review ·
// GET /api/plans/:id/status?asOf · GET /api/targets/:id/evaluation?asOf · GET /api/me/due ·
// GET /api/plans/:id/due?asOf · GET/POST /api/plans/:id/reminders · POST /api/reminders/:id/read (204) ·
// GET/POST /api/plans/:id/extensions ({ extensions: ExtensionRequestView[] }) · POST /api/extensions/:id/decision.

export type ReportFrequency = "monthly" | "quarterly";
export type ReportState = "draft" | "submitted" | "approved" | "returned";
/** A report is about a target, a task (an outline node of kind task) or an item. */
export type ReportSubjectKind = "target" | "node" | "item";
/** Status words of a task or item report. */
export type StatusWord = "未启动" | "推进中" | "已完成" | "受阻";
/** The statuses and the working of an evaluation are the domain's own (src/domain/evaluation.ts). */
export type { TargetStatus };
export type ExtensionState = "pending" | "granted" | "refused";
export type { ImplausibleRule, ImpossibleRule };

/** What one plausibility rule found: the rule, the numbers it compared and what it says. */
export interface PlausibilityFindingView {
  rule: ImplausibleRule | ImpossibleRule;
  numbers: Record<string, number>;
  message: { zh: string; en: string };
}

/** An implausible figure the author confirmed, with the reason they gave (shown to the reviewer). */
export interface PlausibilityWarningView {
  rule: ImplausibleRule;
  numbers: Record<string, number>;
  message: { zh: string; en: string };
  reason: string;
}

/** details of 422 implausible_value: the first finding's rule and numbers, and all of them. */
export interface ImplausibleDetails {
  rule: ImplausibleRule;
  numbers: Record<string, number>;
  findings: PlausibilityFindingView[];
  /** "problems" when a cumulative fall needs a real reason in 存在问题 first. */
  field?: "problems";
}

/** One reporting period (src/domain/periods.ts). */
export interface PeriodView {
  /** 2020-04 for a month, 2020-Q2 for a quarter. */
  key: string;
  start: string;
  end: string;
  /** The last day a report is on time (default the 5th of the next month); a granted extension moves it. */
  due: string;
  /** 0..1: share of the plan period elapsed at the end of this period (时序进度). */
  elapsedShare: number;
  /** 1-based position in the plan period. */
  index: number;
}

/**
 * One revision of a report. Revisions are never changed: every save, submit, approval and return
 * appends one (an approval or return copies the content and names the reviewer as author).
 */
export interface ReportRevisionView {
  revision: number;
  state: ReportState;
  value: number | null;
  /** Milestones (and items): percent complete 0..100. */
  percent: number | null;
  statusWord: StatusWord | null;
  /** 进展情况 */
  progress: string;
  /** 存在问题 */
  problems: string;
  /** 下步打算 */
  nextSteps: string;
  /** Set on a revision of state returned. */
  returnReason: string | null;
  author: UserRef | null;
  createdAt: string;
  /** When the content of this revision was submitted (null for a draft). */
  submittedAt: string | null;
  /** When it was approved (state approved only). */
  approvedAt: string | null;
  /** Plausibility warnings confirmed for this content, each with its reason; [] when none. */
  warnings: PlausibilityWarningView[];
}

export interface ReportSubjectRef {
  kind: ReportSubjectKind;
  id: number;
  /** Target subject, task title or item name. */
  title: string;
  /** The target's value as written (4万人) for targets, else null. */
  display: string | null;
  /** The target as the plan states it (新增就业4万人, 控制在5.5%以内) for targets, else null. */
  statement: string | null;
  /** TargetKind for targets, null otherwise. */
  targetKind: TargetKind | null;
  unit: string | null;
  displayUnit: string | null;
}

export interface ReportView {
  id: number;
  planId: number;
  subject: ReportSubjectRef;
  period: PeriodView;
  department: DepartmentRef | null;
  state: ReportState;
  /** The newest revision, whatever its state; its `revision` is what the next save sends as baseRevision. */
  latest: ReportRevisionView;
  /** The newest approved revision (what counts), or null. */
  approved: ReportRevisionView | null;
  revisionCount: number;
  /** Due date in force (a granted extension included). */
  dueDate: string;
  /** First submitted after the due date (or, unsubmitted, the due date has passed). */
  late: boolean;
  firstSubmittedAt: string | null;
  updatedAt: string;
  /** The warnings confirmed for the newest revision's content (latest.warnings). */
  warnings: PlausibilityWarningView[];
}

/** GET /api/reports/:id */
export interface ReportDetail {
  report: ReportView;
  /** Every revision, oldest first. */
  revisions: ReportRevisionView[];
  extensions: ExtensionRequestView[];
  /** Files attached to the report's revisions, oldest first. */
  attachments: AttachmentView[];
  /** What the signed-in user may do now. */
  can: { save: boolean; review: boolean };
}

/**
 * PUT /api/targets/:id/reports/:period, PUT /api/nodes/:id/reports/:period,
 * PUT /api/items/:id/reports/:period — saves a new revision (creating the report on the first save).
 * `baseRevision`: the revision the form was loaded from (null when there was no report yet); a stale one
 * → 409 conflict with the newer revision in details.latest. Reporters of the lead or a co-operating
 * department only (planners and admins may too). 200 → ReportDetail.
 */
export interface SaveReportRequest {
  baseRevision: number | null;
  /** Targets: value to date in the target's base unit (累计完成 / level now / rate to date). */
  value?: number | null;
  /** Milestones and items: percent complete 0..100. */
  percent?: number | null;
  /** Tasks and items. */
  statusWord?: StatusWord | null;
  progress: string;
  problems: string;
  nextSteps: string;
  /** true: the new revision is submitted for review, else it is a draft. */
  submit?: boolean;
  /** true: the implausible value a 422 named is meant; needs confirmReason. */
  confirm?: boolean;
  /** Why the value is right (not 无, 没有, 暂无, 同上, -): kept with the revision for the reviewer. */
  confirmReason?: string;
}

/** GET /api/plans/:id/reports?period&departmentId&state&subjectKind (reporters: their department's). */
export interface ReportList {
  reports: ReportView[];
}

export interface ExtensionRequestView {
  id: number;
  planId: number;
  department: DepartmentRef;
  subject: ReportSubjectRef;
  period: string;
  reason: string;
  requestedDueDate: string;
  state: ExtensionState;
  requestedBy: UserRef | null;
  createdAt: string;
  decidedBy: UserRef | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** POST /api/plans/:id/extensions (reporter of the subject's department) → ExtensionRequestView. */
export interface ExtensionRequest {
  subjectKind: ReportSubjectKind;
  subjectId: number;
  period: string;
  reason: string;
  requestedDueDate: string;
}

/** POST /api/extensions/:id/decision (planner) → ExtensionRequestView. */
export interface ExtensionDecision {
  grant: boolean;
  note?: string;
}

/**
 * A file attached to a report (POST /api/reports/:id/attachments, multipart field `file`, at most 10 MB,
 * pdf, docx, xlsx, jpg, png or UTF-8 txt — checked by content) → 201 AttachmentView; listed on
 * ReportDetail; downloaded at GET /api/reports/:id/attachments/:attachmentId.
 */
export interface AttachmentView {
  id: number;
  reportId: number;
  /** The revision that was newest when the file was attached. */
  revision: number | null;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  uploadedBy: UserRef | null;
  createdAt: string;
}
