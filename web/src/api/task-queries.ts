// TanStack Query hooks for tasks (重点任务, issue 13): a plan's tasks as of a date, one task with its
// history, the editor's changes (one or many), and every step of the life (签收, 进展, 办结申请,
// 办结销号 / 退回, 中止, 调整申请 and its decision), the plan's structure in the editor (a task from a
// span of the text, split, merge, delete; a target deleted or stopped) and the plan itself (删除草稿,
// 归档). Each write refreshes the tasks, the plan (the publish check counts tasks without a lead), the
// plan list's counts and the monitoring views.
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AddTaskRequest } from "../../../src/contract/structure.ts";
import type {
  AdjustmentDecisionRequest,
  AdjustRequestBody,
  BulkTasksRequest,
  CloseRequestBody,
  TaskPatch,
  TaskProgressRequest,
} from "../../../src/contract/tasks.ts";
import { api, type TaskFilter } from "./client.ts";
import { monitoringKeys } from "./monitoring-queries.ts";
import { queryKeys } from "./queries.ts";

export const taskKeys = {
  all: ["tasks"] as const,
  plan: (planId: number, filter: TaskFilter) => ["tasks", "plan", planId, filter] as const,
  task: (id: number, asOf: string | null) => ["tasks", "task", id, asOf] as const,
  adjustments: (planId: number, state: string | null) => ["tasks", "adjustments", planId, state] as const,
};

export function usePlanTasks(planId: number | null, filter: TaskFilter = {}) {
  return useQuery({
    queryKey: taskKeys.plan(planId ?? -1, filter),
    queryFn: () => api.planTasks(planId as number, filter),
    enabled: planId !== null && Number.isFinite(planId),
  });
}

/** The tasks of several plans at once (the desk: every published plan, one department). */
export function useTasksOfPlans(planIds: readonly number[], filter: TaskFilter) {
  return useQueries({
    queries: planIds.map((planId) => ({
      queryKey: taskKeys.plan(planId, filter),
      queryFn: () => api.planTasks(planId, filter),
    })),
  });
}

export function useTask(id: number | null, asOf: string | null = null) {
  return useQuery({
    queryKey: taskKeys.task(id ?? -1, asOf),
    queryFn: () => api.getTask(id as number, asOf),
    enabled: id !== null && Number.isFinite(id),
  });
}

export function usePlanAdjustments(planId: number | null, state: "pending" | null = "pending") {
  return useQuery({
    queryKey: taskKeys.adjustments(planId ?? -1, state),
    queryFn: () => api.planAdjustments(planId as number, state ?? undefined).then((r) => r.adjustments),
    enabled: planId !== null,
  });
}

function useRefresh(planId?: number | null) {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: taskKeys.all });
    if (planId) await client.invalidateQueries({ queryKey: queryKeys.plan(planId), exact: true });
    await client.invalidateQueries({ queryKey: queryKeys.plans });
    await client.invalidateQueries({ queryKey: monitoringKeys.all });
  };
}

export function usePatchTask(planId: number) {
  const refresh = useRefresh(planId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: TaskPatch }) => api.patchTask(id, patch),
    onSuccess: refresh,
  });
}

export function useBulkPatchTasks(planId: number) {
  const refresh = useRefresh(planId);
  return useMutation({
    mutationFn: (body: BulkTasksRequest) => api.bulkPatchTasks(planId, body),
    onSuccess: refresh,
  });
}

/** Every step of a task's life, by name; each refreshes what it changes. */
export function useTaskStep(planId?: number | null) {
  const refresh = useRefresh(planId);
  return useMutation({
    mutationFn: (step: TaskStep) => runStep(step),
    onSettled: refresh,
  });
}

export type TaskStep =
  | { step: "acknowledge"; id: number }
  | { step: "progress"; id: number; body: TaskProgressRequest; files: File[] }
  | { step: "close-request"; id: number; body: CloseRequestBody; files: File[] }
  | { step: "close"; id: number; opinion: string | null }
  | { step: "close-return"; id: number; reason: string }
  | { step: "stop"; id: number; reason: string }
  | { step: "adjust-request"; id: number; body: AdjustRequestBody }
  | { step: "decision"; adjustmentId: number; body: AdjustmentDecisionRequest };

function runStep(s: TaskStep): Promise<unknown> {
  switch (s.step) {
    case "acknowledge":
      return api.acknowledgeTask(s.id);
    case "progress":
      return api.reportTaskProgress(s.id, s.body, s.files);
    case "close-request":
      return api.requestTaskClose(s.id, s.body, s.files);
    case "close":
      return api.closeTask(s.id, { opinion: s.opinion });
    case "close-return":
      return api.returnTaskClose(s.id, { reason: s.reason });
    case "stop":
      return api.stopTask(s.id, { reason: s.reason });
    case "adjust-request":
      return api.requestTaskAdjustment(s.id, s.body);
    case "decision":
      return api.decideAdjustment(s.adjustmentId, s.body);
  }
}

// ── the plan's structure (the editor) ──────────────────────────────────────────────────────────

export type StructureOp =
  | { op: "add-task"; start: number; end: number; parentId: number | null }
  | { op: "split"; nodeId: number; at: number }
  | { op: "merge"; nodeIds: number[] }
  | { op: "delete-node"; nodeId: number }
  | { op: "delete-target"; id: number }
  | { op: "stop-target"; id: number; reason: string };

/** Cutting, joining and pruning a draft; stopping a target of a published plan. */
export function usePlanStructure(planId: number) {
  const refresh = useRefresh(planId);
  return useMutation({
    mutationFn: (op: StructureOp) => runStructure(planId, op),
    onSettled: refresh,
  });
}

function runStructure(planId: number, s: StructureOp): Promise<unknown> {
  switch (s.op) {
    case "add-task":
      return api.addTaskFromSpan(planId, addTaskBody(s));
    case "split":
      return api.splitNode(s.nodeId, s.at);
    case "merge":
      return api.mergeNodes({ ids: s.nodeIds });
    case "delete-node":
      return api.deleteNode(s.nodeId);
    case "delete-target":
      return api.deleteTarget(s.id);
    case "stop-target":
      return api.stopTarget(s.id, { reason: s.reason });
  }
}

/** Without a heading chosen the server puts the task under the one whose text holds it. */
const addTaskBody = (s: { start: number; end: number; parentId: number | null }): AddTaskRequest =>
  s.parentId === null ? { start: s.start, end: s.end } : { start: s.start, end: s.end, parentId: s.parentId };

/** 删除草稿 (the plan and everything in it go) or 归档 (a published plan closes, kept read-only). */
export function usePlanLifecycle(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: "delete" | "archive") =>
      action === "delete" ? api.deletePlan(planId) : api.archivePlan(planId),
    onSuccess: async (_result, action) => {
      if (action === "delete") {
        client.removeQueries({ queryKey: queryKeys.plan(planId) });
        client.removeQueries({ queryKey: ["tasks", "plan", planId] });
      } else {
        await client.invalidateQueries({ queryKey: queryKeys.plan(planId), exact: true });
        await client.invalidateQueries({ queryKey: taskKeys.all });
      }
      await client.invalidateQueries({ queryKey: queryKeys.plans });
      await client.invalidateQueries({ queryKey: monitoringKeys.all });
    },
  });
}
