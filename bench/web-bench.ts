// The web bench (`npm run bench -- web`): what the leaders' cockpit costs a browser, as ratios to a
// baseline measured in the same run — the same cockpit answer shown as a bare antd Table
// (web/src/pages/cockpit/CockpitBaselinePage.tsx). The baseline is a hidden route compiled only into
// a build made with VITE_PLANTRACK_BENCH=1, so it shares the app's own chunks (react, antd, the app)
// and the difference is the cockpit's: its page chunk, ECharts, and drawing; production never ships it.
//
// Builds the web app into a temporary folder, starts `plantrack serve --seed-demo` on a temporary
// SQLite database (the demo plan with its reports, read at 2020-10-12), and in headless Chromium, in a
// fresh browser context each time (nothing cached), measures:
//   - gzip bytes of the JavaScript the page loads (each file gzipped at level 9 from the build folder);
//   - the time from navigation start to the cockpit's four charts drawn (ECharts' "finished"), and to
//     the baseline's table filled, as the page itself reports it (performance.now()), median of runs.

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { launchChromium } from "../web/e2e/browser.ts";
import { formatMachine, isEntry, machineInfo, median, REPO_ROOT, table, writeResults } from "./bench-util.ts";

const RUNS = Number(process.env.PLANTRACK_WEB_BENCH_RUNS ?? 7);
const PASSWORD = "Bench-Web-Key-2026!";

interface PageSpec {
  name: string;
  path: (planId: number) => string;
  /** How many elements carry data-drawn="true" once the page has drawn its data. */
  drawn: number;
}

const PAGES: PageSpec[] = [
  { name: "baseline: bare antd Table", path: (id) => `/plans/${id}/cockpit-baseline`, drawn: 1 },
  { name: "cockpit: 4 ECharts", path: (id) => `/plans/${id}/cockpit`, drawn: 4 },
];

function freePort(): Promise<number> {
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

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not come up within 90 s");
}

/** One cold load: JS files fetched, and the page's own time of drawing its data. */
async function measure(
  browser: Browser,
  baseUrl: string,
  cookies: { name: string; value: string }[],
  page: PageSpec,
  planId: number,
) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: "zh-CN" });
  try {
    await context.addCookies(cookies.map((c) => ({ ...c, url: baseUrl })));
    // Runs in the page: notes the first frame at which the expected number of drawn elements exists.
    // A string, not a function: tsx's transpiled functions call helpers the page does not have.
    await context.addInitScript(
      `(() => { const check = () => { if (document.querySelectorAll('[data-drawn="true"]').length >= ${page.drawn}) window.__drawnAt = performance.now(); else requestAnimationFrame(check); }; requestAnimationFrame(check); })();`,
    );
    const tab = await context.newPage();
    const scripts = new Set<string>();
    tab.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.add(new URL(r.url()).pathname);
    });
    await tab.goto(`${baseUrl}${page.path(planId)}`);
    try {
      await tab.waitForFunction(
        () => (globalThis as unknown as { __drawnAt?: number }).__drawnAt !== undefined,
        null,
        {
          timeout: 60_000,
        },
      );
    } catch (error) {
      const text = (await tab.locator("body").allInnerTexts()).join("\n").slice(0, 300).replace(/\s+/g, " ");
      throw new Error(`${page.name} did not draw at ${tab.url()}: “${text}”`, { cause: error });
    }
    const drawnAt = await tab.evaluate(() => (globalThis as unknown as { __drawnAt: number }).__drawnAt);
    return { drawnAt, scripts: [...scripts].sort() };
  } finally {
    await context.close();
  }
}

