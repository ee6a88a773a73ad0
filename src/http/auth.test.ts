// Sign-in, sessions, CSRF, password rules and changes, the second factor, administration and the audit
// trail of it all, over HTTP on every dialect. The clock is injected.

import type { FastifyInstance, InjectOptions } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditPage, AuditVerifyResult } from "../contract/audit.ts";
import type { ApiErrorBody } from "../contract/common.ts";
import type { PlanSummary } from "../contract/plans.ts";
import type { PublicPlanDetail } from "../contract/public.ts";
import type {
  DepartmentView,
  SessionInfo,
  TotpSetup,
  UserView,
  UserWithPassword,
} from "../contract/users.ts";
import { verifyAuditChain } from "../db/audit-repository.ts";
import { totpAt } from "../services/totp.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { cookiesOf, createTestUser, signIn, TEST_AUTH, TEST_PASSWORD } from "../test/auth-helpers.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";
import { SECURITY_HEADERS } from "./security-headers.ts";

describe.each(testDialects())("sign-in and administration on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let nowMs: number;
  const minutes = (n: number) => n * 60_000;

  beforeEach(async () => {
    nowMs = Date.parse("2020-04-01T08:00:00.000Z");
    world = await buildAccessWorld(store().db);
    app = await buildApp({
      db: store().db,
      dialect,
      extract: fixtureExtract,
      auth: { ...TEST_AUTH, now: () => new Date(nowMs) },
    });
  });
  afterEach(async () => {
    await app.close();
  });

  const login = (username: string, password: string, totp?: string) =>
    app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password, ...(totp ? { totp } : {}) },
    });
  const code = (r: { json: <T>() => T }) => r.json<ApiErrorBody>().code;

  it("sign in with a session cookie (HttpOnly, SameSite) and a readable CSRF cookie; sign out", async () => {
    const response = await login("planner", TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookies = response.headers["set-cookie"] as string[];
    expect(cookies.find((c) => c.startsWith("plantrack_session="))).toMatch(/HttpOnly; ?|HttpOnly$/);
    expect(cookies.find((c) => c.startsWith("plantrack_session="))).toContain("SameSite=Lax");
    expect(cookies.find((c) => c.startsWith("plantrack_session="))).not.toContain("Secure");
    expect(cookies.find((c) => c.startsWith("plantrack_csrf="))).not.toContain("HttpOnly");
    const session = response.json<SessionInfo>();
    expect(session.user).toMatchObject({ username: "planner", role: "planner", regionName: "南开区" });
    expect(session.idleExpiresAt).toBe(new Date(nowMs + minutes(30)).toISOString());
    // The database keeps a hash of the token, not the token.
    const token = (cookiesOf(response).match(/plantrack_session=([^;]+)/) as RegExpMatchArray)[1] as string;
    const rows = await store().db.selectFrom("sessions").select("id").execute();
    expect(rows.map((r) => r.id)).not.toContain(token);

    const cookie = cookiesOf(response);
    const me = await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
    expect(me.json<SessionInfo>().user.username).toBe("planner");
    const out = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie, "x-csrf-token": session.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it("mark cookies Secure over https behind a proxy, or when the setting says so", async () => {
    const secureApp = await buildApp({
      db: store().db,
      dialect,
      extract: fixtureExtract,
      auth: TEST_AUTH,
      secureCookies: true,
    });
    try {
      const response = await secureApp.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "planner", password: TEST_PASSWORD },
      });
      for (const c of response.headers["set-cookie"] as string[]) expect(c).toContain("Secure");
    } finally {
      await secureApp.close();
    }
  });

  it("lock an account for 15 minutes after 5 failed sign-ins (423 locked), and audit every attempt", async () => {
    for (let i = 0; i < 4; i++) {
      const r = await login("planner", "Wrong-password-1");
      expect(r.statusCode).toBe(401);
      expect(code(r)).toBe("unauthenticated");
    }
    const fifth = await login("planner", "Wrong-password-1");
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json<ApiErrorBody>()).toMatchObject({
      code: "locked",
      details: { lockedUntil: new Date(nowMs + minutes(15)).toISOString() },
    });
    // The right password does not help while locked …
    expect((await login("planner", TEST_PASSWORD)).statusCode).toBe(423);
    nowMs += minutes(14);
    expect((await login("planner", TEST_PASSWORD)).statusCode).toBe(423);
    // … and does after 15 minutes.
    nowMs += minutes(1) + 1000;
    expect((await login("planner", TEST_PASSWORD)).statusCode).toBe(200);

    expect((await login("nobody", "Wrong-password-1")).statusCode).toBe(401);
    const failed = await store()
      .db.selectFrom("audit_log")
      .select(["after", "user_id", "ip"])
      .where("action", "=", "auth.login_failed")
      .orderBy("id")
      .execute();
    expect(failed).toHaveLength(8);
    expect(JSON.parse(failed[4]?.after ?? "{}")).toMatchObject({
      reason: "wrong_password",
      lockedUntil: expect.any(String),
    });
    expect(JSON.parse(failed[5]?.after ?? "{}")).toMatchObject({ reason: "locked" });
    expect(failed[7]).toMatchObject({ user_id: null, ip: "127.0.0.1" });
    expect(JSON.parse(failed[7]?.after ?? "{}")).toMatchObject({
      username: "nobody",
      reason: "unknown_user",
    });
    expect(
      await store().db.selectFrom("audit_log").select("id").where("action", "=", "auth.login").execute(),
    ).toHaveLength(1);
  });

  it("rate-limit sign-in per user name (429 with Retry-After), in this process", async () => {
    let last = await login("ghost", "Wrong-password-1");
    for (let i = 0; i < 10; i++) last = await login("ghost", "Wrong-password-1");
    expect(last.statusCode).toBe(429);
    expect(code(last)).toBe("rate_limited");
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
    nowMs += minutes(1) + 1000;
    expect((await login("ghost", "Wrong-password-1")).statusCode).toBe(401);
  });

  it("end a session after 30 idle minutes, sliding on use, and after 12 hours in any case", async () => {
    const client = await signIn(app, "leader");
    nowMs += minutes(29);
    expect((await client.inject({ method: "GET", url: "/api/plans" })).statusCode).toBe(200);
    nowMs += minutes(29); // 58 minutes after sign-in, 29 after the last request
    const me = await client.inject({ method: "GET", url: "/api/auth/me" });
    expect(me.statusCode).toBe(200);
    expect(me.json<SessionInfo>().idleExpiresAt).toBe(new Date(nowMs + minutes(30)).toISOString());
    nowMs += minutes(30) + 1000;
    const expired = await client.inject({ method: "GET", url: "/api/plans" });
    expect(expired.statusCode).toBe(401);
    expect(code(expired)).toBe("unauthenticated");

    const busy = await signIn(app, "leader");
    for (let i = 0; i < 12 * 3; i++) {
      nowMs += minutes(20);
      const r = await busy.inject({ method: "GET", url: "/api/auth/me" });
      if (i < 35) expect(r.statusCode, `after ${(i + 1) * 20} minutes`).toBe(200);
      else expect(r.statusCode).toBe(401);
    }
  });

  it("refuse a cookie-authenticated write without the CSRF token (403 csrf)", async () => {
    const client = await signIn(app, "planner");
    const target = world.targetIds[0];
    const write = { method: "PATCH" as const, url: `/api/targets/${target}`, payload: { weight: 3 } };
    const none = await app.inject({ ...write, headers: { cookie: client.cookie } });
    expect(none.statusCode).toBe(403);
    expect(code(none)).toBe("csrf");
    const wrong = await app.inject({
      ...write,
      headers: { cookie: client.cookie, "x-csrf-token": "forged" },
    });
    expect(code(wrong)).toBe("csrf");
    // A token of another session does not pass either, even when the attacker sets the cookie too.
    const other = await signIn(app, "admin");
    const crossed = await app.inject({
      ...write,
      headers: {
        cookie: client.cookie.replace(/plantrack_csrf=[^;]+/, `plantrack_csrf=${other.session.csrfToken}`),
        "x-csrf-token": other.session.csrfToken,
      },
    });
    expect(code(crossed)).toBe("csrf");
    expect((await client.inject(write)).statusCode).toBe(200);
    // Reads need no token.
    expect(
      (await app.inject({ method: "GET", url: "/api/plans", headers: { cookie: client.cookie } })).statusCode,
    ).toBe(200);
  });

  it("force a password change at first sign-in, enforcing the rules", async () => {
    await createTestUser(store().db, { username: "newbie", role: "leader", mustChangePassword: true });
    const client = await signIn(app, "newbie");
    expect(client.session.user.mustChangePassword).toBe(true);
    const blocked = await client.inject({ method: "GET", url: "/api/plans" });
    expect(blocked.statusCode).toBe(403);
    expect(code(blocked)).toBe("password_change_required");
    expect((await client.inject({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(200);

    const change = (currentPassword: string, newPassword: string) =>
      client.inject({ method: "POST", url: "/api/auth/password", payload: { currentPassword, newPassword } });
    const weak = await change(TEST_PASSWORD, "short");
    expect(weak.statusCode).toBe(400);
    expect(weak.json<ApiErrorBody>().details).toMatchObject({
      field: "newPassword",
      problems: ["too_short", "too_few_classes"],
    });
    expect(code(await change(TEST_PASSWORD, "alllowercaseletters"))).toBe("bad_input");
    expect((await change(TEST_PASSWORD, "Newbie-2020-x")).json<ApiErrorBody>().details).toMatchObject({
      problems: ["contains_username"],
    });
    expect(
      (await change("Not-my-password-1", "Good-Secret-2020")).json<ApiErrorBody>().details,
    ).toMatchObject({
      field: "currentPassword",
    });
    const ok = await change(TEST_PASSWORD, "Good-Secret-2020");
    expect(ok.statusCode).toBe(200);
    expect(ok.json<SessionInfo>().user.mustChangePassword).toBe(false);
    expect((await client.inject({ method: "GET", url: "/api/plans" })).statusCode).toBe(200);
    expect((await login("newbie", TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login("newbie", "Good-Secret-2020")).statusCode).toBe(200);
    const audit = await store()
      .db.selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "auth.password_change")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).not.toContain("scrypt$");
    expect(audit[0]?.after).not.toContain("scrypt$");
  });

  it("set up, enable, require and disable a second factor (TOTP)", async () => {
    const client = await signIn(app, "planner");
    const setup = (await client.inject({ method: "POST", url: "/api/auth/totp/setup" })).json<TotpSetup>();
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUrl).toContain(`secret=${setup.secret}`);
    // Not on until a code proves the app has the secret.
    expect((await login("planner", TEST_PASSWORD)).statusCode).toBe(200);
    const bad = await client.inject({
      method: "POST",
      url: "/api/auth/totp/enable",
      payload: { code: "000000" },
    });
    expect(code(bad)).toBe("bad_input");
    const enabled = await client.inject({
      method: "POST",
      url: "/api/auth/totp/enable",
      payload: { code: totpAt(setup.secret, nowMs) },
    });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json<{ totpEnabled: boolean }>().totpEnabled).toBe(true);

    nowMs += 60_000;
    const without = await login("planner", TEST_PASSWORD);
    expect(without.statusCode).toBe(401);
    expect(code(without)).toBe("totp_required");
    const wrong = await login("planner", TEST_PASSWORD, "000000");
    expect(code(wrong)).toBe("unauthenticated");
    const good = totpAt(setup.secret, nowMs);
    expect((await login("planner", TEST_PASSWORD, good)).statusCode).toBe(200);
    // The same code twice is a replay.
    expect((await login("planner", TEST_PASSWORD, good)).statusCode).toBe(401);
    nowMs += 30_000;
    const second = await signInWithTotp("planner", setup.secret);
    const off = await second.inject({
      method: "POST",
      url: "/api/auth/totp/disable",
      payload: { currentPassword: TEST_PASSWORD },
    });
    expect(off.statusCode).toBe(200);
    expect((await login("planner", TEST_PASSWORD)).statusCode).toBe(200);
    // Leaders and reporters have no second factor to set up.
    const leader = await signIn(app, "leader");
    expect((await leader.inject({ method: "POST", url: "/api/auth/totp/setup" })).statusCode).toBe(403);
  });

  async function signInWithTotp(username: string, secret: string) {
    const response = await login(username, TEST_PASSWORD, totpAt(secret, nowMs));
    expect(response.statusCode).toBe(200);
    const session = response.json<SessionInfo>();
    const cookie = cookiesOf(response);
    return {
      inject: (options: InjectOptions) =>
        app.inject({ ...options, headers: { cookie, "x-csrf-token": session.csrfToken } }),
    };
  }

  it("sign out everywhere: every session of the user ends", async () => {
    const a = await signIn(app, "leader");
    const b = await signIn(app, "leader");
    const other = await signIn(app, "planner");
    expect((await a.inject({ method: "POST", url: "/api/auth/logout-all" })).statusCode).toBe(204);
    expect((await a.inject({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    expect((await b.inject({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    expect((await other.inject({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(200);
  });

  it("send the security headers on every answer", async () => {
    for (const url of ["/api/health", "/api/plans", "/api/nothing"]) {
      const response = await app.inject({ method: "GET", url });
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers[name]).toBe(value);
    }
    const csp = SECURITY_HEADERS["content-security-policy"];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("refuse a JSON body over the limit (413)", async () => {
    const client = await signIn(app, "planner");
    const response = await client.inject({
      method: "PATCH",
      url: `/api/targets/${world.targetIds[0]}`,
      payload: { subject: "x".repeat(300 * 1024) },
    });
    expect(response.statusCode).toBe(413);
  });

  it("show each user only the plans in scope: drafts to planners and leaders, published ones to reporters", async () => {
    const draft = await store()
      .db.updateTable("plans")
      .set({ state: "draft" })
      .where("id", "=", world.planId)
      .executeTakeFirst();
    expect(Number(draft.numUpdatedRows)).toBe(1);
    const list = async (username: string) =>
      (await (await signIn(app, username)).inject({ method: "GET", url: "/api/plans" })).json<PlanSummary[]>()
        .length;
    expect(await list("planner")).toBe(1);
    expect(await list("leader")).toBe(1);
    expect(await list("planner-other-region")).toBe(0);
    expect(await list("reporter")).toBe(0);
    const reporter = await signIn(app, "reporter");
    expect((await reporter.inject({ method: "GET", url: `/api/plans/${world.planId}` })).statusCode).toBe(
      403,
    );
  });

  it("show a published plan to the public once a planner makes it public", async () => {
    expect((await app.inject({ method: "GET", url: `/api/public/plans/${world.planId}` })).statusCode).toBe(
      404,
    );
    const planner = await signIn(app, "planner");
    const made = await planner.inject({
      method: "POST",
      url: `/api/plans/${world.planId}/public`,
      payload: { public: true },
    });
    expect(made.json<PlanSummary>().isPublic).toBe(true);
    const list = (await app.inject({ method: "GET", url: "/api/public/plans" })).json<PlanSummary[]>();
    expect(list.map((p) => p.id)).toEqual([world.planId]);
    const detail = (
      await app.inject({ method: "GET", url: `/api/public/plans/${world.planId}` })
    ).json<PublicPlanDetail>();
    expect(detail.targets.length).toBeGreaterThan(0);
    expect(detail.targets[0]).toMatchObject({ latestValue: null });
    expect(detail.targets[0]).not.toHaveProperty("confidence");
    const audit = await store()
      .db.selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "plan.make_public")
      .execute();
    expect(audit[0]).toMatchObject({ user_id: world.users.planner, ip: "127.0.0.1" });
  });

  it("put the acting user and address on the audit rows of data changes", async () => {
    const planner = await signIn(app, "planner");
    await planner.inject({
      method: "PATCH",
      url: `/api/targets/${world.targetIds[0]}`,
      payload: { weight: 2 },
    });
    const row = await store()
      .db.selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "target.update")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user_id: world.users.planner, ip: "127.0.0.1" });
  });

  it("administer users: create with a one-time password, update, disable, reset", async () => {
    const admin = await signIn(app, "admin");
    const created = await admin.inject({
      method: "POST",
      url: "/api/admin/users",
      payload: { username: "Rpt-JYJ", role: "reporter", departmentId: world.departments.nankaiJyj },
    });
    expect(created.statusCode).toBe(201);
    const { user, password } = created.json<UserWithPassword>();
    expect(user).toMatchObject({
      username: "rpt-jyj",
      regionName: "南开区",
      departmentName: "区教育局",
      mustChangePassword: true,
    });
    expect(password).toHaveLength(16);
    expect(
      code(
        await admin.inject({
          method: "POST",
          url: "/api/admin/users",
          payload: { username: "rpt-jyj", role: "leader" },
        }),
      ),
    ).toBe("conflict");
    expect(
      code(
        await admin.inject({
          method: "POST",
          url: "/api/admin/users",
          payload: { username: "r2", role: "reporter" },
        }),
      ),
    ).toBe("bad_input");
    expect(
      code(
        await admin.inject({
          method: "POST",
          url: "/api/admin/users",
          payload: { username: "weak", role: "leader", password: "weakpassword" },
        }),
      ),
    ).toBe("bad_input");

    const first = await login("rpt-jyj", password);
    expect(first.json<SessionInfo>().user.mustChangePassword).toBe(true);
    const sessionCookie = cookiesOf(first);
    const disabled = await admin.inject({
      method: "PATCH",
      url: `/api/admin/users/${user.id}`,
      payload: { disabled: true },
    });
    expect(disabled.json<UserView>().disabled).toBe(true);
    expect(
      (await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: sessionCookie } }))
        .statusCode,
    ).toBe(401);
    expect((await login("rpt-jyj", password)).statusCode).toBe(401);
    await admin.inject({ method: "PATCH", url: `/api/admin/users/${user.id}`, payload: { disabled: false } });
    const resetResponse = await admin.inject({
      method: "POST",
      url: `/api/admin/users/${user.id}/reset-password`,
    });
    expect(resetResponse.statusCode, resetResponse.body).toBe(200);
    const reset = resetResponse.json<UserWithPassword>();
    expect(reset.password).not.toBe(password);
    expect(reset.password).toHaveLength(16);
    expect((await login("rpt-jyj", password)).statusCode).toBe(401);
    expect((await login("rpt-jyj", reset.password)).statusCode).toBe(200);
    // An admin cannot lock itself out.
    expect(
      code(
        await admin.inject({
          method: "PATCH",
          url: `/api/admin/users/${world.users.admin}`,
          payload: { disabled: true },
        }),
      ),
    ).toBe("conflict");

    const users = (await admin.inject({ method: "GET", url: "/api/admin/users" })).json<UserView[]>();
    expect(users.map((u) => u.username)).toContain("rpt-jyj");
    const actions = (
      await store().db.selectFrom("audit_log").select("action").where("entity", "=", "user").execute()
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["user.create", "user.update", "user.reset_password"]));
    const all = await store().db.selectFrom("audit_log").select(["before", "after"]).execute();
    for (const r of all) expect(`${r.before}${r.after}`).not.toMatch(/scrypt\$/);
  });

  it("administer departments and list regions", async () => {
    const admin = await signIn(app, "admin");
    const created = await admin.inject({
      method: "POST",
      url: "/api/admin/departments",
      payload: { regionId: world.regions.nankai, name: "区数据局", fullName: "天津市南开区数据局" },
    });
    expect(created.statusCode).toBe(201);
    const dept = created.json<DepartmentView>();
    expect(dept).toMatchObject({ regionName: "南开区", name: "区数据局", userCount: 0, disabled: false });
    const patched = await admin.inject({
      method: "PATCH",
      url: `/api/admin/departments/${dept.id}`,
      payload: { disabled: true },
    });
    expect(patched.json<DepartmentView>().disabled).toBe(true);
    const list = (await admin.inject({ method: "GET", url: "/api/admin/departments" })).json<
      DepartmentView[]
    >();
    expect(list.find((d) => d.id === world.departments.nankaiRsj)?.userCount).toBe(1);
    const regions = (await admin.inject({ method: "GET", url: "/api/admin/regions" })).json<
      { name: string; parentId: number | null }[]
    >();
    expect(regions.find((r) => r.name === "南开区")?.parentId).toBe(world.regions.tianjin);
  });

  it("search, page, export (CSV with BOM) and verify the audit log", async () => {
    await login("planner", "Wrong-password-1");
    await signIn(app, "planner");
    const admin = await signIn(app, "admin");
    const page = (
      await admin.inject({ method: "GET", url: "/api/admin/audit?action=auth.login&pageSize=2" })
    ).json<AuditPage>();
    expect(page.total).toBe(3); // planner failed, planner, admin
    expect(page.entries).toHaveLength(2);
    expect(page.entries[0]?.action).toBe("auth.login");
    expect(page.entries[0]?.username).toBe("admin");
    const byUser = (
      await admin.inject({ method: "GET", url: "/api/admin/audit?user=planner&action=auth" })
    ).json<AuditPage>();
    expect(byUser.entries.map((e) => e.action).sort()).toEqual(["auth.login", "auth.login_failed"]);
    const q = (
      await admin.inject({ method: "GET", url: "/api/admin/audit?q=wrong_password" })
    ).json<AuditPage>();
    expect(q.total).toBe(1);
    const none = (
      await admin.inject({ method: "GET", url: "/api/admin/audit?from=2030-01-01" })
    ).json<AuditPage>();
    expect(none.total).toBe(0);

    const csv = await admin.inject({ method: "GET", url: "/api/admin/audit/export?entity=session" });
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toMatch(/attachment; filename="plantrack-audit-/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("序号,时间,用户,地址,操作,对象,对象编号,修改前,修改后,哈希");
    expect(lines).toHaveLength(4);
    const english = await admin.inject({
      method: "GET",
      url: "/api/admin/audit/export?entity=session",
      headers: { "x-plantrack-lang": "en" },
    });
    expect(english.body.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "id,at,user,ip,action,entity,entity id,before,after,hash",
    );
    expect(lines[1]).toContain("auth.login_failed");

    const verify = (
      await admin.inject({ method: "GET", url: "/api/admin/audit/verify" })
    ).json<AuditVerifyResult>();
    expect(verify).toMatchObject({ ok: true, brokenAt: null });
    expect(verify.checked).toBeGreaterThan(10);
    expect((await verifyAuditChain(store().db)).ok).toBe(true);
  });
});
