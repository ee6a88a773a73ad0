// Child process of the extraction benchmark: times extractPlan on one hostile input at growing sizes
// (a doubling ladder up to 1 MB) and reports each step to the parent as it goes. A quadratic path
// would take minutes at 1 MB, so the ladder stops when the next step is predicted to exceed the step
// budget, and the parent kills this process if it overruns anyway.
// Usage (from extraction-bench.ts): node bin/run-ts.mjs bench/extraction-hostile-child.ts '{"name":…}'

import { extractPlan } from "../src/extract/extract-plan.ts";
import { fullGc, heapUsed, peakRss, timed } from "./bench-util.ts";
import { HOSTILE_CASES, loadCorpus, repeatTo } from "./extraction-inputs.ts";

export interface ChildConfig {
  name: string;
  maxSize: number;
  /** Sizes below maxSize / 2**ladderSteps are not tried. */
  ladderSteps: number;
  stepBudgetMs: number;
}

export interface LadderStep {
  size: number;
  /** Best wall-clock time of the runs at this size. */
  ms: number;
  /** Best CPU time of the runs at this size. */
  cpuMs: number;
  runs: number;
  targets: number;
}

export type ChildMessage =
  | { type: "step"; step: LadderStep }
  | { type: "stopped"; predictedMs: number; nextSize: number }
  | { type: "done"; peakRssBytes: number; heapRetainedBytes: number | null }
  | { type: "error"; message: string };

function send(message: ChildMessage): Promise<void> {
  return new Promise((done) => {
    if (!process.send) done();
    else process.send(message, undefined, undefined, () => done());
  });
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? "{}") as ChildConfig;
  const hostile = HOSTILE_CASES.find((c) => c.name === config.name);
  if (!hostile) {
    await send({ type: "error", message: `unknown hostile case ${config.name}` });
    return;
  }
  // Warm the extractor up on ordinary text, so that the first steps do not pay for compilation.
  const corpus = loadCorpus();
  extractPlan(repeatTo(corpus?.text ?? "一、目标\n就业1万人。", 50_000, "\n\n"));

  let previous: LadderStep | null = null;
  let heapRetainedBytes: number | null = null;
  for (let k = config.ladderSteps; k >= 0; k--) {
    const size = Math.round(config.maxSize / 2 ** k);
    const input = hostile.build(size);
    fullGc();
    const heapBefore = heapUsed();
    let best = Number.POSITIVE_INFINITY;
    let bestCpu = Number.POSITIVE_INFINITY;
    let runs = 0;
    let targets = 0;
    // Short steps run more than once and keep the best, which filters out a busy neighbour on a shared
    // machine: three runs under 0.5 s, two under 1.5 s.
    do {
      const { ms, cpuMs, value } = timed(() => extractPlan(input));
      best = Math.min(best, ms);
      bestCpu = Math.min(bestCpu, cpuMs);
      targets = value.targets.length;
      runs++;
      if (k === 0 && runs === 1) {
        fullGc();
        heapRetainedBytes = heapUsed() - heapBefore;
      }
    } while ((runs < 2 && best < 1500) || (runs < 3 && best < 500));
    const step: LadderStep = { size, ms: best, cpuMs: bestCpu, runs, targets };
    await send({ type: "step", step });
    if (k > 0) {
      const growth = previous && previous.ms >= 5 ? Math.max(2, step.ms / previous.ms) : 2;
      const predictedMs = step.ms * growth;
      if (predictedMs > config.stepBudgetMs) {
        await send({ type: "stopped", predictedMs, nextSize: Math.round(config.maxSize / 2 ** (k - 1)) });
        break;
      }
    }
    previous = step;
  }
  await send({ type: "done", peakRssBytes: peakRss(), heapRetainedBytes });
}

try {
  await main();
} catch (error) {
  await send({ type: "error", message: error instanceof Error ? error.message : String(error) });
}
process.exit(0);
