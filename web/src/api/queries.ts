// TanStack Query hooks over the API client: one place for query keys and cache updates.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PlanDetail } from "../../../src/contract/plans.ts";
import type { TargetPatch, TargetView } from "../../../src/contract/targets.ts";
import { api, importedPlanId } from "./client.ts";

export const queryKeys = {
  plans: ["plans"] as const,
  plan: (id: number) => ["plan", id] as const,
  source: (id: number) => ["plan", id, "source"] as const,
};

export function usePlans() {
  return useQuery({ queryKey: queryKeys.plans, queryFn: api.listPlans });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: queryKeys.plan(id),
    queryFn: () => api.getPlan(id),
    enabled: Number.isFinite(id),
  });
}

export function usePlanSource(id: number) {
  return useQuery({
    queryKey: queryKeys.source(id),
    queryFn: () => api.getPlanSource(id),
    enabled: Number.isFinite(id),
    // The source text never changes after import.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useImportPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, force }: { file: File; force: boolean }) => api.importPlan(file, force),
    onSuccess: async (response) => {
      await client.invalidateQueries({ queryKey: queryKeys.plans });
      return importedPlanId(response);
    },
  });
}

function looksLikeTarget(value: unknown): value is TargetView {
  return (
    typeof value === "object" && value !== null && "id" in value && "subject" in value && "start" in value
  );
}

export function usePatchTarget(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: TargetPatch }) => api.patchTarget(id, patch),
    onSuccess: async (updated) => {
      if (looksLikeTarget(updated)) {
        client.setQueryData<PlanDetail>(queryKeys.plan(planId), (old) =>
          old ? { ...old, targets: old.targets.map((t) => (t.id === updated.id ? updated : t)) } : old,
        );
      }
      await client.invalidateQueries({ queryKey: queryKeys.plan(planId), exact: true });
      await client.invalidateQueries({ queryKey: queryKeys.plans });
    },
  });
}

export function usePublishPlan(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.publishPlan(planId),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.plan(planId), exact: true });
      await client.invalidateQueries({ queryKey: queryKeys.plans });
    },
  });
}

export const publicKeys = {
  plans: ["public", "plans"] as const,
  plan: (id: number) => ["public", "plan", id] as const,
};

export function usePublicPlans() {
  return useQuery({ queryKey: publicKeys.plans, queryFn: api.listPublicPlans });
}

export function usePublicPlan(id: number) {
  return useQuery({
    queryKey: publicKeys.plan(id),
    queryFn: () => api.getPublicPlan(id),
    enabled: Number.isFinite(id),
  });
}

export function useSetPlanPublic(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (isPublic: boolean) => api.setPlanPublic(planId, isPublic),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["public"] });
      await client.invalidateQueries({ queryKey: queryKeys.plan(planId), exact: true });
      await client.invalidateQueries({ queryKey: queryKeys.plans });
    },
  });
}
