import { describe, expect, it } from "vitest";
import type { TaskHistoryEntry } from "../../../../src/contract/tasks.ts";
import {
  adjustmentSides,
  closeRequests,
  decisionProblem,
  latestCloseRequest,
  openMilestones,
  shiftDays,
} from "./task-review-model.ts";

const entry = (action: TaskHistoryEntry["action"], at: string, zh: string): TaskHistoryEntry => ({
  action,
  from: null,
  to: "in_progress",
  at,
  by: null,
  summary: { zh, en: zh },
});

describe("close requests", () => {
  it("keeps only tasks put up for closing, the longest waiting first", () => {
    const tasks = [
      { id: 1, state: "close_requested" as const, closeRequestedOn: "2020-11-20" },
      { id: 2, state: "in_progress" as const, closeRequestedOn: null },
      { id: 3, state: "close_requested" as const, closeRequestedOn: "2020-11-02" },
      { id: 4, state: "closed" as const, closeRequestedOn: "2020-10-01" },
    ];
    expect(closeRequests(tasks).map((t) => t.id)).toEqual([3, 1]);
  });

  it("reads the latest request from the history, after an earlier one was returned", () => {
    const history = [
      entry("assign", "2020-03-01T08:00:00Z", "交办"),
      entry("request_close", "2020-10-01T08:00:00Z", "第一次申请"),
      entry("return_close", "2020-10-05T08:00:00Z", "退回：证明材料不全"),
      entry("request_close", "2020-11-02T08:00:00Z", "第二次申请"),
    ];
    expect(latestCloseRequest(history)?.summary.zh).toBe("第二次申请");
    expect(latestCloseRequest(history.slice(0, 1))).toBeNull();
  });

  it("names milestones still open", () => {
    const milestones = [
      { id: 1, name: "招标", due: "2020-06-30", doneOn: "2020-06-20", originalDue: null, adjustment: null },
      { id: 2, name: "开工", due: "2020-09-30", doneOn: null, originalDue: null, adjustment: null },
    ];
    expect(openMilestones({ milestones }).map((m) => m.name)).toEqual(["开工"]);
  });
});

describe("an adjustment's two sides", () => {
  it("says dates in words in the reader's language and keeps wording as it is", () => {
    const deadline = { kind: "deadline" as const, original: "2020-06-30", proposed: "2020-09-30" };
    expect(adjustmentSides(deadline, "zh-CN")).toEqual({
      original: "2020年6月30日",
      proposed: "2020年9月30日",
    });
    expect(adjustmentSides(deadline, "en-US")).toEqual({
      original: "30 June 2020",
      proposed: "30 September 2020",
    });
    expect(
      adjustmentSides({ kind: "deadline", original: null, proposed: "2020-12-31" }, "zh-CN").original,
    ).toBeNull();
    const content = { kind: "content" as const, original: "建成美术馆", proposed: "建成并开放美术馆" };
    expect(adjustmentSides(content, "en-US")).toEqual({
      original: "建成美术馆",
      proposed: "建成并开放美术馆",
    });
  });

  it("counts the days a date moves, either way", () => {
    expect(shiftDays({ kind: "deadline", original: "2020-06-30", proposed: "2020-09-30" })).toBe(92);
    expect(shiftDays({ kind: "milestone", original: "2020-03-01", proposed: "2020-02-28" })).toBe(-2);
    expect(shiftDays({ kind: "deadline", original: null, proposed: "2020-09-30" })).toBeNull();
    expect(shiftDays({ kind: "content", original: "a", proposed: "b" })).toBeNull();
  });

  it("needs an opinion to refuse, not to approve", () => {
    expect(decisionProblem("refused", "  ")).toBe("opinion");
    expect(decisionProblem("refused", "理由不充分")).toBeNull();
    expect(decisionProblem("approved", "")).toBeNull();
  });
});
