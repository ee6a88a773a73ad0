// A small typed fetch client for /api. Every failure becomes an ApiError that carries the server's
// { code, message, details } body, the HTTP status, and a code of its own when the server could not
// be reached or did not answer with JSON.
import type {
  ApiErrorBody,
  ImportResult,
  PlanDetail,
  PlanSource,
  PlanSummary,
  TargetPatch,
  TargetView,
} from "./types.ts";

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
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? "";
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(method: string, path: string, body?: BodyInit | object): Promise<T> {
    const init: RequestInit = { method, headers: { accept: "application/json" } };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { ...init.headers, "content-type": "application/json" };
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
      if (isErrorBody(parsed)) throw new ApiError(response.status, parsed);
      throw new ApiError(response.status, {
        code: `http_${response.status}`,
        message: response.statusText || `HTTP ${response.status}`,
        details: { method, path, body: text.slice(0, 500) },
      });
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

  return {
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
  };
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
