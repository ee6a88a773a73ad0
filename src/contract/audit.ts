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

/**
 * GET /api/admin/audit/verify — what `plantrack audit verify` checks: the chain under the audit key,
 * every report revision against its audit row, and the chain against the newest signed checkpoint.
 */
export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  /** The first row that does not hold (0: only the checkpoints file is wrong), if any. */
  brokenAt: number | null;
  /** The first finding, in both languages (the reader sees one). */
  reason: LocalText | null;
  /** Every finding, in the order found. */
  findings: LocalText[];
  /** The newest valid checkpoint of this database: how many rows it saw, and when. */
  lastCheckpoint: { seq: number; id: number; at: string } | null;
  /** The checkpoints file's lines that were edited after signing. */
  alteredCheckpoints: number;
}
