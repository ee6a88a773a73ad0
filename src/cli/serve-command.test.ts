import { readFileSync, statSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionInfo } from "../contract/users.ts";
import { useCliSandbox } from "../test/cli-sandbox.ts";
import { CJK, mixedLines } from "../test/mixed-language.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import type { CliIo } from "./cli-io.ts";
import { credentialsFile, serveOptions, startServer } from "./serve-command.ts";

/** The rows of the first users' table: a user name, then two spaces or more. */
const TABLE_ROWS = /^[a-z][a-z0-9-]* {2,}.*$/gm;

describe("plantrack serve", () => {
  const sandbox = useCliSandbox("plantrack-serve-");
  let out: string[];
  let io: CliIo;
  beforeEach(() => {
    ({ out, io } = sandbox());
  });

  it("read port and host from flags, then the environment", () => {
    expect(serveOptions([], { ...io, env: {} })).toMatchObject({
      port: 3000,
      host: "localhost",
      seedDemo: false,
    });
    expect(serveOptions([], { ...io, env: { PORT: "8080", HOST: "0.0.0.0" } })).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
    });
    expect(serveOptions(["--port", "0", "--seed-demo"], io)).toMatchObject({ port: 0, seedDemo: true });
    expect(() => serveOptions(["--port", "http"], io)).toThrow(/--port 应为 0–65535 的端口号，收到“http”/);
  });

  async function signInOver(url: string, username: string, password: string) {
    const response = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const session = (await response.json()) as SessionInfo;
    return { status: response.status, cookie, session };
  }

  it("migrate, seed the demo and its users on the first start only, and answer on HTTP", async () => {
    const options = {
      ...serveOptions(["--port", "0", "--seed-demo"], io),
      extract: fixtureExtract,
      host: "127.0.0.1",
    };
    const first = await startServer(io, options);
    let adminPassword = "";
    try {
      const printed = out.join("");
      expect(printed).toMatch(/^已导入示例计划 #1：\d+ 个领域，\d+ 个分组，\d+ 项指标$/m);
      expect(printed).toMatch(/^已创建初始用户。以下密码只显示这一次，首次登录时须修改：$/m);
      expect(printed).toMatch(/^用户名 +角色 +名称 +密码$/m);
      expect(printed).toContain(`PlanTrack 已启动：${first.url}（数据库：`);
      const adminLine = printed.split("\n").find((l) => l.startsWith("admin "));
      adminPassword = adminLine?.trim().split(/\s+/).pop() ?? "";
      expect(adminPassword.length).toBeGreaterThanOrEqual(16);
      expect(adminLine).toMatch(/^admin +管理员 /);
      expect(printed).toMatch(/^planner +计划编制 /m);
      expect(printed).toMatch(/^leader +领导 /m);
      expect(printed).toMatch(/^rpt-rsj +填报单位 +区人社局/m);
      // Every line outside the table of first users (whose cells are names and passwords) is Chinese.
      expect(mixedLines(printed.replace(TABLE_ROWS, ""))).toEqual([]);
      const file = credentialsFile(io);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, "utf8")).toContain(adminPassword);

      const health = await fetch(`${first.url}/api/health`);
      expect(await health.json()).toMatchObject({ status: "ok", database: "sqlite" });
      expect((await fetch(`${first.url}/api/plans`)).status).toBe(401);
      const admin = await signInOver(first.url, "admin", adminPassword);
      expect(admin.status).toBe(200);
      expect(admin.session.user.mustChangePassword).toBe(true);
      const blocked = await fetch(`${first.url}/api/plans`, { headers: { cookie: admin.cookie } });
      expect(blocked.status).toBe(403);
      expect(((await blocked.json()) as { code: string }).code).toBe("password_change_required");
      const changed = await fetch(`${first.url}/api/auth/password`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: admin.cookie,
          "x-csrf-token": admin.session.csrfToken,
        },
        body: JSON.stringify({ currentPassword: adminPassword, newPassword: "Another-Secret-42" }),
      });
      expect(changed.status).toBe(200);
      const plans = (await (
        await fetch(`${first.url}/api/plans`, { headers: { cookie: admin.cookie } })
      ).json()) as {
        regionCode: string;
        kind?: string;
      }[];
      // The Nankai 2020 plan, the five-year demo plan and the 2021–2023 annual plans copied from 2020.
      expect(plans).toHaveLength(5);
      expect(new Set(plans.map((p) => p.regionCode))).toEqual(new Set(["120104"]));
      expect(plans.filter((p) => p.kind === "five_year")).toHaveLength(1);
      expect(first.app.server.address()).toBeTruthy();
    } finally {
      await first.close();
    }
    out.length = 0;
    const second = await startServer(io, options);
    try {
      const admin = await signInOver(second.url, "admin", "Another-Secret-42");
      const plans = (await (
        await fetch(`${second.url}/api/plans`, { headers: { cookie: admin.cookie } })
      ).json()) as unknown[];
      // Nothing seeded twice.
      expect(plans).toHaveLength(5);
    } finally {
      await second.close();
    }
    expect(out.join("")).toContain("PlanTrack 已启动：");
    expect(out.join("")).not.toMatch(/已导入示例计划/);
    expect(out.join("")).not.toMatch(/已创建初始用户/);
  });

  it("take the first passwords from the environment: not printed, no forced change; in English if asked", async () => {
    const envIo = {
      ...io,
      env: {
        ...io.env,
        PLANTRACK_ADMIN_PASSWORD: "Root-Secret-2020",
        PLANTRACK_DEMO_PASSWORD: "Demo-Secret-2020",
        PLANTRACK_LANG: "en",
      },
    };
    const options = {
      ...serveOptions(["--port", "0", "--seed-demo"], envIo),
      extract: fixtureExtract,
      host: "127.0.0.1",
    };
    const server = await startServer(envIo, options);
    try {
      const printed = out.join("");
      expect(printed).not.toContain("Root-Secret-2020");
      expect(printed).not.toContain("Demo-Secret-2020");
      expect(printed).toMatch(/^imported the example plan #1: \d+ areas, \d+ groups, \d+ targets$/m);
      expect(printed).toMatch(/^admin +administrator +.* \(from the environment\)$/m);
      expect(printed).toMatch(/^rpt-rsj +reporter +区人社局/m);
      expect(printed).toContain(`PlanTrack is listening on ${server.url} (database: `);
      // Outside the table (the users' names are Chinese data), not a Chinese character.
      const chinese = printed
        .replace(TABLE_ROWS, "")
        .split("\n")
        .filter((l) => CJK.test(l));
      expect(chinese).toEqual([]);
      const admin = await signInOver(server.url, "admin", "Root-Secret-2020");
      expect(admin.session.user).toMatchObject({ role: "admin", mustChangePassword: false });
      const reporter = await signInOver(server.url, "rpt-rsj", "Demo-Secret-2020");
      expect(reporter.session.user).toMatchObject({ role: "reporter", departmentName: "区人社局" });
      // The demo plans a reporter sees are published (the 2020 plan with a year of demo reports, 示例数据),
      // so its reporters can report.
      const plans = (await (
        await fetch(`${server.url}/api/plans`, { headers: { cookie: reporter.cookie } })
      ).json()) as { state: string }[];
      expect(plans.length).toBeGreaterThanOrEqual(1);
      expect(new Set(plans.map((p) => p.state))).toEqual(new Set(["published"]));
    } finally {
      await server.close();
    }
  });

  it("refuse to start with a weak PLANTRACK_ADMIN_PASSWORD", async () => {
    const envIo = { ...io, env: { ...io.env, PLANTRACK_ADMIN_PASSWORD: "password" } };
    const options = { ...serveOptions(["--port", "0"], envIo), extract: fixtureExtract, host: "127.0.0.1" };
    await expect(startServer(envIo, options)).rejects.toThrow(/PLANTRACK_ADMIN_PASSWORD|至少/);
  });
});
