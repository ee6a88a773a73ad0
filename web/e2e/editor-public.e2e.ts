// The plan editor and the public page, driven as people use them: a planner selects several targets
// and gives them a lead and a co-operating department in one go, types a 分期计划 (a wrong value is
// refused as it is typed), copies the plan to the next year and publishes the copy after the check;
// an anonymous visitor reads the public page (screen and print) and is refused everything else.
import assert from "node:assert/strict";
import type { PlanDetail, PlanSummary } from "../../src/contract/plans.ts";
import type { PublicPlanDetail } from "../../src/contract/public.ts";
import type { TargetPlannedView, TargetView } from "../../src/contract/targets.ts";
import { type BrowserTestOptions, choose, shot, withPage } from "./pages.ts";
import { apiJson, apiLogin, DEMO_PASSWORD, getJson, signIn } from "./session.ts";

async function nankai(baseUrl: string): Promise<{ plan: PlanSummary; detail: PlanDetail }> {
  const planner = await apiLogin(baseUrl, "planner", DEMO_PASSWORD);
  const plans = await getJson<PlanSummary[]>(baseUrl, planner, "/api/plans");
  const plan = plans.find((p) => p.title.includes("南开区") && p.year === 2020) ?? plans[0];
  assert.ok(plan, "no plan");
  return { plan, detail: await getJson<PlanDetail>(baseUrl, planner, `/api/plans/${plan.id}`) };
}

