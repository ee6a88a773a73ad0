import { describe, expect, it } from "vitest";
import { loadPlanWorld } from "../services/reporting-context.ts";
import { loadTaskWorld } from "../services/task-world.ts";
import {
  APPROVED_PROGRESS,
  buildTaskOutputsWorld,
  TASK_OUTPUTS_AS_OF,
  UNAPPROVED_PROGRESS,
} from "../test/task-outputs-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildLedger } from "./ledger-model.ts";
import {
  latestApprovedProgress,
  ledgerTaskColumns,
  milestoneWords,
  taskDeadlineWords,
} from "./ledger-tasks.ts";

describe("the ledger's words for a task", () => {
  it("write 完成时限 as the office wrote it, else the date, else nothing", () => {
    expect(taskDeadlineWords("2020-12-31", "2020年12月底前")).toBe("2020年12月底前");
    expect(taskDeadlineWords(null, "长期坚持")).toBe("长期坚持");
    expect(taskDeadlineWords("2020-06-30", null)).toBe("2020年6月30日");
    expect(taskDeadlineWords("2020-06-30", "  ")).toBe("2020年6月30日");
    expect(taskDeadlineWords(null, null)).toBe("");
  });

  it("write each 节点 with its date and whether it was done by the date", () => {
    const milestones = [
      { name: "6月底前完成招标", due: "2020-06-30", doneOn: "2020-06-25" },
      { name: "年底前竣工", due: "2020-12-31", doneOn: null },
    ];
    expect(milestoneWords(milestones, "2020-08-10")).toBe(
      "6月底前完成招标（2020年6月30日，已于2020年6月25日完成）；年底前竣工（2020年12月31日，未完成）",
    );
    // Before the day it was done, it was not done yet.
    expect(milestoneWords(milestones, "2020-06-24")).toBe(
      "6月底前完成招标（2020年6月30日，未完成）；年底前竣工（2020年12月31日，未完成）",
    );
    expect(milestoneWords([], "2020-08-10")).toBe("");
  });

  it("take the newest approved progress, never a submitted or draft one, as approved by the cut-off", () => {
    const revision = (state: string, progress: string, created_at: string, revision = 1) => ({
      state,
      progress,
      created_at,
      revision,
    });
    const entry = {
      reports: [
        {
          report: { period: "2020-06", period_end: "2020-06-30" },
          revisions: [
            revision("submitted", "六月", "2020-07-02T09:00:00Z"),
            revision("approved", "六月", "2020-07-03T09:00:00Z", 2),
          ],
        },
        {
          report: { period: "2020-07", period_end: "2020-07-31" },
          revisions: [revision("submitted", "七月待审", "2020-08-03T09:00:00Z")],
        },
        {
          report: { period: "2020-05", period_end: "2020-05-31" },
          revisions: [revision("draft", "草稿", "2020-06-01T09:00:00Z")],
        },
      ],
    } as unknown as Parameters<typeof latestApprovedProgress>[0];
    expect(latestApprovedProgress(entry, "2020-08-10")).toEqual({ period: "2020-06", text: "六月" });
    expect(latestApprovedProgress(entry, "2020-07-02")).toBeNull();
  });
});

describe.each(testDialects())("the ledger's task rows on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("give every task a row with its 完成时限, 节点, light and newest approved 进展", async () => {
    const db = store().db;
    const w = await buildTaskOutputsWorld(db);
    const asOf = TASK_OUTPUTS_AS_OF;
    const world = await loadPlanWorld(db, w.planId);
    const tasks = await loadTaskWorld(db, w.planId);
    const ledger = buildLedger(world, {
      period: "2020-07",
      asOf,
      tasks: ledgerTaskColumns(tasks, asOf, asOf),
    });
    const rows = ledger.sheets.flatMap((s) => s.rows);
    const taskRows = rows.filter((r) => r.kind === "task");
    expect(taskRows.map((r) => r.subjectId).sort()).toEqual(Object.values(w.tasks).sort());
    const row = (id: number) => taskRows.find((r) => r.subjectId === id);
    expect(row(w.tasks.jobs)).toMatchObject({
      lead: "区人社局",
      co: "区教育局",
      deadline: "2020年12月底前",
      milestones:
        "6月底前完成招标（2020年6月30日，已于2020年6月25日完成）；年底前竣工（2020年12月31日，未完成）",
      light: "on_track",
      lightWord: "正常推进",
      latestProgress: APPROVED_PROGRESS,
    });
    expect(row(w.tasks.eagles)).toMatchObject({
      deadline: "2020年6月30日",
      light: "overdue",
      lightWord: "逾期",
      latestProgress: "",
    });
    expect(row(w.tasks.museum)).toMatchObject({ deadline: "三季度末", light: "closed", lightWord: "已办结" });
    expect(row(w.tasks.parcel)).toMatchObject({ deadline: "", light: "stopped", lightWord: "已中止" });
    expect(row(w.tasks.gdp)).toMatchObject({ lead: "", light: "unacknowledged", lightWord: "未签收" });
    // A submitted report not yet approved is not the ledger's 进展.
    expect(rows.some((r) => r.latestProgress.includes(UNAPPROVED_PROGRESS))).toBe(false);
    // The targets' rows leave the task columns to their task's row.
    for (const r of rows.filter((x) => x.kind === "target"))
      expect(r).toMatchObject({ milestones: "", light: null, lightWord: "", latestProgress: "" });

    // As of the day the June report came, before its approval: no approved 进展 yet, and May's report
    // (due 5 June) was missing — the row says what was known then.
    const before = buildLedger(world, {
      period: "2020-06",
      asOf: "2020-07-02",
      tasks: ledgerTaskColumns(tasks, "2020-07-02", "2020-07-02"),
    });
    const early = before.sheets
      .flatMap((s) => s.rows)
      .find((r) => r.kind === "task" && r.subjectId === w.tasks.jobs);
    expect(early).toMatchObject({ latestProgress: "", light: "not_reported", lightWord: "未报送" });
  });
});
