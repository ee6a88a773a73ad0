// A 任务分解表 as a district office writes one, made here (not copied from the plan): a title row, a
// two-row header (责任单位 over 牵头单位 / 配合单位, 计划进度安排 over 一季度形象进度 …, the lower row
// naming more columns), merged cells, departments abbreviated (发改委, 区卫健委, 区应急局), deadlines as
// 全年 / 6月底 / 三季度末 / 2020年12月底前 / 9月中旬 / 长期, words and numbers in the quarter columns,
// headline indicators written as the office writes them — the same table as .xlsx and as CSV.

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { BreakdownPreview } from "../contract/documents.ts";
import { listAudit } from "../db/audit-repository.ts";
import { listPlannedValues } from "../db/planned-values-repository.ts";
import { getTargetRow } from "../db/targets-repository.ts";
import { getTaskRow, listMilestones } from "../db/tasks-repository.ts";
import { buildNankaiWorld } from "../test/nankai-world.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { applyBreakdown, previewBreakdown } from "./breakdown-import.ts";
import { loadBreakdownContext } from "./breakdown-proposal.ts";
import type { Db } from "./reporting-context.ts";

type Cell = string | number | null;

const TITLE = "南开区2020年国民经济和社会发展计划重点工作任务分解表";
const HEADER_TOP: Cell[] = [
  "序号",
  "重点任务",
  "具体目标\n（指标）",
  "责任单位",
  null,
  "完成时限",
  "计划进度安排",
  null,
  null,
  null,
  "备注",
];
const HEADER_SUB: Cell[] = [
  null,
  null,
  null,
  "牵头单位",
  "配合单位",
  null,
  "一季度形象进度",
  "二季度形象进度",
  "三季度形象进度",
  "四季度形象进度",
  null,
];

/** The data rows, each with what the test expects of it. */
const DATA: { cells: Cell[]; subject: string; kind: "target" | "node" }[] = [
  {
    // The first row under the two-row header, its 完成时限 a month: data, never a header row.
    cells: [1, "优化金融业态布局，培育发展科技金融服务", null, "区金融局", "区科技局", "6月底"],
    subject: "优化金融业态布局",
    kind: "node",
  },
  {
    cells: [2, "地区生产总值增长6%左右", null, "发改委", "区统计局", "全年"],
    subject: "地区生产总值",
    kind: "target",
  },
  {
    cells: [3, "一般公共预算收入增长5%", null, "区财政局", null, "全年"],
    subject: "一般公共预算收入",
    kind: "target",
  },
  {
    cells: [4, "加快社会信用体系建设", "建成区级信用信息共享平台", "区发改委", "区政务服务办", "三季度末"],
    subject: "建成区级信用信息共享平台",
    kind: "target",
  },
  {
    cells: [5, "完成疾病预防控制中心建设", null, "区卫健委", null, "6月底"],
    subject: "完成疾病预防控制中心建设",
    kind: "target",
  },
  { cells: ["二、民生保障"], subject: "", kind: "node" },
  {
    cells: [6, "千方百计扩大就业", "新增就业4万人", "区人社局", null, "全年"],
    subject: "就业",
    kind: "target",
  },
  {
    cells: [7, "打好蓝天保卫战，持续开展五控一加强大气污染防治", null, "区生态环境局", null, "长期"],
    subject: "打好蓝天保卫战",
    kind: "node",
  },
  {
    cells: [8, "启动应急指挥中心建设，提高突发公共事件处理能力", null, "区应急局", null, "2020年12月底前"],
    subject: "启动应急指挥中心建设",
    kind: "node",
  },
  {
    cells: [9, "紧抓水污染防治，持续做好水质监测预警分析", null, "区生态环境局", "区水务局", "9月中旬"],
    subject: "紧抓水污染防治",
    kind: "node",
  },
  {
    cells: [
      10,
      "加快战略性新兴产业引进培育",
      "国家高新技术企业净增30家以上",
      "区科技局",
      null,
      "2020年12月底前",
    ],
    subject: "国家高新技术企业",
    kind: "target",
  },
  { cells: [11, null, "雏鹰企业达到80家", null, null, "年底"], subject: "雏鹰企业", kind: "target" },
];

