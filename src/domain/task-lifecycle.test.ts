import { describe, expect, it } from "vitest";
import { AppError } from "./app-error.ts";
import {
  type AdjustmentFacts,
  adjustmentRecord,
  decideAdjustment,
  requestAdjustment,
} from "./task-adjustments.ts";
import {
  acknowledge,
  closeTask,
  reportProgress,
  requestClose,
  returnCloseRequest,
  stopTask,
} from "./task-lifecycle.ts";
import {
  allowedTaskActions,
  checkMilestoneDates,
  OPEN_TASK_STATES,
  refusalError,
  TASK_STATES,
  type TaskActor,
  type TaskFacts,
  type TaskResult,
  type TaskState,
} from "./task-states.ts";

const LEAD: TaskActor = { role: "reporter", departmentId: 7, isLead: true, isCo: false };
const CO: TaskActor = { role: "reporter", departmentId: 8, isLead: false, isCo: true };
const OTHER: TaskActor = { role: "reporter", departmentId: 9, isLead: false, isCo: false };
const PLANNER: TaskActor = { role: "planner", departmentId: null, isLead: false, isCo: false };
const ADMIN: TaskActor = { role: "admin", departmentId: null, isLead: false, isCo: false };
const LEADER: TaskActor = { role: "leader", departmentId: null, isLead: false, isCo: false };

const task = (state: TaskState, more: Partial<TaskFacts> = {}): TaskFacts => ({
  state,
  title: "推进南开大学科技园建设",
  deadline: "2020-12-31",
  milestones: [
    { id: 1, name: "6月底前完成招标", due: "2020-06-30", doneOn: null },
    { id: 2, name: "年底前竣工", due: "2020-12-31", doneOn: null },
  ],
  ...more,
});

const ON = "2020-05-10";

function refused(result: TaskResult, code: string, rule: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect({ code: result.code, rule: result.rule }).toEqual({ code, rule });
  expect(result.message.zh).not.toBe("");
  expect(result.message.en).not.toBe("");
  // One language a string: no Chinese in the English outside the names it quotes (‘…’, (进展情况)).
  expect(result.message.en.replace(/‘[^’]*’|\([^)]*\)/g, "")).not.toMatch(/[\u4e00-\u9fa5]/);
  return result;
}

function moved(result: TaskResult, to: TaskState) {
  expect(result.ok, result.ok ? "" : result.message.en).toBe(true);
  if (!result.ok) return;
  expect(result.state).toBe(to);
  return result;
}

const otherStates = (allowed: readonly TaskState[]) => TASK_STATES.filter((s) => !allowed.includes(s));

describe("签收 acknowledge", () => {
  it("moves an assigned task to acknowledged for the lead department's reporter", () => {
    const r = moved(acknowledge(task("assigned"), LEAD, { on: ON }), "acknowledged");
    expect(r).toMatchObject({ action: "acknowledge", from: "assigned" });
  });

  it("refuses a co-operating department, naming the rule", () => {
    const r = refused(acknowledge(task("assigned"), CO, { on: ON }), "forbidden", "co_department");
    expect(r?.message.zh).toBe("配合单位不能签收任务：该任务由牵头单位办理");
    expect(r?.state).toBe("assigned");
  });

  it("refuses another department's reporter, a planner, an admin and a leader", () => {
    refused(acknowledge(task("assigned"), OTHER, { on: ON }), "forbidden", "not_lead");
    for (const actor of [PLANNER, ADMIN, LEADER]) {
      refused(acknowledge(task("assigned"), actor, { on: ON }), "forbidden", "lead_reporter_only");
    }
  });

  it.each(otherStates(["assigned"]))("refuses a task that is %s, naming its state", (state) => {
    const r = refused(acknowledge(task(state), LEAD, { on: ON }), "bad_state", "not_acknowledge_state");
    expect(r?.state).toBe(state);
    expect(r?.message.zh).toContain("只有“已交办”的任务可以签收");
  });

  it("refuses a day that is not a date", () => {
    expect(
      refused(acknowledge(task("assigned"), LEAD, { on: "2020-02-30" }), "bad_input", "bad_date")?.field,
    ).toBe("on");
  });
});

