import { describe, expect, it } from "vitest";
import { reportingPeriods } from "./periods.ts";
import { DEFAULT_TASK_LIGHT_SETTINGS, judgeTask, type TaskTimeline } from "./task-lights.ts";
import { type LedTask, rankTaskDepartments } from "./task-ranking.ts";

const MONTHS = reportingPeriods("2020-01-01", "2020-12-31", "monthly");

// 2 January 2020 is a Thursday: three working days later is Tuesday 7 January.
const timeline = (more: Partial<TaskTimeline> = {}): TaskTimeline => ({
  assignedOn: "2020-01-02",
  acknowledgedOn: null,
  closeRequestedOn: null,
  closedOn: null,
  stoppedOn: null,
  deadline: "2020-12-31",
  milestones: [],
  periods: MONTHS,
  reportedOn: {},
  ...more,
});

const led = (departmentId: number, name: string, more: Partial<TaskTimeline> = {}): LedTask => ({
  departmentId,
  name,
  timeline: timeline(more),
});

const WORLD: LedTask[] = [
  // On time 签收; January on time, February late, March missing.
  led(1, "区人社局", {
    acknowledgedOn: "2020-01-03",
    reportedOn: { "2020-01": "2020-02-04", "2020-02": "2020-03-10" },
  }),
  // Late 签收 (the limit was 7 January); January on time, then closed: nothing owed after.
  led(1, "区人社局", {
    acknowledgedOn: "2020-01-20",
    closedOn: "2020-03-01",
    reportedOn: { "2020-01": "2020-02-01" },
  }),
  // Stopped before its 签收 was due: owed neither a 签收 nor a report, and outside completion.
  led(1, "区人社局", { stoppedOn: "2020-01-06" }),
  // Never acknowledged, never reported.
  led(2, "区教育局"),
  // Assigned two days before the date: nothing due yet.
  led(3, "区科技局", { assignedOn: "2020-04-08" }),
];

describe("the departments' task ranking", () => {
  const ranked = rankTaskDepartments(WORLD, "2020-04-10", DEFAULT_TASK_LIGHT_SETTINGS);
  const of = (id: number) => ranked.find((r) => r.departmentId === id);

  it("counts 签收 made within the working-day limit, reports by their due date, and closed of assigned", () => {
    expect(of(1)).toMatchObject({
      assigned: 3,
      acknowledgeDue: 2,
      acknowledgedOnTime: 1,
      acknowledgeRate: 0.5,
      reportsDue: 4,
      reportsOnTime: 2,
      reportRate: 0.5,
      stopped: 1,
      closed: 1,
      completionRate: 0.5,
    });
    expect(of(2)).toMatchObject({
      assigned: 1,
      acknowledgeDue: 1,
      acknowledgedOnTime: 0,
      reportsDue: 3,
      reportsOnTime: 0,
      completionRate: 0,
    });
    expect(of(3)).toMatchObject({
      assigned: 1,
      acknowledgeDue: 0,
      acknowledgeRate: null,
      reportsDue: 0,
      reportRate: null,
      completionRate: 0,
    });
  });

  it("ranks by completion, then on-time reports; equal shares share a rank, no share ranks last", () => {
    expect(ranked.map((r) => r.departmentId)).toEqual([1, 2, 3]);
    expect(ranked.map((r) => r.completionRank)).toEqual([1, 2, 2]);
    expect(ranked.map((r) => r.reportRank)).toEqual([1, 2, 3]);
    expect(ranked.map((r) => r.acknowledgeRank)).toEqual([1, 2, 3]);
  });

  it("calls late what the lights call 未签收 and 未报送", () => {
    const never = timeline();
    expect(judgeTask(never, "2020-01-08").status).toBe("unacknowledged");
    expect(
      rankTaskDepartments(
        [{ departmentId: 9, name: "甲", timeline: never }],
        "2020-01-08",
        DEFAULT_TASK_LIGHT_SETTINGS,
      )[0],
    ).toMatchObject({ acknowledgeDue: 1, acknowledgedOnTime: 0 });
    // On the limit day itself the 签收 is not late yet, for the lights or the ranking.
    expect(judgeTask(never, "2020-01-07").status).not.toBe("unacknowledged");
    expect(
      rankTaskDepartments(
        [{ departmentId: 9, name: "甲", timeline: never }],
        "2020-01-07",
        DEFAULT_TASK_LIGHT_SETTINGS,
      )[0],
    ).toMatchObject({ acknowledgeDue: 0 });
    const acked = timeline({ acknowledgedOn: "2020-01-03" });
    expect(judgeTask(acked, "2020-02-06").status).toBe("not_reported");
    expect(
      rankTaskDepartments(
        [{ departmentId: 9, name: "甲", timeline: acked }],
        "2020-02-06",
        DEFAULT_TASK_LIGHT_SETTINGS,
      )[0],
    ).toMatchObject({ reportsDue: 1, reportsOnTime: 0 });
  });

  it("knows only what had happened by the date", () => {
    const early = rankTaskDepartments(WORLD, "2020-01-05", DEFAULT_TASK_LIGHT_SETTINGS);
    // Only the first task's 签收 is known; the others' limits have not passed; no task is closed yet.
    expect(early.find((r) => r.departmentId === 1)).toMatchObject({
      assigned: 3,
      acknowledgeDue: 1,
      acknowledgedOnTime: 1,
      reportsDue: 0,
      stopped: 0,
      closed: 0,
      completionRate: 0,
    });
    // A task not assigned by the date is not counted at all.
    expect(early.find((r) => r.departmentId === 3)).toMatchObject({ assigned: 0, completionRate: null });
  });

  it("owes no report while a close request waits, and the working-day limit follows the plan's calendar", () => {
    const waiting = timeline({ acknowledgedOn: "2020-01-03", closeRequestedOn: "2020-02-20" });
    expect(
      rankTaskDepartments(
        [{ departmentId: 9, name: "甲", timeline: waiting }],
        "2020-06-10",
        DEFAULT_TASK_LIGHT_SETTINGS,
      )[0],
    ).toMatchObject({ reportsDue: 1, reportsOnTime: 0, closed: 0 });
    // 3 January 2020 a holiday: the limit moves to 8 January, and a 签收 that day is in time.
    const calendar = { ...DEFAULT_TASK_LIGHT_SETTINGS, calendar: { holidays: ["2020-01-03"] } };
    const onEighth = timeline({ acknowledgedOn: "2020-01-08" });
    expect(
      rankTaskDepartments([{ departmentId: 9, name: "甲", timeline: onEighth }], "2020-02-01", calendar)[0],
    ).toMatchObject({ acknowledgeDue: 1, acknowledgedOnTime: 1 });
    expect(
      rankTaskDepartments(
        [{ departmentId: 9, name: "甲", timeline: onEighth }],
        "2020-02-01",
        DEFAULT_TASK_LIGHT_SETTINGS,
      )[0],
    ).toMatchObject({ acknowledgeDue: 1, acknowledgedOnTime: 0 });
  });
});
