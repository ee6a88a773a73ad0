// The plan page, driven as a planner would: sign in, open the plan, click a highlighted target,
// correct its value, reload, and see the correction. Writes the README screenshot on the way. Then the
// same page on a 390-pixel phone: nothing wider than the screen, the source text and the targets
// reached by scrolling down, a tapped target's card brought into view (issue 14).
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Page } from "playwright-core";
import type { PlanDetail, PlanSummary } from "../../src/contract/plans.ts";
import type { TargetView } from "../../src/contract/targets.ts";
import { formatNumber, toDisplayNumber } from "../src/format/number.ts";
import { launchChromium } from "./browser.ts";
import { phonePage } from "./pages.ts";
import {
  type ApiSession,
  apiJson,
  apiLogin,
  DEMO_PASSWORD,
  getJson,
  signIn,
  watchProblems,
} from "./session.ts";

export interface PlanPageTestOptions {
  baseUrl: string;
  /** Where to write the screenshot of the plan page; none when null. */
  screenshot: string | null;
  log?: (line: string) => void;
}

/** A target whose value the test can change and recognise: money in 亿元 when the plan has one. */
function pickTarget(targets: TargetView[]): TargetView {
  const numeric = targets.filter((t) => t.value !== null && t.kind !== "milestone");
  const target =
    numeric.find((t) => t.displayUnit === "亿元") ?? numeric.find((t) => t.unit !== "%") ?? numeric[0];
  assert.ok(target, "the demo plan has no numeric target");
  return target;
}

/** Clicks the target's words in the text; words stating several targets select them in turn. */
async function openTarget(page: Page, id: number) {
  const highlight = page.locator(`[data-testid="target-highlight"][data-target-ids~="${id}"]`).first();
  await highlight.scrollIntoViewIfNeeded();
  const card = page.getByTestId("target-card");
  for (let i = 0; i < 5; i++) {
    await highlight.click();
    await card.waitFor();
    if ((await card.getAttribute("data-target-id")) === String(id)) return card;
  }
  throw new Error(`clicking the highlight never opened target ${id}`);
}

/** Types a value (in the display unit) into the open card and saves it. */
async function saveValue(page: Page, id: number, shown: number) {
  const card = page.getByTestId("target-card");
  await card.getByTestId("target-value-input").fill(String(shown));
  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/api/targets/${id}`) && r.request().method() === "PATCH",
  );
  await card.getByTestId("target-save").click();
  const response = await saved;
  assert.equal(response.status(), 200, `PATCH answered ${response.status()}: ${await response.text()}`);
}

/**
 * The same text imported again (forced, as a draft): the list marks both plans as one text, and the draft's
 * 发布 runs the editor's pre-publish check. The draft is deleted afterwards; later tests read the demo.
 */
async function duplicateDraftCheck(page: Page, baseUrl: string, session: ApiSession, demo: PlanSummary) {
  const source = await getJson<{ text: string }>(baseUrl, session, `/api/plans/${demo.id}/source`);
  const form = new FormData();
  form.append("force", "true");
  form.append("file", new Blob([`${source.text}\n`], { type: "text/plain" }), "e2e-plan-page-again.txt");
  const response = await fetch(`${baseUrl}/api/plans/import`, {
    method: "POST",
    headers: { cookie: session.cookie, "x-csrf-token": session.csrf, accept: "application/json" },
    body: form,
  });
  const imported = (await response.json()) as { planId: number; duplicateOf: number[] };
  assert.equal(response.status, 201, `the forced import → ${response.status}: ${JSON.stringify(imported)}`);
  assert.ok(imported.duplicateOf.includes(demo.id), "the same text is recognised as the demo plan's");
  try {
    await page.goto(`${baseUrl}/`);
    const mark = page.locator(`[data-testid="same-text"][data-peers~="${demo.id}"]`);
    await mark.first().waitFor();
    const marked = page.locator(`[data-testid="same-text"][data-peers~="${imported.planId}"]`);
    // Every plan of that text carries the draft among its peers: the demo plan and its copies to later years.
    assert.equal(
      await marked.count(),
      imported.duplicateOf.length,
      `the plans of the same text (${imported.duplicateOf.join(", ")}) are marked as the draft's`,
    );
    await page.goto(`${baseUrl}/plans/${imported.planId}`);
    await page.getByTestId("publish-button").click();
    const check = page.getByTestId("publish-check");
    await check.waitFor();
    // A fresh import has departments to assign: the check lists them, as in the editor.
    assert.ok((await check.locator("[data-issue]").count()) > 0, "the pre-publish check lists what is open");
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /取\s?消/ })
      .click();
    await check.waitFor({ state: "hidden" });
    const after = await getJson<PlanDetail>(baseUrl, session, `/api/plans/${imported.planId}`);
    assert.equal(after.plan.state, "draft", "cancelled: the draft is not published");
  } finally {
    const gone = await apiJson(baseUrl, session, "DELETE", `/api/plans/${imported.planId}`);
    assert.equal(gone.status, 204, `deleting the draft → ${gone.status}`);
  }
}

