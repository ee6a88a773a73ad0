// The ledger's print view (issue 16), checked on the page: the sheet converted to PDF by LibreOffice
// and measured with pdfjs — landscape pages of A4 or A3, no text smaller than 9 pt, the column header
// on every page, 第 N 页 共 M 页 in the footer. Without LibreOffice Calc the page checks are skipped
// and say so; the set-up checks run everywhere.

import { existsSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { exportPlan, loadLedger } from "../services/exports.ts";
import { convertWithSoffice, findSoffice } from "../services/soffice.ts";
import { buildNankaiWorld } from "../test/nankai-world.ts";
import { createTestDatabase } from "../test/test-databases.ts";
import type { Ledger } from "./ledger-model.ts";
import {
  fitScale,
  footerSize,
  MIN_PRINTED_PT,
  PAPERS,
  PRINT_FONT_PT,
  PRINT_HEADER_ROW,
  writePrintSheet,
} from "./ledger-print.ts";

/** Calc, not only Writer: the PDF of a workbook needs LibreOffice's spreadsheet part. */
function hasCalc(): boolean {
  const soffice = findSoffice();
  return soffice !== null && existsSync(join(dirname(realpathSync(soffice)), "libsclo.so"));
}
const skipReason = hasCalc()
  ? ""
  : " (skipped: LibreOffice Calc not installed — apt-get install libreoffice-calc-nogui)";
if (skipReason) console.warn(`ledger print test${skipReason}`);

const PT_PER_MM = 72 / 25.4;

interface PdfText {
  page: number;
  width: number;
  height: number;
  texts: { str: string; size: number; y: number }[];
}

async function pdfTexts(pdf: Uint8Array): Promise<PdfText[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const dir = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    cMapUrl: `${join(dir, "cmaps")}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(dir, "standard_fonts")}/`,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const out: PdfText[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const view = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const texts: PdfText["texts"] = [];
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const [, , c, d, , f] = item.transform as number[];
      // The glyphs' height: the text matrix's vertical scale, the font size as printed.
      texts.push({ str: item.str, size: Math.hypot(c ?? 0, d ?? 0), y: view.height - (f ?? 0) });
    }
    out.push({ page: n, width: view.width, height: view.height, texts });
  }
  await doc.destroy();
  return out;
}

describe("the ledger's print view", () => {
  let ledger: Ledger;
  let xlsx: Buffer;

  beforeAll(async () => {
    // One plan for the three checks, which only read it.
    const store = await createTestDatabase("sqlite");
    try {
      const w = await buildNankaiWorld(store.db);
      ledger = await loadLedger(store.db, w.planId, { period: "2020-09" });
      xlsx = (await exportPlan(store.db, w.planId, { format: "xlsx", period: "2020-09" })).bytes;
    } finally {
      await store.close();
    }
  }, 120_000);

  async function printSheet(): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = wb.worksheets.find((s) => s.name.startsWith("打印"));
    if (!ws) throw new Error("no print sheet");
    return { wb, ws };
  }

  it("is set up for print: landscape, fit to width at ≥ 9 pt, header row repeated, page numbers, title in words", async () => {
    const { ws } = await printSheet();
    expect(ws.name).toBe("打印（9月）");
    const count = ws.getRow(PRINT_HEADER_ROW).cellCount;
    const widths = Array.from({ length: count }, (_, i) => ws.getColumn(i + 1).width ?? 0);
    expect(
      widths.every((w) => w > 0),
      JSON.stringify(widths),
    ).toBe(true);
    const paper = ws.pageSetup.paperSize === PAPERS.A4.code ? "A4" : "A3";
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect([PAPERS.A4.code, PAPERS.A3.code]).toContain(ws.pageSetup.paperSize);
    expect(ws.pageSetup.printTitlesRow).toBe(`${PRINT_HEADER_ROW}:${PRINT_HEADER_ROW}`);
    expect(PRINT_FONT_PT * fitScale(widths, paper)).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
    expect(ws.headerFooter.oddFooter).toBe(`&C&${footerSize(widths, paper)}第 &P 页 共 &N 页`);
    expect(ws.getCell(1, 1).value).toBe(`${ledger.planTitle}执行情况台账`);
    expect(String(ws.getCell(2, 1).value)).toMatch(/^（2020年1—9月）/);
    // Every cell at the sheet's size or larger; no ISO period code; numbers without a trailing dot.
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.font?.size ?? 0).toBeGreaterThanOrEqual(PRINT_FONT_PT);
        expect(String(cell.value ?? "")).not.toMatch(/\d{4}-(Q\d|\d{2})\b/);
        expect(cell.numFmt ?? "").not.toMatch(/#{2,}$|\.#/);
      });
    });
    // Every row of the period, in area blocks.
    const rows = ledger.sheets.reduce((n, s) => n + s.rows.length + 1, 0);
    expect(ws.rowCount).toBe(PRINT_HEADER_ROW + rows);
  });

  it("takes A4 when the columns fit it, A3 when they do not", () => {
    const narrow: Ledger = {
      ...ledger,
      sheets: ledger.sheets.map((s) => ({
        ...s,
        rows: s.rows.map((r) => ({ ...r, progress: "", problems: "", light: null, lightWord: "" })),
      })),
    };
    const a4 = writePrintSheet(new ExcelJS.Workbook(), narrow, "打印");
    expect(a4.pageSetup.paperSize).toBe(PAPERS.A4.code);
    const a3 = writePrintSheet(new ExcelJS.Workbook(), ledger, "打印");
    expect(a3.pageSetup.paperSize).toBe(PAPERS.A3.code);
    expect(a3.columns.length).toBeGreaterThan(a4.columns.length);
  });

  it.skipIf(skipReason !== "")(
    `prints landscape with no text under 9 pt, as LibreOffice renders it${skipReason}`,
    async () => {
      const { wb, ws } = await printSheet();
      const paper = ws.pageSetup.paperSize === PAPERS.A4.code ? PAPERS.A4 : PAPERS.A3;
      // The sheet printed alone, as the office prints it.
      for (const other of [...wb.worksheets]) if (other.id !== ws.id) wb.removeWorksheet(other.id);
      const converted = await convertWithSoffice(
        Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer),
        "xlsx",
        "pdf",
      );
      expect(converted.ok, converted.reason).toBe(true);
      const pages = await pdfTexts(converted.bytes as Uint8Array);
      expect(pages.length).toBeGreaterThan(1);
      for (const p of pages) {
        expect(p.width).toBeGreaterThan(p.height);
        expect(p.width).toBeCloseTo(paper.width * PT_PER_MM, 0);
        expect(p.height).toBeCloseTo(paper.height * PT_PER_MM, 0);
        const smallest = Math.min(...p.texts.map((t) => t.size));
        expect(smallest, `page ${p.page}: smallest text ${smallest.toFixed(2)} pt`).toBeGreaterThanOrEqual(
          MIN_PRINTED_PT,
        );
        // The column header repeated at the top of every page, the page number at the bottom.
        const top = [...p.texts].sort((a, b) => a.y - b.y);
        expect(top.slice(0, 40).some((t) => t.str.includes("序号"))).toBe(true);
        const footer = p.texts
          .filter((t) => t.y > p.height - 72)
          .map((t) => t.str)
          .join("");
        expect(footer.replace(/\s/g, "")).toContain(`第${p.page}页共${pages.length}页`);
      }
      const first = pages[0]?.texts.map((t) => t.str).join("") ?? "";
      expect(first).toContain("执行情况台账");
      expect(first).toContain("1—9月");
    },
  );
});
