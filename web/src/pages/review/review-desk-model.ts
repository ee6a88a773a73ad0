// The pure part of the grown-up review desk: the queue's filters, what a refused bulk review says
// about each report, and the words of a reminder (催报) about one overdue report.

import type { DepartmentRef } from "../../../../src/contract/common.ts";
import type { DueItem } from "../../../../src/contract/reminders.ts";
import type { ReportView } from "../../../../src/contract/reports.ts";
import type { BulkReviewError } from "../../../../src/contract/review.ts";
import { isApiError } from "../../api/client.ts";

export interface QueueFilter {
  departmentId: number | null;
  period: string | null;
}

export const NO_FILTER: QueueFilter = { departmentId: null, period: null };

export function filterQueue(reports: readonly ReportView[], filter: QueueFilter): ReportView[] {
  return reports.filter(
    (r) =>
      (filter.departmentId === null || r.department?.id === filter.departmentId) &&
      (filter.period === null || r.period.key === filter.period),
  );
}

/** The departments (by name) and periods (newest first) present in the queue, for its pickers. */
export function queueFacets(reports: readonly ReportView[]): {
  departments: DepartmentRef[];
  periods: string[];
} {
  const departments = new Map<number, DepartmentRef>();
  // ISO dates sort as text; a month and a quarter may end on the same day.
  const periods = new Map<string, string>();
  for (const r of reports) {
    if (r.department) departments.set(r.department.id, r.department);
    periods.set(r.period.key, r.period.end);
  }
  return {
    departments: [...departments.values()].sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
    periods: [...periods.entries()]
      .sort((a, b) => b[1].localeCompare(a[1]) || b[0].localeCompare(a[0]))
      .map(([k]) => k),
  };
}

/** The per-report refusals a bulk review answered with; empty for any other failure. */
export function bulkErrorsOf(error: unknown): BulkReviewError[] {
  if (!isApiError(error)) return [];
  const list = error.details.errors;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is BulkReviewError =>
      typeof e === "object" &&
      e !== null &&
      typeof (e as BulkReviewError).reportId === "number" &&
      typeof (e as BulkReviewError).message?.zh === "string" &&
      typeof (e as BulkReviewError).message?.en === "string",
  );
}

/** The selected reports that are still in the (filtered) queue, in queue order, with their revision. */
export function bulkSelection(
  visible: readonly ReportView[],
  selected: readonly number[],
): Array<{ id: number; baseRevision: number }> {
  const chosen = new Set(selected);
  return visible.filter((r) => chosen.has(r.id)).map((r) => ({ id: r.id, baseRevision: r.latest.revision }));
}

/**
 * A reminder about one report, in both languages (the department reads it on its desk and any
 * webhook forwards it): what, which period, due when, how late.
 */
export function itemReminderMessage(item: DueItem, department: string, asOf: string): string {
  const days = Math.max(0, Math.round((Date.parse(asOf) - Date.parse(item.dueDate)) / 86_400_000));
  const subject = item.subject.title;
  const period = item.period.key;
  const zh =
    item.state === "returned"
      ? `请${department}尽快修改并重新提交“${subject}”${period}期进展情况（已退回）`
      : `请${department}尽快报送“${subject}”${period}期进展情况（应于${item.dueDate}报送，已逾期${days}天）`;
  const en =
    item.state === "returned"
      ? `please correct and resubmit the ${period} report on “${subject}” (returned)`
      : `please report on “${subject}” for ${period} now (due ${item.dueDate}, ${days} day(s) overdue)`;
  return `${zh} / ${en}`;
}

/** What a department row offers to chase: its overdue and returned reports. */
export function chaseable(items: readonly DueItem[]): DueItem[] {
  return items.filter((i) => i.state === "overdue" || i.state === "returned");
}
