// TanStack Query hooks for running the plan: what a department owes, its reports, the planner's
// review queue, the overdue list with reminders, and the status of every target as of a date.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ExtensionDecision,
  ExtensionRequest,
  ReportSubjectKind,
  ReportSubjectRef,
  SaveReportRequest,
} from "../../../src/contract/reports.ts";
import type { ReviewRequest } from "../../../src/contract/review.ts";
import { api, type ReportFilter } from "./client.ts";

export const monitoringKeys = {
  all: ["monitoring"] as const,
  myDue: ["monitoring", "me", "due"] as const,
  report: (id: number) => ["monitoring", "report", id] as const,
  targetReports: (targetId: number) => ["monitoring", "target", targetId, "reports"] as const,
  planReports: (planId: number, filter: ReportFilter) =>
    ["monitoring", "plan", planId, "reports", filter] as const,
  planStatus: (planId: number, asOf: string | null) =>
    ["monitoring", "plan", planId, "status", asOf] as const,
  planDue: (planId: number) => ["monitoring", "plan", planId, "due"] as const,
  extensions: (planId: number) => ["monitoring", "plan", planId, "extensions"] as const,
};

export function useMyDue() {
  return useQuery({ queryKey: monitoringKeys.myDue, queryFn: api.myDue });
}

export function useReport(id: number | null) {
  return useQuery({
    queryKey: monitoringKeys.report(id ?? -1),
    queryFn: () => api.getReport(id as number),
    enabled: id !== null,
  });
}

export function useTargetReports(targetId: number | null) {
  return useQuery({
    queryKey: monitoringKeys.targetReports(targetId ?? -1),
    queryFn: () => api.targetReports(targetId as number),
    enabled: targetId !== null,
  });
}

/**
 * Every period's report of one subject: a target's from its own list; a task's or an item's from the
 * plan's reports of that kind (a reporter sees their department's, which holds the subject's).
 */
export function useSubjectReports(subject: ReportSubjectRef | null, planId: number | null) {
  const kind = subject?.kind ?? null;
  const id = subject?.id ?? -1;
  return useQuery({
    queryKey: ["monitoring", "subject", kind, id, "reports"] as const,
    queryFn: async () =>
      kind === "target"
        ? api.targetReports(id)
        : (await api.planReports(planId as number, { subjectKind: kind ?? undefined })).filter(
            (r) => r.subject.kind === kind && r.subject.id === id,
          ),
    enabled: subject !== null && (kind === "target" || planId !== null),
  });
}

export function usePlanReports(planId: number | null, filter: ReportFilter) {
  return useQuery({
    queryKey: monitoringKeys.planReports(planId ?? -1, filter),
    queryFn: () => api.planReports(planId as number, filter),
    enabled: planId !== null,
  });
}

export function usePlanStatus(planId: number, asOf: string | null) {
  return useQuery({
    queryKey: monitoringKeys.planStatus(planId, asOf),
    queryFn: () => api.planStatus(planId, asOf),
    enabled: Number.isFinite(planId),
  });
}

export function usePlanDue(planId: number | null) {
  return useQuery({
    queryKey: monitoringKeys.planDue(planId ?? -1),
    queryFn: () => api.planDue(planId as number),
    enabled: planId !== null,
  });
}

export function usePlanExtensions(planId: number | null) {
  return useQuery({
    queryKey: monitoringKeys.extensions(planId ?? -1),
    queryFn: () => api.planExtensions(planId as number),
    enabled: planId !== null,
  });
}

/** Every change of a report changes the due lists, the queues and the statuses: ask again for all. */
function useRefreshMonitoring() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: monitoringKeys.all });
}

export interface SaveReportVars {
  kind: ReportSubjectKind;
  subjectId: number;
  period: string;
  body: SaveReportRequest;
}

export function useSaveReport() {
  const client = useQueryClient();
  const refresh = useRefreshMonitoring();
  return useMutation({
    mutationFn: ({ kind, subjectId, period, body }: SaveReportVars) =>
      api.saveReport(kind, subjectId, period, body),
    onSuccess: (detail) => {
      // The answer is the report as it now is: no need to ask for it again before showing it.
      client.setQueryData(monitoringKeys.report(detail.report.id), detail);
      return refresh();
    },
  });
}

export function useReviewReport() {
  const client = useQueryClient();
  const refresh = useRefreshMonitoring();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ReviewRequest }) => api.reviewReport(id, body),
    onSuccess: (detail) => {
      client.setQueryData(monitoringKeys.report(detail.report.id), detail);
      return refresh();
    },
  });
}

export function useSendReminder(planId: number | null) {
  const refresh = useRefreshMonitoring();
  return useMutation({
    mutationFn: (departmentId: number) => api.sendReminder(planId as number, { departmentId }),
    onSuccess: refresh,
  });
}

export function useMarkReminderRead() {
  const refresh = useRefreshMonitoring();
  return useMutation({ mutationFn: (id: number) => api.markReminderRead(id), onSuccess: refresh });
}

export function useRequestExtension() {
  const refresh = useRefreshMonitoring();
  return useMutation({
    mutationFn: ({ planId, body }: { planId: number; body: ExtensionRequest }) =>
      api.requestExtension(planId, body),
    onSuccess: refresh,
  });
}

export function useDecideExtension() {
  const refresh = useRefreshMonitoring();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ExtensionDecision }) => api.decideExtension(id, body),
    onSuccess: refresh,
  });
}
