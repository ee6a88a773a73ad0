// The JSON shapes the HTTP API returns, shared with the web app (type-only imports).
// The TypeBox schemas beside each route must describe exactly these shapes.

import type { TargetStatus, Working } from "../domain/evaluation.ts";
import type {
  Comparator,
  DepartmentSuggestion,
  Direction,
  ItemCategory,
  OutlineKind,
  TargetKind,
} from "../extract/types.ts";

export type PlanState = "draft" | "published" | "closed";

export interface ApiErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
  /** The request's id (also the X-Request-Id header): quote it to an operator to find the log line. */
  requestId?: string;
}

export interface PlanSummary {
  id: number;
  title: string;
  regionName: string | null;
  regionCode: string | null;
  year: number | null;
  periodStart: string; // YYYY-MM-DD
  periodEnd: string; // YYYY-MM-DD
  issuer: string | null;
  published: string | null;
  state: PlanState;
  createdAt: string; // ISO timestamp
  counts: {
    sections: number;
    areas: number;
    groups: number;
    tasks: number;
    /** Numeric targets (kind ≠ milestone). */
    targets: number;
    items: number;
    /** Added: targets of kind milestone. */
    milestones: number;
  };
  /** Added: the source document's file name. */
  fileName: string | null;
  /** Added (issue 4): the plan's region, for scoping. */
  regionId: number | null;
  /** Added (issue 4): shown to the public at /api/public/plans (POST /api/plans/:id/public). */
  isPublic: boolean;
}

export interface DepartmentRef {
  id: number;
  name: string;
}

export interface OutlineNodeView {
  id: number;
  parentId: number | null;
  kind: OutlineKind;
  level: number;
  order: number;
  marker: string;
  title: string;
  text: string;
  start: number;
  end: number;
  leadDepartment: DepartmentRef | null;
  coDepartments: DepartmentRef[];
  suggestedDepartment: SuggestedDepartment | null;
}

export interface TargetView {
  id: number;
  nodeId: number | null; // the task it belongs to
  subject: string;
  value: number | null;
  value2: number | null;
  unit: string;
  displayUnit: string;
  display: string;
  comparator: Comparator;
  direction: Direction;
  kind: TargetKind;
  baseline: number | null;
  /** YYYY-MM-DD; null = the end of the plan period. */
  dueDate: string | null;
  frequency: "monthly" | "quarterly";
  weight: number;
  start: number;
  end: number;
  confidence: number | null;
  source: "extracted" | "manual";
  leadDepartment: DepartmentRef | null;
  coDepartments: DepartmentRef[];
  suggestedDepartment: SuggestedDepartment | null;
}

export interface ItemView {
  id: number;
  nodeId: number | null;
  name: string;
  category: ItemCategory;
  start: number;
  end: number;
  leadDepartment: DepartmentRef | null;
}

export interface PlanDetail {
  plan: PlanSummary;
  outline: OutlineNodeView[]; // every node, tasks included, in document order
  targets: TargetView[];
  items: ItemView[];
  departments: DepartmentRef[]; // the plan region's departments, for pickers
}

export interface PlanSource {
  planId: number;
  fileName: string;
  encoding: string;
  sha256: string;
  text: string;
}

// ---------------------------------------------------------------------------------------------------
// Added with the backend of issue 3: request bodies and results of the write endpoints. Every field of
// a patch is optional; `null` clears a nullable field, an absent field is left as it is.

/** A department suggestion, resolved to the region's department of that name when there is one. */
export interface SuggestedDepartment extends DepartmentSuggestion {
  departmentId: number | null;
}

export interface TargetPatch {
  subject?: string;
  value?: number | null;
  value2?: number | null;
  unit?: string;
  displayUnit?: string;
  /** When value, value2 or displayUnit change and display is not given, the server rewrites it. */
  display?: string;
  comparator?: Comparator;
  direction?: Direction;
  kind?: TargetKind;
  baseline?: number | null;
  /** YYYY-MM-DD; null = the end of the plan period. */
  dueDate?: string | null;
  frequency?: "monthly" | "quarterly";
  weight?: number;
  start?: number;
  end?: number;
  nodeId?: number | null;
  leadDepartmentId?: number | null;
  /** Replaces the whole set of co-operating departments. */
  coDepartmentIds?: number[];
}

