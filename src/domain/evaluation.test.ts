import { describe, expect, it } from "vitest";
import {
  DEFAULT_THRESHOLDS,
  evaluateAsOf,
  evaluatePeriod,
  type ReportedValue,
  schedulePhrase,
  type TargetRule,
  type TargetStatus,
} from "./evaluation.ts";
import { reportingPeriods } from "./periods.ts";
import { approvedAsOf, type RevisionLike } from "./revisions.ts";
import { rankDepartments, rollup } from "./rollup.ts";

const MONTHS = reportingPeriods("2020-01-01", "2020-12-31", "monthly");
const QUARTERS = reportingPeriods("2020-01-01", "2020-12-31", "quarterly");
const month = (m: number) => MONTHS[m - 1] as (typeof MONTHS)[number];

function rule(partial: Partial<TargetRule>): TargetRule {
  return {
    kind: "cumulative",
    comparator: "target",
    direction: "increase",
    value: 100,
    value2: null,
    unit: "个",
    baseline: null,
    ...partial,
  };
}

describe("reporting periods and the schedule", () => {
  it("gives twelve months whose elapsed share ends at 1, due on the 5th of the next month", () => {
    expect(MONTHS).toHaveLength(12);
    expect(month(3)).toMatchObject({
      key: "2020-03",
      end: "2020-03-31",
      due: "2020-04-05",
      elapsedShare: 0.25,
    });
    expect(month(12)).toMatchObject({ key: "2020-12", due: "2021-01-05", elapsedShare: 1 });
    expect(month(2).end).toBe("2020-02-29");
  });

  it("gives four calendar quarters", () => {
    expect(QUARTERS.map((q) => [q.key, q.end, q.elapsedShare])).toEqual([
      ["2020-Q1", "2020-03-31", 0.25],
      ["2020-Q2", "2020-06-30", 0.5],
      ["2020-Q3", "2020-09-30", 0.75],
      ["2020-Q4", "2020-12-31", 1],
    ]);
  });

  it("spreads a five-year plan over sixty months", () => {
    const p = reportingPeriods("2021-01-01", "2025-12-31", "quarterly");
    expect(p).toHaveLength(20);
    expect(p[3]?.elapsedShare).toBeCloseTo(0.2);
  });
});

describe("the worked examples of the spec", () => {
  it("43.2% at the end of April is 超时序进度9.9个百分点", () => {
    const e = evaluatePeriod(rule({ value: 1000 }), { value: 432 }, month(4), false);
    expect(e.gapPoints).toBeCloseTo(43.2 - 400 / 12, 9);
    expect(schedulePhrase(e.gapPoints as number).zh).toBe("超时序进度9.9个百分点");
    expect(e.status).toBe("on_track");
    expect(e.working.zh).toContain("超时序进度9.9个百分点");
  });

  it("125.64% of the annual target by the end of October is 超进度42.31个百分点, and completed", () => {
    const e = evaluatePeriod(rule({ value: 100 }), { value: 125.64 }, month(10), false);
    expect(round2(e.gapPoints as number)).toBe(42.31);
    expect(schedulePhrase(e.gapPoints as number, 2).zh).toBe("超时序进度42.31个百分点");
    expect(e.status).toBe("completed");
  });

  it("says 欠时序进度 when behind, in Chinese and English", () => {
    expect(schedulePhrase(-11.5)).toEqual({
      zh: "欠时序进度11.5个百分点",
      en: "11.5 points behind schedule",
    });
    expect(schedulePhrase(0.01)).toEqual({ zh: "与时序进度持平", en: "on schedule" });
  });
});

const round2 = (x: number) => Math.round(x * 100) / 100;

interface Row {
  name: string;
  rule: Partial<TargetRule>;
  reported: ReportedValue;
  month: number;
  expect: TargetStatus;
  rule_code: string;
}

