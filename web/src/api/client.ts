// A small typed fetch client for /api. Every failure becomes an ApiError that carries the server's
// { code, message, details } body, the HTTP status, and a code of its own when the server could not
// be reached or did not answer with JSON.

import type { AuditPage, AuditVerifyResult } from "../../../src/contract/audit.ts";
import type { CockpitView, TargetTrendView } from "../../../src/contract/cockpit.ts";
import type { ApiErrorBody } from "../../../src/contract/common.ts";
import type {
  MonthGridSaveRequest,
  MonthGridSaveResult,
  MonthGridView,
  MyReportsQuery,
  MyReportsView,
} from "../../../src/contract/month-grid.ts";
import type {
  CopyPlanRequest,
  ImportResult,
  OutlineNodeView,
  PlanDetail,
  PlanSettingsPatch,
  PlanSettingsView,
  PlanSource,
  PlanSummary,
} from "../../../src/contract/plans.ts";
import type { PublicPlanDetail } from "../../../src/contract/public.ts";
import type {
  ChannelView,
  CreateChannelRequest,
  DeliveryView,
  MyDueView,
  PlanDueView,
  ReminderRequest,
  ReminderSettingsView,
  ReminderView,
} from "../../../src/contract/reminders.ts";
import type {
  ExtensionDecision,
  ExtensionRequest,
  ExtensionRequestView,
  ReportDetail,
  ReportState,
  ReportSubjectKind,
  ReportView,
  SaveReportRequest,
} from "../../../src/contract/reports.ts";
import type { BulkReviewRequest, BulkReviewResult, ReviewRequest } from "../../../src/contract/review.ts";
import type { PlanStatusView, TargetEvaluationView } from "../../../src/contract/status.ts";
import type {
  AddTaskRequest,
  MergeNodesRequest,
  SplitNodeResult,
  StopTargetRequest,
} from "../../../src/contract/structure.ts";
import type {
  BulkTargetsRequest,
  BulkTargetsResult,
  PlannedValuesRequest,
  TargetPatch,
  TargetPlannedView,
  TargetView,
} from "../../../src/contract/targets.ts";
import type {
  AdjustmentDecisionRequest,
  AdjustmentListView,
  AdjustmentView,
  AdjustRequestBody,
  BulkTasksRequest,
  CloseRequestBody,
  CloseTaskRequest,
  ReturnCloseRequest,
  StopTaskRequest,
  TaskDetailView,
  TaskListView,
  TaskPatch,
  TaskProgressReportView,
  TaskProgressRequest,
  TaskView,
} from "../../../src/contract/tasks.ts";
import type {
  ChangePasswordRequest,
  CreateDepartmentRequest,
  CreateUserRequest,
  DepartmentView,
  LoginRequest,
  RegionView,
  ResetPasswordRequest,
  SessionInfo,
  TotpDisableRequest,
  TotpSetup,
  UpdateDepartmentRequest,
  UpdateUserRequest,
  UserView,
  UserWithPassword,
} from "../../../src/contract/users.ts";
import { fiveYearEndpoints } from "./five-year-api.ts";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.details = body.details ?? {};
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Status 0: the request never got an answer (server down, network cut). */
export const NETWORK_ERROR_STATUS = 0;

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: FetchLike;
  /** The document's cookies (`document.cookie`), read on every write for the CSRF token. */
  cookies?: () => string;
}

/** The readable cookie holding the session's CSRF token. */
export const CSRF_COOKIE = "plantrack_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** The value of one cookie in a `document.cookie` string; null when it is not there. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Requests whose 401 means "wrong credentials here", not "your session is gone". */
function isAuthFlow(path: string): boolean {
  return path.startsWith("/api/auth/") || path.startsWith("/api/public/");
}

export interface ApiEvents {
  /** A request made with the session was refused with 401: the session ended or never was. */
  onUnauthenticated?: (error: ApiError) => void;
  /** The server wants a new password before anything else (403 password_change_required). */
  onPasswordChangeRequired?: (error: ApiError) => void;
}

