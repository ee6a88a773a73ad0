// Plan rows as the API shows them (src/contract/plans.ts, targets.ts): the one place a plan, its
// outline nodes, targets and items become views. Pure: the caller reads the rows and the facts
// (co-operating departments, department names) and hands them over.

import type { DepartmentRef, SuggestedDepartment } from "../contract/common.ts";
import type { OutlineNodeView, PlanDetail, PlanSource, PlanSummary } from "../contract/plans.ts";
import type { ItemView, TargetView } from "../contract/targets.ts";
import type { PlanSourceRow, PlanSummaryRow } from "../db/plans-repository.ts";
import type { DepartmentRow, ItemRow, OutlineNodeRow, TargetRow } from "../db/schema.ts";
import { statementZh } from "../domain/target-statement.ts";
import type { ItemCategory } from "../extract/types.ts";

/** Department names by id, for the departments a view refers to. */
export type DepartmentNames = Map<number, string>;

export function toPlanSummary(row: PlanSummaryRow): PlanSummary {
  return {
    id: row.id,
    title: row.title,
    regionName: row.region_name,
    regionCode: row.region_code,
    year: row.year,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    issuer: row.issuer,
    published: row.published_on,
    state: row.state,
    createdAt: row.created_at,
    counts: row.counts,
    fileName: row.file_name,
    textSha256: row.text_sha256,
    regionId: row.region_id,
    isPublic: row.is_public === 1,
    kind: row.kind,
  };
}

export function toPlanSource(row: PlanSourceRow): PlanSource {
  return {
    planId: row.plan_id,
    fileName: row.file_name,
    encoding: row.encoding,
    sha256: row.sha256,
    text: row.text,
  };
}

function ref(names: DepartmentNames, id: number | null): DepartmentRef | null {
  if (id === null) return null;
  return { id, name: names.get(id) ?? `#${id}` };
}

export function suggestedOf(row: {
  suggested_department: string | null;
  suggested_keyword: string | null;
  suggested_department_id: number | null;
}): SuggestedDepartment | null {
  if (!row.suggested_department) return null;
  return {
    department: row.suggested_department,
    keyword: row.suggested_keyword ?? "",
    suggested: true,
    departmentId: row.suggested_department_id,
  };
}

export function toOutlineNodeView(
  row: OutlineNodeRow,
  co: number[],
  names: DepartmentNames,
): OutlineNodeView {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    level: row.level,
    order: row.ord,
    marker: row.marker,
    title: row.title,
    text: row.text,
    start: row.span_start,
    end: row.span_end,
    leadDepartment: ref(names, row.lead_department_id),
    coDepartments: co.map((id) => ref(names, id) as DepartmentRef),
    suggestedDepartment: suggestedOf(row),
  };
}

export function toTargetView(row: TargetRow, co: number[], names: DepartmentNames): TargetView {
  return {
    id: row.id,
    nodeId: row.node_id,
    subject: row.subject,
    value: row.value,
    value2: row.value2,
    unit: row.unit,
    displayUnit: row.display_unit,
    display: row.display,
    statement: statementZh(row),
    comparator: row.comparator,
    direction: row.direction,
    kind: row.kind,
    baseline: row.baseline,
    dueDate: row.due_date,
    frequency: row.frequency,
    weight: row.weight,
    start: row.span_start,
    end: row.span_end,
    confidence: row.confidence,
    source: row.source,
    leadDepartment: ref(names, row.lead_department_id),
    coDepartments: co.map((id) => ref(names, id) as DepartmentRef),
    suggestedDepartment: suggestedOf(row),
    stoppedAt: row.stopped_at,
    stoppedReason: row.stopped_reason,
    attribute: row.attribute,
    baselineYear: row.baseline_year,
    targetYear: row.target_year,
    annualGrowth: row.annual_growth,
  };
}

export function toItemView(row: ItemRow, names: DepartmentNames): ItemView {
  return {
    id: row.id,
    nodeId: row.node_id,
    name: row.name,
    category: row.category as ItemCategory,
    start: row.span_start,
    end: row.span_end,
    leadDepartment: ref(names, row.lead_department_id),
  };
}

/** Everything the plan editor shows, read by the caller. */
export interface PlanDetailFacts {
  plan: PlanSummaryRow;
  nodes: OutlineNodeRow[];
  targets: TargetRow[];
  items: ItemRow[];
  /** Co-operating department ids by node id, and by target id. */
  nodeCo: Map<number, number[]>;
  targetCo: Map<number, number[]>;
  names: DepartmentNames;
  /** The departments of the plan's region (disabled ones are left out of the view). */
  regionDepartments: DepartmentRow[];
}

export function toPlanDetail(facts: PlanDetailFacts): PlanDetail {
  const { names } = facts;
  return {
    plan: toPlanSummary(facts.plan),
    outline: facts.nodes.map((n) => toOutlineNodeView(n, facts.nodeCo.get(n.id) ?? [], names)),
    targets: facts.targets.map((t) => toTargetView(t, facts.targetCo.get(t.id) ?? [], names)),
    items: facts.items.map((i) => toItemView(i, names)),
    departments: facts.regionDepartments.filter((d) => !d.disabled).map((d) => ({ id: d.id, name: d.name })),
  };
}
