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
  // Tables and annotations (src/extract/tables.ts, annotations.ts): every row is read against the
  // header, and every short line is asked whether it heads a column.
  {
    name: "table-tab-rows",
    shape: "指标\\t单位\\t2020年\\t2025年 … then one tab-separated row per line",
    build: (n) =>
      `指标\t单位\t2020年\t2025年\t年均增长\t属性\n${repeatTo("地区生产总值\t亿元\t1200\t1600\t6左右\t预期性\n", n - 30)}`,
  },
  {
    name: "table-cell-per-line",
    shape: "序号\\n指标名称\\n单位 … then one cell per line, merged cells",
    build: (n) =>
      `序号\n类型\n指标名称\n单位\n2025年目标值\n属性\n${repeatTo("1\n民生\n新增就业\n万人\n>2\n约束性\n2\n新增学位\n个\n—\n预期性\n", n - 30)}`,
  },
  {
    name: "table-header-words",
    shape: "指标\\n单位\\n2025年\\n属性\\n … (headers only)",
    build: (n) => repeatTo("指标\n单位\n2025年\n属性\n", n),
  },
  {
    name: "table-pdf-spaced",
    shape: "指标  单位  2025年 then spaced rows, page numbers, prose with double spaces",
    build: (n) =>
      `指标名称    单位    2025年目标\n${repeatTo("城镇调查  失业率  %  5.5以内\n— 3 —\n推进城市  更新建设  项目\n", n - 24)}`,
  },
  {
    name: "annotations",
    shape: "推进改造。（牵头单位：…；配合单位：…；完成时限：2020年6月底前） …",
    build: (n) =>
      repeatTo(
        "推进改造。（牵头单位：区发改委；配合单位：区财政局、区住建委；完成时限：2020年6月底前）\n",
        n,
      ),
  },
  { name: "annotation-keys", shape: "牵头单位：牵头单位： …", build: (n) => repeatTo("牵头单位：", n) },
  {
    // Every upper header row asks the next line whether it names the columns under a spanning cell.
    name: "table-two-row-headers",
    shape: "指标\t规划目标\t\t属性 / 指标\t2020年\t2025年\t属性 / row, repeated",
    build: (n) =>
      repeatTo("指标\t规划目标\t\t属性\n指标\t2020年\t2025年\t属性\n森林覆盖率（%）\t40\t42\t约束性\n", n),
  },
  {
    // What a flattened PDF of a task plan gives: a table, page furniture, prose and annotated tasks.
    name: "mixed-tables-pdf-annotations",
    shape: "tab rows, spaced rows, — 3 —, annotated tasks and prose, interleaved",
    build: (n) =>
      repeatTo(
        [
          "类别\t指标\t单位\t2020年\t2025年\t年均增长\t属性",
          "经济发展\t地区生产总值\t亿元\t1200\t1600\t6左右\t预期性",
          "指标名称    单位    2025年目标",
          "城镇调查  失业率  %  5.5以内",
          "— 3 —",
          "1.推进老旧小区改造12个。（牵头单位：区住建委；配合单位：区财政局；完成时限：2020年6月底前）",
          "责任单位：区发改委、区商务局",
          "全年新增就业4万人以上，城镇调查失业率控制在5.5%以内。",
          "",
        ].join("\n"),
        n,
      ),
  },
  {
    name: "paren-leads",
    shape: "（区发改委牵头，区财政局（区发改委牵头 … (unclosed)",
    build: (n) => repeatTo("（区发改委牵头，区财政局", n),
  },
];
