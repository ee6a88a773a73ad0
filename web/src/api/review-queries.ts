// TanStack Query hooks of the grown-up review desk: bulk review, and reminders (催报) with a message
// of the planner's choosing (one overdue report, or everything a department owes).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReminderRequest } from "../../../src/contract/reminders.ts";
import type { BulkReviewRequest } from "../../../src/contract/review.ts";
import { api } from "./client.ts";
import { monitoringKeys } from "./monitoring-queries.ts";

export function useBulkReview(planId: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkReviewRequest) => api.reviewBulk(planId as number, body),
    // A refusal changes nothing on the server, but the queue the planner sees may be stale: ask again
    // either way.
    onSettled: () => client.invalidateQueries({ queryKey: monitoringKeys.all }),
  });
}

export function useRemind(planId: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReminderRequest) => api.sendReminder(planId as number, body),
    onSuccess: () => client.invalidateQueries({ queryKey: monitoringKeys.all }),
  });
}
