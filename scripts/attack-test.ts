// The attack test: `plantrack serve` in a child process on a fresh SQLite database with the demo, and
// the three uploads that used to take a server down sent to it one after another — a .docx that
// unpacks to 300 MB (a zip bomb), a 任务分解表 CSV of a million rows (16 MB) and a ledger .xlsx of a
// million rows — while a second client asks GET /api/health/live every 100 ms and the server's
// resident memory is read every 100 ms from /proc. It holds when every probe is answered within
// 250 ms, every upload is refused with 413 or 422 naming its limit, and the server stays under 600 MB.
//
//   node bin/run-ts.mjs scripts/attack-test.ts [--probe-ms 100] [--max-probe-ms 250] [--max-rss-mb 600]
// Exit 0 when every check held, 1 otherwise (`npm run test:attack`).

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { parseArgs } from "../src/cli/parse-args.ts";
import type { ApiErrorBody } from "../src/contract/common.ts";
import { makeDeflatedZip } from "../src/test/make-documents.ts";
import {
  type Client,
  demoPlanId,
  freePort,
  type Server,
  signIn,
  sleep,
  startServer,
  waitReady,
} from "./server-child.ts";

const PASSWORD = "Attack-test-pass-9";
const MB = 1024 * 1024;

interface Options {
  probeMs: number;
  maxProbeMs: number;
  maxRssMb: number;
}

function options(): Options {
  const { flags } = parseArgs(process.argv.slice(2), { string: ["probe-ms", "max-probe-ms", "max-rss-mb"] });
  const num = (name: string, fallback: number) => {
    const v = flags[name];
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a whole number: ${v}`);
    return n;
  };
  return {
    probeMs: num("probe-ms", 100),
    maxProbeMs: num("max-probe-ms", 250),
    maxRssMb: num("max-rss-mb", 600),
  };
}

/** A seeded generator, so that every run sends the same files. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s;
  };
}

/** A .docx whose document.xml is 300 MB of one paragraph's spaces: about 300 KB deflated. */
function zipBomb(): Uint8Array {
  const xml = new Uint8Array(300 * MB).fill(0x20);
  xml.set(new TextEncoder().encode('<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>'), 0);
  return makeDeflatedZip({
    "[Content_Types].xml": new TextEncoder().encode("<Types/>"),
    "word/document.xml": xml,
  });
}

/** A 任务分解表 of a million rows, each a different task: about 16 MB, within the 20 MB upload limit. */
function millionRowCsv(): Uint8Array {
  const next = prng(11);
  const lines = ["序号,重点任务,牵头单位,完成时限"];
  for (let i = 1; i <= 1_000_000; i++) lines.push(`${i},t${(next() % 1e5).toString(36)},a,6`);
  return new TextEncoder().encode(lines.join("\n"));
}

/** A workbook of one sheet of a million rows of different figures (so that it deflates less than 10×). */
function millionRowXlsx(): Uint8Array {
  const next = prng(7);
  const rows: string[] = [];
  for (let r = 1; r <= 1_000_000; r++)
    rows.push(
      `<row r="${r}"><c r="A${r}"><v>${next()}</v></c><c r="B${r}"><v>${next() % 9973}</v></c></row>`,
    );
  const text = (s: string) => new TextEncoder().encode(s);
  return makeDeflatedZip({
    "[Content_Types].xml": text(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    "xl/workbook.xml": text(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    "xl/_rels/workbook.xml.rels": text(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": text(
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`,
    ),
  });
}

interface Probe {
  at: number;
  ms: number;
  status: number;
}

// The prober is a thread of its own: this thread builds and sends 16 MB bodies, which would delay
// its own probes and make the server look slow.
const PROBER = `
const { parentPort, workerData } = require("node:worker_threads");
const { base, everyMs } = workerData;
const probes = [];
let running = true;
parentPort.on("message", () => { running = false; });
(async () => {
  while (running) {
    const at = Date.now();
    let status = 0;
    try {
      const r = await fetch(base + "/api/health/live", { signal: AbortSignal.timeout(5000) });
      status = r.status;
      await r.arrayBuffer();
    } catch {}
    probes.push({ at, ms: Date.now() - at, status });
    await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - at))));
  }
  parentPort.postMessage(probes);
})();
`;

/** GET /api/health/live every `everyMs` from another thread until stopped; a failed probe is status 0. */
function probeLoop(base: string, everyMs: number): { stop: () => Promise<Probe[]> } {
  const worker = new Worker(PROBER, { eval: true, workerData: { base, everyMs } });
  const done = new Promise<Probe[]>((resolve, reject) => {
    worker.once("message", (probes: Probe[]) => resolve(probes));
    worker.once("error", reject);
  });
  return {
    stop: async () => {
      worker.postMessage("stop");
      const probes = await done;
      await worker.terminate();
      return probes;
    },
  };
}

