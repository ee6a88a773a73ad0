// The cockpit's department ranking as one table (pure): each department ranked on its targets, with
// its standing on the tasks it leads beside it; departments that lead tasks but no target follow,
// in the order of the task ranking.

import type { DepartmentTaskRankingView } from "../../../../src/contract/cockpit.ts";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import type { DepartmentRankingView } from "../../../../src/contract/status.ts";

export interface RankingRow {
  department: DepartmentRef;
  /** The ranking on targets (completion index, reports on time); null: the department leads no target. */
  targets: DepartmentRankingView | null;
  /** The ranking on tasks (签收, reports, completion); null: the department leads no task. */
  tasks: DepartmentTaskRankingView | null;
}

export function rankingRows(
  rankings: readonly DepartmentRankingView[],
  taskRankings: readonly DepartmentTaskRankingView[],
): RankingRow[] {
  const tasksOf = new Map(taskRankings.map((r) => [r.department.id, r]));
  const rows: RankingRow[] = rankings.map((r) => ({
    department: r.department,
    targets: r,
    tasks: tasksOf.get(r.department.id) ?? null,
  }));
  const ranked = new Set(rankings.map((r) => r.department.id));
  for (const t of taskRankings)
    if (!ranked.has(t.department.id)) rows.push({ department: t.department, targets: null, tasks: t });
  return rows;
}

/** “2/3（67%）”: how many of those due, and the share when any was due; “—” when none was. */
export function countShare(
  part: number,
  whole: number,
  share: number | null,
  format: (share: number | null, digits?: number) => string,
): string {
  if (whole === 0) return "—";
  return `${part}/${whole}${share === null ? "" : `（${format(share, 0)}）`}`;
}
