import { describe, expect, it } from "vitest";
import { node, target } from "../../test/fixtures.ts";
import { jyj, rsj, taskView } from "../tasks/task-fixtures.ts";
import {
  acceptableSuggestion,
  checkTaskDraft,
  deadlineFormOf,
  headingsOf,
  mergeSelection,
  overlappingTasks,
  parentForSpan,
  planActions,
  planYear,
  readDeadlineForm,
  reasonOk,
  rowActions,
  spanFromPoints,
  splitParts,
  splitPoints,
  targetTabCounts,
  taskDraftOf,
  taskTabCounts,
} from "./task-editor-model.ts";

describe("taskTabCounts", () => {
  it("counts stopped tasks apart from the lights of the others", () => {
    const counts = taskTabCounts([
      taskView({ id: 1, status: "overdue" }),
      taskView({ id: 2, status: "overdue" }),
      taskView({ id: 3, status: "on_track" }),
      taskView({ id: 4, state: "stopped", status: "stopped" }),
    ]);
    expect(counts.total).toBe(4);
    expect(counts.active).toBe(3);
    expect(counts.stopped).toBe(1);
    expect(counts.byLight.overdue).toBe(2);
    expect(counts.byLight.on_track).toBe(1);
    expect(counts.byLight.stopped).toBe(0);
  });

  it("counts stopped targets apart", () => {
    const targets = [
      target({ id: 1, stoppedAt: null, stoppedReason: null }),
      target({ id: 2, stoppedAt: "2020-05-01T08:00:00Z", stoppedReason: "项目取消" }),
      target({ id: 3, stoppedAt: null, stoppedReason: null }),
    ];
    expect(targetTabCounts(targets)).toEqual({ active: 2, stopped: 1 });
  });
});

describe("what a plan and a row offer", () => {
  it("deletes a draft, archives a published plan, offers nothing once closed", () => {
    expect(planActions("draft")).toEqual(["delete"]);
    expect(planActions("published")).toEqual(["archive"]);
    expect(planActions("closed")).toEqual([]);
  });

  it("cuts and prunes a draft; stops in a published plan, once", () => {
    expect(rowActions("draft", false)).toEqual({ split: true, remove: true, stop: false });
    expect(rowActions("published", false)).toEqual({ split: false, remove: false, stop: true });
    expect(rowActions("published", true)).toEqual({ split: false, remove: false, stop: false });
    expect(rowActions("closed", false)).toEqual({ split: false, remove: false, stop: false });
  });

  it("reads the plan's year, else its period's", () => {
    expect(planYear({ year: 2020, periodStart: "2019-01-01" })).toBe(2020);
    expect(planYear({ year: null, periodStart: "2021-01-01" })).toBe(2021);
  });

  it("wants a reason that is more than white space", () => {
    expect(reasonOk("  ")).toBe(false);
    expect(reasonOk("项目取消")).toBe(true);
  });
});

describe("the deadline, by date or by words", () => {
  it("opens in the mode the task was set in", () => {
    expect(deadlineFormOf({ deadline: "2020-06-30", deadlineText: null }).mode).toBe("date");
    expect(deadlineFormOf({ deadline: "2020-06-30", deadlineText: "6月底前" })).toEqual({
      mode: "words",
      date: "2020-06-30",
      words: "6月底前",
    });
  });

  it("reads words for the plan's year as the server does", () => {
    const words = (w: string) => readDeadlineForm({ mode: "words", date: null, words: w }, 2020);
    expect(words("6月底前")).toEqual({ kind: "date", date: "2020-06-30" });
    expect(words("三季度末")).toEqual({ kind: "date", date: "2020-09-30" });
    expect(words("长期坚持")).toEqual({ kind: "open" });
    expect(words("尽快")).toEqual({ kind: "unread" });
    expect(words("  ")).toEqual({ kind: "none" });
    expect(readDeadlineForm({ mode: "date", date: "2020-02-30", words: "" }, 2020)).toEqual({
      kind: "bad_date",
    });
    expect(readDeadlineForm({ mode: "date", date: null, words: "" }, 2020)).toEqual({ kind: "none" });
  });
});

