// The leader cockpit and trends. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { TargetStatus } from "../domain/evaluation.ts";
import type { DepartmentTaskScore } from "../domain/task-ranking.ts";
import type { Comparator, TargetKind } from "../extract/types.ts";
import type { DepartmentRef, ThresholdsView } from "./common.ts";
import type { PeriodView } from "./reports.ts";
import type { DepartmentRankingView, RollupGroupView, RollupView, TargetStatusView } from "./status.ts";

// ── The leaders' cockpit (领导驾驶舱, issue 6) ────────────────────────────────────────────────

/** One period of a target's trend: the approved value as of the date against the schedule line. */
export interface TrendPointView {
  period: PeriodView;
  /** The latest approved value of the period (base unit; a percent for milestones), or null. */
  value: number | null;
  /** Where the schedule (时序进度, or the planner's 分期计划) puts the value at the period's end. */
  expected: number | null;
  /** The period judged on its own as of the date (not_started: not ended; not_reported: missing). */
  status: TargetStatus;
  /** The id of the period's report, to open it (null: none). */
  reportId: number | null;
}

/** GET /api/targets/:id/trend?asOf= — every period of the target's calendar. */
export interface TargetTrendView {
  targetId: number;
  planId: number;
  asOf: string;
  subject: string;
  display: string;
  kind: TargetKind;
  comparator: Comparator;
  unit: string;
  displayUnit: string;
  /** The target's value and second value (ranges), baseline: base unit. */
  goal: number | null;
  goal2: number | null;
  baseline: number | null;
  /** What the expected line follows: elapsed time, the planner's 分期计划, or the target itself (rates, bounds). */
  line: "elapsed" | "planned" | "target";
  points: TrendPointView[];
}

/** A headline indicator (主要预期指标): its status now and its trend. */
export interface CockpitHeadlineView {
  status: TargetStatusView;
  trend: TargetTrendView;
}

/**
 * A department's standing on the tasks it leads, as of the cockpit's date (src/domain/task-ranking.ts):
 * 签收 within the plan's working-day limit, progress reports by their due date, and completion —
 * tasks 办结销号 of those assigned, stopped (中止) tasks left out. Shares are 0..1, null when nothing
 * was due; ranks are 1-based, equal shares sharing one, no share ranking last.
 */
export interface DepartmentTaskRankingView extends Omit<DepartmentTaskScore, "departmentId" | "name"> {
  department: DepartmentRef;
}

/** GET /api/plans/:id/cockpit?asOf=YYYY-MM-DD — everything the leaders' cockpit shows, in one answer. */
export interface CockpitView {
  planId: number;
  title: string;
  asOf: string;
  /** The last period of the plan's calendar ended by asOf, or null. */
  period: PeriodView | null;
  demo: boolean;
  thresholds: ThresholdsView;
  /** The whole plan: counts by status and the completion index. */
  plan: RollupView;
  headline: CockpitHeadlineView[];
  /** Completion by area (outline areas) and by lead department. */
  areas: RollupGroupView[];
  departments: RollupGroupView[];
  /** 严重滞后 and 滞后 targets, furthest behind first. */
  red: TargetStatusView[];
  yellow: TargetStatusView[];
  /** Departments by completion index and by reports on time (排名通报). */
  rankings: DepartmentRankingView[];
  /** Departments on the tasks they lead: on-time 签收, on-time reports, completion; by completion. */
  taskRankings: DepartmentTaskRankingView[];
  /** Every target with its status and working, for drilling down from any figure. */
  targets: TargetStatusView[];
}
