// Tasks as the office sees them: the list judged as of a date (GET /api/plans/:id/tasks), one task
// with its history (GET /api/tasks/:id), what a task is set in the editor (PATCH /api/tasks/:id and
// the bulk PATCH /api/plans/:id/tasks, all or nothing) and the planner's queue of adjustments.

import type {
  AdjustmentListView,
  AdjustmentView,
  TaskDetailView,
  TaskListView,
  TaskPatch,
  TaskProgressReportView,
  TaskView,
} from "../contract/tasks.ts";
import { listAttachmentsOfReports } from "../db/attachments-repository.ts";
import type { Actor } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { updateNode } from "../db/outline-nodes-repository.ts";
import {
  getTaskNodePlanId,
  listAdjustmentsOfPlan,
  listAdjustmentsOfTask,
  listTaskEvents,
  saveTaskPlans,
} from "../db/tasks-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { isIsoDate } from "../domain/iso-dates.ts";
import { readDeadline } from "../domain/task-deadlines.ts";
import { TASK_LIGHTS, type TaskLight } from "../domain/task-lights.ts";
import {
  allowedTaskActions,
  checkMilestoneDates,
  refusalError,
  type TaskActor,
} from "../domain/task-states.ts";
import { checkDepartments, editablePlan } from "./plan-review.ts";
import { mayReadRow } from "./report-visibility.ts";
import { attachmentView } from "./reporting.ts";
import { type Db, loadNames, notFound } from "./reporting-context.ts";
import { adjustmentView, countLights, historyEntry, progressSummary, taskView } from "./task-presenter.ts";
import { loadTaskWorld, type TaskEntry, type TaskWorld, taskFactsOf, taskReading } from "./task-world.ts";

/** Who acts on a task, as the lifecycle needs it. */
export function taskActorOf(user: Principal, entry: TaskEntry): TaskActor {
  const dept = user.departmentId;
  return {
    role: user.role,
    departmentId: dept,
    isLead: dept !== null && entry.node.lead_department_id === dept,
    isCo: dept !== null && entry.coDepartmentIds.includes(dept),
  };
}

/** A reporter sees the tasks its department leads or works on; the others every task of the plan. */
export function visibleTo(user: Principal, entry: TaskEntry): boolean {
  const lead = entry.node.lead_department_id;
  return mayReadRow(user, {
    departmentId: null,
    subjectDepartmentIds: lead === null ? entry.coDepartmentIds : [lead, ...entry.coDepartmentIds],
  });
}

export interface TaskListFilter {
  asOf?: string;
  departmentId?: number;
  status?: TaskLight;
  nodeId?: number;
}

/** GET /api/plans/:id/tasks */
export async function listTasks(
  db: Db,
  user: Principal,
  planId: number,
  filter: TaskListFilter = {},
): Promise<TaskListView> {
  if (filter.status !== undefined && !TASK_LIGHTS.includes(filter.status))
    throw new AppError(
      "bad_input",
      { zh: `亮灯状态 ${filter.status} 无效`, en: `no such status: ${filter.status}` },
      { field: "status", allowed: TASK_LIGHTS },
    );
  const { world, asOf } = taskReading(await loadTaskWorld(db, planId), filter.asOf);
  const entries = world.tasks.filter(
    (e) =>
      visibleTo(user, e) &&
      (filter.departmentId === undefined ||
        e.node.lead_department_id === filter.departmentId ||
        e.coDepartmentIds.includes(filter.departmentId)) &&
      (filter.nodeId === undefined ||
        e.node.id === filter.nodeId ||
        e.path.some((p) => p.id === filter.nodeId)),
  );
  const views = entries.map((e) => taskView(world, e, asOf));
  const shown = filter.status === undefined ? views : views.filter((v) => v.status === filter.status);
  return { planId, asOf, tasks: shown, counts: countLights(views), settings: world.settings };
}

async function worldOfTask(db: Db, nodeId: number): Promise<{ world: TaskWorld; entry: TaskEntry }> {
  const planId = await getTaskNodePlanId(db, nodeId);
  if (planId === undefined) throw notFound("任务", "task", nodeId);
  const world = await loadTaskWorld(db, planId, undefined, nodeId);
  const entry = world.byId.get(nodeId);
  if (!entry) throw notFound("任务", "task", nodeId);
  return { world, entry };
}

