// The ledger re-import under the plausibility rules: a new value 100× too large is refused (422 naming
// the item) until the planner confirms it with a reason; the warning is then kept with the approved
// revision, and a later change of the texts alone keeps it without asking again.

import { describe, expect, it } from "vitest";
import { listRevisionsOfPlan } from "../db/reports-repository.ts";
import { SLIP_RATIO } from "../domain/plausibility.ts";
import { buildNankaiWorld } from "../test/nankai-world.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { loadLedger } from "./exports.ts";
import { applyLedgerImport } from "./ledger-import.ts";
import { storedWarnings } from "./report-plausibility.ts";

const JUNE = 5; // the ledger's sixth period column

describe.each(testDialects())("the ledger re-import's plausibility on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  /** A cumulative target counted in a unit (not %) with an approved June value. */
  async function setUp() {
    const db = store().db;
    const w = await buildNankaiWorld(db);
    const ledger = await loadLedger(db, w.planId, { period: "2020-06" });
    const row = ledger.sheets
      .flatMap((s) => s.rows)
      .find(
        (r) =>
          r.kind === "target" &&
          r.targetKind === "cumulative" &&
          !r.unit.includes("%") &&
          typeof r.cells[JUNE]?.value === "number" &&
          (r.cells[JUNE]?.value as number) > 0,
      );
    const cell = row?.cells[JUNE];
    if (!row || !cell?.periodKey) throw new Error("no cumulative target with a June value");
    const key = `${row.id}|${cell.periodKey}`;
    const report = await db
      .selectFrom("reports")
      .select(["id", "current_revision"])
      .where("subject_key", "=", row.id)
      .where("period", "=", cell.periodKey)
      .executeTakeFirstOrThrow();
    const before = cell.value as number;
    const apply = (extra: Record<string, unknown>, baseRevision = report.current_revision) =>
      applyLedgerImport(db, { userId: w.plannerId, ip: null }, w.planId, {
        fileName: "台账.xlsx",
        period: "2020-06",
        items: [
          {
            key,
            baseRevision,
            changes: [{ field: "value", before, after: before * SLIP_RATIO * 2 }],
            ...extra,
          },
        ],
      });
    return { db, w, row, key, report, before, apply, period: cell.periodKey };
  }

  it("refuse a value 100× too large until it is confirmed with a reason, then keep the warning", async () => {
    const { db, w, key, report, apply } = await setUp();
    const count = (await listRevisionsOfPlan(db, w.planId)).length;
    await expect(apply({})).rejects.toMatchObject({
      code: "implausible_value",
      details: { key, index: 0, rule: expect.stringMatching(/^ratio_to_(target|previous)$/) },
    });
    await expect(apply({ confirm: true, confirmReason: "同上" })).rejects.toMatchObject({
      code: "bad_input",
      details: { key, field: "confirmReason" },
    });
    expect(await listRevisionsOfPlan(db, w.planId)).toHaveLength(count);

    const result = await apply({ confirm: true, confirmReason: "按新口径重报全年累计" });
    expect(result.revisions).toBe(1);
    const latest = await db
      .selectFrom("report_revisions")
      .selectAll()
      .where("report_id", "=", report.id)
      .orderBy("revision", "desc")
      .executeTakeFirstOrThrow();
    expect(latest.state).toBe("approved");
    const warnings = storedWarnings(latest.warnings);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((x) => x.reason === "按新口径重报全年累计")).toBe(true);
  });

  it("keep the confirmed warnings when only the texts change afterwards", async () => {
    const { db, w, key, report, apply, period } = await setUp();
    await apply({ confirm: true, confirmReason: "按新口径重报全年累计" });
    const ledger = await loadLedger(db, w.planId, { period: "2020-06" });
    const row = ledger.sheets.flatMap((s) => s.rows).find((r) => `${r.id}|${period}` === key);
    const texts = await applyLedgerImport(db, { userId: w.plannerId, ip: null }, w.planId, {
      fileName: "台账.xlsx",
      period: "2020-06",
      items: [
        {
          key,
          baseRevision: report.current_revision + 1,
          changes: [{ field: "nextSteps", before: row?.nextSteps ?? "", after: "下半年按新口径报送" }],
        },
      ],
    });
    expect(texts.revisions).toBe(1);
    const latest = await db
      .selectFrom("report_revisions")
      .selectAll()
      .where("report_id", "=", report.id)
      .orderBy("revision", "desc")
      .executeTakeFirstOrThrow();
    expect(latest.next_steps).toBe("下半年按新口径报送");
    expect(storedWarnings(latest.warnings).map((x) => x.reason)).toContain("按新口径重报全年累计");
  });
});