describe("进展报送 report progress", () => {
  const report = { on: ON, progress: "完成招标文件编制" };

  it.each(["acknowledged", "in_progress"] as const)("moves a task that is %s to in progress", (state) => {
    moved(reportProgress(task(state), LEAD, report), "in_progress");
  });

  it("marks milestones done with their dates", () => {
    const r = moved(
      reportProgress(task("in_progress"), LEAD, {
        ...report,
        milestonesDone: [{ milestoneId: 1, doneOn: "2020-05-08" }],
      }),
      "in_progress",
    );
    expect(r && "milestonesDone" in r && r.milestonesDone).toEqual([
      { milestoneId: 1, doneOn: "2020-05-08" },
    ]);
    expect(r?.summary.zh).toBe("报送进展，节点‘6月底前完成招标’报完成");
  });

  it.each(otherStates(["acknowledged", "in_progress"]))("refuses a task that is %s", (state) => {
    expect(
      refused(reportProgress(task(state), LEAD, report), "bad_state", "not_report_progress_state")?.state,
    ).toBe(state);
  });

  it("refuses a co-operating department and a planner", () => {
    refused(reportProgress(task("in_progress"), CO, report), "forbidden", "co_department");
    refused(reportProgress(task("in_progress"), PLANNER, report), "forbidden", "lead_reporter_only");
  });

  it.each([
    ["no progress text", { progress: "  " }, "progress_required", "progress"],
    ["a percent over 100", { percent: 120 }, "bad_percent", "percent"],
    ["a negative percent", { percent: -1 }, "bad_percent", "percent"],
    [
      "an unknown milestone",
      { milestonesDone: [{ milestoneId: 99, doneOn: ON }] },
      "unknown_milestone",
      "milestonesDone[0].milestoneId",
    ],
    [
      "a milestone twice",
      {
        milestonesDone: [
          { milestoneId: 1, doneOn: ON },
          { milestoneId: 1, doneOn: ON },
        ],
      },
      "milestone_twice",
      "milestonesDone[1].milestoneId",
    ],
    [
      "a done date after the report",
      { milestonesDone: [{ milestoneId: 1, doneOn: "2020-05-11" }] },
      "done_in_future",
      "milestonesDone[0].doneOn",
    ],
    [
      "a done date that is no date",
      { milestonesDone: [{ milestoneId: 1, doneOn: "5月8日" }] },
      "bad_date",
      "milestonesDone[0].doneOn",
    ],
  ])("refuses %s", (_what, change, rule, field) => {
    expect(
      refused(reportProgress(task("in_progress"), LEAD, { ...report, ...change }), "bad_input", rule)?.field,
    ).toBe(field);
  });

  it("refuses a milestone already done", () => {
    const t = task("in_progress", {
      milestones: [{ id: 1, name: "6月底前完成招标", due: "2020-06-30", doneOn: "2020-04-01" }],
    });
    refused(
      reportProgress(t, LEAD, { ...report, milestonesDone: [{ milestoneId: 1, doneOn: ON }] }),
      "bad_input",
      "milestone_already_done",
    );
  });
});

describe("办结申请 request close", () => {
  const allDone = [
    { milestoneId: 1, doneOn: "2020-05-01" },
    { milestoneId: 2, doneOn: "2020-05-09" },
  ];
  const request = { on: ON, evidence: "竣工验收报告已报送", milestonesDone: allDone };

  it("moves a task in progress to close requested, with evidence", () => {
    moved(requestClose(task("in_progress"), LEAD, request), "close_requested");
    moved(requestClose(task("in_progress"), LEAD, { ...request, attachmentIds: [3, 4] }), "close_requested");
  });

  it("accepts milestones marked done before", () => {
    const t = task("in_progress", {
      milestones: [{ id: 1, name: "招标", due: "2020-06-30", doneOn: "2020-04-01" }],
    });
    moved(requestClose(t, LEAD, { on: ON, evidence: "已完成" }), "close_requested");
  });

  it("refuses a request without evidence", () => {
    expect(
      refused(
        requestClose(task("in_progress"), LEAD, { ...request, evidence: "" }),
        "bad_input",
        "evidence_required",
      )?.field,
    ).toBe("evidence");
  });

  it("refuses a request while milestones are open, naming them", () => {
    const r = refused(
      requestClose(task("in_progress"), LEAD, {
        on: ON,
        evidence: "已完成",
        milestonesDone: [allDone[0] as never],
      }),
      "bad_input",
      "milestones_open",
    );
    expect(r?.message.zh).toContain("‘年底前竣工’");
  });

  it.each(otherStates(["in_progress"]))("refuses a task that is %s", (state) => {
    refused(requestClose(task(state), LEAD, request), "bad_state", "not_request_close_state");
  });

  it("refuses a co-operating department and a planner", () => {
    refused(requestClose(task("in_progress"), CO, request), "forbidden", "co_department");
    refused(requestClose(task("in_progress"), PLANNER, request), "forbidden", "lead_reporter_only");
  });
});