export async function loadTask(db: Db, user: Principal, nodeId: number) {
  const found = await worldOfTask(db, nodeId);
  // A reporter of another department is told the task is not there, not what it is.
  if (!visibleTo(user, found.entry)) throw notFound("任务", "task", nodeId);
  return found;
}

/** The view of one task after a step, as of today. */
export async function currentTaskView(db: Db, user: Principal, nodeId: number): Promise<TaskView> {
  const found = await loadTask(db, user, nodeId);
  const { world, asOf } = taskReading(found.world);
  return taskView(world, found.entry, asOf);
}

async function progressReportsOf(db: Db, entry: TaskEntry): Promise<TaskProgressReportView[]> {
  const reportIds = entry.reports.map((r) => r.report.id);
  const attachments = await listAttachmentsOfReports(db, reportIds);
  const authors = entry.reports.flatMap((r) => r.revisions.map((v) => v.author_id));
  const names = await loadNames(db, [...authors, ...attachments.map((a) => a.uploaded_by)], []);
  const out: TaskProgressReportView[] = [];
  for (const { report, revisions } of entry.reports) {
    // The words of the newest revision that is not a draft (a returned one too); the person and the day
    // of the submission they came with, not the reviewer's.
    const newestFirst = [...revisions].reverse();
    const shown = newestFirst.find((r) => r.state !== "draft");
    if (!shown) continue;
    const filed = newestFirst.find((r) => r.state === "submitted" && r.revision <= shown.revision) ?? shown;
    const revisionOf = new Map(revisions.map((r) => [r.id, r.revision]));
    out.push({
      ...progressSummary(report.period, report.id, shown, filed),
      taskId: entry.node.id,
      by: (filed.author_id !== null ? names.users.get(filed.author_id) : undefined) ?? {
        id: 0,
        username: "",
        displayName: "",
      },
      milestonesDone: entry.milestones
        .filter((m) => m.done_report_id === report.id && m.done_on !== null)
        .map((m) => ({ milestoneId: m.id, name: m.name, doneOn: m.done_on as string })),
      attachments: attachments
        .filter((a) => a.report_id === report.id)
        .map((a) => attachmentView(a, names, revisionOf)),
    });
  }
  return out;
}

/** GET /api/tasks/:id */
export async function taskDetail(
  db: Db,
  user: Principal,
  nodeId: number,
  asOfParam?: string,
): Promise<TaskDetailView> {
  const found = await loadTask(db, user, nodeId);
  const entry = found.entry;
  const { world, asOf } = taskReading(found.world, asOfParam);
  const [events, adjustments] = await Promise.all([
    listTaskEvents(db, nodeId),
    listAdjustmentsOfTask(db, nodeId),
  ]);
  const names = await loadNames(
    db,
    [...events.map((e) => e.by_user), ...adjustments.flatMap((a) => [a.requested_by, a.decided_by])],
    [],
  );
  const published = world.plan.state === "published";
  return {
    ...taskView(world, entry, asOf),
    progressReports: await progressReportsOf(db, entry),
    adjustments: adjustments.map((a) => adjustmentView(a, entry, names)),
    history: events.map((e) => historyEntry(e, names)),
    actions: published ? allowedTaskActions(taskFactsOf(entry), taskActorOf(user, entry)) : [],
  };
}

/** GET /api/plans/:id/adjustments?state= */
export async function planAdjustments(
  db: Db,
  user: Principal,
  planId: number,
  state?: AdjustmentView["state"],
): Promise<AdjustmentListView> {
  const world = await loadTaskWorld(db, planId);
  const rows = (await listAdjustmentsOfPlan(db, planId, state)).filter((a) => {
    const entry = world.byId.get(a.node_id);
    return entry !== undefined && visibleTo(user, entry);
  });
  const names = await loadNames(
    db,
    rows.flatMap((a) => [a.requested_by, a.decided_by]),
    [],
  );
  return { adjustments: rows.map((a) => adjustmentView(a, world.byId.get(a.node_id), names)) };
}

