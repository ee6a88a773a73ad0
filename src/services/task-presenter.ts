// Task views (src/contract/tasks.ts) from what task-world read: the light as of a date with its
// working, the dates of the life, the latest progress, the adjustments' records.

import type { DepartmentRef } from "../contract/common.ts";
import type {
  AdjustmentView,
  TaskHistoryEntry,
  TaskMilestoneView,
  TaskProgressSummary,
  TaskView,
} from "../contract/tasks.ts";
import type { RevisionRow } from "../db/reports-repository.ts";
import type { AdjustmentRow, TaskEventRow } from "../db/tasks-repository.ts";
import { adjustmentRecord } from "../domain/task-adjustments.ts";
import { judgeTask, TASK_LIGHTS, type TaskLight } from "../domain/task-lights.ts";
import type { TaskState } from "../domain/task-states.ts";
import { suggestedOf } from "./plan-presenter.ts";
import type { Names } from "./reporting-context.ts";
import { dayOrNull, type TaskEntry, type TaskWorld, taskFrequency, timelineOf } from "./task-world.ts";

export function departmentRef(names: Names, id: number | null): DepartmentRef | null {
  if (id === null) return null;
  return names.departments.get(id) ?? { id, name: `#${id}` };
}

function milestoneView(m: TaskEntry["milestones"][number]): TaskMilestoneView {
  return {
    id: m.id,
    name: m.name,
    due: m.due,
    doneOn: m.done_on,
    originalDue: m.original_due,
    adjustment:
      m.original_due && m.original_due !== m.due
        ? adjustmentRecord("milestone", m.original_due, m.due)
        : null,
  };
}

/**
 * What a report says and who filed it when: the newest submitted or approved revision's words, and the
 * submission they came with (an approval is a revision by the planner on the approval day).
 */
export function filedRevision(
  revisions: readonly RevisionRow[],
): { shown: RevisionRow; filed: RevisionRow } | null {
  const newestFirst = [...revisions].reverse();
  const shown = newestFirst.find((r) => r.state === "submitted" || r.state === "approved");
  if (!shown) return null;
  const filed = newestFirst.find((r) => r.state === "submitted" && r.revision <= shown.revision) ?? shown;
  return { shown, filed };
}

/** The newest submitted or approved revision of each report, newest period last. */
function submittedRevisions(
  entry: TaskEntry,
): { period: string; reportId: number; revision: RevisionRow; filed: RevisionRow }[] {
  const out: { period: string; reportId: number; revision: RevisionRow; filed: RevisionRow }[] = [];
  for (const { report, revisions } of entry.reports) {
    const found = filedRevision(revisions);
    if (found)
      out.push({ period: report.period, reportId: report.id, revision: found.shown, filed: found.filed });
  }
  return out;
}

export function progressSummary(
  period: string,
  reportId: number,
  r: RevisionRow,
  filed: RevisionRow = r,
): TaskProgressSummary {
  return {
    id: reportId,
    on: filed.created_at.slice(0, 10),
    period,
    progress: r.progress ?? "",
    problems: r.problems || null,
    nextSteps: r.next_steps || null,
    percent: r.percent,
  };
}

export function latestProgressOf(entry: TaskEntry): TaskProgressSummary | null {
  const all = submittedRevisions(entry);
  const last = all[all.length - 1];
  return last ? progressSummary(last.period, last.reportId, last.revision, last.filed) : null;
}