// Every kind × comparator × direction that plans write, with the status it must get.
const TABLE: Row[] = [
  // cumulative: against the schedule (end of June: 50%)
  {
    name: "cumulative ahead",
    rule: {},
    reported: { value: 55 },
    month: 6,
    expect: "on_track",
    rule_code: "schedule",
  },
  {
    name: "cumulative 10 points behind",
    rule: {},
    reported: { value: 40 },
    month: 6,
    expect: "on_track",
    rule_code: "schedule",
  },
  {
    name: "cumulative 10.1 points behind",
    rule: {},
    reported: { value: 39.9 },
    month: 6,
    expect: "behind",
    rule_code: "schedule",
  },
  {
    name: "cumulative 30 points behind",
    rule: {},
    reported: { value: 20 },
    month: 6,
    expect: "behind",
    rule_code: "schedule",
  },
  {
    name: "cumulative 31 points behind",
    rule: {},
    reported: { value: 19 },
    month: 6,
    expect: "far_behind",
    rule_code: "schedule",
  },
  {
    name: "cumulative met early",
    rule: {},
    reported: { value: 100 },
    month: 6,
    expect: "completed",
    rule_code: "schedule",
  },
  {
    name: "cumulative at_least met",
    rule: { comparator: "at_least" },
    reported: { value: 120 },
    month: 9,
    expect: "completed",
    rule_code: "schedule",
  },
  {
    name: "cumulative decrease (压减) on schedule",
    rule: { direction: "decrease", unit: "吨" },
    reported: { value: 50 },
    month: 6,
    expect: "on_track",
    rule_code: "schedule",
  },
  {
    name: "cumulative at_most within",
    rule: { comparator: "at_most", unit: "公顷" },
    reported: { value: 80 },
    month: 6,
    expect: "on_track",
    rule_code: "bound",
  },
  {
    name: "cumulative at_most broken",
    rule: { comparator: "at_most", unit: "公顷" },
    reported: { value: 101 },
    month: 6,
    expect: "far_behind",
    rule_code: "bound",
  },
  // level with and without a baseline
  {
    name: "level without baseline",
    rule: { kind: "level", direction: "level", value: 80, unit: "家" },
    reported: { value: 30 },
    month: 6,
    expect: "behind",
    rule_code: "schedule",
  },
  {
    name: "level with baseline on track",
    rule: { kind: "level", direction: "level", value: 80, baseline: 60, unit: "家" },
    reported: { value: 70 },
    month: 6,
    expect: "on_track",
    rule_code: "schedule",
  },
  {
    name: "level with baseline far behind",
    rule: { kind: "level", direction: "level", value: 80, baseline: 60, unit: "家" },
    reported: { value: 61 },
    month: 9,
    expect: "far_behind",
    rule_code: "schedule",
  },
  {
    name: "level reached",
    rule: { kind: "level", direction: "level", value: 80, unit: "%" },
    reported: { value: 80 },
    month: 3,
    expect: "completed",
    rule_code: "schedule",
  },
  // rates: judged on the value, not time
  {
    name: "rate met",
    rule: { kind: "rate", value: 5, unit: "%" },
    reported: { value: 5.2 },
    month: 3,
    expect: "on_track",
    rule_code: "rate",
  },
  {
    name: "rate met at the year's end",
    rule: { kind: "rate", value: 5, unit: "%" },
    reported: { value: 5.2 },
    month: 12,
    expect: "completed",
    rule_code: "rate",
  },
  {
    name: "rate short by a fifth",
    rule: { kind: "rate", value: 5, unit: "%" },
    reported: { value: 4 },
    month: 6,
    expect: "behind",
    rule_code: "rate",
  },
  {
    name: "rate short by more than a fifth",
    rule: { kind: "rate", value: 5, unit: "%" },
    reported: { value: 3.9 },
    month: 6,
    expect: "far_behind",
    rule_code: "rate",
  },
  {
    name: "decrease rate (能耗下降3%) met",
    rule: { kind: "rate", direction: "decrease", value: 3, unit: "%" },
    reported: { value: 3.1 },
    month: 6,
    expect: "on_track",
    rule_code: "rate",
  },
  {
    name: "rate at_least short",
    rule: { kind: "rate", comparator: "at_least", value: 6.5, unit: "%" },
    reported: { value: 6 },
    month: 6,
    expect: "behind",
    rule_code: "rate",
  },
  // about: ±0.5 points for rates, ±5% otherwise
  {
    name: "about within 0.5 points",
    rule: { kind: "level", comparator: "about", direction: "level", value: 5.5, unit: "%" },
    reported: { value: 5.9 },
    month: 6,
    expect: "on_track",
    rule_code: "about",
  },
  {
    name: "about level off by more",
    rule: { kind: "level", comparator: "about", direction: "level", value: 5.5, unit: "%" },
    reported: { value: 6.1 },
    month: 6,
    expect: "far_behind",
    rule_code: "about",
  },
  {
    name: "about growth above is fine",
    rule: { kind: "rate", comparator: "about", value: 6, unit: "%" },
    reported: { value: 7 },
    month: 6,
    expect: "on_track",
    rule_code: "about",
  },
  {
    name: "about growth below the tolerance",
    rule: { kind: "rate", comparator: "about", value: 6, unit: "%" },
    reported: { value: 5.2 },
    month: 6,
    expect: "behind",
    rule_code: "about",
  },
  {
    name: "about amount within 5%",
    rule: { kind: "cumulative", comparator: "about", value: 1200, unit: "元" },
    reported: { value: 1150 },
    month: 12,
    expect: "completed",
    rule_code: "about",
  },
  // at_most bounds on rates
  {
    name: "bound kept (涨幅控制在3%以内)",
    rule: { kind: "level", comparator: "at_most", direction: "level", value: 3, unit: "%" },
    reported: { value: 2.4 },
    month: 6,
    expect: "on_track",
    rule_code: "bound",
  },
  {
    name: "bound broken",
    rule: { kind: "level", comparator: "at_most", direction: "level", value: 3, unit: "%" },
    reported: { value: 3.2 },
    month: 6,
    expect: "far_behind",
    rule_code: "bound",
  },
  // ranges
  {
    name: "range inside",
    rule: { kind: "rate", comparator: "range", value: 6, value2: 6.5, unit: "%" },
    reported: { value: 6.2 },
    month: 6,
    expect: "on_track",
    rule_code: "range",
  },
  {
    name: "range growth above",
    rule: { kind: "rate", comparator: "range", value: 6, value2: 6.5, unit: "%" },
    reported: { value: 7 },
    month: 6,
    expect: "on_track",
    rule_code: "range",
  },
  {
    name: "range growth below, far",
    rule: { kind: "rate", comparator: "range", value: 6, value2: 6.5, unit: "%" },
    reported: { value: 4 },
    month: 6,
    expect: "far_behind",
    rule_code: "range",
  },
  {
    name: "range of a level broken above",
    rule: { kind: "level", comparator: "range", direction: "level", value: 3, value2: 4, unit: "%" },
    reported: { value: 4.5 },
    month: 6,
    expect: "far_behind",
    rule_code: "range",
  },
  // milestones: percent complete against the schedule
  {
    name: "milestone done",
    rule: { kind: "milestone", value: null, unit: "" },
    reported: { value: null, done: true },
    month: 6,
    expect: "completed",
    rule_code: "milestone",
  },
  {
    name: "milestone on schedule",
    rule: { kind: "milestone", value: null, unit: "" },
    reported: { value: 45 },
    month: 6,
    expect: "on_track",
    rule_code: "milestone",
  },
  {
    name: "milestone far behind",
    rule: { kind: "milestone", value: null, unit: "" },
    reported: { value: 10 },
    month: 9,
    expect: "far_behind",
    rule_code: "milestone",
  },
];