// ── The editor ─────────────────────────────────────────────────────────────────────────────────

const bad = (zh: string, en: string, details: Record<string, unknown>) =>
  new AppError("bad_input", { zh, en }, details);

const cleanText = (value: string | null | undefined) => {
  if (value === undefined) return undefined;
  const t = (value ?? "").trim();
  return t === "" ? null : t;
};

/** One task's patch checked against the task and its plan; the changes to write. */
function checkPatch(world: TaskWorld, entry: TaskEntry, patch: TaskPatch, index: number | null) {
  const where = (field: string) =>
    index === null ? { field } : { field, row: index, taskId: entry.node.id };
  const published = world.plan.state === "published";
  const row = entry.row;
  if (patch.title !== undefined && patch.title.trim() === "")
    throw bad("任务名称不能为空", "the task's title cannot be empty", where("title"));
  let deadline = patch.deadline;
  let deadlineText = cleanText(patch.deadlineText);
  if (deadline !== undefined && deadline !== null && !isIsoDate(deadline))
    throw bad(
      `完成时限 ${deadline} 不是日期（YYYY-MM-DD）`,
      `the deadline ${deadline} is not a date (YYYY-MM-DD)`,
      where("deadline"),
    );
  if (deadline === undefined && deadlineText) {
    const year = world.plan.year ?? Number(world.plan.period_end.slice(0, 4));
    const read = readDeadline(deadlineText, year);
    if (!read)
      throw bad(
        `读不出完成时限“${deadlineText}”，请写成日期或“6月底前”“三季度末”“全年”“长期”`,
        `cannot read the deadline “${deadlineText}”: write a date or words such as 6月底前, 三季度末, 全年, 长期`,
        where("deadlineText"),
      );
    deadline = read.date;
  }
  if (deadline !== undefined && deadlineText === undefined) deadlineText = null;
  // In a published plan, a date that counts changes through an adjustment, so the original is kept.
  if (published && deadline !== undefined && row?.deadline && deadline !== row.deadline)
    throw new AppError(
      "conflict",
      {
        zh: "计划已发布，完成时限的调整须提出调整申请并经批准",
        en: "the plan is published: a deadline changes through an adjustment request and its approval",
      },
      { rule: "adjust_instead", ...where("deadline") },
    );
  if (patch.frequency !== undefined && patch.frequency !== "monthly" && patch.frequency !== "quarterly")
    throw bad("报送频次应为按月或按季", "the frequency must be monthly or quarterly", where("frequency"));
  if (
    patch.weight !== undefined &&
    (!Number.isFinite(patch.weight) || patch.weight < 0 || patch.weight > 100)
  )
    throw bad(
      `权重应在0到100之间：${patch.weight}`,
      `the weight must be between 0 and 100: ${patch.weight}`,
      where("weight"),
    );
  const effectiveDeadline = deadline !== undefined ? deadline : (row?.deadline ?? null);
  const milestones = patch.milestones?.map((m) => ({ ...m, name: m.name.trim() }));
  const facts = taskFactsOf(entry);
  const toCheck = milestones ?? entry.milestones.map((m) => ({ name: m.name, due: m.due }));
  const refusal = checkMilestoneDates(facts, effectiveDeadline, toCheck);
  if (refusal) {
    const err = refusalError(refusal);
    if (index === null) throw err;
    throw new AppError(err.code, err.text ?? err.message, {
      ...err.details,
      row: index,
      taskId: entry.node.id,
    });
  }
  if (milestones) {
    const own = new Set(entry.milestones.map((m) => m.id));
    for (const [i, m] of milestones.entries()) {
      if (m.id !== undefined && !own.has(m.id))
        throw bad(
          `节点 ${m.id} 不属于该任务`,
          `milestone ${m.id} is not one of this task's`,
          where(`milestones[${i}].id`),
        );
      const before = m.id === undefined ? undefined : entry.milestones.find((x) => x.id === m.id);
      if (published && before && before.due !== m.due)
        throw new AppError(
          "conflict",
          {
            zh: `计划已发布，节点‘${before.name}’的时间调整须提出调整申请并经批准`,
            en: `the plan is published: milestone ‘${before.name}’ moves through an adjustment request`,
          },
          { rule: "adjust_instead", ...where(`milestones[${i}].due`) },
        );
    }
  }
  return {
    node: {
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      ...(patch.leadDepartmentId !== undefined ? { leadDepartmentId: patch.leadDepartmentId } : {}),
      ...(patch.coDepartmentIds !== undefined ? { coDepartmentIds: patch.coDepartmentIds } : {}),
    },
    fields: {
      ...(deadline !== undefined ? { deadline } : {}),
      ...(deadlineText !== undefined ? { deadlineText } : {}),
      ...(patch.doneCriteria !== undefined ? { doneCriteria: cleanText(patch.doneCriteria) ?? null } : {}),
      ...(patch.frequency !== undefined ? { frequency: patch.frequency } : {}),
      ...(patch.weight !== undefined ? { weight: patch.weight } : {}),
    },
    milestones,
  };
}

