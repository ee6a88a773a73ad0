import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mixedLines } from "../test/mixed-language.ts";
import type { CliIo } from "./cli-io.ts";
import { runCli } from "./run-cli.ts";

interface Captured {
  io: CliIo;
  out: () => string;
  err: () => string;
}

function capture(lang?: "en"): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const env = lang ? { PLANTRACK_LANG: lang } : {};
  return {
    io: { out: (t) => out.push(t), err: (t) => err.push(t), env, cwd: tmpdir() },
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

/** GB18030 bytes of a text: ASCII as is, every other character through a reverse map of GBK. */
function encodeGb18030(text: string): Uint8Array {
  // No iconv-lite here: decode every two-byte GBK sequence once and invert the table.
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = table.get(ch);
    if (!pair) throw new Error(`no two-byte GB18030 code for ${ch}`);
    bytes.push(...pair);
  }
  return Uint8Array.from(bytes);
}

const PLAN = [
  "滨湖区2021年国民经济和社会发展计划",
  "来源:江南市滨湖区发展和改革委员会 时间:2021-02-26 10:30:00",
  "",
  "一、2021年主要预期目标",
  "",
  "地区生产总值增长6.5%左右，一般公共预算收入增长4%，城镇调查失业率控制在5.5%以内。",
  "",
  "二、2021年重点任务",
  "",
  "（一）提升城区品质",
  "",
  "完善基础设施。新增绿地2.35万平方米，新建两所幼儿园，新增学前学位1,080个。",
  "",
].join("\n");

let dir = "";
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plantrack-extract-"));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface JsonTarget {
  start: number;
  end: number;
  subject: string;
  value: number;
  value2: number | null;
  unit: string;
  display: string;
  comparator: string;
  direction: string;
}

interface JsonDraft {
  meta: Record<string, unknown>;
  outline: { level: number; title: string; start: number; end: number }[];
  targets: JsonTarget[];
}

async function extractJson(file: string): Promise<{ code: number; draft: JsonDraft; err: string }> {
  const c = capture();
  const code = await runCli(["extract", "--json", file], c.io);
  return { code, draft: JSON.parse(c.out()) as JsonDraft, err: c.err() };
}

const essentials = (draft: JsonDraft) =>
  draft.targets.map((t) => ({
    subject: t.subject,
    value: t.value,
    value2: t.value2,
    unit: t.unit,
    comparator: t.comparator,
    direction: t.direction,
    start: t.start,
    end: t.end,
  }));

