import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { seedDemo } from "../services/seed-demo.ts";
import { seedDemoFiveYear } from "../services/seed-demo-five-year.ts";
import { useCliSandbox } from "../test/cli-sandbox.ts";
import { buildNankaiWorld } from "../test/nankai-world.ts";
import { runCli } from "./run-cli.ts";

describe("plantrack export", () => {
  const sandbox = useCliSandbox("plantrack-export-");

  async function seed(): Promise<number> {
    const store = openDatabase({ dialect: "sqlite", file: sandbox().dbFile });
    try {
      await migrateToLatest(store.db);
      return (await buildNankaiWorld(store.db)).planId;
    } finally {
      await store.close();
    }
  }

  it("write the ledger workbook named after the plan and period, and CSV/JSON to a file or stdout", async () => {
    const planId = await seed();
    const s = sandbox();
    expect(await runCli(["export", String(planId), "--period", "2020-06", "--format", "xlsx"], s.io)).toBe(0);
    const files = await readdir(s.dir);
    const name = "南开区2020年国民经济和社会发展计划_执行情况台账_2020年6月.xlsx";
    expect(files).toContain(name);
    expect(files.filter((f) => f.includes("partial"))).toEqual([]);
    expect(s.out.join("")).toMatch(/^已导出 .*\.xlsx（[^，]+，\d+ 字节）$/m);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(join(s.dir, name))) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.name).toBe("汇总");

    expect(
      await runCli(
        ["export", "南开区2020", "--period", "2020-06", "--format", "csv", "--out", "l.csv"],
        s.io,
      ),
    ).toBe(0);
    const csv = await readFile(join(s.dir, "l.csv"));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    s.out.length = 0;
    expect(
      await runCli(["export", String(planId), "--period", "2020-06", "--format", "json", "--out", "-"], s.io),
    ).toBe(0);
    const json = JSON.parse(s.out.join("")) as { period: { key: string }; rows: unknown[] };
    expect(json.period.key).toBe("2020-06");
    expect(json.rows.length).toBeGreaterThan(80);
  });

  it("write the Word progress report and the execution report draft (docx, draft)", async () => {
    const planId = await seed();
    const s = sandbox();
    for (const [format, what] of [
      ["docx", "执行情况报告"],
      ["draft", "计划执行情况报告（草稿）"],
    ]) {
      expect(
        await runCli(["export", String(planId), "--period", "2020-06", "--format", format as string], s.io),
      ).toBe(0);
      const bytes = await readFile(join(s.dir, `南开区2020年国民经济和社会发展计划_${what}_2020年6月.docx`));
      expect(bytes.subarray(0, 2).toString()).toBe("PK");
    }
    // Charts are drawn to PNG for Word: slow on a shared machine, so this test may take its time.
  }, 180_000);

  it("map bad input to the exit codes: 2 for a bad format or period, 3 for a missing plan", async () => {
    const planId = await seed();
    const s = sandbox();
    expect(await runCli(["export", String(planId), "--format", "pptx"], s.io)).toBe(2);
    expect(s.out.join("")).toContain("docx、");
    expect(await runCli(["export", String(planId), "--format", "xlsx", "--period", "2021-13"], s.io)).toBe(2);
    expect(await runCli(["export", "999", "--format", "xlsx"], s.io)).toBe(3);
    expect(await runCli(["export", String(planId)], s.io)).toBe(2);
    expect(await runCli(["export", String(planId), "--format", "xlsx", "--out", "-"], s.io)).toBe(2);
  });
});

describe("plantrack export --format midterm", () => {
  const sandbox = useCliSandbox("plantrack-export-midterm-");

  it("writes a five-year plan's mid-term evaluation for the year asked, and refuses a year that is no year", async () => {
    const s = sandbox();
    const store = openDatabase({ dialect: "sqlite", file: s.dbFile });
    let planId = 0;
    try {
      await migrateToLatest(store.db);
      const seeded = await seedDemo({
        db: store.db,
        extract: extractPlan,
        examplesDir: join(import.meta.dirname, "../../examples"),
      });
      planId = (await seedDemoFiveYear(store.db, extractPlan, seeded.planId as number)).planId as number;
    } finally {
      await store.close();
    }
    expect(
      await runCli(
        ["export", String(planId), "--format", "midterm", "--year", "2023", "--out", "m.docx"],
        s.io,
      ),
    ).toBe(0);
    const docx = await readFile(join(s.dir, "m.docx"));
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    expect(s.out.join("")).toMatch(/已导出 .*m\.docx（2023，\d+ 字节）/);
    expect(
      await runCli(["export", String(planId), "--format", "midterm", "--year", "二〇二三"], s.io),
    ).not.toBe(0);
  }, 120_000);
});
