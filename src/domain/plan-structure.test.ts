import { describe, expect, it } from "vitest";
import { AppError } from "./app-error.ts";
import {
  checkNewTaskSpan,
  headingFor,
  mergeRun,
  ordFor,
  refuseArchived,
  refuseDeleteUnlessDraft,
  refuseUnlessDraft,
  type SpanNode,
  splitOffset,
} from "./plan-structure.ts";
import { rollup } from "./rollup.ts";

// A small outline: a section with one task, a section with an area of three tasks.
const SOURCE = "一、总体要求 甲任务说明。乙任务说明。 二、重点任务 1.产业 丙任务。丁任务。戊任务。";

function at(quote: string): { start: number; end: number } {
  const start = SOURCE.indexOf(quote);
  if (start < 0) throw new Error(quote);
  return { start, end: start + quote.length };
}

function node(
  id: number,
  kind: SpanNode["kind"],
  quote: string,
  parentId: number | null,
  level: number,
  ord: number,
): SpanNode {
  return { id, kind, parentId, level, ord, title: quote, ...at(quote) };
}

const NODES: SpanNode[] = [
  node(1, "section", "一、总体要求", null, 1, 0),
  node(2, "task", "甲任务说明。", 1, 2, 1),
  node(3, "section", "二、重点任务", null, 1, 2),
  node(4, "area", "1.产业", 3, 2, 3),
  node(5, "task", "丙任务。", 4, 3, 4),
  node(6, "task", "丁任务。", 4, 3, 5),
  node(7, "task", "戊任务。", 4, 3, 6),
];

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("plan states", () => {
  it("refuse an archived plan with the plan_archived rule in both languages", () => {
    const e = refusal(() => refuseArchived({ id: 4, state: "closed" }));
    expect(e.code).toBe("conflict");
    expect(e.details).toMatchObject({ rule: "plan_archived", planId: 4 });
    expect(e.text?.zh).toMatch(/已归档/);
    expect(e.text?.en).toMatch(/archived/);
    expect(e.text?.zh).not.toMatch(/[a-z]{4}/);
    expect(() => refuseArchived({ id: 4, state: "published" })).not.toThrow();
  });

  it("split and merge only in a draft; deleting from a published plan says to stop instead", () => {
    expect(() => refuseUnlessDraft({ id: 1, state: "draft" }, "split")).not.toThrow();
    expect(refusal(() => refuseUnlessDraft({ id: 1, state: "published" }, "merge")).details).toMatchObject({
      rule: "not_draft",
      state: "published",
    });
    const e = refusal(() => refuseDeleteUnlessDraft({ id: 1, state: "published" }, "target", 9));
    expect(e.details).toMatchObject({ rule: "published_stop_instead", targetId: 9 });
    expect(e.text?.zh).toMatch(/中止/);
    expect(e.text?.en).toMatch(/stop/);
    expect(refusal(() => refuseDeleteUnlessDraft({ id: 1, state: "closed" }, "task", 9)).details.rule).toBe(
      "plan_archived",
    );
  });
});

describe("a task added from the text", () => {
  it("sits under the innermost heading whose part of the text holds it", () => {
    expect(headingFor(NODES, at("乙任务说明。").start)?.id).toBe(1);
    expect(headingFor(NODES, at("丁任务。").start)?.id).toBe(4);
    expect(headingFor(NODES, 0)?.id).toBe(1);
    expect(headingFor(NODES.slice(1), 0)).toBeNull();
  });

  it("takes the place in the order of the first node after it", () => {
    expect(ordFor(NODES, at("乙任务说明。").start)).toBe(2);
    expect(ordFor(NODES, SOURCE.length - 1)).toBe(7);
  });

  it("must lie in the text, hold text, and cross no heading and no task", () => {
    const { start, end } = at("乙任务说明。");
    expect(() => checkNewTaskSpan(SOURCE, NODES, start, end)).not.toThrow();
    expect(refusal(() => checkNewTaskSpan(SOURCE, NODES, start, SOURCE.length + 1)).details).toMatchObject({
      rule: "bad_span",
      length: SOURCE.length,
    });
    const blank = SOURCE.indexOf(" ");
    expect(refusal(() => checkNewTaskSpan(SOURCE, NODES, blank, blank + 1)).details.rule).toBe("bad_span");
    const overHeading = refusal(() => checkNewTaskSpan(SOURCE, NODES, start, at("二、重点任务").start + 1));
    expect(overHeading.details).toMatchObject({ rule: "overlaps_heading", nodeId: 3 });
    const overTask = refusal(() => checkNewTaskSpan(SOURCE, NODES, at("甲任务说明。").end - 1, end));
    expect(overTask.code).toBe("conflict");
    expect(overTask.details).toMatchObject({ rule: "overlaps_task", taskId: 2, title: "甲任务说明。" });
    expect(overTask.text?.zh).toContain("甲任务说明。");
  });
});

describe("splitting a task", () => {
  it("cuts the source where the title is cut", () => {
    const task = NODES[1] as SpanNode;
    expect(splitOffset(SOURCE, task, 3)).toBe(task.start + 3);
    // An imported title shortened with “…” still maps onto the text.
    expect(splitOffset(SOURCE, { ...task, title: "甲任务…" }, 2)).toBe(task.start + 2);
  });

  it("refuses a point outside the title and a title no longer in the text", () => {
    const task = NODES[1] as SpanNode;
    expect(refusal(() => splitOffset(SOURCE, task, 0)).details.rule).toBe("bad_offset");
    expect(refusal(() => splitOffset(SOURCE, task, task.title.length)).details.rule).toBe("bad_offset");
    const edited = refusal(() => splitOffset(SOURCE, { ...task, title: "改写的标题" }, 2));
    expect(edited.details).toMatchObject({ rule: "title_not_in_source", nodeId: 2 });
  });
});

describe("merging tasks", () => {
  it("takes adjacent tasks under one heading, in order", () => {
    expect(mergeRun(NODES, [6, 5]).map((n) => n.id)).toEqual([5, 6]);
    expect(mergeRun(NODES, [5, 6, 7]).map((n) => n.id)).toEqual([5, 6, 7]);
  });

  it("refuses a heading, tasks under different headings, and tasks with another between", () => {
    expect(refusal(() => mergeRun(NODES, [4, 5])).details).toMatchObject({ rule: "not_task", nodeId: 4 });
    expect(refusal(() => mergeRun(NODES, [2, 5])).details.rule).toBe("not_siblings");
    expect(refusal(() => mergeRun(NODES, [5, 7])).details).toMatchObject({
      rule: "not_adjacent",
      betweenId: 6,
    });
  });
});

describe("a roll-up with stopped targets", () => {
  it("counts them apart: in neither the total, the counts nor the completion index", () => {
    const r = rollup([
      { status: "on_track", completion: 0.5 },
      { status: "stopped", completion: null },
      { status: "far_behind", completion: 0.1 },
    ]);
    expect(r).toMatchObject({ total: 2, stopped: 1, measured: 2 });
    expect(r.counts.on_track + r.counts.far_behind).toBe(2);
    expect(r.completionIndex).toBeCloseTo(0.3);
  });
});
