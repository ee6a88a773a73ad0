// The ledger (issue 7): time to build the Excel ledger for the Nankai demo plan (June, as of the demo
// date) and for a generated plan of 1,000 targets with nine months of reports — next to, in the same
// run, the same rows written as a plain CSV file (the baseline: load the plan, judge every row for
// every period, one line per row). Figures are ratios to that baseline; nothing fails on a time.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Store } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { extractPlan } from "../src/extract/extract-plan.ts";
import { renderLedgerCsv } from "../src/reports/ledger-csv.ts";
import { buildLedger } from "../src/reports/ledger-model.ts";
import { renderLedgerXlsx } from "../src/reports/ledger-xlsx.ts";
import { importPlan } from "../src/services/import-plan.ts";
import { readingClock } from "../src/services/plan-status.ts";
import { loadPlanWorld } from "../src/services/reporting-context.ts";
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
import { generatedPlanText } from "./reports-bench.ts";

const RUNS = 5;
const GENERATED_TARGETS = 1000;
const PERIOD = "2020-06";

interface Fixture {
  name: string;
  store: Store;
  planId: number;
}

async function nankai(): Promise<Fixture> {
  const store = openDatabase({ dialect: "sqlite", file: ":memory:" });
  await migrateToLatest(store.db);
  const seeded = await seedDemo({
    db: store.db,
    extract: extractPlan,
    examplesDir: join(REPO_ROOT, "examples"),
  });
  await seedDemoReports(store.db, seeded.planId as number);
  return { name: "Nankai 2020 (demo)", store, planId: seeded.planId as number };
}

async function generated(n: number): Promise<Fixture> {
  const store = openDatabase({ dialect: "sqlite", file: ":memory:" });
  await migrateToLatest(store.db);
  const imported = await importPlan(
    { db: store.db, extract: extractPlan, actor: { userId: null, ip: null } },
    { bytes: new TextEncoder().encode(generatedPlanText(n)), fileName: "generated.txt", year: 2020 },
  );
  await seedDemoReports(store.db, imported.planId);
  return { name: `generated, ${n} targets`, store, planId: imported.planId };
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    value = await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(times), value: value as T };
}

export async function run(): Promise<void> {
  const started = Date.now();
  const machine = machineInfo();
  console.log(`ledger bench — ${formatMachine(machine)} — median of ${RUNS} runs, ledger to ${PERIOD}`);
  const out = mkdtempSync(join(tmpdir(), "plantrack-ledger-bench-"));
  const rows: string[][] = [
    ["plan", "rows", "load + judge", "CSV (baseline)", "Excel ledger", "× CSV", "sizes (xlsx / csv)"],
  ];
  const results: unknown[] = [];
  try {
    for (const make of [nankai, () => generated(GENERATED_TARGETS)]) {
      const f = await make();
      const db = f.store.db;
      const ledgerOf = async () => {
        const { world, asOf } = readingClock(await loadPlanWorld(db, f.planId));
        return buildLedger(world, { period: PERIOD, asOf });
      };
      await renderLedgerXlsx(await ledgerOf()); // warm-up: loads the zip and xml code
      const model = await time(ledgerOf);
      const csv = await time(async () => {
        const bytes = renderLedgerCsv(await ledgerOf());
        writeFileSync(join(out, "ledger.csv"), bytes);
        return bytes.length;
      });
      const xlsx = await time(async () => {
        const bytes = await renderLedgerXlsx(await ledgerOf());
        writeFileSync(join(out, "ledger.xlsx"), bytes);
        return bytes.length;
      });
      const n = model.value.sheets.reduce((a, s) => a + s.rows.length, 0);
      rows.push([
        f.name,
        String(n),
        formatMs(model.ms),
        formatMs(csv.ms),
        formatMs(xlsx.ms),
        `${(xlsx.ms / csv.ms).toFixed(1)}×`,
        `${formatBytes(xlsx.value)} / ${formatBytes(csv.value)}`,
      ]);
      results.push({
        plan: f.name,
        rows: n,
        periods: model.value.periods.length,
        modelMs: model.ms,
        csvBaselineMs: csv.ms,
        csvBytes: csv.value,
        xlsxMs: xlsx.ms,
        xlsxBytes: xlsx.value,
        xlsxOverCsv: xlsx.ms / csv.ms,
      });
      await f.store.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  console.log(table(rows));
  console.log(
    "CSV (baseline): load the plan, judge every row in every period, write the rows as CSV; Excel ledger: the same rows as the workbook (summary, a sheet per area, styles, lists, hidden ids).",
  );
  const path = writeResults("ledger", { machine, runs: RUNS, period: PERIOD, results });
  console.log(
    `results: ${path.replace(`${REPO_ROOT}/`, "")} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

if (isEntry(import.meta.url)) await run();
