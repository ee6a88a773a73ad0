// The demo's tasks (示例数据) carried out through the task services, as the demo's users would: the
// planner sets every task's departments, deadline and milestones (bulkPatchTasks) before publication;
// after it each lead department's reporter signs, reports and asks, and the planner reviews, closes,
// stops and decides — every step on its day of the year (the services' clocks), in the order of the
// days, with the services' rules and audit rows. What happens is decided by seed-demo-task-plan.ts.

import type { Actor } from "../db/audit-repository.ts";
import { listDepartmentNamesOfRegion } from "../db/departments-repository.ts";
import { parsePlanSettings } from "../db/plan-settings-repository.ts";
import { getRegion } from "../db/regions-repository.ts";
import { findReport } from "../db/reports-repository.ts";
import type { PlanRow } from "../db/schema.ts";
import { listTargetRowsOfPlanBySpan } from "../db/targets-repository.ts";
import type { Principal } from "../domain/access.ts";
import { lightSettingsOf, taskSettingsOf } from "../domain/task-settings.ts";
import { reviewReport } from "./reporting.ts";
import { type Db, periodKeyFor, periodsOf, settingsOfPlan } from "./reporting-context.ts";
import { BULK_REVIEW_MAX, reviewReportsBulk } from "./review-bulk.ts";
import {
  type DemoStep,
  type DemoTaskPlan,
  type DemoYear,
  planDemoTasks,
  reviewTimes,
} from "./seed-demo-task-plan.ts";
import {
  acknowledgeTask,
  decideTaskAdjustment,
  plannerTaskStep,
  reportTaskProgress,
  requestTaskAdjustment,
  requestTaskClose,
} from "./task-steps.ts";
import { loadTaskWorld } from "./task-world.ts";
import { bulkPatchTasks } from "./tasks.ts";

export interface DemoUser {
  actor: Actor;
  principal: Principal;
}

export interface DemoUsers {
  planner: DemoUser;
  /** The reporter of a department (a stand-in without an account where the department has none). */
  reporterOf: (departmentId: number) => DemoUser;
}

/** The demo's planner and reporters as the users table has them. */
export function demoUsers(
  users: readonly { id: number; role: string; department_id: number | null }[],
  plan: PlanRow,
): DemoUsers {
  const plannerId = users.find((u) => u.role === "planner")?.id ?? null;
  const reporters = new Map(
    users
      .filter((u) => u.role === "reporter" && u.department_id !== null)
      .map((u) => [u.department_id as number, u.id]),
  );
  return {
    planner: {
      actor: { userId: plannerId, ip: null },
      principal: {
        id: plannerId ?? 0,
        role: "planner",
        regionId: plan.region_id,
        departmentId: null,
        departmentRegionId: null,
      },
    },
    reporterOf: (departmentId) => {
      const id = reporters.get(departmentId) ?? null;
      return {
        actor: { userId: id, ip: null },
        principal: {
          id: id ?? 0,
          role: "reporter",
          regionId: null,
          departmentId,
          departmentRegionId: plan.region_id,
        },
      };
    },
  };
}

/** The demo's year for a plan: its days, departments and calendars. */
export async function demoYearOf(db: Db, plan: PlanRow, assignedOn: string, asOf: string): Promise<DemoYear> {
  const region = plan.region_id === null ? undefined : await getRegion(db, plan.region_id);
  const departments = plan.region_id === null ? [] : await listDepartmentNamesOfRegion(db, plan.region_id);
  const settings = settingsOfPlan(plan);
  const prefix = region?.name.slice(-1) ?? "";
  return {
    year: plan.year ?? Number(plan.period_end.slice(0, 4)),
    periodEnd: plan.period_end,
    assignedOn,
    asOf,
    region: region?.name ?? null,
    departments,
    fallbackDepartmentId: departments.find((d) => d.name === `${prefix}发展改革委`)?.id ?? null,
    periods: (frequency) => periodsOf(plan, frequency, settings.dueDay),
    calendar: lightSettingsOf(taskSettingsOf(parsePlanSettings(plan.settings))).calendar,
  };
}

