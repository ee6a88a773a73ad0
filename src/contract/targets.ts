// Targets and items of a plan, and the requests that edit them. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { Comparator, Direction, ItemCategory, TargetAttribute, TargetKind } from "../extract/types.ts";
import type { DepartmentRef, SuggestedDepartment } from "./common.ts";
import type { PeriodView, ReportFrequency } from "./reports.ts";

export interface TargetView {
  id: number;
  nodeId: number | null; // the task it belongs to
  subject: string;
  value: number | null;
  value2: number | null;
  unit: string;
  displayUnit: string;
  display: string;
  /** The target as the plan states it (新增就业4万人, 控制在5.5%以内): how a person names it. */
  statement: string;
  comparator: Comparator;
  direction: Direction;
  kind: TargetKind;
  baseline: number | null;
  /** YYYY-MM-DD; null = the end of the plan period. */
  dueDate: string | null;
  frequency: "monthly" | "quarterly";
  weight: number;
  start: number;
  end: number;
  confidence: number | null;
  source: "extracted" | "manual";
  leadDepartment: DepartmentRef | null;
  coDepartments: DepartmentRef[];
  suggestedDepartment: SuggestedDepartment | null;
  /** 中止 in a published plan (POST /api/targets/:id/stop): kept and shown struck through, no more reports. */
  stoppedAt: string | null;
  stoppedReason: string | null;
  /** 约束性 (binding) or 预期性 (expected), as the plan's indicator table or its heading says. */
  attribute: TargetAttribute | null;
  /** The year of `baseline` (基期, e.g. 2020 in a 十四五 table). */
  baselineYear: number | null;
  /** The year the value is to be reached (2025 in a 十四五 table); null = the plan's own year. */
  targetYear: number | null;
  /** The indicator table's 年均增长 (in %), where it has one. */
  annualGrowth: number | null;
}

export interface ItemView {
  id: number;
  nodeId: number | null;
  name: string;
  category: ItemCategory;
  start: number;
  end: number;
  leadDepartment: DepartmentRef | null;
}

export interface TargetPatch {
  subject?: string;
  value?: number | null;
  value2?: number | null;
  unit?: string;
  displayUnit?: string;
  /** When value, value2 or displayUnit change and display is not given, the server rewrites it. */
  display?: string;
  comparator?: Comparator;
  direction?: Direction;
  kind?: TargetKind;
  baseline?: number | null;
  attribute?: TargetAttribute | null;
  baselineYear?: number | null;
  targetYear?: number | null;
  annualGrowth?: number | null;
  /** YYYY-MM-DD; null = the end of the plan period. */
  dueDate?: string | null;
  frequency?: "monthly" | "quarterly";
  weight?: number;
  start?: number;
  end?: number;
  nodeId?: number | null;
  leadDepartmentId?: number | null;
  /** Replaces the whole set of co-operating departments. */
  coDepartmentIds?: number[];
}

/**
 * PATCH /api/targets/:id. A value 100× or 1/100 of the number the plan's text states for the target
 * (the 万/亿 slip) → 422 implausible_value (details { rule: "ratio_to_statement", numbers: { value,
 * statement, ratio } }) until sent again with confirm: true and a confirmReason that says something;
 * an impossible value (a negative count, a share above 100%) → 400 naming the rule.
 */
export interface TargetPatchRequest extends TargetPatch {
  confirm?: boolean;
  confirmReason?: string;
}

/** POST /api/targets/:id/split — the first part keeps [start, at), the second gets [at, end). */
export interface SplitTargetRequest {
  at: number;
  first?: TargetPatch;
  second?: TargetPatch;
}

export interface SplitTargetResult {
  targets: [TargetView, TargetView];
}

/** POST /api/targets/merge — the earliest target survives, spanning all of them; the others go. */
export interface MergeTargetsRequest {
  ids: number[];
  patch?: TargetPatch;
}

/**
 * PATCH /api/plans/:id/targets — many targets of the plan changed at once (bulk assignment of
 * departments, kinds …). All or nothing; a bad row is named by its index and target id.
 */
export interface BulkTargetsRequest {
  changes: Array<{ id: number; patch: TargetPatch }>;
}

export interface BulkTargetsResult {
  targets: TargetView[];
}

/** POST /api/plans/:id/targets — a target the extractor missed, from selected text. */
export interface ManualTargetRequest extends TargetPatch {
  start: number;
  end: number;
}

/** GET /api/targets/:id/planned — the reporting calendar of a target with its 分期计划. */
export interface TargetPlannedView {
  targetId: number;
  frequency: ReportFrequency;
  periods: Array<PeriodView & { planned: number | null }>;
}

/**
 * PUT /api/targets/:id/planned (planners): replaces the whole set; values in the target's base unit, for
 * periods of the target's frequency (change the frequency with PATCH /api/targets/:id first).
 */
export interface PlannedValuesRequest {
  values: Array<{ period: string; value: number }>;
}
