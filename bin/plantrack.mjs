#!/usr/bin/env node
// Runs the TypeScript sources through tsx so that `npx plantrack` works right after `npm install`,
// with no build step that could go stale.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