/** The quarter columns (G–J) by the 序号 of the row. */
const QUARTERS: Record<number, Cell[]> = {
  1: ["完成调研摸底", "出台扶持措施（6月15日前）", null, null],
  4: ["完成平台招标", "数据归集", "平台上线运行", null],
  // 投入使用 falls in the third quarter, after the 6月底 deadline: a conflict, not written.
  5: ["完成主体验收", null, "投入使用", null],
  6: [1, 2, 3, 4],
  8: [null, "完成方案设计", "8月底前开工建设", "主体完工"],
  10: [5, 12, 20, 30],
};

function sheetRows(): Cell[][] {
  const rows: Cell[][] = [[TITLE], HEADER_TOP, HEADER_SUB];
  for (const d of DATA) {
    const seq = d.cells[0];
    const quarters = typeof seq === "number" ? (QUARTERS[seq] ?? []) : [];
    const row = [...d.cells];
    while (row.length < 6) row.push(null);
    rows.push([...row, ...[0, 1, 2, 3].map((i) => quarters[i] ?? null), null]);
  }
  return rows;
}

/** Excel row of each data row: title, two header rows, then DATA in order. */
const rowOf = (i: number) => 4 + i;
const SECTION = rowOf(DATA.findIndex((d) => d.subject === ""));
const bySeq = (seq: number) => rowOf(DATA.findIndex((d) => d.cells[0] === seq));

async function officeXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("任务分解");
  for (const r of sheetRows()) ws.addRow(r);
  ws.mergeCells("A1:K1");
  for (const c of ["A", "B", "C", "F", "K"]) ws.mergeCells(`${c}2:${c}3`);
  ws.mergeCells("D2:E2");
  ws.mergeCells("G2:J2");
  ws.mergeCells(`A${SECTION}:K${SECTION}`);
  ws.mergeCells(`B${bySeq(10)}:B${bySeq(11)}`);
  ws.mergeCells(`D${bySeq(10)}:D${bySeq(11)}`);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The same table saved as CSV: merged cells hold their text in the first cell only, as Excel writes it. */
