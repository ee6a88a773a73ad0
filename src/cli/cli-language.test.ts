// Issue 14, “Chinese throughout”: every line `plantrack` prints is in one language — Chinese unless
// PLANTRACK_LANG=en — for the overview, every command's --help and the errors a person meets first,
// with the exit codes of src/cli/exit-codes.ts.

import { describe, expect, it } from "vitest";
import { useCliSandbox } from "../test/cli-sandbox.ts";
import { CJK, englishWords, mixedLines } from "../test/mixed-language.ts";
import { runCli } from "./run-cli.ts";

const COMMANDS = [
  "extract",
  "import",
  "serve",
  "migrate",
  "user",
  "audit",
  "backup",
  "restore",
  "report",
  "status",
  "plan",
  "export",
  "docx-check",
  "generate",
];

/** Wrong calls and their exit codes: usage, options, values, a missing file or user. */
const ERRORS: [string[], number][] = [
  [["frobnicate"], 2],
  [["extract", "--frobnicate"], 2],
  [["extract", "--year"], 2],
  [["extract"], 2],
  [["extract", "--year", "abc", "plan.txt"], 2],
  [["extract", "missing.txt"], 3],
  [["import"], 2],
  [["serve", "--port", "http"], 2],
  [["migrate", "now"], 2],
  [["user"], 2],
  [["user", "add", "bad", "--role", "boss"], 2],
  [["user", "reset", "nobody"], 3],
  [["audit", "check"], 2],
  [["backup"], 2],
  [["restore"], 2],
  [["report"], 2],
  [["status"], 2],
  [["plan", "copy", "1", "--year", "21"], 2],
  [["export", "1"], 2],
  [["docx-check"], 2],
  [["docx-check", "nope.docx"], 3],
  [["docx-check", "x.docx", "--lang", "fr"], 2],
  [["generate", "--regions", "2"], 2],
  [["generate", "--regions", "x", "--targets", "1", "--months", "1", "--seed", "1"], 2],
];

describe("the mixed-language check", () => {
  it("finds the English words of the old two-language lines", () => {
    expect(englishWords("已导入示例计划 / imported the example plan #1")).toEqual([
      "imported",
      "the",
      "example",
      "plan",
    ]);
    expect(englishWords("用户名 user  角色 role  名称 name")).toEqual(["user", "role", "name"]);
    expect(englishWords("  --force  覆盖已有的 FILE / overwrite an existing FILE")).toEqual([
      "overwrite",
      "existing",
    ]);
    expect(mixedLines("PlanTrack 已启动 / listening on http://localhost:3000")).toHaveLength(1);
  });

  it("lets code, names, units and acronyms stand in a Chinese line", () => {
    for (const line of [
      "用法：plantrack user add 用户名 --role admin|planner|leader|reporter [--name 名称]",
      "  数据库：DATABASE_URL=postgres://… 或 PLANTRACK_DB（默认 data/plantrack.db）",
      "  --format docx   执行情况报告（公文格式，GB/T 9704）",
      "  SQLite：在线备份，得到一个独立的 .db 文件；PostgreSQL 用 pg_dump -Fc",
      "  extract     读取计划文本，输出提纲与指标",
      "  --json   输出 JSON（与 GET /api/plans/:id/status 相同）",
      "已备份：/tmp/x.db，12.5 MB，35 ms",
      "未知命令“frobnicate”",
    ]) {
      expect(englishWords(line), line).toEqual([]);
    }
  });
});

describe("plantrack in one language", () => {
  const sandbox = useCliSandbox("plantrack-language-");

  async function run(args: string[], lang: "zh" | "en"): Promise<{ code: number; text: string }> {
    const s = sandbox();
    s.out.length = 0;
    const env = { ...s.io.env, ...(lang === "en" ? { PLANTRACK_LANG: "en" } : {}) };
    const code = await runCli(args, { ...s.io, env });
    return { code, text: s.out.join("") };
  }

  /** Chinese with no English word in any line; English with no Chinese at all (these texts quote no data). */
  function expectOneLanguage(text: string, lang: "zh" | "en", what: string): void {
    expect(text.trim(), what).not.toBe("");
    if (lang === "zh") {
      expect(text, what).toMatch(CJK);
      expect(mixedLines(text), `${what}:\n${text}`).toEqual([]);
      // Nor a line of English among the Chinese ones.
      const english = text.split("\n").filter((line) => englishWords(line).length > 0);
      expect(english, `${what}:\n${text}`).toEqual([]);
    } else {
      const chinese = text.split("\n").filter((line) => CJK.test(line));
      expect(chinese, `${what}:\n${text}`).toEqual([]);
    }
  }

  it.each(["zh", "en"] as const)("lists every command in --help (%s)", async (lang) => {
    const { code, text } = await run(["--help"], lang);
    expect(code).toBe(0);
    expectOneLanguage(text, lang, "--help");
    const listed = text.split("\n").flatMap((line) => /^ {2}([a-z-]+) {2,}\S/.exec(line)?.[1] ?? []);
    expect(listed).toEqual(COMMANDS);
  });

  it.each(["zh", "en"] as const)("prints every command's --help in one language (%s)", async (lang) => {
    for (const name of COMMANDS) {
      const { code, text } = await run([name, "--help"], lang);
      expect(code, name).toBe(0);
      expect(text.startsWith(`plantrack ${name}`), `${name}: ${text}`).toBe(true);
      expectOneLanguage(text, lang, `${name} --help`);
    }
  });

  it("prints a command's --help in the language asked for, not the other one", async () => {
    for (const name of COMMANDS) {
      const zh = await run([name, "-h"], "zh");
      const en = await run([name, "-h"], "en");
      expect(zh.text, name).not.toBe(en.text);
      // Same options in both: a flag explained in one language is explained in the other.
      const flags = (text: string) => [...new Set(text.match(/--[a-z][a-z-]*/g) ?? [])].sort();
      expect(flags(zh.text), name).toEqual(flags(en.text));
    }
  });

  it.each(["zh", "en"] as const)(
    "says what went wrong in one language, with the exit codes (%s)",
    async (lang) => {
      for (const [args, exit] of ERRORS) {
        const what = `plantrack ${args.join(" ")}`;
        const { code, text } = await run(args, lang);
        expect(code, `${what}: ${text}`).toBe(exit);
        expectOneLanguage(text, lang, what);
      }
    },
  );

  it("names what the user typed in the error, in either language", async () => {
    const zh = await run(["extract", "--frobnicate"], "zh");
    expect(zh.text).toBe("plantrack extract: 未知参数：--frobnicate\n");
    const en = await run(["extract", "--frobnicate"], "en");
    expect(en.text).toBe("plantrack extract: unknown option: --frobnicate\n");
    expect((await run(["user", "reset", "nobody"], "zh")).text).toContain("没有用户“nobody”");
    expect((await run(["user", "reset", "nobody"], "en")).text).toContain("no user nobody");
  });
});
