// TanStack Query hooks of the five-year plan: the cockpit as of a year, an indicator's value history,
// an annual plan's link suggestions; every write asks the five-year views again (a yearly value moves
// the judgement, a link adds a linked annual target).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  FiveYearLinksConfirmRequest,
  YearlyValueFromReportRequest,
  YearlyValueImportApply,
  YearlyValueRequest,
} from "../../../src/contract/five-year.ts";
import { api } from "./client.ts";

export const fiveYearKeys = {
  all: ["five-year"] as const,
  view: (planId: number, year: number | null) => ["five-year", "view", planId, year] as const,
  history: (targetId: number) => ["five-year", "history", targetId] as const,
  suggestions: (annualPlanId: number, fiveYearPlanId: number) =>
    ["five-year", "suggestions", annualPlanId, fiveYearPlanId] as const,
};

export function useFiveYear(planId: number, year: number | null) {
  return useQuery({
    queryKey: fiveYearKeys.view(planId, year),
    queryFn: () => api.fiveYear(planId, year),
    enabled: Number.isFinite(planId),
    // Another year keeps the old figures on screen until the new ones come.
    placeholderData: keepPreviousData,
  });
}

export function useYearlyValueHistory(targetId: number | null) {
  return useQuery({
    queryKey: fiveYearKeys.history(targetId ?? -1),
    queryFn: () => api.yearlyValueHistory(targetId as number),
    enabled: targetId !== null,
  });
}

export function useLinkSuggestions(annualPlanId: number, fiveYearPlanId: number | null) {
  return useQuery({
    queryKey: fiveYearKeys.suggestions(annualPlanId, fiveYearPlanId ?? -1),
    queryFn: () => api.linkSuggestions(annualPlanId, fiveYearPlanId as number),
    enabled: Number.isFinite(annualPlanId) && fiveYearPlanId !== null,
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: fiveYearKeys.all });
}

export function useAddYearlyValue() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ targetId, body }: { targetId: number; body: YearlyValueRequest }) =>
      api.addYearlyValue(targetId, body),
    onSuccess: refresh,
  });
}

export function useYearlyValueFromReport() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ targetId, body }: { targetId: number; body: YearlyValueFromReportRequest }) =>
      api.yearlyValueFromReport(targetId, body),
    onSuccess: refresh,
  });
}

export function useApplyYearlyValues(planId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: YearlyValueImportApply) => api.applyYearlyValues(planId, body),
    onSuccess: refresh,
  });
}

export function useConfirmLinks(annualPlanId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: FiveYearLinksConfirmRequest) => api.confirmLinks(annualPlanId, body),
    onSuccess: refresh,
  });
}

export function useUnlinkTarget() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (annualTargetId: number) => api.unlinkTarget(annualTargetId),
    onSuccess: refresh,
  });
}
