import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addWorkingDays, dayNumber, fromDayNumber, isWorkingDay, workingDaysBetween } from "./iso-dates.ts";
import { reportingPeriods } from "./periods.ts";
import {
  DEFAULT_TASK_LIGHT_SETTINGS,
  judgeTask,
  periodWords,
  TASK_LIGHTS,
  type TaskLightSettings,
  type TaskTimeline,
} from "./task-lights.ts";

const MONTHS = reportingPeriods("2020-01-01", "2020-12-31", "monthly");
const QUARTERS = reportingPeriods("2020-01-01", "2020-12-31", "quarterly");
/** Every month reported on its due day. */
const ALL_REPORTED = Object.fromEntries(MONTHS.map((p) => [p.key, p.due]));

const timeline = (more: Partial<TaskTimeline> = {}): TaskTimeline => ({
  assignedOn: "2020-01-02",
  acknowledgedOn: "2020-01-03",
  closeRequestedOn: null,
  closedOn: null,
  stoppedOn: null,
  deadline: "2020-12-31",
  milestones: [{ name: "6月底前完成招标", due: "2020-06-30", doneOn: null }],
  periods: MONTHS,
  reportedOn: ALL_REPORTED,
  ...more,
});

const statusOn = (t: TaskTimeline, asOf: string, s?: TaskLightSettings) => judgeTask(t, asOf, s).status;

describe("working days", () => {
  it("skip Saturdays and Sundays", () => {
    expect(isWorkingDay("2020-06-05")).toBe(true); // Friday
    expect(isWorkingDay("2020-06-06")).toBe(false);
    expect(isWorkingDay("2020-06-07")).toBe(false);
    expect(addWorkingDays("2020-06-05", 1)).toBe("2020-06-08");
    expect(addWorkingDays("2020-06-05", 3)).toBe("2020-06-10");
    expect(workingDaysBetween("2020-06-05", "2020-06-08")).toBe(1);
    expect(workingDaysBetween("2020-06-08", "2020-06-05")).toBe(0);
  });

  it("take holidays out and make-up working days in (端午 2020: 25–26 June off, Sunday 28 June worked)", () => {
    const calendar = { holidays: ["2020-06-25", "2020-06-26"], workdays: ["2020-06-28"] };
    expect(isWorkingDay("2020-06-25", calendar)).toBe(false);
    expect(isWorkingDay("2020-06-28", calendar)).toBe(true);
    expect(addWorkingDays("2020-06-24", 3, calendar)).toBe("2020-06-30");
  });

  it("count working days as walking the days one by one would, with any holidays and make-up days", () => {
    const walked = (from: string, to: string, calendar: { holidays: string[]; workdays: string[] }) => {
      let n = 0;
      for (let d = dayNumber(from) + 1; d <= dayNumber(to); d++)
        if (isWorkingDay(fromDayNumber(d), calendar)) n++;
      return n;
    };
    const day = fc.integer({ min: dayNumber("2019-12-01"), max: dayNumber("2021-02-01") }).map(fromDayNumber);
    fc.assert(
      fc.property(
        day,
        day,
        fc.array(day, { maxLength: 12 }),
        fc.array(day, { maxLength: 6 }),
        (a, b, holidays, workdays) => {
          const calendar = { holidays, workdays };
          expect(workingDaysBetween(a, b, calendar)).toBe(walked(a, b, calendar));
        },
      ),
    );
  });
});

