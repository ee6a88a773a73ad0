// The round trip of the issue: export the ledger, change three values in the file with exceljs, import
// it — exactly those three revisions appear, by the importing planner, in the audit log.

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { listAudit } from "../db/audit-repository.ts";
import { listRevisionsOfPlan } from "../db/reports-repository.ts";
import { FIRST_DATA_ROW, valueColumn } from "../reports/ledger-xlsx.ts";
import { buildNankaiWorld } from "../test/nankai-world.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { exportPlan, loadLedger } from "./exports.ts";
import { applyLedgerImport, previewLedgerImport } from "./ledger-import.ts";

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);

describe.each(testDialects())("re-importing the ledger on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  async function edited() {
    const db = store().db;
    const w = await buildNankaiWorld(db);
    const ledger = await loadLedger(db, w.planId, { period: "2020-06" });
    const file = await exportPlan(db, w.planId, { format: "xlsx", period: "2020-06" });
    const wb = await workbook(file.bytes);
    // Three June values in the first area sheet with three targets reported in June.
    const at = ledger.sheets.findIndex(
      (s) => s.rows.filter((r) => r.kind === "target" && r.cells[5]?.value != null).length >= 3,
    );
    const sheet = ledger.sheets[at];
    const ws = wb.worksheets[at + 1];
    if (!sheet || !ws) throw new Error("no sheet with three June values");
    const picked = sheet.rows
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.kind === "target" && r.cells[5]?.value != null)
      .slice(0, 3);
    const edits = picked.map(({ r, i }) => {
      const cell = ws.getCell(FIRST_DATA_ROW + i, valueColumn(5));
      const before = cell.value as number;
      const after = Number((before * 1.1 + 1).toFixed(2));
      cell.value = after;
      return {
        id: r.id,
        period: r.cells[5]?.periodKey,
        before,
        after,
        factor: r.factor,
        milestone: r.targetKind === "milestone",
      };
    });
    return { db, w, wb, ws, edits, bytes: await toBuffer(wb) };
  }

  it("round trip: three changed values become exactly three approved revisions by the importing planner", async () => {
    const { db, w, edits, bytes } = await edited();
    const before = await listRevisionsOfPlan(db, w.planId);
    const preview = await previewLedgerImport(db, w.planId, bytes, "台账.xlsx");
    expect(preview.unknownRows).toEqual([]);
    expect(preview.differences).toHaveLength(3);
    for (const [i, d] of preview.differences.entries()) {
      const e = edits[i];
      expect(d.key).toBe(`${e?.id}|${e?.period}`);
      expect(d.blocked).toBeNull();
      expect(d.changes).toEqual([
        { field: e?.milestone ? "percent" : "value", before: e?.before, after: e?.after },
      ]);
    }
    // Nothing applied by the preview.
    expect(await listRevisionsOfPlan(db, w.planId)).toHaveLength(before.length);

    const auditBefore = (await listAudit(db, { planId: w.planId, limit: 100_000 })).length;
    const actor = { userId: w.plannerId, ip: "10.0.0.7" };
    const result = await applyLedgerImport(db, actor, w.planId, {
      fileName: "台账.xlsx",
      period: preview.period,
      items: preview.differences.map((d) => ({
        key: d.key,
        baseRevision: d.baseRevision,
        changes: d.changes,
      })),
    });
    expect(result.revisions).toBe(3);
    const after = await listRevisionsOfPlan(db, w.planId);
    const added = after.filter((r) => !before.some((b) => b.id === r.id));
    expect(added).toHaveLength(3);
    for (const [i, r] of added.entries()) {
      const e = edits[i];
      expect(r.state).toBe("approved");
      expect(r.author_id).toBe(w.plannerId);
      if (e?.milestone) expect(r.percent).toBe(e.after);
      else expect(r.value).toBeCloseTo((e?.after ?? 0) * (e?.factor ?? 1), 6);
    }
    const audit = await listAudit(db, { planId: w.planId, limit: 100_000 });
    const mine = audit.slice(auditBefore);
    expect(mine.every((a) => a.user_id === w.plannerId)).toBe(true);
    expect(mine.filter((a) => a.action === "report.approve")).toHaveLength(3);
    expect(mine.find((a) => a.action === "ledger.import")?.ip).toBe("10.0.0.7");

    // The same file again: nothing differs any more.
    const again = await previewLedgerImport(db, w.planId, bytes, "台账.xlsx");
    expect(again.differences).toEqual([]);
  });

  it("refuse the whole confirmation (409, nothing written) when one report moved since the preview", async () => {
    const { db, w, bytes } = await edited();
    const preview = await previewLedgerImport(db, w.planId, bytes, "台账.xlsx");
    const count = (await listRevisionsOfPlan(db, w.planId)).length;
    const items = preview.differences.map((d) => ({
      key: d.key,
      baseRevision: d.baseRevision,
      changes: d.changes,
    }));
    const last = items[2];
    if (!last) throw new Error("three differences expected");
    last.baseRevision = (last.baseRevision ?? 0) - 1;
    await expect(
      applyLedgerImport(db, { userId: w.plannerId, ip: null }, w.planId, {
        fileName: "x.xlsx",
        period: "2020-06",
        items,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await listRevisionsOfPlan(db, w.planId)).toHaveLength(count);
  });

  it("name the sheet, row and column of a bad cell or a moved column", async () => {
    const { db, w, wb, ws } = await edited();
    ws.getCell(FIRST_DATA_ROW, valueColumn(5)).value = "很多";
    await expect(previewLedgerImport(db, w.planId, await toBuffer(wb), "台账.xlsx")).rejects.toMatchObject({
      code: "bad_input",
      details: { sheet: ws.name, row: FIRST_DATA_ROW },
    });
    ws.spliceColumns(5, 0, ["插入的列"]);
    await expect(previewLedgerImport(db, w.planId, await toBuffer(wb), "台账.xlsx")).rejects.toMatchObject({
      code: "bad_input",
      details: { sheet: ws.name, column: "E" },
    });
    await expect(
      previewLedgerImport(db, w.planId, Buffer.from("not a workbook"), "台账.xlsx"),
    ).rejects.toMatchObject({
      code: "unsupported_file",
    });
  });
});
