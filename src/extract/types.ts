// The plan draft: what reading a plan document produces (../shared/spec/extraction.md).
// Offsets are UTF-16 indices into the document text exactly as decoded (BOM removed, CRLF kept).

export type Comparator = "target" | "at_least" | "at_most" | "about" | "range";
export type Direction = "increase" | "decrease" | "level";
export type TargetKind = "cumulative" | "level" | "rate" | "milestone";
export type OutlineKind = "section" | "area" | "group" | "task";
export type ItemCategory = "land_parcel" | "project" | "facility";

export interface Span {
  start: number;
  end: number;
}

export interface PlanMeta {
  title: string | null;
  region: string | null;
  year: number | null;
  /** First and last year of the plan period (a five-year plan spans several). */
  periodStart: number | null;
  periodEnd: number | null;
  issuer: string | null;
  /** ISO date, YYYY-MM-DD. */
  published: string | null;
}

export interface DepartmentSuggestion {
  department: string;
  /** The word of the task text that led to the suggestion. */
  keyword: string;
  /** Always true: a planner confirms or replaces it. */
  suggested: true;
}

export interface OutlineHeading extends Span {
  id: string;
  level: number;
  kind: Exclude<OutlineKind, "task">;
  title: string;
  /** The marker as written: 一、 (一) 1. — empty for a lead phrase. */
  marker: string;
  parentId: string | null;
}

/** A deadline stated beside a task (完成时限：2020年6月底前): the words, and the last day they allow. */
export interface TaskDeadline {
  text: string;
  /** ISO date, YYYY-MM-DD; null when the words name no day (长期坚持). */
  date: string | null;
}

export interface TaskNode extends Span {
  id: string;
  parentId: string | null;
  text: string;
  department: DepartmentSuggestion | null;
  /** Stated by the document (牵头单位：…), unlike `department`; names as written. */
  leadDepartments?: string[];
  coDepartments?: string[];
  deadline?: TaskDeadline | null;
}

/** 约束性 is binding, 预期性 expected (an indicator table's 属性). */
export type TargetAttribute = "binding" | "expected";

/** An indicator table's 年均增长 column, as the spec's `growth` field. */
export interface TargetGrowth {
  value: number;
  unit: string;
  comparator: Comparator;
  kind: "annual_average";
}

export interface ExtractedTarget extends Span {
  id: string;
  taskId: string | null;
  subject: string;
  value: number;
  value2: number | null;
  unit: string;
  display: string;
  /** Unit as the plan writes it, magnitude included (亿元, 万平方米). */
  displayUnit: string;
  comparator: Comparator;
  direction: Direction;
  kind: TargetKind;
  /** 0..1: how sure the extractor is; low values deserve a planner's look. */
  confidence: number;
  department: DepartmentSuggestion | null;
  /** From an indicator table's base-period column, in the target's base unit. */
  baseline?: { value: number; year: number } | null;
  targetYear?: number | null;
  attribute?: TargetAttribute | null;
  /** The 年均增长 column's value (in its own unit, usually %). */
  annualGrowth?: number | null;
  /** The clause that states the target (新增就业4万人), or null where none is its own. */
  statement?: string | null;
  growth?: TargetGrowth | null;
}

export interface ExtractedMilestone extends Span {
  id: string;
  taskId: string | null;
  subject: string;
  kind: "milestone";
  department: DepartmentSuggestion | null;
}

export interface ExtractedItem extends Span {
  id: string;
  taskId: string | null;
  name: string;
  category: ItemCategory;
}

export interface PlanDraft {
  meta: PlanMeta;
  /** Headings in document order (sections, areas, groups); tasks are listed apart. */
  outline: OutlineHeading[];
  tasks: TaskNode[];
  targets: ExtractedTarget[];
  milestones: ExtractedMilestone[];
  items: ExtractedItem[];
}
