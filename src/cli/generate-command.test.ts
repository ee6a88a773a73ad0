import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../db/audit-repository.ts";
import { openDatabase } from "../db/database.ts";
import { countRows } from "../db/generator-repository.ts";
import { useCliSandbox } from "../test/cli-sandbox.ts";
import { CJK, mixedLines } from "../test/mixed-language.ts";
import { runCli } from "./run-cli.ts";

describe("plantrack generate", () => {
  const sandbox = useCliSandbox("plantrack-generate-");

  it("writes a province into the database and prints what it wrote", async () => {
    const { io, out, dbFile } = sandbox();
    const code = await runCli(
      ["generate", "--regions", "2", "--targets", "8", "--months", "3", "--seed", "5"],
      io,
    );
    expect(code).toBe(0);
    const text = out.join("");
    expect(text).toMatch(/^生成完成，用时 [\d.]+ s（种子 5，年度 2025）：$/m);
    expect(text).toMatch(/计划 4 个（编号 1–4）/);
    expect(text).toMatch(/报告 [\d,]+ 份 · 修订 [\d,]+ 个/);
    expect(text).toMatch(/^ {2}计划 4\/4，报告 [\d,]+ 份$/m);
    expect(mixedLines(text)).toEqual([]);
    const store = openDatabase({ dialect: "sqlite", file: dbFile });
    try {
      const counts = await countRows(store.db, ["plans", "targets", "audit_log"]);
      expect(counts).toEqual({ plans: 4, targets: 32, audit_log: 1 });
      expect(await verifyAuditChain(store.db)).toEqual({ ok: true, count: 1 });
    } finally {
      await store.close();
    }
    // --database names another file than PLANTRACK_DB; in English when asked.
    const other = `${sandbox().dir}/other.db`;
    out.length = 0;
    expect(
      await runCli(
        ["generate", "--regions", "1", "--targets", "4", "--months", "1", "--seed", "5", "--database", other],
        { ...io, env: { ...io.env, PLANTRACK_LANG: "en" } },
      ),
    ).toBe(0);
    expect(out.join("")).toMatch(/^generated in [\d.]+ s \(seed 5, year 2025\):$/m);
    expect(out.join("")).toMatch(/plans 3 \(ids 1–3\)/);
    expect(out.join("")).not.toMatch(CJK);
    const second = openDatabase({ dialect: "sqlite", file: other });
    try {
      expect((await countRows(second.db, ["plans"])).plans).toBe(3);
    } finally {
      await second.close();
    }
  });

  it("exits 2 naming the option for a bad or missing value, 4 when the province exists", async () => {
    const { io, out } = sandbox();
    expect(
      await runCli(["generate", "--regions", "2", "--targets", "8", "--months", "13", "--seed", "1"], io),
    ).toBe(2);
    expect(out.join("")).toMatch(/--months/);
    expect(await runCli(["generate", "--regions", "2", "--targets", "8", "--months", "3"], io)).toBe(2);
    expect(out.join("")).toMatch(/缺少 --seed/);
    expect(
      await runCli(["generate", "--regions", "x", "--targets", "8", "--months", "3", "--seed", "1"], io),
    ).toBe(2);
    expect(
      await runCli(["generate", "--regions", "1", "--targets", "4", "--months", "1", "--seed", "1"], io),
    ).toBe(0);
    expect(
      await runCli(["generate", "--regions", "1", "--targets", "4", "--months", "1", "--seed", "2"], io),
    ).toBe(4);
    expect(out.join("")).toMatch(/440000 已存在/);
  });
});