describe("status by kind, comparator and direction", () => {
  it.each(TABLE)("$name → $expect", (row) => {
    const e = evaluatePeriod(rule(row.rule), row.reported, month(row.month), row.month === 12);
    expect(e.status).toBe(row.expect);
    expect(e.working.rule).toBe(row.rule_code);
    expect(e.working.zh.length).toBeGreaterThan(0);
    expect(e.working.en.length).toBeGreaterThan(0);
  });

  it("shows the threshold crossed in the working", () => {
    const e = evaluatePeriod(rule({}), { value: 19 }, month(6), false);
    expect(e.working).toMatchObject({
      threshold: 30,
      expectedShare: 0.5,
      expectedFrom: "elapsed",
      reported: 19,
      target: 100,
    });
    expect(e.working.zh).toContain("超过30个百分点的阈值");
  });

  it("uses the plan's own thresholds", () => {
    const strict = { ...DEFAULT_THRESHOLDS, behindPoints: 5 };
    expect(evaluatePeriod(rule({}), { value: 44 }, month(6), false, { thresholds: strict }).status).toBe(
      "behind",
    );
  });

  it("takes planned values per period (分期计划) over elapsed time", () => {
    // A school that opens in September: little is expected by June.
    const e = evaluatePeriod(rule({}), { value: 10 }, month(6), false, { planned: { "2020-06": 5 } });
    expect(e.expectedShare).toBeCloseTo(0.05);
    expect(e.working.expectedFrom).toBe("planned");
    expect(e.status).toBe("on_track");
  });
});

