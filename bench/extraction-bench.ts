// Extraction benchmark (issue 2): how fast extractPlan reads 1 MB of plan text, as a ratio to one
// pass of a single simple regular expression over the same text in the same run, and whether hostile
// 1 MB inputs (digits, punctuation, 万, white space, HTML-looking runs) stay within a few times the
// ordinary text — no catastrophic backtracking, nothing quadratic. It prints; it never asserts on time.
// Run alone: node bin/run-ts.mjs bench/extraction-bench.ts (or all benchmarks: npm run bench).

import { fork } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extractPlan } from "../src/extract/extract-plan.ts";
import {
  formatBytes,
  formatMachine,
  formatMs,
  formatRate,
  fullGc,
  heapUsed,
  isEntry,
  machineInfo,
  median,
  peakRss,
  REPO_ROOT,
  table,
  timed,
  writeResults,
} from "./bench-util.ts";
import type { ChildConfig, ChildMessage, LadderStep } from "./extraction-hostile-child.ts";
import { HOSTILE_CASES, type HostileCase, loadCorpus, ONE_MB, repeatTo } from "./extraction-inputs.ts";

const WARMUP_RUNS = 1;
const RUNS = 5;
const BASELINE_WARMUP_RUNS = 3;
const BASELINE_RUNS = 15;
/** The simple regular expression of the baseline: a number, an optional 万/亿 and a unit. */
const BASELINE_PATTERN = /\d+(?:\.\d+)?[万亿]?[%个家人]/g;
/** Hostile ladder: 1 MB / 2**LADDER_STEPS up to 1 MB, doubling. */
const LADDER_STEPS = 8;
/** A ladder step predicted to take longer than 4× the ordinary text (within 2–5 s) is not run. */
const STEP_BUDGET_MIN_MS = 2000;
const STEP_BUDGET_MAX_MS = 5000;
/** Hard limit for one hostile case (its child process is killed after it). */
const CASE_LIMIT_MS = 20_000;
/** Growth exponent (time ∝ size^k) above which a path counts as super-linear. */
const SUPERLINEAR_EXPONENT = 1.5;
/** "A few times" the ordinary text: up to this ratio a hostile input is fine. */
const SLOW_RATIO = 5;

interface HostileResult {
  name: string;
  shape: string;
  steps: LadderStep[];
  /** Time at 1 MB, measured or (when the ladder stopped early) extrapolated. */
  msAt1Mb: number;
  measuredAt1Mb: boolean;
  /** Time ∝ size^exponent over the last doubling measured. */
  exponent: number | null;
  ratioToNormal: number;
  superlinear: boolean;
  /**
   * ok: within a few × the ordinary text and linear; check: within a few × but the fit looks steep
   * (usually a noisy machine: run again); slow: linear but beyond a few ×; super-linear: both.
   */
  verdict: "ok" | "check" | "slow" | "super-linear" | "error";
  targetsAt1Mb: number | null;
  peakRssBytes: number | null;
  heapRetainedBytes: number | null;
  note: string | null;
}

function countMatches(text: string): number {
  BASELINE_PATTERN.lastIndex = 0;
  let count = 0;
  while (BASELINE_PATTERN.exec(text) !== null) count++;
  return count;
}

/**
 * Exponent k of CPU time ∝ size^k: a least-squares fit of log time on log size over the last three
 * steps long enough to mean something (single doublings are too noisy on a shared machine).
 */
function growthExponent(steps: readonly LadderStep[]): number | null {
  const usable = steps.filter((s) => s.cpuMs >= 30).slice(-3);
  if (usable.length < 2) return null;
  const xs = usable.map((s) => Math.log(s.size));
  const ys = usable.map((s) => Math.log(s.cpuMs));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] as number) - my);
    den += (x - mx) ** 2;
  });
  return den > 0 ? num / den : null;
}

interface ChildOutcome {
  messages: ChildMessage[];
  killed: boolean;
  exitCode: number | null;
  stderr: string;
}

