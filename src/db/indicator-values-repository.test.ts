// Yearly values are append-only (a new value for a year is a new row, the history stays) and links
// from annual targets to five-year indicators are one per annual target; both audited, on every dialect.
import { describe, expect, it } from "vitest";
import { buildAccessWorld } from "../test/access-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import type { Actor } from "./audit-repository.ts";
import {
  approvedFigures,
  copyIndicatorLinks,
  deleteIndicatorLink,
  linksOfAnnualTargets,
  listLinkedAnnualTargets,
  setIndicatorLinks,
} from "./indicator-links-repository.ts";
import { appendIndicatorValues, listIndicatorValues } from "./indicator-values-repository.ts";

describe.each(testDialects())("five-year storage on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("keeps every value of a year; the rows name who entered them; one audit row per write", async () => {
    const db = store().db;
    const world = await buildAccessWorld(db);
    const actor: Actor = { userId: world.users.planner, ip: "127.0.0.1" };
    const [a, b] = world.targetIds as [number, number];
    const audit = { entity: "target" as const, entityId: a, after: { year: 2021 } };
    await appendIndicatorValues(
      db,
      actor,
      world.planId,
      "indicator.value",
      [{ targetId: a, year: 2021, value: 10, source: "statistics", sourceNote: "统计公报" }],
      audit,
    );
    await appendIndicatorValues(
      db,
      actor,
      world.planId,
      "indicator.value",
      [
        { targetId: a, year: 2021, value: 11, source: "statistics", sourceNote: "修订" },
        { targetId: b, year: 2022, value: 3.5, source: "statistics", sourceNote: "" },
      ],
      audit,
    );
    const rows = await listIndicatorValues(db, [a, b]);
    expect(rows.map((r) => [r.targetId, r.year, r.value, r.sourceNote])).toEqual([
      [a, 2021, 10, "统计公报"],
      [a, 2021, 11, "修订"],
      [b, 2022, 3.5, ""],
    ]);
    expect(rows[0]?.enteredBy).toBe(world.users.planner);
    expect(rows[0]?.enteredByName).toBeTruthy();
    const audits = await db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "indicator.value")
      .execute();
    expect(audits).toHaveLength(2);
    expect(await appendIndicatorValues(db, actor, world.planId, "indicator.value", [], audit)).toEqual([]);
  });

  it("links an annual target to one indicator, replaces and removes the link, copies it to a copied target", async () => {
    const db = store().db;
    const world = await buildAccessWorld(db);
    const actor: Actor = { userId: world.users.planner, ip: null };
    const [ind1, ind2, annual, copy] = world.targetIds as [number, number, number, number];
    expect(
      await setIndicatorLinks(db, actor, world.planId, [{ annualTargetId: annual, indicatorId: ind1 }]),
    ).toBe(1);
    // The same link again changes nothing and writes no audit row.
    expect(
      await setIndicatorLinks(db, actor, world.planId, [{ annualTargetId: annual, indicatorId: ind1 }]),
    ).toBe(0);
    expect(
      await setIndicatorLinks(db, actor, world.planId, [{ annualTargetId: annual, indicatorId: ind2 }]),
    ).toBe(1);
    expect(await linksOfAnnualTargets(db, [annual])).toEqual([{ annualTargetId: annual, indicatorId: ind2 }]);
    const linked = await listLinkedAnnualTargets(db, [ind2]);
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ annualTargetId: annual, planId: world.planId });
    expect(await copyIndicatorLinks(db, actor, [{ from: annual, to: copy }], new Date().toISOString())).toBe(
      1,
    );
    expect((await listLinkedAnnualTargets(db, [ind2])).map((l) => l.annualTargetId).sort()).toEqual(
      [annual, copy].sort(),
    );
    expect(await deleteIndicatorLink(db, actor, world.planId, annual)).toBe(ind2);
    expect(await deleteIndicatorLink(db, actor, world.planId, annual)).toBeNull();
    const actions = (
      await db
        .selectFrom("audit_log")
        .select("action")
        .where("action", "like", "indicator.%")
        .orderBy("id")
        .execute()
    ).map((r) => r.action);
    expect(actions).toEqual(["indicator.link", "indicator.link", "indicator.unlink"]);
    expect(await approvedFigures(db, [annual])).toEqual([]);
  });
});