/** The plan page at 390 px, signed in with the desktop page's cookies. */
async function phoneCheck(
  phone: Page,
  desktop: Page,
  planId: number,
  targets: number,
  log: (l: string) => void,
) {
  const problems = watchProblems(phone);
  await phone.context().addCookies(await desktop.context().cookies());
  await phone.goto(desktop.url().replace(/\/plans\/.*$/, `/plans/${planId}`));
  await phone.locator('[data-testid="target-highlight"]').first().waitFor();
  const overflow = async () => phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok((await overflow()) <= 390, `the plan page scrolls sideways at 390 px (${await overflow()}px)`);
  const onScreen = async (testId: string) => {
    const box = await phone.getByTestId(testId).first().boundingBox();
    assert.ok(box, `${testId} is shown`);
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `${testId} fits the screen (${box.x}+${box.width})`);
    assert.ok(box.y < 844 && box.y + box.height > 0, `${testId} is scrolled into view (y ${box.y})`);
    return box;
  };
  // The source text first, readable where it is.
  const highlight = phone.locator('[data-testid="target-highlight"]').first();
  await highlight.scrollIntoViewIfNeeded();
  await onScreen("target-highlight");
  // The targets below it: every one a row, reached by scrolling down, no column off the screen.
  const table = phone.getByTestId("targets-table");
  await table.scrollIntoViewIfNeeded();
  await onScreen("targets-table");
  const rows = table.locator("tr.ant-table-row");
  assert.equal(await rows.count(), targets, "every target is a row of the table on a phone");
  const scroller = await table
    .locator(".ant-table-body")
    .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(
    scroller.scroll <= scroller.client + 1,
    `the targets table scrolls sideways (${scroller.scroll}px)`,
  );
  // A tapped row opens its card, brought into view.
  const last = rows.nth(targets - 1);
  await last.scrollIntoViewIfNeeded();
  const id = await last.getAttribute("data-row-key");
  await last.click();
  const card = phone.getByTestId("target-card");
  await card.waitFor();
  assert.equal(await card.getAttribute("data-target-id"), id, "the tapped target's card opened");
  await onScreen("target-card");
  assert.ok((await overflow()) <= 390, `the card makes the page scroll sideways (${await overflow()}px)`);
  log(`phone: ${targets} targets reachable at 390 px, card of #${id} in view`);
  assert.deepEqual(problems, [], "the phone page logged no errors");
}

export async function planPageTest({
  baseUrl,
  screenshot,
  log = console.log,
}: PlanPageTestOptions): Promise<void> {
  const session = await apiLogin(baseUrl, "planner", DEMO_PASSWORD);
  const plans = await getJson<PlanSummary[]>(baseUrl, session, "/api/plans");
  const summary = plans.find((p) => p.title.includes("南开区")) ?? plans[0];
  assert.ok(summary, "no plan in the database: the server should have seeded the demo plan");
  const detail = await getJson<PlanDetail>(baseUrl, session, `/api/plans/${summary.id}`);
  const target = pickTarget(detail.targets);
  const newShown = 123.4;
  log(`plan #${summary.id} “${summary.title}”, correcting target #${target.id} “${target.subject}”`);

  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const problems = watchProblems(page);

    // Signed out, the app sends the planner to sign in; then the plan list links to the plan.
    await signIn(page, baseUrl, "planner", DEMO_PASSWORD);
    await page.goto(`${baseUrl}/`);
    // The list tells plans apart by their id and source file, under the title.
    const source = page.getByTestId("plans-table").locator('[data-testid="plan-source"]', {
      hasText: `#${summary.id} · ${summary.fileName}`,
    });
    await source.waitFor({ timeout: 10_000 });
    assert.equal(await source.count(), 1, `the list names plan #${summary.id}'s file ${summary.fileName}`);
    await page.getByTestId("plans-table").getByRole("link", { name: summary.title }).click();
    await page.waitForURL(`**/plans/${summary.id}`);

    // Outline, highlights and table are there.
    await page
      .getByTestId("outline-tree")
      .locator('.ant-tree-treenode:not([aria-hidden="true"])')
      .first()
      .waitFor();
    await page.locator('[data-testid="target-highlight"]').first().waitFor();
    const highlighted = new Set(
      await page
        .locator('[data-testid="target-highlight"]')
        .evaluateAll((els) => els.flatMap((e) => (e.getAttribute("data-target-ids") ?? "").split(" "))),
    );
    assert.equal(highlighted.size, detail.targets.length, "every target is highlighted in the text");
    const rows = page.getByTestId("targets-table").locator("tr.ant-table-row");
    assert.equal(await rows.count(), detail.targets.length, "every target is a row of the table");

    // Click the target in the text, correct its value, save.
    let card = await openTarget(page, target.id);
    await saveValue(page, target.id, newShown);

    // After a reload the correction is still there: in the card, the text's highlight and the table.
    await page.reload();
    card = await openTarget(page, target.id);
    assert.equal(await card.getByTestId("target-value-input").inputValue(), String(newShown));
    const label = `${newShown}${target.displayUnit || target.unit}`;
    const title = await page.locator(`[data-target-id="${target.id}"]`).first().getAttribute("title");
    assert.ok(title?.includes(label), `the highlight says ${title}, expected ${label}`);
    const row = page.getByTestId("targets-table").locator(`tr[data-row-key="${target.id}"]`);
    assert.ok((await row.textContent())?.includes(label), "the table shows the corrected value");

    if (screenshot) {
      // Put the plan's own value back, so that the screenshot shows the real plan.
      const original = toDisplayNumber(target.value ?? 0, target.unit, target.displayUnit);
      await saveValue(page, target.id, original);
      await page
        .getByTestId("target-card")
        .locator(".card-value")
        .getByText(formatNumber(original))
        .waitFor();
      mkdirSync(dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot });
      log(`screenshot: ${screenshot}`);
    }
    assert.deepEqual(problems, [], "the page logged no errors");

    await phoneCheck(await phonePage(browser), page, summary.id, detail.targets.length, log);
    await duplicateDraftCheck(page, baseUrl, session, summary);
    assert.deepEqual(problems, [], "the list and the draft's page logged no errors");
  } finally {
    await browser.close();
  }
}
