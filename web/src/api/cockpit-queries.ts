// TanStack Query hooks of the leaders' cockpit: the cockpit itself, one target's trend, and one
// target's evaluation per period with its reports (the working behind its status).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "./client.ts";

export const cockpitKeys = {
  cockpit: (planId: number, asOf: string | null) => ["monitoring", "cockpit", planId, asOf] as const,
  trend: (targetId: number, asOf: string | null) => ["monitoring", "trend", targetId, asOf] as const,
  evaluation: (targetId: number, asOf: string | null) =>
    ["monitoring", "evaluation", targetId, asOf] as const,
};

export function useCockpit(planId: number, asOf: string | null) {
  return useQuery({
    queryKey: cockpitKeys.cockpit(planId, asOf),
    queryFn: () => api.planCockpit(planId, asOf),
    enabled: Number.isFinite(planId),
    // Changing the date keeps the old figures on screen until the new ones come: no flash of skeletons.
    placeholderData: keepPreviousData,
  });
}

export function useTargetTrend(targetId: number | null, asOf: string | null) {
  return useQuery({
    queryKey: cockpitKeys.trend(targetId ?? -1, asOf),
    queryFn: () => api.targetTrend(targetId as number, asOf),
    enabled: targetId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useTargetEvaluation(targetId: number | null, asOf: string | null) {
  return useQuery({
    queryKey: cockpitKeys.evaluation(targetId ?? -1, asOf),
    queryFn: () => api.targetEvaluation(targetId as number, asOf),
    enabled: targetId !== null,
  });
}
