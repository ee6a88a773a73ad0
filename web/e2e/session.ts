// Signing in for the browser tests: the known passwords the runner gives the server through
// PLANTRACK_ADMIN_PASSWORD and PLANTRACK_DEMO_PASSWORD, a sign-in through the page, and an API
// session (cookie and CSRF token) for the test's own requests.
import assert from "node:assert/strict";
import type { Page, Response } from "playwright-core";
import type { TargetView } from "../../src/contract/targets.ts";

/** With --base-url, give the server's passwords in the same variables. */
export const ADMIN_PASSWORD = process.env.PLANTRACK_ADMIN_PASSWORD ?? "Root-Key-e2e-2026!";
export const DEMO_PASSWORD = process.env.PLANTRACK_DEMO_PASSWORD ?? "Demo-Key-e2e-2026!";

export interface ApiSession {
  cookie: string;
  csrf: string;
}

export async function apiLogin(baseUrl: string, username: string, password: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(
    response.status,
    200,
    `sign-in of ${username} → ${response.status}: ${await response.clone().text()}`,
  );
  const body = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, csrf: body.csrfToken };
}

export async function apiJson<T>(
  baseUrl: string,
  session: ApiSession | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (session) {
    headers.cookie = session.cookie;
    if (method !== "GET") headers["x-csrf-token"] = session.csrf;
  }
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function getJson<T>(baseUrl: string, session: ApiSession | null, path: string): Promise<T> {
  const { status, body } = await apiJson<T>(baseUrl, session, "GET", path);
  assert.equal(status, 200, `GET ${path} → ${status}`);
  return body;
}

/**
 * Imports a plan text of Nankai (120104) for `year` as the planner and returns the new plan's id; the
 * file name, which shows in the plan list, says which test it is for.
 */
export async function importPlanText(
  baseUrl: string,
  planner: ApiSession,
  { text, year, fileName }: { text: string; year: number; fileName: string },
): Promise<number> {
  const form = new FormData();
  form.append("region", "120104");
  form.append("year", String(year));
  form.append("file", new Blob([text], { type: "text/plain" }), fileName);
  const response = await fetch(`${baseUrl}/api/plans/import`, {
    method: "POST",
    headers: { cookie: planner.cookie, "x-csrf-token": planner.csrf, accept: "application/json" },
    body: form,
  });
  const body = (await response.json()) as { planId?: number };
  assert.ok(response.ok, `importing ${fileName} → ${response.status}: ${JSON.stringify(body)}`);
  assert.ok(typeof body.planId === "number", `the import of ${fileName} names the new plan`);
  return body.planId;
}

/** Gives these targets a lead department as monthly cumulative targets, as a scene needs them to report. */
export async function assignCumulative(
  baseUrl: string,
  planner: ApiSession,
  targets: readonly TargetView[],
  departmentId: number,
): Promise<TargetView[]> {
  const out: TargetView[] = [];
  for (const t of targets) {
    const patched = await apiJson<TargetView>(baseUrl, planner, "PATCH", `/api/targets/${t.id}`, {
      leadDepartmentId: departmentId,
      kind: "cumulative",
      frequency: "monthly",
    });
    assert.equal(patched.status, 200, `assigning ${t.subject} → ${patched.status}`);
    out.push(patched.body);
  }
  return out;
}

/** Signs in through /login as a person would (keyboard: type, Tab, type, Enter) and waits to leave it. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string, next?: string) {
  await page.goto(`${baseUrl}/login${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-password").press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/**
 * Collects page errors and console errors, but not the browser's own line for an expected 401 (the
 * app asks /api/auth/me before anyone has signed in).
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (/status of 401/.test(m.text())) return;
    problems.push(`console error: ${m.text()}`);
  });
  return problems;
}

/**
 * Runs `act` and waits for the response to the request whose path ends with `pathEnd`. When none
 * comes, the error says what the page showed (open dialogs, busy buttons, errors on the page), so
 * a failure on CI can be understood from its log.
 */
export async function responseAfter(
  page: Page,
  pathEnd: string,
  act: () => Promise<void>,
  timeout = 45_000,
): Promise<Response> {
  const problems = watchProblems(page);
  const waiting = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(pathEnd), { timeout });
  // Settled here so a failing act does not leave the waiter's rejection unhandled.
  const outcome = waiting.then(
    (r) => ({ ok: true as const, r }),
    (e: unknown) => ({ ok: false as const, e }),
  );
  await act();
  const result = await outcome;
  if (result.ok) return result.r;
  const dialogs = await page
    .locator(".ant-modal-wrap:visible, .ant-drawer-open, .ant-popover:visible")
    .allInnerTexts()
    .catch(() => []);
  const busy = await page
    .locator(".ant-btn-loading")
    .count()
    .catch(() => -1);
  throw new Error(
    `no response to …${pathEnd} within ${timeout / 1000}s at ${page.url()}; ` +
      `open dialogs: ${JSON.stringify(dialogs.map((d) => d.slice(0, 200)))}; loading buttons: ${busy}; ` +
      `page problems: ${JSON.stringify(problems)}`,
  );
}
