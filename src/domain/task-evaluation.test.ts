import { describe, expect, it } from "vitest";
import { reportingPeriods } from "./periods.ts";
import { evaluateTaskAsOf, type TaskReport } from "./task-evaluation.ts";

const MONTHS = reportingPeriods("2020-01-01", "2020-12-31", "monthly");
const word = (statusWord: string, percent: number | null = null): TaskReport => ({ statusWord, percent });

describe("tasks and items as of a date", () => {
  it.each([
    ["未启动", "not_started", null],
    ["推进中", "on_track", null],
    ["已完成", "completed", 1],
    ["受阻", "behind", null],
  ] as const)("read the status word %s as %s", (w, status, completion) => {
    const e = evaluateTaskAsOf(MONTHS, { "2020-04": word(w) }, "2020-05-10");
    expect(e.status).toBe(status);
    expect(e.completion).toBe(completion);
    expect(e.period?.key).toBe("2020-04");
    expect(e.working.rule).toBe("status_word");
    expect(e.working.zh).toContain(w);
  });

  it("give the percent and the gap beside the word", () => {
    const e = evaluateTaskAsOf(MONTHS, { "2020-04": word("推进中", 40) }, "2020-05-10");
    expect(e).toMatchObject({ status: "on_track", completion: 0.4 });
    expect(e.gapPoints).toBeCloseTo(40 - (4 / 12) * 100, 9);
    expect(e.working.zh).toBe("报告状态为“推进中”，完成40%");
  });

  it("judge an item's percent as a milestone against the schedule when there is no word", () => {
    expect(
      evaluateTaskAsOf(MONTHS, { "2020-06": { statusWord: null, percent: 45 } }, "2020-07-10"),
    ).toMatchObject({
      status: "on_track",
      completion: 0.45,
    });
    expect(
      evaluateTaskAsOf(MONTHS, { "2020-06": { statusWord: null, percent: 10 } }, "2020-07-10"),
    ).toMatchObject({
      status: "far_behind",
      working: { rule: "milestone" },
    });
    expect(
      evaluateTaskAsOf(MONTHS, { "2020-06": { statusWord: null, percent: 100 } }, "2020-07-10").status,
    ).toBe("completed");
  });

  it("count a missing report only after its due date, and nothing before the first period ends", () => {
    expect(evaluateTaskAsOf(MONTHS, {}, "2020-01-20").status).toBe("not_started");
    // April's report is not due until 5 May: March (missing, past due) is what is known.
    expect(evaluateTaskAsOf(MONTHS, { "2020-03": word("受阻") }, "2020-05-03")).toMatchObject({
      status: "behind",
      period: { key: "2020-03" },
    });
    expect(evaluateTaskAsOf(MONTHS, { "2020-03": word("受阻") }, "2020-05-06")).toMatchObject({
      status: "not_reported",
      period: { key: "2020-04" },
    });
  });
});
