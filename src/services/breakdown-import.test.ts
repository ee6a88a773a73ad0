import { describe, expect, it } from "vitest";
import { listAudit } from "../db/audit-repository.ts";
import { listPlannedValues } from "../db/planned-values-repository.ts";
import { getTargetRow } from "../db/targets-repository.ts";
import { dice, namesIndicator, resolveDepartment } from "../reports/breakdown-match.ts";
import {
  detectHeader,
  isPlannedNumber,
  periodEndMonth,
  periodMilestone,
  readLines,
  readRowDeadline,
} from "../reports/breakdown-model.ts";
import { breakdownFixtureCsv, breakdownFixtureXlsx, FIXTURE_ROWS } from "../test/breakdown-fixture.ts";
import { buildNankaiWorld } from "../test/nankai-world.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { applyBreakdown, previewBreakdown } from "./breakdown-import.ts";
import { loadBreakdownContext, planFingerprint } from "./breakdown-proposal.ts";

describe("reading a 任务分解表", () => {
  it("tell periods, deadlines and departments the way offices write them", () => {
    expect(
      ["一季度", "第二季度", "3月", "十二月底", "上半年", "前三季度", "全年"].map(periodEndMonth),
    ).toEqual([3, 6, 3, 12, 6, 9, null]);
    const date = (text: string) => {
      const d = readRowDeadline(text, 2020);
      return d.kind === "date" ? d.date : d.kind;
    };
    expect(date("2020年12月底")).toBe("2020-12-31");
    expect(date("6月30日前")).toBe("2020-06-30");
    expect(date("年底")).toBe("2020-12-31");
    expect(date("三季度末")).toBe("2020-09-30");
    expect(date("长期坚持")).toBe("open");
    expect(date("按进度推进")).toBe("unknown");
    expect(date("")).toBe("none");
    expect(readRowDeadline("6月底前完成招标，年底前竣工", 2020)).toEqual({
      kind: "date",
      text: "6月底前完成招标，年底前竣工",
      date: "2020-12-31",
      milestones: [
        { name: "6月底前完成招标", due: "2020-06-30" },
        { name: "年底前竣工", due: "2020-12-31" },
      ],
    });
    const departments = [
      { id: 1, name: "区发展改革委", shortName: "发展改革委", fullName: "天津市南开区发展和改革委员会" },
      { id: 2, name: "区住房建设委", shortName: "住房建设委", fullName: null },
      { id: 3, name: "区人社局", shortName: "人社局", fullName: "天津市南开区人力资源和社会保障局" },
    ];
    expect(resolveDepartment("区发改委", departments)?.id).toBe(1);
    expect(resolveDepartment("住建委", departments)?.id).toBe(2);
    expect(resolveDepartment("天津市南开区人力资源和社会保障局", departments)?.id).toBe(3);
    expect(resolveDepartment("区红十字会", departments)).toBeNull();
    expect(dice("雏鹰企业达到80家", "雏鹰企业 80家")).toBeGreaterThan(
      dice("雏鹰企业达到80家", "瞪羚企业 18家"),
    );
  });
});

describe("a sheet's header, period cells and headline indicators", () => {
  it("take the header's lower row with the one above it, and keep the first data row whatever its 完成时限", () => {
    const grid = [
      ["序号", "任务", "责任单位", "责任单位", "完成时限", "进度安排", "进度安排"],
      ["序号", "任务", "牵头单位", "配合单位", "完成时限", "上半年", "下半年"],
      ["1", "建设智慧南开", "区政务服务办", "", "6月底", "完成方案", ""],
      ["2", "地区生产总值", "区统计局", "", "全年", "", ""],
    ];
    const layout = detectHeader(grid, "表");
    expect(layout.headerRows).toEqual([1, 2]);
    expect(layout.headers.map((h) => `${h.header}:${h.field}`)).toEqual([
      "序号:seq",
      "任务:task",
      "牵头单位:lead",
      "配合单位:co",
      "完成时限:deadline",
      "上半年:planned",
      "下半年:planned",
    ]);
    expect(readLines(grid, layout).map((l) => [l.row, l.fields.deadline])).toEqual([
      [3, "6月底"],
      [4, "全年"],
    ]);
  });

  it("tell numbers from words in a period column, and date the words", () => {
    expect(["30", "20亿元", "25%", "1.2万平方米", "3,082"].every(isPlannedNumber)).toBe(true);
    expect(["8月底前开工", "2020年完成", "完成50%", "开工"].some(isPlannedNumber)).toBe(false);
    const cell = (label: string, endMonth: number, text: string) =>
      periodMilestone({ label, endMonth, text }, 2020);
    expect(cell("二季度", 6, "完成招标")).toEqual({ name: "完成招标", due: "2020-06-30" });
    expect(cell("三季度", 9, "主体封顶（8月15日前）")).toEqual({
      name: "主体封顶（8月15日前）",
      due: "2020-08-15",
    });
    expect(cell("一季度", 3, "12")).toBeNull();
    expect(cell("一季度", 3, "—")).toBeNull();
  });

  it("know a row that names an indicator from a sentence that mentions it", () => {
    expect(namesIndicator("地区生产总值增长6%左右", "地区生产总值")).toBe(true);
    expect(namesIndicator("全年招商引资到位额达到106亿元", "招商引资到位额")).toBe(true);
    expect(namesIndicator("地区生产总值稳定增长", "地区生产总值")).toBe(true);
    expect(namesIndicator("启动应急指挥中心建设，提高突发公共事件处理能力", "启动应急指挥中心建设")).toBe(
      false,
    );
    expect(namesIndicator("稳步推进教育、医疗、就业、社会保障等民生领域改革", "就业")).toBe(false);
    expect(namesIndicator("一般公共预算收入增长5%", "地区生产总值")).toBe(false);
  });
});

