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
    expect(out.join("")).toMatch(/^已创建用户 zhang（领导）$/m);
    const first = /^初始密码（只显示一次，首次登录须修改）：(\S+)$/m.exec(out.join(""))?.[1] ?? "";
    expect(first).toHaveLength(16);
    const row = await user("zhang");
    expect(row).toMatchObject({ role: "leader", must_change_password: 1, display_name: "张三" });
    expect(await verifyPassword(first, row?.password_hash ?? "")).toBe(true);

    out.length = 0;
    expect(await runCli(["user", "reset", "zhang"], io)).toBe(0);
    expect(out.join("")).toMatch(/^已重置 zhang 的密码，账户已解锁$/m);
    const second = /^新密码（只显示一次，登录后须修改）：(\S+)$/m.exec(out.join(""))?.[1] ?? "";
    expect(second).not.toBe(first);
    expect(await verifyPassword(second, (await user("zhang"))?.password_hash ?? "")).toBe(true);

    expect(await runCli(["user", "disable", "zhang"], io)).toBe(0);
    expect((await user("zhang"))?.disabled).toBe(1);
    out.length = 0;
    expect(await runCli(["user", "list"], io)).toBe(0);
    expect(out.join("")).toMatch(/^用户名 +角色 +名称 +地区\/部门 +状态$/m);
    expect(out.join("")).toMatch(/^zhang +领导 +张三 +停用，待改密$/m);
    out.length = 0;
    const english = { ...io, env: { ...io.env, PLANTRACK_LANG: "en" } };
    expect(await runCli(["user", "list"], english)).toBe(0);
    expect(out.join("")).toMatch(/^user +role +name +region\/department +state$/m);
    expect(out.join("")).toMatch(/^zhang +leader +张三 +disabled, must change the password$/m);
    out.length = 0;
    expect(await runCli(["user", "reset", "zhang"], english)).toBe(0);
    const third = /^new password \(shown once, change it at sign-in\): (\S+)$/m.exec(out.join(""))?.[1] ?? "";
    expect(await verifyPassword(third, (await user("zhang"))?.password_hash ?? "")).toBe(true);

    expect(await runCli(["user", "add", "bad", "--role", "boss"], io)).toBe(2);
    expect(await runCli(["user", "reset", "nobody"], io)).toBe(3);
    expect(await runCli(["user", "add", "r1", "--role", "reporter"], io)).toBe(2);
  });
});
