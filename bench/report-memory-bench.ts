// Speed and memory of the Word report as the server exports it (issue 16): the warm time of the
// Nankai 1—9月 report and of a generated 1,000-target report, in milliseconds and as a ratio to the
// CSV baseline of reports-bench.ts (read and judge the plan, one line per target), and the process's
// resident memory after 5 and after 50 exports of the Nankai report (a full GC before each reading).
// The issue's figures (0.5 s, 2 s, within 20%) are printed beside the measured ones; nothing here
// fails on a time or a size.

import { exportPlan } from "../src/services/exports.ts";
import { progressReportModel } from "../src/services/progress-report.ts";
import {
  formatBytes,
  formatMachine,
  formatMs,
  fullGc,
  isEntry,
  machineInfo,
  median,
  REPO_ROOT,
  table,
  writeResults,
} from "./bench-util.ts";
import { csvOf, type Fixture, GENERATED_TARGETS, generated, nankai } from "./reports-bench.ts";

const WARM_RUNS = 5;
const FEW = 5;
const MANY = 50;

async function medianMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

function rss(): number {
  fullGc();
  return process.memoryUsage().rss;
}

interface Timing {
  plan: string;
  targets: number;
  baselineMs: number;
  firstMs: number;
  warmMs: number;
  goalMs: number;
}

async function timeReport(f: Fixture, goalMs: number): Promise<Timing> {
  const db = f.store.db;
  const opts = { format: "docx", period: f.period };
  const t0 = process.hrtime.bigint();
  await exportPlan(db, f.planId, opts);
  const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const baselineMs = await medianMs(WARM_RUNS, async () =>
    csvOf(await progressReportModel(db, f.planId, { period: f.period })),
  );
  const warmMs = await medianMs(WARM_RUNS, () => exportPlan(db, f.planId, opts));
  const model = await progressReportModel(db, f.planId, { period: f.period });
  return { plan: f.name, targets: model.overview.rollup.total, baselineMs, firstMs, warmMs, goalMs };
}

export async function run(): Promise<void> {
  const started = Date.now();
  const machine = machineInfo();
  console.log(`report memory bench — ${formatMachine(machine)} — median of ${WARM_RUNS} warm runs`);
  const timings: Timing[] = [];
  const home = await nankai();
  let memory: { few: number; many: number; ratio: number } | null = null;
  try {
    timings.push(await timeReport(home, 500));
    // Memory: the same export over and over, as a server answering the office all day.
    const opts = { format: "docx", period: home.period };
    let done = 0;
    while (done < FEW) {
      await exportPlan(home.store.db, home.planId, opts);
      done++;
    }
    const few = rss();
    while (done < MANY) {
      await exportPlan(home.store.db, home.planId, opts);
      done++;
    }
    const many = rss();
    memory = { few, many, ratio: many / few };
  } finally {
    await home.store.close();
  }
  const big = await generated(GENERATED_TARGETS);
  try {
    timings.push(await timeReport(big, 2000));
  } finally {
    await big.store.close();
  }

  console.log(
    table([
      ["plan", "targets", "CSV (baseline)", "first export", "warm export", "× CSV", "issue's figure"],
      ...timings.map((t) => [
        t.plan,
        String(t.targets),
        formatMs(t.baselineMs),
        formatMs(t.firstMs),
        formatMs(t.warmMs),
        `${(t.warmMs / t.baselineMs).toFixed(1)}×`,
        `< ${formatMs(t.goalMs)}`,
      ]),
    ]),
  );
  console.log(
    `RSS after ${FEW} Nankai exports: ${formatBytes(memory.few)}; after ${MANY}: ${formatBytes(memory.many)}; ratio ${memory.ratio.toFixed(3)} (issue: within 1.2)`,
  );
  const path = writeResults("report-memory", {
    machine,
    warmRuns: WARM_RUNS,
    timings,
    memory: { afterFew: memory.few, afterMany: memory.many, few: FEW, many: MANY, ratio: memory.ratio },
  });
  console.log(
    `results: ${path.replace(`${REPO_ROOT}/`, "")} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

if (isEntry(import.meta.url)) await run();