export function taskView(world: TaskWorld, entry: TaskEntry, asOf: string): TaskView {
  const row = entry.row;
  const timeline = timelineOf(world, entry, asOf);
  const judged = judgeTask(timeline, asOf, world.lightSettings);
  const latest = latestProgressOf(entry);
  return {
    id: entry.node.id,
    planId: entry.node.plan_id,
    nodeId: entry.node.id,
    path: entry.path,
    title: entry.node.title,
    start: entry.node.span_start,
    end: entry.node.span_end,
    leadDepartment: departmentRef(world.names, entry.node.lead_department_id),
    coDepartments: entry.coDepartmentIds.flatMap((id) => {
      const ref = departmentRef(world.names, id);
      return ref ? [ref] : [];
    }),
    suggestedDepartment: suggestedOf(entry.node),
    deadline: row?.deadline ?? null,
    deadlineText: row?.deadline_text ?? null,
    originalDeadline: row?.original_deadline ?? null,
    deadlineAdjustment:
      row?.original_deadline && row.deadline && row.original_deadline !== row.deadline
        ? adjustmentRecord("deadline", row.original_deadline, row.deadline)
        : null,
    milestones: entry.milestones.map(milestoneView),
    doneCriteria: row?.done_criteria ?? null,
    frequency: taskFrequency(world, entry),
    weight: row?.weight ?? 1,
    state: row?.state ?? "assigned",
    status: judged.status,
    working: { zh: judged.working.zh, en: judged.working.en },
    signals: judged.signals,
    assignedOn: timeline.assignedOn,
    acknowledgedOn: dayOrNull(row?.acknowledged_at),
    closeRequestedOn: dayOrNull(row?.close_requested_at),
    closedOn: dayOrNull(row?.closed_at),
    stoppedOn: dayOrNull(row?.stopped_at),
    stoppedReason: row?.stopped_reason ?? null,
    closeEvidence:
      row?.state === "close_requested" || row?.state === "closed" ? (row.close_evidence ?? null) : null,
    percent: latest?.percent ?? null,
    latestProgress: latest,
    pendingAdjustments: entry.pendingAdjustments,
  };
}

export function countLights(views: readonly Pick<TaskView, "status">[]): Record<TaskLight, number> {
  const counts = Object.fromEntries(TASK_LIGHTS.map((l) => [l, 0])) as Record<TaskLight, number>;
  for (const v of views) counts[v.status] += 1;
  return counts;
}

export function adjustmentView(
  row: AdjustmentRow,
  entry: TaskEntry | undefined,
  names: Names,
): AdjustmentView {
  const milestone =
    row.milestone_id === null ? undefined : entry?.milestones.find((m) => m.id === row.milestone_id);
  const decided = row.state === "pending" ? null : row.state;
  const user = (id: number | null) => (id === null ? null : (names.users.get(id) ?? null));
  return {
    id: row.id,
    taskId: row.node_id,
    taskTitle: entry?.node.title ?? "",
    kind: row.kind,
    milestoneId: row.milestone_id,
    milestoneName: milestone?.name ?? null,
    original: row.original,
    proposed: row.proposed,
    reason: row.reason,
    state: row.state,
    requestedBy: user(row.requested_by) ?? { id: row.requested_by ?? 0, username: "", displayName: "" },
    requestedAt: row.requested_at,
    decidedBy: user(row.decided_by),
    decidedAt: row.decided_at,
    opinion: row.opinion,
    record: decided ? adjustmentRecord(row.kind, row.original, row.proposed, decided) : null,
  };
}

const ACTION_NAMES: Record<string, TaskHistoryEntry["action"]> = {
  assign: "assign",
  acknowledge: "acknowledge",
  report_progress: "report_progress",
  request_close: "request_close",
  close: "close",
  return_close: "return_close",
  stop: "stop",
  request_adjustment: "request_adjustment",
  decide_adjustment: "decide_adjustment",
};

export function historyEntry(e: TaskEventRow, names: Names): TaskHistoryEntry {
  return {
    action: ACTION_NAMES[e.action] ?? "assign",
    from: (e.from_state as TaskState | null) ?? null,
    to: e.to_state as TaskState,
    at: e.at,
    by: e.by_user === null ? null : (names.users.get(e.by_user) ?? null),
    summary: { zh: e.summary_zh, en: e.summary_en },
  };
}