describe("checkTaskDraft", () => {
  const task = taskView({
    id: 1,
    title: "推进就业创业",
    leadDepartment: rsj,
    deadline: "2020-12-31",
    milestones: [
      { id: 11, name: "完成招标", due: "2020-06-30", doneOn: null, originalDue: null, adjustment: null },
    ],
  });

  it("sends nothing for an untouched form", () => {
    const check = checkTaskDraft(task, taskDraftOf(task), 2020);
    expect(check.patch).toEqual({});
    expect(check.dirty).toBe(false);
    expect(check.valid).toBe(true);
  });

  it("sends only what changed, the lead dropped from the co-departments", () => {
    const draft = {
      ...taskDraftOf(task),
      title: " 推进就业创业工作 ",
      leadDepartmentId: jyj.id,
      coDepartmentIds: [jyj.id, rsj.id],
      doneCriteria: "  ",
      frequency: "monthly" as const,
      weight: 2,
    };
    expect(checkTaskDraft(task, draft, 2020).patch).toEqual({
      title: "推进就业创业工作",
      leadDepartmentId: jyj.id,
      coDepartmentIds: [rsj.id],
      frequency: "monthly",
      weight: 2,
    });
  });

  it("keeps milestone ids, adds new ones without, and replaces the whole list", () => {
    const draft = {
      ...taskDraftOf(task),
      milestones: [
        { id: 11, name: "完成招标", due: "2020-07-31" },
        { name: " 开工建设 ", due: "2020-09-30" },
      ],
    };
    const check = checkTaskDraft(task, draft, 2020);
    expect(check.patch).toEqual({
      milestones: [
        { id: 11, name: "完成招标", due: "2020-07-31" },
        { name: "开工建设", due: "2020-09-30" },
      ],
    });
    expect(check.valid).toBe(true);
  });

  it("checks milestones against the deadline the form will store", () => {
    const draft = {
      ...taskDraftOf(task),
      deadline: { mode: "words" as const, date: null, words: "上半年" },
      milestones: [
        { id: 11, name: "完成招标", due: "2020-06-30" },
        { name: "竣工", due: "2020-10-31" },
      ],
    };
    const check = checkTaskDraft(task, draft, 2020);
    expect(check.deadline).toBe("2020-06-30");
    expect(check.patch.deadlineText).toBe("上半年");
    expect(check.problems.milestones).toEqual([null, "after_deadline"]);
    expect(check.valid).toBe(false);
    // 长期: no deadline, so no milestone is late.
    const open = checkTaskDraft(
      task,
      { ...draft, deadline: { mode: "words", date: null, words: "长期坚持" } },
      2020,
    );
    expect(open.deadline).toBeNull();
    expect(open.problems.milestones).toEqual([null, null]);
  });

  it("refuses words it cannot read, an empty title and a negative weight", () => {
    const check = checkTaskDraft(
      task,
      {
        ...taskDraftOf(task),
        title: " ",
        weight: -1,
        deadline: { mode: "words", date: null, words: "尽快" },
      },
      2020,
    );
    expect(check.problems).toMatchObject({ title: true, deadline: "unread", weight: true });
    expect(check.valid).toBe(false);
  });

  it("sets a date and forgets the words; clears the deadline", () => {
    const worded = taskView({ id: 2, deadline: "2020-06-30", deadlineText: "6月底前" });
    const byDate = {
      ...taskDraftOf(worded),
      deadline: { mode: "date" as const, date: "2020-06-30", words: "" },
    };
    expect(checkTaskDraft(worded, byDate, 2020).patch).toEqual({
      deadline: "2020-06-30",
      deadlineText: null,
    });
    const cleared = { ...taskDraftOf(worded), deadline: { mode: "words" as const, date: null, words: "" } };
    expect(checkTaskDraft(worded, cleared, 2020).patch).toEqual({ deadline: null, deadlineText: null });
    const none = taskView({ id: 3 });
    const stillNone = { ...taskDraftOf(none), deadline: { mode: "words" as const, date: null, words: "" } };
    expect(checkTaskDraft(none, stillNone, 2020).dirty).toBe(false);
  });
});

