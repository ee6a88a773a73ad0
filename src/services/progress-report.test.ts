import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "../domain/app-error.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { planStatus } from "./plan-status.ts";
import { buildExecutionDraftDocx, buildProgressReportDocx, progressReportModel } from "./progress-report.ts";
import { seedDemo } from "./seed-demo.ts";
import { DEMO_AS_OF, seedDemoReports } from "./seed-demo-reports.ts";

const examplesDir = join(import.meta.dirname, "../../examples");

// Each test seeds the demo year (some 600 report revisions) and renders charts: on PostgreSQL on a
// busy two-core machine that outlasts the default limits.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe.each(testDialects())("the Word reports of the demo plan on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  async function demo() {
    const db = store().db;
    const seeded = await seedDemo({ db, extract: extractPlan, examplesDir });
    const planId = seeded.planId as number;
    await seedDemoReports(db, planId);
    return { db, planId };
  }

  it("judge the plan as the status page does, at the demo date by default", async () => {
    const { db, planId } = await demo();
    const model = await progressReportModel(db, planId, { period: "2020-09" });
    const status = await planStatus(db, planId);
    expect(status.asOf).toBe(DEMO_AS_OF);
    expect(model.overview.rollup).toEqual(status.plan);
    expect(model.title).toBe("关于南开区2020年国民经济和社会发展计划1—9月执行情况的报告");
    expect(model.date).toBe("2020年10月12日");
    expect(model.headline.map((l) => l.subject)).toEqual([
      "地区生产总值",
      "一般公共预算收入",
      "固定资产投资",
    ]);
    const inAreas = model.areas.flatMap((a) => a.targets).length;
    expect(inAreas + model.headline.length).toBe(status.targets.length);
    const lagging = status.targets.filter((t) =>
      ["behind", "far_behind", "not_reported"].includes(t.evaluation.status),
    );
    expect(model.lagging.map((l) => l.id).sort()).toEqual(lagging.map((t) => t.targetId).sort());
  });

  it("gather problems and next steps from approved reports only, 无 left out", async () => {
    const { db, planId } = await demo();
    const model = await progressReportModel(db, planId, { period: "2020-09" });
    const approved = await db
      .selectFrom("report_revisions")
      .innerJoin("reports", "reports.id", "report_revisions.report_id")
      .select(["report_revisions.problems", "report_revisions.next_steps", "report_revisions.state"])
      .where("reports.plan_id", "=", planId)
      .execute();
    const said = (field: "problems" | "next_steps", state: string) =>
      new Set(approved.filter((r) => r.state === state).map((r) => r[field]));
    const problems = model.problems.map((g) => g.text);
    // The targets' problem, and the tasks' too now that their reports are approved like any report.
    expect(problems).toContain("受疫情影响，项目推进和市场需求恢复不及预期。");
    expect(model.nextSteps.map((g) => g.text)).toEqual(
      expect.arrayContaining(["加强调度，倒排工期，力争年底前追回进度。", "继续按计划推进。"]),
    );
    for (const text of problems) expect(said("problems", "approved").has(text), text).toBe(true);
    for (const g of model.nextSteps) expect(said("next_steps", "approved").has(g.text), g.text).toBe(true);
    expect(problems.filter((t) => /^(无|暂无|没有)[。.]?$/.test(t.trim()))).toEqual([]);
    expect(new Set(problems).size).toBe(problems.length);
    expect(model.problems.every((g) => g.departments.length > 0)).toBe(true);
  });

  it("read an earlier period with what was known then", async () => {
    const { db, planId } = await demo();
    const june = await progressReportModel(db, planId, { period: "2020-06", asOf: "2020-07-20" });
    const status = await planStatus(db, planId, "2020-07-20");
    expect(june.overview.rollup).toEqual(status.plan);
    expect(june.periodLabel).toBe("1—6月");
    expect(june.expectedShare).toBe(0.5);
    // Asked in October, June is still judged at the end of June, not on September's reports.
    // Every June report was approved by the end of July, and none changed since.
    const later = await progressReportModel(db, planId, { period: "2020-06", asOf: "2020-10-12" });
    expect(later.overview.rollup).toEqual((await planStatus(db, planId, "2020-07-30")).plan);
    expect(later.overview.rollup).not.toEqual((await planStatus(db, planId, "2020-10-12")).plan);
    expect(later.date).toBe("2020年10月12日");
  });

  it("refuse a period the plan does not have, or one not yet ended", async () => {
    const { db, planId } = await demo();
    const wrong = await refusal(progressReportModel(db, planId, { period: "2020-Q2" }));
    expect(wrong.code).toBe("bad_input");
    expect(wrong.message).toBe("报告期2020年第二季度不是本计划的报告期（应为2020年1月至2020年12月之一）");
    expect(wrong.messageIn("en")).toContain("(one of 2020-01 … 2020-12)");
    expect(wrong.details).toMatchObject({ field: "period", value: "2020-Q2" });
    const early = await refusal(progressReportModel(db, planId, { period: "2020-12" }));
    expect(early.code).toBe("bad_input");
    expect(early.message).toContain("尚未结束");
    const date = await refusal(progressReportModel(db, planId, { period: "2020-06", asOf: "2020/07/01" }));
    expect(date.details).toMatchObject({ field: "asOf" });
    const missing = await refusal(progressReportModel(db, 9999, { period: "2020-06" }));
    expect(missing.code).toBe("not_found");
  });

  it("build both documents as .docx files", async () => {
    const { db, planId } = await demo();
    const progress = await buildProgressReportDocx(db, planId, { period: "2020-09" });
    const draft = await buildExecutionDraftDocx(db, planId, { period: "2020-09" });
    for (const file of [progress, draft]) expect(file.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(progress.length).toBeGreaterThan(draft.length);
  });
});