export interface PreparedTask extends DemoTaskPlan {
  /** The stored milestones' ids, in the plan's order. */
  milestoneIds: number[];
}

/** Before publication: every task's departments, deadline, frequency and milestones, as the planner sets them. */
export async function prepareDemoTasks(
  db: Db,
  plan: PlanRow,
  year: DemoYear,
  users: DemoUsers,
): Promise<PreparedTask[]> {
  const world = await loadTaskWorld(db, plan.id, plan);
  const withTargets = new Set((await listTargetRowsOfPlanBySpan(db, plan.id)).map((t) => t.node_id));
  const plans = planDemoTasks(
    world.tasks.map(({ node, row, coDepartmentIds }) => ({
      nodeId: node.id,
      text: node.text || node.title,
      // What a person (or the document) already set stands; else the extractor's suggestion.
      suggestedDepartmentId: node.lead_department_id ?? node.suggested_department_id,
      coDepartmentIds,
      deadline: row && (row.deadline !== null || row.deadline_text !== null) ? { date: row.deadline } : null,
      hasTargets: withTargets.has(node.id),
    })),
    year,
  );
  const { tasks } = await bulkPatchTasks(
    db,
    users.planner.actor,
    plan.id,
    plans.map((p) => ({
      id: p.nodeId,
      patch: {
        leadDepartmentId: p.lead,
        coDepartmentIds: p.co,
        ...(p.deadlineText !== null ? { deadlineText: p.deadlineText } : {}),
        frequency: p.frequency,
        milestones: p.milestones.map((m) => ({ name: m.name, due: m.due })),
      },
    })),
  );
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return plans.map((p) => ({ ...p, milestoneIds: (byId.get(p.nodeId)?.milestones ?? []).map((m) => m.id) }));
}

export interface DemoTaskOutcome {
  steps: number;
  /** The task reports written (one per task and period) and their revisions (each save and review). */
  reports: number;
  revisions: number;
}

/** What the year has written so far that later steps refer to. */
interface Ledger {
  /** Progress reports waiting for the planner's next review, by task and period. */
  waiting: Map<string, number>;
  /** A close request's report, waiting for the decision on the request. */
  evidence: Map<number, number>;
  adjustments: Map<string, number>;
  reports: Set<number>;
  revisions: number;
}

type Timed = { at: string; order: number } & ({ step: DemoStep; task: PreparedTask } | { review: true });

