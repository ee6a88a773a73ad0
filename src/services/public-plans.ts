// What the public sees: published plans the planner made public, read-only, without the planners'
// working data (suggestions, confidence, source spans, co-operating departments).

import type { Kysely } from "kysely";
import type { Actor } from "../db/audit-repository.ts";
import { getPlanRow, listPlans, loadPlanDetail, setPlanPublic } from "../db/plans-repository.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../domain/app-error.ts";
import type { PlanSummary, PublicPlanDetail } from "../http/api-types.ts";

type Db = Kysely<Database>;

function isShown(plan: { isPublic: boolean; state: string }): boolean {
  return plan.isPublic && plan.state !== "draft";
}

export async function publicPlanList(db: Db): Promise<PlanSummary[]> {
  return (await listPlans(db)).filter(isShown);
}

export async function publicPlanDetail(db: Db, id: number): Promise<PublicPlanDetail> {
  const detail = await loadPlanDetail(db, id);
  if (!detail || !isShown(detail.plan)) {
    throw new AppError("not_found", `没有公开的计划 ${id} / no public plan ${id}`, { entity: "plan", id });
  }
  return {
    plan: detail.plan,
    outline: detail.outline.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      kind: n.kind,
      level: n.level,
      order: n.order,
      marker: n.marker,
      title: n.title,
      leadDepartment: n.leadDepartment,
    })),
    // Approved report values come with reporting (a later issue): null until then.
    targets: detail.targets.map((t) => ({
      id: t.id,
      nodeId: t.nodeId,
      subject: t.subject,
      display: t.display,
      value: t.value,
      value2: t.value2,
      unit: t.unit,
      displayUnit: t.displayUnit,
      comparator: t.comparator,
      direction: t.direction,
      kind: t.kind,
      dueDate: t.dueDate,
      leadDepartment: t.leadDepartment,
      latestValue: null,
      latestPeriod: null,
    })),
  };
}

/** Only a published (or closed) plan can be made public: a draft is still being corrected. */
export async function setPublic(
  db: Db,
  actor: Actor,
  planId: number,
  isPublic: boolean,
): Promise<PlanSummary> {
  const plan = await getPlanRow(db, planId);
  if (!plan)
    throw new AppError("not_found", `计划 ${planId} 不存在 / plan ${planId} not found`, {
      entity: "plan",
      id: planId,
    });
  if (isPublic && plan.state === "draft") {
    throw new AppError(
      "conflict",
      `计划 ${planId} 尚未发布，不能公开 / plan ${planId} is a draft: publish it first`,
      {
        planId,
        state: plan.state,
      },
    );
  }
  return setPlanPublic(db, actor, planId, isPublic);
}
