// The reporter's month grid (issue 14), in Chromium. A department (区民政局, which no other browser test
// reports for) owes five targets for the last month that has ended. On a 1440 px screen the reporter
// signs in, lands on the desk, opens the month sheet, types three rows with the keyboard (Enter down
// the value column, ↑ back up a text column) and saves them all as drafts; on a 390 px phone the rows
// are cards, the two others are typed — one 100× its target, which the sheet flags and will not send
// until it is confirmed with a reason — and everything is submitted at once. The API then holds five
// submitted reports with the typed figures and the confirmed warning with its reason, and the history
// lists them. Writes docs/screenshots/grid-desktop.png and grid-phone.png.
import assert from "node:assert/strict";
import type { MonthGridSaveResult, MonthGridView, MyReportsView } from "../../src/contract/month-grid.ts";
import type { PlanDetail, PlanSummary } from "../../src/contract/plans.ts";
import type { ReportView } from "../../src/contract/reports.ts";
import type { TargetView } from "../../src/contract/targets.ts";
import { formatQuantity, fromDisplayNumber, toDisplayNumber } from "../src/format/number.ts";
import { launchChromium } from "./browser.ts";
import { type BrowserTestOptions, pageAs, shot } from "./pages.ts";
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

const REPORTER = "rpt-mzj";
const DEPARTMENT = "区民政局";

interface Scene {
  planId: number;
  stamp: string;
  /** The five targets, in the sheet's order. */
  targets: TargetView[];
  /** The month on the sheet and the one before it. */
  month: string;
  previous: string;
}

/** A plan of the year 70 days ago (two months at least have ended), five cumulative targets of 区民政局. */
async function setScene(baseUrl: string, planner: ApiSession, reporter: ApiSession): Promise<Scene> {
  const year = new Date(Date.now() - 70 * 86_400_000).getFullYear();
  const stamp = Date.now().toString(36);
  const text = [
    `南开区${year}年民生保障工作计划（月报表测试 ${stamp}）`,
    "一、主要目标",
    "1.稳定就业。全年新增就业2万人。",
    "2.技能培训。全年新增技能人才3000人。",
    "3.创业带动。全年新增创业实体1500家。",
    "4.就业援助。全年帮扶就业困难人员就业800人。",
    "5.见习岗位。全年新增就业见习岗位600个。",
    "",
  ].join("\n");
  const planId = await importPlanText(baseUrl, planner, { text, year, fileName: `e2e-grid-${stamp}.txt` });
  const detail = await getJson<PlanDetail>(baseUrl, planner, `/api/plans/${planId}`);
  const department = detail.departments.find((d) => d.name === DEPARTMENT);
  assert.ok(department, `the plan's region has ${DEPARTMENT}`);
  assert.ok(
    detail.targets.length >= 5,
    `five targets read: ${detail.targets.map((t) => t.subject).join(", ")}`,
  );
  const targets = await assignCumulative(baseUrl, planner, detail.targets.slice(0, 5), department.id);
  const published = await apiJson<PlanSummary>(baseUrl, planner, "POST", `/api/plans/${planId}/publish`, {});
  assert.equal(published.status, 200, `publishing → ${published.status}`);

  const sheet = await getJson<MonthGridView>(baseUrl, reporter, "/api/me/grid");
  const mine = sheet.rows.filter((r) => r.planId === planId);
  assert.deepEqual(
    mine.map((r) => r.subject.id),
    targets.map((t) => t.id),
    `the sheet of ${sheet.month} holds the five targets (rows: ${sheet.rows.map((r) => r.subject.title).join(", ")})`,
  );
  assert.equal(sheet.rows.length, 5, "and nothing else owed that month by the department");
  const [y, m] = sheet.month.split("-").map(Number) as [number, number];
  const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  // Last month's jobs figure, submitted: the sheet shows it beside this month's.
  const jobs = targets[0] as TargetView;
  const last = await apiJson(baseUrl, reporter, "PUT", `/api/targets/${jobs.id}/reports/${previous}`, {
    baseRevision: null,
    value: (jobs.value as number) * 0.5,
    progress: "上月新增就业一万人",
    problems: "",
    nextSteps: "",
    submit: true,
  });
  assert.equal(last.status, 200, `last month's report → ${last.status}`);
  return { planId, stamp, targets, month: sheet.month, previous };
}

/** What each target's row gets: 60% of the target in the unit shown; the last one 100× its target. */
function typedFor(t: TargetView, implausible: boolean): string {
  const base = (t.value as number) * (implausible ? 100 : 0.6);
  return String(toDisplayNumber(base, t.unit, t.displayUnit));
}