/** The language chosen in the app (I18nProvider keeps it in localStorage): zh-CN unless English. */
function chosenLang(): string {
  try {
    return globalThis.localStorage?.getItem("plantrack.lang") === "en-US" ? "en-US" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? "";
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const cookies = options.cookies ?? (() => (typeof document === "undefined" ? "" : (document.cookie ?? "")));
  // The token from the last sign-in or /me, for when the cookie cannot be read (another path, tests).
  let knownCsrf: string | null = null;
  const events: ApiEvents = {};

  function csrfToken(): string | null {
    return readCookie(cookies(), CSRF_COOKIE) ?? knownCsrf;
  }

  function rememberSession(session: SessionInfo): SessionInfo {
    if (typeof session?.csrfToken === "string") knownCsrf = session.csrfToken;
    return session;
  }

  function fail(error: ApiError, path: string): never {
    if (error.status === 401 && !isAuthFlow(path)) events.onUnauthenticated?.(error);
    if (error.status === 403 && error.code === "password_change_required") {
      events.onPasswordChangeRequired?.(error);
    }
    throw error;
  }

  async function request<T>(method: string, path: string, body?: BodyInit | object): Promise<T> {
    // The server answers errors (and names files) in the language the person chose.
    const headers: Record<string, string> = { accept: "application/json", "x-plantrack-lang": chosenLang() };
    if (!SAFE_METHODS.has(method)) {
      const token = csrfToken();
      if (token) headers[CSRF_HEADER] = token;
    }
    const init: RequestInit = { method, headers, credentials: "same-origin" };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      headers["content-type"] = "application/json";
    }
    let response: Response;
    try {
      response = await doFetch(baseUrl + path, init);
    } catch (cause) {
      throw new ApiError(NETWORK_ERROR_STATUS, {
        code: "network_error",
        message: cause instanceof Error ? cause.message : String(cause),
        details: { method, path },
      });
    }
    const text = await response.text();
    let parsed: unknown;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!response.ok) {
      if (isErrorBody(parsed)) fail(new ApiError(response.status, parsed), path);
      fail(
        new ApiError(response.status, {
          code: `http_${response.status}`,
          message: response.statusText || `HTTP ${response.status}`,
          details: { method, path, body: text.slice(0, 500) },
        }),
        path,
      );
    }
    if (text.length > 0 && parsed === undefined) {
      throw new ApiError(response.status, {
        code: "bad_response",
        message: "The server's answer is not JSON",
        details: { method, path, body: text.slice(0, 500) },
      });
    }
    return parsed as T;
  }

  const query = (params: Record<string, string | number | undefined | null>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
    }
    const text = search.toString();
    return text ? `?${text}` : "";
  };

  return {
    /** Handlers for a lost session and a forced password change; replaces the previous ones. */
    setEvents: (next: ApiEvents) => {
      events.onUnauthenticated = next.onUnauthenticated;
      events.onPasswordChangeRequired = next.onPasswordChangeRequired;
    },
    csrfToken,

    // ── sign-in ──
    login: (body: LoginRequest) =>
      request<SessionInfo>("POST", "/api/auth/login", body).then(rememberSession),
    logout: () => request<unknown>("POST", "/api/auth/logout", {}),
    logoutAll: () => request<unknown>("POST", "/api/auth/logout-all", {}),
    /** The signed-in session; null when nobody is signed in (401). */
    me: () =>
      request<SessionInfo>("GET", "/api/auth/me")
        .then(rememberSession)
        .catch((error: unknown) => {
          if (isApiError(error) && error.status === 401) return null;
          throw error;
        }),
    changePassword: (body: ChangePasswordRequest) => request<unknown>("POST", "/api/auth/password", body),
    totpSetup: () => request<TotpSetup>("POST", "/api/auth/totp/setup", {}),
    totpEnable: (code: string) => request<unknown>("POST", "/api/auth/totp/enable", { code }),
    totpDisable: (body: TotpDisableRequest) => request<unknown>("POST", "/api/auth/totp/disable", body),

    // ── administration ──
    listUsers: () =>
      request<UserView[] | { users: UserView[] }>("GET", "/api/admin/users").then(unwrap("users")),
    createUser: (body: CreateUserRequest) => request<UserWithPassword>("POST", "/api/admin/users", body),
    updateUser: (id: number, body: UpdateUserRequest) =>
      request<UserView>("PATCH", `/api/admin/users/${id}`, body),
    resetPassword: (id: number, body: ResetPasswordRequest = {}) =>
      request<UserWithPassword>("POST", `/api/admin/users/${id}/reset-password`, body),
    listDepartments: () =>
      request<DepartmentView[] | { departments: DepartmentView[] }>("GET", "/api/admin/departments").then(
        unwrap("departments"),
      ),
    createDepartment: (body: CreateDepartmentRequest) =>
      request<DepartmentView>("POST", "/api/admin/departments", body),
    updateDepartment: (id: number, body: UpdateDepartmentRequest) =>
      request<DepartmentView>("PATCH", `/api/admin/departments/${id}`, body),
    listRegions: () =>
      request<RegionView[] | { regions: RegionView[] }>("GET", "/api/admin/regions").then(unwrap("regions")),
    audit: (filter: AuditFilter) => request<AuditPage>("GET", `/api/admin/audit${query({ ...filter })}`),
    auditExportUrl: (filter: AuditFilter) =>
      `${baseUrl}/api/admin/audit/export${query({ ...filter, page: undefined, pageSize: undefined })}`,
    /**
     * The worded Excel workbook, fetched with the language chosen in the app (a plain link cannot
     * send it): the file and the name the server gave it (审计日志-20260103.xlsx).
     */
    auditXlsx: async (filter: AuditFilter): Promise<{ blob: Blob; fileName: string }> => {
      const path = `/api/admin/audit/export${query({ ...filter, page: undefined, pageSize: undefined, format: "xlsx" })}`;
      let response: Response;
      try {
        response = await doFetch(baseUrl + path, {
          method: "GET",
          headers: { "x-plantrack-lang": chosenLang() },
          credentials: "same-origin",
        });
      } catch (cause) {
        throw new ApiError(NETWORK_ERROR_STATUS, {
          code: "network_error",
          message: cause instanceof Error ? cause.message : String(cause),
          details: { method: "GET", path },
        });
      }
      if (!response.ok) {
        const text = await response.text();
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        fail(
          new ApiError(
            response.status,
            isErrorBody(parsed)
              ? parsed
              : { code: `http_${response.status}`, message: `HTTP ${response.status}`, details: { path } },
          ),
          path,
        );
      }
      return {
        blob: await response.blob(),
        fileName: dispositionName(response.headers.get("content-disposition")),
      };
    },
    auditVerify: () => request<AuditVerifyResult>("GET", "/api/admin/audit/verify"),

    // ── public ──
    listPublicPlans: () =>
      request<PlanSummary[] | { plans: PlanSummary[] }>("GET", "/api/public/plans").then(unwrapPlans),
    getPublicPlan: (id: number) => request<PublicPlanDetail>("GET", `/api/public/plans/${id}`),
    setPlanPublic: (id: number, isPublic: boolean) =>
      request<PlanSummary>("POST", `/api/plans/${id}/public`, { public: isPublic }),

    listPlans: () => request<PlanSummary[] | { plans: PlanSummary[] }>("GET", "/api/plans").then(unwrapPlans),
    getPlan: (id: number) => request<PlanDetail>("GET", `/api/plans/${id}`),
    getPlanSource: (id: number) => request<PlanSource>("GET", `/api/plans/${id}/source`),
    importPlan: (file: File, force = false) => {
      const form = new FormData();
      // Fields before the file: a streaming multipart parser sees them first.
      if (force) form.append("force", "true");
      form.append("file", file, file.name);
      return request<ImportResult>("POST", "/api/plans/import", form);
    },
    patchTarget: (id: number, patch: TargetPatch) =>
      request<TargetView>("PATCH", `/api/targets/${id}`, patch),
    publishPlan: (id: number) => request<PlanSummary>("POST", `/api/plans/${id}/publish`, {}),
    // ── the plan editor ──
    bulkPatchTargets: (planId: number, body: BulkTargetsRequest) =>
      request<BulkTargetsResult>("PATCH", `/api/plans/${planId}/targets`, body),
    planSettings: (planId: number) => request<PlanSettingsView>("GET", `/api/plans/${planId}/settings`),
    updatePlanSettings: (planId: number, body: PlanSettingsPatch) =>
      request<PlanSettingsView>("PUT", `/api/plans/${planId}/settings`, body),
    targetPlanned: (targetId: number) =>
      request<TargetPlannedView>("GET", `/api/targets/${targetId}/planned`),
    setTargetPlanned: (targetId: number, body: PlannedValuesRequest) =>
      request<TargetPlannedView>("PUT", `/api/targets/${targetId}/planned`, body),
    copyPlan: (planId: number, body: CopyPlanRequest) =>
      request<PlanSummary>("POST", `/api/plans/${planId}/copy`, body),

    // ── reminders that reach people: channels, deliveries, 自动催报 ──
    planChannels: (planId: number) =>
      request<{ channels: ChannelView[] }>("GET", `/api/plans/${planId}/channels`).then((r) => r.channels),
    createChannel: (planId: number, body: CreateChannelRequest) =>
      request<ChannelView>("POST", `/api/plans/${planId}/channels`, body),
    deleteChannel: (planId: number, channelId: number) =>
      request<unknown>("DELETE", `/api/plans/${planId}/channels/${channelId}`),
    testChannel: (planId: number, channelId: number) =>
      request<{ ok: boolean; error: string | null }>(
        "POST",
        `/api/plans/${planId}/channels/${channelId}/test`,
        {},
      ),
    planDeliveries: (planId: number) =>
      request<{ deliveries: DeliveryView[] }>("GET", `/api/plans/${planId}/deliveries`).then(
        (r) => r.deliveries,
      ),
    reminderSettings: (planId: number) =>
      request<ReminderSettingsView>("GET", `/api/plans/${planId}/reminder-settings`),
    updateReminderSettings: (planId: number, body: ReminderSettingsView) =>
      request<ReminderSettingsView>("PUT", `/api/plans/${planId}/reminder-settings`, body),

    // ── running the plan: reports, review, status, chasing ──
    myDue: () => request<MyDueView>("GET", "/api/me/due"),
    monthGrid: (month?: string | null) => request<MonthGridView>("GET", `/api/me/grid${query({ month })}`),
    saveMonthGrid: (month: string, body: MonthGridSaveRequest) =>
      request<MonthGridSaveResult>("PUT", `/api/me/grid/${encodeURIComponent(month)}`, body),
    myReports: (filter: MyReportsQuery) =>
      request<MyReportsView>("GET", `/api/me/reports${query({ ...filter })}`),
    getReport: (id: number) => request<ReportDetail>("GET", `/api/reports/${id}`),
    /** Every period's report of one target. */
    targetReports: (targetId: number) =>
      request<ReportView[] | { reports: ReportView[] }>("GET", `/api/targets/${targetId}/reports`).then(
        unwrap("reports"),
      ),
    planReports: (planId: number, filter: ReportFilter = {}) =>
      request<ReportView[] | { reports: ReportView[] }>(
        "GET",
        `/api/plans/${planId}/reports${query({ ...filter })}`,
      ).then(unwrap("reports")),
    saveReport: (kind: ReportSubjectKind, subjectId: number, period: string, body: SaveReportRequest) =>
      request<ReportDetail>(
        "PUT",
        `/api/${SUBJECT_PATH[kind]}/${subjectId}/reports/${encodeURIComponent(period)}`,
        body,
      ),
    reviewReport: (id: number, body: ReviewRequest) =>
      request<ReportDetail>("POST", `/api/reports/${id}/review`, body),
    /** All or nothing; a refusal's details.errors names each report refused (BulkReviewError). */
    reviewBulk: (planId: number, body: BulkReviewRequest) =>
      request<BulkReviewResult>("POST", `/api/plans/${planId}/reports/review-bulk`, body),
    planStatus: (planId: number, asOf?: string | null) =>
      request<PlanStatusView>("GET", `/api/plans/${planId}/status${query({ asOf })}`),
    // The leaders' cockpit (issue 6).
    planCockpit: (planId: number, asOf?: string | null) =>
      request<CockpitView>("GET", `/api/plans/${planId}/cockpit${query({ asOf })}`),
    targetTrend: (targetId: number, asOf?: string | null) =>
      request<TargetTrendView>("GET", `/api/targets/${targetId}/trend${query({ asOf })}`),
    targetEvaluation: (targetId: number, asOf?: string | null) =>
      request<TargetEvaluationView>("GET", `/api/targets/${targetId}/evaluation${query({ asOf })}`),
    planDue: (planId: number, asOf?: string | null) =>
      request<PlanDueView>("GET", `/api/plans/${planId}/due${query({ asOf })}`),
    sendReminder: (planId: number, body: ReminderRequest) =>
      request<ReminderView>("POST", `/api/plans/${planId}/reminders`, body),
    markReminderRead: (id: number) => request<unknown>("POST", `/api/reminders/${id}/read`, {}),
    planExtensions: (planId: number) =>
      request<ExtensionRequestView[] | { extensions: ExtensionRequestView[] }>(
        "GET",
        `/api/plans/${planId}/extensions`,
      ).then(unwrap("extensions")),
    requestExtension: (planId: number, body: ExtensionRequest) =>
      request<ExtensionRequestView>("POST", `/api/plans/${planId}/extensions`, body),
    decideExtension: (id: number, body: ExtensionDecision) =>
      request<ExtensionRequestView>("POST", `/api/extensions/${id}/decision`, body),

    // ── tasks (重点任务): 交办 → 签收 → 进展 → 办结申请 → 办结销号, 中止, 调整申请 (issue 13) ──
    planTasks: (planId: number, filter: TaskFilter = {}) =>
      request<TaskListView>("GET", `/api/plans/${planId}/tasks${query({ ...filter })}`),
    getTask: (id: number, asOf?: string | null) =>
      request<TaskDetailView>("GET", `/api/tasks/${id}${query({ asOf })}`),
    patchTask: (id: number, patch: TaskPatch) => request<TaskView>("PATCH", `/api/tasks/${id}`, patch),
    bulkPatchTasks: (planId: number, body: BulkTasksRequest) =>
      request<{ tasks: TaskView[] }>("PATCH", `/api/plans/${planId}/tasks`, body),
    acknowledgeTask: (id: number) => request<TaskView>("POST", `/api/tasks/${id}/acknowledge`, {}),
    /** Multipart when files come with it: the JSON in `body`, each file in a `file` field. */
    reportTaskProgress: (id: number, body: TaskProgressRequest, files: readonly File[] = []) =>
      request<TaskProgressReportView>("POST", `/api/tasks/${id}/progress`, withFiles(body, files)),
    requestTaskClose: (id: number, body: CloseRequestBody, files: readonly File[] = []) =>
      request<TaskView>("POST", `/api/tasks/${id}/close-request`, withFiles(body, files)),
    closeTask: (id: number, body: CloseTaskRequest) =>
      request<TaskView>("POST", `/api/tasks/${id}/close`, body),
    returnTaskClose: (id: number, body: ReturnCloseRequest) =>
      request<TaskView>("POST", `/api/tasks/${id}/close-return`, body),
    stopTask: (id: number, body: StopTaskRequest) => request<TaskView>("POST", `/api/tasks/${id}/stop`, body),
    requestTaskAdjustment: (id: number, body: AdjustRequestBody) =>
      request<AdjustmentView>("POST", `/api/tasks/${id}/adjust-request`, body),
    planAdjustments: (planId: number, state?: AdjustmentView["state"]) =>
      request<AdjustmentListView>("GET", `/api/plans/${planId}/adjustments${query({ state })}`),
    decideAdjustment: (id: number, body: AdjustmentDecisionRequest) =>
      request<AdjustmentView>("POST", `/api/adjustments/${id}/decision`, body),

    // ── the plan's structure (issue 13): a draft is cut, joined and pruned; a published plan stops
    // what it no longer pursues (kept, with the reason) and is archived when it is over ──
    deletePlan: (id: number) => request<unknown>("DELETE", `/api/plans/${id}`),
    archivePlan: (id: number) => request<PlanSummary>("POST", `/api/plans/${id}/archive`, {}),
    /** A task from a span of the source text (201: the new outline node). */
    addTaskFromSpan: (planId: number, body: AddTaskRequest) =>
      request<OutlineNodeView>("POST", `/api/plans/${planId}/tasks`, body),
    /** `at`: the offset in the node's title where the second part begins. */
    splitNode: (nodeId: number, at: number) =>
      request<SplitNodeResult>("POST", `/api/nodes/${nodeId}/split`, { at }),
    mergeNodes: (body: MergeNodesRequest) => request<OutlineNodeView>("POST", "/api/nodes/merge", body),
    deleteNode: (nodeId: number) => request<unknown>("DELETE", `/api/nodes/${nodeId}`),
    deleteTarget: (id: number) => request<unknown>("DELETE", `/api/targets/${id}`),
    stopTarget: (id: number, body: StopTargetRequest) =>
      request<TargetView>("POST", `/api/targets/${id}/stop`, body),

    // ── the five-year plan (issue 17) ──
    ...fiveYearEndpoints(request),
  };
}

