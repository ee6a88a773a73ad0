import { describe, expect, it } from "vitest";
import type { PublicOutlineNode, PublicTargetView, PublicTaskView } from "../../../../src/contract/public.ts";
import { groupPublicTargets, groupPublicTasks, lightCounts, statusCounts } from "./model.ts";

const node = (id: number, parentId: number | null, title: string, marker = ""): PublicOutlineNode => ({
  id,
  parentId,
  kind: parentId === null ? "area" : "task",
  level: parentId === null ? 1 : 2,
  order: id,
  marker,
  title,
  leadDepartment: null,
});

const target = (id: number, nodeId: number | null): PublicTargetView => ({
  id,
  nodeId,
  subject: `t${id}`,
  display: "",
  value: 1,
  value2: null,
  unit: "%",
  displayUnit: "%",
  comparator: "target",
  direction: "increase",
  kind: "rate",
  dueDate: null,
  leadDepartment: null,
  latestValue: null,
  latestPeriod: null,
  status: "not_started",
  completion: null,
  gapPoints: null,
});

describe("public plan groups", () => {
  it("puts each target under its top-level part, with its task, in outline order", () => {
    const outline = [
      node(1, null, "经济发展", "一、"),
      node(2, 1, "稳增长"),
      node(3, null, "民生"),
      node(4, 3, "就业", "1."),
    ];
    const groups = groupPublicTargets(outline, [
      target(10, 4),
      target(11, 2),
      target(12, null),
      target(13, 1),
    ]);
    expect(groups.map((g) => g.node?.title ?? null)).toEqual(["经济发展", "民生", null]);
    expect(groups[0]?.rows.map((r) => [r.target.id, r.task])).toEqual([
      [11, "稳增长"],
      [13, "一、经济发展"],
    ]);
    expect(groups[1]?.rows.map((r) => r.task)).toEqual(["1.就业"]);
    expect(groups[2]?.rows.map((r) => r.task)).toEqual([null]);
  });

  it("survives a parent cycle and a missing parent", () => {
    const outline = [{ ...node(1, 2, "a") }, { ...node(2, 1, "b") }, node(3, 99, "c")];
    const groups = groupPublicTargets(outline, [target(1, 1), target(2, 3)]);
    expect(groups.flatMap((g) => g.rows.map((r) => r.target.id)).sort()).toEqual([1, 2]);
  });

  it("groups under the nearest area, not the section above it", () => {
    const outline: PublicOutlineNode[] = [
      { ...node(1, null, "重点任务", "二、"), kind: "section" },
      { ...node(2, 1, "调优产业结构", "1."), kind: "area" },
      { ...node(3, 2, "新增就业"), kind: "task" },
      { ...node(4, 1, "民生", "2."), kind: "area" },
    ];
    const groups = groupPublicTargets(outline, [target(1, 3), target(2, 4)]);
    expect(groups.map((g) => g.node?.id)).toEqual([2, 4]);
  });

  it("count the targets in each status", () => {
    const counts = statusCounts([{ status: "behind" }, { status: "behind" }, { status: "completed" }]);
    expect(counts).toMatchObject({ behind: 2, completed: 1, on_track: 0, far_behind: 0 });
  });

  it("group the tasks under their area in outline order, those outside the areas under their part", () => {
    const outline: PublicOutlineNode[] = [
      { ...node(1, null, "主要预期指标", "一、"), kind: "section" },
      { ...node(2, 1, "地区生产总值增长5%"), kind: "task" },
      { ...node(3, null, "重点任务", "二、"), kind: "section" },
      { ...node(4, 3, "调优产业结构", "1."), kind: "area" },
      { ...node(5, 4, "新增就业"), kind: "task" },
      { ...node(6, 4, "建成美术馆"), kind: "task" },
    ];
    const task = (id: number, status: PublicTaskView["status"]): PublicTaskView => ({
      id,
      title: `t${id}`,
      leadDepartment: null,
      deadline: null,
      deadlineText: null,
      milestones: [],
      status,
      progress: null,
    });
    // Given out of order: the page follows the outline.
    const groups = groupPublicTasks(outline, [task(6, "closed"), task(2, "overdue"), task(5, "on_track")]);
    expect(groups.map((g) => [g.node?.id, g.tasks.map((t) => t.id)])).toEqual([
      [1, [2]],
      [4, [5, 6]],
    ]);
    expect(
      lightCounts(
        [task(1, "overdue"), task(2, "overdue"), task(3, "closed")],
        ["closed", "on_track", "overdue"],
      ),
    ).toEqual([
      { light: "closed", count: 1 },
      { light: "overdue", count: 2 },
    ]);
  });
});
