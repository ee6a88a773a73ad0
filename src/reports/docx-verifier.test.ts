// Every document the product writes, printed by LibreOffice and measured on the page (issue 16): the
// progress report (a 公文), its PDF export and the execution report draft, for the Nankai demo plan
// and for a generated plan of 1,000 targets. Writes the report's pages as pictures
// (docs/screenshots/report-*.png) and the verifier's figures (docs/docx-verifier-figures.json) for
// the README. Needs LibreOffice and poppler (CI installs them); skipped, saying so, without them.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedPlanText } from "../../bench/reports-bench.ts";
import { openDatabase, type Store } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { exportPlan } from "../services/exports.ts";
import { importPlan } from "../services/import-plan.ts";
import {
  buildExecutionDraftDocx,
  buildProgressReportDocx,
  progressReportModel,
} from "../services/progress-report.ts";
import { seedDemoReports } from "../services/seed-demo-reports.ts";
import { buildNankaiWorld } from "../test/nankai-world.ts";
import { writePageImages } from "../test/page-images.ts";
import { type VerifierReport, verifierSkipReason, verifyDocx } from "./docx-verifier.ts";

const skip = verifierSkipReason();
if (skip) console.warn(`docx verifier test (skipped: ${skip})`);
const repoRoot = join(import.meta.dirname, "../..");
const FRAME = {
  docNumber: "南发改〔2020〕12号",
  signer: "张三",
  cc: ["区人大常委会办公室", "区政协办公室"],
  issuerMark: "南开区发展和改革委员会文件",
  redHeader: true,
};

interface Checked {
  report: VerifierReport;
  docx: Buffer;
}

