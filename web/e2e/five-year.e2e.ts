// The five-year cockpit in Chromium (issue 17): the planner opens the demo's 十四五 plan from the plan
// list; the indicators stand in groups by judgement, 约束性 first in each, one chart drawn for each;
// another year is picked and the address keeps it; an indicator with annual targets linked to it opens
// its yearly values (source, who entered them) and those targets, whose link leads to the annual plan
// with the target open; a yearly value is entered and shows in the table; then the same cockpit on a
// 390-pixel phone. Writes docs/screenshots/five-year*.png.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { FiveYearView } from "../../src/contract/five-year.ts";
import type { PlanSummary } from "../../src/contract/plans.ts";
import { JUDGEMENT_ORDER } from "../src/pages/five-year/five-year-model.ts";
import { launchChromium } from "./browser.ts";
import { type BrowserTestOptions, pageAs, phonePage, shot } from "./pages.ts";
import { apiLogin, DEMO_PASSWORD, getJson, watchProblems } from "./session.ts";

export async function fiveYearTest({ baseUrl, screenshots, log = () => {} }: BrowserTestOptions) {
  const planner = await apiLogin(baseUrl, "planner", DEMO_PASSWORD);
  const plans = await getJson<PlanSummary[]>(baseUrl, planner, "/api/plans");
  const plan = plans.find((p) => p.kind === "five_year" && p.title.includes("第十四个五年规划"));
  assert.ok(plan, "the demo holds its 十四五 plan");
  const view = await getJson<FiveYearView>(baseUrl, planner, `/api/plans/${plan.id}/five-year`);
  assert.ok(view.indicators.length > 0, "the demo's five-year plan has indicators");
  // The drill-down needs an indicator with values and annual targets linked to it (the demo links 2021–2023).
  const drilled = view.indicators.find((i) => i.values.length > 0 && i.linked.length > 0);
  assert.ok(drilled, "an indicator of the demo has yearly values and linked annual targets");

  const browser = await launchChromium();
  try {
    const page = await pageAs(browser, baseUrl, planner, { acceptDownloads: true });
    const problems = watchProblems(page);
    // Reached from the plan list: the five-year plan carries its own link.
    await page.goto(`${baseUrl}/`);
    await page.locator(`[data-testid="plan-five-year-link"][href="/plans/${plan.id}/five-year"]`).click();
    await page.waitForURL(new RegExp(`/plans/${plan.id}/five-year`));
    await page.getByTestId("five-year-page").waitFor();
    await page.locator(`[data-testid="fy-year-shown"][data-year="${view.asOfYear}"]`).waitFor();
    const cards = page.getByTestId("fy-indicator");
    assert.equal(await cards.count(), view.indicators.length, "one card per indicator");
    await page
      .locator('[data-testid="fy-chart"][data-drawn="true"]')
      .nth(view.indicators.length - 1)
      .waitFor();

    // Groups in the report's order (符合进度 … 暂无数据), 约束性 first in each.
    const groups = await page.getByTestId("fy-group").evaluateAll((els) =>
      els.map((g) => ({
        judgement: g.getAttribute("data-judgement") ?? "",
        attributes: [...g.querySelectorAll('[data-testid="fy-indicator"]')].map(
          (c) => c.getAttribute("data-attribute") ?? "",
        ),
      })),
    );
    const order = groups.map((g) => JUDGEMENT_ORDER.indexOf(g.judgement as (typeof JUDGEMENT_ORDER)[number]));
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      `groups in order: ${groups.map((g) => g.judgement)}`,
    );
    for (const g of groups) {
      assert.equal(
        g.attributes.length,
        view.counts[g.judgement as keyof FiveYearView["counts"]],
        g.judgement,
      );
      const firstExpected = g.attributes.indexOf("expected");
      assert.ok(
        firstExpected === -1 || !g.attributes.slice(firstExpected).includes("binding"),
        `约束性 first in ${g.judgement}`,
      );
    }
    const working = (await page.getByTestId("fy-working").first().allInnerTexts()).join("\n");
    assert.match(working, /\d{4}年/, `each card says its working (${working})`);
    log(`${groups.length} groups: ${groups.map((g) => `${g.judgement} ${g.attributes.length}`).join(", ")}`);
    await shot(page, screenshots, "five-year.png", log, { fullPage: true });

    // The mid-term report (中期评估) of the year shown, from the documents menu: a Word file.
    await page.getByTestId("fy-export").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("fy-export-midterm").click(),
    ]);
    const file = await download.path();
    assert.match(download.suggestedFilename(), /\.docx$/, `a Word file (${download.suggestedFilename()})`);
    assert.equal(readFileSync(file).subarray(0, 2).toString("latin1"), "PK", "the file is a .docx (a zip)");
    log(`mid-term report: ${download.suggestedFilename()}`);

    // The planner's import of yearly values opens on its explanation (nothing is read before a file).
    await page.getByTestId("fy-import").click();
    await page.getByTestId("fy-import-upload").waitFor();
    await shot(page, screenshots, "five-year-import.png", log);
    await page.locator(".ant-modal-close").click();
    await page.getByTestId("fy-import-upload").waitFor({ state: "detached" });

    // Another year: the address keeps it and the view follows.
    const earlier = view.asOfYear > view.plan.startYear ? view.asOfYear - 1 : view.plan.endYear;
    await page.getByTestId("fy-year").click();
    await page.locator(`.ant-select-dropdown:visible [title="${earlier}年"]`).click();
    await page.waitForURL(new RegExp(`year=${earlier}`));
    await page.locator(`[data-testid="fy-year-shown"][data-year="${earlier}"]`).waitFor();
    await page.goto(`${baseUrl}/plans/${plan.id}/five-year`);
    await page.locator(`[data-testid="fy-year-shown"][data-year="${view.asOfYear}"]`).waitFor();

    // Drill-down: the indicator's yearly values with their source and who entered them …
    const card = page.locator(`[data-testid="fy-indicator"][data-target-id="${drilled.targetId}"]`);
    await card.getByTestId("fy-indicator-open").click();
    const detail = page.locator(`[data-testid="fy-detail"][data-target-id="${drilled.targetId}"]`);
    await detail.waitFor();
    await page.locator('[data-testid="fy-detail-chart"][data-drawn="true"]').waitFor();
    const valueRows = page.getByTestId("fy-values").locator("tbody tr.ant-table-row");
    assert.equal(await valueRows.count(), drilled.values.length, "every yearly value listed");
    const firstValue = drilled.values[0];
    assert.ok(firstValue);
    const firstRow = (await valueRows.first().allInnerTexts()).join("\n");
    assert.match(firstRow, new RegExp(String(firstValue.year)), `the row is its year (${firstRow})`);
    assert.match(firstRow, /统计数据|年度计划年终报告/, `the row says its source (${firstRow})`);
    assert.ok(firstRow.includes(firstValue.by ?? "系统导入"), `the row says who entered it (${firstRow})`);
    // … and the annual targets linked to it, each a link to its plan and target.
    const linkedRows = page.getByTestId("fy-linked").locator("tbody tr.ant-table-row");
    assert.equal(await linkedRows.count(), drilled.linked.length, "every linked annual target listed");
    const link = drilled.linked[0];
    assert.ok(link);
    const targetLink = page.getByTestId("fy-linked").getByTestId("fy-linked-target").first();
    assert.equal(await targetLink.getAttribute("href"), `/plans/${link.planId}?target=${link.targetId}`);
    log(
      `drilled into ${drilled.name}: ${drilled.values.length} values, ${drilled.linked.length} linked targets`,
    );
    await shot(page, screenshots, "five-year-drill.png", log);

    // The year picker of the entry offers the plan period only.
    await page.getByTestId("fy-entry-year").click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").first().waitFor();
    const offered = await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .allInnerTexts();
    const period = Array.from(
      { length: view.plan.endYear - view.plan.startYear + 1 },
      (_, i) => `${view.plan.startYear + i}年`,
    );
    assert.deepEqual(offered, period, "years of the plan period only");
    await page.keyboard.press("Escape");

    // The linked target opens in its annual plan, the target's card shown.
    await targetLink.click();
    await page.waitForURL(new RegExp(`/plans/${link.planId}\\?target=${link.targetId}`));
    await page.locator(`[data-testid="target-card"][data-target-id="${link.targetId}"]`).waitFor();
    assert.deepEqual(problems, [], "the pages logged no errors");

    // A phone: one column, nothing wider than the screen, the drill-down full width.
    const phone = await phonePage(browser);
    const phoneProblems = watchProblems(phone);
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(`${baseUrl}/plans/${plan.id}/five-year`);
    await phone.locator('[data-testid="fy-chart"][data-drawn="true"]').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
    await shot(phone, screenshots, "five-year-phone.png", log);
    await phone
      .locator(`[data-testid="fy-indicator"][data-target-id="${drilled.targetId}"]`)
      .getByTestId("fy-indicator-open")
      .click();
    await phone.locator(`[data-testid="fy-detail"][data-target-id="${drilled.targetId}"]`).waitFor();
    await phone.locator('[data-testid="fy-detail-chart"][data-drawn="true"]').waitFor();
    await shot(phone, screenshots, "five-year-phone-drill.png", log);
    assert.deepEqual(phoneProblems, [], "the phone page logged no errors");
  } finally {
    await browser.close();
  }
}