/** No English word on a Chinese screen: the product's name and the test's own stamp aside. */
function englishWords(text: string, stamp: string): string[] {
  return [...text.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((w) => w !== "PlanTrack" && w !== stamp);
}

export async function gridTest({ baseUrl, screenshots, log = console.log }: BrowserTestOptions) {
  const planner = await apiLogin(baseUrl, "planner", DEMO_PASSWORD);
  const reporter = await apiLogin(baseUrl, REPORTER, DEMO_PASSWORD);
  const scene = await setScene(baseUrl, planner, reporter);
  const { targets, month } = scene;
  log(`plan #${scene.planId}: ${targets.length} targets of ${DEPARTMENT}, sheet ${month}`);
  const progress = targets.map((t, i) => `${t.subject}：第${i + 1}项按计划推进`);

  const browser = await launchChromium();
  try {
    // ── 1440 px: sign in, land on the desk, open the sheet, three rows by keyboard, drafts ──
    const desk = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const deskProblems = watchProblems(desk);
    await signIn(desk, baseUrl, REPORTER, DEMO_PASSWORD);
    await desk.waitForURL("**/desk");
    await desk.getByTestId("desk-grid-link").click();
    await desk.waitForURL("**/desk/grid");
    await desk.getByTestId("grid-table").waitFor();
    const rowOf = (page: typeof desk, t: TargetView) =>
      page.locator(`[data-testid="grid-row"][data-subject-id="${t.id}"]`);
    const cellOf = (page: typeof desk, t: TargetView, field: string) =>
      rowOf(page, t).getByTestId(`grid-cell-${field}`);
    const focused = () =>
      desk.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return `${el?.dataset.testid}@${el?.dataset.row}`;
      });
    const rowIndex = async (t: TargetView) => (await cellOf(desk, t, "value").getAttribute("data-row")) ?? "";

    const jobs = targets[0] as TargetView;
    const previousText = (await rowOf(desk, jobs).getByTestId("grid-previous").textContent()) ?? "";
    const lastShown = formatQuantity((jobs.value as number) * 0.5, jobs.unit, jobs.displayUnit);
    assert.ok(previousText.includes(lastShown), `last month's ${lastShown} beside: “${previousText}”`);

    // Enter goes down the value column.
    await cellOf(desk, targets[0] as TargetView, "value").click();
    for (const [i, t] of targets.slice(0, 3).entries()) {
      await desk.keyboard.type(typedFor(t, false));
      await desk.keyboard.press("Enter");
      const next = targets[i + 1] as TargetView;
      assert.equal(
        await focused(),
        `grid-cell-value@${await rowIndex(next)}`,
        `Enter moves to ${next.subject}`,
      );
    }
    // → from the end of a value into its 进展情况; Enter down that column; ↑ back up.
    await cellOf(desk, targets[0] as TargetView, "value").click();
    await desk.keyboard.press("End");
    await desk.keyboard.press("ArrowRight");
    assert.equal(await focused(), `grid-cell-progress@${await rowIndex(targets[0] as TargetView)}`);
    for (const i of [0, 1, 2]) {
      await desk.keyboard.type(progress[i] as string);
      if (i < 2) await desk.keyboard.press("Enter");
    }
    await desk.keyboard.press("ArrowUp");
    assert.equal(
      await focused(),
      `grid-cell-progress@${await rowIndex(targets[1] as TargetView)}`,
      "↑ goes up",
    );
    assert.match((await desk.getByTestId("grid-dirty").textContent()) ?? "", /3/);
    const words = englishWords((await desk.getByTestId("grid-page").textContent()) ?? "", scene.stamp);
    assert.deepEqual(words, [], "no English on the Chinese sheet");
    await shot(desk, screenshots, "grid-desktop.png", log, { fullPage: true });
    const drafts = await responseAfter(desk, `/api/me/grid/${month}`, () =>
      desk.getByTestId("grid-save-drafts").click(),
    );
    assert.equal(drafts.status(), 200, `drafts → ${drafts.status()} ${await drafts.text()}`);
    assert.equal(((await drafts.json()) as MonthGridSaveResult).saved, 3, "three rows saved as drafts");
    await desk.getByText("已保存 3 行草稿").waitFor();

    // ── 390 px: cards, the two other rows, one implausible, confirmed, submit all ──
    const phone = await pageAs(browser, baseUrl, reporter, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const phoneProblems = watchProblems(phone);
    await phone.goto(`${baseUrl}/desk/grid`);
    await phone.getByTestId("grid-table").waitFor();
    assert.equal(
      await rowOf(phone, jobs).evaluate((el) => getComputedStyle(el).display),
      "block",
      "each row is a card on a phone",
    );
    assert.equal(await cellOf(phone, jobs, "value").inputValue(), typedFor(jobs, false), "the draft is back");
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the sheet scrolls sideways at 390 px by ${overflow}px`);
    const [fourth, fifth] = targets.slice(3) as [TargetView, TargetView];
    await cellOf(phone, fourth, "value").fill(typedFor(fourth, false));
    await cellOf(phone, fourth, "progress").fill(progress[3] as string);
    await cellOf(phone, fifth, "value").fill(typedFor(fifth, true));
    await cellOf(phone, fifth, "progress").fill(progress[4] as string);
    const warning = rowOf(phone, fifth).getByTestId("grid-warning");
    await warning.waitFor();
    assert.match((await warning.textContent()) ?? "", /倍/, "the 100× slip is named as it is typed");

    // Not sent while unconfirmed.
    const puts: string[] = [];
    phone.on("request", (r) => {
      if (r.method() === "PUT" && r.url().includes("/api/me/grid/")) puts.push(r.url());
    });
    await phone.getByTestId("grid-submit-all").click();
    await phone.locator(".ant-popconfirm:visible .ant-btn-primary").click();
    await phone.getByText("1 行需要先改正，已标出").waitFor();
    assert.deepEqual(puts, [], "nothing is sent while the implausible figure is unconfirmed");
    const reason = "本月集中开发公益性岗位，数字经区人社局核实";
    await warning.getByTestId("grid-confirm").click();
    await warning.getByTestId("grid-confirm-reason").fill(reason);
    await shot(phone, screenshots, "grid-phone.png", log);
    const submitted = await responseAfter(phone, `/api/me/grid/${month}`, async () => {
      await phone.getByTestId("grid-submit-all").click();
      await phone.locator(".ant-popconfirm:visible .ant-btn-primary").click();
    });
    assert.equal(submitted.status(), 200, `submit all → ${submitted.status()} ${await submitted.text()}`);
    const result = (await submitted.json()) as MonthGridSaveResult;
    assert.equal(result.saved, 5, "all five rows submitted");
    assert.deepEqual(
      result.grid.rows.map((r) => r.state),
      ["submitted", "submitted", "submitted", "submitted", "submitted"],
    );
    await phone.getByText("已提交 5 项，等待审核").waitFor();

    // ── The API afterwards ──
    const { reports } = await getJson<{ reports: ReportView[] }>(
      baseUrl,
      planner,
      `/api/plans/${scene.planId}/reports?period=${month}`,
    );
    for (const [i, t] of targets.entries()) {
      const r = reports.find((x) => x.subject.id === t.id);
      assert.ok(r, `${t.subject} has a report for ${month}`);
      assert.equal(r.state, "submitted", `${t.subject} is submitted`);
      const expected = fromDisplayNumber(Number(typedFor(t, i === 4)), t.unit, t.displayUnit);
      assert.equal(r.latest.value, expected, `${t.subject}'s figure as typed`);
      assert.equal(r.latest.progress, progress[i], `${t.subject}'s 进展情况 as typed`);
    }
    const flagged = reports.find((x) => x.subject.id === fifth.id);
    assert.deepEqual(
      flagged?.warnings.map((w) => [w.rule, w.reason]),
      [["ratio_to_target", reason]],
      "the reviewer gets the confirmed warning with its reason",
    );
    const history = await getJson<MyReportsView>(baseUrl, reporter, "/api/me/reports?state=submitted");
    assert.ok(
      targets.every((t) => history.reports.some((r) => r.subject.id === t.id && r.period.key === month)),
      "the history lists the five submitted reports",
    );

    // The history tab, filtered to 待审.
    await phone.getByRole("tab", { name: "填报记录" }).click();
    await phone.getByTestId("grid-history").waitFor();
    await phone.getByTestId("grid-history-filter").getByText(/^待审/).click();
    await phone.locator('[data-testid="grid-history-item"][data-state="submitted"]').nth(5).waitFor();
    // The list is filtered on the server: the unfiltered one stays on screen until its answer comes.
    await phone
      .waitForFunction(
        () =>
          document.querySelectorAll('[data-testid="grid-history-item"]:not([data-state="submitted"])')
            .length === 0,
        null,
        { timeout: 15_000 },
      )
      .catch(() => undefined);
    assert.equal(
      await phone.locator('[data-testid="grid-history-item"]:not([data-state="submitted"])').count(),
      0,
      "only submitted reports under 待审",
    );

    assert.deepEqual(deskProblems, [], "the desktop page logged no errors");
    assert.deepEqual(phoneProblems, [], "the phone page logged no errors");
  } finally {
    await browser.close();
  }
}