describe.each(testDialects())("importing the Nankai 任务分解表 on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("match each row with its score, list the unmatched rows and unknown departments, and apply nothing", async () => {
    const db = store().db;
    const w = await buildNankaiWorld(db);
    const before = planFingerprint(await loadBreakdownContext(db, w.planId));
    const preview = await previewBreakdown(
      db,
      w.planId,
      await breakdownFixtureXlsx(),
      "南开区任务分解表.xlsx",
    );
    expect(preview).toMatchObject({ sheet: "分解表", headerRow: 3 });
    expect(preview.columns.map((c) => [c.column, c.field])).toEqual([
      ["A", "seq"],
      ["B", "task"],
      ["C", "goal"],
      ["D", "lead"],
      ["E", "co"],
      ["F", "deadline"],
      ["G", "planned"],
      ["H", "planned"],
      ["I", "planned"],
      ["J", "planned"],
    ]);
    const { world } = await loadBreakdownContext(db, w.planId);
    const idOf = (subject: string) => world.targets.find((t) => t.title === subject)?.id;
    const byRow = new Map(preview.rows.map((r) => [r.row, r]));
    const expected: [number, string][] = [
      [FIXTURE_ROWS.hightech, "国家高新技术企业"],
      [FIXTURE_ROWS.chuying, "雏鹰企业"],
      [FIXTURE_ROWS.dengling, "瞪羚企业"],
      [FIXTURE_ROWS.investment, "招商引资到位额"],
      [FIXTURE_ROWS.buildings, "盘活空置楼宇"],
      [FIXTURE_ROWS.green, "绿地"],
      [FIXTURE_ROWS.jobs, "就业"],
      [FIXTURE_ROWS.creditPlatform, "建成区级信用信息共享平台"],
      [FIXTURE_ROWS.museum, "建成南开美术馆和南开档案新馆"],
      [FIXTURE_ROWS.preschool, "学前学位"],
    ];
    for (const [row, subject] of expected) {
      const r = byRow.get(row);
      expect(r?.match, `row ${row}`).toMatchObject({ kind: "target", id: idOf(subject) });
      expect(r?.match?.score).toBeGreaterThanOrEqual(preview.threshold);
      for (const alt of r?.alternatives ?? []) expect(alt.score).toBeLessThanOrEqual(r?.match?.score ?? 0);
    }
    // The merged task cell reaches all three rows it covers; headings and the title are no rows.
    expect(byRow.get(FIXTURE_ROWS.dengling)?.fields.task).toBe("加快战略性新兴产业引进培育");
    expect(byRow.get(FIXTURE_ROWS.dengling)?.fields.lead).toBe("区科技局");
    expect(preview.rows.map((r) => r.row)).not.toContain(5);
    expect(preview.unmatchedRows).toEqual([FIXTURE_ROWS.bloodDonation, FIXTURE_ROWS.readingFestival]);
    expect(preview.unknownDepartments).toEqual(["各街道"]);
    // Nothing in this table conflicts: every matched row that changes something is ticked.
    expect(preview.conflicts).toEqual([]);
    for (const r of preview.rows) expect(r.accept).toBe(r.match !== null && r.match.changes.length > 0);

    const investment = byRow.get(FIXTURE_ROWS.investment)?.match;
    expect(investment?.changes).toContainEqual({
      field: "planned",
      before: "",
      after: "2020-03: 20亿元；2020-06: 50亿元；2020-09: 80亿元；2020-12: 106亿元",
    });
    const buildings = byRow.get(FIXTURE_ROWS.buildings)?.match;
    expect(buildings?.changes).toContainEqual({
      field: "dueDate",
      before: "2020-12-31",
      after: "2020-11-30",
    });
    expect(buildings?.changes.find((c) => c.field === "planned")?.after).toContain("2020-06: 7.05万平方米");
    const hightech = byRow.get(FIXTURE_ROWS.hightech)?.match;
    expect(hightech?.changes).toContainEqual({
      field: "coDepartments",
      before: "",
      after: "区工业和信息化局、区投资促进局",
    });

    expect(planFingerprint(await loadBreakdownContext(db, w.planId))).toBe(before);
    expect(await listPlannedValues(db, [idOf("招商引资到位额") as number])).toEqual([]);
  });

  it("apply the accepted rows in one transaction, audited, and refuse a stale preview or a bad row whole", async () => {
    const db = store().db;
    const w = await buildNankaiWorld(db);
    const preview = await previewBreakdown(db, w.planId, await breakdownFixtureXlsx(), "分解表.xlsx");
    const accepted = preview.rows.filter((r) => r.match !== null && r.row !== FIXTURE_ROWS.jobs);
    const rows = accepted.map((r) => ({
      row: r.row,
      subject: { kind: r.match?.kind ?? "target", id: r.match?.id ?? 0 },
      fields: r.fields,
    }));
    const actor = { userId: w.plannerId, ip: "10.1.1.1" };

    // A row chosen twice: nothing of the file is applied.
    const twice = [...rows, { ...(rows[0] as (typeof rows)[number]), row: 99 }];
    await expect(
      applyBreakdown(db, actor, w.planId, {
        fingerprint: preview.fingerprint,
        fileName: "分解表.xlsx",
        rows: twice,
      }),
    ).rejects.toMatchObject({ code: "bad_input" });
    const investmentId = byMatch(preview, FIXTURE_ROWS.investment);
    expect(await listPlannedValues(db, [investmentId])).toEqual([]);

    const result = await applyBreakdown(db, actor, w.planId, {
      fingerprint: preview.fingerprint,
      fileName: "分解表.xlsx",
      rows,
    });
    expect(result.rows).toBe(rows.length);
    expect(result.changes).toBe(accepted.reduce((a, r) => a + (r.match?.changes.length ?? 0), 0));
    expect((await listPlannedValues(db, [investmentId])).map((p) => [p.period, p.planned_value])).toEqual([
      ["2020-03", 2e9],
      ["2020-06", 5e9],
      ["2020-09", 8e9],
      ["2020-12", 1.06e10],
    ]);
    expect((await getTargetRow(db, byMatch(preview, FIXTURE_ROWS.buildings)))?.due_date).toBe("2020-11-30");
    const audit = await listAudit(db, { planId: w.planId, limit: 100_000 });
    const summary = audit.find((a) => a.action === "plan.breakdown_import");
    expect(summary?.user_id).toBe(w.plannerId);
    expect(
      audit.filter((a) => a.action === "target.planned" && a.user_id === w.plannerId).length,
    ).toBeGreaterThan(3);

    // The plan moved since that preview: the same confirmation is refused.
    await expect(
      applyBreakdown(db, actor, w.planId, {
        fingerprint: preview.fingerprint,
        fileName: "分解表.xlsx",
        rows,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("read the CSV form with other header words, and name the sheet of a file without a header", async () => {
    const db = store().db;
    const w = await buildNankaiWorld(db);
    const csv = await previewBreakdown(db, w.planId, breakdownFixtureCsv(), "分解表.csv");
    expect(csv.rows.map((r) => r.match?.kind ?? null)).toEqual(["target", "target", null]);
    const bad = Buffer.from("\ufeff名称,数量\n甲,1\n", "utf8");
    await expect(previewBreakdown(db, w.planId, bad, "乱表.csv")).rejects.toMatchObject({
      code: "bad_input",
      message: expect.stringContaining("CSV"),
    });
    await expect(previewBreakdown(db, w.planId, Buffer.from("x"), "表.pdf")).rejects.toMatchObject({
      code: "unsupported_file",
    });
  });
});

function byMatch(preview: Awaited<ReturnType<typeof previewBreakdown>>, row: number): number {
  const id = preview.rows.find((r) => r.row === row)?.match?.id;
  if (id === undefined) throw new Error(`row ${row} has no match`);
  return id;
}
