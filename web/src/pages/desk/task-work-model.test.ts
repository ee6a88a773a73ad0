import { describe, expect, it } from "vitest";
import type { TaskMilestoneView, TaskProgressReportView, TaskView } from "../../../../src/contract/tasks.ts";
import { taskView } from "../tasks/task-fixtures.ts";
import {
  adjustBody,
  cardActions,
  closeBody,
  deskCounts,
  deskFold,
  fileProblem,
  initialAdjustForm,
  initialTicks,
  MAX_UPLOAD_BYTES,
  nextMilestone,
  periodChoices,
  progressBody,
  taskAttachments,
  tickProblems,
} from "./task-work-model.ts";

const milestone = (id: number, due: string, doneOn: string | null = null): TaskMilestoneView => ({
  id,
  name: `节点${id}`,
  due,
  doneOn,
  originalDue: null,
  adjustment: null,
});

/** An assigned task of 区文旅局 with 区住建委 co-operating, two open milestones and a deadline. */
const task = (over: Partial<TaskView> = {}): TaskView =>
  taskView({
    id: 1,
    planId: 9,
    nodeId: 100,
    path: [{ id: 10, title: "一、领域" }],
    title: "建成南开美术馆",
    start: null,
    end: null,
    leadDepartment: { id: 5, name: "区文旅局" },
    coDepartments: [{ id: 6, name: "区住建委" }],
    deadline: "2020-12-31",
    milestones: [milestone(1, "2020-06-30"), milestone(2, "2020-09-30")],
    frequency: "monthly",
    status: "unacknowledged",
    working: { zh: "交办后3个工作日未签收", en: "not acknowledged" },
    assignedOn: "2020-03-02",
    ...over,
  });

const reporter = (departmentId: number | null) => ({ role: "reporter" as const, departmentId });

describe("desk card actions", () => {
  it("offers 签收 to the lead department's reporter of an assigned task, and nothing to a co-operating one", () => {
    expect(cardActions(task(), reporter(5))).toEqual(["acknowledge", "request_adjustment"]);
    expect(cardActions(task(), reporter(6))).toEqual([]);
    expect(cardActions(task(), reporter(7))).toEqual([]);
    expect(cardActions(task(), null)).toEqual([]);
  });

  it("follows the state: progress once acknowledged, closing once in progress, nothing when closed", () => {
    expect(cardActions(task({ state: "acknowledged" }), reporter(5))).toEqual([
      "report_progress",
      "request_adjustment",
    ]);
    expect(cardActions(task({ state: "in_progress" }), reporter(5))).toEqual([
      "report_progress",
      "request_close",
      "request_adjustment",
    ]);
    expect(cardActions(task({ state: "closed" }), reporter(5))).toEqual([]);
  });

  it("gives planners the decisions and never the lead department's steps", () => {
    const planner = { role: "planner" as const, departmentId: null };
    expect(cardActions(task({ state: "close_requested" }), planner)).toEqual([
      "close",
      "return_close",
      "stop",
      "request_adjustment",
      "decide_adjustment",
    ]);
  });
});

describe("desk summaries", () => {
  it("counts the lights in the desk's order and leaves out those at zero", () => {
    const tasks = [task({ status: "on_track" }), task({ status: "overdue" }), task({ status: "overdue" })];
    expect(deskCounts(tasks)).toEqual([
      { light: "overdue", count: 2 },
      { light: "on_track", count: 1 },
    ]);
  });

  it("shows what needs the department and folds the calm ones away, unless nothing is urgent", () => {
    const calm = [task({ id: 1, status: "on_track" }), task({ id: 2, status: "closed" })];
    const urgent = [task({ id: 3, status: "not_reported" }), task({ id: 4, status: "due_soon" })];
    const fold = deskFold([...calm, ...urgent]);
    expect(fold.shown.map((t) => t.id)).toEqual([3, 4]);
    expect(fold.folded.map((t) => t.id)).toEqual([1, 2]);
    expect(deskFold(calm)).toEqual({ shown: calm, folded: [] });
  });

  it("finds the earliest open milestone", () => {
    expect(
      nextMilestone([
        milestone(1, "2020-06-30", "2020-06-01"),
        milestone(3, "2020-09-30"),
        milestone(2, "2020-08-31"),
      ])?.id,
    ).toBe(2);
    expect(nextMilestone([milestone(1, "2020-06-30", "2020-06-01")])).toBeNull();
  });
});