describe("plantrack extract --json", () => {
  it("prints one JSON object with meta, outline and targets", async () => {
    await writeFile(path("plan.txt"), PLAN, "utf8");
    const { code, draft, err } = await extractJson(path("plan.txt"));
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(draft.meta).toMatchObject({
      title: "滨湖区2021年国民经济和社会发展计划",
      region: "滨湖区",
      year: 2021,
      issuer: "江南市滨湖区发展和改革委员会",
      published: "2021-02-26",
    });
    expect(draft.outline.map((h) => h.title)).toContain("2021年主要预期目标");
    expect(draft.targets.map((t) => [t.value, t.unit])).toEqual([
      [6.5, "%"],
      [4, "%"],
      [5.5, "%"],
      [23500, "平方米"],
      [2, "所"],
      [1080, "个"],
    ]);
    for (const t of draft.targets) {
      expect(Object.keys(t)).toEqual(
        expect.arrayContaining([
          "start",
          "end",
          "subject",
          "value",
          "value2",
          "unit",
          "display",
          "comparator",
          "direction",
        ]),
      );
      expect(PLAN.slice(t.start, t.end)).toContain(t.display);
    }
  });

  it("reads a GB18030 file into the same targets as its UTF-8 twin", async () => {
    await writeFile(path("plan-utf8.txt"), PLAN, "utf8");
    const gbkBytes = encodeGb18030(PLAN);
    // The bytes are GB18030 indeed: they decode back to the plan, and they are not valid UTF-8.
    expect(new TextDecoder("gb18030").decode(gbkBytes)).toBe(PLAN);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbkBytes)).toThrow();
    await writeFile(path("plan-gbk.txt"), gbkBytes);
    const utf8 = await extractJson(path("plan-utf8.txt"));
    const gbk = await extractJson(path("plan-gbk.txt"));
    expect(gbk.code).toBe(0);
    expect(gbk.draft.targets.length).toBeGreaterThan(0);
    expect(essentials(gbk.draft)).toEqual(essentials(utf8.draft));
    expect(gbk.draft.meta).toEqual(utf8.draft.meta);
  });

  it("reads UTF-8 with a BOM, with offsets into the text without the BOM", async () => {
    await writeFile(path("plan-bom.txt"), `\uFEFF${PLAN}`, "utf8");
    await writeFile(path("plan-nobom.txt"), PLAN, "utf8");
    const bom = await extractJson(path("plan-bom.txt"));
    const plain = await extractJson(path("plan-nobom.txt"));
    expect(bom.code).toBe(0);
    expect(essentials(bom.draft)).toEqual(essentials(plain.draft));
    expect(bom.draft.meta.title).toBe("滨湖区2021年国民经济和社会发展计划");
    const first = bom.draft.targets[0] as JsonTarget;
    expect(PLAN.slice(first.start, first.end)).toBe("地区生产总值增长6.5%左右");
  });

  it("keeps CRLF in the text its offsets point into", async () => {
    const crlf = PLAN.replaceAll("\n", "\r\n");
    await writeFile(path("plan-crlf.txt"), crlf, "utf8");
    const { code, draft } = await extractJson(path("plan-crlf.txt"));
    expect(code).toBe(0);
    for (const t of draft.targets) expect(crlf.slice(t.start, t.end)).toContain(t.display);
  });

  it("prints a readable table without --json", async () => {
    await writeFile(path("plan-table.txt"), PLAN, "utf8");
    const c = capture();
    expect(await runCli(["extract", path("plan-table.txt")], c.io)).toBe(0);
    expect(c.out()).toContain("地区生产总值");
    expect(c.out()).toMatch(/^指标（\d+）：$/m);
    expect(c.out()).toMatch(/\[[\d.]+ %，增量，增速\]/);
    expect(() => JSON.parse(c.out())).toThrow();
    // The labels and the extractor's words in one language; the plan's own text as written.
    expect(mixedLines(c.out())).toEqual([]);
    const en = capture("en");
    expect(await runCli(["extract", path("plan-table.txt")], en.io)).toBe(0);
    expect(en.out()).toMatch(/^targets \(\d+\):$/m);
    expect(en.out()).toMatch(/\[[\d.]+ %, increase, rate\]/);
    expect(en.out()).not.toMatch(/指标（|增量|累计量|（建议）/);
  });
});

