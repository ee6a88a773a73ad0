// The fill-in ledger's round trip (issue 16): a department's 填报表 of a month nobody reported yet,
// filled in with exceljs as the department would, re-imported by the office through the ledger
// import → the month's reports exist with the values and texts, the 填报人 in the audit entry.

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { listAudit } from "../db/audit-repository.ts";
import { listRevisionsOfPlan } from "../db/reports-repository.ts";
import type { Principal } from "../domain/access.ts";
import { exportFillIn, loadLedger } from "../services/exports.ts";
import { applyLedgerImport, previewLedgerImport } from "../services/ledger-import.ts";
import { loadPlanWorld } from "../services/reporting-context.ts";
import { buildNankaiWorld } from "../test/nankai-world.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { FILL_IN_HEADER_ROW, FILL_IN_WORDS, type FillInLang } from "./ledger-fill-in.ts";

const MONTH = "2020-10";

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const cellText = (ws: ExcelJS.Worksheet, row: number, col: number) =>
  String(ws.getCell(row, col).value ?? "");

describe.each(testDialects())("the fill-in ledger on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  async function world() {
    const db = store().db;
    const w = await buildNankaiWorld(db);
    const planner: Principal = {
      id: w.plannerId,
      role: "planner",
      regionId: w.regionId,
      departmentId: null,
      departmentRegionId: null,
    };
    // The department leading most of October's rows (targets and tasks).
    const ledger = await loadLedger(db, w.planId, { period: MONTH });
    const plan = await loadPlanWorld(db, w.planId);
    const count = new Map<number, number>();
    for (const r of ledger.sheets.flatMap((s) => s.rows)) {
      const lead = plan.subjects.get(r.id)?.leadDepartmentId;
      if (lead != null && r.cells[r.cells.length - 1]?.periodKey != null)
        count.set(lead, (count.get(lead) ?? 0) + 1);
    }
    const [departmentId] = [...count.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0];
    return { db, w, planner, ledger, plan, departmentId };
  }

  it.each(["zh", "en"] as FillInLang[])(
    "round trip in %s: export an unreported month, fill it in, re-import → the reports exist, the 填报人 recorded",
    async (lang) => {
      const { db, w, planner, ledger, plan, departmentId } = await world();
      const file = await exportFillIn(db, planner, w.planId, { departmentId, period: MONTH, lang });
      const words = FILL_IN_WORDS[lang];
      expect(file.fileName).toMatch(
        lang === "zh" ? /_填报表_.+_2020年10月\.xlsx$/ : /_fill-in_.+_October 2020\.xlsx$/,
      );
      const wb = await load(file.bytes);
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      expect(ws.name).toBe(words.sheet);
      // The header block: 填报单位 filled with the department's name, the others blank to fill.
      const department = plan.names.departments.get(departmentId)?.name ?? "";
      expect(cellText(ws, 2, 2)).toBe(words.unit);
      expect(cellText(ws, 2, 3)).toBe(department);
      expect([cellText(ws, 2, 6), cellText(ws, 3, 2), cellText(ws, 3, 6)]).toEqual([
        words.person,
        words.phone,
        words.date,
      ]);
      expect([cellText(ws, 2, 7), cellText(ws, 3, 3), cellText(ws, 3, 7)]).toEqual(["", "", ""]);
      // One language: every header is the workbook's; no Chinese in an English one, no Latin in a Chinese one.
      const headers = (ws.getRow(FILL_IN_HEADER_ROW).values as unknown[])
        .filter((v) => v != null)
        .map(String);
      expect(headers).toEqual([
        ...words.headers,
        words.value(lang === "zh" ? "2020年10月" : "October 2020"),
        ...words.texts,
      ]);
      for (const h of headers) expect(h).toMatch(lang === "zh" ? /^[^A-Za-z]+$/ : /^[^\u4e00-\u9fff]+$/);

      // Only the department's rows that report in October, nothing reported for them yet.
      const ids: string[] = [];
      for (let r = FILL_IN_HEADER_ROW + 1; r <= ws.rowCount; r++) {
        const id = ws.getCell(r, 1).value;
        if (typeof id === "string") ids.push(id);
      }
      const expected = ledger.sheets
        .flatMap((s) => s.rows)
        .filter(
          (r) =>
            plan.subjects.get(r.id)?.leadDepartmentId === departmentId &&
            r.cells[r.cells.length - 1]?.periodKey != null,
        );
      expect(ids).toEqual(expected.map((r) => r.id));
      expect(ids.length).toBeGreaterThan(1);
      expect(ids.some((id) => id.startsWith("task:"))).toBe(true);
      const before = await listRevisionsOfPlan(db, w.planId);
      const reportsBefore = new Set(before.map((r) => r.report_id));

      // The department fills it in, after adding a line of its own above the table.
      ws.spliceRows(4, 0, [null, lang === "zh" ? "（本单位补充说明）" : "(our own note)"]);
      ws.getCell(2, 7).value = lang === "zh" ? "王小明" : "Wang Xiaoming";
      ws.getCell(3, 3).value = "022-27350000";
      ws.getCell(3, 7).value = new Date(Date.UTC(2020, 10, 3));
      const header = FILL_IN_HEADER_ROW + 1;
      const filled = new Map<string, number | string>();
      expected.forEach((row, i) => {
        const r = header + 1 + i;
        const september = row.cells[row.cells.length - 2]?.value ?? null;
        const value =
          row.kind === "task"
            ? (words.taskWords[1] as string)
            : row.targetKind === "milestone"
              ? Math.min(100, (september ?? 50) + 5)
              : (september ?? row.targetValue ?? 1);
        ws.getCell(r, 8).value = value;
        filled.set(row.id, value);
        ws.getCell(r, 9).value = lang === "zh" ? `第${i + 1}项十月进展` : `October progress of item ${i + 1}`;
        ws.getCell(r, 10).value = lang === "zh" ? "无" : "none";
      });
      const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);

      const preview = await previewLedgerImport(db, w.planId, bytes, "填报表.xlsx");
      expect(preview.filler).toEqual({
        department,
        person: lang === "zh" ? "王小明" : "Wang Xiaoming",
        phone: "022-27350000",
        date: "2020-11-03",
      });
      expect(preview.unknownRows).toEqual([]);
      expect(preview.differences.map((d) => d.key).sort()).toEqual(
        expected.map((r) => `${r.id}|${r.cells[r.cells.length - 1]?.periodKey}`).sort(),
      );
      for (const d of preview.differences) {
        expect(d.baseRevision).toBeNull();
        expect(d.blocked).toBeNull();
        expect(d.changes.map((c) => c.field)).toEqual(
          expect.arrayContaining([
            d.subjectKind === "node" ? "statusWord" : expect.any(String),
            "progress",
            "problems",
          ]),
        );
      }

      const actor = { userId: w.plannerId, ip: "10.0.0.9" };
      const result = await applyLedgerImport(db, actor, w.planId, {
        fileName: preview.fileName,
        period: preview.period,
        items: preview.differences.map((d) => ({
          key: d.key,
          baseRevision: d.baseRevision,
          changes: d.changes,
        })),
        ...(preview.filler ? { filler: preview.filler } : {}),
      });
      expect(result.revisions).toBe(expected.length);

      const after = await listRevisionsOfPlan(db, w.planId);
      const added = after.filter((r) => !before.some((b) => b.id === r.id));
      expect(added).toHaveLength(expected.length);
      // Every one a new report (the month had none), approved, with the values and texts of the file.
      expect(
        added.every((r) => !reportsBefore.has(r.report_id) && r.revision === 1 && r.state === "approved"),
      ).toBe(true);
      const reread = await loadLedger(db, w.planId, { period: MONTH });
      for (const row of reread.sheets.flatMap((s) => s.rows).filter((r) => filled.has(r.id))) {
        const cell = row.cells[row.cells.length - 1];
        if (row.kind === "task") expect(cell?.word).toBe("推进中");
        else expect(cell?.value).toBeCloseTo(Number(filled.get(row.id)), 6);
        expect(row.textPeriod).toBe(cell?.periodKey);
        expect(row.problems).toBe(lang === "zh" ? "无" : "none");
      }
      const audit = await listAudit(db, { planId: w.planId, limit: 100_000 });
      const entry = audit.find((a) => a.action === "ledger.import");
      expect(entry?.user_id).toBe(w.plannerId);
      expect(JSON.parse(String(entry?.after))).toMatchObject({
        filler: {
          person: lang === "zh" ? "王小明" : "Wang Xiaoming",
          phone: "022-27350000",
          date: "2020-11-03",
        },
      });

      // The same file again: nothing left to import.
      const again = await previewLedgerImport(db, w.planId, bytes, "填报表.xlsx");
      expect(again.differences).toEqual([]);
    },
  );

  it("refuses a reporter another department's form and a leader any; names a bad status word's cell", async () => {
    const { db, w, planner, departmentId } = await world();
    const reporter: Principal = {
      id: w.plannerId,
      role: "reporter",
      regionId: w.regionId,
      departmentId,
      departmentRegionId: w.regionId,
    };
    const own = await exportFillIn(db, reporter, w.planId, { period: MONTH, lang: "zh" });
    expect(own.bytes.length).toBeGreaterThan(1000);
    await expect(
      exportFillIn(db, reporter, w.planId, { departmentId: departmentId + 1, period: MONTH, lang: "zh" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      exportFillIn(db, { ...planner, role: "leader" }, w.planId, { departmentId, period: MONTH, lang: "zh" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportFillIn(db, planner, w.planId, { period: MONTH, lang: "zh" })).rejects.toMatchObject({
      code: "bad_input",
      details: { field: "department" },
    });

    const wb = await load(own.bytes);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    let task = FILL_IN_HEADER_ROW + 1;
    while (!String(ws.getCell(task, 1).value).startsWith("task:")) task++;
    ws.getCell(task, 8).value = "差不多";
    const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(previewLedgerImport(db, w.planId, bytes, "填报表.xlsx")).rejects.toMatchObject({
      code: "bad_input",
      details: { row: task, column: "H" },
    });
    ws.spliceColumns(4, 1);
    const moved = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(previewLedgerImport(db, w.planId, moved, "填报表.xlsx")).rejects.toMatchObject({
      code: "bad_input",
      details: { sheet: FILL_IN_WORDS.zh.sheet },
    });
  });
});
