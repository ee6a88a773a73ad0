import { describe, expect, it } from "vitest";
import type { DueItem } from "../../../../src/contract/reminders.ts";
import type {
  PeriodView,
  ReportRevisionView,
  ReportSubjectRef,
  ReportView,
} from "../../../../src/contract/reports.ts";
import { ApiError } from "../../api/client.ts";
import { compareRevisions } from "../../format/revision-fields.ts";
import {
  checkValue,
  confirmationFromRevision,
  confirmationProblem,
  conflictOf,
  deskPath,
  findingText,
  formFromRevision,
  implausibleOf,
  parseNumber,
  previousReport,
  previousValue,
  reportMode,
  saveBody,
  sortDue,
} from "./report-model.ts";

const jobs: ReportSubjectRef = {
  kind: "target",
  id: 7,
  title: "新增就业",
  display: "新增就业4万人",
  statement: "新增就业4万人",
  targetKind: "cumulative",
  unit: "人",
  displayUnit: "万人",
};

const period = (index: number): PeriodView => ({
  key: `2020-${String(index).padStart(2, "0")}`,
  start: `2020-${String(index).padStart(2, "0")}-01`,
  end: `2020-${String(index).padStart(2, "0")}-28`,
  due: `2020-${String(index + 1).padStart(2, "0")}-05`,
  elapsedShare: index / 12,
  index,
});

const revision = (over: Partial<ReportRevisionView>): ReportRevisionView => ({
  revision: 1,
  state: "submitted",
  value: null,
  percent: null,
  statusWord: null,
  progress: "",
  problems: "",
  nextSteps: "",
  returnReason: null,
  author: null,
  createdAt: "2020-05-01T00:00:00Z",
  submittedAt: null,
  approvedAt: null,
  warnings: [],
  ...over,
});

const report = (index: number, latest: Partial<ReportRevisionView>, approved?: number): ReportView => ({
  id: index,
  planId: 1,
  subject: jobs,
  period: period(index),
  department: { id: 3, name: "区人社局" },
  state: latest.state ?? "submitted",
  latest: revision(latest),
  approved: approved === undefined ? null : revision({ state: "approved", value: approved }),
  revisionCount: 1,
  dueDate: period(index).due,
  late: false,
  firstSubmittedAt: null,
  updatedAt: "2020-05-01T00:00:00Z",
  warnings: [],
});