export async function run(): Promise<void> {
  const machine = machineInfo();
  console.log(`web bench — ${formatMachine(machine)}`);
  const dir = mkdtempSync(join(tmpdir(), "plantrack-webbench-"));
  const out = join(dir, "web");
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    console.log("building the web app (with the bench's baseline page)…");
    const build = spawnSync("npm", ["run", "--silent", "build:web", "--", "--outDir", out], {
      cwd: REPO_ROOT,
      env: { ...process.env, VITE_PLANTRACK_BENCH: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (build.status !== 0) throw new Error("npm run build:web failed");

    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      PLANTRACK_DB: join(dir, "plantrack.db"),
      PLANTRACK_ADMIN_PASSWORD: PASSWORD,
      PLANTRACK_DEMO_PASSWORD: PASSWORD,
      PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE: "1000",
    };
    delete env.DATABASE_URL;
    server = spawn(
      process.execPath,
      ["bin/plantrack.mjs", "serve", "--seed-demo", "--port", String(port), "--web", out],
      { cwd: REPO_ROOT, env, stdio: "ignore" },
    );
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, server);

    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "leader", password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`sign-in of leader → ${login.status}`);
    const cookies = login.headers.getSetCookie().map((c) => {
      const [pair = ""] = c.split(";");
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1) };
    });
    const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const plans = (await (
      await fetch(`${baseUrl}/api/plans`, { headers: { cookie: cookieHeader } })
    ).json()) as {
      id: number;
    }[];
    const planId = plans[0]?.id;
    if (planId === undefined) throw new Error("the demo plan is missing");

    browser = await launchChromium();
    // One load of each first (not counted): Chromium and the server warm up.
    for (const p of PAGES) await measure(browser, baseUrl, cookies, p, planId);
    const times = new Map<string, number[]>(PAGES.map((p) => [p.name, []]));
    const scripts = new Map<string, string[]>();
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, so a busy neighbour slows both alike.
      for (const p of PAGES) {
        const m = await measure(browser, baseUrl, cookies, p, planId);
        times.get(p.name)?.push(m.drawnAt);
        scripts.set(p.name, m.scripts);
      }
    }

    const gzipOf = (path: string) => gzipSync(readFileSync(join(out, path)), { level: 9 }).length;
    const rows = PAGES.map((p) => {
      const files = scripts.get(p.name) ?? [];
      const raw = files.reduce((sum, f) => sum + readFileSync(join(out, f)).length, 0);
      const gz = files.reduce((sum, f) => sum + gzipOf(f), 0);
      const list = times.get(p.name) ?? [];
      return { page: p.name, files, rawBytes: raw, gzipBytes: gz, medianMs: median(list), runsMs: list };
    });
    const [base, cockpit] = rows as [(typeof rows)[number], (typeof rows)[number]];
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    console.log(
      table([
        ["page", "JS files", "JS gzip", "JS raw", `navigation → drawn (median of ${RUNS})`],
        ...rows.map((r) => [
          r.page,
          String(r.files.length),
          kb(r.gzipBytes),
          kb(r.rawBytes),
          `${r.medianMs.toFixed(0)} ms`,
        ]),
        [
          "cockpit ÷ baseline",
          "",
          `${(cockpit.gzipBytes / base.gzipBytes).toFixed(2)}×`,
          `${(cockpit.rawBytes / base.rawBytes).toFixed(2)}×`,
          `${(cockpit.medianMs / base.medianMs).toFixed(2)}×`,
        ],
      ]),
    );
    const only = cockpit.files.filter((f) => !base.files.includes(f));
    console.log(
      `loaded by the cockpit only: ${only.map((f) => `${f.replace(/^\/assets\//, "")} (${kb(gzipOf(f))} gzip)`).join(", ")}`,
    );
    const path = writeResults("web", {
      machine,
      runs: RUNS,
      pages: rows,
      ratios: {
        gzipBytes: cockpit.gzipBytes / base.gzipBytes,
        rawBytes: cockpit.rawBytes / base.rawBytes,
        drawnMs: cockpit.medianMs / base.medianMs,
      },
    });
    console.log(`results: ${path}`);
  } finally {
    await browser?.close();
    if (server && server.exitCode === null) {
      const gone = new Promise((r) => server?.once("exit", r));
      server.kill("SIGTERM");
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isEntry(import.meta.url)) await run();