function runHostileChild(config: ChildConfig): Promise<ChildOutcome> {
  const runner = resolve(REPO_ROOT, "bin", "run-ts.mjs");
  const entry = fileURLToPath(new URL("./extraction-hostile-child.ts", import.meta.url));
  return new Promise((done) => {
    const messages: ChildMessage[] = [];
    let killed = false;
    let stderr = "";
    const child = fork(runner, [entry, JSON.stringify(config)], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "inherit", "pipe", "ipc"],
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, CASE_LIMIT_MS);
    child.on("message", (m) => messages.push(m as ChildMessage));
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      done({ messages, killed, exitCode, stderr });
    });
  });
}

async function measureHostile(
  hostile: HostileCase,
  normalMs: number,
  stepBudgetMs: number,
): Promise<HostileResult> {
  const { messages, killed, exitCode, stderr } = await runHostileChild({
    name: hostile.name,
    maxSize: ONE_MB,
    ladderSteps: LADDER_STEPS,
    stepBudgetMs,
  });
  const steps: LadderStep[] = [];
  let peakRssBytes: number | null = null;
  let heapRetainedBytes: number | null = null;
  let note: string | null = killed ? `killed after ${CASE_LIMIT_MS / 1000} s` : null;
  for (const m of messages) {
    if (m.type === "step") steps.push(m.step);
    else if (m.type === "done") {
      peakRssBytes = m.peakRssBytes;
      heapRetainedBytes = m.heapRetainedBytes;
    } else if (m.type === "stopped") note = "stopped";
    else if (m.type === "error") note = `error: ${m.message}`;
  }
  if (steps.length === 0 && !note) {
    const reason = stderr.split("\n").find((l) => /error/i.test(l)) ?? stderr.split("\n")[0] ?? "";
    note = `error: child exited with ${exitCode}${reason ? `: ${reason.trim().slice(0, 160)}` : ""}`;
  }
  const last = steps.at(-1);
  const exponent = growthExponent(steps);
  const measuredAt1Mb = last?.size === ONE_MB;
  let msAt1Mb = Number.NaN;
  if (last && measuredAt1Mb) msAt1Mb = last.ms;
  else if (last) msAt1Mb = last.ms * (ONE_MB / last.size) ** Math.max(1, exponent ?? 1);
  if (last && !measuredAt1Mb && note === "stopped") {
    note = `1 MB not run: extrapolated from ${(last.size / 1000).toFixed(1)} k chars`;
  }
  const superlinear = (exponent ?? 0) > SUPERLINEAR_EXPONENT;
  const ratioToNormal = msAt1Mb / normalMs;
  return {
    name: hostile.name,
    shape: hostile.shape,
    steps,
    msAt1Mb,
    measuredAt1Mb,
    exponent,
    ratioToNormal,
    superlinear,
    verdict: !last
      ? "error"
      : ratioToNormal > SLOW_RATIO
        ? superlinear
          ? "super-linear"
          : "slow"
        : superlinear
          ? "check"
          : "ok",
    targetsAt1Mb: measuredAt1Mb ? (last?.targets ?? null) : null,
    peakRssBytes,
    heapRetainedBytes,
    note,
  };
}

