// Sign-in, administration, roles and the public page, driven in Chromium (issue 4).
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import type { PlanSummary } from "../../src/contract/plans.ts";
import type { UserView, UserWithPassword } from "../../src/contract/users.ts";
// The server's TOTP, to compute the codes an authenticator app would show (a test import only).
import { totpAt } from "../../src/services/totp.ts";
import { type BrowserTestOptions, shot, withPage } from "./pages.ts";
import { ADMIN_PASSWORD, apiJson, apiLogin, DEMO_PASSWORD, getJson, signIn } from "./session.ts";

/** /login: errors in words, keyboard only, and back to the page the user was going to. */
export async function signInTest({ baseUrl, screenshots, log = console.log }: BrowserTestOptions) {
  const session = await apiLogin(baseUrl, "planner", DEMO_PASSWORD);
  const plans = await getJson<PlanSummary[]>(baseUrl, session, "/api/plans");
  const plan = plans[0];
  assert.ok(plan, "no plan to go to");

  await withPage({ width: 1440, height: 900 }, async (page) => {
    // Going to a plan signed out lands on /login with the way back.
    await page.goto(`${baseUrl}/plans/${plan.id}`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByTestId("login-form").waitFor();
    await shot(page, screenshots, "sign-in.png", log);

    // The user name field has the focus; a wrong password says so, and empties the password.
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute("data-testid")),
      "login-username",
    );
    await page.keyboard.type("planner");
    await page.keyboard.press("Tab");
    await page.keyboard.type("not-the-password-1A");
    await page.keyboard.press("Enter");
    const error = page.getByTestId("login-error");
    await error.waitFor();
    assert.equal(await error.getAttribute("data-problem"), "credentials");
    assert.match((await error.textContent()) ?? "", /用户名或密码不正确/);
    assert.equal(await page.getByTestId("login-password").inputValue(), "");
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute("data-testid")),
      "login-password",
    );

    // The right password, typed and sent with Enter, goes to the plan asked for.
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/plans/${plan.id}`);
    await page.getByTestId("plan-page").waitFor();
    const menu = page.getByTestId("user-menu");
    assert.match((await menu.textContent()) ?? "", /计划编制/);

    // Signing out comes back to /login, and the plan is out of reach again.
    await menu.click();
    await page.getByTestId("logout").click();
    await page.waitForURL(/\/login/);
    await page.goto(`${baseUrl}/plans/${plan.id}`);
    await page.waitForURL(/\/login\?next=/);
  });

  await withPage({ width: 390, height: 844 }, async (page) => {
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId("login-form").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the sign-in page scrolls sideways at 390 px by ${overflow}px`);
    await shot(page, screenshots, "sign-in-390.png", log);
  });
}

