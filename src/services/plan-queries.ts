// Reading plans for the API and the CLI: the rows and facts from the repositories, turned into views
// by the plan presenter. The find/load functions answer undefined for a missing row; planList,
// planDetail and planSource answer an AppError instead.

import type { Kysely } from "kysely";
import type { OutlineNodeView, PlanDetail, PlanSource, PlanSummary } from "../contract/plans.ts";
import type { TargetView } from "../contract/targets.ts";
import { getDepartmentsByIds, listDepartments } from "../db/departments-repository.ts";
import { listItemRowsOfPlanInText } from "../db/items-repository.ts";
import {
  coDepartmentIdsOfNode,
  getNodeRow,
  listNodeCoDepartmentPairsOfPlan,
  listNodeRowsOfPlan,
} from "../db/outline-nodes-repository.ts";
import {
  getPlanRow,
  getPlanSourceRow,
  getPlanSummaryRow,
  listPlanSummaryRows,
} from "../db/plans-repository.ts";
import type { Database } from "../db/schema.ts";
import {
  coDepartmentIdsOfTarget,
  getTargetRow,
  listTargetCoDepartmentPairsOfPlan,
  listTargetRowsOfPlanInText,
} from "../db/targets-repository.ts";
import { AppError } from "../domain/app-error.ts";
import {
  type DepartmentNames,
  toOutlineNodeView,
  toPlanDetail,
  toPlanSource,
  toPlanSummary,
  toTargetView,
} from "./plan-presenter.ts";

type Db = Kysely<Database>;

function planNotFound(id: number): AppError {
  return new AppError(
    "not_found",
    { zh: `计划 ${id} 不存在`, en: `plan ${id} not found` },
    { entity: "plan", id },
  );
}

/** Names of the region's departments and of any other department referred to. */
async function departmentNames(
  db: Db,
  regionId: number | null,
  extraIds: number[],
): Promise<DepartmentNames> {
  const names = new Map<number, string>();
  if (regionId !== null) for (const d of await listDepartments(db, regionId)) names.set(d.id, d.name);
  const missing = [...new Set(extraIds)].filter((id) => !names.has(id));
  for (const d of await getDepartmentsByIds(db, missing)) names.set(d.id, d.name);
  return names;
}

function groupPairs(rows: { owner: number; department_id: number }[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const r of rows) {
    const list = map.get(r.owner) ?? [];
    list.push(r.department_id);
    map.set(r.owner, list);
  }
  return map;
}

function referencedDepartments(
  rows: { lead_department_id: number | null }[],
  co: Map<number, number[]>,
): number[] {
  const ids: number[] = [];
  for (const r of rows) if (r.lead_department_id !== null) ids.push(r.lead_department_id);
  for (const list of co.values()) ids.push(...list);
  return ids;
}

async function regionOfPlan(db: Db, planId: number): Promise<number | null> {
  return (await getPlanRow(db, planId))?.region_id ?? null;
}

/** Every plan, newest first, with its counts. */
export async function listPlans(db: Db): Promise<PlanSummary[]> {
  return (await listPlanSummaryRows(db)).map(toPlanSummary);
}

export async function getPlanSummary(db: Db, id: number): Promise<PlanSummary | undefined> {
  const row = await getPlanSummaryRow(db, id);
  return row ? toPlanSummary(row) : undefined;
}

export async function getPlanSource(db: Db, planId: number): Promise<PlanSource | undefined> {
  const row = await getPlanSourceRow(db, planId);
  return row ? toPlanSource(row) : undefined;
}

/** The plan with its outline, targets, items and its region's departments: the editor's view. */
export async function loadPlanDetail(db: Db, planId: number): Promise<PlanDetail | undefined> {
  const plan = await getPlanSummaryRow(db, planId);
  if (!plan) return undefined;
  const nodes = await listNodeRowsOfPlan(db, planId);
  const targets = await listTargetRowsOfPlanInText(db, planId);
  const items = await listItemRowsOfPlanInText(db, planId);
  const nodeCo = groupPairs(await listNodeCoDepartmentPairsOfPlan(db, planId));
  const targetCo = groupPairs(await listTargetCoDepartmentPairsOfPlan(db, planId));
  const regionId = plan.region_id;
  const names = await departmentNames(db, regionId, [
    ...referencedDepartments(nodes, nodeCo),
    ...referencedDepartments(targets, targetCo),
    ...referencedDepartments(items, new Map()),
  ]);
  const regionDepartments = regionId === null ? [] : await listDepartments(db, regionId);
  return toPlanDetail({ plan, nodes, targets, items, nodeCo, targetCo, names, regionDepartments });
}

export async function getTargetView(db: Db, id: number): Promise<TargetView | undefined> {
  const row = await getTargetRow(db, id);
  if (!row) return undefined;
  const co = await coDepartmentIdsOfTarget(db, id);
  const names = await departmentNames(db, await regionOfPlan(db, row.plan_id), [
    ...referencedDepartments([row], new Map([[id, co]])),
  ]);
  return toTargetView(row, co, names);
}

export async function getNodeView(db: Db, id: number): Promise<OutlineNodeView | undefined> {
  const row = await getNodeRow(db, id);
  if (!row) return undefined;
  const co = await coDepartmentIdsOfNode(db, id);
  const names = await departmentNames(db, await regionOfPlan(db, row.plan_id), [
    ...referencedDepartments([row], new Map([[id, co]])),
  ]);
  return toOutlineNodeView(row, co, names);
}

export async function planList(db: Db): Promise<PlanSummary[]> {
  return listPlans(db);
}

export async function planDetail(db: Db, id: number): Promise<PlanDetail> {
  const detail = await loadPlanDetail(db, id);
  if (!detail) throw planNotFound(id);
  return detail;
}

export async function planSource(db: Db, id: number): Promise<PlanSource> {
  const source = await getPlanSource(db, id);
  if (!source) throw planNotFound(id);
  return source;
}
