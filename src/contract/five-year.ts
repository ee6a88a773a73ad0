// The five-year plan (十四五规划纲要) and its mid-term evaluation (中期评估, issue 17): the views the API
// returns and the bodies it takes. Part of the API contract: pure types shared by the server, the CLI
// and the web app. The judging is the domain's (src/domain/five-year.ts); every sentence in a view is
// in the reader's language (Chinese unless English was chosen: the plantrack_lang cookie or the
// x-plantrack-lang header), one language per string.
//
// Refusals: bad input is 400 `bad_input` with details { field } naming what is wrong — a year outside
// the plan period (field "year", the message names 年份/the year), units that cannot be compared
// (field "unit"), a target year before the baseline year (field "targetYear"); nothing is written.

import type { Attribute, FiveYearResult, IndicatorForm, Judgement, Light } from "../domain/five-year.ts";
import type { TaskLight } from "../domain/task-lights.ts";
import type { TaskState } from "../domain/task-states.ts";
import type { DepartmentRef } from "./common.ts";

export type { Attribute, IndicatorForm, Judgement, Light, TaskLight, TaskState };

/** What a plan is: a yearly plan (年度计划) or a five-year plan (五年规划纲要). */
export type PlanKind = "annual" | "five_year";

/** Where a yearly value came from: entered or imported 统计数据, or a linked annual target's year-end report. */
export type YearlyValueSource = "statistics" | "linked_report";

export interface FiveYearPlanRef {
  id: number;
  title: string;
  /** The first and last year of the period (2021, 2025); the baseline year is startYear − 1. */
  startYear: number;
  endYear: number;
}

/** One yearly value as it counts now (the latest entered for its year). */
export interface YearlyValueView {
  /** The row's id (the history keeps every row; a new value for a year is a new row). */
  id: number;
  year: number;
  value: number;
  source: YearlyValueSource;
  /** 统计公报, the file imported, the report it was taken from … ("" when none was given). */
  sourceNote: string;
  /** Who entered it (display name or username); null for a system import. */
  by: string | null;
  /** ISO timestamp it was entered. */
  at: string;
  /** linked_report: the report it was taken from. */
  reportId: number | null;
}

/** An annual plan's target linked to a five-year indicator. */
export interface LinkedAnnualTargetView {
  targetId: number;
  planId: number;
  planTitle: string;
  /** The annual plan's year. */
  year: number | null;
  subject: string;
  unit: string;
  /** The latest approved value of the annual target's year-end (or latest) report; null when none. */
  latestValue: number | null;
  /** The period of that report (2022-12, 2022-Q4); null when none. */
  latestPeriod: string | null;
}

/** One indicator of the five-year plan, judged as of the view's year. */
export interface FiveYearIndicatorView {
  targetId: number;
  /** The indicator's name (the target's subject). */
  name: string;
  /** The plan's clause stating it (到2025年…), or null. */
  statement: string | null;
  unit: string;
  attribute: Attribute;
  form: IndicatorForm;
  /** Area (outline node) the indicator belongs to, for grouping; null when none. */
  area: string | null;
  baselineYear: number;
  baselineValue: number | null;
  targetYear: number;
  /** As the plan states it: an end level, a ceiling, a 年均增长 rate (%), a 累计 total, a decrease (%). */
  targetValue: number | null;
  /** The end level the target means (a rate or decrease turned into a level); null for 累计. */
  targetLevel: number | null;
  /** The values that count (one per year, ascending), up to and including later years too. */
  values: YearlyValueView[];
  judgement: Judgement;
  light: Light;
  method: FiveYearResult["method"];
  /** The year judged (latest value not after asOfYear) and its value; null without data. */
  judgedYear: number | null;
  judgedValue: number | null;
  /** Observed ÷ required (growth), or progress ÷ elapsed (linear, cumulative); null where not used. */
  ratio: number | null;
  /** % a year (compound): achieved since the baseline, required over the period, still needed. */
  achievedRate: number | null;
  requiredRate: number | null;
  neededRate: number | null;
  /** Shares 0..1 of the way to the target and of the period elapsed. */
  progress: number | null;
  elapsed: number | null;
  /** The final year's value at the observed rate, and whether that reaches the target. */
  projection: number | null;
  willMeet: boolean | null;
  /** The working in words, in the reader's language. */
  working: string;
  /** The target path: where the schedule puts the value each year, baseline year to target year. */
  path: { year: number; value: number }[];
  /** The annual targets linked to it. */
  linked: LinkedAnnualTargetView[];
  /** Why it cannot be judged (no baseline, no target year …), in the reader's language; null when it can. */
  problem: string | null;
}

