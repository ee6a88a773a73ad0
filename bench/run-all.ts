// Runs every bench/*-bench.ts in turn (`npm run bench`); `npm run bench -- extraction` runs only the
// benchmarks whose file name contains one of the words given. Each benchmark exports `run()`, prints
// its own table and writes bench/results/NAME.json. A benchmark that throws makes the exit code 1;
// slow figures never do.

import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface BenchModule {
  run?: () => unknown;
}

const benchDir = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith("-bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

if (files.length === 0) console.log(`no benchmark matches ${filters.join(" ") || "bench/*-bench.ts"}`);
const started = Date.now();
for (const file of files) {
  const t0 = Date.now();
  console.log(`\n=== ${file}`);
  try {
    const mod = (await import(pathToFileURL(`${benchDir}/${file}`).href)) as BenchModule;
    if (typeof mod.run !== "function") throw new Error(`${file} does not export run()`);
    await mod.run();
  } catch (error) {
    console.error(`${file} failed:`, error);
    process.exitCode = 1;
  }
  console.log(`=== ${file}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
console.log(`\nbenchmarks: ${files.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
