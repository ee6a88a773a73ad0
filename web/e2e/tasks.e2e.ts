// Tasks as work the office supervises (issue 13), in Chromium. The planner assigns every task of one
// group to a lead department in one action and sets a task's milestones in its drawer; the plan is
// published; the lead department's reporter, on a 390 px phone, 签收 the task, reports progress with
// an attachment and marks the passed milestone done, then asks to close it; the planner approves the
// progress report and closes the task (办结销号) on the review desk; the leader's cockpit shows
// another task, past its milestone, as 逾期. Writes docs/screenshots/task-editor.png,
// task-desk-phone.png, task-review.png and cockpit-tasks.png.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PlanDetail, PlanSummary } from "../../src/contract/plans.ts";
import type { TaskDetailView, TaskListView } from "../../src/contract/tasks.ts";
import { launchChromium } from "./browser.ts";
import { type BrowserTestOptions, choose, pageAs, shot } from "./pages.ts";
import {
  type ApiSession,
  apiJson,
  apiLogin,
  DEMO_PASSWORD,
  getJson,
  importPlanText,
  responseAfter,
  watchProblems,
} from "./session.ts";

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A plan of the year 70 days ago: one group of three tasks, another area of two. */
async function importScene(baseUrl: string, planner: ApiSession) {
  const year = new Date(Date.now() - 70 * 86_400_000).getFullYear();
  const stamp = Date.now().toString(36);
  const text = [
    `南开区${year}年重点工作计划（任务测试 ${stamp}）`,
    "",
    "一、稳定和扩大就业",
    "",
    "1.促进就业创业",
    "",
    "实施就业优先政策。开展职业技能培训，年内完成培训5000人次。推进创业孵化基地建设，完成孵化基地招标，年底前建成投用。落实创业担保贷款政策，支持高校毕业生创业。",
    "",
    "二、优化营商环境",
    "",
    "2.深化改革",
    "",
    "深化“放管服”改革。推进“一网通办”，政务服务事项全部网上可办。开展营商环境评价，发布年度评价报告。",
    "",
  ].join("\n");
  const planId = await importPlanText(baseUrl, planner, { text, year, fileName: `e2e-tasks-${stamp}.txt` });
  return { planId, year };
}

