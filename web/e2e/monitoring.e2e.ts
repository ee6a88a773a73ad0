// Running the plan, the whole cycle in Chromium (issue 5): a reporter signs in and sees what is due,
// reports and submits (through a 409 when someone saved first); the planner returns it with a
// reason; the reporter sees the reason, corrects and resubmits; the planner compares and approves;
// the target's status on the plan page changes. Writes docs/screenshots/desk.png (390 px) and review.png.
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import type { DepartmentRef } from "../../src/contract/common.ts";
import type { PlanDetail, PlanSummary } from "../../src/contract/plans.ts";
import type { MyDueView } from "../../src/contract/reminders.ts";
import type { ReportDetail, ReportView } from "../../src/contract/reports.ts";
import type { PlanStatusView } from "../../src/contract/status.ts";
import type { TargetView } from "../../src/contract/targets.ts";
// The demo reporters' user names (rpt-rsj for 区人社局): a test import only.
import { DEPARTMENT_SLUGS } from "../../src/services/bootstrap-users.ts";
import { toDisplayNumber } from "../src/format/number.ts";
import { launchChromium } from "./browser.ts";
import { type BrowserTestOptions, pageAs, phonePage, shot } from "./pages.ts";
import {
  type ApiSession,
  apiJson,
  apiLogin,
  DEMO_PASSWORD,
  getJson,
  importPlanText,
  watchProblems,
} from "./session.ts";

function reporterOf(department: DepartmentRef): string {
  return `rpt-${DEPARTMENT_SLUGS[department.name] ?? `d${department.id}`}`;
}

/** The problems of a page, less the 409 the test provokes and a 429 it waits out. */
function unexpected(problems: string[]): string[] {
  return problems.filter((p) => !/status of (409|429)/.test(p));
}

interface Scene {
  plan: PlanSummary;
  target: TargetView;
  period: string;
  reporter: string;
  statusBefore: string;
}

/**
 * A small plan of this year (last year in its first weeks), imported for the test: its status is
 * read as of today, so what the test approves now counts now. The demo plan is read as of its fixed
 * demo date, before any revision the test could save.
 */
function planText(year: number, stamp: string): string {
  return [
    `南开区${year}年重点工作推进计划（浏览器测试 ${stamp}）`,
    "一、主要目标",
    "1.稳定就业。全年新增就业2万人。",
    "2.绿色发展。全年新增绿地3万平方米。",
    "",
  ].join("\n");
}

function importPlan(baseUrl: string, planner: ApiSession, year: number): Promise<number> {
  const stamp = Date.now().toString(36);
  return importPlanText(baseUrl, planner, {
    text: planText(year, stamp),
    year,
    fileName: `e2e-plan-${stamp}.txt`,
  });
}

/**
 * The plan's cumulative 新增就业 target, given its suggested department (区人社局) and published; the
 * period its status looks at today, and the department's reporter, who owes that period's report.
 */
async function setScene(baseUrl: string, planner: ApiSession, log: (l: string) => void): Promise<Scene> {
  const year = new Date(Date.now() - 40 * 86_400_000).getFullYear();
  const planId = await importPlan(baseUrl, planner, year);
  const detail = await getJson<PlanDetail>(baseUrl, planner, `/api/plans/${planId}`);
  const found = detail.targets.find((t) => t.kind === "cumulative" && t.subject.includes("就业"));
  assert.ok(
    found,
    `the extractor found no 新增就业 target: ${detail.targets.map((t) => t.subject).join(", ")}`,
  );
  const departmentId =
    found.leadDepartment?.id ??
    found.suggestedDepartment?.departmentId ??
    detail.departments.find((d) => d.name === "区人社局")?.id;
  assert.ok(departmentId, "no department for the target");
  const patched = await apiJson<TargetView>(baseUrl, planner, "PATCH", `/api/targets/${found.id}`, {
    leadDepartmentId: departmentId,
  });
  assert.equal(patched.status, 200, `assigning the department → ${patched.status}`);
  const target = patched.body;
  const published = await apiJson<PlanSummary>(baseUrl, planner, "POST", `/api/plans/${planId}/publish`, {});
  assert.equal(published.status, 200, `publishing the plan → ${published.status}`);
  const status = await getJson<PlanStatusView>(baseUrl, planner, `/api/plans/${planId}/status`);
  const before = status.targets.find((x) => x.targetId === target.id)?.evaluation;
  assert.ok(before?.period, "the target has a period to judge");
  assert.equal(before.status, "not_reported");
  const department = target.leadDepartment as DepartmentRef;
  log(
    `plan #${planId} (${year}), target #${target.id} “${target.subject}” (${target.display}), ` +
      `${department.name}, period ${before.period.key}`,
  );
  return {
    plan: published.body,
    target,
    period: before.period.key,
    reporter: reporterOf(department),
    statusBefore: before.status,
  };
}