describe.skipIf(skip !== "")("documents measured on the printed page", () => {
  let store: Store;
  let nankai = 0;
  let generated = 0;
  const checked = new Map<string, Checked>();
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    store = openDatabase({ dialect: "sqlite", file: ":memory:" });
    await migrateToLatest(store.db);
    nankai = (await buildNankaiWorld(store.db)).planId;
    const imported = await importPlan(
      { db: store.db, extract: extractPlan, actor: { userId: null, ip: null } },
      { bytes: new TextEncoder().encode(generatedPlanText(1000)), fileName: "generated.txt", year: 2020 },
    );
    generated = imported.planId;
    await seedDemoReports(store.db, generated);
  }, 300_000);

  afterAll(async () => {
    await store?.close();
    if (Object.keys(figures).length > 0) {
      mkdirSync(join(repoRoot, "docs"), { recursive: true });
      writeFileSync(
        join(repoRoot, "docs", "docx-verifier-figures.json"),
        `${JSON.stringify(figures, null, 2)}\n`,
      );
    }
  });

  const check = async (name: string, docx: Buffer, frame: boolean, pdf?: Uint8Array) => {
    const report = await verifyDocx(docx, { frame }, pdf);
    checked.set(name, { report, docx });
    const { pageNumbers, digitGaps, fonts, ...rest } = report.figures;
    figures[name] = {
      ...rest,
      pageNumbersOutside: pageNumbers.filter((p) => p.side === (p.page % 2 === 1 ? "right" : "left")).length,
      digitGaps: digitGaps.length,
      fonts: fonts.map((f) => `${f.name.replace(/^[A-Z]{6}\+/, "")}${f.embedded ? "" : " (not embedded)"}`),
      findings: report.findings.map((f) => f.code),
    };
    return report;
  };

  it("prints the Nankai 1—9月 report as a 公文 without a finding", async () => {
    const docx = await buildProgressReportDocx(store.db, nankai, { period: "2020-09", frame: FRAME });
    const r = await check("nankai-report", docx, true);
    expect(r.findings).toEqual([]);
    const f = r.figures;
    expect(f.title).toBe("关于南开区2020年国民经济和社会发展计划1—9月执行情况的报告");
    expect(f.titleCount).toBe(1);
    expect(f.recipient).toBe("区人民政府：");
    expect(f.fullLinesAt28).toBeGreaterThanOrEqual(0.95);
    expect(Math.round(f.linesPerPage ?? 0)).toBe(22);
    expect(f.signaturePage).toBe(f.closingPage);
    expect(f.colophonPage).toBe(f.pages);
    expect((f.colophonPage ?? 1) % 2).toBe(0);
    expect(f.isoCodes).toEqual([]);
  }, 300_000);

  it("names every area and every task of the Nankai plan in 三、 or 附件2", async () => {
    const model = await progressReportModel(store.db, nankai, { period: "2020-09" });
    const { pdf } = (checked.get("nankai-report") as Checked).report;
    const dir = mkdtempSync(join(tmpdir(), "plantrack-verify-text-"));
    try {
      writeFileSync(join(dir, "r.pdf"), pdf);
      const text = execFileSync("pdftotext", [join(dir, "r.pdf"), "-"], {
        encoding: "utf8",
        maxBuffer: 1e8,
      }).replace(/\s+/g, "");
      expect(model.areas.length).toBeGreaterThan(0);
      for (const a of model.areas) expect(text, a.title).toContain(a.title.replace(/\s+/g, ""));
      expect(model.tasks.total).toBeGreaterThan(50);
      // A task's title may wrap inside its table cell: its first twelve characters are on one line.
      for (const t of model.tasks.all)
        expect(text, t.title).toContain([...t.title.replace(/\s+/g, "")].slice(0, 12).join(""));
      for (const heading of [
        "一、总体情况",
        "二、主要指标完成情况",
        "三、重点任务推进情况",
        "四、存在的主要问题",
        "五、下一步工作打算",
        "特此报告。",
      ])
        expect(text).toContain(heading);
      expect(text).toContain("附件1主要指标完成情况表");
      expect(text).toContain("附件2重点任务推进情况表");
      expect(text).toContain("南发改〔2020〕12号");
      expect(text).toContain("签发人：张三");
      expect(text).toMatch(/抄送：区人大常委会办公室，区政协办公室。/);
      expect(text).toContain("2020年10月12日印发");
      // Pictures for the README: page 1, the signature page, 附件1's first page and the 版记.
      const f = (checked.get("nankai-report") as Checked).report.figures;
      const shots = join(repoRoot, "docs", "screenshots");
      writePageImages(
        join(dir, "r.pdf"),
        [
          ["report-frame-page-1", 1],
          ["report-signature", f.signaturePage ?? 1],
          ["report-annex-1", (f.signaturePage ?? 1) + 1],
          ["report-colophon", f.pages],
        ],
        shots,
      );
      expect(readdirSync(shots)).toEqual(
        expect.arrayContaining(["report-frame-page-1.png", "report-colophon.png"]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it("exports the same report as PDF with its fonts embedded", async () => {
    const file = await exportPlan(store.db, nankai, { format: "pdf", period: "2020-09" });
    expect(file.mediaType).toBe("application/pdf");
    expect(file.fileName).toMatch(/\.pdf$/);
    expect(file.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const docx = await buildProgressReportDocx(store.db, nankai, { period: "2020-09" });
    const r = await check("nankai-pdf-export", docx, true, file.bytes);
    expect(r.findings).toEqual([]);
    expect(r.figures.fonts.every((x) => x.embedded)).toBe(true);
  }, 300_000);

  it("prints the Nankai execution report draft without a finding of layout", async () => {
    const r = await check(
      "nankai-draft",
      await buildExecutionDraftDocx(store.db, nankai, { period: "2020-09" }),
      false,
    );
    // A draft of two pages has few full lines, some broken before a long figure: 28 ± 1 is measured
    // on the reports, here the line is checked not to spread.
    expect(r.findings.filter((x) => x.code !== "chars_per_line")).toEqual([]);
    expect(r.figures.spreadLines).toBe(0);
  }, 300_000);

  it("prints the report of a plan of 1,000 targets without a finding", async () => {
    const docx = await buildProgressReportDocx(store.db, generated, { period: "2020-09" });
    const r = await check("generated-1000-report", docx, true);
    // The generated plan's prose is a run of “第1片区第9组新增停车泊位累计完成28个，完成年度目标的54.1%，
    // 欠时序进度20.9个百分点（未明确责任单位）；” — a number may not be split and “）；” may not start a
    // line, so one full line in fourteen is justified out from 26 characters (93%, measured with
    // pdfjs: the characters stand at 16.85 pt, not 16). The grid itself holds: the median line is 28.
    expect(r.findings.filter((x) => x.code !== "chars_per_line")).toEqual([]);
    expect(r.figures.charsPerFullLine.median).toBe(28);
    expect(r.figures.fullLinesAt28).toBeGreaterThanOrEqual(0.9);
    expect(r.figures.spreadLines).toBe(0);
  }, 600_000);

  it("prints the draft of a plan of 1,000 targets without a finding of layout", async () => {
    const r = await check(
      "generated-1000-draft",
      await buildExecutionDraftDocx(store.db, generated, { period: "2020-09" }),
      false,
    );
    // The draft's prose is dense with figures (“第3片区第7组新增…”): lines break before a long one,
    // so fewer than 95% hold 28 ± 1 (figures in docs/docx-verifier-figures.json); none spreads.
    expect(r.findings.filter((x) => x.code !== "chars_per_line")).toEqual([]);
    expect(r.figures.fullLinesAt28).toBeGreaterThanOrEqual(0.85);
    expect(r.figures.spreadLines).toBe(0);
  }, 600_000);
});