describe("plantrack extract on files it cannot read", () => {
  /** Runs extract (in English: the checks read English words) and checks for one error line naming the file. */
  async function failing(file: string): Promise<{ code: number; err: string; out: string }> {
    const c = capture("en");
    const code = await runCli(["extract", "--json", file], c.io);
    const err = c.err();
    expect(err.trimEnd().split("\n"), `stderr: ${err}`).toHaveLength(1);
    expect(err).toContain(file);
    return { code, err, out: c.out() };
  }

  it("rejects an empty file with exit code 2", async () => {
    await writeFile(path("empty.txt"), "");
    const { code, err, out } = await failing(path("empty.txt"));
    expect(code).toBe(2);
    expect(err).toContain("empty");
    expect(out).toBe("");
    const zh = capture();
    expect(await runCli(["extract", path("empty.txt")], zh.io)).toBe(2);
    expect(zh.err()).toBe(`plantrack extract: ${path("empty.txt")}: 文件为空\n`);
  });

  it("rejects a file of white space only as empty, exit code 2", async () => {
    await writeFile(path("blank.txt"), " \n\r\n\t\n");
    expect((await failing(path("blank.txt"))).code).toBe(2);
  });

  it("rejects a binary file (PNG header and NULs) named .txt with exit code 2", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);
    await writeFile(path("image.txt"), png);
    const { code, err, out } = await failing(path("image.txt"));
    expect(code).toBe(2);
    expect(err).toContain("binary");
    expect(out).toBe("");
  });

  it("rejects a file type it cannot read (.png) with exit code 2, naming the type", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);
    await writeFile(path("image.png"), png);
    const { code, err } = await failing(path("image.png"));
    expect(code).toBe(2);
    expect(err).toContain(".png");
  });

  it("rejects a missing file with the not_found exit code 3 (src/cli/exit-codes.ts)", async () => {
    const { code, err } = await failing(path("no-such-plan.txt"));
    expect(code).toBe(3);
    expect(err).toContain("not found");
    const zh = capture();
    expect(await runCli(["extract", path("no-such-plan.txt")], zh.io)).toBe(3);
    expect(zh.err()).toContain("文件不存在或无法读取");
    expect(zh.err()).not.toContain("not found");
  });

  it("rejects a directory with exit code 2", async () => {
    expect((await failing(dir)).code).toBe(2);
  });

  it("asks for exactly one FILE with exit code 2", async () => {
    const c = capture();
    expect(await runCli(["extract", "--json"], c.io)).toBe(2);
    expect(c.err().trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("plantrack --help", () => {
  it("exits 0 and lists the extract command", async () => {
    const c = capture();
    expect(await runCli(["--help"], c.io)).toBe(0);
    expect(c.out()).toContain("extract");
    expect(c.err()).toBe("");
  });

  it("exits 0 with the usage of extract for `extract --help`", async () => {
    const c = capture();
    expect(await runCli(["extract", "--help"], c.io)).toBe(0);
    expect(c.out()).toContain("--json");
  });

  it("exits 2 for an unknown command", async () => {
    const c = capture();
    expect(await runCli(["frobnicate"], c.io)).toBe(2);
    expect(c.err()).toContain("frobnicate");
  });
});

describe("plantrack extract --json on table rows and task annotations", () => {
  const FYP = [
    "滨湖区国民经济和社会发展第十四个五年规划纲要",
    "",
    "指标\t单位\t2020年\t2025年\t年均增长\t属性",
    "地区生产总值\t亿元\t1200\t1600\t6左右\t预期性",
    "",
    "一、重点任务",
    "",
    "推进滨河公园改造。（牵头单位：区建委；配合单位：区财政局；完成时限：2022年6月底前）",
  ].join("\n");

  it("writes a row's baseline as a number with its year, and the spec's growth and attribute", async () => {
    await writeFile(path("fyp.txt"), FYP, "utf8");
    const c = capture();
    expect(await runCli(["extract", "--json", path("fyp.txt")], c.io)).toBe(0);
    const draft = JSON.parse(c.out()) as {
      targets: Record<string, unknown>[];
      tasks: Record<string, unknown>[];
    };
    expect(draft.targets[0]).toMatchObject({
      subject: "地区生产总值",
      value: 160000000000,
      baseline: 120000000000,
      baselineYear: 2020,
      targetYear: 2025,
      growth: { value: 6, unit: "%", comparator: "about", kind: "annual_average" },
      attribute: "expected",
    });
    const task = draft.tasks.find((t) => String(t.text).startsWith("推进滨河公园改造"));
    expect(task).toMatchObject({
      text: "推进滨河公园改造",
      leadDepartment: "区建委",
      leadDepartments: ["区建委"],
      coDepartments: ["区财政局"],
      deadline: { text: "2022年6月底前", date: "2022-06-30" },
      stated: true,
    });
  });
});