function officeCsv(): Buffer {
  const quote = (c: Cell) => {
    const s = c === null ? "" : String(c);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = sheetRows().map((r) => r.map(quote).join(","));
  return Buffer.from(`\ufeff${lines.join("\r\n")}\r\n`, "utf8");
}

const dataRows = (first: number) =>
  DATA.flatMap((d, i) => (d.subject === "" ? [] : [{ row: first + i, ...d }]));

describe.each(testDialects())("an office's own 任务分解表 on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  async function expectations(db: Db, planId: number) {
    const { world } = await loadBreakdownContext(db, planId);
    const target = (subject: string) => world.targets.find((t) => t.title === subject)?.id;
    const node = (start: string) =>
      [...world.nodes.values()].find((n) => n.kind === "task" && n.title.startsWith(start))?.id;
    return (d: (typeof DATA)[number]) => ({
      kind: d.kind,
      id: d.kind === "target" ? target(d.subject) : node(d.subject),
    });
  }

  function checkPreview(
    preview: BreakdownPreview,
    first: number,
    expectOf: (d: (typeof DATA)[number]) => object,
  ) {
    const expected = dataRows(first);
    // Every data row is kept, the first under the header too; the section heading is none.
    expect(preview.rows.map((r) => r.row)).toEqual(expected.map((e) => e.row));
    for (const e of expected) {
      const r = preview.rows.find((x) => x.row === e.row);
      expect(r?.match, `row ${e.row} (${e.subject})`).toMatchObject(expectOf(e));
      // Every deadline is read: none is left as not understood.
      for (const w of r?.match?.warnings ?? []) expect(w.en, `row ${e.row}`).not.toContain("not understood");
    }
    return new Map(preview.rows.map((r) => [r.row, r]));
  }

  it("keeps every row, reads every deadline, matches headline indicators to their targets, and names the conflicts", async () => {
    const db = store().db;
    const w = await buildNankaiWorld(db);
    // The demo sets every task's 完成时限 to 2020年12月底前: cleared, so each row's deadline is a change.
    await db
      .updateTable("tasks")
      .set({ deadline: null, deadline_text: null })
      .where("plan_id", "=", w.planId)
      .execute();
    const expectOf = await expectations(db, w.planId);
    const preview = await previewBreakdown(db, w.planId, await officeXlsx(), "分解表.xlsx");
    expect(preview).toMatchObject({ sheet: "任务分解", headerRow: 2 });
    expect(preview.columns.map((c) => `${c.column}:${c.field}`)).toEqual([
      "A:seq",
      "B:task",
      "C:goal",
      "D:lead",
      "E:co",
      "F:deadline",
      "G:planned",
      "H:planned",
      "I:planned",
      "J:planned",
    ]);
    const rows = checkPreview(preview, 4, expectOf);

    const change = (row: number, field: string) =>
      rows.get(row)?.match?.changes.find((c) => c.field === field)?.after;
    // 完成时限 → the task's deadline with the words as written, never planned values.
    expect(change(bySeq(1), "deadline")).toBe("2020-06-30（6月底）");
    expect(change(bySeq(7), "deadline")).toBe("长期");
    expect(change(bySeq(8), "deadline")).toBe("2020-12-31（2020年12月底前）");
    expect(change(bySeq(9), "deadline")).toBe("2020-09-20（9月中旬）");
    expect(change(bySeq(4), "dueDate")).toBe("2020-09-30");
    expect(change(bySeq(1), "planned")).toBeUndefined();
    // Quarter words → milestones, due the quarter's last day unless the words carry a date.
    expect(change(bySeq(1), "milestones")).toBe(
      "完成调研摸底（2020-03-31）；出台扶持措施（6月15日前）（2020-06-15）",
    );
    expect(change(bySeq(8), "milestones")).toBe(
      "完成方案设计（2020-06-30）；8月底前开工建设（2020-08-31）；主体完工（2020-12-31）",
    );
    // Quarter numbers of a target → its planned values.
    expect(change(bySeq(6), "planned")).toBe(
      "2020-03: 1万人；2020-06: 2万人；2020-09: 3万人；2020-12: 4万人",
    );
    // The unknown department is named, not guessed.
    expect(rows.get(bySeq(9))?.match?.unknownDepartments).toEqual(["区水务局"]);

    // The milestone after the deadline: the row and the reason, in both languages; not accepted.
    const late = bySeq(5);
    expect(preview.conflicts).toEqual([
      {
        row: late,
        rule: "milestone_after_deadline",
        message: {
          zh: expect.stringMatching(new RegExp(`^第${late}行：节点‘投入使用’.*9月30日.*6月30日`)),
          en: expect.stringMatching(new RegExp(`^row ${late}: milestone ‘投入使用’ .*30 September.*30 June`)),
        },
      },
    ]);
    expect(rows.get(late)?.accept).toBe(false);
    for (const r of preview.rows)
      if (r.row !== late) expect(r.accept, `row ${r.row}`).toBe((r.match?.changes.length ?? 0) > 0);

    // The preview's defaults apply as they stand.
    const accepted = preview.rows.filter((r) => r.accept);
    const actor = { userId: w.plannerId, ip: "10.1.1.2" };
    const result = await applyBreakdown(db, actor, w.planId, {
      fingerprint: preview.fingerprint,
      fileName: "分解表.xlsx",
      rows: accepted.map((r) => ({
        row: r.row,
        subject: { kind: r.match?.kind ?? "node", id: r.match?.id ?? 0 },
        fields: r.fields,
      })),
    });
    expect(result.rows).toBe(accepted.length);

    const idOf = (row: number) => rows.get(row)?.match?.id as number;
    const finance = await getTaskRow(db, idOf(bySeq(1)));
    expect([finance?.deadline, finance?.deadline_text]).toEqual(["2020-06-30", "6月底"]);
    expect((await listMilestones(db, idOf(bySeq(1)))).map((m) => [m.name, m.due])).toEqual([
      ["完成调研摸底", "2020-03-31"],
      ["出台扶持措施（6月15日前）", "2020-06-15"],
    ]);
    const air = await getTaskRow(db, idOf(bySeq(7)));
    expect([air?.deadline, air?.deadline_text]).toEqual([null, "长期"]);
    expect((await getTargetRow(db, idOf(bySeq(4))))?.due_date).toBe("2020-09-30");
    const platformTask = (await getTargetRow(db, idOf(bySeq(4))))?.node_id as number;
    expect((await listMilestones(db, platformTask)).map((m) => m.due)).toEqual([
      "2020-03-31",
      "2020-06-30",
      "2020-09-30",
    ]);
    // The conflicting row wrote nothing.
    expect((await getTargetRow(db, idOf(late)))?.due_date).toBeNull();
    const lateTask = (await getTargetRow(db, idOf(late)))?.node_id as number;
    expect(await listMilestones(db, lateTask)).toEqual([]);
    // Deadlines are no planned values: the targets with only a deadline have none.
    expect(await listPlannedValues(db, [idOf(bySeq(2)), idOf(bySeq(4))])).toEqual([]);
    const gdp = await getTargetRow(db, idOf(bySeq(2)));
    const { world } = await loadBreakdownContext(db, w.planId);
    expect(world.names.departments.get(gdp?.lead_department_id as number)?.name).toBe("区发展改革委");
    const audit = await listAudit(db, { planId: w.planId, limit: 100_000 });
    expect(audit.filter((a) => a.action === "task.import" && a.user_id === w.plannerId).length).toBe(5);

    // Read again: what was applied changes nothing now.
    const again = await previewBreakdown(db, w.planId, await officeXlsx(), "分解表.xlsx");
    for (const r of accepted)
      expect(again.rows.find((x) => x.row === r.row)?.match?.changes, `row ${r.row}`).toEqual([]);
  });

  it("reads the CSV form the same way: every row, the same matches", async () => {
    const db = store().db;
    const w = await buildNankaiWorld(db);
    const expectOf = await expectations(db, w.planId);
    const csv = await previewBreakdown(db, w.planId, officeCsv(), "分解表.csv");
    // The header cell written over two lines moves the CSV's line numbers down by one.
    expect(csv.headerRow).toBe(2);
    const rows = checkPreview(csv, 5, expectOf);
    expect(rows.get(5)?.match?.changes.find((c) => c.field === "deadline")?.after).toBe(
      "2020-06-30（6月底）",
    );
    expect(csv.conflicts.map((c) => c.rule)).toEqual(["milestone_after_deadline"]);
  });

  it("says which row takes a target another row takes, and refuses the pair on apply", async () => {
    const db = store().db;
    const w = await buildNankaiWorld(db);
    const lines = [
      "序号,重点任务,具体目标,牵头单位,完成时限",
      "1,千方百计扩大就业,新增就业4万人,区人社局,11月底",
      "2,多措并举保持就业稳定,实现新增就业4万人左右,区人社局,三季度末",
    ];
    const preview = await previewBreakdown(db, w.planId, Buffer.from(lines.join("\n")), "就业.csv");
    const [a, b] = preview.rows;
    expect(a?.match?.id).toBe(b?.match?.id);
    const loser = (a?.match?.score ?? 0) >= (b?.match?.score ?? 0) ? b : a;
    const winner = loser === a ? b : a;
    expect(preview.conflicts).toEqual([
      {
        row: loser?.row,
        rule: "same_subject",
        message: {
          zh: expect.stringContaining(`与第${winner?.row}行对应同一指标`),
          en: expect.stringContaining(`row ${winner?.row} matches the same target`),
        },
      },
    ]);
    expect([winner?.accept, loser?.accept]).toEqual([true, false]);
    const both = [a, b].map((r) => ({
      row: r?.row ?? 0,
      subject: { kind: r?.match?.kind ?? "target", id: r?.match?.id ?? 0 },
      fields: r?.fields ?? preview.rows[0]?.fields,
    }));
    await expect(
      applyBreakdown(db, { userId: w.plannerId, ip: null }, w.planId, {
        fingerprint: preview.fingerprint,
        fileName: "就业.csv",
        rows: both as Parameters<typeof applyBreakdown>[3]["rows"],
      }),
    ).rejects.toMatchObject({
      code: "bad_input",
      text: { zh: expect.stringContaining(`第${b?.row}行`), en: expect.stringContaining(`row ${b?.row}`) },
      details: { rule: "same_subject" },
    });
  });

  it("refuses on apply a row whose milestone falls after its deadline, naming the row, and writes nothing", async () => {
    const db = store().db;
    const w = await buildNankaiWorld(db);
    const preview = await previewBreakdown(db, w.planId, await officeXlsx(), "分解表.xlsx");
    const late = preview.rows.find((r) => r.row === bySeq(5));
    const first = preview.rows.find((r) => r.row === bySeq(1));
    const before = (await getTaskRow(db, first?.match?.id as number))?.deadline ?? null;
    const rows = [first, late].map((r) => ({
      row: r?.row ?? 0,
      subject: { kind: r?.match?.kind ?? "target", id: r?.match?.id ?? 0 },
      fields: r?.fields as NonNullable<typeof r>["fields"],
    }));
    await expect(
      applyBreakdown(db, { userId: w.plannerId, ip: null }, w.planId, {
        fingerprint: preview.fingerprint,
        fileName: "分解表.xlsx",
        rows,
      }),
    ).rejects.toMatchObject({
      code: "bad_input",
      text: { zh: expect.stringContaining(`第${bySeq(5)}行：节点‘投入使用’`) },
      details: { row: bySeq(5), rule: "milestone_after_deadline" },
    });
    expect((await getTaskRow(db, first?.match?.id as number))?.deadline ?? null).toBe(before);
    expect(before).not.toBe("2020-06-30");
  });

  it("checks a target row's milestones against the deadline another row sets for their task", async () => {
    const db = store().db;
    const w = await buildNankaiWorld(db);
    const lines = [
      "序号,重点任务,具体目标,牵头单位,完成时限,一季度,二季度,三季度,四季度",
      "1,加快社会信用体系建设,,区发改委,6月底,,,,",
      "2,,建成区级信用信息共享平台,区发改委,,完成招标,,平台上线,",
    ];
    const preview = await previewBreakdown(db, w.planId, Buffer.from(lines.join("\n")), "信用.csv");
    const [task, target] = preview.rows;
    expect([task?.match?.kind, target?.match?.kind]).toEqual(["node", "target"]);
    expect(preview.conflicts).toEqual([
      {
        row: 3,
        rule: "milestone_after_deadline",
        message: {
          zh: expect.stringContaining("第3行：节点‘平台上线’"),
          en: expect.stringContaining("row 3:"),
        },
      },
    ]);
    expect([task?.accept, target?.accept]).toEqual([true, false]);
    const chosen = [task, target].map((r) => ({
      row: r?.row ?? 0,
      subject: { kind: r?.match?.kind ?? "node", id: r?.match?.id ?? 0 },
      fields: r?.fields as NonNullable<typeof r>["fields"],
    }));
    const actor = { userId: w.plannerId, ip: null };
    const body = { fingerprint: preview.fingerprint, fileName: "信用.csv" };
    await expect(applyBreakdown(db, actor, w.planId, { ...body, rows: chosen })).rejects.toMatchObject({
      code: "bad_input",
      details: { row: 3, rule: "milestone_after_deadline" },
    });
    // Without that row, the task's deadline is written (the defaults apply as they stand).
    await applyBreakdown(db, actor, w.planId, { ...body, rows: chosen.slice(0, 1) });
    expect((await getTaskRow(db, task?.match?.id as number))?.deadline).toBe("2020-06-30");
  });
});
