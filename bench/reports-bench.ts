// The Word documents (issue 7): time to build the progress report and the execution report draft for
// the Nankai demo plan (September, as of the demo date) and for a generated plan of 1,000 targets with
// nine months of reports — next to, in the same run, the same rows written to a plain CSV file (the
// baseline: reading and judging the plan, then one line per target). Figures are ratios to that
// baseline; nothing here fails on a time.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Store } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { extractPlan } from "../src/extract/extract-plan.ts";
import { drawChartPng } from "../src/reports/chart-png.ts";
import { type ProgressModel, statusRows } from "../src/reports/progress-model.ts";
import { areaCompletionOption, CHART_SIZE, statusCountOption } from "../src/reports/report-charts.ts";
import { importPlan } from "../src/services/import-plan.ts";
import {
  buildExecutionDraftDocx,
  buildProgressReportDocx,
  progressReportModel,
} from "../src/services/progress-report.ts";
import { seedDemo } from "../src/services/seed-demo.ts";
import { seedDemoReports } from "../src/services/seed-demo-reports.ts";
import {
  formatBytes,
  formatMachine,
  formatMs,
  isEntry,
  machineInfo,
  median,
  REPO_ROOT,
  table,
  writeResults,
} from "./bench-util.ts";

const RUNS = 3;
export const GENERATED_TARGETS = 1000;

const SUBJECTS = [
  "科技型企业",
  "雏鹰企业",
  "就业岗位",
  "楼宇面积",
  "社区服务站",
  "停车泊位",
  "养老床位",
  "学位",
  "绿化面积",
  "口袋公园",
];
const UNITS = ["家", "家", "个", "万平方米", "个", "个", "张", "个", "万平方米", "个"];

/** A plan text the extractor reads as three headline rates and `n − 3` targets in ten areas. */
export function generatedPlanText(n: number): string {
  const lines = [
    "某区2020年国民经济和社会发展计划",
    "",
    "一、2020年主要预期指标",
    "",
    "地区生产总值增长5%,一般公共预算收入增长5%,固定资产投资增长6%。",
    "",
    "二、2020年经济社会发展重点任务",
    "",
  ];
  const areas = 10;
  const per = Math.ceil((n - 3) / areas);
  let made = 3;
  for (let a = 1; a <= areas && made < n; a++) {
    lines.push(`${a}.推进第${a}方面重点工作`, "");
    const sentences: string[] = [];
    for (let i = 0; i < per && made < n; i++, made++) {
      const k = (a * 7 + i) % SUBJECTS.length;
      sentences.push(`第${a}片区第${i + 1}组新增${SUBJECTS[k]}${10 + ((a * 31 + i * 17) % 90)}${UNITS[k]}。`);
    }
    for (let g = 0; g < sentences.length; g += 10)
      lines.push(`加快建设第${g / 10 + 1}批项目。${sentences.slice(g, g + 10).join("")}`, "");
  }
  return lines.join("\n");
}

export interface Fixture {
  name: string;
  store: Store;
  planId: number;
  period: string;
  asOf?: string;
}

export async function nankai(): Promise<Fixture> {
  const store = openDatabase({ dialect: "sqlite", file: ":memory:" });
  await migrateToLatest(store.db);
  const seeded = await seedDemo({
    db: store.db,
    extract: extractPlan,
    examplesDir: join(REPO_ROOT, "examples"),
  });
  await seedDemoReports(store.db, seeded.planId as number);
  return { name: "Nankai 2020 (demo)", store, planId: seeded.planId as number, period: "2020-09" };
}

export async function generated(n: number): Promise<Fixture> {
  const store = openDatabase({ dialect: "sqlite", file: ":memory:" });
  await migrateToLatest(store.db);
  const imported = await importPlan(
    { db: store.db, extract: extractPlan, actor: { userId: null, ip: null } },
    { bytes: new TextEncoder().encode(generatedPlanText(n)), fileName: "generated.txt", year: 2020 },
  );
  await seedDemoReports(store.db, imported.planId);
  return { name: `generated, ${n} targets`, store, planId: imported.planId, period: "2020-09" };
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The same rows as the report's tables, one line per target. */
export function csvOf(model: ProgressModel): string {
  const lines = [["领域", "指标", "目标", "完成值", "完成进度", "较时序进度", "状态", "责任单位"].join(",")];
  const add = (area: string, l: ProgressModel["headline"][number]) =>
    lines.push(
      [
        area,
        l.subject,
        l.display,
        l.valueText,
        l.completionText,
        l.gapText,
        l.statusWord.zh,
        l.department ?? "",
      ]
        .map(csvCell)
        .join(","),
    );
  for (const l of model.headline) add("主要预期指标", l);
  for (const a of model.areas) for (const l of a.targets) add(a.title, l);
  return `${lines.join("\n")}\n`;
}

/**
 * Median wall-clock and CPU milliseconds of RUNS calls. CPU time (this process, all threads) hardly
 * moves when neighbours load the machine, so the ratios are given on it as well.
 */
async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const times: number[] = [];
  const cpus: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    value = await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpus), value: value as T };
}

