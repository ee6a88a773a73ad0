// What the load benchmarks share: scratch databases (a SQLite file in a temporary folder, a PostgreSQL
// database of its own created and dropped around the run), app servers started as separate processes
// the way an operator runs them, reporters signed in over HTTP, and autocannon runs summarised.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { SYSTEM_ACTOR } from "../src/db/audit-repository.ts";
import { type DatabaseConfig, openDatabase, type Store } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { updateUser } from "../src/db/users-repository.ts";
import { hashPassword } from "../src/services/password-hash.ts";
import { listUserDetails } from "../src/services/user-details.ts";
import { REPO_ROOT } from "./bench-util.ts";

export const PG_SERVER = process.env.PLANTRACK_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432";
export const BENCH_PASSWORD = "Bench-Load-Pass-42!";

export type Dialect = "sqlite" | "postgres";

export interface ScratchDatabase {
  dialect: Dialect;
  /** The environment a server process needs to open it. */
  env: Record<string, string>;
  config: DatabaseConfig;
  drop: () => Promise<void>;
}

/** True when a PostgreSQL server answers at PG_SERVER. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function scratchDatabase(dialect: Dialect, name: string): Promise<ScratchDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), `plantrack-bench-${name}-`));
    const file = join(dir, "bench.db");
    return {
      dialect,
      env: { PLANTRACK_DB: file, DATABASE_URL: "" },
      config: { dialect: "sqlite", file },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const db = `plantrack_bench_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${db}`);
    await admin.query(`create database ${db}`);
  } finally {
    await admin.end();
  }
  const url = `${PG_SERVER}/${db}`;
  return {
    dialect,
    env: { DATABASE_URL: url },
    config: { dialect: "postgres", url },
    drop: async () => {
      if (process.env.PLANTRACK_BENCH_KEEP === "1") {
        console.log(`kept ${url} (PLANTRACK_BENCH_KEEP=1)`);
        return;
      }
      const c = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
      await c.connect();
      try {
        await c.query(`drop database if exists ${db} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Opens the scratch database in this process, migrated (close it before servers write to SQLite). */
export async function openScratch(scratch: ScratchDatabase): Promise<Store> {
  const store = openDatabase(scratch.config);
  await migrateToLatest(store.db);
  return store;
}

/**
 * Gives generated users of these roles the bench password (audited as a reset, no change forced);
 * returns reporters' user names by department id and the others' by region id and role.
 */
export async function enableGeneratedUsers(
  store: Store,
  roles: readonly ("reporter" | "planner" | "leader")[] = ["reporter"],
): Promise<{ reporters: Map<number, string>; others: Map<string, string> }> {
  const hash = await hashPassword(BENCH_PASSWORD);
  const now = new Date().toISOString();
  const reporters = new Map<number, string>();
  const others = new Map<string, string>();
  for (const u of await listUserDetails(store.db)) {
    if (!u.username.startsWith("g") || !(roles as readonly string[]).includes(u.role)) continue;
    await updateUser(
      store.db,
      SYSTEM_ACTOR,
      u.id,
      { password_hash: hash, must_change_password: 0 },
      "user.reset_password",
      now,
    );
    if (u.role === "reporter" && u.departmentId !== null) reporters.set(u.departmentId, u.username);
    else others.set(`${u.regionId}:${u.role}`, u.username);
  }
  return { reporters, others };
}