describe("periods a report may be for", () => {
  it("goes back across the year's turn, monthly and quarterly", () => {
    expect(periodChoices("2021-02-10", "monthly")).toEqual(["2021-02", "2021-01", "2020-12"]);
    expect(periodChoices("2021-02-10", "quarterly")).toEqual(["2021-Q1", "2020-Q4", "2020-Q3"]);
    expect(periodChoices("2020-11-30", "quarterly", null, 1)).toEqual(["2020-Q4"]);
  });

  it("stays inside the plan: its last periods after its end, none before its start", () => {
    const plan = { periodStart: "2020-01-01", periodEnd: "2020-12-31" };
    expect(periodChoices("2026-12-02", "monthly", plan)).toEqual(["2020-12", "2020-11", "2020-10"]);
    expect(periodChoices("2020-02-10", "monthly", plan)).toEqual(["2020-02", "2020-01"]);
    expect(periodChoices("2019-11-10", "quarterly", plan)).toEqual(["2020-Q1"]);
    expect(periodChoices("2020-08-10", "quarterly", plan, 5)).toEqual(["2020-Q3", "2020-Q2", "2020-Q1"]);
  });
});

describe("milestones ticked done", () => {
  const today = "2020-07-15";

  it("offers only the open milestones, dated today", () => {
    const ticks = initialTicks([milestone(1, "2020-06-30", "2020-06-20"), milestone(2, "2020-09-30")], today);
    expect(ticks).toEqual([
      { milestoneId: 2, name: "节点2", due: "2020-09-30", checked: false, doneOn: today },
    ]);
  });

  it("refuses a day after today or not a day at all, for ticked ones only", () => {
    const tick = (milestoneId: number, checked: boolean, doneOn: string) => ({
      milestoneId,
      name: `节点${milestoneId}`,
      due: "2020-09-30",
      checked,
      doneOn,
    });
    const ticks = [tick(1, true, "2020-07-16"), tick(2, true, ""), tick(3, false, ""), tick(4, true, today)];
    expect(tickProblems(ticks, today)).toEqual(["future", "date", null, null]);
  });
});

describe("the progress body", () => {
  const today = "2020-07-15";
  const form = { period: "2020-07", progress: "  完成招标  ", problems: " ", nextSteps: "开工", percent: 40 };

  it("trims the texts, sends empty ones as null and the ticked milestones with their days", () => {
    const ticks = initialTicks([milestone(1, "2020-06-30"), milestone(2, "2020-09-30")], today).map((t, i) =>
      i === 0 ? { ...t, checked: true, doneOn: "2020-07-01" } : t,
    );
    expect(progressBody(form, ticks, today)).toEqual({
      ok: true,
      body: {
        period: "2020-07",
        progress: "完成招标",
        problems: null,
        nextSteps: "开工",
        percent: 40,
        milestonesDone: [{ milestoneId: 1, doneOn: "2020-07-01" }],
      },
    });
  });

  it("names every problem at once: no progress, a percent out of range, a milestone done tomorrow", () => {
    const ticks = [{ milestoneId: 1, name: "x", due: "2020-06-30", checked: true, doneOn: "2020-07-16" }];
    expect(progressBody({ ...form, progress: " ", percent: 120 }, ticks, today)).toEqual({
      ok: false,
      problems: ["progress", "percent", "milestone"],
    });
  });

  it("leaves the percent out when not given and sends no milestones when none is ticked", () => {
    const checked = progressBody({ ...form, percent: null }, [], today);
    expect(checked.ok && checked.body).toMatchObject({ percent: null });
    expect(checked.ok && "milestonesDone" in checked.body).toBe(false);
  });
});

