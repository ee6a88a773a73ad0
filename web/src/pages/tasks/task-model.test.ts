import { describe, expect, it } from "vitest";
import { jyj, rsj, taskView } from "./task-fixtures.ts";
import {
  EMPTY_TASK_FILTER,
  filterTasks,
  milestoneProblems,
  taskArea,
  taskBulkChanges,
  taskGroup,
  taskHeadings,
} from "./task-model.ts";

const fgw = { id: 9, name: "区发改委" };

const otherArea = [
  { id: 3, title: "二、推动高质量发展" },
  { id: 4, title: "（三）壮大新动能" },
];

describe("task headings and filters", () => {
  const tasks = [
    taskView({ id: 1, title: "推进就业创业", leadDepartment: rsj }),
    taskView({ id: 2, title: "办好教育", leadDepartment: jyj, coDepartments: [rsj] }),
    taskView({ id: 3, title: "发展数字经济", path: otherArea }),
    taskView({ id: 4, title: "区域合作", path: [{ id: 3, title: "二、推动高质量发展" }] }),
  ];

  it("reads the area and the group from the path", () => {
    expect(taskArea(tasks[0] as (typeof tasks)[0])?.id).toBe(1);
    expect(taskGroup(tasks[0] as (typeof tasks)[0])?.id).toBe(2);
    // A task right under an area has no group.
    expect(taskGroup(tasks[3] as (typeof tasks)[0])).toBeNull();
    const { areas, groups } = taskHeadings(tasks);
    expect(areas.map((a) => a.id)).toEqual([1, 3]);
    expect(groups).toEqual([
      { id: 2, title: "（一）深化区域合作", areaId: 1 },
      { id: 4, title: "（三）壮大新动能", areaId: 3 },
    ]);
  });

  it("filters by words, area, group and department (lead or co-operating, or none)", () => {
    const ids = (f: Partial<typeof EMPTY_TASK_FILTER>) =>
      filterTasks(tasks, { ...EMPTY_TASK_FILTER, ...f }).map((t) => t.id);
    expect(ids({})).toEqual([1, 2, 3, 4]);
    expect(ids({ query: "教育" })).toEqual([2]);
    expect(ids({ areaId: 3 })).toEqual([3, 4]);
    expect(ids({ groupId: 4 })).toEqual([3]);
    expect(ids({ department: rsj.id })).toEqual([1, 2]);
    expect(ids({ department: jyj.id })).toEqual([2]);
    expect(ids({ department: "none" })).toEqual([3, 4]);
    expect(ids({ areaId: 1, department: "none" })).toEqual([]);
  });
});

describe("taskBulkChanges", () => {
  const tasks = [
    taskView({ id: 1, leadDepartment: rsj }),
    taskView({ id: 2, leadDepartment: jyj, coDepartments: [rsj], frequency: "monthly" }),
    taskView({ id: 3 }),
  ];

  it("patches only the selected tasks, and only what changes on each", () => {
    const changes = taskBulkChanges(tasks, new Set([1, 2]), {
      leadDepartmentId: rsj.id,
      frequency: "monthly",
    });
    // Task 1 already has the lead; task 2 already reports monthly; rsj leaves task 2's co-departments.
    expect(changes).toEqual([
      { id: 1, patch: { frequency: "monthly" } },
      { id: 2, patch: { leadDepartmentId: rsj.id, coDepartmentIds: [] } },
    ]);
  });

  it("never names the lead among the co-operating departments", () => {
    const changes = taskBulkChanges(tasks, new Set([1, 3]), { coDepartmentIds: [rsj.id, fgw.id] });
    expect(changes).toEqual([
      { id: 1, patch: { coDepartmentIds: [fgw.id] } },
      { id: 3, patch: { coDepartmentIds: [rsj.id, fgw.id] } },
    ]);
  });

  it("sets and clears a deadline, and answers nothing when nothing changes", () => {
    expect(taskBulkChanges(tasks, new Set([3]), { deadline: "2020-12-31" })).toEqual([
      { id: 3, patch: { deadline: "2020-12-31" } },
    ]);
    expect(taskBulkChanges(tasks, new Set([1]), { leadDepartmentId: null })).toEqual([
      { id: 1, patch: { leadDepartmentId: null } },
    ]);
    expect(taskBulkChanges(tasks, new Set([1, 2, 3]), {})).toEqual([]);
    expect(taskBulkChanges(tasks, new Set(), { leadDepartmentId: fgw.id })).toEqual([]);
  });
});

describe("milestoneProblems", () => {
  it("wants a name and a real date not after the deadline", () => {
    expect(
      milestoneProblems(
        [
          { name: "完成招标", due: "2020-06-30" },
          { name: " ", due: "2020-06-30" },
          { name: "开工", due: "2020-02-30" },
          { name: "竣工", due: "2021-01-15" },
          { name: "验收", due: "" },
        ],
        "2020-12-31",
      ),
    ).toEqual([null, "name", "date", "after_deadline", "date"]);
    // Without a deadline any real date will do.
    expect(milestoneProblems([{ name: "竣工", due: "2021-01-15" }], null)).toEqual([null]);
  });
});
