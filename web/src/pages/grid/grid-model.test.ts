import { describe, expect, it } from "vitest";
import type { MonthGridRow } from "../../../../src/contract/month-grid.ts";
import type { ReportRevisionView } from "../../../../src/contract/reports.ts";
import { ApiError } from "../../api/client.ts";
import {
  checkPasses,
  checkRow,
  draftOf,
  isDirty,
  type KeyFacts,
  monthLabel,
  moveOf,
  nextCell,
  previousShown,
  type RowDraft,
  refusalFindings,
  refusedRows,
  rowKey,
  rowSave,
  rowsToSend,
} from "./grid-model.ts";

function revision(fields: Partial<ReportRevisionView>): ReportRevisionView {
  return {
    revision: 1,
    state: "draft",
    value: null,
    percent: null,
    statusWord: null,
    progress: "",
    problems: "",
    nextSteps: "",
    returnReason: null,
    author: null,
    createdAt: "2020-07-02T08:00:00Z",
    submittedAt: null,
    approvedAt: null,
    warnings: [],
    ...fields,
  };
}

/** 新增就业4万人, typed in 万人; last period 1.5万人 submitted. */
function jobsRow(fields: Partial<MonthGridRow> = {}): MonthGridRow {
  return {
    planId: 1,
    planTitle: "南开区2020年计划",
    subject: {
      kind: "target",
      id: 7,
      title: "新增就业",
      display: "新增就业4万人",
      statement: "新增就业4万人",
      targetKind: "cumulative",
      unit: "人",
      displayUnit: "万人",
    },
    period: {
      key: "2020-06",
      start: "2020-06-01",
      end: "2020-06-30",
      due: "2020-07-05",
      elapsedShare: 0.5,
      index: 6,
    },
    dueDate: "2020-07-05",
    state: "overdue",
    report: null,
    latest: null,
    returnReason: null,
    previous: { period: "2020-05", value: 15000, percent: null, progress: "五月", approved: false },
    goal: { value: 40000, value2: null },
    taskState: null,
    editable: true,
    lockedReason: null,
    ...fields,
  };
}

function taskRow(fields: Partial<MonthGridRow> = {}): MonthGridRow {
  return jobsRow({
    subject: {
      kind: "node",
      id: 30,
      title: "推进水厂南BC地块出让",
      display: null,
      statement: null,
      targetKind: null,
      unit: null,
      displayUnit: null,
    },
    previous: null,
    goal: null,
    taskState: "acknowledged",
    ...fields,
  });
}

const typed = (row: MonthGridRow, patch: Partial<RowDraft>): RowDraft => ({ ...draftOf(row), ...patch });

describe("month grid rows", () => {
  it("fill a row from its revision in the unit shown, and send it back in the base unit", () => {
    const row = jobsRow({
      report: { id: 5, state: "draft", revision: 2 },
      latest: revision({ revision: 2, value: 21000, progress: "新增2.1万人" }),
    });
    const draft = draftOf(row);
    expect(draft.valueText).toBe("2.1");
    expect(isDirty(draft, row)).toBe(false);
    expect(isDirty({ ...draft, valueText: "2.2" }, row)).toBe(true);
    expect(rowSave(row, { ...draft, valueText: "２.２" })).toEqual({
      kind: "target",
      id: 7,
      period: "2020-06",
      baseRevision: 2,
      value: 22000,
      progress: "新增2.1万人",
      problems: "",
      nextSteps: "",
    });
    expect(previousShown(row)).toBe("1.5万人");
  });

  it("give a task its percent, not a value", () => {
    const row = taskRow();
    const save = rowSave(row, typed(row, { valueText: "40", progress: "完成招标" }));
    expect(save).toMatchObject({ kind: "node", id: 30, percent: 40 });
    expect(save).not.toHaveProperty("value");
    expect(checkRow(row, typed(row, { valueText: "140" }), false).problems.value).toBe("percentRange");
  });

  it("require the value and 进展情况 only when submitting", () => {
    const row = jobsRow();
    expect(checkPasses(checkRow(row, draftOf(row), false))).toBe(true);
    const submitting = checkRow(row, draftOf(row), true);
    expect(submitting.problems).toEqual({ value: "valueRequired", progress: "progressRequired" });
    expect(checkRow(row, typed(row, { valueText: "两万" }), false).problems.value).toBe("notNumber");
  });

  it("ask for a confirmation with a real reason for the 万 slip, as the server does", () => {
    const row = jobsRow();
    // 400 万人 against a target of 4万人.
    const slip = typed(row, { valueText: "400", progress: "进展" });
    const check = checkRow(row, slip, true);
    expect(check.implausible.map((f) => f.rule)).toContain("ratio_to_target");
    expect(check.needsConfirmation).toBe(true);
    expect(checkPasses(check)).toBe(false);
    expect(checkPasses(checkRow(row, { ...slip, confirm: true, confirmReason: "无" }, true))).toBe(false);
    const confirmed = { ...slip, confirm: true, confirmReason: "含全市统筹安置人数，已核实" };
    expect(checkPasses(checkRow(row, confirmed, true))).toBe(true);
    expect(rowSave(row, confirmed)).toMatchObject({
      value: 4_000_000,
      confirm: true,
      confirmReason: "含全市统筹安置人数，已核实",
    });
    // A plain figure needs nothing.
    expect(checkPasses(checkRow(row, typed(row, { valueText: "2.1", progress: "进展" }), true))).toBe(true);
  });

  it("want the reason of a cumulative fall in 存在问题, not empty talk", () => {
    const row = jobsRow();
    const fall = {
      ...typed(row, { valueText: "1.2", progress: "进展" }),
      confirm: true,
      confirmReason: "核减重复统计",
    };
    expect(checkRow(row, { ...fall, problems: "无。" }, true).fallUnexplained).toBe(true);
    expect(checkRow(row, { ...fall, problems: "核减重复统计的300人" }, true).fallUnexplained).toBe(false);
  });

  it("refuse what cannot be: half a person", () => {
    const row = jobsRow({ subject: { ...jobsRow().subject, displayUnit: "人" } });
    const check = checkRow(row, typed(row, { valueText: "20000.5" }), false);
    expect(check.impossible.length).toBeGreaterThan(0);
    expect(checkPasses(check)).toBe(false);
  });

  it("send changed rows as drafts, every editable row on submit", () => {
    const changed = jobsRow();
    const untouched = jobsRow({ subject: { ...jobsRow().subject, id: 8 } });
    const locked = jobsRow({ subject: { ...jobsRow().subject, id: 9 }, editable: false, state: "submitted" });
    const rows = [changed, untouched, locked];
    const edits = new Map([[rowKey(changed), typed(changed, { valueText: "2" })]]);
    const draftFor = (r: MonthGridRow) => edits.get(rowKey(r)) ?? draftOf(r);
    expect(rowsToSend(rows, draftFor, false).map((r) => r.subject.id)).toEqual([7]);
    expect(rowsToSend(rows, draftFor, true).map((r) => r.subject.id)).toEqual([7, 8]);
  });

  it("find each refused row by the index it was sent at", () => {
    const error = new ApiError(422, {
      code: "implausible_value",
      message: "1行不能提交",
      details: {
        errors: [
          {
            index: 1,
            kind: "target",
            id: 8,
            period: "2020-06",
            title: "新增就业",
            code: "implausible_value",
            message: { zh: "请核对单位", en: "check the unit" },
            rule: "ratio_to_target",
            details: {
              findings: [{ rule: "ratio_to_target", message: { zh: "是目标的100倍", en: "100×" } }],
            },
          },
        ],
      },
    });
    const byRow = refusedRows(error, ["a", "b"]);
    expect([...byRow.keys()]).toEqual(["b"]);
    expect(refusalFindings(byRow.get("b"))).toEqual([{ zh: "是目标的100倍", en: "100×" }]);
    expect(refusedRows(new Error("network"), ["a"]).size).toBe(0);
  });
});

