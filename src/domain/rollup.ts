// Roll-ups for any set of targets (an area, a group, a department, a region, the plan): the count in
// each status and the completion index, the weighted mean of min(completion, 1) over numeric targets;
// and the rankings of departments (排名通报): in the order of department-ranking.ts, with the ranks by
// completion index and by reports on time beside.

import { type DepartmentStanding, type Placed, placeDepartments } from "./department-ranking.ts";
import type { TargetStatus } from "./evaluation.ts";

export interface RollupInput {
  /** "stopped": a target stopped (中止) — counted apart, in neither the total, the counts nor the index. */
  status: TargetStatus | "stopped";
  completion: number | null;
  /** Weight of the target in the index (default 1). */
  weight?: number;
}

export interface Rollup {
  total: number;
  counts: Record<TargetStatus, number>;
  /** 0..1, or null when no target has a completion yet. */
  completionIndex: number | null;
  /** Targets that entered the index. */
  measured: number;
  /** Targets stopped (中止), counted apart. */
  stopped: number;
}

export function emptyCounts(): Record<TargetStatus, number> {
  return { completed: 0, on_track: 0, behind: 0, far_behind: 0, not_reported: 0, not_started: 0 };
}

export function rollup(items: readonly RollupInput[]): Rollup {
  const counts = emptyCounts();
  let weighted = 0;
  let weights = 0;
  let measured = 0;
  let stopped = 0;
  for (const item of items) {
    if (item.status === "stopped") {
      stopped++;
      continue;
    }
    counts[item.status]++;
    if (item.completion === null || !Number.isFinite(item.completion)) continue;
    const w = item.weight ?? 1;
    if (w <= 0) continue;
    weighted += w * Math.max(0, Math.min(item.completion, 1));
    weights += w;
    measured++;
  }
  return {
    total: items.length - stopped,
    counts,
    completionIndex: weights > 0 ? weighted / weights : null,
    measured,
    stopped,
  };
}

export interface DepartmentScore extends Omit<DepartmentStanding, "onTimeRate"> {
  departmentId: number;
  /** Reports due so far that came by their due date. */
  reportsOnTime: number;
}

export interface RankedDepartment extends DepartmentScore, Placed {
  onTimeRate: number | null;
  /** 1-based; equal values share a rank (1, 2, 2, 4). */
  completionRank: number;
  onTimeRank: number;
}

/** 1-based ranks by score, highest first; equal scores share a rank (1, 2, 2, 4); no score ranks last. */
export function ranks<T>(items: readonly T[], score: (t: T) => number | null): Map<T, number> {
  const sorted = [...items].sort((a, b) => (score(b) ?? -1) - (score(a) ?? -1));
  const out = new Map<T, number>();
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    out.set(item, prev !== undefined && score(prev) === score(item) ? (out.get(prev) as number) : i + 1);
  });
  return out;
}

/**
 * Departments in ranking order (department-ranking.ts: reported, 严重滞后, completion index, 滞后, reports
 * on time), each with its reason; and ranked by completion index and by reports on time alone, no data last.
 */
export function rankDepartments(scores: readonly DepartmentScore[]): RankedDepartment[] {
  const withRate = scores.map((s) => ({
    ...s,
    onTimeRate: s.reportsDue > 0 ? s.reportsOnTime / s.reportsDue : null,
  }));
  const byCompletion = ranks(withRate, (s) => s.completionIndex);
  const byOnTime = ranks(withRate, (s) => s.onTimeRate);
  return placeDepartments(
    withRate.map((s) => ({
      ...s,
      completionRank: byCompletion.get(s) as number,
      onTimeRank: byOnTime.get(s) as number,
    })),
  );
}
