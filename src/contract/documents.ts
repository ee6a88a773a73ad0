// Spreadsheet imports: the ledger re-import and the 任务分解表. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { LocalText } from "../domain/app-error.ts";

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
  /** Why it cannot be applied now (a revision waits for review), else null; the reader sees one language. */
  blocked: LocalText | null;
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
  /** A department's fill-in ledger (填报表): its header block as read; absent for the whole ledger. */
  filler?: LedgerFiller | null;
}

/** Who filled a fill-in ledger: 填报单位, 填报人, 联系电话, 报送日期 as written ("" where left blank). */
export interface LedgerFiller {
  department: string;
  person: string;
  phone: string;
  date: string;
}

/** POST /api/plans/:id/ledger/apply — the differences the planner confirmed. */
export interface LedgerApplyRequest {
  fileName: string;
  period: string;
  /**
   * confirm and confirmReason: an implausible new value (422 implausible_value, details.key naming the
   * item) is meant, and why — as on PUT …/reports/:period.
   */
  items: {
    key: string;
    baseRevision: number | null;
    changes: LedgerDiffField[];
    confirm?: boolean;
    confirmReason?: string;
  }[];
  /** The preview's filler of a fill-in ledger: recorded in the import's audit entry. */
  filler?: LedgerFiller;
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

/**
 * dueDate: a target's; deadline: a task's 完成时限 (date and the words as written); milestones: the
 * task's 节点 after the import (those it had are kept; one of the same name takes the file's date).
 */
export type BreakdownChangeField =
  | "leadDepartment"
  | "coDepartments"
  | "dueDate"
  | "planned"
  | "deadline"
  | "milestones";

/** Why a row cannot be applied as it stands: the rule (milestone_after_deadline, same_subject) and why. */
export interface BreakdownConflictView {
  rule: string;
  message: LocalText;
}

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
  /** What of the row is not imported and why (a deadline not understood …); the rest still applies. */
  warnings: LocalText[];
  /** Non-empty: the row cannot be applied for this candidate (apply refuses it, naming the row). */
  conflicts: BreakdownConflictView[];
}

export interface BreakdownRowView {
  sheet: string;
  row: number;
  fields: BreakdownFieldsView;
  /** The best candidate when its score reaches the threshold, else null (unmatched). */
  match: BreakdownCandidateView | null;
  alternatives: BreakdownCandidateView[];
  /** The preview's default: take the match (it changes something and has no conflict). */
  accept: boolean;
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
  /** The rows whose match cannot be applied, each with the reason: they are not accepted by default. */
  conflicts: { row: number; rule: string; message: LocalText }[];
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
