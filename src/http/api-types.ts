// The JSON shapes the HTTP API returns, shared with the web app (type-only imports).
// The TypeBox schemas beside each route must describe exactly these shapes.

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
  /** The latest approved report's value (null until reports exist). */
  latestValue: number | null;
  latestPeriod: string | null;
}

/** GET /api/public/plans/:id (GET /api/public/plans lists PlanSummary of public plans). */
export interface PublicPlanDetail {
  plan: PlanSummary;
  outline: PublicOutlineNode[];
  targets: PublicTargetView[];
}
