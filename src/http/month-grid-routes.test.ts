import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  MonthGridRowError,
  MonthGridRowSave,
  MonthGridSaveResult,
  MonthGridView,
  MyReportsView,
} from "../contract/month-grid.ts";
import type { ReportDetail } from "../contract/reports.ts";
import type { TaskDetailView } from "../contract/tasks.ts";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { readPlanSettings, writePlanSettings } from "../db/plan-settings-repository.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, type TestClient } from "../test/auth-helpers.ts";
import { testApp } from "../test/test-app.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";

const TEXTS = { progress: "按计划推进", problems: "", nextSteps: "继续推进" };

interface SheetError {
  code: string;
  message: string;
  details: { errors: MonthGridRowError[]; count: number };
}

describe.each(testDialects())("month grid API on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let reporter: TestClient;
  let planner: TestClient;
  /** Led by 区人社局, monthly: GDP growth (rate, 5%), jobs (cumulative, 4万人), 雏鹰企业 (level, 80家). */
  let gdp: number;
  let jobs: number;
  let firms: number;
  /** Led by 区教育局: not on 区人社局's sheet. */
  let other: number;

  const grid = async (month?: string) => {
    const response = await reporter.inject({
      method: "GET",
      url: `/api/me/grid${month ? `?month=${month}` : ""}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<MonthGridView>();
  };
  const put = (month: string, submit: boolean, rows: MonthGridRowSave[]) =>
    reporter.inject({ method: "PUT", url: `/api/me/grid/${month}`, payload: { submit, rows } });
  const row = (id: number, fields: Partial<MonthGridRowSave> = {}, period = "2020-06"): MonthGridRowSave => ({
    kind: "target",
    id,
    period,
    baseRevision: null,
    ...TEXTS,
    ...fields,
  });
  const count = async (table: "reports" | "audit_log") =>
    Number(
      (
        await store()
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    [gdp, jobs, firms] = [world.targetIds[0], world.targetIds[3], world.targetIds[4]] as [
      number,
      number,
      number,
    ];
    other = world.targetIds[1] as number;
    const db = store().db;
    await db
      .updateTable("targets")
      .set({ lead_department_id: world.departments.nankaiRsj, frequency: "monthly" })
      .where("id", "in", [gdp, jobs, firms])
      .execute();
    await db
      .updateTable("targets")
      .set({ lead_department_id: world.departments.nankaiJyj, frequency: "monthly" })
      .where("id", "=", other)
      .execute();
    // Demo-like clock: the plan is read as of 2020-07-12, so June is the month owed.
    const settings = (await readPlanSettings(db, world.planId)) ?? {};
    await writePlanSettings(db, SYSTEM_ACTOR, world.planId, {
      ...settings,
      demo: true,
      demoAsOf: "2020-07-12",
    });
    await db
      .updateTable("plans")
      .set({ published_on: "2020-01-20" })
      .where("id", "=", world.planId)
      .execute();
    app = await testApp(db, dialect);
    reporter = await signIn(app, world.usernames.reporter);
    planner = await signIn(app, world.usernames.planner);
    const may = await reporter.inject({
      method: "PUT",
      url: `/api/targets/${jobs}/reports/2020-05`,
      payload: { baseRevision: null, value: 15000, ...TEXTS, progress: "五月累计新增1.5万人", submit: true },
    });
    expect(may.statusCode, may.body).toBe(200);
  });
  afterEach(async () => {
    await app.close();
  });

  it("shows the department's month: its targets only, last period beside, the owed month first", async () => {
    const sheet = await grid();
    expect(sheet.month).toBe("2020-06");
    expect(sheet.asOf).toBe("2020-07-12");
    expect(sheet.department?.name).toBe("区人社局");
    const targets = sheet.rows.filter((r) => r.subject.kind === "target");
    expect(targets.map((r) => r.subject.id).sort()).toEqual([gdp, jobs, firms].sort());
    expect(sheet.rows.some((r) => r.subject.id === other)).toBe(false);
    const jobsRow = sheet.rows.find((r) => r.subject.id === jobs);
    expect(jobsRow).toMatchObject({
      state: "overdue",
      report: null,
      editable: true,
      goal: { value: 40000 },
      previous: { period: "2020-05", value: 15000, approved: false, progress: "五月累计新增1.5万人" },
    });
    // May has the submitted report: locked there, and counted as not open.
    const may = await grid("2020-05");
    expect(may.rows.find((r) => r.subject.id === jobs)).toMatchObject({
      state: "submitted",
      editable: false,
      lockedReason: { zh: "已提交，等待审核" },
    });
    const months = new Map(sheet.months.map((m) => [m.key, m]));
    expect(months.get("2020-05")?.open).toBe(2);
    expect(months.get("2020-06")?.open).toBe(3);
    expect(sheet.months[0]?.key).toBe("2020-07");
  });

  it("saves every row as a draft in one go, each with its revision and audit row", async () => {
    const reports = await count("reports");
    const audit = await count("audit_log");
    const response = await put("2020-06", false, [
      row(jobs, { value: 21000 }),
      row(firms, { value: 62, progress: "" }),
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<MonthGridSaveResult>();
    expect(result).toMatchObject({ submitted: false, saved: 2 });
    expect(await count("reports")).toBe(reports + 2);
    expect(await count("audit_log")).toBe(audit + 2);
    const saved = result.grid.rows.find((r) => r.subject.id === jobs);
    expect(saved?.report?.state).toBe("draft");
    expect(saved?.latest).toMatchObject({ value: 21000, progress: TEXTS.progress });
    // Overdue stays overdue (the due date passed), drafts or not.
    expect(saved?.state).toBe("overdue");
  });

  it("submits all or nothing: one row without a value refuses the sheet, naming it", async () => {
    const reports = await count("reports");
    const audit = await count("audit_log");
    const refused = await put("2020-06", true, [
      row(jobs, { value: 21000 }),
      row(firms, { value: null }),
      row(gdp, { value: 4.8, progress: "" }),
    ]);
    expect(refused.statusCode).toBe(400);
    const body = refused.json<SheetError>();
    expect(body.code).toBe("bad_input");
    expect(body.details.errors.map((e) => [e.index, e.id, e.code, e.details.field])).toEqual([
      [1, firms, "bad_input", "value"],
      [2, gdp, "bad_input", "progress"],
    ]);
    expect(body.details.errors[0]?.title).toContain("雏鹰");
    expect(body.details.errors[0]?.message.zh).toBe("提交前请填写完成值");
    expect(body.message).toContain("第2行");
    expect(await count("reports")).toBe(reports);
    expect(await count("audit_log")).toBe(audit);

    const accepted = await put("2020-06", true, [
      row(jobs, { value: 21000 }),
      row(firms, { value: 62 }),
      row(gdp, { value: 4.8 }),
    ]);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = accepted.json<MonthGridSaveResult>().grid;
    expect(after.rows.filter((r) => r.subject.kind === "target").map((r) => r.state)).toEqual([
      "submitted",
      "submitted",
      "submitted",
    ]);
    expect(after.months.find((m) => m.key === "2020-06")?.open).toBe(0);
    const review = await planner.inject({
      method: "GET",
      url: `/api/plans/${world.planId}/reports?period=2020-06&state=submitted`,
    });
    expect(review.json<{ reports: unknown[] }>().reports).toHaveLength(3);
  });

  it("refuses a stale row with 409 and keeps the others unwritten", async () => {
    const first = await put("2020-06", false, [row(jobs, { value: 21000 })]);
    expect(first.statusCode, first.body).toBe(200);
    const reports = await count("reports");
    const stale = await put("2020-06", true, [row(firms, { value: 62 }), row(jobs, { value: 22000 })]);
    expect(stale.statusCode).toBe(409);
    const error = stale.json<SheetError>().details.errors[0];
    expect(error).toMatchObject({ index: 1, id: jobs, code: "conflict" });
    expect(await count("reports")).toBe(reports);
  });

  it("refuses rows of another month, twice the same row, another department's target", async () => {
    const shape = await put("2020-06", false, [
      row(jobs, { value: 1 }, "2020-05"),
      row(firms, { value: 60 }),
      row(firms, { value: 61 }),
    ]);
    expect(shape.statusCode).toBe(400);
    expect(
      shape.json<SheetError>().details.errors.map((e) => [e.index, e.rule, e.message.en.length > 0]),
    ).toEqual([
      [0, "period_not_in_month", true],
      [2, "duplicate_row", true],
    ]);
    const foreign = await put("2020-06", false, [row(other, { value: 5 })]);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json<SheetError>().details.errors[0]).toMatchObject({ id: other, code: "forbidden" });
    const planners = await planner.inject({
      method: "PUT",
      url: "/api/me/grid/2020-06",
      payload: { submit: false, rows: [row(jobs, { value: 1 })] },
    });
    expect(planners.statusCode).toBe(403);
  });

  it("asks for a confirmation of an implausible value per row, and takes it with a reason", async () => {
    const reports = await count("reports");
    // 400万人 against a target of 4万人: the 万 slip.
    const slip = await put("2020-06", true, [row(firms, { value: 62 }), row(jobs, { value: 4_000_000 })]);
    expect(slip.statusCode).toBe(422);
    const body = slip.json<SheetError>();
    expect(body.code).toBe("implausible_value");
    expect(body.details.errors).toHaveLength(1);
    expect(body.details.errors[0]).toMatchObject({ index: 1, id: jobs, rule: "ratio_to_target" });
    expect(await count("reports")).toBe(reports);

    const confirmed = await put("2020-06", true, [
      row(firms, { value: 62 }),
      row(jobs, { value: 4_000_000, confirm: true, confirmReason: "含全市统筹安置的就业人数，口径已核实" }),
    ]);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const jobsRow = confirmed.json<MonthGridSaveResult>().grid.rows.find((r) => r.subject.id === jobs);
    expect(jobsRow?.state).toBe("submitted");
    expect(jobsRow?.latest?.warnings.map((w) => w.rule)).toContain("ratio_to_target");
  });

  it("reports a task on the sheet: locked until 签收, then submitted as its 进展报送", async () => {
    const task = world.taskNodeId;
    const assign = await planner.inject({
      method: "PATCH",
      url: `/api/tasks/${task}`,
      payload: { leadDepartmentId: world.departments.nankaiRsj, deadline: "2020-12-31" },
    });
    expect(assign.statusCode, assign.body).toBe(200);
    const before = (await grid("2020-06")).rows.find((r) => r.subject.kind === "node");
    expect(before).toMatchObject({ subject: { id: task }, taskState: "assigned", editable: false });
    expect(before?.lockedReason?.zh).toContain("签收");

    const ack = await reporter.inject({ method: "POST", url: `/api/tasks/${task}/acknowledge` });
    expect(ack.statusCode, ack.body).toBe(200);
    const taskRow = (await grid("2020-06")).rows.find((r) => r.subject.kind === "node");
    expect(taskRow).toMatchObject({ taskState: "acknowledged", editable: true, goal: null });

    const draft = await put("2020-06", false, [
      { kind: "node", id: task, period: "2020-06", baseRevision: null, percent: 30, ...TEXTS },
    ]);
    expect(draft.statusCode, draft.body).toBe(200);
    const drafted = draft.json<MonthGridSaveResult>().grid.rows.find((r) => r.subject.kind === "node");
    expect(drafted?.latest).toMatchObject({ state: "draft", percent: 30 });

    const submitted = await put("2020-06", true, [
      row(jobs, { value: 21000 }),
      {
        kind: "node",
        id: task,
        period: "2020-06",
        baseRevision: drafted?.report?.revision ?? null,
        percent: 40,
        ...TEXTS,
      },
    ]);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const detail = (
      await reporter.inject({ method: "GET", url: `/api/tasks/${task}?asOf=2020-07-12` })
    ).json<TaskDetailView>();
    expect(detail.state).toBe("in_progress");
    expect(detail.progressReports.map((r) => r.period)).toContain("2020-06");
  });

  it("lists the department's reports by state, returned ones first", async () => {
    const june = await put("2020-06", true, [row(jobs, { value: 21000 }), row(firms, { value: 62 })]);
    expect(june.statusCode, june.body).toBe(200);
    const firmsReport = june
      .json<MonthGridSaveResult>()
      .grid.rows.find((r) => r.subject.id === firms)?.report;
    const returned = await planner.inject({
      method: "POST",
      url: `/api/reports/${firmsReport?.id}/review`,
      payload: { action: "return", reason: "请核对企业名单" },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const all = await reporter.inject({ method: "GET", url: "/api/me/reports" });
    const view = all.json<MyReportsView>();
    expect(view.reports[0]).toMatchObject({ state: "returned", subject: { id: firms } });
    expect(view.reports.map((r) => r.period.key)).toEqual(["2020-06", "2020-06", "2020-05"]);
    expect(view.counts).toEqual({ draft: 0, submitted: 2, approved: 0, returned: 1 });
    const onlyReturned = await reporter.inject({ method: "GET", url: "/api/me/reports?state=returned" });
    expect(onlyReturned.json<MyReportsView>().reports.map((r) => r.subject.id)).toEqual([firms]);
    const may = await reporter.inject({ method: "GET", url: "/api/me/reports?month=2020-05" });
    expect(may.json<MyReportsView>().reports.map((r) => r.subject.id)).toEqual([jobs]);
    // The returned row comes first on its month's sheet too, with the planner's reason.
    const sheet = await grid("2020-06");
    expect(sheet.rows[0]).toMatchObject({
      state: "returned",
      returnReason: "请核对企业名单",
      editable: true,
    });
    const detail = await reporter.inject({ method: "GET", url: `/api/reports/${firmsReport?.id}` });
    expect(detail.json<ReportDetail>().report.state).toBe("returned");
  });
});