export async function tasksTest({ baseUrl, screenshots, log = console.log }: BrowserTestOptions) {
  const planner = await apiLogin(baseUrl, "planner", DEMO_PASSWORD);
  const reporter = await apiLogin(baseUrl, "rpt-rsj", DEMO_PASSWORD);
  const leader = await apiLogin(baseUrl, "leader", DEMO_PASSWORD);
  const { planId, year } = await importScene(baseUrl, planner);
  const detail = await getJson<PlanDetail>(baseUrl, planner, `/api/plans/${planId}`);
  const rsj = detail.departments.find((d) => d.name === "区人社局");
  assert.ok(rsj, "the region has 区人社局");
  const tasksNow = async (session: ApiSession) =>
    (await getJson<TaskListView>(baseUrl, session, `/api/plans/${planId}/tasks`)).tasks;
  const all = await tasksNow(planner);
  const group = all[0]?.path[all[0].path.length - 1];
  assert.ok(group, "the first task sits under a heading");
  const inGroup = all.filter((t) => t.path.some((p) => p.id === group.id));
  assert.ok(inGroup.length >= 3, `three tasks under ${group.title}: ${inGroup.length}`);
  const incubator = inGroup.find((t) => t.title.includes("孵化基地"));
  const loans = inGroup.find((t) => t.title.includes("担保贷款"));
  assert.ok(incubator && loans, "the incubator and the loans tasks");
  const passed = iso(new Date(Date.now() - 40 * 86_400_000));
  const yearEnd = `${year}-12-31`;

  const browser = await launchChromium();
  try {
    // ── The planner assigns the group in one action and sets a task's milestones ──
    const editor = await pageAs(browser, baseUrl, planner);
    const editorProblems = watchProblems(editor);
    await editor.goto(`${baseUrl}/plans/${planId}/edit`);
    await editor.getByTestId("editor-tab-tasks").click();
    await editor.getByTestId("task-tab").waitFor();
    const filters = editor.getByTestId("task-filters");
    await filters.waitFor();
    const groupLabel = (await editor.getByTestId("task-filter-group").count()) > 0 ? "分组" : "领域";
    await choose(editor, groupLabel, group.title);
    const table = editor.getByTestId("task-table");
    await table
      .locator("tbody tr.ant-table-row")
      .nth(inGroup.length - 1)
      .waitFor();
    assert.equal(
      await table.locator("tbody tr.ant-table-row").count(),
      inGroup.length,
      "the filter shows the group",
    );
    await table.locator("thead .ant-checkbox-input").check();
    await editor.getByTestId("task-bulk").waitFor();
    await choose(editor, "牵头单位", "区人社局");
    const bulk = await responseAfter(editor, `/api/plans/${planId}/tasks`, () =>
      editor.getByTestId("task-bulk-apply").click(),
    );
    assert.equal(bulk.status(), 200, `bulk → ${bulk.status()}: ${await bulk.text()}`);
    const assigned = await tasksNow(planner);
    for (const t of assigned)
      assert.equal(
        t.leadDepartment?.id ?? null,
        inGroup.some((g) => g.id === t.id) ? rsj.id : null,
        `${t.title}: lead department`,
      );

    // Milestones of the incubator task, typed in its drawer: one already passed, one at the year end.
    await table.locator(`tr[data-row-key="${incubator.id}"]`).getByTestId("task-edit").click();
    const drawer = editor.getByTestId("task-drawer");
    await drawer.waitFor();
    for (const [name, due] of [
      ["完成孵化基地招标", passed],
      ["建成投用", yearEnd],
    ] as const) {
      await drawer.getByTestId("milestone-add").click();
      const row = drawer.getByTestId("milestone-row").last();
      await row
        .getByTestId("milestone-name")
        .locator("input")
        .or(row.getByTestId("milestone-name"))
        .first()
        .fill(name);
      const date = row
        .getByTestId("milestone-due")
        .locator("input")
        .or(row.getByTestId("milestone-due"))
        .first();
      await date.click();
      await date.fill(due);
      await date.press("Enter");
    }
    const saved = await responseAfter(editor, `/api/tasks/${incubator.id}`, () =>
      drawer.getByTestId("task-save").click(),
    );
    assert.equal(saved.status(), 200, `save → ${saved.status()}: ${await saved.text()}`);
    const withMilestones = await getJson<TaskDetailView>(baseUrl, planner, `/api/tasks/${incubator.id}`);
    assert.deepEqual(
      withMilestones.milestones.map((m) => [m.name, m.due]),
      [
        ["完成孵化基地招标", passed],
        ["建成投用", yearEnd],
      ],
    );
    await shot(editor, screenshots, "task-editor.png", log);
    assert.deepEqual(editorProblems, [], "the editor logged no errors");

    // The loans task gets a milestone already passed, by the API: it will light up red.
    const loansSet = await apiJson(baseUrl, planner, "PATCH", `/api/tasks/${loans.id}`, {
      milestones: [{ name: "出台实施细则", due: passed }],
    });
    assert.equal(loansSet.status, 200);
    const published = await apiJson<PlanSummary>(
      baseUrl,
      planner,
      "POST",
      `/api/plans/${planId}/publish`,
      {},
    );
    assert.equal(published.status, 200, `publish → ${published.status}`);

    // ── The reporter, on a phone: 签收, progress with a file and the passed milestone, 办结申请 ──
    const phone = await pageAs(browser, baseUrl, reporter, { viewport: { width: 390, height: 844 } });
    const phoneProblems = watchProblems(phone);
    await phone.goto(`${baseUrl}/desk`);
    const card = phone.locator(`[data-testid="task-card"][data-task-id="${incubator.id}"]`);
    await card.waitFor();
    assert.equal(await card.getAttribute("data-status"), "overdue", "past its first milestone: 逾期");
    await card.getByTestId("task-acknowledge").click();
    const ack = await responseAfter(phone, `/api/tasks/${incubator.id}/acknowledge`, () =>
      phone.locator(".ant-popconfirm .ant-btn-primary").click(),
    );
    assert.equal(ack.status(), 200, `签收 → ${ack.status()}`);
    await card.getByTestId("task-report").click();
    const progressForm = phone.getByTestId("task-progress-form");
    await progressForm.waitFor();
    await phone.getByTestId("task-progress-text").fill("孵化基地招标已完成，施工单位进场。");
    await phone.locator("#tp-percent").fill("40");
    await phone.getByTestId("milestone-tick").first().click();
    const evidence = join(tmpdir(), `中标通知书-${Date.now()}.txt`);
    writeFileSync(evidence, "中标通知书：南开区创业孵化基地建设项目");
    await progressForm.locator('input[type="file"]').first().setInputFiles(evidence);
    const widest = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(widest <= 390, `the progress form fits the phone (${widest} px)`);
    await shot(phone, screenshots, "task-desk-phone.png", log);
    const progress = await responseAfter(phone, `/api/tasks/${incubator.id}/progress`, () =>
      phone.getByTestId("task-progress-submit").click(),
    );
    assert.equal(progress.status(), 201, `progress → ${progress.status()}: ${await progress.text()}`);
    const afterProgress = await getJson<TaskDetailView>(baseUrl, reporter, `/api/tasks/${incubator.id}`);
    assert.equal(afterProgress.state, "in_progress");
    assert.ok(afterProgress.milestones[0]?.doneOn, "the passed milestone is reported done");
    assert.equal(afterProgress.progressReports[0]?.attachments.length, 1, "the file came with the report");

    await phone.getByTestId("task-open-close").click();
    await phone.getByTestId("task-close-evidence").fill("孵化基地已建成投用，附验收材料。");
    await phone.getByTestId("milestone-tick").first().click();
    const asked = await responseAfter(phone, `/api/tasks/${incubator.id}/close-request`, () =>
      phone.getByTestId("task-close-submit").click(),
    );
    assert.equal(asked.status(), 200, `办结申请 → ${asked.status()}: ${await asked.text()}`);
    assert.deepEqual(phoneProblems, [], "the phone logged no errors");

    // ── The planner approves the progress report and closes the task ──
    const desk = await pageAs(browser, baseUrl, planner);
    const deskProblems = watchProblems(desk);
    await desk.goto(`${baseUrl}/review?plan=${planId}`);
    const reportId = afterProgress.progressReports[0]?.id as number;
    const row = desk.getByTestId("review-queue").locator(`tr[data-row-key="${reportId}"]`);
    await row.waitFor();
    await row.getByTestId("review-open").click();
    const reviewDrawer = desk.locator(`[data-testid="review-drawer"][data-report-id="${reportId}"]`);
    await reviewDrawer.waitFor();
    const approved = await responseAfter(desk, `/api/reports/${reportId}/review`, () =>
      reviewDrawer.getByTestId("review-approve").click(),
    );
    assert.equal(approved.status(), 200, `approve → ${approved.status()}`);
    await desk.keyboard.press("Escape");

    await desk.goto(`${baseUrl}/review?plan=${planId}&tab=tasks`);
    const request = desk.locator(`[data-testid="close-request"][data-task-id="${incubator.id}"]`);
    await request.waitFor();
    await shot(desk, screenshots, "task-review.png", log);
    await request.getByTestId("task-close").click();
    await desk.locator("#task-decision-text").fill("同意办结销号。");
    const closed = await responseAfter(desk, `/api/tasks/${incubator.id}/close`, () =>
      desk.locator("#task-decision-ok").click(),
    );
    assert.equal(closed.status(), 200, `办结销号 → ${closed.status()}: ${await closed.text()}`);
    const final = await getJson<TaskDetailView>(baseUrl, planner, `/api/tasks/${incubator.id}`);
    assert.equal(final.state, "closed");
    assert.equal(final.status, "closed");
    assert.deepEqual(deskProblems, [], "the review desk logged no errors");

    // ── The leader's cockpit: the loans task, past its milestone, is 逾期 ──
    const cockpit = await pageAs(browser, baseUrl, leader);
    const cockpitProblems = watchProblems(cockpit);
    await cockpit.goto(`${baseUrl}/plans/${planId}/cockpit`);
    await cockpit.getByTestId("cockpit-tasks").waitFor();
    const late = cockpit.locator(`[data-testid="attention-task"][data-task-id="${loans.id}"]`);
    await late.waitFor();
    assert.equal(await late.getAttribute("data-status"), "overdue");
    assert.match((await late.textContent()) ?? "", /区人社局/);
    await cockpit.getByTestId("cockpit-tasks").scrollIntoViewIfNeeded();
    await shot(cockpit, screenshots, "cockpit-tasks.png", log);
    assert.deepEqual(cockpitProblems, [], "the cockpit logged no errors");
  } finally {
    await browser.close();
  }
}