describe("acceptableSuggestion", () => {
  const departments = [rsj, jyj];
  const suggestion = (departmentId: number | null, department: string) => ({
    department,
    keyword: "就业",
    suggested: true as const,
    departmentId,
  });

  it("finds the region's department by id, else by name", () => {
    expect(
      acceptableSuggestion(
        { suggestedDepartment: suggestion(8, "教育局"), leadDepartment: null },
        departments,
      ),
    ).toEqual(jyj);
    expect(
      acceptableSuggestion(
        { suggestedDepartment: suggestion(null, "区人社局"), leadDepartment: null },
        departments,
      ),
    ).toEqual(rsj);
  });

  it("offers nothing already accepted, unknown or absent", () => {
    expect(
      acceptableSuggestion(
        { suggestedDepartment: suggestion(7, "区人社局"), leadDepartment: rsj },
        departments,
      ),
    ).toBeNull();
    expect(
      acceptableSuggestion(
        { suggestedDepartment: suggestion(null, "区文旅局"), leadDepartment: null },
        departments,
      ),
    ).toBeNull();
    expect(acceptableSuggestion({ suggestedDepartment: null, leadDepartment: null }, departments)).toBeNull();
  });
});

describe("a task from the source text", () => {
  const text = "一、民生\n  稳定就业岗位。\n（一）教育\n办好学校。";
  const outline = [
    node({ id: 1, kind: "area", start: 0, end: 4, level: 1 }),
    node({ id: 2, kind: "task", parentId: 1, start: 7, end: 14 }),
    node({ id: 3, kind: "group", parentId: 1, start: 15, end: 20, level: 2 }),
    node({ id: 4, kind: "task", parentId: 3, start: 21, end: 26 }),
  ];

  it("turns a selection either way round into a span without the white space at its ends", () => {
    expect(spanFromPoints(text, 14, 5)).toEqual({ start: 7, end: 14 });
    expect(text.slice(7, 14)).toBe("稳定就业岗位。");
    expect(spanFromPoints(text, 4, 7)).toBeNull();
    expect(spanFromPoints(text, -5, 3)).toEqual({ start: 0, end: 3 });
  });

  it("puts the task under the last heading before it and names the tasks it runs into", () => {
    expect(parentForSpan(outline, { start: 9, end: 12 })?.id).toBe(1);
    expect(parentForSpan(outline, { start: 21, end: 24 })?.id).toBe(3);
    expect(overlappingTasks(outline, { start: 12, end: 22 }).map((n) => n.id)).toEqual([2, 4]);
    expect(overlappingTasks(outline, { start: 14, end: 21 })).toEqual([]);
    expect(headingsOf(outline).map((n) => n.id)).toEqual([1, 3]);
  });
});

describe("splitting and merging", () => {
  it("splits a title in two non-empty parts", () => {
    expect(splitParts("稳定就业，扩大培训", 5)).toEqual(["稳定就业，", "扩大培训"]);
    expect(splitParts("稳定就业", 0)).toBeNull();
    expect(splitParts("稳定就业", 4)).toBeNull();
    expect(splitParts("稳定就业 ", 4)).toBeNull();
    expect(splitPoints("稳定就业，扩大培训；做好保障。")).toEqual([5, 10]);
  });

  it("merges two or more open tasks, in document order", () => {
    const tasks = [
      taskView({ id: 1, nodeId: 101, start: 50 }),
      taskView({ id: 2, nodeId: 102, start: 10 }),
      taskView({ id: 3, nodeId: 103, state: "stopped", status: "stopped" }),
    ];
    expect(mergeSelection(tasks, new Set([1, 2]))).toEqual({ nodeIds: [102, 101], problem: null });
    expect(mergeSelection(tasks, new Set([1])).problem).toBe("too_few");
    expect(mergeSelection(tasks, new Set([1, 3])).problem).toBe("stopped");
    const elsewhere = taskView({ id: 4, nodeId: 104, path: [{ id: 9, title: "二、其他" }] });
    expect(mergeSelection([...tasks, elsewhere], new Set([1, 4])).problem).toBe("apart");
  });
});
