// The cockpit's department ranking on the demo year (issue 14): the one department with a 严重滞后
// target ranked below every department with none and apart from those that sent nothing, which rank
// last; every place explained.

import { describe, expect, it } from "vitest";
import type { DepartmentRankingView } from "../contract/status.ts";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { listDepartmentNamesOfRegion } from "../db/departments-repository.ts";
import { getPlanRow } from "../db/plans-repository.ts";
import { seedDemoWorld } from "../test/demo-world.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { planCockpit } from "./cockpit.ts";
import { addManualTarget } from "./plan-review.ts";
import { planStatus } from "./plan-status.ts";
import { DEMO_AS_OF } from "./seed-demo-reports.ts";

describe.each(testDialects())("the cockpit's ranking on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("ranks the department with a 严重滞后 target below those with none, and those that never reported last", async () => {
    const db = store().db;
    const { planId } = await seedDemoWorld(db);
    // A department that leads no target is given one, added to the published plan: it owes its
    // reports from January and sends none.
    const plan = await getPlanRow(db, planId);
    const before = await planCockpit(db, planId, DEMO_AS_OF);
    const leading = new Set(before.rankings.map((r) => r.department.id));
    const idle = (await listDepartmentNamesOfRegion(db, plan?.region_id ?? -1)).find(
      (d) => !leading.has(d.id),
    );
    expect(idle, "a department that leads no target").toBeDefined();
    await addManualTarget(db, SYSTEM_ACTOR, planId, {
      start: 0,
      end: 4,
      subject: "新增指标",
      value: 100,
      unit: "个",
      kind: "cumulative",
      leadDepartmentId: idle?.id ?? null,
    });

    const cockpit = await planCockpit(db, planId, DEMO_AS_OF);
    const rankings = cockpit.rankings;
    const farBehindOf = (r: DepartmentRankingView) =>
      cockpit.targets.filter(
        (t) => t.department?.id === r.department.id && t.evaluation.status === "far_behind",
      ).length;
    const lagging = rankings.filter((r) => r.farBehind > 0);
    const never = rankings.filter((r) => r.reportsDue > 0 && r.reportsIn === 0);
    const clean = rankings.filter((r) => r.farBehind === 0 && !never.includes(r));
    // The counts are the targets' own statuses.
    for (const r of rankings) expect(r.farBehind, r.department.name).toBe(farBehindOf(r));
    expect(lagging.map((r) => r.department.name)).toEqual(["区卫生健康委"]);
    expect(never.map((r) => r.department.id)).toEqual([idle?.id]);

    const health = lagging[0] as DepartmentRankingView;
    const silentDept = never[0] as DepartmentRankingView;
    // Below every department with no 严重滞后 target, tied with none, above the one that sent nothing.
    for (const r of clean) expect(r.rank, r.department.name).toBeLessThan(health.rank);
    expect(rankings.filter((r) => r.rank === health.rank)).toEqual([health]);
    expect(silentDept.rank).toBeGreaterThan(health.rank);
    expect(rankings.at(-1)).toEqual(silentDept);
    expect(health.rankReason.zh).toBe("有1项严重滞后指标，排在没有严重滞后指标的单位之后");
    expect(silentDept.rankReason.zh).toBe(`${silentDept.reportsDue}期报告应报未报，排在已报送的单位之后`);
    // Listed in rank order, every place explained in both languages.
    expect(rankings.map((r) => r.rank)).toEqual([...rankings.map((r) => r.rank)].sort((a, b) => a - b));
    for (const r of rankings) {
      expect(r.rankReason.zh, r.department.name).toMatch(/[\u4e00-\u9fff]/);
      expect(r.rankReason.en, r.department.name).toMatch(/^[\x20-\x7e\u4e00-\u9fff（）%]+$/);
    }
    // The status endpoint ranks the same way.
    expect((await planStatus(db, planId, DEMO_AS_OF)).rankings).toEqual(rankings);
  }, 120_000);
});