/** After publication: the year's steps of every task and the planner's reviews, in the order of their days. */
export async function liveDemoTaskYear(
  db: Db,
  plan: PlanRow,
  year: DemoYear,
  tasks: readonly PreparedTask[],
  users: DemoUsers,
): Promise<DemoTaskOutcome> {
  const timeline: Timed[] = [
    ...tasks.flatMap((task) => task.steps.map((step) => ({ at: step.at, step, task }))),
    ...reviewTimes(year).map((at) => ({ at, review: true as const })),
  ]
    .map((t, order) => ({ ...t, order }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  const ledger: Ledger = {
    waiting: new Map(),
    evidence: new Map(),
    adjustments: new Map(),
    reports: new Set(),
    revisions: 0,
  };
  for (const item of timeline) {
    if ("review" in item) await review(db, plan, users.planner, ledger, item.at);
    else await carryOut(db, users, ledger, item.task, item.step);
  }
  return { steps: timeline.length, reports: ledger.reports.size, revisions: ledger.revisions };
}

/** The planner's review day: every report in since the last one approved at once (批量审核). */
async function review(db: Db, plan: PlanRow, planner: DemoUser, ledger: Ledger, now: string): Promise<void> {
  const ids = [...ledger.waiting.values()];
  ledger.waiting.clear();
  ledger.revisions += ids.length;
  for (let i = 0; i < ids.length; i += BULK_REVIEW_MAX)
    await reviewReportsBulk(
      db,
      planner.actor,
      planner.principal,
      plan.id,
      { action: "approve", reports: ids.slice(i, i + BULK_REVIEW_MAX).map((id) => ({ id })) },
      { now },
    );
}

/** The planner's decision on a close request's report: approved with the closing, returned with the request. */
async function decideEvidence(
  db: Db,
  planner: DemoUser,
  ledger: Ledger,
  nodeId: number,
  now: string,
  decision: { action: "approve" } | { action: "return"; reason: string },
): Promise<void> {
  const id = ledger.evidence.get(nodeId);
  if (id === undefined) return;
  ledger.evidence.delete(nodeId);
  ledger.revisions++;
  await reviewReport(db, planner.actor, planner.principal, id, decision, { now });
}

async function carryOut(
  db: Db,
  users: DemoUsers,
  ledger: Ledger,
  task: PreparedTask,
  step: DemoStep,
): Promise<void> {
  const planner = users.planner;
  const lead = task.lead === null ? planner : users.reporterOf(task.lead);
  const clock = { now: step.at };
  const milestoneId = (index: number) => task.milestoneIds[index] as number;
  switch (step.kind) {
    case "acknowledge":
      await acknowledgeTask(db, lead.actor, lead.principal, task.nodeId, clock);
      return;
    case "report": {
      const view = await reportTaskProgress(
        db,
        lead.actor,
        lead.principal,
        task.nodeId,
        {
          period: step.period,
          progress: step.progress,
          problems: step.problems,
          nextSteps: step.nextSteps,
          percent: step.percent,
          milestonesDone: step.milestonesDone.map((d) => ({
            milestoneId: milestoneId(d.index),
            doneOn: d.doneOn,
          })),
        },
        [],
        clock,
      );
      ledger.waiting.set(`${task.nodeId}:${step.period}`, view.id);
      ledger.reports.add(view.id);
      ledger.revisions++;
      return;
    }
    case "return_report": {
      const key = `${task.nodeId}:${step.period}`;
      const id = ledger.waiting.get(key);
      if (id === undefined) return;
      ledger.waiting.delete(key);
      ledger.revisions++;
      await reviewReport(
        db,
        planner.actor,
        planner.principal,
        id,
        { action: "return", reason: step.reason },
        clock,
      );
      return;
    }
    case "request_close": {
      await requestTaskClose(
        db,
        lead.actor,
        lead.principal,
        task.nodeId,
        { evidence: step.evidence },
        [],
        clock,
      );
      // The evidence is a report of the request's period (requestTaskClose writes it there).
      const period = periodKeyFor(step.at.slice(0, 10), task.frequency);
      const report = await findReport(db, { type: "task", id: task.nodeId }, period);
      if (report) {
        ledger.evidence.set(task.nodeId, report.id);
        ledger.reports.add(report.id);
      }
      ledger.revisions++;
      return;
    }
    case "return_close":
      await plannerTaskStep(
        db,
        planner.actor,
        planner.principal,
        task.nodeId,
        "close-return",
        { reason: step.reason },
        clock,
      );
      await decideEvidence(db, planner, ledger, task.nodeId, step.at, {
        action: "return",
        reason: step.reason,
      });
      return;
    case "close":
      await decideEvidence(db, planner, ledger, task.nodeId, step.at, { action: "approve" });
      await plannerTaskStep(
        db,
        planner.actor,
        planner.principal,
        task.nodeId,
        "close",
        { opinion: step.opinion },
        clock,
      );
      return;
    case "stop":
      await plannerTaskStep(
        db,
        planner.actor,
        planner.principal,
        task.nodeId,
        "stop",
        { reason: step.reason },
        clock,
      );
      return;
    case "request_adjustment": {
      const view = await requestTaskAdjustment(
        db,
        lead.actor,
        lead.principal,
        task.nodeId,
        {
          kind: "milestone",
          milestoneId: milestoneId(step.milestone),
          proposedDue: step.proposedDue,
          reason: step.reason,
        },
        clock,
      );
      ledger.adjustments.set(`${task.nodeId}:${step.milestone}`, view.id);
      return;
    }
    case "decide_adjustment": {
      const id = ledger.adjustments.get(`${task.nodeId}:${step.milestone}`);
      if (id === undefined) return;
      await decideTaskAdjustment(
        db,
        planner.actor,
        planner.principal,
        id,
        { decision: "approved", opinion: step.opinion },
        clock,
      );
      return;
    }
  }
}