describe("办结销号 close", () => {
  it.each([PLANNER, ADMIN])("moves a close request to closed for a %o", (actor) => {
    moved(closeTask(task("close_requested"), actor, { on: ON }), "closed");
  });

  it("refuses a reporter — the lead department's too — naming the rule", () => {
    const r = refused(closeTask(task("close_requested"), LEAD, { on: ON }), "forbidden", "planner_only");
    expect(r?.message).toEqual({
      zh: "填报人员不能办结销号：由规划部门办理",
      en: "a reporter cannot close a task: the planning office does",
    });
    refused(closeTask(task("close_requested"), LEADER, { on: ON }), "forbidden", "planner_only");
  });

  it.each(otherStates(["close_requested"]))("refuses a task that is %s, naming its state", (state) => {
    const r = refused(closeTask(task(state), PLANNER, { on: ON }), "bad_state", "not_close_state");
    expect(r?.state).toBe(state);
  });
});

describe("退回 return a close request", () => {
  it("moves a close request back to in progress, with a reason", () => {
    const r = moved(
      returnCloseRequest(task("close_requested"), PLANNER, { on: ON, reason: "证明材料不全" }),
      "in_progress",
    );
    expect(r?.summary.zh).toBe("办结申请被退回：证明材料不全");
  });

  it("refuses without a reason, a reporter, and a task not waiting to close", () => {
    refused(
      returnCloseRequest(task("close_requested"), PLANNER, { on: ON, reason: " " }),
      "bad_input",
      "reason_required",
    );
    refused(
      returnCloseRequest(task("close_requested"), LEAD, { on: ON, reason: "x" }),
      "forbidden",
      "planner_only",
    );
    for (const state of otherStates(["close_requested"])) {
      refused(
        returnCloseRequest(task(state), PLANNER, { on: ON, reason: "x" }),
        "bad_state",
        "not_return_close_state",
      );
    }
  });
});

describe("中止 stop", () => {
  it.each(OPEN_TASK_STATES)("stops a task that is %s, with a reason", (state) => {
    moved(stopTask(task(state), PLANNER, { on: ON, reason: "项目取消" }), "stopped");
  });

  it.each(["closed", "stopped"] as const)("refuses a task that is %s", (state) => {
    refused(stopTask(task(state), PLANNER, { on: ON, reason: "x" }), "bad_state", "not_stop_state");
  });

  it("refuses without a reason, and for a reporter", () => {
    refused(stopTask(task("in_progress"), PLANNER, { on: ON, reason: "" }), "bad_input", "reason_required");
    refused(stopTask(task("in_progress"), LEAD, { on: ON, reason: "x" }), "forbidden", "planner_only");
  });
});

