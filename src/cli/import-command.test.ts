import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { databaseConfigFromEnv, openDatabase } from "../db/database.ts";
import { listPlans } from "../services/plan-queries.ts";
import { CJK, mixedLines } from "../test/mixed-language.ts";
import { FIXTURE_TEXT, fixtureExtract } from "../test/plan-draft-fixture.ts";
import type { CliIo } from "./cli-io.ts";
import { runImport } from "./import-command.ts";
import { runCli } from "./run-cli.ts";

function capture(dir: string, lang?: "en") {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { PLANTRACK_DB: join(dir, "test.db"), ...(lang ? { PLANTRACK_LANG: lang } : {}) },
    cwd: dir,
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

describe("plantrack import and migrate", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "plantrack-cli-"));
    await writeFile(join(dir, "plan.txt"), FIXTURE_TEXT);
    await writeFile(join(dir, "empty.txt"), "");
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function plansIn(io: CliIo) {
    const store = openDatabase(databaseConfigFromEnv(io.env, io.cwd));
    try {
      return await listPlans(store.db);
    } finally {
      await store.close();
    }
  }

  it("import files with progress and a summary table, and exit 0", async () => {
    const c = capture(dir);
    const code = await runImport(
      [join(dir, "plan.txt"), "--region", "南开区", "--year", "2020"],
      c.io,
      fixtureExtract,
    );
    expect(code, c.err()).toBe(0);
    expect(c.err()).toMatch(
      /\[1\/1\] .*plan\.txt … 计划 #1《南开区2020年国民经济和社会发展计划》：1 个领域，1 个分组，5 项任务，5 项指标，1 个事项\n/,
    );
    expect(c.out()).toMatch(/^文件\s+计划\s+部分\s+领域\s+分组\s+任务\s+指标\s+里程碑\s+事项\s+结果$/m);
    expect(c.out()).toMatch(/plan\.txt\s+#1\s+2\s+1\s+1\s+5\s+5\s+1\s+1\s+已导入$/m);
    expect(mixedLines(`${c.err()}${c.out()}`)).toEqual([]);
    expect(await plansIn(c.io)).toHaveLength(1);
  });

  it("speak English when PLANTRACK_LANG=en: the progress, the table and its headers", async () => {
    const c = capture(dir, "en");
    expect(await runImport([join(dir, "plan.txt"), "--year", "2020"], c.io, fixtureExtract)).toBe(0);
    expect(c.err()).toMatch(
      /plan\.txt … plan #1 “南开区2020年国民经济和社会发展计划”: 1 areas, 1 groups, 5 tasks, 5 targets, 1 items\n/,
    );
    expect(c.out()).toMatch(
      /^file\s+plan\s+sections\s+areas\s+groups\s+tasks\s+targets\s+milestones\s+items\s+result$/m,
    );
    expect(c.out()).toMatch(/plan\.txt\s+#1\s+2\s+1\s+1\s+5\s+5\s+1\s+1\s+imported$/m);
    expect(c.out()).not.toMatch(CJK);
  });

  it("go on after a bad file, and exit with the first failure's code", async () => {
    const c = capture(dir);
    const files = [join(dir, "empty.txt"), join(dir, "plan.txt"), join(dir, "missing.txt")];
    const code = await runImport(files, c.io, fixtureExtract);
    expect(code).toBe(2); // empty_file
    expect(c.err()).toMatch(/\[1\/3\].*失败\n.*文件为空/);
    expect(c.err()).toMatch(/\[3\/3\].*失败\n.*文件不存在/);
    expect(c.out()).toMatch(/失败（empty_file）/);
    expect(await plansIn(c.io)).toHaveLength(1);
  });

  it("refuse a second import of the same file unless --force", async () => {
    const c = capture(dir);
    expect(await runImport([join(dir, "plan.txt")], c.io, fixtureExtract)).toBe(0);
    const again = capture(dir);
    expect(await runImport([join(dir, "plan.txt")], again.io, fixtureExtract)).toBe(4);
    expect(again.err()).toMatch(/--force/);
    const forced = capture(dir);
    expect(await runImport([join(dir, "plan.txt"), "--force", "--json"], forced.io, fixtureExtract)).toBe(0);
    expect(JSON.parse(forced.out())).toEqual([
      expect.objectContaining({ ok: true, planId: 2, duplicateOf: [1] }),
    ]);
  });

  it("need a file and a sensible year", async () => {
    const c = capture(dir);
    expect(await runCli(["import"], c.io)).toBe(2);
    expect(await runCli(["import", join(dir, "plan.txt"), "--year", "abc"], c.io)).toBe(2);
    expect(c.err()).toMatch(/至少需要一个文件/);
    expect(c.err()).toMatch(/年度（--year）应为 1949–2100 的整数/);
  });

  it("migrate once, then report it is up to date", async () => {
    const c = capture(dir);
    expect(await runCli(["migrate"], c.io)).toBe(0);
    expect(c.out()).toMatch(/0001-initial/);
    const again = capture(dir);
    expect(await runCli(["migrate"], again.io)).toBe(0);
    expect(again.out()).toMatch(/数据库已是最新：/);
    const english = capture(dir, "en");
    expect(await runCli(["migrate"], english.io)).toBe(0);
    expect(english.out()).toMatch(/^already up to date: /);
  });

  it("list the new commands in --help", async () => {
    const c = capture(dir);
    await runCli(["--help"], c.io);
    for (const name of ["import", "serve", "migrate"]) expect(c.out()).toContain(`  ${name}`);
  });
});
