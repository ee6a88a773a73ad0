// Inputs of the extraction benchmark: the dev corpus repeated to a given size, and hostile texts
// (digits, punctuation, 万, white space, HTML-looking runs) built to find super-linear paths.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, relative, resolve } from "node:path";
import { REPO_ROOT } from "./bench-util.ts";

export const ONE_MB = 1_000_000;

export interface Corpus {
  /** Where the text came from, relative to the repository root. */
  sources: string[];
  /** The files joined once, before repetition. */
  text: string;
}

/** The *.txt files of ../shared/corpus/dev, else examples/nankai-2020.txt, else null. */
export function loadCorpus(): Corpus | null {
  const dev = resolve(REPO_ROOT, "..", "shared", "corpus", "dev");
  let files: string[] = [];
  if (existsSync(dev)) {
    files = readdirSync(dev)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => resolve(dev, f));
  }
  if (files.length === 0) {
    const example = resolve(REPO_ROOT, "examples", "nankai-2020.txt");
    if (existsSync(example)) files = [example];
  }
  if (files.length === 0) return null;
  const parts = files.map((f) => readFileSync(f, "utf8").replace(/^\uFEFF/, ""));
  return { sources: files.map((f) => relative(REPO_ROOT, f) || basename(f)), text: parts.join("\n\n") };
}

/** `unit` repeated and cut to exactly `size` UTF-16 characters. */
export function repeatTo(unit: string, size: number, separator = ""): string {
  const piece = unit + separator;
  return piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
}

export interface HostileCase {
  name: string;
  /** What the input looks like, for the table. */
  shape: string;
  build: (size: number) => string;
}

/**
 * Hostile inputs. The first ones are the generic shapes (runs of digits, punctuation and 万, HTML-looking
 * text, long lines); the last ones aim at the patterns of src/extract that read a run of one character
 * (white space, 、, quotation marks) or a list of time words. A case stays in the list once fixed, as a
 * guard against regressions.
 */
export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: "mixed-digits-wan",
    shape: "1万1.1万,,%%、、1111111万万万 …",
    build: (n) => repeatTo("1万1.1万,,%%、、1111111万万万", n),
  },
  {
    name: "digit-run",
    shape: "one run of digits, no unit",
    build: (n) => repeatTo("1234567890", n),
  },
  {
    name: "digit-runs-spaced",
    shape: "999…9 (1000 digits) + space …",
    build: (n) => repeatTo("9".repeat(1000), n, " "),
  },
  { name: "wan", shape: "万万万 …", build: (n) => repeatTo("万", n) },
  { name: "one-dot", shape: "1.1.1. …", build: (n) => repeatTo("1.", n) },
  {
    name: "numbers-thousands",
    shape: "1,234,567,… 1.5万亿%,",
    build: (n) => repeatTo("1,234,567,890,123.5万亿%,增长6%-6.5%~7%至8‰、", n),
  },
  { name: "numeral-units", shape: "十十十 … (Chinese numeral units)", build: (n) => repeatTo("十", n) },
  { name: "lt-run", shape: "<<<< …", build: (n) => repeatTo("<", n) },
  { name: "open-tags", shape: "<div <p <div <p …", build: (n) => repeatTo("<div <p ", n) },
  { name: "amp-run", shape: "&&&& …", build: (n) => repeatTo("&", n) },
  {
    name: "long-line",
    shape: "one line of 汉字, no punctuation",
    build: (n) => repeatTo("推进城市更新建设项目提升改造工程完成", n),
  },
  {
    name: "dense-targets-line",
    shape: "就业1万人就业1万人 … (no punctuation)",
    build: (n) => repeatTo("就业1万人", n),
  },
  {
    name: "targets-no-heading",
    shape: "就业1万人。就业1万人。 …",
    build: (n) => repeatTo("就业1万人。", n),
  },
  { name: "percent-list", shape: "5%,5%,5%, …", build: (n) => repeatTo("5%,", n) },
  { name: "spaces", shape: "1 MB of spaces", build: (n) => repeatTo(" ", n) },
  { name: "nbsp-entities", shape: "&nbsp;&nbsp; …", build: (n) => repeatTo("&nbsp;", n) },
  { name: "time-words", shape: "今年,今年, … (one paragraph)", build: (n) => repeatTo("今年,", n) },
  {
    name: "dunhao-run",
    shape: "就业、、、 … 、增5%",
    build: (n) => `就业${repeatTo("、", Math.max(0, n - 6))}增5%`,
  },
  {
    name: "quote-run",
    shape: "就业“““ … “增5%",
    build: (n) => `就业${repeatTo("“", Math.max(0, n - 6))}增5%`,
  },
];