describe("the close request body", () => {
  const today = "2020-12-20";
  const ticks = initialTicks([milestone(1, "2020-06-30"), milestone(2, "2020-09-30", "2020-09-01")], today);

  it("refuses while a milestone would stay open, and without evidence", () => {
    expect(closeBody("", [], ticks, today)).toEqual({ ok: false, problems: ["evidence", "milestones_open"] });
  });

  it("sends the evidence, the files cited and the milestones done with it", () => {
    const done = ticks.map((t) => ({ ...t, checked: true, doneOn: "2020-12-01" }));
    expect(closeBody(" 已建成开放 ", [7, 8], done, today)).toEqual({
      ok: true,
      body: {
        evidence: "已建成开放",
        attachmentIds: [7, 8],
        milestonesDone: [{ milestoneId: 1, doneOn: "2020-12-01" }],
      },
    });
  });

  it("lists the files uploaded before, newest report first", () => {
    const file = (id: number, reportId: number) => ({
      id,
      reportId,
      revision: 1,
      fileName: `${id}.pdf`,
      mediaType: "application/pdf",
      byteSize: 10,
      sha256: "x",
      uploadedBy: null,
      createdAt: "2020-01-01T00:00:00Z",
    });
    const report = (
      id: number,
      on: string,
      attachments: ReturnType<typeof file>[],
    ): TaskProgressReportView => ({
      id,
      taskId: 1,
      on,
      period: on.slice(0, 7),
      progress: "进展",
      problems: null,
      nextSteps: null,
      percent: null,
      by: { id: 3, username: "rpt", displayName: "填报人" },
      milestonesDone: [],
      attachments,
    });
    const ids = taskAttachments({
      progressReports: [
        report(1, "2020-05-01", [file(11, 1)]),
        report(2, "2020-06-01", [file(21, 2), file(22, 2)]),
      ],
    }).map((a) => a.id);
    expect(ids).toEqual([21, 22, 11]);
  });
});

describe("files picked for upload", () => {
  it("takes the server's kinds up to 10 MB and nothing empty", () => {
    expect(fileProblem("现场照片.JPG", 1000)).toBeNull();
    expect(fileProblem("验收报告.pdf", MAX_UPLOAD_BYTES)).toBeNull();
    expect(fileProblem("验收报告.pdf", MAX_UPLOAD_BYTES + 1)).toBe("too_large");
    expect(fileProblem("程序.exe", 10)).toBe("type");
    expect(fileProblem("旧表.xls", 10)).toBe("type");
    expect(fileProblem("空.txt", 0)).toBe("empty");
  });
});

describe("the adjustment body", () => {
  const t = task({
    state: "in_progress",
    milestones: [milestone(1, "2020-06-30"), milestone(2, "2020-09-30", "2020-09-01")],
  });

  it("starts from the task as it stands, so an unchanged form is no change", () => {
    const form = { ...initialAdjustForm(t), reason: "资金未到位" };
    expect(form.milestoneId).toBe(1);
    expect(adjustBody(form, t)).toEqual({ ok: false, problems: ["no_change"] });
  });

  it("asks for a deadline with its reason; a deadline before an open milestone is refused", () => {
    const form = { ...initialAdjustForm(t), reason: " 资金未到位 " };
    expect(adjustBody({ ...form, proposedDue: "2021-03-31" }, t)).toEqual({
      ok: true,
      body: { kind: "deadline", proposedDue: "2021-03-31", reason: "资金未到位" },
    });
    expect(adjustBody({ ...form, proposedDue: "2020-05-31" }, t)).toEqual({
      ok: false,
      problems: ["after_deadline"],
    });
    expect(adjustBody({ ...form, proposedDue: "2021-02-30", reason: "" }, t)).toEqual({
      ok: false,
      problems: ["reason", "date"],
    });
  });

  it("moves an open milestone, not a done one, and not past the deadline", () => {
    const form = { ...initialAdjustForm(t), kind: "milestone" as const, reason: "征收延后" };
    expect(adjustBody({ ...form, milestoneId: 1, proposedDue: "2020-09-30" }, t)).toEqual({
      ok: true,
      body: { kind: "milestone", milestoneId: 1, proposedDue: "2020-09-30", reason: "征收延后" },
    });
    expect(adjustBody({ ...form, milestoneId: 2, proposedDue: "2020-10-31" }, t)).toEqual({
      ok: false,
      problems: ["milestone"],
    });
    expect(adjustBody({ ...form, milestoneId: 1, proposedDue: "2021-01-31" }, t)).toEqual({
      ok: false,
      problems: ["after_deadline"],
    });
  });

  it("changes the wording only to something new", () => {
    const form = { ...initialAdjustForm(t), kind: "content" as const, reason: "按区政府要求" };
    expect(adjustBody({ ...form, proposedTitle: ` ${t.title} ` }, t)).toEqual({
      ok: false,
      problems: ["no_change"],
    });
    expect(adjustBody({ ...form, proposedTitle: "" }, t)).toEqual({ ok: false, problems: ["title"] });
    expect(adjustBody({ ...form, proposedTitle: "建成南开美术馆并对外开放" }, t)).toEqual({
      ok: true,
      body: { kind: "content", proposedTitle: "建成南开美术馆并对外开放", reason: "按区政府要求" },
    });
  });
});
