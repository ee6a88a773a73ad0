import { describe, expect, it } from "vitest";
import type { DepartmentTaskRankingView } from "../../../../src/contract/cockpit.ts";
import type { DepartmentRankingView } from "../../../../src/contract/status.ts";
import { formatShare } from "../../format/cn-number.ts";
import { countShare, rankingRows } from "./ranking-model.ts";

const targets = (id: number, name: string, rank: number): DepartmentRankingView => ({
  department: { id, name },
  completionIndex: 0.5,
  reportsDue: 4,
  reportsOnTime: 3,
  onTimeRate: 0.75,
  completionRank: rank,
  onTimeRank: rank,
  reportsIn: 4,
  farBehind: 0,
  behind: 0,
  rank,
  rankReason: { zh: "完成指数50%", en: "completion index 50%" },
});

const tasks = (id: number, name: string): DepartmentTaskRankingView => ({
  department: { id, name },
  assigned: 3,
  acknowledgeDue: 3,
  acknowledgedOnTime: 2,
  acknowledgeRate: 2 / 3,
  reportsDue: 17,
  reportsOnTime: 3,
  reportRate: 3 / 17,
  stopped: 1,
  closed: 1,
  completionRate: 0.5,
  completionRank: 1,
  reportRank: 1,
  acknowledgeRank: 1,
});

describe("the cockpit's ranking table", () => {
  it("puts each department's tasks beside its targets, and departments of tasks only after", () => {
    const rows = rankingRows(
      [targets(1, "区统计局", 1), targets(2, "区人社局", 2)],
      [tasks(2, "区人社局"), tasks(3, "区教育局")],
    );
    expect(rows.map((r) => [r.department.id, r.targets?.rank ?? null, r.tasks?.assigned ?? null])).toEqual([
      [1, 1, null],
      [2, 2, 3],
      [3, null, 3],
    ]);
  });

  it("writes a count of those due with its share, or — when none was due", () => {
    expect(countShare(2, 3, 2 / 3, formatShare)).toBe("2/3（67%）");
    expect(countShare(0, 0, null, formatShare)).toBe("—");
  });
});
