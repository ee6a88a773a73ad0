// TanStack Query hooks of the plan editor: bulk changes of targets, plan settings, a target's
// 分期计划, copying a plan. Each write refreshes what it changes (the plan, its status, the lists).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CopyPlanRequest, PlanSettingsPatch } from "../../../src/contract/plans.ts";
import type { BulkTargetsRequest, PlannedValuesRequest } from "../../../src/contract/targets.ts";
import { api } from "./client.ts";
import { monitoringKeys } from "./monitoring-queries.ts";
import { queryKeys } from "./queries.ts";

export const editorKeys = {
  settings: (planId: number) => ["editor", "settings", planId] as const,
  planned: (targetId: number) => ["editor", "planned", targetId] as const,
};

export function useBulkPatchTargets(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkTargetsRequest) => api.bulkPatchTargets(planId, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.plan(planId), exact: true });
      await client.invalidateQueries({ queryKey: queryKeys.plans });
      await client.invalidateQueries({ queryKey: monitoringKeys.all });
    },
  });
}

export function usePlanSettings(planId: number, enabled = true) {
  return useQuery({
    queryKey: editorKeys.settings(planId),
    queryFn: () => api.planSettings(planId),
    enabled: enabled && Number.isFinite(planId),
  });
}

export function useUpdatePlanSettings(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanSettingsPatch) => api.updatePlanSettings(planId, body),
    onSuccess: async (settings) => {
      client.setQueryData(editorKeys.settings(planId), settings);
      await client.invalidateQueries({ queryKey: monitoringKeys.all });
    },
  });
}

export function useTargetPlanned(targetId: number | null) {
  return useQuery({
    queryKey: editorKeys.planned(targetId ?? -1),
    queryFn: () => api.targetPlanned(targetId as number),
    enabled: targetId !== null,
  });
}

export function useSetTargetPlanned(targetId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlannedValuesRequest) => api.setTargetPlanned(targetId, body),
    onSuccess: async (planned) => {
      client.setQueryData(editorKeys.planned(targetId), planned);
      await client.invalidateQueries({ queryKey: monitoringKeys.all });
    },
  });
}

export function useCopyPlan(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CopyPlanRequest) => api.copyPlan(planId, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.plans });
    },
  });
}