describe("逾期 overdue: past a milestone or the deadline without it done", () => {
  it("is 临期 the day before and on the day of a milestone, 逾期 the day after", () => {
    expect(judgeTask(timeline(), "2020-06-29").working).toMatchObject({
      light: "due_soon",
      rule: "milestone_due_soon",
      zh: "节点‘6月底前完成招标’还有1天到期（6月30日）",
      days: 1,
    });
    expect(judgeTask(timeline(), "2020-06-30").working).toMatchObject({
      light: "due_soon",
      zh: "节点‘6月底前完成招标’今天到期（6月30日）",
      en: "milestone ‘6月底前完成招标’ is due today (30 June)",
      days: 0,
    });
    expect(judgeTask(timeline(), "2020-07-01").working).toMatchObject({
      light: "overdue",
      rule: "milestone_overdue",
      zh: "节点‘6月底前完成招标’已逾期1天，未报完成",
      days: 1,
      due: "2020-06-30",
      milestone: "6月底前完成招标",
    });
  });

  it("says the days in words, both languages", () => {
    const w = judgeTask(timeline(), "2020-07-12").working;
    expect(w.zh).toBe("节点‘6月底前完成招标’已逾期12天，未报完成");
    expect(w.en).toBe("milestone ‘6月底前完成招标’ is 12 days overdue and not reported done");
  });

  it("is cleared by the milestone done — late or not — but only from the day it was done", () => {
    const done = (doneOn: string) => timeline({ milestones: [{ name: "招标", due: "2020-06-30", doneOn }] });
    expect(statusOn(done("2020-06-28"), "2020-07-01")).toBe("on_track");
    expect(statusOn(done("2020-07-05"), "2020-07-04")).toBe("overdue");
    expect(statusOn(done("2020-07-05"), "2020-07-05")).toBe("on_track");
  });

  it("names the longest overdue milestone and counts the others", () => {
    const t = timeline({
      milestones: [
        { name: "完成立项", due: "2020-03-31", doneOn: null },
        { name: "完成招标", due: "2020-06-30", doneOn: null },
      ],
    });
    expect(judgeTask(t, "2020-07-12").working.zh).toBe(
      "节点‘完成立项’已逾期103天，未报完成（另有1个节点逾期）",
    );
  });

  it("counts the deadline the same way, unless the closing was asked for", () => {
    const t = timeline({ milestones: [], reportedOn: {}, periods: [] });
    expect(statusOn(t, "2020-12-31")).toBe("due_soon");
    expect(judgeTask(t, "2021-01-05").working).toMatchObject({
      rule: "deadline_overdue",
      zh: "已超过完成时限（2020年12月31日）5天，未办结",
      en: "5 days past the deadline (31 December 2020), not closed",
    });
    expect(judgeTask({ ...t, closeRequestedOn: "2020-12-20" }, "2021-01-05").working).toMatchObject({
      light: "on_track",
      rule: "close_requested",
      zh: "已申请办结，待审核",
    });
  });

  it("has no deadline to miss when there is none (长期)", () => {
    expect(statusOn(timeline({ deadline: null, milestones: [] }), "2021-06-01")).toBe("on_track");
  });
});

describe("临期 due soon: a milestone or the deadline within N days", () => {
  it("turns on N days before, not N+1 (default 7)", () => {
    expect(statusOn(timeline(), "2020-06-22")).toBe("on_track");
    expect(statusOn(timeline(), "2020-06-23")).toBe("due_soon");
  });

  it("follows the plan's setting", () => {
    const s = { ...DEFAULT_TASK_LIGHT_SETTINGS, dueSoonDays: 14 };
    expect(statusOn(timeline(), "2020-06-16", s)).toBe("due_soon");
    expect(statusOn(timeline(), "2020-06-16")).toBe("on_track");
    expect(statusOn(timeline(), "2020-06-15", s)).toBe("on_track");
    expect(statusOn(timeline(), "2020-06-30", { ...s, dueSoonDays: 0 })).toBe("due_soon");
    expect(statusOn(timeline(), "2020-06-29", { ...s, dueSoonDays: 0 })).toBe("on_track");
  });

  it("says what comes next when on track", () => {
    expect(judgeTask(timeline(), "2020-06-10").working.zh).toBe(
      "正常推进，下一节点‘6月底前完成招标’6月30日到期（还有20天）",
    );
  });
});

