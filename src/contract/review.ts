// Reviewing reports one by one and in bulk. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { LocalText } from "../domain/app-error.ts";
import type { ReportView } from "./reports.ts";

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
  /** Why, in both languages: the reader sees one. */
  message: LocalText;
}
