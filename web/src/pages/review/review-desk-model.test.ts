import { describe, expect, it } from "vitest";
import type { DueItem } from "../../../../src/contract/reminders.ts";
import type { ReportView } from "../../../../src/contract/reports.ts";
import { ApiError } from "../../api/client.ts";
import {
  bulkErrorsOf,
  bulkSelection,
  chaseable,
  filterQueue,
  itemReminderMessage,
  NO_FILTER,
  queueFacets,
} from "./review-desk-model.ts";

const report = (id: number, department: [number, string] | null, period: string, end: string, revision = 1) =>
  ({
    id,
    department: department ? { id: department[0], name: department[1] } : null,
    period: { key: period, end },
    latest: { revision },
  }) as ReportView;

const queue = [
  report(1, [3, "区人社局"], "2020-04", "2020-04-30"),
  report(2, [4, "区教育局"], "2020-04", "2020-04-30", 3),
  report(3, [3, "区人社局"], "2020-05", "2020-05-31"),
  report(4, null, "2020-Q1", "2020-03-31"),
];

describe("the review desk", () => {
  it("filters the queue by department and period, and offers what the queue holds", () => {
    expect(filterQueue(queue, NO_FILTER).map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(filterQueue(queue, { departmentId: 3, period: null }).map((r) => r.id)).toEqual([1, 3]);
    expect(filterQueue(queue, { departmentId: 3, period: "2020-05" }).map((r) => r.id)).toEqual([3]);
    expect(filterQueue(queue, { departmentId: 9, period: null })).toEqual([]);
    const facets = queueFacets(queue);
    expect(facets.departments.map((d) => d.name)).toEqual(["区教育局", "区人社局"]);
    expect(facets.periods).toEqual(["2020-05", "2020-04", "2020-Q1"]);
  });

  it("sends only the ticked reports still shown, each with the revision the planner saw", () => {
    const shown = filterQueue(queue, { departmentId: null, period: "2020-04" });
    expect(bulkSelection(shown, [3, 2, 1])).toEqual([
      { id: 1, baseRevision: 1 },
      { id: 2, baseRevision: 3 },
    ]);
    expect(bulkSelection(shown, [])).toEqual([]);
  });

  it("reads which reports a refused bulk review names, and nothing from other failures", () => {
    const refusal = new ApiError(409, {
      code: "conflict",
      message: "1份报告不能通过",
      details: {
        errors: [
          {
            reportId: 2,
            index: 1,
            code: "conflict",
            message: { zh: "第2项 已通过", en: "item 2 is approved" },
          },
          { reportId: 3, index: 2, code: "conflict", message: "第3项：一种语言不够" },
          { junk: true },
        ],
      },
    });
    expect(bulkErrorsOf(refusal)).toEqual([
      { reportId: 2, index: 1, code: "conflict", message: { zh: "第2项 已通过", en: "item 2 is approved" } },
    ]);
    expect(bulkErrorsOf(new ApiError(500, { code: "internal", message: "x", details: {} }))).toEqual([]);
    expect(bulkErrorsOf(new Error("x"))).toEqual([]);
  });

  it("words a reminder about one report with its period, due date and days overdue, in both languages", () => {
    const item = {
      subject: { title: "新增就业" },
      period: { key: "2020-04" },
      dueDate: "2020-05-05",
      state: "overdue",
    } as DueItem;
    const text = itemReminderMessage(item, "区人社局", "2020-05-12");
    expect(text).toBe(
      "请区人社局尽快报送“新增就业”2020-04期进展情况（应于2020-05-05报送，已逾期7天） / please report on “新增就业” for 2020-04 now (due 2020-05-05, 7 day(s) overdue)",
    );
    expect(itemReminderMessage({ ...item, state: "returned" }, "区人社局", "2020-05-12")).toMatch(
      /^请区人社局尽快修改并重新提交“新增就业”2020-04期进展情况（已退回） \/ please correct/,
    );
    const due = { ...item, state: "due" } as DueItem;
    expect(chaseable([item, due, { ...item, state: "returned" } as DueItem]).map((i) => i.state)).toEqual([
      "overdue",
      "returned",
    ]);
  });
});
