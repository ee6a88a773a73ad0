import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../db/audit-repository.ts";
import { openDatabase } from "../db/database.ts";
import { countRows } from "../db/generator-repository.ts";
import { useCliSandbox } from "../test/cli-sandbox.ts";
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
    expect(text).toMatch(/计划 plans 4 \(ids 1–4\)/);
    expect(text).toMatch(/报告 reports [\d,]+ · 修订 revisions [\d,]+/);
    const store = openDatabase({ dialect: "sqlite", file: dbFile });
    try {
      const counts = await countRows(store.db, ["plans", "targets", "audit_log"]);
      expect(counts).toEqual({ plans: 4, targets: 32, audit_log: 1 });
      expect(await verifyAuditChain(store.db)).toEqual({ ok: true, count: 1 });
    } finally {
      await store.close();
    }
    // --database names another file than PLANTRACK_DB.
    const other = `${sandbox().dir}/other.db`;
    expect(
      await runCli(
        ["generate", "--regions", "1", "--targets", "4", "--months", "1", "--seed", "5", "--database", other],
        io,
      ),
    ).toBe(0);
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
