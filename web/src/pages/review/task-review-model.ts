// The pure part of the review desk's task tab (issue 13): the close requests waiting for 办结销号, the
// original of an adjustment beside what is asked, and the checks of a decision before it is sent.

import type {
  AdjustmentView,
  TaskDetailView,
  TaskHistoryEntry,
  TaskView,
} from "../../../../src/contract/tasks.ts";
import { dayWords } from "../../../../src/domain/iso-dates.ts";
import type { Lang } from "../../format/number.ts";

/** Tasks whose closing the lead department asked for, the longest waiting first. */
export function closeRequests<T extends Pick<TaskView, "state" | "closeRequestedOn" | "id">>(
  tasks: readonly T[],
): T[] {
  return tasks
    .filter((t) => t.state === "close_requested")
    .sort((a, b) => (a.closeRequestedOn ?? "").localeCompare(b.closeRequestedOn ?? "") || a.id - b.id);
}

/** The latest 办结申请 in the task's history (the one waiting), or null. */
export function latestCloseRequest(history: readonly TaskHistoryEntry[]): TaskHistoryEntry | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i];
    if (entry?.action === "request_close") return entry;
  }
  return null;
}

/** Milestones of a task put up for closing that are not reported done (none should be). */
export const openMilestones = (detail: Pick<TaskDetailView, "milestones">) =>
  detail.milestones.filter((m) => m.doneOn === null);

export interface AdjustmentSides {
  /** null: there was nothing before (a task without a deadline). */
  original: string | null;
  proposed: string;
}

/** The two sides of an adjustment in words: dates as 2020年6月30日 / 30 June 2020, wording as it is. */
export function adjustmentSides(
  adjustment: Pick<AdjustmentView, "kind" | "original" | "proposed">,
  lang: Lang,
): AdjustmentSides {
  if (adjustment.kind === "content") return { original: adjustment.original, proposed: adjustment.proposed };
  const words = (iso: string) => {
    const w = dayWords(iso, true);
    return lang === "zh-CN" ? w.zh : w.en;
  };
  return {
    original: adjustment.original === null ? null : words(adjustment.original),
    proposed: words(adjustment.proposed),
  };
}

/** Days the proposal moves a date (positive: later); null for wording or when there was no date. */
export function shiftDays(adjustment: Pick<AdjustmentView, "kind" | "original" | "proposed">): number | null {
  if (adjustment.kind === "content" || adjustment.original === null) return null;
  const from = Date.parse(`${adjustment.original}T00:00:00Z`);
  const to = Date.parse(`${adjustment.proposed}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return Math.round((to - from) / 86_400_000);
}

/** A refusal needs the planner's opinion; an approval may go without one. */
export function decisionProblem(decision: "approved" | "refused", opinion: string): "opinion" | null {
  return decision === "refused" && opinion.trim() === "" ? "opinion" : null;
}