/** POST /api/targets/:id/split — the first part keeps [start, at), the second gets [at, end). */
export interface SplitTargetRequest {
  at: number;
  first?: TargetPatch;
  second?: TargetPatch;
}

export interface SplitTargetResult {
  targets: [TargetView, TargetView];
}

/** POST /api/targets/merge — the earliest target survives, spanning all of them; the others go. */
export interface MergeTargetsRequest {
  ids: number[];
  patch?: TargetPatch;
}

/**
 * PATCH /api/plans/:id/targets — many targets of the plan changed at once (bulk assignment of
 * departments, kinds …). All or nothing; a bad row is named by its index and target id.
 */
export interface BulkTargetsRequest {
  changes: Array<{ id: number; patch: TargetPatch }>;
}

export interface BulkTargetsResult {
  targets: TargetView[];
}

/** POST /api/plans/:id/targets — a target the extractor missed, from selected text. */
export interface ManualTargetRequest extends TargetPatch {
  start: number;
  end: number;
}

export interface NodePatch {
  title?: string;
  kind?: OutlineKind;
  leadDepartmentId?: number | null;
  coDepartmentIds?: number[];
}

export interface ImportSummary {
  sections: number;
  areas: number;
  groups: number;
  tasks: number;
  /** Numeric targets. */
  targets: number;
  milestones: number;
  items: number;
}

/** POST /api/plans/import (multipart: file, region?, year?, force?). */
export interface ImportResult {
  planId: number;
  plan: PlanSummary;
  summary: ImportSummary;
  /** Plans already made from the same document (only with force). */
  duplicateOf: number[];
}

export interface HealthResponse {
  status: "ok";
  version: string;
  database: "sqlite" | "postgres";
}

/** GET /api/health/live: the process answers (the database is not asked). */
export interface HealthLiveResponse {
  status: "ok";
  version: string;
  uptimeSeconds: number;
}

/** GET /api/health/ready: 200 ready, or 503 not_ready with the reason. */
export interface HealthReadyResponse {
  status: "ready" | "not_ready";
  /** Why not ready, 中文 / English; null when ready. */
  reason: string | null;
  version: string;
  database: "sqlite" | "postgres";
  /** Null when the database did not answer. */
  migrations: { applied: string[]; pending: string[]; unknown: string[] } | null;
}

// ── Who may do what (issue 4): users, sign-in, administration, audit ──────────────────────────

export type Role = "admin" | "planner" | "reporter" | "leader";

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionId: number | null;
  regionName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
}

/** POST /api/auth/login. `totp` only when the account has a second factor. */
export interface LoginRequest {
  username: string;
  password: string;
  totp?: string;
}

/**
 * 200 from POST /api/auth/login and GET /api/auth/me. The session travels in an HttpOnly cookie;
 * `csrfToken` (also in the readable cookie `plantrack_csrf`) must be sent back in the header
 * `x-csrf-token` on every POST/PATCH/PUT/DELETE made with the cookie.
 */
export interface SessionInfo {
  user: CurrentUser;
  csrfToken: string;
  /** ISO time at which the session ends if idle. */
  idleExpiresAt: string;
}

/** POST /api/auth/password (also the forced change at first sign-in). */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** POST /api/auth/totp/setup → the secret to put in an authenticator app; then POST /api/auth/totp/enable { code }. */
export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionId: number | null;
  regionName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  createdAt: string;
}

/** POST /api/admin/users. With no password a random one is made and returned once. */
export interface CreateUserRequest {
  username: string;
  displayName?: string;
  role: Role;
  regionId?: number | null;
  departmentId?: number | null;
  password?: string;
}

/** PATCH /api/admin/users/:id */
export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  regionId?: number | null;
  departmentId?: number | null;
  disabled?: boolean;
}