async function applyPatches(
  db: Db,
  actor: Actor,
  world: TaskWorld,
  changes: readonly { entry: TaskEntry; patch: TaskPatch; index: number | null }[],
): Promise<void> {
  const checked = changes.map((c) => ({ entry: c.entry, ...checkPatch(world, c.entry, c.patch, c.index) }));
  await checkDepartments(
    db,
    world.plan,
    changes.flatMap((c) => [c.patch.leadDepartmentId, ...(c.patch.coDepartmentIds ?? [])]),
  );
  const now = new Date().toISOString();
  await inTransaction(db, async (trx) => {
    for (const c of checked)
      if (Object.keys(c.node).length > 0) await updateNode(trx, actor, c.entry.node.id, c.node);
    await saveTaskPlans(
      trx,
      actor,
      checked
        .filter((c) => Object.keys(c.fields).length > 0 || c.milestones !== undefined)
        .map((c) => ({
          nodeId: c.entry.node.id,
          planId: world.plan.id,
          fields: c.fields,
          ...(c.milestones !== undefined ? { milestones: c.milestones } : {}),
        })),
      now,
    );
  });
}

/** PATCH /api/tasks/:id */
export async function patchTask(
  db: Db,
  actor: Actor,
  user: Principal,
  nodeId: number,
  patch: TaskPatch,
): Promise<TaskView> {
  const { world, entry } = await worldOfTask(db, nodeId);
  await editablePlan(db, world.plan.id);
  await applyPatches(db, actor, world, [{ entry, patch, index: null }]);
  return currentTaskView(db, user, nodeId);
}

/** PATCH /api/plans/:id/tasks — all or nothing; a bad row is named by its index and task. */
export async function bulkPatchTasks(
  db: Db,
  actor: Actor,
  planId: number,
  changes: readonly { id: number; patch: TaskPatch }[],
): Promise<{ tasks: TaskView[] }> {
  await editablePlan(db, planId);
  const world = await loadTaskWorld(db, planId);
  const seen = new Set<number>();
  const rows = changes.map((c, index) => {
    const entry = world.byId.get(c.id);
    if (!entry)
      throw bad(
        `第${index + 1}行：任务 ${c.id} 不属于本计划`,
        `row ${index + 1}: task ${c.id} is not of this plan`,
        {
          field: "changes",
          row: index,
          taskId: c.id,
        },
      );
    if (seen.has(c.id))
      throw bad(`第${index + 1}行：任务 ${c.id} 重复`, `row ${index + 1}: task ${c.id} is listed twice`, {
        field: "changes",
        row: index,
        taskId: c.id,
      });
    seen.add(c.id);
    return { entry, patch: c.patch, index };
  });
  await applyPatches(db, actor, world, rows);
  const { world: after, asOf } = taskReading(await loadTaskWorld(db, planId));
  return {
    tasks: rows.flatMap((r) => {
      const e = after.byId.get(r.entry.node.id);
      return e ? [taskView(after, e, asOf)] : [];
    }),
  };
}
