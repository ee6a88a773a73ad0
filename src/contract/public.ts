// What the public page shows. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { TargetStatus } from "../domain/evaluation.ts";
import type { TaskLight } from "../domain/task-lights.ts";
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
 * A task (重点任务) as the public sees it: its light as the office judges it on the page's date, its
 * 完成时限 and 节点, and the 进展情况 of the newest progress report approved by then — only that text:
 * no draft, submitted or returned report, no 存在问题 or 下步打算, no reporter, no reviewer.
 */
export interface PublicTaskView {
  /** The task's outline node (also in `outline`). */
  id: number;
  title: string;
  leadDepartment: DepartmentRef | null;
  /** YYYY-MM-DD, and the words as the office wrote them (2020年12月底前, 长期坚持). */
  deadline: string | null;
  deadlineText: string | null;
  /** 节点, each done (doneOn) or not as of the date. */
  milestones: { name: string; due: string; doneOn: string | null }[];
  status: TaskLight;
  progress: { period: string; text: string } | null;
}

/**
 * GET /api/public/plans/:id (GET /api/public/plans lists PlanSummary of public plans). Approved values
 * only: no drafts, no submitted or returned revisions, no reporters' names; of report texts only the
 * 进展情况 of a task's approved progress report.
 */
export interface PublicPlanDetail {
  plan: PlanSummary;
  /** The date the values and statuses are as of (the demo plan's fixed date for demo data). */
  asOf: string;
  demo: boolean;
  outline: PublicOutlineNode[];
  targets: PublicTargetView[];
  tasks: PublicTaskView[];
}
