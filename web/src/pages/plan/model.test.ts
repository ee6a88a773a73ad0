import { describe, expect, it } from "vitest";
import { node, target } from "../../test/fixtures.ts";
import {
  ancestorIds,
  assignmentOf,
  buildOutlineTree,
  filterTargets,
  nodeLabel,
  primaryMark,
  segmentView,
  sourceMarks,
  subtreeIds,
  subtreeSpan,
} from "./model.ts";

const outline = [
  node({ id: 1, kind: "section", marker: "二、", title: "重点任务", start: 100 }),
  node({ id: 2, kind: "area", parentId: 1, marker: "1.", title: "调优产业结构", start: 120 }),
  node({ id: 4, kind: "group", parentId: 2, title: "拓展经济发展增量", start: 160 }),
  node({ id: 3, kind: "group", parentId: 2, title: "筑牢主导产业支撑", start: 130 }),
  node({ id: 5, kind: "task", parentId: 3, text: "年内国家高新技术企业净增30家以上", title: "", start: 140 }),
  node({ id: 6, kind: "task", parentId: 4, text: "全年招商引资到位额达到106亿元。", title: "", start: 170 }),
  node({ id: 7, kind: "section", marker: "一、", title: "主要预期指标", start: 10 }),
];
const dept = { id: 9, name: "区科技局" };
const targets = [
  target({ id: 1, nodeId: 5, subject: "国家高新技术企业", leadDepartment: dept }),
  target({
    id: 2,
    nodeId: 6,
    subject: "招商引资到位额",
    suggestedDepartment: { department: "区商务局", keyword: "招商", suggested: true, departmentId: null },
  }),
  target({ id: 3, nodeId: 6, subject: "盘活空置楼宇", kind: "cumulative" }),
  target({ id: 4, nodeId: null, subject: "地区生产总值" }),
];

describe("buildOutlineTree", () => {
  const tree = buildOutlineTree(outline, targets);
  it("nests nodes in document order", () => {
    expect(tree.roots.map((n) => n.id)).toEqual([7, 1]);
    expect(tree.children.get(2)?.map((n) => n.id)).toEqual([3, 4]);
  });
  it("counts targets over whole subtrees", () => {
    expect(tree.targetCount.get(5)).toBe(1);
    expect(tree.targetCount.get(4)).toBe(2);
    expect(tree.targetCount.get(2)).toBe(3);
    expect(tree.targetCount.get(1)).toBe(3);
    expect(tree.targetCount.get(7)).toBeUndefined();
  });
  it("spans a node with everything under it", () => {
    expect(subtreeSpan(tree, 3)).toEqual({ start: 130, end: 145 });
    expect(subtreeSpan(tree, 2)).toEqual({ start: 120, end: 175 });
  });
  it("finds subtrees and ancestors", () => {
    expect([...subtreeIds(tree, 2)].sort()).toEqual([2, 3, 4, 5, 6]);
    expect(ancestorIds(tree, 6)).toEqual([4, 2, 1]);
  });
  it("survives a cycle or a missing parent", () => {
    const bad = [node({ id: 1, kind: "group", parentId: 2 }), node({ id: 2, kind: "group", parentId: 1 })];
    const t = buildOutlineTree(bad, [target({ id: 1, nodeId: 1 })]);
    expect(t.targetCount.get(1)).toBe(1);
    expect(ancestorIds(t, 1)).toEqual([2]);
    const orphan = buildOutlineTree([node({ id: 3, kind: "task", parentId: 99 })], []);
    expect(orphan.roots.map((n) => n.id)).toEqual([3]);
  });
});

describe("nodeLabel", () => {
  it("puts the marker before the title and cuts long tasks", () => {
    expect(nodeLabel(outline[0] as never)).toBe("二、重点任务");
    const long = node({ id: 8, kind: "task", title: "", text: "一二三四五六七八九十".repeat(5) });
    expect(nodeLabel(long, 10)).toBe("一二三四五六七八九十…");
  });
});

describe("targets", () => {
  it("tells the assignment state", () => {
    expect(targets.map(assignmentOf)).toEqual(["assigned", "suggested", "unassigned", "unassigned"]);
  });
  it("filters by node, text, kind and assignment", () => {
    const base = { nodeIds: null, query: "", kinds: [], assignments: [] };
    expect(filterTargets(targets, base)).toHaveLength(4);
    expect(filterTargets(targets, { ...base, nodeIds: new Set([4, 6]) }).map((t) => t.id)).toEqual([2, 3]);
    expect(filterTargets(targets, { ...base, query: "招商" }).map((t) => t.id)).toEqual([2]);
    expect(filterTargets(targets, { ...base, query: "科技局" }).map((t) => t.id)).toEqual([1]);
    expect(filterTargets(targets, { ...base, kinds: ["cumulative"] }).map((t) => t.id)).toEqual([3]);
    expect(filterTargets(targets, { ...base, assignments: ["unassigned"] }).map((t) => t.id)).toEqual([3, 4]);
  });
});

describe("source marks", () => {
  it("prefers targets, then the narrowest", () => {
    const marks = sourceMarks(
      [target({ id: 1, start: 0, end: 10 }), target({ id: 2, start: 2, end: 5, kind: "milestone" })],
      [
        {
          id: 7,
          nodeId: null,
          name: "地块",
          category: "land_parcel",
          start: 0,
          end: 3,
          leadDepartment: null,
        },
      ],
      { start: 0, end: 20 },
    );
    expect(marks.map((m) => m.kind)).toEqual(["focus", "item", "target", "milestone"]);
    expect(primaryMark(marks)?.id).toBe(1);
    expect(primaryMark(marks.filter((m) => m.kind !== "target"))?.kind).toBe("milestone");
    expect(primaryMark(marks.filter((m) => m.kind === "focus"))).toBeNull();
    const two = sourceMarks(
      [target({ id: 1, start: 0, end: 10 }), target({ id: 2, start: 2, end: 5 })],
      [],
      null,
    );
    expect(primaryMark(two)?.id).toBe(2);
  });
});

describe("segmentView", () => {
  const a = { start: 0, end: 10, kind: "target" as const, id: 1 };
  const b = { start: 0, end: 10, kind: "target" as const, id: 2 };
  const item = { start: 0, end: 10, kind: "item" as const, id: 7 };
  it("shows the primary target and selects it on click", () => {
    const v = segmentView([a, b, item], null);
    expect(v?.shown.id).toBe(1);
    expect(v?.targets.map((m) => m.id)).toEqual([1, 2]);
    expect(v?.selected).toBe(false);
    expect(v?.next).toEqual({ kind: "target", id: 1 });
  });
  it("cycles through targets stated by the same words", () => {
    expect(segmentView([a, b], { kind: "target", id: 1 })?.next).toEqual({ kind: "target", id: 2 });
    const second = segmentView([a, b], { kind: "target", id: 2 });
    expect(second?.shown.id).toBe(2);
    expect(second?.selected).toBe(true);
    expect(second?.next).toEqual({ kind: "target", id: 1 });
  });
  it("handles items and plain text", () => {
    expect(segmentView([item], { kind: "item", id: 7 })).toMatchObject({
      selected: true,
      next: { kind: "item", id: 7 },
    });
    expect(segmentView([], null)).toBeNull();
    expect(segmentView([{ start: 0, end: 3, kind: "focus", id: -1 }], null)).toBeNull();
  });
});
