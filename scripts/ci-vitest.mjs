// Runs `npm test` (vitest) for CI and keeps its JSON results, so that ci-summary.mjs can print one
// closing line that counts every pass (vitest's own summary is not one the CI reader knows).
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";

const label = process.argv[2] ?? "run";
mkdirSync("test-results", { recursive: true });
const result = spawnSync(
  "npm",
  [
    "test",
    "--",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=test-results/vitest-${label}.json`,
  ],
  { stdio: "inherit", env: process.env },
);
process.exit(result.status ?? 1);