/** An administrator creates a user, sees the one-time password; the user signs in and must change it. */
export async function adminUsersTest({ baseUrl, screenshots, log = console.log }: BrowserTestOptions) {
  const username = `e2e-${Date.now().toString(36)}`;
  const password = await withPage({ width: 1440, height: 900 }, async (page) => {
    await signIn(page, baseUrl, "admin", ADMIN_PASSWORD);
    const nav = page.getByTestId("app-nav");
    await nav.locator('[data-nav="plans"]').waitFor();
    for (const key of ["admin.users", "admin.departments", "admin.audit"]) {
      assert.equal(await nav.locator(`[data-nav="${key}"]`).count(), 1, `admin sees ${key}`);
    }
    await nav.locator('[data-nav="admin.users"]').click();
    await page.getByTestId("users-table").locator("tr.ant-table-row").first().waitFor();

    await page.getByTestId("create-user").click();
    const form = page.getByTestId("user-form");
    await form.waitFor();
    await page.getByTestId("user-username").fill(username);
    await page.getByTestId("user-display-name").fill("测试填报员");
    // Role: reporter (the default); the department is required for reporters.
    await page.getByTestId("user-department").click();
    await page.keyboard.type("统计局");
    await page.keyboard.press("Enter");
    const created = page.waitForResponse(
      (r) => r.url().endsWith("/api/admin/users") && r.request().method() === "POST",
    );
    await page.getByTestId("user-form-submit").click();
    const response = await created;
    assert.ok(response.ok(), `POST /api/admin/users → ${response.status()}: ${await response.text()}`);
    const shown = page.getByTestId("one-time-password");
    await shown.waitFor();
    const oneTime = ((await shown.textContent()) ?? "").trim();
    assert.ok(oneTime.length >= 10, `a one-time password is shown (${oneTime.length} characters)`);
    const row = page.getByTestId("users-table").locator("tr.ant-table-row", { hasText: username });
    await row.waitFor();
    // The form's dialog has gone (not fading behind the password's) before the picture.
    await form.waitFor({ state: "detached" });
    await page
      .locator(".ant-modal-wrap")
      .filter({ has: shown })
      .locator(".ant-modal")
      .evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    assert.match((await row.textContent()) ?? "", /区统计局/);
    await shot(page, screenshots, "admin-users.png", log);
    await page.getByTestId("one-time-password-close").click();
    return oneTime;
  });
  log(`created ${username}`);

  // The new user signs in with it and must choose a password first, checked as typed.
  await withPage({ width: 1440, height: 900 }, async (page) => {
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(password);
    await page.getByTestId("login-submit").click();
    await page.waitForURL(/\/change-password/);
    const rules = page.getByTestId("password-rules");
    await page.getByTestId("current-password").fill(password);
    await page.getByTestId("new-password").fill(`${username}X1`);
    assert.equal(await rules.locator('[data-rule="username"]').getAttribute("data-ok"), "false");
    const fresh = "Quarterly-Report-42";
    await page.getByTestId("new-password").fill(fresh);
    for (const rule of ["length", "classes", "username"]) {
      assert.equal(await rules.locator(`[data-rule="${rule}"]`).getAttribute("data-ok"), "true", rule);
    }
    await page.getByTestId("confirm-password").fill(fresh);
    await page.getByTestId("change-password-submit").click();
    // A reporter lands on its own desk, which has no 管理 and no import.
    await page.waitForURL((url) => url.pathname === "/desk");
    await page.getByTestId("app-nav").waitFor();
    assert.equal(await page.getByTestId("app-nav").locator('[data-nav^="admin."]').count(), 0);
    assert.equal(await page.getByTestId("import-button").count(), 0);
  });
}

/** Picks one action of the audit log's filter by typing its words. */
async function chooseAction(page: Page, words: string) {
  await page.getByTestId("audit-filter-action").click();
  await page.keyboard.type(words);
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option-active").last().waitFor();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.locator(".ant-select-dropdown:visible").first().waitFor({ state: "hidden" });
}

