// Plans, their outline, source text and settings. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { OutlineKind } from "../extract/types.ts";
import type { DepartmentRef, SuggestedDepartment, ThresholdsView } from "./common.ts";
import type { ReportFrequency } from "./reports.ts";
import type { ItemView, TargetView } from "./targets.ts";
import type { TaskSettingsView } from "./tasks.ts";

export type PlanState = "draft" | "published" | "closed";

export interface PlanSummary {
  id: number;
  title: string;
  regionName: string | null;
  regionCode: string | null;
  year: number | null;
  periodStart: string; // YYYY-MM-DD
  periodEnd: string; // YYYY-MM-DD
  issuer: string | null;
  published: string | null;
  state: PlanState;
  createdAt: string; // ISO timestamp
  counts: {
    sections: number;
    areas: number;
    groups: number;
    tasks: number;
    /** Numeric targets (kind ≠ milestone). */
    targets: number;
    items: number;
    /** Added: targets of kind milestone. */
    milestones: number;
  };
  /** Added: the source document's file name. */
  fileName: string | null;
  /**
   * Added (issue 14): the hash of the source's text as the duplicate check compares it (layout, format
   * and encoding aside): plans with the same one were made from the same text.
   */
  textSha256: string | null;
  /** Added (issue 4): the plan's region, for scoping. */
  regionId: number | null;
  /** Added (issue 4): shown to the public at /api/public/plans (POST /api/plans/:id/public). */
  isPublic: boolean;
  /** Added (issue 17): annual or five_year (POST /api/plans/:id/kind); the server always sends it. */
  kind?: "annual" | "five_year";
}

export interface OutlineNodeView {
  id: number;
  parentId: number | null;
  kind: OutlineKind;
  level: number;
  order: number;
  marker: string;
  title: string;
  text: string;
  start: number;
  end: number;
  leadDepartment: DepartmentRef | null;
  coDepartments: DepartmentRef[];
  suggestedDepartment: SuggestedDepartment | null;
}

export interface PlanDetail {
  plan: PlanSummary;
  outline: OutlineNodeView[]; // every node, tasks included, in document order
  targets: TargetView[];
  items: ItemView[];
  departments: DepartmentRef[]; // the plan region's departments, for pickers
}

export interface PlanSource {
  planId: number;
  fileName: string;
  encoding: string;
  sha256: string;
  text: string;
}

// ---------------------------------------------------------------------------------------------------
// Added with the backend of issue 3: request bodies and results of the write endpoints. Every field of
// a patch is optional; `null` clears a nullable field, an absent field is left as it is.

export interface NodePatch {
  title?: string;
  kind?: OutlineKind;
  leadDepartmentId?: number | null;
  coDepartmentIds?: number[];
}

export interface ImportSummary {
  sections: number;
  areas: number;
  groups: number;
  tasks: number;
  /** Numeric targets. */
  targets: number;
  milestones: number;
  items: number;
}

/** POST /api/plans/import (multipart: file, region?, year?, force?). */
export interface ImportResult {
  planId: number;
  plan: PlanSummary;
  summary: ImportSummary;
  /** Plans already made from the same document (only with force). */
  duplicateOf: number[];
}

/** POST /api/plans/:id/public — only a published (or closed) plan can be made public. */
export interface SetPublicRequest {
  public: boolean;
}

/** GET /api/plans/:id/settings; PUT the same shape, every field optional (thresholds partial too). */
export interface PlanSettingsView {
  thresholds: ThresholdsView;
  /** Default reporting frequency of tasks and items (targets carry their own). */
  frequency: ReportFrequency;
  /** Reports due on this day of the next month (1..28). */
  dueDay: number;
  /** Demo data (示例数据), with the fixed date its status is shown as of. */
  demo: boolean;
  demoAsOf: string | null;
  /** The 公文 frame of the plan's progress report. */
  document: DocumentSettingsView;
  /** What the task lights use: 临期 days, the 签收 limit in working days, the working calendar. */
  tasks: TaskSettingsView;
}

/** The 公文 frame of the progress report (GB/T 9704-2012 §7); the export request may override each field. */
export interface DocumentSettingsView {
  /** 发文机关标志, e.g. 南开区发展和改革委员会文件 (printed only with redHeader). */
  issuerMark: string | null;
  /** Print the red 版头 and red rule (plain paper rather than letterhead). */
  redHeader: boolean;
  /** 发文字号 in the form 南发改〔2020〕12号. */
  docNumber: string | null;
  /** 签发人 of an upward report, printed on the 文号 line. */
  signer: string | null;
  /** 主送机关 (default 区人民政府 for a district). */
  recipient: string | null;
  /** 抄送机关. */
  cc: string[];
  /** 署名 and 印发机关 (default the region's 发展和改革委员会). */
  issuer: string | null;
}

export interface PlanSettingsPatch {
  thresholds?: Partial<ThresholdsView>;
  frequency?: ReportFrequency;
  dueDay?: number;
  document?: Partial<DocumentSettingsView>;
  tasks?: Partial<TaskSettingsView>;
}

/**
 * POST /api/plans/:id/copy (planner in scope) → 201 PlanSummary: a new draft for `year` with the same
 * outline, targets (values kept, baselines empty), items, departments and settings; no reports.
 */
export interface CopyPlanRequest {
  year: number;
}