describe("the reporter's desk", () => {
  it("asks targets for a value, milestones and items for a percent, tasks for a status word", () => {
    expect(reportMode(jobs)).toBe("value");
    expect(reportMode({ kind: "target", targetKind: "milestone" })).toBe("percent");
    expect(reportMode({ kind: "item", targetKind: null })).toBe("percent");
    expect(reportMode({ kind: "node", targetKind: null })).toBe("statusWord");
  });

  it("reads numbers as people type them", () => {
    expect(parseNumber(" 1.25 ")).toBe(1.25);
    expect(parseNumber("１２３．４")).toBe(123.4);
    expect(parseNumber("1,234")).toBe(1234);
    expect(parseNumber(".5")).toBe(0.5);
    for (const bad of ["", "abc", "1.2.3", "3万万", "1e5"]) expect(parseNumber(bad), bad).toBeNull();
    // 万 and 亿 after the number, read in the field's unit.
    expect(parseNumber("4万")).toBe(40000);
    expect(parseNumber("４万人", "人")).toBe(40000);
    expect(parseNumber("3万", "万人")).toBe(3);
    expect(parseNumber("5000万", "亿元")).toBe(0.5);
    expect(parseNumber("1.2亿", "万元")).toBe(12000);
  });

  it("checks the value as it is typed", () => {
    const base = { mode: "value" as const, cumulative: true, previous: 1.5, note: "", required: true };
    expect(checkValue({ ...base, text: "" }).problem).toBe("required");
    expect(checkValue({ ...base, text: "", required: false }).problem).toBeNull();
    expect(checkValue({ ...base, text: "x" }).problem).toBe("notNumber");
    expect(checkValue({ ...base, text: "-1", previous: null }).problem).toBe("negative");
    expect(checkValue({ ...base, text: "1.2" }).problem).toBe("belowPrevious");
    const noted = checkValue({ ...base, text: "1.2", note: "统计口径调整" });
    expect(noted).toEqual({ value: 1.2, problem: null, belowPreviousNoted: true });
    // Filler is no reason for a fall, as on the server.
    for (const note of ["无", "无。", "没有", "暂无", "同上", "-"])
      expect(checkValue({ ...base, text: "1.2", note }).problem, note).toBe("belowPrevious");
    expect(checkValue({ ...base, text: "1.6" })).toEqual({
      value: 1.6,
      problem: null,
      belowPreviousNoted: false,
    });
    // Levels and rates may fall.
    expect(checkValue({ ...base, cumulative: false, text: "1.2" }).problem).toBeNull();
    expect(checkValue({ ...base, mode: "percent", text: "120" }).problem).toBe("percentRange");
    expect(checkValue({ ...base, mode: "statusWord", text: "" }).problem).toBeNull();
  });

  it("finds the previous period's value: approved first, never a draft", () => {
    const reports = [
      report(2, { state: "approved", value: 10000 }, 10000),
      report(3, { state: "draft", value: 99999 }),
      report(4, { state: "submitted", value: 20000 }),
    ];
    expect(previousValue(reports, period(4))).toMatchObject({ value: 10000, approved: true });
    expect(previousValue(reports, period(5))).toMatchObject({ value: 20000, approved: false });
    expect(previousValue(reports, period(2))).toBeNull();
    // A resubmission after approval: the approved value still counts first.
    expect(previousValue([report(3, { state: "submitted", value: 5 }, 30000)], period(4))?.value).toBe(30000);
  });

  it("finds the previous period's whole report, texts included, approved before submitted", () => {
    const reports = [
      report(2, { state: "approved", value: 10000, progress: "二月进展" }, 10000),
      report(3, { state: "draft", value: 99999, progress: "草稿" }),
      report(4, { state: "returned", value: 20000, progress: "四月被退回" }),
    ];
    const third = previousReport(reports, period(3));
    expect(third?.period.key).toBe("2020-02");
    expect(third?.approved).toBe(true);
    // The draft of March is skipped: nobody but its author has seen it.
    expect(previousReport(reports, period(4))?.period.key).toBe("2020-02");
    const fifth = previousReport(reports, period(5));
    expect(fifth).toMatchObject({ approved: false, revision: { progress: "四月被退回", value: 20000 } });
    expect(previousReport(reports, period(1))).toBeNull();
  });

  it("shows values in the plan's unit and sends them in the base unit", () => {
    const form = formFromRevision(revision({ value: 15000, progress: "进展" }), jobs);
    expect(form.valueText).toBe("1.5");
    const body = saveBody({ ...form, valueText: "1.75", problems: " 无 " }, jobs, 3, true);
    expect(body).toEqual({
      baseRevision: 3,
      value: 17500,
      progress: "进展",
      problems: "无",
      nextSteps: "",
      submit: true,
    });
    const task: ReportSubjectRef = { ...jobs, kind: "node", targetKind: null, unit: null, displayUnit: null };
    expect(saveBody({ ...form, statusWord: "推进中" }, task, null, false)).toMatchObject({
      statusWord: "推进中",
      submit: false,
    });
    expect(saveBody({ ...form, statusWord: "推进中" }, task, null, false)).not.toHaveProperty("value");
  });

  it("reads the newer revision out of a 409", () => {
    const latest = revision({ revision: 5, value: 1 });
    const error = new ApiError(409, {
      code: "conflict",
      message: "stale",
      details: { latest, latestRevision: 5 },
    });
    expect(conflictOf(error)).toEqual({ latest, latestRevision: 5 });
    const row = {
      id: 7,
      report_id: 3,
      revision: 2,
      value: 20,
      percent: null,
      status_word: null,
      progress: "a",
      problems: "",
      next_steps: "n",
      state: "draft",
      return_reason: null,
      author_id: 7,
      created_at: "t",
    };
    const fromRow = conflictOf(
      new ApiError(409, { code: "conflict", message: "", details: { latest: row, latestRevision: 2 } }),
    );
    expect(fromRow?.latest).toMatchObject({
      revision: 2,
      value: 20,
      nextSteps: "n",
      createdAt: "t",
      author: null,
    });
    expect(conflictOf(new ApiError(409, { code: "bad_state", message: "x", details: {} }))).toBeNull();
    expect(conflictOf(new Error("x"))).toBeNull();
  });

  const slip = {
    rule: "ratio_to_target" as const,
    numbers: { value: 4e6, target: 40000, ratio: 100 },
    message: { zh: "填报值是目标值的100倍，请核对单位（万/亿）", en: "the value is 100 times the target" },
  };
  const refused = (details: Record<string, unknown>) =>
    new ApiError(422, { code: "implausible_value", message: "请核对", details });

  it("reads what a 422 found, for the value that was sent", () => {
    const found = implausibleOf(
      refused({ rule: slip.rule, numbers: slip.numbers, findings: [slip] }),
      " 400 ",
    );
    expect(found).toEqual({ valueText: "400", findings: [slip], needsProblems: false });
    expect(findingText(slip, "zh-CN")).toContain("万/亿");
    expect(findingText(slip, "en-US")).toBe("the value is 100 times the target");
    const fall = { ...slip, rule: "cumulative_fall" as const };
    expect(implausibleOf(refused({ findings: [fall], field: "problems" }), "1")?.needsProblems).toBe(true);
    // Not a plausibility refusal: a 400, a 409, a 422 of another kind, junk findings.
    expect(implausibleOf(new ApiError(400, { code: "bad_input", message: "", details: {} }), "1")).toBeNull();
    expect(
      implausibleOf(new ApiError(422, { code: "no_plan_content", message: "", details: {} }), "1"),
    ).toBeNull();
    expect(implausibleOf(refused({ findings: [{ rule: 1 }, null] }), "1")).toBeNull();
    expect(implausibleOf(new Error("x"), "1")).toBeNull();
  });

  it("sends a confirmation only with a reason that says something, and only for its value", () => {
    const found = implausibleOf(refused({ findings: [slip] }), "400");
    if (!found) throw new Error("a finding expected");
    for (const reason of ["", " ", "无", "同上", "-", "暂无。"])
      expect(confirmationProblem(found, reason, ""), reason).toBe("reason");
    expect(confirmationProblem(found, "统计口径调整", "")).toBeNull();
    // A fall alone is explained in 存在问题, with no reason to confirm.
    const fall = { ...found, findings: [{ ...slip, rule: "cumulative_fall" as const }], needsProblems: true };
    expect(confirmationProblem(fall, "", "无")).toBe("problems");
    expect(confirmationProblem(fall, "", "核减重复登记319人")).toBeNull();
    const both = { ...fall, findings: [...found.findings, ...fall.findings] };
    expect(confirmationProblem(both, "", "核减重复登记319人")).toBe("reason");
    expect(confirmationProblem(both, "统计口径调整", "无")).toBe("problems");
    expect(confirmationProblem(both, "统计口径调整", "核减重复登记319人")).toBeNull();

    const form = { ...formFromRevision(revision({ value: 4e6, progress: "进展" }), jobs) };
    expect(form.valueText).toBe("400");
    const confirmation = { valueText: "400", reason: " 统计口径调整 " };
    expect(saveBody(form, jobs, 1, true, confirmation)).toMatchObject({
      value: 4e6,
      confirm: true,
      confirmReason: "统计口径调整",
    });
    // Typed another value since: the confirmation does not cover it.
    const other = saveBody({ ...form, valueText: "4" }, jobs, 1, true, confirmation);
    expect(other).not.toHaveProperty("confirm");
    expect(other).not.toHaveProperty("confirmReason");
  });

  it("takes the confirmation kept with a draft for the value it shows", () => {
    const kept = revision({ value: 4e6, state: "draft", warnings: [{ ...slip, reason: "统计口径调整" }] });
    const form = formFromRevision(kept, jobs);
    expect(confirmationFromRevision(kept, form.valueText)).toEqual({
      valueText: "400",
      reason: "统计口径调整",
    });
    expect(confirmationFromRevision(revision({ value: 4e6 }), "400")).toBeNull();
    // A fall's reason is its 存在问题: nothing to confirm again.
    const fell = revision({ warnings: [{ ...slip, rule: "cumulative_fall", reason: "核减" }] });
    expect(confirmationFromRevision(fell, "400")).toBeNull();
    expect(saveBody(form, jobs, 1, true, { valueText: "400", reason: "" })).not.toHaveProperty("confirm");
    expect(confirmationFromRevision(null, "400")).toBeNull();
  });

  it("puts overdue first, then returned, drafts and coming due", () => {
    const item = (state: DueItem["state"], due: string, id: number): DueItem => ({
      planId: 1,
      planTitle: "p",
      subject: { ...jobs, id },
      department: null,
      period: period(4),
      dueDate: due,
      state,
      daysLeft: 0,
      report: null,
      extension: null,
    });
    const sorted = sortDue([
      item("due", "2020-05-05", 1),
      item("returned", "2020-05-05", 2),
      item("overdue", "2020-05-05", 3),
      item("overdue", "2020-04-05", 4),
      item("draft", "2020-05-05", 5),
    ]);
    expect(sorted.map((i) => i.subject.id)).toEqual([4, 3, 2, 5, 1]);
    expect(deskPath(sorted[0] as DueItem)).toBe("/desk/target/4/2020-04");
  });

  it("compares two revisions field by field, leaving out what neither has", () => {
    const rows = compareRevisions(
      revision({ value: 15000, progress: "a" }),
      revision({ value: 17500, progress: "a", problems: "b" }),
      jobs,
    );
    expect(rows).toEqual([
      { field: "value", before: "1.5万人", after: "1.75万人", changed: true },
      { field: "progress", before: "a", after: "a", changed: false },
      { field: "problems", before: "", after: "b", changed: true },
    ]);
  });
});