/** Signs in through the page; when the server asks to slow down (429), waits and tries again. */
async function signInPatiently(page: Page, baseUrl: string, username: string, log: (l: string) => void) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(DEMO_PASSWORD);
    await page.getByTestId("login-password").press("Enter");
    const error = page.getByTestId("login-error");
    // The loser of the race times out later: its failure is caught, not left unhandled.
    const outcome = await Promise.race([
      page
        .waitForURL((url) => !url.pathname.startsWith("/login"))
        .then(() => "in" as const)
        .catch(() => "timeout" as const),
      error
        .waitFor()
        .then(() => "refused" as const)
        .catch(() => "timeout" as const),
    ]);
    if (outcome === "in") return;
    assert.notEqual(outcome, "timeout", `sign-in of ${username} neither went through nor was refused`);
    const problem = await error.getAttribute("data-problem");
    assert.equal(problem, "rate_limited", `sign-in of ${username} refused: ${await error.textContent()}`);
    log(`sign-in of ${username} rate limited; waiting a minute`);
    await page.waitForTimeout(61_000);
  }
  throw new Error(`sign-in of ${username} still rate limited`);
}

async function submittedReport(baseUrl: string, planner: ApiSession, scene: Scene): Promise<ReportView> {
  const { body } = await apiJson<{ reports: ReportView[] }>(
    baseUrl,
    planner,
    "GET",
    `/api/plans/${scene.plan.id}/reports?state=submitted`,
  );
  const report = body.reports.find(
    (r) => r.subject.kind === "target" && r.subject.id === scene.target.id && r.period.key === scene.period,
  );
  assert.ok(report, "the submitted report is in the planner's queue");
  return report;
}

/** The reporter's form for the scene's target and period, opened from the desk. */
async function openFromDesk(page: Page, scene: Scene) {
  const card = page.locator(
    `[data-testid="due-item"][data-subject-kind="target"][data-subject-id="${scene.target.id}"][data-period="${scene.period}"]`,
  );
  await card.waitFor();
  await card.scrollIntoViewIfNeeded();
  const state = await card.getAttribute("data-state");
  await card.locator("a").click();
  const form = page.getByTestId("report-form");
  await form.waitFor();
  return { state, form };
}

async function submit(page: Page, scene: Scene, expectStatus = 200) {
  const saved = page.waitForResponse(
    (r) => r.url().includes(`/api/targets/${scene.target.id}/reports/`) && r.request().method() === "PUT",
  );
  await page.getByTestId("report-submit").click();
  const response = await saved;
  assert.equal(
    response.status(),
    expectStatus,
    `saving answered ${response.status()}: ${await response.text()}`,
  );
}

async function openReview(page: Page, baseUrl: string, scene: Scene, reportId: number) {
  await page.goto(`${baseUrl}/review?plan=${scene.plan.id}`);
  const row = page.getByTestId("review-queue").locator(`tr[data-row-key="${reportId}"]`);
  await row.waitFor();
  await row.getByTestId("review-open").click();
  const drawer = page.locator(`[data-testid="review-drawer"][data-report-id="${reportId}"]`);
  await drawer.waitFor();
  return drawer;
}