/** The audit log: the sign-ins and the new user are there, a change shows before and after, the chain holds. */
export async function auditTest({ baseUrl, screenshots, log = console.log }: BrowserTestOptions) {
  await withPage({ width: 1440, height: 900 }, async (page) => {
    await signIn(page, baseUrl, "admin", ADMIN_PASSWORD, "/admin/audit");
    await page.waitForURL("**/admin/audit");
    const table = page.getByTestId("audit-table");
    await table.locator("tr.ant-table-row").first().waitFor();

    // Search by action, chosen in words: the failed sign-in of the sign-in test is there.
    await chooseAction(page, "登录失败");
    const searched = page.waitForResponse(
      (r) => r.url().includes("/api/admin/audit?") && r.url().includes("actions=auth.login_failed"),
    );
    await page.getByTestId("audit-search").click();
    assert.equal((await searched).status(), 200);
    await table.locator("tr.ant-table-row", { hasText: "登录失败" }).first().waitFor();

    // The users created at the first start, opened: each field of the new row in words.
    await page.getByTestId("audit-reset").click();
    await chooseAction(page, "新建用户");
    const created = page.waitForResponse((r) => r.url().includes("actions=user.create"));
    await page.getByTestId("audit-search").click();
    assert.equal((await created).status(), 200);
    await table.locator("tr.ant-table-row", { hasText: "新建用户" }).first().waitFor();
    await table.locator("button.ant-table-row-expand-icon-collapsed").first().click();
    const diff = page.getByTestId("audit-diff").first();
    await diff.waitFor();
    assert.match((await diff.textContent()) ?? "", /用户名/);
    assert.ok(
      !/password_hash|totp_secret|username/.test((await diff.textContent()) ?? ""),
      "words, no secrets",
    );

    // The worded Excel workbook downloads under its Chinese name.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("audit-export-xlsx").click(),
    ]);
    assert.match(download.suggestedFilename(), /^审计日志-\d{8}\.xlsx$/);

    await page.getByTestId("audit-verify").click();
    const result = page.getByTestId("audit-verify-result");
    await result.waitFor();
    assert.match((await result.textContent()) ?? "", /哈希链完整/);

    const href = await page.getByTestId("audit-export").getAttribute("href");
    if (!href?.startsWith("/api/admin/audit/export")) throw new Error(`export link ${href}`);
    const csv = await page.evaluate(async (url) => {
      const r = await fetch(url);
      return { status: r.status, type: r.headers.get("content-type"), head: (await r.text()).slice(0, 80) };
    }, href);
    assert.equal(csv.status, 200);
    assert.match(csv.type ?? "", /csv/);
    await shot(page, screenshots, "audit.png", log);
  });
}

/** Anonymous: /api/plans refused with 401; a plan the planner made public opens without sign-in. */
export async function publicPlanTest({ baseUrl, screenshots, log = console.log }: BrowserTestOptions) {
  const anonymous = await apiJson<{ code: string }>(baseUrl, null, "GET", "/api/plans");
  assert.equal(anonymous.status, 401, "GET /api/plans without a session");
  assert.equal(anonymous.body.code, "unauthenticated");

  const planner = await apiLogin(baseUrl, "planner", DEMO_PASSWORD);
  const plans = await getJson<PlanSummary[]>(baseUrl, planner, "/api/plans");
  const plan = plans.find((p) => p.title.includes("南开区")) ?? plans[0];
  assert.ok(plan, "no plan");
  if (plan.state === "draft") {
    const published = await apiJson(baseUrl, planner, "POST", `/api/plans/${plan.id}/publish`, {});
    assert.equal(published.status, 200, `publish → ${published.status}`);
  }

  // The planner makes it public with the toggle on the plan page.
  await withPage({ width: 1440, height: 900 }, async (page) => {
    await signIn(page, baseUrl, "planner", DEMO_PASSWORD, `/plans/${plan.id}`);
    const toggle = page.getByTestId("public-toggle");
    await toggle.waitFor();
    if ((await toggle.getAttribute("aria-checked")) !== "true") {
      const saved = page.waitForResponse((r) => r.url().endsWith(`/api/plans/${plan.id}/public`));
      await toggle.click();
      assert.equal((await saved).status(), 200);
    }
    await page.getByTestId("public-link").waitFor();
  });

  // A visitor with no account: the list, then the plan, read only.
  await withPage({ width: 1440, height: 900 }, async (page) => {
    await page.goto(`${baseUrl}/public`);
    await page.getByTestId("public-plans").getByRole("link", { name: plan.title }).click();
    await page.waitForURL(`**/public/plans/${plan.id}`);
    const table = page.getByTestId("public-targets");
    await table.locator("tbody tr").first().waitFor();
    const detail = await getJson<{ targets: unknown[] }>(baseUrl, null, `/api/public/plans/${plan.id}`);
    assert.equal(await table.locator("tbody tr:not(.group-row)").count(), detail.targets.length);
    const fields = page.locator("main input:not([type=radio]), main textarea, main [contenteditable=true]");
    assert.equal(await fields.count(), 0, "nothing to edit");
    const status = await page.evaluate(async () => (await fetch("/api/plans")).status);
    assert.equal(status, 401, "the visitor's browser is refused /api/plans");
    await shot(page, screenshots, "public-plan.png", log);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".app-header").isVisible(), false, "print hides the header");
  });
}

