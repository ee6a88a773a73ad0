// The documents endpoints (issue 7): the export URL (a plain download, the session cookie goes with
// it) and the two imports, preview then apply. Uploads are multipart, so they are sent here rather
// than through the JSON client; errors become the same ApiError.
import type { ApiErrorBody } from "../../../src/contract/common.ts";
import type {
  BreakdownApplyRequest,
  BreakdownApplyResult,
  BreakdownPreview,
  LedgerApplyRequest,
  LedgerApplyResult,
  LedgerPreview,
} from "../../../src/contract/documents.ts";
import { ApiError, CSRF_COOKIE, CSRF_HEADER, NETWORK_ERROR_STATUS, readCookie } from "./client.ts";

export type ExportFormat = "xlsx" | "csv" | "json" | "docx" | "pdf" | "draft";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["xlsx", "csv", "json", "docx", "pdf", "draft"];

export function exportUrl(planId: number, format: ExportFormat, period?: string | null): string {
  const q = new URLSearchParams({ format });
  if (period) q.set("period", period);
  return `/api/plans/${planId}/export?${q.toString()}`;
}

/** A department's fill-in ledger (填报表) of a period; a reporter's own department when none is given. */
export function fillInUrl(planId: number, departmentId?: number | null, period?: string | null): string {
  const q = new URLSearchParams();
  if (departmentId) q.set("department", String(departmentId));
  if (period) q.set("period", period);
  const query = q.toString();
  return `/api/plans/${planId}/ledger/fill-in${query ? `?${query}` : ""}`;
}

async function send<T>(path: string, body: FormData | object): Promise<T> {
  const headers: Record<string, string> = {};
  const token = readCookie(typeof document === "undefined" ? "" : document.cookie, CSRF_COOKIE);
  if (token) headers[CSRF_HEADER] = token;
  const init: RequestInit = { method: "POST", headers, credentials: "same-origin" };
  if (body instanceof FormData) init.body = body;
  else {
    init.body = JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    throw new ApiError(NETWORK_ERROR_STATUS, {
      code: "network_error",
      message: cause instanceof Error ? cause.message : String(cause),
      details: { path },
    });
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text === "" ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  if (!response.ok) {
    const body = json as Partial<ApiErrorBody> | null;
    throw new ApiError(response.status, {
      code: typeof body?.code === "string" ? body.code : "bad_response",
      message: typeof body?.message === "string" ? body.message : `HTTP ${response.status}`,
      details: body?.details ?? {},
    });
  }
  return json as T;
}

function upload(file: File): FormData {
  const form = new FormData();
  form.append("file", file, file.name);
  return form;
}

export const documentsApi = {
  previewBreakdown: (planId: number, file: File) =>
    send<BreakdownPreview>(`/api/plans/${planId}/breakdown/preview`, upload(file)),
  applyBreakdown: (planId: number, body: BreakdownApplyRequest) =>
    send<BreakdownApplyResult>(`/api/plans/${planId}/breakdown/apply`, body),
  previewLedger: (planId: number, file: File) =>
    send<LedgerPreview>(`/api/plans/${planId}/ledger/preview`, upload(file)),
  applyLedger: (planId: number, body: LedgerApplyRequest) =>
    send<LedgerApplyResult>(`/api/plans/${planId}/ledger/apply`, body),
};
