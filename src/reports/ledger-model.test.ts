import { describe, expect, it } from "vitest";
import { targetEvaluation } from "../services/plan-status.ts";
import { loadPlanWorld } from "../services/reporting-context.ts";
import { buildNankaiWorld } from "../test/nankai-world.ts";
import { useTestDatabase } from "../test/test-databases.ts";
import { csvField, renderLedgerCsv } from "./ledger-csv.ts";
import { buildLedger, deadlineText, lastStatusCell, periodLabel } from "./ledger-model.ts";

describe("the ledger model of the Nankai plan", () => {
  const store = useTestDatabase("sqlite");

  it("give a row to every task and one to each target below it, judged as the status API judges", async () => {
    const w = await buildNankaiWorld(store().db);
    const world = await loadPlanWorld(store().db, w.planId);
    const asOf = "2020-10-12";
    const ledger = buildLedger(world, { period: "2020-06", asOf });
    expect(ledger.periods.map((p) => p.label)).toEqual(["1月", "2月", "3月", "4月", "5月", "6月"]);
    const rows = ledger.sheets.flatMap((s) => s.rows);
    const targetRows = rows.filter((r) => r.kind === "target");
    expect(targetRows).toHaveLength(world.targets.length);
    const taskIds = [...world.nodes.values()].filter((n) => n.kind === "task").map((n) => n.id);
    expect(rows.filter((r) => r.kind === "task").map((r) => r.subjectId)).toEqual(taskIds);
    // A target's row follows its task's.
    for (const [i, r] of rows.entries()) {
      if (r.kind !== "target") continue;
      const nodeId = world.targets.find((t) => t.id === r.subjectId)?.row.node_id;
      if (nodeId === null || nodeId === undefined) continue;
      const above = rows
        .slice(0, i)
        .reverse()
        .find((x) => x.kind === "task");
      expect(above?.subjectId, r.indicator).toBe(nodeId);
    }
    // Sheets by area; numbering restarts in each.
    for (const s of ledger.sheets) expect(s.rows.map((r) => r.seq)).toEqual(s.rows.map((_, i) => i + 1));

    // Every target's June (or Q2) status is what GET /api/targets/:id/evaluation says for that period.
    for (const r of targetRows) {
      const view = await targetEvaluation(store().db, r.subjectId, asOf);
      const june = view.periods.find((p) => p.period.end === "2020-06-30");
      const cell = r.cells[5];
      expect(cell?.status, r.indicator).toBe(june?.evaluation.status);
      expect(cell?.completion ?? null).toBe(june?.evaluation.completion ?? null);
    }
  });

  it("show values in the display unit, quarters only in their last month, and the latest texts", async () => {
    const w = await buildNankaiWorld(store().db);
    const world = await loadPlanWorld(store().db, w.planId);
    const ledger = buildLedger(world, { period: "2020-06", asOf: "2020-10-12" });
    const rows = ledger.sheets.flatMap((s) => s.rows);
    const invest = rows.find((r) => r.indicator === "招商引资到位额");
    expect(invest).toMatchObject({ targetValue: 106, unit: "亿元", factor: 1e8, lead: "区投资促进局" });
    const stored = world.targets.find((t) => t.title === "招商引资到位额");
    const rev = [...world.reports.values()].find(
      (r) => r.subject_key === `target:${stored?.id}` && r.period === "2020-06",
    );
    const approved = (world.revisions.get(rev?.id ?? 0) ?? []).filter((x) => x.state === "approved").pop();
    expect(invest?.cells[5]?.value).toBeCloseTo((approved?.value ?? 0) / 1e8, 8);
    expect(invest?.textPeriod).toBe("2020-06");
    expect(invest?.progress).toBe(approved?.progress);

    const gdp = rows.find((r) => r.indicator === "地区生产总值");
    expect(gdp?.cells.map((c) => c.periodKey)).toEqual([null, null, "2020-Q1", null, null, "2020-Q2"]);
    if (!gdp) throw new Error("no GDP row");
    expect(lastStatusCell(gdp)?.periodKey).toBe("2020-Q2");
    const total = ledger.summary.total;
    expect(Object.values(total.counts).reduce((a, b) => a + b, 0)).toBe(total.total);
    expect(ledger.summary.areas.reduce((a, r) => a + r.total, 0)).toBe(total.total);
  });

  it("label periods and deadlines the way offices write them", () => {
    expect(periodLabel({ key: "2020-03" })).toBe("3月");
    expect(periodLabel({ key: "2020-Q3" })).toBe("三季度");
    expect(deadlineText("2020-12-31")).toBe("2020年12月底");
    expect(deadlineText("2020-06-15")).toBe("2020年6月15日");
  });
});

describe("the ledger as CSV", () => {
  it("quote per RFC 4180 and keep formulas as text", () => {
    expect(csvField('说"明",一')).toBe('"说""明"",一"');
    expect(csvField("两行\n文本")).toBe('"两行\n文本"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField(-3.5)).toBe("-3.5");
    expect(csvField(null)).toBe("");
  });

  const store = useTestDatabase("sqlite");
  it("start with a BOM and have one line per row with the same columns", async () => {
    const w = await buildNankaiWorld(store().db);
    const world = await loadPlanWorld(store().db, w.planId);
    const ledger = buildLedger(world, { period: "2020-Q2".replace("-Q2", "-06"), asOf: "2020-10-12" });
    const bytes = renderLedgerCsv(ledger);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    const lines = text.split("\r\n").filter((l) => l !== "");
    expect(
      lines[0]?.startsWith("领域,编号,序号,任务内容,指标,目标值,单位,牵头单位,配合单位,完成时限,1月完成值"),
    ).toBe(true);
    expect(lines).toHaveLength(1 + ledger.sheets.reduce((a, s) => a + s.rows.length, 0));
  });
});