const both = (t: { ms: number; cpuMs: number }) => `${formatMs(t.ms)} (${formatMs(t.cpuMs)})`;
const ratio = (a: { ms: number; cpuMs: number }, b: { ms: number; cpuMs: number }) =>
  `${(a.ms / b.ms).toFixed(1)}× (${(a.cpuMs / b.cpuMs).toFixed(1)}×)`;

export async function run(): Promise<void> {
  const started = Date.now();
  const machine = machineInfo();
  console.log(`reports bench — ${formatMachine(machine)} — median of ${RUNS} runs`);
  const out = mkdtempSync(join(tmpdir(), "plantrack-reports-bench-"));
  const rows: string[][] = [
    [
      "plan",
      "targets",
      "CSV (baseline)",
      "model only",
      "charts",
      "Word report",
      "× CSV",
      "draft",
      "× CSV",
      "size",
    ],
  ];
  const results: unknown[] = [];
  try {
    for (const make of [nankai, () => generated(GENERATED_TARGETS)]) {
      const t0 = Date.now();
      const f = await make();
      const setupMs = Date.now() - t0;
      const opts = { period: f.period, ...(f.asOf ? { asOf: f.asOf } : {}) };
      const db = f.store.db;
      // Warm-up: the first call loads the chart and zip code.
      await buildProgressReportDocx(db, f.planId, opts);
      const csv = await time(async () => {
        const model = await progressReportModel(db, f.planId, opts);
        const text = csvOf(model);
        writeFileSync(join(out, "report.csv"), text);
        return { model, bytes: Buffer.byteLength(text) };
      });
      const model = await time(() => progressReportModel(db, f.planId, opts));
      const m = csv.value.model;
      const measured = m.areas.filter((a) => a.rollup.completionIndex !== null);
      const charts = await time(() => {
        // Drawn afresh each run: the report remembers charts it drew, the bench times the drawing.
        drawChartPng(statusCountOption(statusRows(m.overview.rollup)), CHART_SIZE.width, CHART_SIZE.height);
        drawChartPng(
          areaCompletionOption(measured, m.expectedShare),
          CHART_SIZE.width,
          Math.max(CHART_SIZE.height, 80 + measured.length * 44),
        );
      });
      const word = await time(async () => {
        const buf = await buildProgressReportDocx(db, f.planId, opts);
        writeFileSync(join(out, "report.docx"), buf);
        return buf.length;
      });
      const draft = await time(async () => {
        const buf = await buildExecutionDraftDocx(db, f.planId, opts);
        writeFileSync(join(out, "draft.docx"), buf);
        return buf.length;
      });
      const targets = m.overview.rollup.total;
      rows.push([
        f.name,
        String(targets),
        both(csv),
        both(model),
        both(charts),
        both(word),
        ratio(word, csv),
        both(draft),
        ratio(draft, csv),
        `${formatBytes(word.value)} / ${formatBytes(draft.value)}`,
      ]);
      results.push({
        plan: f.name,
        targets,
        setupMs,
        csvBaselineMs: csv.ms,
        csvBaselineCpuMs: csv.cpuMs,
        modelCpuMs: model.cpuMs,
        chartsCpuMs: charts.cpuMs,
        wordCpuMs: word.cpuMs,
        draftCpuMs: draft.cpuMs,
        csvBytes: csv.value.bytes,
        modelMs: model.ms,
        chartsMs: charts.ms,
        wordMs: word.ms,
        wordBytes: word.value,
        wordOverCsv: word.ms / csv.ms,
        draftMs: draft.ms,
        draftBytes: draft.value,
        draftOverCsv: draft.ms / csv.ms,
      });
      await f.store.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  console.log(table(rows));
  console.log(
    "wall (CPU) medians. CSV (baseline): read and judge the plan, write one line per target; Word report: the same, plus two charts (ECharts → SVG → PNG) and the .docx.",
  );
  const path = writeResults("reports", { machine, runs: RUNS, results });
  console.log(
    `results: ${path.replace(`${REPO_ROOT}/`, "")} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

if (isEntry(import.meta.url)) await run();