const key = (facts: Partial<KeyFacts>): KeyFacts => ({
  key: "Enter",
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  composing: false,
  multiline: false,
  value: "",
  selectionStart: 0,
  selectionEnd: 0,
  ...facts,
});

describe("month grid keys", () => {
  it("move down on Enter, up on Shift+Enter in the value, and leave new lines to the texts", () => {
    expect(moveOf(key({ key: "Enter" }))).toBe("down");
    expect(moveOf(key({ key: "Enter", shiftKey: true }))).toBe("up");
    expect(moveOf(key({ key: "Enter", shiftKey: true, multiline: true }))).toBeNull();
    expect(moveOf(key({ key: "Enter", altKey: true, multiline: true }))).toBeNull();
    expect(moveOf(key({ key: "Enter", multiline: true }))).toBe("down");
    // The input method's Enter picks the characters.
    expect(moveOf(key({ key: "Enter", composing: true }))).toBeNull();
  });

  it("leave a text by ↑↓ only from its first or last line, by ←→ only from its ends", () => {
    const text = { multiline: true, value: "第一行\n第二行" };
    expect(moveOf(key({ ...text, key: "ArrowUp", selectionStart: 2, selectionEnd: 2 }))).toBe("up");
    expect(moveOf(key({ ...text, key: "ArrowUp", selectionStart: 5, selectionEnd: 5 }))).toBeNull();
    expect(moveOf(key({ ...text, key: "ArrowDown", selectionStart: 2, selectionEnd: 2 }))).toBeNull();
    expect(moveOf(key({ ...text, key: "ArrowDown", selectionStart: 5, selectionEnd: 5 }))).toBe("down");
    expect(moveOf(key({ ...text, key: "ArrowLeft", selectionStart: 0, selectionEnd: 0 }))).toBe("left");
    expect(moveOf(key({ ...text, key: "ArrowLeft", selectionStart: 1, selectionEnd: 1 }))).toBeNull();
    expect(moveOf(key({ ...text, key: "ArrowRight", selectionStart: 7, selectionEnd: 7 }))).toBe("right");
    expect(moveOf(key({ ...text, key: "ArrowRight", selectionStart: 0, selectionEnd: 7 }))).toBeNull();
    expect(moveOf(key({ key: "Tab" }))).toBeNull();
  });

  it("step over locked rows and wrap at a row's ends", () => {
    const editable = [true, false, true, true];
    expect(nextCell({ row: 0, col: 2 }, "down", editable, 4)).toEqual({ row: 2, col: 2 });
    expect(nextCell({ row: 2, col: 0 }, "up", editable, 4)).toEqual({ row: 0, col: 0 });
    expect(nextCell({ row: 3, col: 1 }, "down", editable, 4)).toBeNull();
    expect(nextCell({ row: 0, col: 3 }, "right", editable, 4)).toEqual({ row: 2, col: 0 });
    expect(nextCell({ row: 2, col: 0 }, "left", editable, 4)).toEqual({ row: 0, col: 3 });
    expect(nextCell({ row: 0, col: 0 }, "left", editable, 4)).toBeNull();
  });

  it("name months in the reader's language", () => {
    expect(monthLabel("2020-06", "zh-CN")).toBe("2020年6月");
    expect(monthLabel("2020-06", "en-US")).toBe("Jun 2020");
  });
});