describe("调整申请 request an adjustment", () => {
  const deadline = { on: ON, kind: "deadline" as const, proposedDue: "2021-03-31", reason: "受疫情影响" };
  const milestone = {
    on: ON,
    kind: "milestone" as const,
    milestoneId: 1,
    proposedDue: "2020-09-30",
    reason: "招标流标",
  };
  const content = {
    on: ON,
    kind: "content" as const,
    proposedTitle: "推进南开大学科技园一期建设",
    reason: "分期实施",
  };

  it.each(OPEN_TASK_STATES)("records a proposal with the original while the task is %s", (state) => {
    const r = moved(requestAdjustment(task(state), LEAD, milestone), state);
    expect(r && "adjustment" in r && r.adjustment).toEqual({
      kind: "milestone",
      milestoneId: 1,
      original: "2020-06-30",
      proposed: "2020-09-30",
      reason: "招标流标",
    });
  });

  it("takes a deadline, a milestone date or the content, from the lead department or a planner", () => {
    for (const input of [deadline, milestone, content]) {
      moved(requestAdjustment(task("in_progress"), LEAD, input), "in_progress");
      moved(requestAdjustment(task("in_progress"), PLANNER, input), "in_progress");
    }
  });

  it.each(["closed", "stopped"] as const)("refuses any adjustment of a task that is %s", (state) => {
    const r = refused(
      requestAdjustment(task(state), LEAD, deadline),
      "bad_state",
      "not_request_adjustment_state",
    );
    expect(r?.state).toBe(state);
  });

  it("refuses a co-operating department", () => {
    refused(requestAdjustment(task("in_progress"), CO, deadline), "forbidden", "co_department");
  });

  it("refuses a milestone date after the task's deadline, naming both", () => {
    const r = refused(
      requestAdjustment(task("in_progress"), LEAD, { ...milestone, proposedDue: "2021-01-15" }),
      "bad_input",
      "milestone_after_deadline",
    );
    expect(r?.message.zh).toBe("节点‘6月底前完成招标’的时间2021年1月15日晚于任务的完成时限2020年12月31日");
  });

  it("refuses a deadline brought before an open milestone", () => {
    refused(
      requestAdjustment(task("in_progress"), LEAD, { ...deadline, proposedDue: "2020-06-01" }),
      "bad_input",
      "milestone_after_deadline",
    );
  });

  it.each([
    ["no reason", { ...deadline, reason: "" }, "reason_required"],
    ["no change of deadline", { ...deadline, proposedDue: "2020-12-31" }, "no_change"],
    ["no date", { ...deadline, proposedDue: "明年" }, "bad_date"],
    ["an unknown milestone", { ...milestone, milestoneId: 5 }, "unknown_milestone"],
    ["no change of milestone", { ...milestone, proposedDue: "2020-06-30" }, "no_change"],
    ["empty content", { ...content, proposedTitle: " " }, "content_required"],
    ["the same content", { ...content, proposedTitle: "推进南开大学科技园建设" }, "no_change"],
  ])("refuses %s", (_what, input, rule) => {
    refused(requestAdjustment(task("in_progress"), LEAD, input), "bad_input", rule);
  });

  it("refuses moving a milestone already done", () => {
    const t = task("in_progress", {
      milestones: [{ id: 1, name: "6月底前完成招标", due: "2020-06-30", doneOn: "2020-05-01" }],
    });
    refused(requestAdjustment(t, LEAD, milestone), "bad_input", "milestone_already_done");
  });
});

describe("审批调整 decide an adjustment", () => {
  const pending: AdjustmentFacts = {
    id: 11,
    kind: "deadline",
    milestoneId: null,
    original: "2020-06-30",
    proposed: "2020-09-30",
    reason: "受疫情影响",
    state: "pending",
  };
  const t = task("in_progress", { deadline: "2020-06-30", milestones: [] });

  it("approves, telling what to write and keeping the original in words", () => {
    const r = decideAdjustment(t, pending, PLANNER, { on: ON, decision: "approved" });
    expect(r).toMatchObject({
      ok: true,
      state: "in_progress",
      adjustmentId: 11,
      apply: { kind: "deadline", deadline: "2020-09-30" },
      record: {
        zh: "原定6月30日，经批准调整为9月30日",
        en: "originally 30 June, changed to 30 September with approval",
      },
    });
  });

  it("approves a milestone and a content adjustment", () => {
    const m = decideAdjustment(
      task("in_progress"),
      { ...pending, kind: "milestone", milestoneId: 1, original: "2020-06-30", proposed: "2020-09-30" },
      PLANNER,
      { on: ON, decision: "approved" },
    );
    expect(m).toMatchObject({ ok: true, apply: { kind: "milestone", milestoneId: 1, due: "2020-09-30" } });
    const c = decideAdjustment(
      task("in_progress"),
      { ...pending, kind: "content", original: "推进南开大学科技园建设", proposed: "推进一期建设" },
      PLANNER,
      { on: ON, decision: "approved" },
    );
    expect(c).toMatchObject({ ok: true, apply: { kind: "content", title: "推进一期建设" } });
  });

  it("refuses with an opinion, writing nothing on the task", () => {
    const r = decideAdjustment(t, pending, PLANNER, { on: ON, decision: "refused", opinion: "理由不充分" });
    expect(r).toMatchObject({ ok: true, decision: "refused", apply: null });
    refused(
      decideAdjustment(t, pending, PLANNER, { on: ON, decision: "refused" }),
      "bad_input",
      "opinion_required",
    );
  });

  it("refuses a reporter, a decided adjustment, and a closed or stopped task", () => {
    refused(
      decideAdjustment(t, pending, LEAD, { on: ON, decision: "approved" }),
      "forbidden",
      "planner_only",
    );
    refused(
      decideAdjustment(t, { ...pending, state: "approved" }, PLANNER, { on: ON, decision: "approved" }),
      "bad_state",
      "adjustment_decided",
    );
    for (const state of ["closed", "stopped"] as const) {
      refused(
        decideAdjustment({ ...t, state }, pending, PLANNER, { on: ON, decision: "approved" }),
        "bad_state",
        "not_decide_adjustment_state",
      );
    }
  });

  it("checks the dates again against the task as it is now", () => {
    // The deadline moved to 2020-08-31 since the milestone's adjustment was asked.
    const now = task("in_progress", { deadline: "2020-08-31" });
    refused(
      decideAdjustment(
        now,
        { ...pending, kind: "milestone", milestoneId: 1, original: "2020-06-30", proposed: "2020-09-30" },
        PLANNER,
        { on: ON, decision: "approved" },
      ),
      "bad_input",
      "milestone_after_deadline",
    );
  });

  it("says the record in words, with years when they differ", () => {
    expect(adjustmentRecord("deadline", "2020-12-31", "2021-03-31")).toEqual({
      zh: "原定2020年12月31日，经批准调整为2021年3月31日",
      en: "originally 31 December 2020, changed to 31 March 2021 with approval",
    });
    expect(adjustmentRecord("deadline", null, "2020-09-30").zh).toBe("原无完成时限，经批准定为9月30日");
    expect(adjustmentRecord("deadline", "2020-06-30", "2020-09-30", "refused").zh).toBe(
      "原定6月30日，申请调整为9月30日，未获批准",
    );
    expect(adjustmentRecord("content", "旧", "新").zh).toBe("原为“旧”，经批准调整为“新”");
  });
});