describe("missing reports and as-of reads", () => {
  const r = rule({});

  it("is not started before any period has ended", () => {
    expect(evaluateAsOf(r, MONTHS, {}, "2020-01-20").status).toBe("not_started");
  });

  it("waits until the due date before calling a report missing, judging the period before", () => {
    const reports = { "2020-03": { value: 30 } };
    const e = evaluateAsOf(r, MONTHS, reports, "2020-05-03");
    expect(e.period?.key).toBe("2020-03");
    expect(e.status).toBe("on_track");
  });

  it("judges a period given alone, not yet due, as not started (the list need not be the whole calendar)", () => {
    const june = MONTHS[5];
    if (!june) throw new Error("the fixture has twelve months");
    const e = evaluateAsOf(r, [june], {}, "2020-07-01");
    expect(e.status).toBe("not_started");
    expect(e.period).toBeNull();
  });

  it("is not reported once the due date has passed without a report", () => {
    const e = evaluateAsOf(r, MONTHS, { "2020-03": { value: 30 } }, "2020-05-06");
    expect(e).toMatchObject({ status: "not_reported", period: { key: "2020-04" } });
    expect(e.working.zh).toContain("2020-05-05");
  });

  it("reads what was approved by a date: before and after a correction", () => {
    const revisions: (RevisionLike & { value: number })[] = [
      { revision: 1, state: "approved", approvedAt: "2020-05-04T09:00:00.000Z", value: 20 },
      { revision: 2, state: "submitted", approvedAt: null, value: 25 },
      { revision: 3, state: "approved", approvedAt: "2020-05-20T09:00:00.000Z", value: 40 },
    ];
    const before = approvedAsOf(revisions, "2020-05-10");
    const after = approvedAsOf(revisions, "2020-05-21");
    expect(before?.value).toBe(20);
    expect(after?.value).toBe(40);
    expect(
      evaluateAsOf(r, MONTHS, { "2020-04": { value: before?.value ?? null } }, "2020-05-10").status,
    ).toBe("behind");
    expect(evaluateAsOf(r, MONTHS, { "2020-04": { value: after?.value ?? null } }, "2020-05-21").status).toBe(
      "on_track",
    );
    expect(approvedAsOf(revisions, "2020-05-01")).toBeNull();
  });
});

describe("roll-ups and rankings", () => {
  it("counts statuses and averages min(completion, 1) by weight over measured targets", () => {
    const r = rollup([
      { status: "completed", completion: 1.3 },
      { status: "behind", completion: 0.4, weight: 3 },
      { status: "not_reported", completion: null },
    ]);
    expect(r.counts).toMatchObject({ completed: 1, behind: 1, not_reported: 1 });
    expect(r.completionIndex).toBeCloseTo((1 + 3 * 0.4) / 4);
    expect(r.measured).toBe(2);
  });

  it("ranks departments by completion and by reports on time, ties sharing a rank", () => {
    // Every report came and no target lags: the order is the completion index's (department-ranking.ts).
    const onTrack = (reportsIn: number) => ({ reportsIn, farBehind: 0, behind: 0 });
    const ranked = rankDepartments([
      {
        departmentId: 1,
        name: "区教育局",
        completionIndex: 0.8,
        reportsDue: 4,
        reportsOnTime: 4,
        ...onTrack(4),
      },
      {
        departmentId: 2,
        name: "区人社局",
        completionIndex: 0.9,
        reportsDue: 4,
        reportsOnTime: 2,
        ...onTrack(4),
      },
      {
        departmentId: 3,
        name: "区民政局",
        completionIndex: 0.8,
        reportsDue: 0,
        reportsOnTime: 0,
        ...onTrack(0),
      },
    ]);
    expect(ranked.map((d) => [d.name, d.completionRank, d.onTimeRank])).toEqual([
      ["区人社局", 1, 2],
      ["区教育局", 2, 1],
      ["区民政局", 2, 3],
    ]);
  });
});