/** A leader reads the plan: no publish, no import, no save; the card's fields are disabled. */
export async function leaderReadOnlyTest({ baseUrl }: BrowserTestOptions) {
  const leader = await apiLogin(baseUrl, "leader", DEMO_PASSWORD);
  const plans = await getJson<PlanSummary[]>(baseUrl, leader, "/api/plans");
  const plan = plans[0];
  assert.ok(plan, "the leader sees a plan");
  const users = await apiJson<UserView[]>(baseUrl, leader, "GET", "/api/admin/users");
  assert.equal(users.status, 403, "a leader is refused the user list");

  await withPage({ width: 1440, height: 900 }, async (page) => {
    await signIn(page, baseUrl, "leader", DEMO_PASSWORD, `/plans/${plan.id}`);
    await page.locator('[data-testid="target-highlight"]').first().click();
    await page.getByTestId("target-card").waitFor();
    assert.equal(await page.getByTestId("target-save").count(), 0, "no save button");
    assert.equal(await page.getByTestId("publish-button").count(), 0, "no publish button");
    assert.equal(await page.getByTestId("public-toggle").count(), 0, "no public toggle");
    assert.ok(await page.getByTestId("target-value-input").isDisabled(), "the value cannot be typed");
    await page.getByTestId("read-only").waitFor();
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByText("无权访问").waitFor();
  });
}

/**
 * Second factor: a new planner turns TOTP on from the account page (secret and QR code shown); the
 * next sign-in asks for the code, refuses a wrong one, accepts the right one.
 */
export async function totpTest({ baseUrl, log = console.log }: BrowserTestOptions) {
  const admin = await apiLogin(baseUrl, "admin", ADMIN_PASSWORD);
  const username = `e2e-totp-${Date.now().toString(36)}`;
  const made = await apiJson<UserWithPassword>(baseUrl, admin, "POST", "/api/admin/users", {
    username,
    role: "planner",
  });
  assert.ok(made.status < 300, `create ${username} → ${made.status}`);
  const password = "Second-Factor-77";
  const first = await apiLogin(baseUrl, username, made.body.password);
  const changed = await apiJson(baseUrl, first, "POST", "/api/auth/password", {
    currentPassword: made.body.password,
    newPassword: password,
  });
  assert.ok(changed.status < 300, `password change → ${changed.status}`);

  await withPage({ width: 1440, height: 900 }, async (page) => {
    await signIn(page, baseUrl, username, password, "/account");
    await page.getByTestId("account-page").waitFor();
    await page.getByTestId("totp-setup").click();
    await page.getByTestId("totp-qr").waitFor();
    const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
    assert.match(secret, /^[A-Z2-7]{16,}$/, `a base32 secret is shown (${secret})`);
    await page.getByTestId("totp-code").fill(totpAt(secret, Date.now()));
    await page.getByTestId("totp-code").press("Enter");
    await page.getByTestId("totp-card").getByText("已启用").waitFor();

    await page.getByTestId("user-menu").click();
    await page.getByTestId("logout").click();
    await page.waitForURL(/\/login/);

    // Password first; the server asks for the code, and the field appears with the focus.
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(password);
    await page.getByTestId("login-password").press("Enter");
    const totp = page.getByTestId("login-totp");
    await totp.waitFor();
    assert.equal(await page.getByTestId("login-error").getAttribute("data-problem"), "totp_required");
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute("data-testid")),
      "login-totp",
    );

    const right = totpAt(secret, Date.now() + 30_000);
    await page.keyboard.type(right === "000000" ? "111111" : "000000");
    await page.keyboard.press("Enter");
    await page.locator('[data-testid="login-error"][data-problem="totp_invalid"]').waitFor();

    // The next step's code: the enabling code's step may not be used again.
    await totp.fill(right);
    await totp.press("Enter");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.getByTestId("user-menu").waitFor();
  });
  log(`${username} signed in with a second factor`);
}
