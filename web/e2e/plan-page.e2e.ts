// The plan page, driven as a planner would: sign in, open the plan, click a highlighted target,
// correct its value, reload, and see the correction. Writes the README screenshot on the way.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Page } from "playwright-core";
import type { PlanDetail, PlanSummary } from "../../src/contract/plans.ts";
import type { TargetView } from "../../src/contract/targets.ts";
import { formatNumber, toDisplayNumber } from "../src/format/number.ts";
import { launchChromium } from "./browser.ts";
import { apiLogin, DEMO_PASSWORD, getJson, signIn, watchProblems } from "./session.ts";

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
  } finally {
    await browser.close();
  }
}
