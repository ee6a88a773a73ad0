// The audit log and its verification. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { LocalText } from "../domain/app-error.ts";

/** What an entry is about, in the words of the request's language. */
export interface AuditObjectView {
  /** The entity kind in words (目标, 任务, 报送 …). */
  kindText: string;
  /** The object's name: a target's subject, a task's or plan's title, a user's name; null: none. */
  name: string | null;
  /** The period in words (2020年第一季度, 2020年6月) for what is reported per period. */
  period: string | null;
  /** Where the web app shows the object (/plans/3/edit, /tasks/12 …); null: nowhere. */
  link: string | null;
}

/** One changed field: its name and values in words; null where the side has no such field. */
export interface AuditChangeView {
  /** The dotted path in the stored record (lead_department_id, summary.targets). */
  field: string;
  label: string;
  before: string | null;
  after: string | null;
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
  /** The action in words (确认目标值 / Confirmed a target value). */
  actionText: string;
  /** The acting user's name as people know it (display name, else user name). */
  userName: string | null;
  /** The acting user's department, by name. */
  departmentName: string | null;
  object: AuditObjectView;
  changes: AuditChangeView[];
}

/**
 * GET /api/admin/audit?from&to&user&department&action&actions&entity&entityId&object&q&page&pageSize;
 * the words are in the request's language (`lang`).
 */
export interface AuditPage {
  entries: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
  lang: "zh" | "en";
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
