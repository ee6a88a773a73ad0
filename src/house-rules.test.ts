// The house plan of DEVELOPERS.md, checked on every run: arrows point down (storage, use cases, rules,
// reading and reports import nothing from the transport layer, the CLI or the web app), and no file
// takes part in an import circle. Each failure names the file and line.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importCircles, importGraph, importsOf } from "./test/import-graph.ts";

const ROOT = join(import.meta.dirname, "..");

/** The lower floors, and the upper ones they may not reach. */
const LOWER = [
  "src/contract/",
  "src/domain/",
  "src/extract/",
  "src/db/",
  "src/services/",
  "src/reports/",
  "src/generate/",
];
const UPPER = ["src/http/", "src/cli/", "web/"];
/** Pure floors: no storage either. */
const PURE = ["src/contract/", "src/domain/", "src/extract/"];
const STORAGE = ["src/db/", "src/services/"];

const isUnder = (path: string, prefixes: readonly string[]) => prefixes.some((p) => path.startsWith(p));

describe("the import graph reader", () => {
  it("reads static, type-only, multi-line and dynamic imports and skips comments and packages", () => {
    const text = [
      'import { a } from "./a.ts";',
      'import type { B } from "../b.ts";',
      "import {",
      "  c,",
      "  d,",
      '} from "./cd.ts";',
      '// import { x } from "./commented.ts";',
      'export { e } from "./e.ts";',
      'const f = await import("./f.ts");',
      'import fastify from "fastify";',
    ].join("\n");
    const edges = importsOf(ROOT, join(ROOT, "src/db/x.ts"), text);
    expect(edges.map((e) => [e.to, e.line, e.typeOnly])).toEqual([
      ["src/db/a.ts", 1, false],
      ["src/b.ts", 2, true],
      ["src/db/cd.ts", 3, false],
      ["src/db/e.ts", 8, false],
      ["src/db/f.ts", 9, false],
    ]);
  });

  it("finds circles of two, of three and a file importing itself, and none in a tree", () => {
    const edge = (from: string, to: string) => ({ from, to, line: 1, typeOnly: false });
    expect(importCircles([edge("a", "b"), edge("b", "a"), edge("b", "c")])).toEqual([["a", "b"]]);
    expect(importCircles([edge("a", "b"), edge("b", "c"), edge("c", "a")])).toEqual([["a", "b", "c"]]);
    expect(importCircles([edge("a", "a")])).toEqual([["a"]]);
    expect(importCircles([edge("a", "b"), edge("a", "c"), edge("b", "c")])).toEqual([]);
  });
});

describe("the house plan", () => {
  const edges = importGraph(ROOT, ["src", "web/src", "web/e2e", "bench", "scripts"]);

  it("reads the whole project", () => {
    expect(edges.length).toBeGreaterThan(500);
  });

  it("has no arrow from a lower floor to http, cli or web", () => {
    const upward = edges
      .filter((e) => isUnder(e.from, LOWER) && isUnder(e.to, UPPER))
      .map((e) => `${e.from}:${e.line} imports ${e.to}`);
    expect(upward, `imports that run up the house:\n${upward.join("\n")}`).toEqual([]);
  });

  it("keeps the contract, the rules and the reader free of storage and services", () => {
    const impure = edges
      .filter((e) => isUnder(e.from, PURE) && isUnder(e.to, [...STORAGE, "src/reports/", "src/generate/"]))
      .map((e) => `${e.from}:${e.line} imports ${e.to}`);
    expect(impure, `pure floors importing storage:\n${impure.join("\n")}`).toEqual([]);
  });

  it("lets the contract import only the contract and the pure rules' types", () => {
    const wide = edges
      .filter((e) => e.from.startsWith("src/contract/") && !isUnder(e.to, PURE))
      .map((e) => `${e.from}:${e.line} imports ${e.to}`);
    expect(wide, wide.join("\n")).toEqual([]);
  });

  it("has no import circle", () => {
    const circles = importCircles(edges).map((files) => files.join(" ↔ "));
    expect(circles, `import circles:\n${circles.join("\n")}`).toEqual([]);
  });
});