export interface AuditFilter {
  from?: string;
  to?: string;
  user?: string;
  /** The acting user's department. */
  department?: number;
  /** An action code or its prefix. */
  action?: string;
  /** Exact action codes, comma-separated (the worded action filter). */
  actions?: string;
  entity?: string;
  entityId?: string;
  /** Text in the object's name. */
  object?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** The file name of a download: the UTF-8 one (RFC 5987) when given, else the plain one. */
export function dispositionName(header: string | null): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header ?? "")?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // a malformed name: fall through to the plain one
    }
  }
  return /filename="([^"]+)"/i.exec(header ?? "")?.[1] ?? "download";
}

export interface ReportFilter {
  period?: string;
  departmentId?: number;
  state?: ReportState;
  subjectKind?: ReportSubjectKind;
}

export interface TaskFilter {
  asOf?: string | null;
  departmentId?: number | null;
  status?: string | null;
  nodeId?: number | null;
}

/** JSON as it is without files; with files, multipart: the JSON in `body` first, then each `file`. */
function withFiles(body: object, files: readonly File[]): object | FormData {
  if (files.length === 0) return body;
  const form = new FormData();
  form.append("body", JSON.stringify(body));
  for (const file of files) form.append("file", file, file.name);
  return form;
}

const SUBJECT_PATH: Record<ReportSubjectKind, string> = { target: "targets", node: "nodes", item: "items" };

/** A list the server may send bare or wrapped in { key: [...] }. */
function unwrap<K extends string>(key: K) {
  return <T>(value: T[] | Record<K, T[]>): T[] => (Array.isArray(value) ? value : value[key]);
}

function unwrapPlans(value: PlanSummary[] | { plans: PlanSummary[] }): PlanSummary[] {
  return Array.isArray(value) ? value : value.plans;
}

/** The id of the plan an import created, whichever envelope the server wraps it in. */
export function importedPlanId(response: unknown): number | null {
  if (typeof response !== "object" || response === null) return null;
  const r = response as { id?: unknown; planId?: unknown; plan?: { id?: unknown } };
  for (const candidate of [r.plan?.id, r.planId, r.id]) {
    if (typeof candidate === "number") return candidate;
  }
  return null;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const api: ApiClient = createApiClient();
