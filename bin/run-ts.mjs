#!/usr/bin/env node
// Runs one TypeScript entry file (a benchmark, a script) with the same loader as the CLI.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const entry = process.argv[2];
if (!entry) {
  console.error("usage: run-ts.mjs FILE.ts [ARGS…]");
  process.exit(2);
}
process.argv.splice(1, 1);
register();
await import(pathToFileURL(resolve(entry)).href);