/** Planner: bulk assignment, 分期计划 typed with a wrong value first, copy to next year, publish the copy. */
export async function planEditorTest({ baseUrl, screenshots, log = console.log }: BrowserTestOptions) {
  const { plan, detail } = await nankai(baseUrl);
  const planner = await apiLogin(baseUrl, "planner", DEMO_PASSWORD);
  const jyj = detail.departments.find((d) => d.name === "区教育局");
  const rsj = detail.departments.find((d) => d.name === "区人社局");
  assert.ok(jyj && rsj, "the demo departments");
  // A cumulative target nobody has planned yet: earlier tests (the 任务分解表 import) plan some.
  let cumulative: TargetView | undefined;
  for (const t of detail.targets) {
    if (t.kind !== "cumulative" || t.value === null || t.value <= 0 || t.unit === "%") continue;
    const plannedNow = await getJson<TargetPlannedView>(baseUrl, planner, `/api/targets/${t.id}/planned`);
    if (plannedNow.periods.every((p) => p.planned === null)) {
      cumulative = t;
      break;
    }
  }
  assert.ok(cumulative, "a cumulative target without a 分期计划");

  await withPage({ width: 1440, height: 900 }, async (page) => {
    await signIn(page, baseUrl, "planner", DEMO_PASSWORD, `/plans/${plan.id}`);
    await page.getByTestId("editor-link").click();
    await page.waitForURL(`**/plans/${plan.id}/edit`);
    const table = page.getByTestId("editor-table");
    await table.locator("tbody tr[data-row-key]").first().waitFor();

    // Select three targets by their checkboxes (Space on a focused box, as from the keyboard).
    const rows = table.locator("tbody tr[data-row-key]");
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const row = rows.nth(i);
      ids.push(Number(await row.getAttribute("data-row-key")));
      await row.locator("input[type=checkbox]").focus();
      await page.keyboard.press("Space");
    }
    await page.getByTestId("editor-bulk").getByText("已选 3 项").waitFor();
    await choose(page, "牵头单位", "区教育局");
    await choose(page, "配合单位", "区人社局");
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/plans/${plan.id}/targets`) && r.request().method() === "PATCH",
    );
    await page.getByTestId("bulk-apply").click();
    assert.equal((await saved).status(), 200, "the bulk change is accepted");
    await page.getByTestId("editor-bulk").getByText("已选 0 项").waitFor();
    const after = await getJson<PlanDetail>(baseUrl, planner, `/api/plans/${plan.id}`);
    for (const id of ids) {
      const t = after.targets.find((x) => x.id === id);
      assert.equal(t?.leadDepartment?.id, jyj.id, `target ${id} is led by 区教育局`);
      assert.deepEqual(
        t?.coDepartments.map((d) => d.id),
        [rsj.id],
        `target ${id} has 区人社局 co-operating`,
      );
    }
    assert.equal(
      await table.locator(`tr[data-row-key="${ids[0]}"] [data-testid=editor-lead]`).textContent(),
      "区教育局",
    );

    // 分期计划 of a cumulative target: a second value below the first is refused as it is typed.
    await page.getByRole("textbox", { name: "搜索指标" }).fill(cumulative.subject);
    await table.locator(`tr[data-row-key="${cumulative.id}"] [data-testid=editor-edit]`).click();
    const grid = page.getByTestId("planned-grid");
    const cells = grid.getByTestId("planned-cell");
    await cells.first().waitFor();
    const periods = await cells.count();
    assert.ok(periods === 12 || periods === 4, `a monthly or quarterly grid (${periods} cells)`);
    await cells.nth(0).fill("1");
    await cells.nth(1).fill("0.5");
    await grid.getByRole("alert").filter({ hasText: "累计值不能小于" }).waitFor();
    assert.equal(await cells.nth(1).getAttribute("aria-invalid"), "true");
    assert.ok(await grid.getByTestId("planned-save").isDisabled(), "cannot save a falling plan");
    await shot(page, screenshots, "plan-editor.png", log);
    await cells.nth(1).fill("2");
    assert.equal(await grid.getByRole("alert").count(), 0, "the message goes once corrected");
    const put = page.waitForResponse(
      (r) => r.url().endsWith(`/api/targets/${cumulative.id}/planned`) && r.request().method() === "PUT",
    );
    await grid.getByTestId("planned-save").click();
    assert.equal((await put).status(), 200);
    const planned = await getJson<TargetPlannedView>(
      baseUrl,
      planner,
      `/api/targets/${cumulative.id}/planned`,
    );
    const values = planned.periods.map((p) => p.planned);
    assert.ok(values[0] !== null && values[1] !== null && (values[1] as number) > (values[0] as number));
    assert.ok(
      values.slice(2).every((v) => v === null),
      "empty cells stay unplanned",
    );
    await page.keyboard.press("Escape");
    await grid.waitFor({ state: "detached" });

    // Copy to the first year without a plan of this title (the demo copies 2020 to 2021–2023 itself),
    // land on the copy's editor, publish it after the check.
    await page.getByTestId("editor-copy").click();
    assert.equal(await page.locator("#copy-year").inputValue(), "2021", "the next year is offered first");
    const others = await getJson<PlanSummary[]>(baseUrl, planner, "/api/plans");
    const taken = new Set(
      others.filter((p) => p.title.includes("南开区") && p.kind !== "five_year").map((p) => p.year),
    );
    let copyYear = 2021;
    while (taken.has(copyYear)) copyYear++;
    await page.locator("#copy-year").fill(String(copyYear));
    await page.getByRole("button", { name: "复制并打开" }).click();
    await page.waitForURL(
      (url) => /\/plans\/\d+\/edit$/.test(url.pathname) && !url.pathname.includes(`/plans/${plan.id}/`),
    );
    const copyId = Number(/\/plans\/(\d+)\/edit/.exec(page.url())?.[1]);
    const copy = await getJson<PlanDetail>(baseUrl, planner, `/api/plans/${copyId}`);
    assert.equal(copy.plan.state, "draft");
    assert.equal(copy.plan.year, copyYear);
    await page
      .locator("h1")
      .filter({ hasText: String(copyYear) })
      .waitFor();
    await page.getByTestId("editor-publish").click();
    const check = page.getByTestId("publish-check");
    await check.waitFor();
    const published = page.waitForResponse((r) => r.url().endsWith(`/api/plans/${copyId}/publish`));
    // The dialog's own button (the editor's 发布 button stays behind the mask), once the modal has
    // finished opening: a click during its entry animation can land on nothing.
    const ok = page.getByRole("dialog").getByRole("button", { name: /^(仍然发布|发\s?布)$/ });
    await ok.waitFor({ state: "visible" });
    await page.waitForFunction(() => !document.querySelector(".ant-zoom-enter, .ant-zoom-appear"));
    await ok.click();
    assert.equal((await published).status(), 200);
    const done = await getJson<PlanDetail>(baseUrl, planner, `/api/plans/${copyId}`);
    assert.equal(done.plan.state, "published");
  });
}

/** A visitor without an account: the public page with approved values and statuses, printed; refused elsewhere. */
export async function publicPageTest({ baseUrl, screenshots, log = console.log }: BrowserTestOptions) {
  const { plan } = await nankai(baseUrl);
  const planner = await apiLogin(baseUrl, "planner", DEMO_PASSWORD);
  if (plan.state === "draft") {
    assert.equal((await apiJson(baseUrl, planner, "POST", `/api/plans/${plan.id}/publish`, {})).status, 200);
  }
  const made = await apiJson(baseUrl, planner, "POST", `/api/plans/${plan.id}/public`, { public: true });
  assert.equal(made.status, 200, "the planner makes the plan public");
  const detail = await getJson<PublicPlanDetail>(baseUrl, null, `/api/public/plans/${plan.id}`);
  const withValue = detail.targets.filter((t) => t.latestValue !== null);
  assert.ok(withValue.length > 0, "the demo year has approved values");

  await withPage({ width: 1280, height: 900 }, async (page) => {
    await page.goto(`${baseUrl}/public/plans/${plan.id}`);
    const table = page.getByTestId("public-targets");
    await table.locator("tbody tr[data-status]").first().waitFor();
    assert.equal(await table.locator("tbody tr[data-status]").count(), detail.targets.length);
    assert.equal(await page.getByTestId("public-asof").textContent(), `数据截至 ${detail.asOf}`);
    const statuses = await table
      .locator("tbody tr[data-status]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")));
    assert.deepEqual(
      statuses.slice().sort(),
      detail.targets.map((t) => t.status).sort(),
      "every target's status is shown",
    );
    assert.equal(await page.locator("main input, main textarea").count(), 0, "nothing to edit");
    await shot(page, screenshots, "public-page.png", log);

    // A4 at 96 dpi, less the page margins: what the printed page lays out in.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".app-header").isVisible(), false, "print hides the header");
    assert.equal(
      await page.getByRole("button", { name: /打\s?印/ }).isVisible(),
      false,
      "print hides the button",
    );
    const head = table.locator("thead .public-print-head");
    assert.ok(await head.isVisible(), "the printed table carries the title and the date");
    assert.match((await head.textContent()) ?? "", new RegExp(`${plan.title}.*${detail.asOf}`));
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    assert.ok(pdf.byteLength > 10_000, "the page prints to A4");
    await shot(page, screenshots, "public-print.png", log);
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Elsewhere the visitor is refused: the API answers 401, a signed-in page sends to /login.
    const status = await page.evaluate(async () => (await fetch("/api/plans")).status);
    assert.equal(status, 401, "an anonymous /api/plans call is refused");
    const detailStatus = await page.evaluate(async (id) => (await fetch(`/api/plans/${id}`)).status, plan.id);
    assert.equal(detailStatus, 401, "an anonymous plan read is refused");
    await page.goto(`${baseUrl}/plans/${plan.id}/edit`);
    await page.waitForURL(/\/login\?next=/);
  });
}