/** The child's resident memory (VmRSS, its threads included) every `everyMs`. */
function rssLoop(pid: number, everyMs: number): { stop: () => number } {
  let peak = 0;
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {
      // the process is gone: the probes say so
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return peak;
    },
  };
}

interface Attack {
  name: string;
  path: string;
  fileName: string;
  bytes: Uint8Array;
  /** What the refusal's message must name. */
  limit: RegExp;
}

interface Outcome {
  name: string;
  size: number;
  status: number;
  code: string;
  message: string;
  ms: number;
  probes: Probe[];
  peakRssMb: number;
  ok: boolean;
}

async function send(
  base: string,
  client: Client,
  attack: Attack,
): Promise<{ status: number; body: ApiErrorBody }> {
  const form = new FormData();
  form.append("file", new Blob([attack.bytes]), attack.fileName);
  const r = await fetch(`${base}${attack.path}`, {
    method: "POST",
    headers: { cookie: client.cookie, "x-csrf-token": client.csrf },
    body: form,
  });
  const text = await r.text();
  try {
    return { status: r.status, body: JSON.parse(text) as ApiErrorBody };
  } catch {
    return { status: r.status, body: { code: "", message: text.slice(0, 200), details: {} } };
  }
}

async function main(): Promise<number> {
  const o = options();
  const dir = mkdtempSync(join(tmpdir(), "plantrack-attack-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PLANTRACK_DB: join(dir, "plantrack.db"),
    PLANTRACK_ADMIN_PASSWORD: PASSWORD,
    PLANTRACK_DEMO_PASSWORD: PASSWORD,
    PLANTRACK_LOG_LEVEL: "warn",
    PLANTRACK_SCHEDULER: "off",
  };
  delete env.DATABASE_URL;
  let server: Server | null = null;
  try {
    const attacks: Attack[] = [];
    server = startServer(env, port);
    const readyMs = await waitReady(base, server);
    const pid = server.child.pid as number;
    console.log(`server ready in ${readyMs} ms (pid ${pid}, demo seeded)`);
    const planner = await signIn(base, "planner", PASSWORD);
    const planId = await demoPlanId(base, planner);
    console.log("making the files: a zip bomb, a million-row CSV, a million-row .xlsx …");
    attacks.push(
      {
        name: "zip bomb .docx → import",
        path: "/api/plans/import",
        fileName: "计划.docx",
        bytes: zipBomb(),
        limit: /MB|解压/,
      },
      {
        name: "1 M-row CSV → 任务分解表 preview",
        path: `/api/plans/${planId}/breakdown/preview`,
        fileName: "分解表.csv",
        bytes: millionRowCsv(),
        limit: /20000 行/,
      },
      {
        name: "1 M-row .xlsx → ledger preview",
        path: `/api/plans/${planId}/ledger/preview`,
        fileName: "台账.xlsx",
        bytes: millionRowXlsx(),
        limit: /20000 行|MB/,
      },
    );
    const outcomes: Outcome[] = [];
    for (const attack of attacks) {
      await sleep(500);
      const probe = probeLoop(base, o.probeMs);
      const rss = rssLoop(pid, o.probeMs);
      const started = Date.now();
      const { status, body } = await send(base, planner, attack);
      const ms = Date.now() - started;
      // Probing on a moment after the answer: the work a refusal leaves behind (a worker still
      // stopping, memory given back) must not stall the server either.
      await sleep(1_000);
      const probes = await probe.stop();
      const peakRssMb = rss.stop();
      const slowest = Math.max(...probes.map((p) => p.ms));
      const ok =
        (status === 413 || status === 422) &&
        attack.limit.test(body.message) &&
        probes.length > 0 &&
        probes.every((p) => p.status === 200) &&
        slowest < o.maxProbeMs &&
        peakRssMb < o.maxRssMb;
      outcomes.push({
        name: attack.name,
        size: attack.bytes.length,
        status,
        code: body.code,
        message: body.message,
        ms,
        probes,
        peakRssMb,
        ok,
      });
    }
    console.log("");
    for (const r of outcomes) {
      const slowest = Math.max(...r.probes.map((p) => p.ms));
      const failed = r.probes.filter((p) => p.status !== 200).length;
      console.log(
        `${r.ok ? "PASS" : "FAIL"}  ${r.name}: ${(r.size / MB).toFixed(1)} MB → ${r.status} ${r.code} in ${r.ms} ms — “${r.message}”`,
      );
      console.log(
        `      /api/health/live: ${r.probes.length} probes, slowest ${slowest} ms (limit ${o.maxProbeMs}), ${failed} failed; server RSS peak ${r.peakRssMb.toFixed(0)} MB (limit ${o.maxRssMb})`,
      );
    }
    const passed = outcomes.every((r) => r.ok);
    console.log(passed ? "\nattack test: PASS" : "\nattack test: FAIL");
    return passed ? 0 : 1;
  } finally {
    if (server) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
