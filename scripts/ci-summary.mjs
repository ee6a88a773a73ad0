// Adds up the vitest JSON results of the CI run into the plain closing line "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync("test-results")) {
  for (const file of readdirSync("test-results").filter((f) => f.endsWith(".json"))) {
    const r = JSON.parse(readFileSync(`test-results/${file}`, "utf8"));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
