// Shared helpers of the benchmarks: timing statistics, memory, machine description, tables and results.
// Benchmarks only print and record figures; nothing here ever fails a run because of a time.

import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";

/** The repository root, whatever the working directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const RESULTS_DIR = resolve(REPO_ROOT, "bench", "results");

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Wall-clock milliseconds taken by one call, the CPU milliseconds this process spent meanwhile (all its
 * threads, GC included), and what it returned. CPU time hardly moves when a busy neighbour shares the
 * machine, which makes it the better figure for how time grows with size.
 */
export function timed<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

let collect: (() => void) | null = null;
/** A full garbage collection, so that heap figures are what is retained rather than what is pending. */
export function fullGc(): void {
  if (!collect) {
    // The bench runs under plain `node` (no --expose-gc flag): switch the flag on and fetch gc() from a fresh context.
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  }
  collect();
}

/** Peak resident set size of this process so far, in bytes. */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export function heapUsed(): number {
  return process.memoryUsage().heapUsed;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function formatMachine(m: MachineInfo): string {
  return `${m.cpu} × ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node}, load ${m.loadAverage.join(" / ")}`;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms >= 120_000) return `${(ms / 60_000).toFixed(0)} min`;
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function formatRate(charsPerSecond: number): string {
  if (charsPerSecond >= 1e6) return `${(charsPerSecond / 1e6).toFixed(2)} M/s`;
  return `${(charsPerSecond / 1e3).toFixed(0)} k/s`;
}

export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? "-" : "";
  return `${sign}${(Math.abs(bytes) / 2 ** 20).toFixed(1)} MB`;
}

/** A plain text table: the first row is the header; numbers are right-aligned by the caller's strings. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(cell));
    });
  }
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => cell + " ".repeat((widths[i] ?? 0) - width(cell)))
      .join("  ")
      .trimEnd();
  const [head, ...body] = rows;
  if (!head) return "";
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/** Writes bench/results/NAME.json (kept out of git by bench/.gitignore) and returns its path. */
export function writeResults(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = resolve(RESULTS_DIR, `${name}.json`);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  return path;
}

/** True when the module at `metaUrl` is the entry file run by bin/run-ts.mjs (not imported by run-all). */
export function isEntry(metaUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && resolve(entry) === fileURLToPath(metaUrl);
}