async function review(page: Page, reportId: number, act: () => Promise<void>) {
  const done = page.waitForResponse(
    (r) => r.url().endsWith(`/api/reports/${reportId}/review`) && r.request().method() === "POST",
  );
  await act();
  const response = await done;
  assert.equal(response.status(), 200, `review answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as ReportDetail;
}

export async function reportingCycleTest({ baseUrl, screenshots, log = console.log }: BrowserTestOptions) {
  const planner = await apiLogin(baseUrl, "planner", DEMO_PASSWORD);
  const scene = await setScene(baseUrl, planner, log);
  const reporter = await apiLogin(baseUrl, scene.reporter, DEMO_PASSWORD);
  const due = await getJson<MyDueView>(baseUrl, reporter, "/api/me/due");
  assert.ok(
    due.items.some(
      (i) => i.subject.kind === "target" && i.subject.id === scene.target.id && i.period.key === scene.period,
    ),
    `${scene.reporter} owes the report for ${scene.period}`,
  );
  const t = scene.target;
  // Half the target first, then seven eighths: on schedule at any month from October on.
  const first = String(toDisplayNumber((t.value as number) * 0.5, t.unit, t.displayUnit));
  const corrected = String(toDisplayNumber((t.value as number) * 0.875, t.unit, t.displayUnit));
  const reason = "数值与统计局口径不一致，请核对后重报";

  const browser: Browser = await launchChromium();
  try {
    const phone = await phonePage(browser);
    const phoneProblems = watchProblems(phone);
    const desk = await pageAs(browser, baseUrl, planner);
    const deskProblems = watchProblems(desk);

    // 1. The planner sees the department overdue and sends a reminder (催报) in one click.
    const department = t.leadDepartment as DepartmentRef;
    await desk.goto(`${baseUrl}/review?plan=${scene.plan.id}&tab=overdue`);
    const overdueRow = desk.getByTestId("overdue-table").locator(`tr[data-row-key="${department.id}"]`);
    await overdueRow.waitFor();
    const reminded = desk.waitForResponse(
      (r) => r.url().endsWith(`/api/plans/${scene.plan.id}/reminders`) && r.request().method() === "POST",
    );
    await overdueRow.getByTestId("remind").click();
    const reminder = await reminded;
    assert.ok(reminder.ok(), `催报 answered ${reminder.status()}: ${await reminder.text()}`);

    // 2. The reporter signs in on a phone and lands on what is due, with the reminder on top.
    await signInPatiently(phone, baseUrl, scene.reporter, log);
    await phone.waitForURL("**/desk");
    await phone.getByTestId("due-list").waitFor();
    await phone.getByTestId("reminders").waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the desk scrolls sideways at 390 px by ${overflow}px`);
    await shot(phone, screenshots, "desk.png", log);

    // 3. The form checks the value as it is typed.
    let { form } = await openFromDesk(phone, scene);
    const value = form.getByTestId("report-value");
    await value.fill("12a");
    assert.equal(await form.getByTestId("report-value-problem").getAttribute("data-problem"), "notNumber");
    await value.fill(first);
    assert.equal(await form.getByTestId("report-value-problem").count(), 0, "a number is accepted");
    await form.getByTestId("report-progress").fill("已按季度开展认定工作，本期完成过半。");
    await form.getByTestId("report-next-steps").fill("继续推进，年底前完成目标。");

    // 4. Someone of the department saves a draft meanwhile: the submit is refused (409), theirs shown.
    const meanwhile = await apiJson<ReportDetail>(
      baseUrl,
      reporter,
      "PUT",
      `/api/targets/${t.id}/reports/${encodeURIComponent(scene.period)}`,
      { baseRevision: null, value: t.value, progress: "同事先存的草稿", problems: "", nextSteps: "" },
    );
    assert.equal(meanwhile.status, 200, `the draft saved meanwhile → ${meanwhile.status}`);
    await submit(phone, scene, 409);
    const conflict = phone.getByTestId("report-conflict");
    await conflict.waitFor();
    assert.match(
      (await conflict.getByTestId("conflict-theirs-progress").textContent()) ?? "",
      /同事先存的草稿/,
    );
    await conflict.getByTestId("report-reapply").click();
    await submit(phone, scene);
    await phone.waitForURL("**/desk");

    // 5. The planner returns it with a reason.
    let report = await submittedReport(baseUrl, planner, scene);
    let drawer = await openReview(desk, baseUrl, scene, report.id);
    await drawer.getByTestId("review-return").click();
    await drawer.getByTestId("return-reason").fill(reason);
    const returned = await review(desk, report.id, () => drawer.getByTestId("return-confirm").click());
    assert.equal(returned.report.state, "returned");

    // 6. The reporter sees it returned with the reason, corrects and resubmits.
    await phone.goto(`${baseUrl}/desk`);
    const again = await openFromDesk(phone, scene);
    form = again.form;
    assert.equal(again.state, "returned", "the desk lists the report as returned");
    assert.match((await form.getByTestId("report-returned").textContent()) ?? "", new RegExp(reason));
    assert.equal(
      await form.getByTestId("report-value").inputValue(),
      first,
      "the returned value is there to correct",
    );
    await form.getByTestId("report-value").fill(corrected);
    await form.getByTestId("report-progress").fill("已按统计局口径核对，全年目标已完成。");
    await submit(phone, scene);
    await phone.waitForURL("**/desk");

    // 7. The planner compares with the returned revision and approves.
    report = await submittedReport(baseUrl, planner, scene);
    drawer = await openReview(desk, baseUrl, scene, report.id);
    const valueRow = drawer.getByTestId("review-compare").locator('tr[data-field="value"]');
    assert.equal(await valueRow.getAttribute("data-changed"), "true", "the value is marked as changed");
    await shot(desk, screenshots, "review.png", log);
    const approved = await review(desk, report.id, () => drawer.getByTestId("review-approve").click());
    assert.equal(approved.report.state, "approved");
    assert.equal(approved.report.approved?.value, (t.value as number) * 0.875);

    // 8. The plan page shows the target's new status, and its working.
    const status = await getJson<PlanStatusView>(baseUrl, planner, `/api/plans/${scene.plan.id}/status`);
    const now = status.targets.find((s) => s.targetId === t.id)?.evaluation.status;
    assert.ok(
      now && now !== scene.statusBefore,
      `the status changed from ${scene.statusBefore} (now ${now})`,
    );
    await desk.goto(`${baseUrl}/plans/${scene.plan.id}`);
    const tag = desk.locator(`[data-testid="target-status"][data-target-id="${t.id}"]`);
    await tag.waitFor();
    assert.equal(await tag.getAttribute("data-status"), now, "the plan page shows the new status");
    await tag.scrollIntoViewIfNeeded();
    await tag.click();
    await desk.getByTestId("status-working").waitFor();
    log(`status of #${t.id}: ${scene.statusBefore} → ${now}`);

    assert.deepEqual(unexpected(phoneProblems), [], "the reporter's page logged no errors");
    assert.deepEqual(unexpected(deskProblems), [], "the planner's page logged no errors");
  } finally {
    await browser.close();
  }
}
