// What the public sees: published plans the planner made public, read-only, without the planners'
// working data (suggestions, confidence, source spans, co-operating departments): targets with their
// approved values, tasks with their light and their approved 进展情况 only.

import type { Kysely } from "kysely";
import type { PlanSummary } from "../contract/plans.ts";
import type { PublicPlanDetail, PublicTaskView } from "../contract/public.ts";
import type { Actor } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { getPlanRow, setPlanPublic } from "../db/plans-repository.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../domain/app-error.ts";
import { approvedAsOf } from "../domain/revisions.ts";
import { judgeTask } from "../domain/task-lights.ts";
import { latestApprovedProgress } from "../reports/ledger-tasks.ts";
import { getPlanSummary, listPlans, loadPlanDetail } from "./plan-queries.ts";
import { readingClock, statusOfWorld } from "./plan-status.ts";
import { loadPlanWorld, type PlanWorld, periodsOf, reportKey, revisionCutoff } from "./reporting-context.ts";
import { departmentRef } from "./task-presenter.ts";
import { loadTaskWorld, timelineOf } from "./task-world.ts";

type Db = Kysely<Database>;

function isShown(plan: { isPublic: boolean; state: string }): boolean {
  return plan.isPublic && plan.state !== "draft";
}

export async function publicPlanList(db: Db): Promise<PlanSummary[]> {
  return (await listPlans(db)).filter(isShown);
}

/**
 * The public page's plan: each target with its latest approved value and its status as of today (the
 * demo plan's fixed date for demo data), judged like the planners' status page. Only approved
 * revisions count, and only numbers leave: no report texts, no authors, no reviewers.
 */
export async function publicPlanDetail(db: Db, id: number, asOfParam?: string): Promise<PublicPlanDetail> {
  const detail = await loadPlanDetail(db, id);
  if (!detail || !isShown(detail.plan)) {
    throw new AppError(
      "not_found",
      { zh: `没有公开的计划 ${id}`, en: `no public plan ${id}` },
      { entity: "plan", id },
    );
  }
  const { world, asOf } = readingClock(await loadPlanWorld(db, id, { texts: false }), asOfParam);
  const status = new Map(statusOfWorld(world, asOf).targets.map((v) => [v.targetId, v]));
  const tasks = await publicTasks(db, world, asOf);
  return {
    plan: detail.plan,
    asOf,
    demo: world.settings.demo,
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
    targets: detail.targets.map((t) => {
      const judged = status.get(t.id);
      const latest = latestApprovedValue(world, t.id, t.kind, asOf);
      return {
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
        latestValue: latest?.value ?? null,
        latestPeriod: latest?.period ?? null,
        status: judged?.evaluation.status ?? "not_started",
        completion: judged?.evaluation.completion ?? null,
        gapPoints: judged?.evaluation.gapPoints ?? null,
      };
    }),
    tasks,
  };
}

/**
 * Each task with the light the office sees as of the date and the 进展情况 of its newest report
 * approved by then; a report waiting for review, or returned, says nothing here.
 */
async function publicTasks(db: Db, world: PlanWorld, asOf: string): Promise<PublicTaskView[]> {
  const tasks = await loadTaskWorld(db, world.plan.id, world.plan);
  const cutoff = revisionCutoff(world, asOf);
  return tasks.tasks.map((entry) => ({
    id: entry.node.id,
    title: entry.node.title,
    leadDepartment: departmentRef(tasks.names, entry.node.lead_department_id),
    deadline: entry.row?.deadline ?? null,
    deadlineText: entry.row?.deadline_text ?? null,
    milestones: entry.milestones.map((m) => ({
      name: m.name,
      due: m.due,
      doneOn: m.done_on !== null && m.done_on <= asOf ? m.done_on : null,
    })),
    status: judgeTask(timelineOf(tasks, entry), asOf, tasks.lightSettings).status,
    progress: latestApprovedProgress(entry, cutoff),
  }));
}

/** The value of the newest period with a revision approved by the cut-off (a percent for milestones). */
function latestApprovedValue(
  world: PlanWorld,
  targetId: number,
  kind: string,
  asOf: string,
): { value: number | null; period: string } | null {
  const subject = world.subjects.get(`target:${targetId}`);
  if (!subject) return null;
  const cutoff = revisionCutoff(world, asOf);
  let found: { value: number | null; period: string } | null = null;
  for (const p of periodsOf(world.plan, subject.frequency, world.settings.dueDay)) {
    const report = world.reports.get(reportKey(`target:${targetId}`, p.key));
    if (!report) continue;
    const approved = approvedAsOf(
      (world.revisions.get(report.id) ?? []).map((r) => ({
        ...r,
        approvedAt: r.state === "approved" ? r.created_at : null,
      })),
      cutoff,
    );
    if (approved)
      found = {
        value: kind === "milestone" ? (approved.percent ?? approved.value) : approved.value,
        period: p.key,
      };
  }
  return found;
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
    throw new AppError(
      "not_found",
      { zh: `计划 ${planId} 不存在`, en: `plan ${planId} not found` },
      {
        entity: "plan",
        id: planId,
      },
    );
  if (isPublic && plan.state === "draft") {
    throw new AppError(
      "conflict",
      { zh: `计划 ${planId} 尚未发布，不能公开`, en: `plan ${planId} is a draft: publish it first` },
      {
        planId,
        state: plan.state,
      },
    );
  }
  return inTransaction(db, async (trx) => {
    await setPlanPublic(trx, actor, planId, isPublic);
    return (await getPlanSummary(trx, planId)) as PlanSummary;
  });
}