describe("未签收 unacknowledged: not acknowledged within N working days of assignment", () => {
  // Assigned on Friday 5 June 2020: 3 working days are Mon 8, Tue 9, Wed 10.
  const t = timeline({
    assignedOn: "2020-06-05",
    acknowledgedOn: null,
    milestones: [],
    deadline: "2020-12-31",
  });

  it("counts working days over the weekend: on time to Wednesday, late on Thursday", () => {
    expect(judgeTask(t, "2020-06-10").working).toMatchObject({
      light: "on_track",
      zh: expect.stringContaining("待签收（限6月10日前）"),
    });
    expect(judgeTask(t, "2020-06-11").working).toMatchObject({
      light: "unacknowledged",
      zh: "交办后3个工作日内应签收（限6月10日前），已超期1个工作日未签收",
      en: "not acknowledged within 3 working days of assignment (by 10 June): 1 working day late",
      days: 1,
      due: "2020-06-10",
    });
    // Saturday and Sunday add no working day late.
    expect(judgeTask(t, "2020-06-14").working.days).toBe(2);
    expect(judgeTask(t, "2020-06-15").working.days).toBe(3);
  });

  it("is cleared from the day of the 签收, and follows the plan's setting and its holidays", () => {
    expect(statusOn({ ...t, acknowledgedOn: "2020-06-12" }, "2020-06-11")).toBe("unacknowledged");
    expect(statusOn({ ...t, acknowledgedOn: "2020-06-12" }, "2020-06-12")).toBe("on_track");
    const five = { ...DEFAULT_TASK_LIGHT_SETTINGS, acknowledgeWorkingDays: 5 };
    expect(statusOn(t, "2020-06-12", five)).toBe("on_track");
    expect(statusOn(t, "2020-06-15", five)).toBe("unacknowledged");
    const dragonBoat = {
      ...DEFAULT_TASK_LIGHT_SETTINGS,
      calendar: { holidays: ["2020-06-25", "2020-06-26"], workdays: ["2020-06-28"] },
    };
    const t2 = { ...t, assignedOn: "2020-06-24" };
    expect(statusOn(t2, "2020-06-30", dragonBoat)).toBe("on_track");
    expect(statusOn(t2, "2020-07-01", dragonBoat)).toBe("unacknowledged");
    expect(statusOn(t2, "2020-06-30")).toBe("unacknowledged");
  });
});

describe("未报送 not reported: a report of the task's frequency due and missing", () => {
  const missingMay = Object.fromEntries(Object.entries(ALL_REPORTED).filter(([k]) => k !== "2020-05"));
  const t = timeline({ reportedOn: missingMay, milestones: [] });

  it("turns on the day after the due date, not on it", () => {
    expect(statusOn(t, "2020-06-05")).toBe("on_track");
    expect(judgeTask(t, "2020-06-06").working).toMatchObject({
      light: "not_reported",
      period: "2020-05",
      zh: "2020年5月的进展应于6月5日前报送，至今未报",
      en: "the progress report for May 2020 was due by 5 June and has not come",
    });
  });

  it("is cleared from the day a late report comes", () => {
    const late = timeline({ reportedOn: { ...missingMay, "2020-05": "2020-06-08" }, milestones: [] });
    expect(statusOn(late, "2020-06-07")).toBe("not_reported");
    expect(statusOn(late, "2020-06-08")).toBe("on_track");
  });

  it("asks nothing for periods that ended before the task was assigned", () => {
    const later = timeline({
      assignedOn: "2020-03-20",
      acknowledgedOn: "2020-03-20",
      reportedOn: {},
      milestones: [],
    });
    expect(statusOn(later, "2020-04-05")).toBe("on_track");
    expect(judgeTask(later, "2020-04-06").working).toMatchObject({
      light: "not_reported",
      period: "2020-03",
    });
  });

  it("follows a quarterly frequency", () => {
    const q = timeline({ periods: QUARTERS, reportedOn: {}, milestones: [] });
    expect(statusOn(q, "2020-04-05")).toBe("on_track");
    expect(judgeTask(q, "2020-04-06").working).toMatchObject({
      period: "2020-Q1",
      zh: expect.stringContaining("2020年第一季度"),
    });
  });

  it("asks nothing while the closing waits for review", () => {
    expect(statusOn({ ...t, closeRequestedOn: "2020-05-20" }, "2020-06-06")).toBe("on_track");
  });
});

describe("已办结, 已中止 and before assignment", () => {
  it("is closed from the day of 办结销号, whatever else holds", () => {
    const t = timeline({ closeRequestedOn: "2020-07-01", closedOn: "2020-07-10" });
    expect(statusOn(t, "2020-07-09")).toBe("overdue");
    expect(judgeTask(t, "2020-07-10")).toMatchObject({
      status: "closed",
      working: { zh: "已于2020年7月10日办结销号", en: "closed on 10 July 2020" },
      signals: [{ light: "closed" }],
    });
  });

  it("is stopped from the day of 中止, with the reason", () => {
    const t = timeline({ stoppedOn: "2020-08-01", stoppedReason: "项目取消", reportedOn: {} });
    expect(judgeTask(t, "2020-09-01").working.zh).toBe("已于2020年8月1日中止：项目取消");
    expect(statusOn(t, "2020-07-31")).toBe("overdue");
  });

  it("judges dates only before the plan is published", () => {
    const draft = timeline({ assignedOn: null, acknowledgedOn: null, reportedOn: {} });
    expect(judgeTask(draft, "2020-05-01").working).toMatchObject({ light: "on_track", rule: "not_assigned" });
    expect(statusOn(draft, "2020-07-01")).toBe("overdue");
  });
});