export async function enableReporters(store: Store): Promise<Map<number, string>> {
  return (await enableGeneratedUsers(store, ["reporter"])).reporters;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/**
 * Starts a process (`plantrack serve`, or the bare ceiling server) on a free port and waits for
 * `readyPath` to answer. PLANTRACK_BENCH_CPU_PROF=DIR runs it under --cpu-prof into DIR.
 */
export async function startProcess(
  script: string,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const profDir = process.env.PLANTRACK_BENCH_CPU_PROF;
  const nodeArgs = profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, script, ...args, "--port", String(port)],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PLANTRACK_ADMIN_PASSWORD: "Bench-Admin-Pass-42!",
        PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE: "100000",
        ...env,
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let exited: string | null = null;
  child.on("exit", (code, signal) => {
    exited = `exit ${code ?? signal}`;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`${script} stopped before it was ready (${exited}): ${stderr}`);
    try {
      const response = await fetch(`${url}${readyPath}`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${script} did not answer ${readyPath} in 120 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      if (exited) return;
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** `plantrack serve` against the scratch database. */
export function startApp(
  scratch: ScratchDatabase,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  return startProcess(
    "bin/plantrack.mjs",
    ["serve", "--host", "127.0.0.1"],
    { ...scratch.env, ...extraEnv },
    "/api/health",
  );
}

export interface SignedIn {
  username: string;
  cookie: string;
  csrf: string;
}

/** Signs in over HTTP like a browser: the session and CSRF cookies for the headers of later requests. */
export async function signIn(url: string, username: string, password = BENCH_PASSWORD): Promise<SignedIn> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0] as string);
  const csrf = cookies.find((c) => c.startsWith("plantrack_csrf="))?.split("=")[1] ?? "";
  return { username, cookie: cookies.join("; "), csrf };
}

export interface LoadFigures {
  connections: number;
  seconds: number;
  requests: number;
  /** Mean requests a second over the run. */
  throughput: number;
  p50: number;
  p95: number | null;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

export function figuresOf(result: autocannon.Result, connections: number): LoadFigures {
  const latency = result.latency as autocannon.Histogram & { p95?: number };
  return {
    connections,
    seconds: result.duration,
    requests: result.requests.total,
    throughput: result.requests.total / Math.max(result.duration, 0.001),
    p50: latency.p50,
    p95: latency.p95 ?? null,
    p99: latency.p99,
    max: latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * One autocannon run; `next` gives each request its method, path, headers and body. Every client sends
 * its next request as soon as the last is answered: the most the server does, and the queue it builds.
 */
export async function load(
  url: string,
  connections: number,
  seconds: number,
  next: () => {
    method: "GET" | "PUT" | "POST";
    path: string;
    headers: Record<string, string>;
    body?: string;
  },
): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const r = next();
          return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
  return figuresOf(result, connections);
}

/** PLANTRACK_BENCH_TRACE=/tmp/trace: each steady run writes its latencies over time to /tmp/trace-<time>.json. */
const TRACE = process.env.PLANTRACK_BENCH_TRACE;

export type NextRequest = () => {
  method: "GET" | "PUT" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
};

/**
 * A steady load: `rate` requests a second, evenly spaced, over at most `connections` kept-alive
 * connections, whatever the server's answers do. (autocannon's rate option lets each connection send
 * its share of a second at the start of the second: a burst, not a rate.) Each latency runs from the
 * moment the request was due, so time spent waiting for a free connection counts (no coordinated
 * omission).
 */
export async function steadyLoad(
  url: string | readonly string[],
  connections: number,
  seconds: number,
  rate: number,
  next: NextRequest,
): Promise<LoadFigures> {
  // Several servers (scale-out): requests go round-robin, as from a proxy, each with its share of the
  // connections.
  const targets = (typeof url === "string" ? [url] : url).map((u) => ({
    url: new URL(u),
    agent: new Agent({
      keepAlive: true,
      maxSockets: Math.ceil(connections / (typeof url === "string" ? 1 : url.length)),
    }),
  }));
  const latencies: number[] = [];
  const trace: [number, number][] = [];
  let non2xx = 0;
  let errors = 0;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  const send = (due: number, i: number) =>
    new Promise<void>((done) => {
      const r = next();
      const { url: target, agent } = targets[i % targets.length] as (typeof targets)[number];
      const req = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: r.method,
          path: r.path,
          headers:
            r.body === undefined ? r.headers : { ...r.headers, "content-length": Buffer.byteLength(r.body) },
          timeout: 30_000,
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - due);
            if (TRACE) trace.push([Math.round(due - started), Math.round(performance.now() - due)]);
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx++;
            done();
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", () => {
        errors++;
        done();
      });
      req.end(r.body);
    });
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(due, i));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  // [ms since start when due, latency ms] per request: to see when the slow ones came.
  if (TRACE) writeFileSync(`${TRACE}-${Date.now()}.json`, JSON.stringify(trace));
  for (const t of targets) t.agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return {
    connections,
    seconds: elapsed,
    requests: total,
    throughput: latencies.length / elapsed,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted[sorted.length - 1] ?? 0,
    non2xx,
    errors,
  };
}
