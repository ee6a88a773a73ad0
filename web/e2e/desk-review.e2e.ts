// The department desk and the review desk grown up (issue 6), in Chromium. A reporter on a 390×844
// phone files a report: last period's value and words are shown beside the inputs, a cumulative
// value below last period's is flagged until 存在问题 explains it, a draft is saved, then submitted.
// The planner returns one report with a reason, compares the resubmission with the returned revision,
// approves two reports in one bulk action, and sends a one-click reminder (催报) about one overdue
// report. Writes docs/screenshots/desk-phone.png and review-desk.png.
import assert from "node:assert/strict";
import type { PlanDetail, PlanSummary } from "../../src/contract/plans.ts";
import type { DueItem, MyDueView, ReminderView } from "../../src/contract/reminders.ts";
import type { ReportDetail } from "../../src/contract/reports.ts";
import type { BulkReviewResult } from "../../src/contract/review.ts";
import type { TargetView } from "../../src/contract/targets.ts";
import { formatQuantity, toDisplayNumber } from "../src/format/number.ts";
import { launchChromium } from "./browser.ts";
import { type BrowserTestOptions, pageAs, phonePage, shot } from "./pages.ts";
import {
  type ApiSession,
  apiJson,
  apiLogin,
  assignCumulative,
  DEMO_PASSWORD,
  getJson,
  importPlanText,
  responseAfter,
  signIn,
  watchProblems,
} from "./session.ts";

interface Scene {
  planId: number;
  jobs: TargetView;
  others: TargetView[];
  /** The jobs target's last two ended periods. */
  previous: string;
  current: string;
  departmentId: number;
}

const TEXTS = { problems: "", nextSteps: "继续推进" };

/**
 * A plan of the year 70 days ago (so at least two monthly periods have ended), three cumulative
 * targets all led by 区人社局, published; last period's jobs report submitted by the department.
 */
async function setScene(
  baseUrl: string,
  planner: ApiSession,
  reporter: ApiSession,
  log: (l: string) => void,
): Promise<Scene> {
  const year = new Date(Date.now() - 70 * 86_400_000).getFullYear();
  const stamp = Date.now().toString(36);
  const text = [
    `南开区${year}年就业工作计划（浏览器测试 ${stamp}）`,
    "一、主要目标",
    "1.稳定就业。全年新增就业2万人。",
    "2.技能培训。全年新增技能人才3000人。",
    "3.创业带动。全年新增创业实体1500家。",
    "",
  ].join("\n");
  const planId = await importPlanText(baseUrl, planner, { text, year, fileName: `e2e-desk-${stamp}.txt` });
  const detail = await getJson<PlanDetail>(baseUrl, planner, `/api/plans/${planId}`);
  const department = detail.departments.find((d) => d.name === "区人社局");
  assert.ok(department, "the plan's region has 区人社局");
  const targets = await assignCumulative(baseUrl, planner, detail.targets, department.id);
  const jobs = targets.find((t) => t.subject.includes("就业"));
  assert.ok(jobs && targets.length >= 3, `targets: ${targets.map((t) => t.subject).join(", ")}`);
  const published = await apiJson<PlanSummary>(baseUrl, planner, "POST", `/api/plans/${planId}/publish`, {});
  assert.equal(published.status, 200, `publishing → ${published.status}`);

  const due = await getJson<MyDueView>(baseUrl, reporter, "/api/me/due");
  const periods = due.items
    .filter((i) => i.planId === planId && i.subject.kind === "target" && i.subject.id === jobs.id)
    .sort((a, b) => a.period.index - b.period.index)
    .map((i) => i.period.key);
  assert.ok(periods.length >= 2, `two periods owed, got ${periods.join(", ")}`);
  const previous = periods[periods.length - 2] as string;
  const current = periods[periods.length - 1] as string;
  const last = await apiJson<ReportDetail>(
    baseUrl,
    reporter,
    "PUT",
    `/api/targets/${jobs.id}/reports/${encodeURIComponent(previous)}`,
    {
      baseRevision: null,
      value: (jobs.value as number) * 0.5,
      progress: "上期完成认定一万人",
      ...TEXTS,
      submit: true,
    },
  );
  assert.equal(last.status, 200, `last period's report → ${last.status}`);
  log(`plan #${planId}, ${jobs.subject} #${jobs.id}: ${previous} submitted, ${current} to file`);
  return {
    planId,
    jobs,
    others: targets.filter((t) => t.id !== jobs.id),
    previous,
    current,
    departmentId: department.id,
  };
}

