// Issue 17 over HTTP: the five-year view judged from yearly values, who may enter them, the refusals
// (a year outside the period, units that cannot be compared) that write nothing, the history, the
// CSV import, links from annual targets with suggestions, and a value from a linked annual report.
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  FiveYearIndicatorView,
  FiveYearLinkSuggestions,
  FiveYearView,
  YearlyValueHistoryView,
  YearlyValueImportPreview,
} from "../contract/five-year.ts";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { setPlanState } from "../db/plans-repository.ts";
import type { Principal } from "../domain/access.ts";
import { reviewReport, saveReport } from "../services/reporting.ts";
import { signIn, type TestClient } from "../test/auth-helpers.ts";
import { buildFiveYearWorld, type FiveYearWorld } from "../test/five-year-world.ts";
import { multipartBody } from "../test/multipart.ts";
import { testApp } from "../test/test-app.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";

describe.each(testDialects())("five-year routes on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: FiveYearWorld;
  let planner: TestClient;

  const id = (subject: string) => {
    const t = world.indicators.get(subject);
    if (!t) throw new Error(`no indicator ${subject}: ${[...world.indicators.keys()].join(", ")}`);
    return t.id;
  };
  const valueRows = async () =>
    (await store().db.selectFrom("indicator_values").select("id").execute()).length;
  const enter = (client: TestClient, targetId: number, year: number, value: number, headers = {}) =>
    client.inject({
      method: "POST",
      url: `/api/targets/${targetId}/yearly-values`,
      payload: { year, value, sourceNote: "统计公报" },
      headers,
    });

  beforeEach(async () => {
    world = await buildFiveYearWorld(store().db);
    app = await testApp(store().db, dialect);
    planner = await signIn(app, world.usernames.planner);
  }, 60_000);
  afterEach(async () => {
    await app.close();
  });

  it("judges each indicator as of a year from the values entered, 约束性 first, in one language", async () => {
    const gdp = id("地区生产总值");
    const forest = id("森林覆盖率");
    for (const [year, value] of [
      [2021, 8500],
      [2022, 9000],
      [2023, 9600],
    ] as const)
      expect((await enter(planner, gdp, year, value)).statusCode).toBe(200);
    const entered = await enter(planner, forest, 2023, 40.6);
    expect(entered.statusCode, entered.body).toBe(200);
    expect(entered.json<FiveYearIndicatorView>()).toMatchObject({ judgement: "slow", light: "red" });

    const response = await planner.inject({
      method: "GET",
      url: `/api/plans/${world.fiveYearPlanId}/five-year?year=2023`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json<FiveYearView>();
    expect(view.plan).toMatchObject({ startYear: 2021, endYear: 2025 });
    expect(view.asOfYear).toBe(2023);
    expect(view.indicators[0]?.attribute).toBe("binding");
    const g = view.indicators.find((i) => i.targetId === gdp) as FiveYearIndicatorView;
    // 年均增长6.5% from 8000亿元: 9600 in 2023 is 6.27% a year, 0.96 of the rate: 符合进度.
    expect(g).toMatchObject({ form: "annual_growth", unit: "亿元", baselineValue: 8000, targetValue: 6.5 });
    expect(g.achievedRate).toBeCloseTo(6.27, 2);
    expect(g.judgement).toBe("on_track");
    expect(g.values.map((v) => [v.year, v.value, v.source])).toEqual([
      [2021, 8500, "statistics"],
      [2022, 9000, "statistics"],
      [2023, 9600, "statistics"],
    ]);
    expect(g.path[0]).toEqual({ year: 2020, value: 8000 });
    expect(g.working).toContain("年均增长");
    expect(view.counts.on_track).toBeGreaterThanOrEqual(1);
    expect(view.counts.slow).toBeGreaterThanOrEqual(1);

    const english = await planner.inject({
      method: "GET",
      url: `/api/plans/${world.fiveYearPlanId}/five-year?year=2023`,
      headers: { "x-plantrack-lang": "en" },
    });
    const e = english
      .json<FiveYearView>()
      .indicators.find((i) => i.targetId === gdp) as FiveYearIndicatorView;
    expect(e.working.replaceAll(e.name, "").replaceAll(e.unit, "")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses a year outside the plan period (400 naming 年份) and a value that is no number, writing nothing", async () => {
    const before = await valueRows();
    const outside = await enter(planner, id("地区生产总值"), 2020, 8000);
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: "bad_input", details: { field: "year" } });
    expect(outside.json().message).toContain("年份");
    const later = await enter(planner, id("地区生产总值"), 2026, 8000);
    expect(later.statusCode).toBe(400);
    const asOf = await planner.inject({
      method: "GET",
      url: `/api/plans/${world.fiveYearPlanId}/five-year?year=2030`,
    });
    expect(asOf.statusCode).toBe(400);
    expect(asOf.json().details.field).toBe("year");
    expect(await valueRows()).toBe(before);
    // A target year before the baseline year is refused on the target itself.
    const years = await planner.inject({
      method: "PATCH",
      url: `/api/targets/${id("地区生产总值")}`,
      payload: { baselineYear: 2020, targetYear: 2019 },
    });
    expect(years.statusCode).toBe(400);
    expect(years.json().details.field).toBe("targetYear");
  });

  it("the statistics department's reporter may enter values, another department's may not; the history keeps every entry", async () => {
    const gdp = id("地区生产总值");
    const stats = await signIn(app, world.statisticsUsername);
    expect((await enter(stats, gdp, 2021, 8400)).statusCode).toBe(200);
    const other = await signIn(app, world.usernames.reporter);
    const refused = await enter(other, gdp, 2021, 1);
    expect(refused.statusCode).toBe(403);
    expect((await enter(planner, gdp, 2021, 8500)).statusCode).toBe(200);
    const history = await planner.inject({ method: "GET", url: `/api/targets/${gdp}/yearly-values` });
    const rows = history.json<YearlyValueHistoryView>().rows;
    expect(rows.map((r) => [r.value, r.current])).toEqual([
      [8500, true],
      [8400, false],
    ]);
    expect(rows[1]?.by).toBe(world.statisticsUsername);
    const audit = await store()
      .db.selectFrom("audit_log")
      .select(["action", "after"])
      .where("action", "=", "indicator.value")
      .execute();
    expect(audit).toHaveLength(2);
  });

  it("imports yearly values from a CSV: the preview writes nothing and names bad rows; apply writes the confirmed", async () => {
    const csv = [
      "指标,年份,数值,来源说明",
      '地区生产总值（亿元）,2021,"8,500",2021年统计公报',
      "地区生产总值,2022,９０００,",
      "森林覆盖率,2019,40,",
      "不存在的指标,2021,1,",
    ].join("\n");
    const before = await valueRows();
    const preview = await planner.inject({
      method: "POST",
      url: `/api/plans/${world.fiveYearPlanId}/yearly-values/preview`,
      ...multipartBody({}, [
        { name: "file", fileName: "年度值.csv", content: new TextEncoder().encode(csv) },
      ]),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json<YearlyValueImportPreview>();
    expect(p.rows.map((r) => [r.year, r.value, r.problem === null])).toEqual([
      [2021, 8500, true],
      [2022, 9000, true],
      [2019, 40, false],
      [2021, 1, false],
    ]);
    expect(p.rows[2]?.problem).toContain("年份2019");
    expect(await valueRows()).toBe(before);
    const ok = p.rows.filter((r) => r.problem === null);
    const apply = await planner.inject({
      method: "POST",
      url: `/api/plans/${world.fiveYearPlanId}/yearly-values/apply`,
      payload: {
        fileName: p.fileName,
        rows: ok.map((r) => ({
          targetId: r.targetId,
          year: r.year,
          value: r.value,
          sourceNote: r.sourceNote,
        })),
      },
    });
    expect(apply.statusCode, apply.body).toBe(200);
    expect(apply.json()).toEqual({ planId: world.fiveYearPlanId, written: 2 });
    // One bad row in the body: nothing is written.
    const bad = await planner.inject({
      method: "POST",
      url: `/api/plans/${world.fiveYearPlanId}/yearly-values/apply`,
      payload: {
        fileName: "x.csv",
        rows: [
          { targetId: id("地区生产总值"), year: 2023, value: 9600 },
          { targetId: id("地区生产总值"), year: 2027, value: 1 },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(await valueRows()).toBe(before + 2);
  });

  it("links annual targets: comparable units only, suggestions on one screen, confirm, unlink; a value from the linked report", async () => {
    const [gdpAnnual, budgetAnnual, , jobsAnnual, eagles] = world.targetIds as number[];
    const before = (await store().db.selectFrom("indicator_links").select("id").execute()).length;
    const refused = await planner.inject({
      method: "POST",
      url: `/api/targets/${eagles}/five-year-link`,
      payload: { indicatorId: id("森林覆盖率") },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ details: { field: "unit" } });
    expect(refused.json().message).toContain("单位不可比");
    expect((await store().db.selectFrom("indicator_links").select("id").execute()).length).toBe(before);

    const suggestions = await planner.inject({
      method: "GET",
      url: `/api/plans/${world.planId}/five-year-links/suggestions?fiveYearPlanId=${world.fiveYearPlanId}`,
    });
    expect(suggestions.statusCode, suggestions.body).toBe(200);
    const rows = suggestions.json<FiveYearLinkSuggestions>().rows;
    const budget = rows.find((r) => r.targetId === budgetAnnual);
    expect(budget?.candidates[0]?.name).toBe("一般公共预算收入");
    const jobs = rows.find((r) => r.targetId === jobsAnnual);
    expect(jobs?.candidates[0]?.name).toContain("就业");
    expect(rows.find((r) => r.targetId === eagles)?.candidates.every((c) => c.unit !== "%")).toBe(true);

    const confirm = await planner.inject({
      method: "POST",
      url: `/api/plans/${world.planId}/five-year-links`,
      payload: {
        links: [
          { targetId: budgetAnnual, indicatorId: budget?.candidates[0]?.indicatorId },
          { targetId: gdpAnnual, indicatorId: id("地区生产总值") },
        ],
      },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().linked).toBe(2);
    const view = (
      await planner.inject({ method: "GET", url: `/api/plans/${world.fiveYearPlanId}/five-year` })
    ).json<FiveYearView>();
    const g = view.indicators.find((i) => i.targetId === id("地区生产总值"));
    expect(g?.linked.map((l) => l.targetId)).toEqual([gdpAnnual]);

    // The annual plan is 2020's: no linked target of 2021, so no value from a report — said, nothing written.
    const none = await planner.inject({
      method: "POST",
      url: `/api/targets/${id("地区生产总值")}/yearly-values/from-report`,
      payload: { year: 2021 },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().details.field).toBe("annualTargetId");

    const unlink = await planner.inject({
      method: "DELETE",
      url: `/api/targets/${gdpAnnual}/five-year-link`,
    });
    expect(unlink.statusCode).toBe(200);
    expect(unlink.json()).toEqual({ targetId: gdpAnnual, indicator: null });
    const again = await planner.inject({ method: "DELETE", url: `/api/targets/${gdpAnnual}/five-year-link` });
    expect(again.statusCode).toBe(404);
  });

  it("a copied annual plan keeps its links, and its approved year-end figure becomes the indicator's value", async () => {
    const budgetAnnual = world.targetIds[1] as number;
    const budget = id("一般公共预算收入");
    const link = await planner.inject({
      method: "POST",
      url: `/api/targets/${budgetAnnual}/five-year-link`,
      payload: { indicatorId: budget },
    });
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json().indicator).toMatchObject({ targetId: budget, name: "一般公共预算收入" });
    const copy = await planner.inject({
      method: "POST",
      url: `/api/plans/${world.planId}/copy`,
      payload: { year: 2021 },
    });
    expect(copy.statusCode, copy.body).toBe(201);
    const copyId = copy.json().id as number;
    const db = store().db;
    await setPlanState(db, SYSTEM_ACTOR, copyId, "published");
    const copied = await db
      .selectFrom("indicator_links as l")
      .innerJoin("targets as t", "t.id", "l.annual_target_id")
      .select(["t.id", "t.subject", "l.indicator_target_id"])
      .where("t.plan_id", "=", copyId)
      .execute();
    expect(copied).toEqual([
      expect.objectContaining({ subject: "一般公共预算收入", indicator_target_id: budget }),
    ]);
    const annualId = copied[0]?.id as number;
    const admin: Principal = {
      id: world.users.admin,
      role: "admin",
      regionId: null,
      departmentId: null,
      departmentRegionId: null,
    };
    const actor = { userId: world.users.admin, ip: null };
    const saved = await saveReport(db, actor, admin, "target", annualId, "2021-Q4", {
      baseRevision: null,
      value: 5.5,
      progress: "全年增长5.5%",
      problems: "",
      nextSteps: "",
      submit: true,
    });
    await reviewReport(db, actor, admin, saved.report.id, { action: "approve", baseRevision: 1 });
    const taken = await planner.inject({
      method: "POST",
      url: `/api/targets/${budget}/yearly-values/from-report`,
      payload: { year: 2021 },
    });
    expect(taken.statusCode, taken.body).toBe(200);
    const view = taken.json<FiveYearIndicatorView>();
    // 600亿元 in 2020 grown by the reported 5.5%: 633亿元 in 2021.
    expect(view.values).toEqual([
      expect.objectContaining({ year: 2021, value: 633, source: "linked_report", reportId: saved.report.id }),
    ]);
    expect(view.linked.find((l) => l.targetId === annualId)).toMatchObject({
      latestValue: 5.5,
      latestPeriod: "2021-Q4",
    });
  });

  it("exports the mid-term evaluation as a Word 公文 through the plan's export", async () => {
    const response = await planner.inject({
      method: "GET",
      url: `/api/plans/${world.fiveYearPlanId}/export?format=midterm&year=2023`,
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers["content-type"]).toContain("wordprocessingml");
    expect(String(response.headers["content-disposition"])).toContain("2023.docx");
    const outside = await planner.inject({
      method: "GET",
      url: `/api/plans/${world.fiveYearPlanId}/export?format=midterm&year=2030`,
    });
    expect(outside.statusCode).toBe(400);
  });

  it("makes a plan a five-year plan with its period, refusing a last year before the first", async () => {
    const bad = await planner.inject({
      method: "POST",
      url: `/api/plans/${world.planId}/kind`,
      payload: { kind: "five_year", startYear: 2025, endYear: 2021 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe("endYear");
    const ok = await planner.inject({
      method: "POST",
      url: `/api/plans/${world.planId}/kind`,
      payload: { kind: "five_year", startYear: 2021, endYear: 2025 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: world.planId, startYear: 2021, endYear: 2025 });
    const plan = await planner.inject({ method: "GET", url: `/api/plans/${world.planId}` });
    expect(plan.json().plan.kind).toBe("five_year");
  });
});