describe("precedence: closed > stopped > overdue > unacknowledged > not_reported > due_soon > on_track", () => {
  it("keeps every rule that holds, in that order, the first deciding", () => {
    const t = timeline({
      assignedOn: "2020-06-01",
      acknowledgedOn: null,
      reportedOn: {},
      milestones: [
        { name: "完成立项", due: "2020-06-30", doneOn: null },
        { name: "完成招标", due: "2020-07-10", doneOn: null },
      ],
    });
    const j = judgeTask(t, "2020-07-06");
    expect(j.status).toBe("overdue");
    expect(j.signals.map((s) => s.light)).toEqual(["overdue", "unacknowledged", "not_reported", "due_soon"]);
    expect(judgeTask({ ...t, milestones: t.milestones.slice(1) }, "2020-07-06").status).toBe(
      "unacknowledged",
    );
    expect(
      judgeTask({ ...t, acknowledgedOn: "2020-06-02", milestones: t.milestones.slice(1) }, "2020-07-06")
        .status,
    ).toBe("not_reported");
  });

  it("names each period in words", () => {
    expect(periodWords("2020-04")).toEqual({ zh: "2020年4月", en: "April 2020" });
    expect(periodWords("2020-Q3")).toEqual({ zh: "2020年第三季度", en: "Q3 2020" });
  });
});

describe("the lights function, for any facts and any day", () => {
  const from = dayNumber("2019-06-01");
  const to = dayNumber("2021-06-30");
  const date = fc.integer({ min: from, max: to }).map(fromDayNumber);
  const fact = fc.oneof(date, fc.constant(null), fc.constant(null), fc.string({ maxLength: 12 }));
  const timelines = fc.record({
    assignedOn: fact,
    acknowledgedOn: fact,
    closeRequestedOn: fact,
    closedOn: fact,
    stoppedOn: fact,
    stoppedReason: fc.option(fc.string({ maxLength: 8 })),
    deadline: fact,
    milestones: fc.array(
      fc.record({
        name: fc.string({ maxLength: 10 }),
        due: fc.oneof(date, fc.string({ maxLength: 10 })),
        doneOn: fact,
      }),
      {
        maxLength: 5,
      },
    ),
    periods: fc.constantFrom(MONTHS, QUARTERS, []),
    reportedOn: fc.dictionary(
      fc.constantFrom(...MONTHS.map((p) => p.key), ...QUARTERS.map((p) => p.key)),
      date,
    ),
  });
  const settings = fc.record({
    dueSoonDays: fc.integer({ min: -3, max: 60 }),
    acknowledgeWorkingDays: fc.integer({ min: 0, max: 20 }),
    calendar: fc.record({
      holidays: fc.array(date, { maxLength: 5 }),
      workdays: fc.array(date, { maxLength: 3 }),
    }),
  });

  it("never throws and returns exactly one status, with its working in both languages", () => {
    fc.assert(
      fc.property(timelines, date, settings, (t, asOf, s) => {
        const j = judgeTask(t, asOf, s);
        expect(TASK_LIGHTS).toContain(j.status);
        expect(j.signals.length).toBeGreaterThan(0);
        expect(j.working).toBe(j.signals[0]);
        expect(j.signals[0]?.light).toBe(j.status);
        // One signal a light, in precedence order.
        const lights = j.signals.map((x) => x.light);
        expect(new Set(lights).size).toBe(lights.length);
        expect([...lights].sort((a, b) => TASK_LIGHTS.indexOf(a) - TASK_LIGHTS.indexOf(b))).toEqual(lights);
        expect(lights.includes("on_track")).toBe(lights.length === 1 && lights[0] === "on_track");
        expect(j.working.zh.length).toBeGreaterThan(0);
        expect(j.working.en.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses a day that is not a date", () => {
    expect(() => judgeTask(timeline(), "2020-13-01")).toThrow(RangeError);
  });
});
