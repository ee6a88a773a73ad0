// Pure helpers of the plan editor: the area each target belongs to, the editor's filters, the bulk
// change a planner asks for, what is still unclear before publishing, and the 分期计划 grid checked
// as it is typed (the same rule as the server's src/domain/planned-values.ts).

import type { OutlineNodeView, PlanDetail } from "../../../../src/contract/plans.ts";
import type { TargetPatch, TargetView } from "../../../../src/contract/targets.ts";
// The server's own rule (pure), so that the grid says as one types exactly what the server will answer.
import { type PlannedProblem, plannedProblems } from "../../../../src/domain/planned-values.ts";
import type { TargetKind } from "../../../../src/extract/types.ts";
import { fromDisplayNumber, toDisplayNumber } from "../../format/number.ts";
import { parseTypedNumber } from "../../format/typed-number.ts";

/** Each outline node's area: its nearest ancestor of kind "area", else its top-level node. */
export function areaByNode(outline: readonly OutlineNodeView[]): Map<number, OutlineNodeView> {
  const byId = new Map(outline.map((n) => [n.id, n]));
  const out = new Map<number, OutlineNodeView>();
  for (const node of outline) {
    let cursor: OutlineNodeView | undefined = node;
    let area: OutlineNodeView | undefined;
    let top: OutlineNodeView = node;
    const seen = new Set<number>();
    while (cursor && !seen.has(cursor.id)) {
      seen.add(cursor.id);
      if (cursor.kind === "area" && !area) area = cursor;
      top = cursor;
      cursor = cursor.parentId === null ? undefined : byId.get(cursor.parentId);
    }
    out.set(node.id, area ?? top);
  }
  return out;
}

