// How the status of a target is shown on the plan page: its colour, its order, its words, and the
// numbers of its working. Pure; the server has judged it already.

import type { TargetStatus } from "../../../../src/contract/reports.ts";
import type { EvaluationView, PlanStatusView, TargetStatusView } from "../../../../src/contract/status.ts";
import type { Lang } from "../../format/number.ts";

export const STATUS_ORDER: readonly TargetStatus[] = [
  "completed",
  "on_track",
  "behind",
  "far_behind",
  "not_reported",
  "not_started",
];

/** completed green, on track blue, behind yellow, far behind red, not reported grey, not started light. */
export const STATUS_CLASS: Record<TargetStatus, string> = {
  completed: "status-completed",
  on_track: "status-on-track",
  behind: "status-behind",
  far_behind: "status-far-behind",
  not_reported: "status-not-reported",
  not_started: "status-not-started",
};

export function statusByTarget(view: PlanStatusView | null | undefined): Map<number, TargetStatusView> {
  return new Map((view?.targets ?? []).map((s) => [s.targetId, s]));
}

/** The schedule phrase in the reader's language (欠时序进度9.9个百分点), or null. */
export function phraseOf(evaluation: EvaluationView, lang: Lang): string | null {
  if (!evaluation.phrase) return null;
  return lang === "zh-CN" ? evaluation.phrase.zh : evaluation.phrase.en;
}

/** 0.432 → "43.2%". */
export function percent(share: number | null | undefined, digits = 1): string | null {
  if (share === null || share === undefined || !Number.isFinite(share)) return null;
  return `${Number((share * 100).toFixed(digits))}%`;
}

/** −9.87 → "−9.9"; the sign says ahead (+) or behind (−). */
export function points(gap: number | null | undefined): string | null {
  if (gap === null || gap === undefined || !Number.isFinite(gap)) return null;
  const size = Number(Math.abs(gap).toFixed(1));
  return size === 0 ? "0" : `${gap > 0 ? "+" : "−"}${size}`;
}

/** A status column sorts from the best to the worst, the unjudged last. */
export function statusRank(status: TargetStatus | undefined): number {
  return status === undefined ? STATUS_ORDER.length : STATUS_ORDER.indexOf(status);
}
