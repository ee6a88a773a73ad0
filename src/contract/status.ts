// Evaluation, status, roll-ups and rankings of a plan. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { TargetStatus, Working } from "../domain/evaluation.ts";
import type { TargetAttribute, TargetKind } from "../extract/types.ts";
import type { DepartmentRef, ThresholdsView, ZhEn } from "./common.ts";
import type { LinkedTargetRef } from "./links.ts";
import type { PeriodView, ReportView, StatusWord } from "./reports.ts";

export type WorkingView = Working;

export interface EvaluationView {
  status: TargetStatus;
  statusWord: ZhEn;
  /** Share, 1 = 100%; null when it cannot be computed. */
  completion: number | null;
  /** 0..1 */
  expectedShare: number | null;
  /** completion − expected, in percentage points (positive: ahead). */
  gapPoints: number | null;
  /** “超时序进度9.9个百分点” / “9.9 points ahead of schedule”, null without a gap. */
  phrase: ZhEn | null;
  /** The period judged (null: none yet). */
  period: PeriodView | null;
  working: WorkingView;
}

export interface TargetStatusView {
  targetId: number;
  subject: string;
  display: string;
  /** The target as the plan states it (新增就业4万人, 控制在5.5%以内). */
  statement: string;
  kind: TargetKind;
  unit: string;
  displayUnit: string;
  nodeId: number | null;
  areaId: number | null;
  groupId: number | null;
  department: DepartmentRef | null;
  weight: number;
  /** 约束性 / 预期性, where the plan says (migration 0012). */
  attribute: TargetAttribute | null;
  /** The approved value judged (base unit), or null. */
  value: number | null;
  evaluation: EvaluationView;
  /** A city target with district targets linked to it (POST /api/targets/:id/links): their roll-up. */
  districts?: DistrictRollupView;
}

export interface RollupView {
  total: number;
  counts: Record<TargetStatus, number>;
  /** 0..1 or null */
  completionIndex: number | null;
  measured: number;
  /** Targets stopped (中止) in the published plan: counted apart, in neither `total` nor `counts`. */
  stopped: number;
}

export interface RollupGroupView {
  /** Outline node id (areas, groups) or department id. */
  id: number;
  title: string;
  rollup: RollupView;
}

export interface DepartmentRankingView {
  department: DepartmentRef;
  completionIndex: number | null;
  reportsDue: number;
  reportsOnTime: number;
  onTimeRate: number | null;
  completionRank: number;
  onTimeRank: number;
  /** Added (issue 14): reports due that came at all, on time or late; targets 严重滞后 and 滞后. */
  reportsIn: number;
  farBehind: number;
  behind: number;
  /**
   * Added (issue 14): the place in the ranking (src/domain/department-ranking.ts: reported, 严重滞后,
   * completion index, 滞后, reports on time; equal on all share it) and the reason for it in words.
   */
  rank: number;
  rankReason: ZhEn;
}

/** GET /api/plans/:id/status?asOf=YYYY-MM-DD (default today; the demo plan: its demo date). */
export interface PlanStatusView {
  planId: number;
  asOf: string;
  /** The last period that had ended by asOf (plan frequency), or null. */
  period: PeriodView | null;
  /** Demo data (示例数据): show the label. */
  demo: boolean;
  targets: TargetStatusView[];
  /** Tasks and items, each judged on its status word or percent (not in the roll-ups, which are of targets). */
  tasks: SubjectStatusView[];
  items: SubjectStatusView[];
  plan: RollupView;
  areas: RollupGroupView[];
  groups: RollupGroupView[];
  departments: RollupGroupView[];
  rankings: DepartmentRankingView[];
}

/** GET /api/targets/:id/evaluation?asOf= — the status now and at the end of every period with the working. */
export interface TargetEvaluationView {
  asOf: string;
  target: TargetStatusView;
  periods: Array<{
    period: PeriodView;
    planned: number | null;
    report: ReportView | null;
    /** Judged on the approved-as-of revision of that period; not_reported/not_started when none. */
    evaluation: EvaluationView;
  }>;
  thresholds: ThresholdsView;
}

/**
 * A task or an item in GET /api/plans/:id/status (`tasks`, `items`): judged on its status word
 * (未启动 not started, 推进中 on track, 已完成 completed, 受阻 behind) or, without one, on its percent as a
 * milestone against the schedule; not reported once a report is past due.
 */
export interface SubjectStatusView {
  kind: "node" | "item";
  id: number;
  title: string;
  /** The task itself, or the task the item belongs to. */
  nodeId: number | null;
  areaId: number | null;
  groupId: number | null;
  department: DepartmentRef | null;
  /** From the approved report judged. */
  statusWord: StatusWord | null;
  percent: number | null;
  evaluation: EvaluationView;
}

export interface DistrictValueView extends LinkedTargetRef {
  /** The district's latest approved value as of the date (base unit), and its period. */
  value: number | null;
  period: string | null;
  evaluation: EvaluationView;
}

/**
 * A city target's roll-up of its districts as of the date: cumulative targets are summed (`total`,
 * and `completion` = total / the city's value); levels and rates are listed, never added.
 */
export interface DistrictRollupView {
  mode: "sum" | "list";
  total: number | null;
  completion: number | null;
  /** Districts with an approved value by the date. */
  reported: number;
  districts: DistrictValueView[];
}