/** The areas that hold targets, in document order. */
export function areasWithTargets(
  outline: readonly OutlineNodeView[],
  targets: readonly TargetView[],
  areas: Map<number, OutlineNodeView>,
): OutlineNodeView[] {
  const used = new Map<number, OutlineNodeView>();
  for (const t of targets) {
    const area = t.nodeId === null ? undefined : areas.get(t.nodeId);
    if (area) used.set(area.id, area);
  }
  const order = new Map(outline.map((n, i) => [n.id, i]));
  return [...used.values()].sort(
    (a, b) => a.start - b.start || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
}

/** "none": targets without a lead department. */
export type DepartmentFilter = number | "none" | null;

export interface EditorFilter {
  query: string;
  areaIds: readonly number[];
  kinds: readonly TargetKind[];
  department: DepartmentFilter;
  /** Only targets without a lead department (a suggestion does not count as assigned). */
  unassignedOnly: boolean;
}

export const EMPTY_FILTER: EditorFilter = {
  query: "",
  areaIds: [],
  kinds: [],
  department: null,
  unassignedOnly: false,
};

export function filterEditorTargets(
  targets: readonly TargetView[],
  filter: EditorFilter,
  areas: Map<number, OutlineNodeView>,
): TargetView[] {
  const q = filter.query.trim().toLowerCase();
  return targets.filter((t) => {
    if (q && !`${t.subject} ${t.display}`.toLowerCase().includes(q)) return false;
    if (filter.kinds.length > 0 && !filter.kinds.includes(t.kind)) return false;
    if (filter.areaIds.length > 0) {
      const area = t.nodeId === null ? undefined : areas.get(t.nodeId);
      if (!area || !filter.areaIds.includes(area.id)) return false;
    }
    if (filter.department === "none" && t.leadDepartment !== null) return false;
    if (typeof filter.department === "number") {
      const mine =
        t.leadDepartment?.id === filter.department || t.coDepartments.some((d) => d.id === filter.department);
      if (!mine) return false;
    }
    if (filter.unassignedOnly && t.leadDepartment !== null) return false;
    return true;
  });
}

/** What the bulk bar sets; undefined fields stay as they are on every selected target. */
export interface BulkForm {
  leadDepartmentId?: number | null;
  coDepartmentIds?: number[];
  kind?: TargetKind;
  frequency?: "monthly" | "quarterly";
}

export function bulkPatch(form: BulkForm): TargetPatch | null {
  const patch: TargetPatch = {};
  if (form.leadDepartmentId !== undefined) patch.leadDepartmentId = form.leadDepartmentId;
  if (form.coDepartmentIds !== undefined) patch.coDepartmentIds = form.coDepartmentIds;
  if (form.kind !== undefined) patch.kind = form.kind;
  if (form.frequency !== undefined) patch.frequency = form.frequency;
  return Object.keys(patch).length > 0 ? patch : null;
}

/**
 * The changes for the selected targets. A lead department also named among the co-operating ones is
 * dropped from them; a milestone keeps its kind only when it has no value (the server refuses a
 * numeric kind without one).
 */
export function bulkChanges(
  targets: readonly TargetView[],
  selected: ReadonlySet<number>,
  form: BulkForm,
): { id: number; patch: TargetPatch }[] {
  const base = bulkPatch(form);
  if (!base) return [];
  return targets
    .filter((t) => selected.has(t.id))
    .map((t) => {
      const patch: TargetPatch = { ...base };
      const lead =
        patch.leadDepartmentId !== undefined ? patch.leadDepartmentId : (t.leadDepartment?.id ?? null);
      if (patch.coDepartmentIds) patch.coDepartmentIds = patch.coDepartmentIds.filter((id) => id !== lead);
      return { id: t.id, patch };
    });
}

export interface PublishCheck {
  /** No lead department at all. */
  unassigned: TargetView[];
  /** Only the extractor's suggestion, not confirmed. */
  suggestedOnly: TargetView[];
  /** A numeric kind without a value to compare with. */
  noValue: TargetView[];
  /** The extractor was unsure (confidence under 60%). */
  lowConfidence: TargetView[];
  /** Tasks (outline nodes that report) without a lead department. */
  tasksUnassigned: OutlineNodeView[];
}

const LOW_CONFIDENCE = 0.6;

export function publishCheck(detail: Pick<PlanDetail, "targets" | "outline">): PublishCheck {
  const unassigned = detail.targets.filter((t) => t.leadDepartment === null);
  return {
    unassigned: unassigned.filter((t) => t.suggestedDepartment === null),
    suggestedOnly: unassigned.filter((t) => t.suggestedDepartment !== null),
    noValue: detail.targets.filter((t) => t.kind !== "milestone" && t.value === null),
    lowConfidence: detail.targets.filter((t) => t.confidence !== null && t.confidence < LOW_CONFIDENCE),
    tasksUnassigned: detail.outline.filter((n) => n.kind === "task" && n.leadDepartment === null),
  };
}

export function publishIssueCount(check: PublishCheck): number {
  return (
    check.unassigned.length +
    check.suggestedOnly.length +
    check.noValue.length +
    check.lowConfidence.length +
    check.tasksUnassigned.length
  );
}

// ── 分期计划 ──────────────────────────────────────────────────────────────────────────────────

/**
 * A typed cell in the grid's unit (`shownUnit`): "" → null (no plan for that period); "abc" → NaN;
 * else the number — IME full-width digits, grouping commas and 万/亿 after it accepted (typed-number.ts).
 */
export function parseCell(text: string, shownUnit = ""): number | null {
  if (text.trim() === "") return null;
  return parseTypedNumber(text, shownUnit) ?? Number.NaN;
}

export interface GridTarget {
  kind: TargetKind;
  unit: string;
  displayUnit: string;
  value: number | null;
}

/** The unit cells are typed in: the plan's display unit (万人, 亿元), a percent for milestones. */
export function gridUnit(t: GridTarget): string {
  return t.kind === "milestone" ? "%" : t.displayUnit || t.unit;
}

/** A stored base-unit value as a cell's text, in the grid's unit. */
export function cellText(t: GridTarget, base: number | null): string {
  if (base === null) return "";
  return String(t.kind === "milestone" ? base : toDisplayNumber(base, t.unit, t.displayUnit));
}

export interface GridState {
  /** Base-unit values by period index; null where the cell is empty, NaN where it is not a number. */
  values: (number | null)[];
  problems: PlannedProblem[];
  /** Each cell's planned share of the target (0.25 = 25%), when it can be told. */
  shares: (number | null)[];
}

export function gridState(t: GridTarget, cells: readonly string[]): GridState {
  const values = cells.map((c) => {
    const n = parseCell(c, gridUnit(t));
    if (n === null || Number.isNaN(n)) return n;
    return t.kind === "milestone" ? n : fromDisplayNumber(n, t.unit, t.displayUnit);
  });
  const shares = values.map((v) => {
    if (v === null || !Number.isFinite(v)) return null;
    if (t.kind === "milestone") return v / 100;
    if (t.kind === "cumulative" && t.value) return v / t.value;
    return null;
  });
  return { values, problems: plannedProblems(t.kind, values), shares };
}

/** A grid with cells at an even pace: period i of n gets (i + 1) / n of the target (cumulative only). */
export function evenCells(t: GridTarget, periods: number): string[] | null {
  if (periods <= 0) return null;
  if (t.kind === "milestone")
    return Array.from({ length: periods }, (_, i) => String(round((100 * (i + 1)) / periods)));
  if (t.kind !== "cumulative" || t.value === null) return null;
  const total = toDisplayNumber(t.value, t.unit, t.displayUnit);
  return Array.from({ length: periods }, (_, i) => String(round((total * (i + 1)) / periods)));
}

function round(x: number): number {
  return Number(x.toPrecision(6));
}
