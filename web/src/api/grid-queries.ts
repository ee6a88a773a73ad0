// TanStack Query hooks of the reporter's month grid: one month's sheet, saving it (drafts or all
// submitted), and the department's report history. Kept under the monitoring keys, so that every
// report written anywhere (the desk's forms, a task's 进展报送) refreshes the sheet too.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MonthGridSaveRequest, MyReportsQuery } from "../../../src/contract/month-grid.ts";
import { api } from "./client.ts";
import { monitoringKeys } from "./monitoring-queries.ts";
import { taskKeys } from "./task-queries.ts";

export const gridKeys = {
  grid: (month: string | null) => [...monitoringKeys.all, "me", "grid", month] as const,
  history: (filter: MyReportsQuery) => [...monitoringKeys.all, "me", "reports", filter] as const,
};

/** The sheet of `month`; null: the month the server opens (the newest with a report owed). */
export function useMonthGrid(month: string | null) {
  return useQuery({
    queryKey: gridKeys.grid(month),
    queryFn: () => api.monthGrid(month),
    placeholderData: keepPreviousData,
  });
}

export function useMyReports(filter: MyReportsQuery) {
  return useQuery({
    queryKey: gridKeys.history(filter),
    queryFn: () => api.myReports(filter),
    placeholderData: keepPreviousData,
  });
}

export function useSaveMonthGrid() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ month, body }: { month: string; body: MonthGridSaveRequest }) =>
      api.saveMonthGrid(month, body),
    onSuccess: (result) => {
      // The answer is the month as it now is; everything else that shows reports or tasks is asked again.
      client.setQueryData(gridKeys.grid(result.grid.month), result.grid);
      return Promise.all([
        client.invalidateQueries({ queryKey: monitoringKeys.all }),
        client.invalidateQueries({ queryKey: taskKeys.all }),
      ]);
    },
  });
}
