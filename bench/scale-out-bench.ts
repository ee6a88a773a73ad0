// Scaling out: two `plantrack serve` processes on one PostgreSQL database against one process, under
// the same mixed load — reporters submitting reports (each a new report) and leaders reading the
// status of plans — at 100 concurrent clients. The two-process run splits the clients between the two
// servers (as a round-robin proxy would), with sessions signed in on one server used on the other:
// sessions live in the database, so any server serves any user.
//
//   npm run bench -- scale-out
//   PLANTRACK_BENCH_SECONDS=30 npm run bench -- scale-out

import { verifyAuditChain } from "../src/db/audit-repository.ts";
import { listTargetRowsOfPlan } from "../src/db/targets-repository.ts";
import { generateProvince } from "../src/services/generate-province.ts";
import { formatMachine, isEntry, machineInfo, table, writeResults } from "./bench-util.ts";
import {
  enableGeneratedUsers,
  type LoadFigures,
  load,
  openScratch,
  postgresAvailable,
  type ServerProcess,
  type SignedIn,
  scratchDatabase,
  signIn,
  startApp,
} from "./load-util.ts";

const SECONDS = Number(process.env.PLANTRACK_BENCH_SECONDS ?? 15);
const CONNECTIONS = 100;
const PROVINCE = { regions: 6, targets: 700, months: 1, seed: 8, year: 2025, provinceCode: "44" };

type Request = { method: "GET" | "PUT"; path: string; headers: Record<string, string>; body?: string };

interface Workload {
  submit: () => Request;
  read: () => Request;
}

async function workload(scratch: Awaited<ReturnType<typeof scratchDatabase>>) {
  const store = await openScratch(scratch);
  const slots: { path: string; reporter: string }[] = [];
  let plans: number[] = [];
  let users: Awaited<ReturnType<typeof enableGeneratedUsers>>;
  try {
    const summary = await generateProvince(store.db, PROVINCE);
    users = await enableGeneratedUsers(store, ["reporter", "leader"]);
    plans = Array.from(
      { length: summary.lastPlanId - summary.firstPlanId + 1 },
      (_, i) => summary.firstPlanId + i,
    );
    for (const planId of plans) {
      for (const t of await listTargetRowsOfPlan(store.db, planId)) {
        const reporter =
          t.lead_department_id === null ? undefined : users.reporters.get(t.lead_department_id);
        if (!reporter || t.frequency !== "monthly") continue;
        for (let m = 2; m <= 12; m++)
          slots.push({
            path: `/api/targets/${t.id}/reports/${PROVINCE.year}-${String(m).padStart(2, "0")}`,
            reporter,
          });
      }
    }
  } finally {
    await store.close();
  }
  slots.sort((a, b) => a.path.slice(-7).localeCompare(b.path.slice(-7)));
  return { slots, plans, users };
}

function mixed(
  slots: { path: string; reporter: string }[],
  plans: number[],
  sessions: Map<string, SignedIn>,
  leader: SignedIn,
  cursor: { i: number; reads: number },
): Workload {
  return {
    submit: () => {
      const slot = slots[cursor.i++ % slots.length] as { path: string; reporter: string };
      const s = sessions.get(slot.reporter) as SignedIn;
      return {
        method: "PUT",
        path: slot.path,
        headers: { "content-type": "application/json", cookie: s.cookie, "x-csrf-token": s.csrf },
        body: JSON.stringify({
          baseRevision: null,
          value: 1,
          progress: "按计划推进。",
          problems: "",
          nextSteps: "",
          submit: true,
        }),
      };
    },
    read: () => ({
      method: "GET",
      path: `/api/plans/${plans[cursor.reads++ % plans.length]}/status?asOf=2025-06-30`,
      headers: { cookie: leader.cookie },
    }),
  };
}

/** Nine submissions to one status read: a reporting day, when the desks are busy and leaders look in. */
function mixOf(w: Workload): () => Request {
  let n = 0;
  return () => (n++ % 10 === 9 ? w.read() : w.submit());
}

function combine(parts: LoadFigures[]): LoadFigures {
  const requests = parts.reduce((a, p) => a + p.requests, 0);
  return {
    connections: parts.reduce((a, p) => a + p.connections, 0),
    seconds: Math.max(...parts.map((p) => p.seconds)),
    requests,
    throughput: parts.reduce((a, p) => a + p.throughput, 0),
    // Percentiles of two runs cannot be merged exactly: the worse of the two is reported.
    p50: Math.max(...parts.map((p) => p.p50)),
    p95: null,
    p99: Math.max(...parts.map((p) => p.p99)),
    max: Math.max(...parts.map((p) => p.max)),
    non2xx: parts.reduce((a, p) => a + p.non2xx, 0),
    errors: parts.reduce((a, p) => a + p.errors, 0),
  };
}

export async function run(): Promise<void> {
  const machine = machineInfo();
  if (!(await postgresAvailable())) {
    console.log("PostgreSQL not reachable (PLANTRACK_BENCH_PG): scale-out bench skipped");
    return;
  }
  const scratch = await scratchDatabase("postgres", "scaleout");
  const rows: { servers: number; figures: LoadFigures }[] = [];
  let chain: unknown = null;
  try {
    const { slots, plans } = await workload(scratch);
    const cursor = { i: 0, reads: 0 };
    const servers = [await startApp(scratch), await startApp(scratch)];
    try {
      const [a, b] = servers as [ServerProcess, ServerProcess];
      // Signed in on the first server only: the second must find the sessions in the database.
      const sessions = new Map<string, SignedIn>();
      for (const name of new Set(slots.map((s) => s.reporter))) sessions.set(name, await signIn(a.url, name));
      const leader = await signIn(a.url, "g440000-leader");
      const w = mixed(slots, plans, sessions, leader, cursor);
      await load(a.url, 10, 2, mixOf(w));
      await load(b.url, 10, 2, mixOf(w));
      rows.push({ servers: 1, figures: await load(a.url, CONNECTIONS, SECONDS, mixOf(w)) });
      const both = await Promise.all([
        load(a.url, CONNECTIONS / 2, SECONDS, mixOf(w)),
        load(b.url, CONNECTIONS / 2, SECONDS, mixOf(w)),
      ]);
      rows.push({ servers: 2, figures: combine(both) });
    } finally {
      for (const s of servers) await s.stop();
    }
    const store = await openScratch(scratch);
    try {
      chain = await verifyAuditChain(store.db);
    } finally {
      await store.close();
    }
  } finally {
    await scratch.drop();
  }
  const one = rows[0]?.figures.throughput ?? 0;
  console.log(
    `\nmixed load (9 submissions : 1 status read), ${CONNECTIONS} clients, ${SECONDS} s, PostgreSQL — ${formatMachine(machine)}`,
  );
  console.log(
    table([
      ["app servers", "req/s", "p50", "p99", "max", "non-2xx", "errors", "× one server"],
      ...rows.map((r) => [
        String(r.servers),
        r.figures.throughput.toFixed(0),
        `${r.figures.p50.toFixed(0)} ms`,
        `${r.figures.p99.toFixed(0)} ms`,
        `${r.figures.max.toFixed(0)} ms`,
        String(r.figures.non2xx),
        String(r.figures.errors),
        one > 0 ? `${(r.figures.throughput / one).toFixed(2)}×` : "—",
      ]),
    ]),
  );
  console.log("audit chain after the run:", JSON.stringify(chain));
  console.log(
    `results: ${writeResults("scale-out", { machine, seconds: SECONDS, connections: CONNECTIONS, rows, chain })}`,
  );
}

if (isEntry(import.meta.url)) await run();
