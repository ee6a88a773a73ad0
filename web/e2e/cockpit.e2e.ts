// The leader's main path: sign in, land on the cockpit, see the charts drawn, change the as-of date,
// open a red target and drill down to its reports and the working behind its status; then the same
// cockpit on a 390-pixel phone. Writes docs/screenshots/cockpit.png and cockpit-phone.png.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { launchChromium } from "./browser.ts";
import { type BrowserTestOptions, phonePage, shot } from "./pages.ts";
import { DEMO_PASSWORD, watchProblems } from "./session.ts";

/** Waits until every chart on the page has finished drawing (EChart sets data-drawn). */
async function chartsDrawn(page: Page, ids: string[]) {
  for (const id of ids) await page.locator(`[data-testid="${id}"][data-drawn="true"]`).waitFor();
}

export async function cockpitTest({ baseUrl, screenshots, log = console.log }: BrowserTestOptions) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: "zh-CN" });
    const problems = watchProblems(page);
    // Sign in with nothing asked for: a leader lands on the cockpit of the newest plan.
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId("login-username").fill("leader");
    await page.getByTestId("login-password").fill(DEMO_PASSWORD);
    await page.getByTestId("login-password").press("Enter");
    await page.waitForURL(/\/plans\/\d+\/cockpit/);
    await page.getByTestId("cockpit-page").waitFor();
    await chartsDrawn(page, ["chart-gauge", "chart-areas", "chart-departments", "chart-trend"]);
    const shown = page.getByTestId("cockpit-asof-shown");
    assert.equal(await shown.getAttribute("data-asof"), "2020-10-12", "demo data is read at its date");
    assert.equal(await page.getByTestId("headline-card").count(), 3, "three headline indicators");
    const red = page.getByTestId("cockpit-red").getByTestId("lagging-target");
    assert.ok((await red.count()) > 0, "the demo data has a red target");
    await shot(page, screenshots, "cockpit.png", log, { fullPage: true });

    // An earlier date: fewer reports approved, the figures change and the address keeps the date.
    const before = (await page.getByTestId("cockpit-counts").allInnerTexts()).join("\n");
    await page.getByTestId("cockpit-asof").click();
    await page.getByTestId("cockpit-asof").fill("2020-05-10");
    await page.getByTestId("cockpit-asof").press("Enter");
    await page.waitForURL(/asOf=2020-05-10/);
    await page.locator('[data-testid="cockpit-asof-shown"][data-asof="2020-05-10"]').waitFor();
    await chartsDrawn(page, ["chart-gauge", "chart-trend"]);
    assert.notEqual(
      (await page.getByTestId("cockpit-counts").allInnerTexts()).join("\n"),
      before,
      "the counts follow the date",
    );
    await page.goto(page.url().replace(/\?.*$/, "")); // back to the demo date
    await page.locator('[data-testid="cockpit-asof-shown"][data-asof="2020-10-12"]').waitFor();

    // A red target: the drawer shows the working behind its status and its reports by period.
    const first = page.getByTestId("cockpit-red").getByTestId("lagging-target").first();
    const subject = (await first.locator(".lagging-subject").allInnerTexts()).join("\n").trim();
    await first.click();
    const detail = page.getByTestId("cockpit-target");
    await detail.waitFor();
    const working = (await page.getByTestId("cockpit-working").allInnerTexts()).join("\n");
    assert.match(working, /欠时序进度[\d.]+个百分点|低于目标|突破|超出/, `the working says why (${working})`);
    await page.getByTestId("cockpit-reports").locator("tbody tr").first().waitFor();
    const texts = (await page.getByTestId("report-texts").first().allInnerTexts()).join("\n");
    assert.match(texts, /进展情况/, "the newest report's texts are open");
    // The status tag opens the numbers behind it (the plan page's own popover).
    await detail.getByTestId("target-status").first().click();
    await page.getByTestId("status-working").first().waitFor();
    log(`drilled into the red target ${subject}`);
    await shot(page, screenshots, "cockpit-drill.png", log);
    await page.keyboard.press("Escape"); // the popover
    await page.locator(".cockpit-drawer .ant-drawer-close").click();
    await detail.waitFor({ state: "detached" });

    // A status count opens the list of its targets; keyboard reaches it.
    await page.locator('[data-testid="cockpit-counts"] button[data-status="far_behind"]').focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("drill-list").waitFor();
    assert.ok((await page.getByTestId("drill-list").locator("button").count()) > 0);
    assert.deepEqual(problems, [], "the page logged no errors");

    // A phone: one column, nothing wider than the screen.
    const phone = await phonePage(browser);
    const phoneProblems = watchProblems(phone);
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(page.url().replace(/\?.*$/, ""));
    await chartsDrawn(phone, ["chart-gauge", "chart-areas", "chart-trend"]);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
    await shot(phone, screenshots, "cockpit-phone.png", log);
    assert.deepEqual(phoneProblems, [], "the phone page logged no errors");
  } finally {
    await browser.close();
  }
}
