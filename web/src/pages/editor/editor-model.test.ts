import { describe, expect, it } from "vitest";
import type { OutlineNodeView } from "../../../../src/contract/plans.ts";
import type { TargetView } from "../../../../src/contract/targets.ts";
import {
  areaByNode,
  bulkChanges,
  EMPTY_FILTER,
  evenCells,
  filterEditorTargets,
  gridState,
  parseCell,
  publishCheck,
  publishIssueCount,
} from "./editor-model.ts";

function node(
  id: number,
  parentId: number | null,
  kind: OutlineNodeView["kind"],
  title: string,
): OutlineNodeView {
  return {
    id,
    parentId,
    kind,
    level: 1,
    order: id,
    marker: "",
    title,
    text: title,
    start: id * 10,
    end: id * 10 + 5,
    leadDepartment: null,
    coDepartments: [],
    suggestedDepartment: null,
  };
}

function target(id: number, over: Partial<TargetView> = {}): TargetView {
  return {
    id,
    nodeId: null,
    subject: `指标${id}`,
    value: 100,
    value2: null,
    unit: "人",
    displayUnit: "人",
    display: "100人",
    comparator: "target",
    direction: "increase",
    kind: "cumulative",
    baseline: null,
    dueDate: null,
    frequency: "monthly",
    weight: 1,
    start: id,
    end: id + 1,
    confidence: 0.9,
    source: "extracted",
    leadDepartment: null,
    coDepartments: [],
    suggestedDepartment: null,
    stoppedAt: null,
    stoppedReason: null,
    statement: "",
    attribute: null,
    baselineYear: null,
    targetYear: null,
    annualGrowth: null,
    ...over,
  };
}

const outline = [
  node(1, null, "section", "二、重点任务"),
  node(2, 1, "area", "1.调优产业结构"),
  node(3, 2, "task", "新增就业"),
  node(4, 1, "area", "2.民生"),
  node(5, 4, "task", "建成美术馆"),
];
const rsj = { id: 7, name: "区人社局" };
const jyj = { id: 8, name: "区教育局" };

describe("plan editor model", () => {
  it("find each node's area, the nearest ancestor of kind area", () => {
    const areas = areaByNode(outline);
    expect(areas.get(3)?.id).toBe(2);
    expect(areas.get(5)?.id).toBe(4);
    expect(areas.get(1)?.id).toBe(1);
  });

  it("filter by text, area, kind, department and unassigned", () => {
    const areas = areaByNode(outline);
    const targets = [
      target(1, { nodeId: 3, leadDepartment: rsj }),
      target(2, { nodeId: 5, kind: "milestone", value: null, coDepartments: [rsj] }),
      target(3, { nodeId: 5, subject: "博物馆", leadDepartment: jyj }),
    ];
    const ids = (f: Partial<typeof EMPTY_FILTER>) =>
      filterEditorTargets(targets, { ...EMPTY_FILTER, ...f }, areas).map((t) => t.id);
    expect(ids({})).toEqual([1, 2, 3]);
    expect(ids({ areaIds: [4] })).toEqual([2, 3]);
    expect(ids({ kinds: ["milestone"] })).toEqual([2]);
    expect(ids({ department: rsj.id })).toEqual([1, 2]);
    expect(ids({ department: "none" })).toEqual([2]);
    expect(ids({ unassignedOnly: true, areaIds: [2] })).toEqual([]);
    expect(ids({ query: "博物" })).toEqual([3]);
  });

  it("build one change per selected target, dropping the lead from the co-operating departments", () => {
    const targets = [target(1, { leadDepartment: rsj }), target(2), target(3)];
    expect(bulkChanges(targets, new Set([1, 3]), { coDepartmentIds: [rsj.id, jyj.id] })).toEqual([
      { id: 1, patch: { coDepartmentIds: [jyj.id] } },
      { id: 3, patch: { coDepartmentIds: [rsj.id, jyj.id] } },
    ]);
    expect(
      bulkChanges(targets, new Set([2]), { leadDepartmentId: jyj.id, coDepartmentIds: [jyj.id] }),
    ).toEqual([{ id: 2, patch: { leadDepartmentId: jyj.id, coDepartmentIds: [] } }]);
    expect(bulkChanges(targets, new Set([1]), {})).toEqual([]);
  });

  it("list what is unclear before publishing", () => {
    const check = publishCheck({
      outline,
      targets: [
        target(1, { leadDepartment: rsj }),
        target(2, {
          suggestedDepartment: { department: "区人社局", keyword: "就业", suggested: true, departmentId: 7 },
        }),
        target(3, { value: null, confidence: 0.4 }),
      ],
    });
    expect(check.unassigned.map((t) => t.id)).toEqual([3]);
    expect(check.suggestedOnly.map((t) => t.id)).toEqual([2]);
    expect(check.noValue.map((t) => t.id)).toEqual([3]);
    expect(check.lowConfidence.map((t) => t.id)).toEqual([3]);
    expect(check.tasksUnassigned.map((n) => n.id)).toEqual([3, 5]);
    expect(publishIssueCount(check)).toBe(6);
  });

  it("read cells in the display unit, flag a cumulative plan that goes down, and give each cell's share", () => {
    const jobs = { kind: "cumulative" as const, unit: "人", displayUnit: "万人", value: 40000 };
    const grid = gridState(jobs, ["1", "", "2.5", "2", "x"]);
    expect(grid.values.slice(0, 4)).toEqual([10000, null, 25000, 20000]);
    expect(Number.isNaN(grid.values[4])).toBe(true);
    expect(grid.problems).toEqual([
      { index: 3, code: "decreasing", previousIndex: 2 },
      { index: 4, code: "not_a_number" },
    ]);
    expect(grid.shares.slice(0, 3)).toEqual([0.25, null, 0.625]);
    expect(parseCell(" 1,200 ")).toBe(1200);
    expect(parseCell("1e3")).toBeNaN();
    expect(parseCell("１．５万", "人")).toBe(15000);
    expect(parseCell("1.5万", "万人")).toBe(1.5);
  });

  it("fill an even pace for cumulative targets and milestones only", () => {
    const jobs = { kind: "cumulative" as const, unit: "人", displayUnit: "万人", value: 40000 };
    expect(evenCells(jobs, 4)).toEqual(["1", "2", "3", "4"]);
    expect(evenCells({ ...jobs, kind: "milestone", value: null }, 4)).toEqual(["25", "50", "75", "100"]);
    expect(evenCells({ ...jobs, kind: "rate" }, 4)).toBeNull();
  });
});
