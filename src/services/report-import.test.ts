import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { SLIP_RATIO } from "../domain/plausibility.ts";
import { buildAccessWorld } from "../test/access-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { planStatus } from "./plan-status.ts";
import { importReportsCsv, parseCsv } from "./report-import.ts";
import { storedWarnings } from "./report-plausibility.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const HEADER = "计划,指标,报告期,数值,进展情况,存在问题,下步打算,状态";

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks, and keeps first line numbers", () => {
    const rows = parseCsv('a,b\r\n"x, ""y""","two\nlines"\n\nlast,1\n');
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ['x, "y"', "two\nlines"] },
      { line: 5, cells: ["last", "1"] },
    ]);
  });
});

describe.each(testDialects())("report import on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("stores every row as approved revisions, by target id or subject", async () => {
    const { db } = store();
    const world = await buildAccessWorld(db);
    const jobs = world.targetIds[3] as number;
    const csv = [
      HEADER,
      `南开区2020,${jobs},2020-03,12000,"新增就业1.2万人",无,继续,approved`,
      `${world.planId},新增就业,2020-04,17280,新增就业17280人,,,已审核`,
      `${world.planId},${jobs},2020-05,20000,草稿中,,,draft`,
    ].join("\n");
    const outcome = await importReportsCsv(
      db,
      encode(csv),
      "values.csv",
      SYSTEM_ACTOR,
      "2020-05-05T08:00:00.000Z",
    );
    expect(outcome).toEqual({ rows: 3, reports: 3, revisions: 5 });
    const status = await planStatus(db, world.planId, "2020-05-10");
    const t = status.targets.find((x) => x.targetId === jobs);
    expect(t?.value).toBe(17280);
    expect(t?.evaluation.phrase?.zh).toBe("超时序进度9.9个百分点");
  });

  it("stores nothing when one row is bad, and names its line", async () => {
    const { db } = store();
    const world = await buildAccessWorld(db);
    const jobs = world.targetIds[3] as number;
    const csv = [
      HEADER,
      `${world.planId},${jobs},2020-03,12000,进展,,,approved`,
      `${world.planId},${jobs},2020-04,12x00,进展,,,approved`,
      `${world.planId},${jobs},2020-13,1,进展,,,approved`,
    ].join("\n");
    const error = await importReportsCsv(db, encode(csv), "values.csv").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "bad_input" });
    expect((error as Error).message).toContain("第3行");
    expect((error as Error).message).toContain("第4行");
    expect((error as { details: { errors: { line: number }[] } }).details.errors.map((e) => e.line)).toEqual([
      3, 4,
    ]);
    const count = await db
      .selectFrom("reports")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
    const revisions = await db.selectFrom("report_revisions").selectAll().execute();
    expect(revisions).toEqual([]);
  });

  it("judge each value against its target and the period before, in whatever order the rows come", async () => {
    const { db } = store();
    const world = await buildAccessWorld(db);
    const jobs = world.targetIds[3] as number;
    const firms = world.targetIds[4] as number; // 雏鹰企业80家
    const header = `${HEADER},确认理由`;
    const rows = (fall: string, reason: string) => [
      header,
      // The period before 2020-05 is the file's 2020-04, two lines further down.
      `${world.planId},${jobs},2020-05,19000,进展,${fall},,approved,`,
      `${world.planId},${jobs},2020-03,12000,进展,,,approved,`,
      `${world.planId},${jobs},2020-04,20000,进展,,,approved,`,
      `${world.planId},${jobs},2020-06,-3,进展,,,approved,${reason}`,
      // 100× the target: goes in only with a 确认理由.
      `${world.planId},${firms},2020-04,${80 * SLIP_RATIO},进展,,,approved,${reason}`,
    ];
    const refused = await importReportsCsv(db, encode(rows("无", "").join("\n")), "values.csv").catch(
      (e: unknown) => e,
    );
    const errors = (refused as { details: { errors: { line: number; message: string }[] } }).details.errors;
    expect(errors.map((e) => e.line)).toEqual([2, 5, 6]);
    expect(errors[0]?.message).toContain("累计值低于上期");
    expect(errors[0]?.message).toContain("存在问题");
    expect(errors[1]?.message).toContain("数量不能为负数");
    expect(errors[2]?.message).toContain("确认理由");
    // A reason in 存在问题 explains the fall, one in 确认理由 confirms the slip; the impossible stays refused.
    const explained = rows("核减重复登记1000人", "已与统计月报核对");
    const stillBad = await importReportsCsv(db, encode(explained.join("\n")), "values.csv").catch(
      (e: unknown) => e,
    );
    expect(
      (stillBad as { details: { errors: { line: number }[] } }).details.errors.map((e) => e.line),
    ).toEqual([5]);
    const good = explained.filter((_, i) => i !== 4).join("\n");
    const outcome = await importReportsCsv(db, encode(good), "values.csv", SYSTEM_ACTOR);
    expect(outcome.rows).toBe(4);
    const stored = await db
      .selectFrom("report_revisions")
      .innerJoin("reports", "reports.id", "report_revisions.report_id")
      .select(["reports.target_id", "reports.period", "report_revisions.warnings"])
      .where("report_revisions.warnings", "is not", null)
      .orderBy("report_revisions.id")
      .execute();
    const kept = stored.map((r) => [
      r.target_id,
      r.period,
      storedWarnings(r.warnings).map((w) => [w.rule, w.reason]),
    ]);
    // Each approved row is a submitted and an approved revision, both with what was confirmed.
    const fall = [jobs, "2020-05", [["cumulative_fall", "核减重复登记1000人"]]];
    const slip = [firms, "2020-04", [["ratio_to_target", "已与统计月报核对"]]];
    expect(kept).toEqual([fall, fall, slip, slip]);
  });

  it("compare the first row of a target with what is stored", async () => {
    const { db } = store();
    const world = await buildAccessWorld(db);
    const jobs = world.targetIds[3] as number;
    await importReportsCsv(
      db,
      encode(`${HEADER}\n${world.planId},${jobs},2020-04,20000,进展,,,approved`),
      "a.csv",
    );
    const next = `${HEADER}\n${world.planId},${jobs},2020-05,15000,进展,,,approved`;
    const refused = await importReportsCsv(db, encode(next), "b.csv").catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "bad_input" });
    expect((refused as Error).message).toContain("累计值低于上期");
  });
});