/** 200 from POST /api/admin/users and POST /api/admin/users/:id/reset-password: shown once. */
export interface UserWithPassword {
  user: UserView;
  password: string;
}

export interface DepartmentView {
  id: number;
  regionId: number;
  regionName: string;
  name: string;
  shortName: string | null;
  /** Added: the full name (天津市南开区人力资源和社会保障局). */
  fullName: string | null;
  /** Added: a disabled department keeps its history but gets no new users. */
  disabled: boolean;
  userCount: number;
}

export interface RegionView {
  id: number;
  name: string;
  code: string;
  parentId: number | null;
}

export interface AuditEntryView {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** GET /api/admin/audit?from&to&user&action&entity&q&page&pageSize */
export interface AuditPage {
  entries: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /api/admin/audit/verify */
export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  /** The first row whose hash does not follow from the row before, if any. */
  brokenAt: number | null;
  reason: string | null;
}

// ── Added with the server side of issue 4 ─────────────────────────────────────────────────────
// Errors of sign-in and access, by code: unauthenticated 401 (no session, wrong name or password),
// totp_required 401 (password right, give `totp`), locked 423 (5 failed sign-ins: 15 minutes;
// details.lockedUntil), rate_limited 429 (details.retryAfterSeconds), password_change_required 403,
// csrf 403, forbidden 403. POST /api/auth/logout and /logout-all answer 204 with no body.

/** POST /api/auth/totp/enable */
export interface TotpCodeRequest {
  code: string;
}

/** POST /api/auth/totp/disable: a current code or the password. */
export interface TotpDisableRequest {
  code?: string;
  currentPassword?: string;
}

/** POST /api/admin/users/:id/reset-password (body optional). */
export interface ResetPasswordRequest {
  /** Also remove the second factor (the user lost the authenticator). */
  clearTotp?: boolean;
}

/** POST /api/admin/departments */
export interface CreateDepartmentRequest {
  regionId: number;
  name: string;
  shortName?: string | null;
  fullName?: string | null;
}

/** PATCH /api/admin/departments/:id */
export interface UpdateDepartmentRequest {
  name?: string;
  shortName?: string | null;
  fullName?: string | null;
  disabled?: boolean;
}

/** POST /api/plans/:id/public — only a published (or closed) plan can be made public. */
export interface SetPublicRequest {
  public: boolean;
}

export interface PublicOutlineNode {
  id: number;
  parentId: number | null;
  kind: OutlineKind;
  level: number;
  order: number;
  marker: string;
  title: string;
  leadDepartment: DepartmentRef | null;
}

export interface PublicTargetView {
  id: number;
  nodeId: number | null;
  subject: string;
  display: string;
  value: number | null;
  value2: number | null;
  unit: string;
  displayUnit: string;
  comparator: Comparator;
  direction: Direction;
  kind: TargetKind;
  dueDate: string | null;
  leadDepartment: DepartmentRef | null;
  /** The latest approved report's value as of the page's date (null before any approval). */
  latestValue: number | null;
  latestPeriod: string | null;
  /** The target's status as of the date, judged on approved reports only. */
  status: TargetStatus;
  completion: number | null;
  /** Percentage points ahead (+) or behind (−) the schedule, when judged against time. */
  gapPoints: number | null;
}

/**
 * GET /api/public/plans/:id (GET /api/public/plans lists PlanSummary of public plans). Approved values
 * only: no drafts, no submitted or returned revisions, no reporters' names, no report texts.
 */
export interface PublicPlanDetail {
  plan: PlanSummary;
  /** The date the values and statuses are as of (the demo plan's fixed date for demo data). */
  asOf: string;
  demo: boolean;
  outline: PublicOutlineNode[];
  targets: PublicTargetView[];
}

// ── Running the plan (issue 5): reports, review, evaluation, chasing ──
// Dates are YYYY-MM-DD, times ISO timestamps. Every list is ordered for display. Errors as above;
// new codes: conflict 409 (a save based on a stale revision: details.latest is the newer
// ReportRevisionView, details.latestRevision its number), bad_state 409 (e.g. approving a draft) —
// served as `conflict` with details.reason when no separate code exists.
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

export interface ZhEn {
  zh: string;
  en: string;
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

export interface UserRef {
  id: number;
  username: string;
  displayName: string;
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
}

export interface ReportSubjectRef {
  kind: ReportSubjectKind;
  id: number;
  /** Target subject, task title or item name. */
  title: string;
  /** The target's display form (新增就业4万人) for targets, else null. */
  display: string | null;
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
}

/** POST /api/reports/:id/review (planner in scope). The report must be submitted. 200 → ReportDetail. */
export interface ReviewRequest {
  action: "approve" | "return";
  /** Required to return (退回原因). */
  reason?: string;
  /** Optional optimistic check: the submitted revision being reviewed. */
  baseRevision?: number;
}

/**
 * POST /api/plans/:id/reports/review-bulk (planner in scope): approve (or return, with one reason)
 * several submitted reports of the plan at once. All or nothing: when any report cannot be reviewed,
 * none is, and the error's details.errors says which and why (BulkReviewError each).
 */
export interface BulkReviewRequest {
  action: "approve" | "return";
  /** Required to return; the same reason for every report. */
  reason?: string;
  /** Each report with the revision the reviewer saw (stale → that report's error is a conflict). */
  reports: Array<{ id: number; baseRevision?: number }>;
}

/** 200 → every report as it now is, in the order asked. */
export interface BulkReviewResult {
  action: "approve" | "return";
  reports: ReportView[];
}

/** One report a bulk review refused (in details.errors of the 4xx). */
export interface BulkReviewError {
  reportId: number;
  /** Position in the request's `reports`. */
  index: number;
  code: "not_found" | "bad_input" | "conflict";
  message: string;
}

/** GET /api/plans/:id/reports?period&departmentId&state&subjectKind (reporters: their department's). */
export interface ReportList {
  reports: ReportView[];
}

export type WorkingView = Working;

export interface EvaluationView {
  status: TargetStatus;
  statusWord: ZhEn;
  /** Share, 1 = 100%; null when it cannot be computed. */
  completion: number | null;
  /** 0..1 */
  expectedShare: number | null;
  /** completion − expected, in percentage points (positive: ahead). */
  gapPoints: number | null;
  /** “超时序进度9.9个百分点” / “9.9 points ahead of schedule”, null without a gap. */
  phrase: ZhEn | null;
  /** The period judged (null: none yet). */
  period: PeriodView | null;
  working: WorkingView;
}

export interface TargetStatusView {
  targetId: number;
  subject: string;
  display: string;
  kind: TargetKind;
  unit: string;
  displayUnit: string;
  nodeId: number | null;
  areaId: number | null;
  groupId: number | null;
  department: DepartmentRef | null;
  weight: number;
  /** The approved value judged (base unit), or null. */
  value: number | null;
  evaluation: EvaluationView;
  /** A city target with district targets linked to it (POST /api/targets/:id/links): their roll-up. */
  districts?: DistrictRollupView;
}

export interface RollupView {
  total: number;
  counts: Record<TargetStatus, number>;
  /** 0..1 or null */
  completionIndex: number | null;
  measured: number;
}

export interface RollupGroupView {
  /** Outline node id (areas, groups) or department id. */
  id: number;
  title: string;
  rollup: RollupView;
}

export interface DepartmentRankingView {
  department: DepartmentRef;
  completionIndex: number | null;
  reportsDue: number;
  reportsOnTime: number;
  onTimeRate: number | null;
  completionRank: number;
  onTimeRank: number;
}

/** GET /api/plans/:id/status?asOf=YYYY-MM-DD (default today; the demo plan: its demo date). */
export interface PlanStatusView {
  planId: number;
  asOf: string;
  /** The last period that had ended by asOf (plan frequency), or null. */
  period: PeriodView | null;
  /** Demo data (示例数据): show the label. */
  demo: boolean;
  targets: TargetStatusView[];
  /** Tasks and items, each judged on its status word or percent (not in the roll-ups, which are of targets). */
  tasks: SubjectStatusView[];
  items: SubjectStatusView[];
  plan: RollupView;
  areas: RollupGroupView[];
  groups: RollupGroupView[];
  departments: RollupGroupView[];
  rankings: DepartmentRankingView[];
}

/** GET /api/targets/:id/evaluation?asOf= — the status now and at the end of every period with the working. */
export interface TargetEvaluationView {
  asOf: string;
  target: TargetStatusView;
  periods: Array<{
    period: PeriodView;
    planned: number | null;
    report: ReportView | null;
    /** Judged on the approved-as-of revision of that period; not_reported/not_started when none. */
    evaluation: EvaluationView;
  }>;
  thresholds: ThresholdsView;
}

export interface ThresholdsView {
  behindPoints: number;
  farBehindPoints: number;
  rateShortfallShare: number;
  aboutRatePoints: number;
  aboutShare: number;
}

/** GET /api/plans/:id/settings; PUT the same shape, every field optional (thresholds partial too). */
export interface PlanSettingsView {
  thresholds: ThresholdsView;
  /** Default reporting frequency of tasks and items (targets carry their own). */
  frequency: ReportFrequency;
  /** Reports due on this day of the next month (1..28). */
  dueDay: number;
  /** Demo data (示例数据), with the fixed date its status is shown as of. */
  demo: boolean;
  demoAsOf: string | null;
}

export interface PlanSettingsPatch {
  thresholds?: Partial<ThresholdsView>;
  frequency?: ReportFrequency;
  dueDay?: number;
}

/** GET /api/targets/:id/planned — the reporting calendar of a target with its 分期计划. */
export interface TargetPlannedView {
  targetId: number;
  frequency: ReportFrequency;
  periods: Array<PeriodView & { planned: number | null }>;
}

/**
 * PUT /api/targets/:id/planned (planners): replaces the whole set; values in the target's base unit, for
 * periods of the target's frequency (change the frequency with PATCH /api/targets/:id first).
 */
export interface PlannedValuesRequest {
  values: Array<{ period: string; value: number }>;
}

/** One report a department owes. */
export interface DueItem {
  planId: number;
  planTitle: string;
  subject: ReportSubjectRef;
  department: DepartmentRef | null;
  period: PeriodView;
  /** Due date in force (extension included). */
  dueDate: string;
  /** due: not yet past the due date; overdue: past it and not submitted; returned: sent back to correct. */
  state: "due" | "overdue" | "returned" | "draft";
  daysLeft: number;
  report: { id: number; state: ReportState; revision: number } | null;
  extension: ExtensionRequestView | null;
}

export interface ReminderView {
  id: number;
  planId: number;
  department: DepartmentRef;
  message: string;
  sentBy: UserRef | null;
  sentAt: string;
  readAt: string | null;
  /** in_app; the webhook's outcome when one is configured. */
  delivery: "in_app" | "webhook_sent" | "webhook_failed";
  deliveryError: string | null;
}

/** GET /api/me/due (reporters; others get empty lists). */
export interface MyDueView {
  asOf: string;
  department: DepartmentRef | null;
  items: DueItem[];
  reminders: ReminderView[];
  extensions: ExtensionRequestView[];
}

/** GET /api/plans/:id/due?asOf= (planners, leaders): by department, overdue first. */
export interface PlanDueView {
  planId: number;
  asOf: string;
  departments: Array<{
    department: DepartmentRef | null;
    due: number;
    overdue: number;
    items: DueItem[];
    lastReminderAt: string | null;
  }>;
}

/** POST /api/plans/:id/reminders (催报, planners) → ReminderView; GET → { reminders: ReminderView[] }. */
export interface ReminderRequest {
  departmentId: number;
  /** Default: a message listing what is overdue. */
  message?: string;
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
 * POST /api/plans/:id/copy (planner in scope) → 201 PlanSummary: a new draft for `year` with the same
 * outline, targets (values kept, baselines empty), items, departments and settings; no reports.
 */
export interface CopyPlanRequest {
  year: number;
}

/** A district plan's target linked to a city plan's target. */
export interface LinkedTargetRef {
  targetId: number;
  planId: number;
  planTitle: string;
  region: { id: number; name: string } | null;
  subject: string;
  display: string;
  unit: string;
  kind: TargetKind;
}

/** POST /api/targets/:id/links (planner) — link district targets to a city target; same unit and kind. */
export interface TargetLinksRequest {
  childTargetIds: number[];
}

/** POST /api/targets/:id/links, DELETE /api/targets/:id/links/:childId → the links now. */
export interface TargetLinksView {
  targetId: number;
  children: LinkedTargetRef[];
}

export interface DistrictValueView extends LinkedTargetRef {
  /** The district's latest approved value as of the date (base unit), and its period. */
  value: number | null;
  period: string | null;
  evaluation: EvaluationView;
}

/**
 * A city target's roll-up of its districts as of the date: cumulative targets are summed (`total`,
 * and `completion` = total / the city's value); levels and rates are listed, never added.
 */
export interface DistrictRollupView {
  mode: "sum" | "list";
  total: number | null;
  completion: number | null;
  /** Districts with an approved value by the date. */
  reported: number;
  districts: DistrictValueView[];
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

/**
 * A task or an item in GET /api/plans/:id/status (`tasks`, `items`): judged on its status word
 * (未启动 not started, 推进中 on track, 已完成 completed, 受阻 behind) or, without one, on its percent as a
 * milestone against the schedule; not reported once a report is past due.
 */
export interface SubjectStatusView {
  kind: "node" | "item";
  id: number;
  title: string;
  /** The task itself, or the task the item belongs to. */
  nodeId: number | null;
  areaId: number | null;
  groupId: number | null;
  department: DepartmentRef | null;
  /** From the approved report judged. */
  statusWord: StatusWord | null;
  percent: number | null;
  evaluation: EvaluationView;
}

// ── The leaders' cockpit (领导驾驶舱, issue 6) ────────────────────────────────────────────────

/** One period of a target's trend: the approved value as of the date against the schedule line. */
export interface TrendPointView {
  period: PeriodView;
  /** The latest approved value of the period (base unit; a percent for milestones), or null. */
  value: number | null;
  /** Where the schedule (时序进度, or the planner's 分期计划) puts the value at the period's end. */
  expected: number | null;
  /** The period judged on its own as of the date (not_started: not ended; not_reported: missing). */
  status: TargetStatus;
  /** The id of the period's report, to open it (null: none). */
  reportId: number | null;
}

/** GET /api/targets/:id/trend?asOf= — every period of the target's calendar. */
export interface TargetTrendView {
  targetId: number;
  planId: number;
  asOf: string;
  subject: string;
  display: string;
  kind: TargetKind;
  comparator: Comparator;
  unit: string;
  displayUnit: string;
  /** The target's value and second value (ranges), baseline: base unit. */
  goal: number | null;
  goal2: number | null;
  baseline: number | null;
  /** What the expected line follows: elapsed time, the planner's 分期计划, or the target itself (rates, bounds). */
  line: "elapsed" | "planned" | "target";
  points: TrendPointView[];
}

/** A headline indicator (主要预期指标): its status now and its trend. */
export interface CockpitHeadlineView {
  status: TargetStatusView;
  trend: TargetTrendView;
}

/** GET /api/plans/:id/cockpit?asOf=YYYY-MM-DD — everything the leaders' cockpit shows, in one answer. */
export interface CockpitView {
  planId: number;
  title: string;
  asOf: string;
  /** The last period of the plan's calendar ended by asOf, or null. */
  period: PeriodView | null;
  demo: boolean;
  thresholds: ThresholdsView;
  /** The whole plan: counts by status and the completion index. */
  plan: RollupView;
  headline: CockpitHeadlineView[];
  /** Completion by area (outline areas) and by lead department. */
  areas: RollupGroupView[];
  departments: RollupGroupView[];
  /** 严重滞后 and 滞后 targets, furthest behind first. */
  red: TargetStatusView[];
  yellow: TargetStatusView[];
  /** Departments by completion index and by reports on time (排名通报). */
  rankings: DepartmentRankingView[];
  /** Every target with its status and working, for drilling down from any figure. */
  targets: TargetStatusView[];
}

// ── Documents: ledger re-import and the 任务分解表 import (issue 7) ─────────────────────────────

export type LedgerDiffFieldName = "value" | "percent" | "statusWord" | "progress" | "problems" | "nextSteps";

/** One cell that differs: the current approved content and what the file says (display unit). */
export interface LedgerDiffField {
  field: LedgerDiffFieldName;
  before: string | number | null;
  after: string | number | null;
}

/** The differences of one report (a subject and a period) between the file and the plan. */
export interface LedgerDiffView {
  /** target:12|2020-05 — what the planner confirms. */
  key: string;
  sheet: string;
  row: number;
  subjectKind: "target" | "node";
  subjectId: number;
  title: string;
  period: string;
  /** The report's current revision at the preview (null: no report yet). */
  baseRevision: number | null;
  changes: LedgerDiffField[];
  /** Why it cannot be applied now (a revision waits for review), else null. */
  blocked: string | null;
}

/** POST /api/plans/:id/ledger/preview — nothing is applied. */
export interface LedgerPreview {
  planId: number;
  fileName: string;
  period: string;
  rowsRead: number;
  differences: LedgerDiffView[];
  /** Rows whose id is no longer in the plan. */
  unknownRows: { sheet: string; row: number; id: string }[];
}

/** POST /api/plans/:id/ledger/apply — the differences the planner confirmed. */
export interface LedgerApplyRequest {
  fileName: string;
  period: string;
  items: { key: string; baseRevision: number | null; changes: LedgerDiffField[] }[];
}

export interface LedgerApplyResult {
  planId: number;
  revisions: number;
}

/** A 任务分解表 row as read: the texts of its columns. */
export interface BreakdownFieldsView {
  seq: string;
  task: string;
  goal: string;
  lead: string;
  co: string;
  deadline: string;
  planned: { label: string; endMonth: number; text: string }[];
}

export type BreakdownChangeField = "leadDepartment" | "coDepartments" | "dueDate" | "planned";

export interface BreakdownChangeView {
  field: BreakdownChangeField;
  before: string;
  after: string;
}

/** A target or task the row may be, with its score (0..1) and what taking it would change. */
export interface BreakdownCandidateView {
  kind: "target" | "node";
  id: number;
  title: string;
  task: string;
  score: number;
  changes: BreakdownChangeView[];
  unknownDepartments: string[];
  warnings: string[];
}

export interface BreakdownRowView {
  sheet: string;
  row: number;
  fields: BreakdownFieldsView;
  /** The best candidate when its score reaches the threshold, else null (unmatched). */
  match: BreakdownCandidateView | null;
  alternatives: BreakdownCandidateView[];
}

/** POST /api/plans/:id/breakdown/preview — each row with its best match; nothing is applied. */
export interface BreakdownPreview {
  planId: number;
  fileName: string;
  sheet: string;
  headerRow: number;
  columns: { column: string; header: string; field: string }[];
  threshold: number;
  /** Of the plan's current departments, deadlines and planned values: apply refuses (409) when it moved. */
  fingerprint: string;
  rows: BreakdownRowView[];
  unmatchedRows: number[];
  unknownDepartments: string[];
}

/** POST /api/plans/:id/breakdown/apply — the accepted rows, each with the match the planner chose. */
export interface BreakdownApplyRequest {
  fingerprint: string;
  fileName: string;
  rows: { row: number; subject: { kind: "target" | "node"; id: number }; fields: BreakdownFieldsView }[];
}

export interface BreakdownApplyResult {
  planId: number;
  rows: number;
  changes: number;
}