export async function run(): Promise<void> {
  const started = Date.now();
  const corpus = loadCorpus();
  if (!corpus) {
    console.log(
      "extraction bench: 没有语料 — no corpus: neither ../shared/corpus/dev/*.txt nor examples/nankai-2020.txt; skipped.",
    );
    return;
  }
  const machine = machineInfo();
  const text = repeatTo(corpus.text, ONE_MB, "\n\n");
  const repeats = ONE_MB / (corpus.text.length + 2);
  console.log(`extraction bench — ${formatMachine(machine)}`);
  console.log(
    `corpus: ${corpus.sources.length} file(s), ${corpus.text.length} chars, repeated ×${repeats.toFixed(1)} to ${ONE_MB} chars`,
  );

  // (a) extractPlan over the 1 MB text.
  fullGc();
  const rssBefore = peakRss();
  const heapBefore = heapUsed();
  for (let i = 0; i < WARMUP_RUNS; i++) extractPlan(text);
  // The first run over 1 MB on a fresh heap: what one call needs at its peak.
  const firstRunRssDelta = peakRss() - rssBefore;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let draft = extractPlan(text.slice(0, 1000));
  for (let i = 0; i < RUNS; i++) {
    const { ms, cpuMs, value } = timed(() => extractPlan(text));
    times.push(ms);
    cpuTimes.push(cpuMs);
    draft = value;
  }
  fullGc();
  const heapRetained = heapUsed() - heapBefore;
  const peakRssDelta = peakRss() - rssBefore;
  const normalMs = median(times);
  const extractRate = ONE_MB / (normalMs / 1000);

  // The same text at smaller sizes, for the growth of ordinary text (best of two runs each).
  const normalSteps: LadderStep[] = [];
  for (const size of [ONE_MB / 8, ONE_MB / 4, ONE_MB / 2]) {
    const part = text.slice(0, size);
    const first = timed(() => extractPlan(part));
    const second = timed(() => extractPlan(part));
    normalSteps.push({
      size,
      ms: Math.min(first.ms, second.ms),
      cpuMs: Math.min(first.cpuMs, second.cpuMs),
      runs: 2,
      targets: first.value.targets.length,
    });
  }
  normalSteps.push({
    size: ONE_MB,
    ms: Math.min(...times),
    cpuMs: Math.min(...cpuTimes),
    runs: RUNS,
    targets: draft.targets.length,
  });
  const normalExponent = growthExponent(normalSteps);

  // (b) the baseline: one pass of one simple regular expression over the same text.
  let matches = 0;
  for (let i = 0; i < BASELINE_WARMUP_RUNS; i++) matches = countMatches(text);
  const baselineTimes: number[] = [];
  for (let i = 0; i < BASELINE_RUNS; i++) baselineTimes.push(timed(() => countMatches(text)).ms);
  const baselineMs = median(baselineTimes);
  const baselineRate = ONE_MB / (baselineMs / 1000);
  const slowdown = normalMs / baselineMs;

  console.log("");
  console.log(
    table([
      ["1 MB ordinary text", "median", "min–max", "chars/s", "ratio", "output"],
      [
        `extractPlan (${RUNS} runs)`,
        formatMs(normalMs),
        `${formatMs(Math.min(...times))}–${formatMs(Math.max(...times))}`,
        formatRate(extractRate),
        `${(extractRate / baselineRate).toFixed(4)} of baseline`,
        `${draft.targets.length} targets, ${draft.tasks.length} tasks, ${draft.outline.length} headings`,
      ],
      [
        `baseline regex (${BASELINE_RUNS} runs)`,
        formatMs(baselineMs),
        `${formatMs(Math.min(...baselineTimes))}–${formatMs(Math.max(...baselineTimes))}`,
        formatRate(baselineRate),
        "1",
        `${matches} matches of ${BASELINE_PATTERN}`,
      ],
    ]),
  );
  console.log(
    `extractPlan takes ${slowdown.toFixed(0)}× the time of the baseline pass; ordinary text grows as n^${normalExponent?.toFixed(2) ?? "?"} ` +
      `(best CPU time: ${normalSteps.map((s) => `${s.size / 1000}k ${formatMs(s.cpuMs)}`).join(", ")})`,
  );
  console.log(
    `memory: peak RSS +${formatBytes(firstRunRssDelta)} for the first 1 MB call, +${formatBytes(peakRssDelta)} ` +
      `over all ${WARMUP_RUNS + RUNS} (process peak ${formatBytes(peakRss())}), ` +
      `heap retained with one draft alive ${formatBytes(heapRetained)}`,
  );

  // (c) hostile inputs, each in its own child process so that a quadratic path cannot hang the run.
  const stepBudgetMs = Math.min(STEP_BUDGET_MAX_MS, Math.max(STEP_BUDGET_MIN_MS, 4 * normalMs));
  console.log("");
  console.log(
    `hostile inputs (1 MB each; ladder ${Math.round(ONE_MB / 2 ** LADDER_STEPS / 1000)}k → 1 MB, ` +
      `step budget ${(stepBudgetMs / 1000).toFixed(1)} s; ` +
      `CPU time ∝ n^k fitted on the last 3 steps; fine: ≤ ${SLOW_RATIO}× ordinary and k ≤ ${SUPERLINEAR_EXPONENT}):`,
  );
  const hostile: HostileResult[] = [];
  for (const c of HOSTILE_CASES) hostile.push(await measureHostile(c, normalMs, stepBudgetMs));
  const rows = hostile.map((h) => [
    h.name,
    h.shape,
    Number.isFinite(h.msAt1Mb) ? `${h.measuredAt1Mb ? "" : "≈"}${formatMs(h.msAt1Mb)}` : "—",
    Number.isFinite(h.ratioToNormal)
      ? `${h.measuredAt1Mb ? "" : "≈"}${h.ratioToNormal.toFixed(h.ratioToNormal < 10 ? 2 : 0)}×`
      : "—",
    h.exponent === null ? "—" : h.exponent.toFixed(2),
    h.verdict === "ok" ? "ok" : h.verdict.toUpperCase(),
    h.peakRssBytes === null ? "—" : formatBytes(h.peakRssBytes),
    h.note ?? "",
  ]);
  console.log(
    table([["case", "input", "time @1 MB", "vs ordinary", "k", "verdict", "peak RSS", "note"], ...rows]),
  );

  const bad = hostile.filter((h) => h.verdict !== "ok");
  const worst = [...hostile].sort((a, b) => b.ratioToNormal - a.ratioToNormal)[0];
  const summary =
    `extraction: ${formatRate(extractRate)} (1 MB in ${formatMs(normalMs)}), ${slowdown.toFixed(0)}× one regex pass; ` +
    `hostile: ${hostile.length - bad.length}/${hostile.length} ok` +
    (worst
      ? `, worst ${worst.name} ${worst.measuredAt1Mb ? "" : "≈"}${formatMs(worst.msAt1Mb)} (${worst.ratioToNormal.toFixed(worst.ratioToNormal < 10 ? 1 : 0)}× ordinary)`
      : "") +
    (bad.length > 0 ? `; not ok: ${bad.map((h) => `${h.name} (${h.verdict})`).join(", ")}` : "");
  console.log("");
  console.log(summary);

  const path = writeResults("extraction", {
    benchmark: "extraction",
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 100) / 10,
    machine,
    corpus: { sources: corpus.sources, chars: corpus.text.length, repeatedTo: ONE_MB, repeats },
    extract: {
      runs: times,
      cpuRuns: cpuTimes,
      medianMs: normalMs,
      charsPerSecond: extractRate,
      targets: draft.targets.length,
      tasks: draft.tasks.length,
      headings: draft.outline.length,
      scaling: normalSteps,
      exponent: normalExponent,
    },
    baseline: {
      pattern: String(BASELINE_PATTERN),
      runs: baselineTimes,
      medianMs: baselineMs,
      charsPerSecond: baselineRate,
      matches,
    },
    ratio: { extractOverBaselineSpeed: extractRate / baselineRate, extractOverBaselineTime: slowdown },
    memory: {
      firstRunPeakRssDeltaBytes: firstRunRssDelta,
      peakRssDeltaBytes: peakRssDelta,
      peakRssBytes: peakRss(),
      heapRetainedBytes: heapRetained,
    },
    hostile: {
      ladderFrom: Math.round(ONE_MB / 2 ** LADDER_STEPS),
      stepBudgetMs,
      caseLimitMs: CASE_LIMIT_MS,
      superlinearExponent: SUPERLINEAR_EXPONENT,
      slowRatio: SLOW_RATIO,
      cases: hostile,
    },
    summary,
  });
  console.log(
    `results: ${path.replace(`${REPO_ROOT}/`, "")} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

if (isEntry(import.meta.url)) await run();