/** A task or 专栏 project of the plan with its status. */
export interface FiveYearTaskView {
  id: number;
  kind: "task" | "project";
  title: string;
  /** The chapter (area) it is under; null when none. */
  area: string | null;
  leadDepartment: DepartmentRef | null;
  /** Tasks: where the task is in its life; projects: null. */
  state: TaskState | null;
  /** 亮灯 as of the end of asOfYear (projects: from their latest report). */
  status: TaskLight;
  /** One line in the reader's language (the light's working, or the latest report's 形象进度). */
  working: string;
  /** 形象进度 % of the latest report; null when none. */
  percent: number | null;
}

/** GET /api/plans/:id/five-year?year=YYYY — the five-year cockpit as of a year (default: the last year with values). */
export interface FiveYearView {
  plan: FiveYearPlanRef;
  /** The year judged. */
  asOfYear: number;
  /** The plan says it is 示例数据 (the demo). */
  demo: boolean;
  /** Indicators in each judgement (every judgement present, zeros included). */
  counts: Record<Judgement, number>;
  /** 约束性 first, then by judgement (worst first), then in plan order. */
  indicators: FiveYearIndicatorView[];
  tasks: {
    counts: Record<TaskLight, number>;
    list: FiveYearTaskView[];
  };
}

/** POST /api/plans/:id/kind (planner) — make a plan a five-year plan with its period, or annual again. */
export interface PlanKindRequest {
  kind: PlanKind;
  /** five_year: required; endYear > startYear. */
  startYear?: number;
  endYear?: number;
}

/** POST /api/targets/:id/yearly-values (planner; or a reporter of the statistics department, 统计局) → FiveYearIndicatorView. */
export interface YearlyValueRequest {
  year: number;
  value: number;
  /** 统计公报 2022, 区统计局快报 …; optional. */
  sourceNote?: string;
}

/** POST /api/targets/:id/yearly-values/from-report (planner) — the year-end approved report of a linked annual target. */
export interface YearlyValueFromReportRequest {
  year: number;
  /** Which linked annual target, when several of that year are linked; otherwise the one of that year. */
  annualTargetId?: number;
}

/** GET /api/targets/:id/yearly-values — every row ever entered (newest first), superseded ones included. */
export interface YearlyValueHistoryView {
  targetId: number;
  rows: (YearlyValueView & { current: boolean })[];
}

/** One row of an imported yearly-values sheet (columns 指标, 年份, 数值, 来源说明 — or one column per year). */
export interface YearlyValueImportRow {
  /** Where in the file. */
  sheet: string;
  row: number;
  targetId: number | null;
  name: string;
  year: number | null;
  value: number | null;
  /** The value counting now for that year (null: none yet). */
  current: number | null;
  sourceNote: string;
  /** Why this row cannot be applied, in the reader's language; null when it can. */
  problem: string | null;
}

/** POST /api/plans/:id/yearly-values/preview (multipart file: .csv or .xlsx) — nothing is written. */
export interface YearlyValueImportPreview {
  planId: number;
  fileName: string;
  rowsRead: number;
  rows: YearlyValueImportRow[];
}

/** POST /api/plans/:id/yearly-values/apply — the rows the planner confirmed (those without a problem). */
export interface YearlyValueImportApply {
  fileName: string;
  rows: { targetId: number; year: number; value: number; sourceNote?: string }[];
}

export interface YearlyValueImportResult {
  planId: number;
  written: number;
}

/** POST /api/targets/:id/five-year-link (planner; :id the annual target) — link it to a five-year indicator. */
export interface FiveYearLinkRequest {
  indicatorId: number;
}

/** POST/DELETE /api/targets/:id/five-year-link → the annual target's link now. */
export interface FiveYearLinkView {
  targetId: number;
  /** null after an unlink. */
  indicator: { targetId: number; planId: number; planTitle: string; name: string; unit: string } | null;
}

/** One candidate indicator for an annual target, with why it is suggested. */
export interface FiveYearLinkCandidate {
  indicatorId: number;
  name: string;
  unit: string;
  /** 0..1: subject similarity, the same unit and a matching kind. */
  score: number;
  /** Why, in the reader's language (“名称相近，单位相同”). */
  reason: string;
}

export interface FiveYearLinkSuggestionRow {
  targetId: number;
  subject: string;
  unit: string;
  /** The indicator linked now, or null. */
  linkedIndicatorId: number | null;
  /** Best first; empty when no indicator fits. */
  candidates: FiveYearLinkCandidate[];
}

/** GET /api/plans/:id/five-year-links/suggestions?fiveYearPlanId= — every target of an annual plan on one screen. */
export interface FiveYearLinkSuggestions {
  planId: number;
  fiveYearPlan: FiveYearPlanRef;
  rows: FiveYearLinkSuggestionRow[];
}

/** POST /api/plans/:id/five-year-links (planner) — confirm links of the annual plan's targets in one go. */
export interface FiveYearLinksConfirmRequest {
  links: { targetId: number; indicatorId: number }[];
}

export interface FiveYearLinksConfirmResult {
  planId: number;
  linked: number;
}
