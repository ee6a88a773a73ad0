import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/database.ts";
import { findUserByUsername } from "../db/users-repository.ts";
import { verifyPassword } from "../services/password-hash.ts";
import { useCliSandbox } from "../test/cli-sandbox.ts";
import type { CliIo } from "./cli-io.ts";
import { runCli } from "./run-cli.ts";

describe("plantrack user", () => {
  const sandbox = useCliSandbox("plantrack-user-");
  let dir: string;
  let out: string[];
  let io: CliIo;
  beforeEach(() => {
    ({ dir, out, io } = sandbox());
  });

  async function user(name: string) {
    const store = openDatabase({ dialect: "sqlite", file: join(dir, "x.db") });
    try {
      return await findUserByUsername(store.db, name);
    } finally {
      await store.close();
    }
  }

  it("add a user with a one-time password, reset it, disable and list", async () => {
    expect(await runCli(["user", "add", "zhang", "--role", "leader", "--name", "张三"], io)).toBe(0);
    const first = /first password[^:]*: (\S+)/.exec(out.join(""))?.[1] ?? "";
    expect(first).toHaveLength(16);
    const row = await user("zhang");
    expect(row).toMatchObject({ role: "leader", must_change_password: 1, display_name: "张三" });
    expect(await verifyPassword(first, row?.password_hash ?? "")).toBe(true);

    out.length = 0;
    expect(await runCli(["user", "reset", "zhang"], io)).toBe(0);
    const second = /new password[^:]*: (\S+)/.exec(out.join(""))?.[1] ?? "";
    expect(second).not.toBe(first);
    expect(await verifyPassword(second, (await user("zhang"))?.password_hash ?? "")).toBe(true);

    expect(await runCli(["user", "disable", "zhang"], io)).toBe(0);
    expect((await user("zhang"))?.disabled).toBe(1);
    out.length = 0;
    expect(await runCli(["user", "list"], io)).toBe(0);
    expect(out.join("")).toMatch(/zhang +leader +张三 .*停用 disabled/);

    expect(await runCli(["user", "add", "bad", "--role", "boss"], io)).toBe(2);
    expect(await runCli(["user", "reset", "nobody"], io)).toBe(3);
    expect(await runCli(["user", "add", "r1", "--role", "reporter"], io)).toBe(2);
  });
});
