// Cockpit and status reads as the database grows: GET /api/plans/:id/status and /api/plans/:id/cockpit
// for the same county plans, signed in as the province's leader, at about 10 thousand, 100 thousand and
// (opt-in) 2 million reports in the database. Latency is taken one request at a time (p50/p95 of 40
// requests per endpoint and size) so it is the cost of the read, not of a queue; the 10-thousand size is
// the baseline of the same run, and the other sizes are given as multiples of it.
//
//   npm run bench -- reads                              # 10 k and 100 k reports, SQLite and PostgreSQL
//   PLANTRACK_BENCH_FULL=1 npm run bench -- reads       # and 2 million (generation takes minutes)
//   PLANTRACK_BENCH_DIALECTS=postgres npm run bench -- reads

import { countRows } from "../src/db/generator-repository.ts";
import { generateProvince } from "../src/services/generate-province.ts";
import { formatMachine, isEntry, machineInfo, median, table, writeResults } from "./bench-util.ts";
import {
  type Dialect,
  enableGeneratedUsers,
  openScratch,
  postgresAvailable,
  type ScratchDatabase,
  scratchDatabase,
  signIn,
  startApp,
} from "./load-util.ts";

const FULL = process.env.PLANTRACK_BENCH_FULL === "1";
const SIZES = FULL ? [10_000, 100_000, 2_000_000] : [10_000, 100_000];
const REQUESTS = 40;
const AS_OF = "2025-12-20";
/** A district plan: 300 targets reported monthly through the year, about 4,500 reports a plan. */
const PLAN = { targets: 300, months: 12, seed: 11, year: 2025 };
const PROVINCES = ["44", "45", "46", "37", "32", "33", "35"];

interface Point {
  dialect: Dialect;
  reports: number;
  revisions: number;
  endpoint: "status" | "cockpit";
  p50: number;
  p95: number;
  max: number;
  generateSeconds: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function timeReads(url: string, cookie: string, paths: string[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < REQUESTS + 3; i++) {
    const path = paths[i % paths.length] as string;
    const t0 = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { cookie } });
    await response.arrayBuffer();
    const ms = performance.now() - t0;
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    if (i >= 3) out.push(ms);
  }
  return out;
}

async function benchDialect(dialect: Dialect): Promise<Point[]> {
  const scratch: ScratchDatabase = await scratchDatabase(dialect, "reads");
  const points: Point[] = [];
  try {
    let samplePlans: number[] = [];
    let perPlan = 0;
    let reports = 0;
    let province = 0;
    for (const size of SIZES) {
      const store = await openScratch(scratch);
      const t0 = Date.now();
      try {
        while (reports < size * 0.9) {
          // The first province is one county, its city and the province (three plans, ~13 k reports).
          const plansNeeded = perPlan === 0 ? 3 : Math.ceil((size - reports) / perPlan);
          const regions = province === 0 ? 1 : Math.min(990, Math.max(1, Math.ceil((plansNeeded * 10) / 11)));
          const summary = await generateProvince(store.db, {
            ...PLAN,
            regions,
            provinceCode: PROVINCES[province] as string,
          });
          if (province === 0) {
            await enableGeneratedUsers(store, ["leader"]);
            samplePlans = [summary.firstPlanId, summary.lastPlanId];
          }
          province++;
          reports += summary.reports;
          perPlan = summary.reports / summary.plans;
          console.log(`${dialect}: ${reports.toLocaleString("en-US")} reports`);
        }
      } finally {
        const counts = await countRows(store.db, ["reports", "report_revisions"]);
        reports = counts.reports ?? reports;
        points.push(
          ...(["status", "cockpit"] as const).map((endpoint) => ({
            dialect,
            reports,
            revisions: counts.report_revisions ?? 0,
            endpoint,
            p50: 0,
            p95: 0,
            max: 0,
            generateSeconds: (Date.now() - t0) / 1000,
          })),
        );
        await store.close();
      }
      const app = await startApp(scratch);
      try {
        const leader = await signIn(app.url, "g440000-leader");
        for (const endpoint of ["status", "cockpit"] as const) {
          const times = await timeReads(
            app.url,
            leader.cookie,
            samplePlans.map((id) => `/api/plans/${id}/${endpoint}?asOf=${AS_OF}`),
          );
          const point = points.find((p) => p.reports === reports && p.endpoint === endpoint) as Point;
          point.p50 = median(times);
          point.p95 = percentile(times, 95);
          point.max = Math.max(...times);
        }
      } finally {
        await app.stop();
      }
    }
  } finally {
    await scratch.drop();
  }
  return points;
}

export async function run(): Promise<void> {
  const machine = machineInfo();
  const wanted = (process.env.PLANTRACK_BENCH_DIALECTS ?? "sqlite,postgres").split(",");
  const dialects: Dialect[] = [];
  if (wanted.includes("sqlite")) dialects.push("sqlite");
  if (wanted.includes("postgres")) {
    if (await postgresAvailable()) dialects.push("postgres");
    else console.log("PostgreSQL not reachable (PLANTRACK_BENCH_PG): skipped");
  }
  const points: Point[] = [];
  for (const d of dialects) points.push(...(await benchDialect(d)));
  const base = (p: Point) =>
    points.find(
      (x) =>
        x.dialect === p.dialect &&
        x.endpoint === p.endpoint &&
        x.reports === Math.min(...points.filter((y) => y.dialect === p.dialect).map((y) => y.reports)),
    );
  console.log(
    `\nreads of one county plan (${PLAN.targets} targets, ~4.5 k reports) as the database grows — ${formatMachine(machine)}`,
  );
  console.log(
    table([
      ["database", "reports in db", "revisions", "endpoint", "p50", "p95", "max", "p95 × smallest"],
      ...points.map((p) => {
        const b = base(p);
        return [
          p.dialect,
          p.reports.toLocaleString("en-US"),
          p.revisions.toLocaleString("en-US"),
          `GET /api/plans/:id/${p.endpoint}`,
          `${p.p50.toFixed(0)} ms`,
          `${p.p95.toFixed(0)} ms`,
          `${p.max.toFixed(0)} ms`,
          b ? `${(p.p95 / b.p95).toFixed(2)}×` : "",
        ];
      }),
    ]),
  );
  const biggest = points.filter((p) => p.endpoint === "cockpit" && p.reports >= 1_500_000);
  for (const p of biggest)
    console.log(
      `requirement (cockpit p95 < 200 ms at 2 million reports) on ${p.dialect}: ${p.p95 < 200 ? "met" : "NOT met"} — p95 ${p.p95.toFixed(0)} ms`,
    );
  if (!FULL) console.log("(2 million reports: PLANTRACK_BENCH_FULL=1)");
  console.log(
    `results: ${writeResults("reads", { machine, plan: PLAN, asOf: AS_OF, requests: REQUESTS, points })}`,
  );
}

if (isEntry(import.meta.url)) await run();