export async function deskReviewTest({ baseUrl, screenshots, log = console.log }: BrowserTestOptions) {
  const planner = await apiLogin(baseUrl, "planner", DEMO_PASSWORD);
  const reporter = await apiLogin(baseUrl, "rpt-rsj", DEMO_PASSWORD);
  const scene = await setScene(baseUrl, planner, reporter, log);
  const jobs = scene.jobs;
  const shown = (base: number) => String(toDisplayNumber(base, jobs.unit, jobs.displayUnit));

  const browser = await launchChromium();
  try {
    // ── The reporter, on a phone ──
    const phone = await phonePage(browser);
    const phoneProblems = watchProblems(phone);
    await signIn(phone, baseUrl, "rpt-rsj", DEMO_PASSWORD);
    await phone.waitForURL("**/desk");
    await phone.getByTestId("due-list").waitFor();
    const card = phone.locator(
      `[data-testid="due-item"][data-subject-id="${jobs.id}"][data-period="${scene.current}"]`,
    );
    await card.scrollIntoViewIfNeeded();
    await card.locator("a").click();
    const form = phone.getByTestId("report-form");
    await form.waitFor();
    await form.getByTestId("report-previous").waitFor();
    const previousText = (await form.getByTestId("report-previous").textContent()) ?? "";
    const lastShown = formatQuantity((jobs.value as number) * 0.5, jobs.unit, jobs.displayUnit);
    assert.ok(previousText.includes(lastShown), `last period's value ${lastShown} shown: “${previousText}”`);
    assert.match(
      (await form.getByTestId("report-progress-previous").textContent()) ?? "",
      /上期完成认定一万人/,
      "last period's words are shown under 进展情况",
    );

    // Below last period's total: flagged, and 存在问题 asks for the reason, until it is given.
    await form.getByTestId("report-value").fill(shown((jobs.value as number) * 0.4));
    const problem = form.getByTestId("report-value-problem");
    assert.equal(await problem.getAttribute("data-problem"), "belowPrevious");
    await form.getByTestId("report-problems-error").waitFor();
    await form.getByTestId("report-progress").fill("本期核减重复登记人数。");
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the form scrolls sideways at 390 px by ${overflow}px`);
    await shot(phone, screenshots, "desk-phone.png", log);
    const puts: string[] = [];
    phone.on("request", (r) => {
      if (r.method() === "PUT" && r.url().includes(`/targets/${jobs.id}/reports/`)) puts.push(r.url());
    });
    await form.getByTestId("report-save-draft").click();
    await phone.waitForTimeout(300);
    assert.deepEqual(puts, [], "nothing is saved while the fall is unexplained");
    await form.getByTestId("report-problems").fill("核查发现上期有重复登记，已按统计口径核减。");
    assert.equal(
      await problem.getAttribute("data-problem"),
      "belowPreviousNoted",
      "the note lifts the block",
    );
    assert.equal(await form.getByTestId("report-problems-error").count(), 0);

    const savePut = () =>
      phone.waitForResponse(
        (r) => r.url().includes(`/api/targets/${jobs.id}/reports/`) && r.request().method() === "PUT",
      );
    let saved = savePut();
    await form.getByTestId("report-save-draft").click();
    let response = await saved;
    assert.equal(response.status(), 200, `draft → ${response.status()}`);
    assert.equal(((await response.json()) as ReportDetail).report.state, "draft");
    saved = savePut();
    await form.getByTestId("report-submit").click();
    response = await saved;
    assert.equal(response.status(), 200, `submit → ${response.status()}`);
    const filed = (await response.json()) as ReportDetail;
    assert.equal(filed.report.state, "submitted");
    await phone.waitForURL("**/desk");

    // The two other targets' reports of the period come in too (by API: the planner's queue).
    const otherIds: number[] = [];
    for (const t of scene.others.slice(0, 2)) {
      const r = await apiJson<ReportDetail>(
        baseUrl,
        reporter,
        "PUT",
        `/api/targets/${t.id}/reports/${encodeURIComponent(scene.current)}`,
        {
          baseRevision: null,
          value: (t.value as number) * 0.7,
          progress: "按计划推进",
          ...TEXTS,
          submit: true,
        },
      );
      assert.equal(r.status, 200, `${t.subject} → ${r.status}`);
      otherIds.push(r.body.report.id);
    }

    // ── The planner ──
    const desk = await pageAs(browser, baseUrl, planner);
    const deskProblems = watchProblems(desk);
    await desk.goto(`${baseUrl}/review?plan=${scene.planId}`);
    const queue = desk.getByTestId("review-queue");
    const rowOf = (id: number) => queue.locator(`tr[data-row-key="${id}"]`);
    await rowOf(filed.report.id).waitFor();

    // Return the jobs report with a reason.
    await rowOf(filed.report.id).getByTestId("review-open").click();
    let drawer = desk.locator(`[data-testid="review-drawer"][data-report-id="${filed.report.id}"]`);
    await drawer.waitFor();
    await drawer.getByTestId("review-return").click();
    await drawer.getByTestId("return-reason").fill("核减依据请附统计局说明");
    const returned = desk.waitForResponse((r) => r.url().endsWith(`/api/reports/${filed.report.id}/review`));
    await drawer.getByTestId("return-confirm").click();
    assert.equal((await returned).status(), 200);
    await drawer.waitFor({ state: "detached" });

    // The department corrects and resubmits; the planner compares with the returned revision.
    const resubmitted = await apiJson<ReportDetail>(
      baseUrl,
      reporter,
      "PUT",
      `/api/targets/${jobs.id}/reports/${encodeURIComponent(scene.current)}`,
      {
        baseRevision: filed.report.latest.revision + 1,
        value: (jobs.value as number) * 0.6,
        progress: "已附统计局说明，更正为累计数。",
        ...TEXTS,
        submit: true,
      },
    );
    assert.equal(resubmitted.status, 200, `resubmission → ${resubmitted.status}`);
    await desk.reload();
    await rowOf(filed.report.id).waitFor();
    await rowOf(filed.report.id).getByTestId("review-open").click();
    drawer = desk.locator(`[data-testid="review-drawer"][data-report-id="${filed.report.id}"]`);
    await drawer.waitFor();
    const compare = drawer.getByTestId("review-compare");
    assert.equal(await compare.locator('tr[data-field="value"]').getAttribute("data-changed"), "true");
    assert.equal(await compare.locator('tr[data-field="progress"]').getAttribute("data-changed"), "true");
    await desk.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });

    // Bulk-approve the two other reports: tick, one action, confirm.
    for (const id of otherIds) await rowOf(id).locator("input[type=checkbox]").check();
    const bulkButton = desk.getByTestId("bulk-approve");
    assert.match((await bulkButton.textContent()) ?? "", /2/);
    await shot(desk, screenshots, "review-desk.png", log);
    await bulkButton.click();
    const confirmBulk = desk.getByTestId("bulk-approve-confirm");
    await confirmBulk.waitFor({ state: "visible" });
    const bulkResponse = await responseAfter(
      desk,
      `/api/plans/${scene.planId}/reports/review-bulk`,
      async () => {
        await confirmBulk.click();
        // A click that lands while the dialog is still opening is lost (seen on a loaded machine, twice):
        // once it has settled, click again while it is open and nothing is under way.
        for (let attempt = 0; attempt < 3; attempt++) {
          await desk.waitForTimeout(3000);
          if (!(await confirmBulk.isVisible())) break;
          if ((await desk.locator(".ant-btn-loading").count()) > 0) continue;
          await confirmBulk.click().catch(() => undefined);
        }
      },
    );
    assert.equal(bulkResponse.status(), 200, `bulk → ${bulkResponse.status()}: ${await bulkResponse.text()}`);
    const result = (await bulkResponse.json()) as BulkReviewResult;
    assert.deepEqual(
      result.reports.map((r) => [r.id, r.state]),
      otherIds.map((id) => [id, "approved"]),
    );
    await rowOf(otherIds[0] as number).waitFor({ state: "detached" });
    assert.equal(await rowOf(filed.report.id).count(), 1, "the report not ticked stays in the queue");

    // One-click reminder about one overdue report.
    await desk.goto(`${baseUrl}/review?plan=${scene.planId}&tab=overdue`);
    // An item of a department (tasks without a lead are owed too, listed apart, with nobody to remind).
    const overdueItem = desk
      .locator('[data-testid="overdue-item"][data-state="overdue"]:has([data-testid="remind-item"])')
      .first();
    await overdueItem.waitFor();
    const reminded = desk.waitForResponse(
      (r) => r.url().endsWith(`/api/plans/${scene.planId}/reminders`) && r.request().method() === "POST",
    );
    await overdueItem.getByTestId("remind-item").click();
    const reminder = await reminded;
    assert.equal(reminder.status(), 201, `催报 → ${reminder.status()}`);
    const sent = (await reminder.json()) as ReminderView;
    assert.equal(sent.department.id, scene.departmentId);
    assert.match(sent.message, /期进展情况（应于\d{4}-\d{2}-\d{2}报送，已逾期\d+天）/);
    const owed = await getJson<MyDueView>(baseUrl, reporter, "/api/me/due");
    assert.ok(
      owed.reminders.some((r) => r.id === sent.id),
      "the department sees the reminder on its desk",
    );
    assert.ok(owed.items.some((i: DueItem) => i.state === "overdue"));

    assert.deepEqual(phoneProblems, [], "the reporter's page logged no errors");
    assert.deepEqual(deskProblems, [], "the planner's page logged no errors");
  } finally {
    await browser.close();
  }
}
