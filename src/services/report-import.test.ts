import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { buildAccessWorld } from "../test/access-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { planStatus } from "./plan-status.ts";
import { importReportsCsv, parseCsv } from "./report-import.ts";

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
});
