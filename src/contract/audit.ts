// The audit log and its verification. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { LocalText } from "../domain/app-error.ts";

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
  /** Why the chain breaks there, in both languages (the reader sees one). */
  reason: LocalText | null;
}
