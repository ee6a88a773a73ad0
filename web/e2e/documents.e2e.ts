// The documents in Chromium (issue 7): the planner opens the Nankai plan, downloads the ledger from the
// export menu (the file is read back: summary sheet, an area sheet per area), then imports a
// 任务分解表: the review table shows each row's match and score and the unmatched rows; the planner
// rejects one row and confirms; the planned values arrive. Writes docs/screenshots/breakdown-review.png.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { PlanDetail, PlanSummary } from "../../src/contract/plans.ts";
import type { TargetPlannedView } from "../../src/contract/targets.ts";
import { breakdownFixtureXlsx, FIXTURE_ROWS } from "../../src/test/breakdown-fixture.ts";
import { launchChromium } from "./browser.ts";
import { type BrowserTestOptions, pageAs, shot } from "./pages.ts";
import { apiLogin, DEMO_PASSWORD, getJson, watchProblems } from "./session.ts";

export async function documentsTest({
  baseUrl,
  screenshots,
  log = () => {},
}: BrowserTestOptions): Promise<void> {
  const planner = await apiLogin(baseUrl, "planner", DEMO_PASSWORD);
  const plans = await getJson<PlanSummary[]>(baseUrl, planner, "/api/plans");
  const plan = plans.find((p) => p.title === "南开区2020年国民经济和社会发展计划");
  assert.ok(plan, "the demo plan is there");
  const detail = await getJson<PlanDetail>(baseUrl, planner, `/api/plans/${plan.id}`);
  const investment = detail.targets.find((t) => t.subject === "招商引资到位额");
  const jobs = detail.targets.find((t) => t.subject === "就业");
  assert.ok(investment && jobs, "the demo plan has its targets");

  const browser = await launchChromium();
  try {
    const page = await pageAs(browser, baseUrl, planner, { acceptDownloads: true });
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/plans/${plan.id}`);

    // The ledger from the export menu, read back.
    await page.getByTestId("documents-menu").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-xlsx").click(),
    ]);
    assert.match(download.suggestedFilename(), /^南开区2020年国民经济和社会发展计划_执行情况台账_.*\.xlsx$/);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    assert.equal(wb.worksheets[0]?.name, "汇总");
    assert.ok(wb.worksheets.length >= 6, `a sheet per area: ${wb.worksheets.map((w) => w.name).join(", ")}`);
    log(`ledger downloaded: ${download.suggestedFilename()} (${wb.worksheets.length} sheets)`);

    // The 任务分解表: preview, review, confirm.
    await page.getByTestId("documents-menu").click();
    await page.getByTestId("import-breakdown").click();
    const input = page.locator(".ant-modal input[type=file]");
    await input.setInputFiles({
      name: "南开区重点任务分解表.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await breakdownFixtureXlsx(),
    });
    await page.getByTestId("breakdown-summary").waitFor();
    const summary = (await page.getByTestId("breakdown-summary").textContent()) ?? "";
    assert.match(summary, /12行，其中2行未匹配/, summary);
    const table = page.getByTestId("breakdown-table");
    assert.match((await table.textContent()) ?? "", /招商引资到位额/);
    // Reject the jobs row; keep the rest.
    await page.getByTestId(`accept-${FIXTURE_ROWS.jobs}`).click();
    await shot(page, screenshots, "breakdown-review.png", log);
    await page.locator("#breakdown-confirm").click();
    await page.locator(".ant-message-success").waitFor();

    const planned = await getJson<TargetPlannedView>(
      baseUrl,
      planner,
      `/api/targets/${investment.id}/planned`,
    );
    assert.deepEqual(
      planned.periods.filter((p) => p.planned !== null).map((p) => [p.key, p.planned]),
      [
        ["2020-03", 2e9],
        ["2020-06", 5e9],
        ["2020-09", 8e9],
        ["2020-12", 1.06e10],
      ],
    );
    const jobsPlanned = await getJson<TargetPlannedView>(baseUrl, planner, `/api/targets/${jobs.id}/planned`);
    assert.ok(
      jobsPlanned.periods.every((p) => p.planned === null),
      "the rejected row changed nothing",
    );
    assert.deepEqual(problems, []);
    await page.context().close();
  } finally {
    await browser.close();
  }
}