describe("the editor's milestone check and the one error type", () => {
  it("refuses a milestone after the deadline, a nameless one and a bad date, naming the field", () => {
    const t = task("assigned");
    expect(checkMilestoneDates(t, "2020-12-31", [{ name: "招标", due: "2020-06-30" }])).toBeNull();
    expect(checkMilestoneDates(t, null, [{ name: "招标", due: "2030-06-30" }])).toBeNull();
    expect(checkMilestoneDates(t, "2020-06-30", [{ name: "竣工", due: "2020-12-31" }])).toMatchObject({
      rule: "milestone_after_deadline",
      field: "milestones[0].due",
    });
    expect(checkMilestoneDates(t, "2020-12-31", [{ name: "", due: "2020-06-30" }])?.rule).toBe(
      "milestone_name_required",
    );
    expect(checkMilestoneDates(t, "2020-12-31", [{ name: "x", due: "6月底" }])?.rule).toBe("bad_date");
  });

  it("turns a bad_state refusal into a conflict naming the state, the others into their own code", () => {
    const r = closeTask(task("in_progress"), PLANNER, { on: ON });
    if (r.ok) throw new Error("expected a refusal");
    const e = refusalError(r);
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe("conflict");
    expect(e.details).toEqual({ rule: "not_close_state", state: "in_progress" });
    expect(e.messageIn("en")).toBe(
      "the task is in progress; only a task that is close requested can be closed",
    );
    const f = closeTask(task("close_requested"), LEAD, { on: ON });
    if (f.ok) throw new Error("expected a refusal");
    expect(refusalError(f).code).toBe("forbidden");
  });
});

describe("the gate table: one state machine for the transitions and the buttons", () => {
  it("offers each person the steps they may take now", () => {
    expect(allowedTaskActions(task("assigned"), LEAD)).toEqual(["acknowledge", "request_adjustment"]);
    expect(allowedTaskActions(task("assigned"), CO)).toEqual([]);
    expect(allowedTaskActions(task("in_progress"), LEAD)).toEqual([
      "report_progress",
      "request_close",
      "request_adjustment",
    ]);
    expect(allowedTaskActions(task("close_requested"), LEAD)).toEqual(["request_adjustment"]);
    expect(allowedTaskActions(task("close_requested"), PLANNER)).toEqual([
      "close",
      "return_close",
      "stop",
      "request_adjustment",
      "decide_adjustment",
    ]);
    expect(allowedTaskActions(task("closed"), PLANNER)).toEqual([]);
    expect(allowedTaskActions(task("stopped"), LEAD)).toEqual([]);
    expect(allowedTaskActions(task("in_progress"), LEADER)).toEqual([]);
  });
});
