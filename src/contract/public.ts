// What the public page shows. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { TargetStatus } from "../domain/evaluation.ts";
import type { Comparator, Direction, OutlineKind, TargetKind } from "../extract/types.ts";
import type { DepartmentRef } from "./common.ts";
import type { PlanSummary } from "./plans.ts";

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
