// The demo's tasks as an office sets them up and lives them through a year (示例数据), decided by rules
// from each task's own text and its place in the plan — never by a list of answers per sentence:
// - the lead department is the extractor's suggestion, else the first department the keyword table
//   finds in the words, else the planning office; the other departments the words name co-operate;
// - the deadline and milestones are the text's where it states them, else the year end; a few tasks
//   with a piece of work to build, set up or hold get 2–3 milestones through the year;
// - the year as of the demo's date: 签收 within days of publication (a few late, one never), monthly or
//   quarterly reports, milestones done, two missed and a few coming due, one moved by an approved
//   调整申请, some tasks 办结 (one close request returned first), one 中止, one report returned.
// Pure: the steps are carried out through the task services by seed-demo-tasks.ts.

import {
  addDays,
  addWorkingDays,
  daysBetween,
  isoDate,
  isWorkingDay,
  type WorkCalendar,
} from "../domain/iso-dates.ts";
import type { Frequency, ReportingPeriod } from "../domain/periods.ts";
import { firstDateInText, milestonesInText, readDeadline } from "../domain/task-deadlines.ts";
import { DEFAULT_DEPARTMENT_KEYWORDS, levelPrefix } from "../extract/departments.ts";
import { randomFrom } from "../generate/random.ts";
import {
  type MilestoneFate,
  milestoneNames,
  PATTERNS,
  type Pattern,
  patternDates,
  timeWords,
  workItems,
} from "./seed-demo-milestones.ts";
import {
  adjustmentOpinion,
  adjustmentReason,
  clausesOf,
  closeEvidence,
  closeOpinion,
  closeReturnReason,
  reportReturnReason,
  reportWords,
  stopReason,
  textSeed,
} from "./seed-demo-task-texts.ts";

export interface DemoTaskSource {
  nodeId: number;
  text: string;
  /** The lead a person (or the document) already chose, else the extractor's suggestion. */
  suggestedDepartmentId: number | null;
  /** Co-operating departments already set: they stand. */
  coDepartmentIds: readonly number[];
  /** A 完成时限 already set (a date, or null for 长期): it stands. */
  deadline: { date: string | null } | null;
  hasTargets: boolean;
}

export interface DemoYear {
  /** The plan's year and last day (the deadline the text does not state). */
  year: number;
  periodEnd: string;
  /** 交办: the plan's publication day. */
  assignedOn: string;
  /** The demo is shown as of this day; nothing happens after it. */
  asOf: string;
  region: string | null;
  departments: readonly { id: number; name: string }[];
  /** Leads a task whose words imply no department: the planning office. */
  fallbackDepartmentId: number | null;
  periods: (frequency: Frequency) => readonly ReportingPeriod[];
  /** The year's holidays and make-up working days: offices work, report and review on working days. */
  calendar: WorkCalendar;
}

export type TaskRole =
  | "plain"
  | "milestones"
  | "closed"
  | "close_returned"
  | "stopped"
  | "unacknowledged"
  | "report_missing"
  | "report_returned";

export interface PlannedMilestone {
  name: string;
  due: string;
  fate: MilestoneFate;
  doneOn: string | null;
  /** adjusted: moved to this day by an approved 调整申请. */
  movedTo: string | null;
}

interface StepBase {
  nodeId: number;
  /** ISO timestamp. */
  at: string;
}

export type DemoStep = StepBase &
  (
    | { kind: "acknowledge" }
    | {
        kind: "report";
        period: string;
        progress: string;
        problems: string;
        nextSteps: string;
        percent: number;
        /** Indexes into the task's milestones, with the day each was done. */
        milestonesDone: { index: number; doneOn: string }[];
      }
    | { kind: "return_report"; period: string; reason: string }
    | { kind: "request_close"; evidence: string }
    | { kind: "return_close"; reason: string }
    | { kind: "close"; opinion: string }
    | { kind: "stop"; reason: string }
    | { kind: "request_adjustment"; milestone: number; proposedDue: string; reason: string }
    | { kind: "decide_adjustment"; milestone: number; opinion: string }
  );

export interface DemoTaskPlan {
  nodeId: number;
  lead: number | null;
  co: number[];
  frequency: Frequency;
  /** null: no deadline (长期), as set before. */
  deadline: string | null;
  /**
   * The 完成时限 to set, as the office writes it (2020年12月底前; the service reads the date from it);
   * null when one was set before and stands.
   */
  deadlineText: string | null;
  milestones: PlannedMilestone[];
  role: TaskRole;
  steps: DemoStep[];
}

// ── Departments ─────────────────────────────────────────────────────────────────────────────────

/** Lead and co-operating departments of a task's words, among the region's departments. */
export function departmentsOfText(
  text: string,
  suggestedId: number | null,
  year: Pick<DemoYear, "region" | "departments" | "fallbackDepartmentId">,
  chosenCo: readonly number[] = [],
): { lead: number | null; co: number[] } {
  const prefix = levelPrefix(year.region);
  const byName = new Map(year.departments.map((d) => [d.name, d.id]));
  // Words in brackets are names — 西湖道(中医药大学南北院)地块 — not work a department does.
  const words = text.replace(/[(（][^)）]*[)）]/g, "");
  const named: number[] = [];
  for (const k of DEFAULT_DEPARTMENT_KEYWORDS) {
    if (!words.includes(k.keyword)) continue;
    const name = k.department.startsWith(prefix) ? k.department : prefix + k.department;
    const id = byName.get(name);
    if (id !== undefined && !named.includes(id)) named.push(id);
  }
  const lead = suggestedId ?? named[0] ?? year.fallbackDepartmentId;
  if (chosenCo.length > 0) return { lead, co: chosenCo.filter((id) => id !== lead) };
  return { lead, co: named.filter((id) => id !== lead).slice(0, 3) };
}

// ── Days ────────────────────────────────────────────────────────────────────────────────────────

/** Days are YYYY-MM-DD: they compare as text. */
const earlierDay = (a: string, b: string) => (a.localeCompare(b) <= 0 ? a : b);
const laterDay = (a: string, b: string) => (a.localeCompare(b) >= 0 ? a : b);

function workdayOnOrBefore(calendar: WorkCalendar, day: string): string {
  let d = day;
  while (!isWorkingDay(d, calendar)) d = addDays(d, -1);
  return d;
}
function workdayOnOrAfter(calendar: WorkCalendar, day: string): string {
  let d = day;
  while (!isWorkingDay(d, calendar)) d = addDays(d, 1);
  return d;
}
const at = (day: string, hour: number, minute: number) =>
  `${day}T${String(hour).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}:00.000Z`;

/** The planner reviews the reports in by the 7th and by the 12th of each month (the next working day). */
export function reviewTimes(year: DemoYear): string[] {
  const out: string[] = [];
  const first = Number(year.assignedOn.slice(5, 7));
  for (let m = first; m <= 12; m++) {
    for (const d of [7, 12]) {
      const day = workdayOnOrAfter(year.calendar, isoDate(year.year, m, d));
      if (day > year.assignedOn && day <= year.asOf) out.push(at(day, 7, 0));
    }
  }
  return out;
}

// ── The plan ────────────────────────────────────────────────────────────────────────────────────

/** Work done once (held, issued, built, reviewed): what an office closes within the year. */
const ONE_OFF = /举办|出台|建成|完成|复审|新建|搭建/;
/** Physical works: what an office short of money puts off. */
const WORKS = /工程前期|改造工程|改扩建|房屋征收|整修|施工/;
/** How many tasks get milestones, and how many are closed by the demo date. */
const MILESTONE_TASKS = PATTERNS.length;
const CLOSE_DAYS_BEFORE = [35, 28, 24, 20, 17, 3] as const;

/** An even spread of `n` of the list, in its order. */
function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / n)] as T);
}

export function planDemoTasks(tasks: readonly DemoTaskSource[], year: DemoYear): DemoTaskPlan[] {
  // Milestones by pattern only where the text and the office set no dates of their own.
  const undated = (t: DemoTaskSource) =>
    t.deadline === null &&
    firstDateInText(t.text, year.year) === null &&
    milestonesInText(t.text, year.year).length === 0;
  const items = new Map(tasks.map((t) => [t.nodeId, undated(t) ? workItems(t.text) : []]));
  const multi = tasks.filter((t) => (items.get(t.nodeId)?.length ?? 0) >= 2);
  const single = tasks.filter((t) => items.get(t.nodeId)?.length === 1);
  const withMilestones = new Set(
    [...multi.slice(0, MILESTONE_TASKS), ...spread(single, Math.max(0, MILESTONE_TASKS - multi.length))].map(
      (t) => t.nodeId,
    ),
  );
  const patternOf = new Map(
    tasks
      .filter((t) => withMilestones.has(t.nodeId))
      .map((t, i) => [t.nodeId, [PATTERNS[i] as Pattern, i] as const]),
  );
  const departments = new Map(
    tasks.map((t) => [t.nodeId, departmentsOfText(t.text, t.suggestedDepartmentId, year, t.coDepartmentIds)]),
  );
  const nameOf = new Map(year.departments.map((d) => [d.id, d.name]));

  // The plain tasks (no targets, no milestones) take the roles of the year's story.
  const plain = tasks.filter(
    (t) => !t.hasTargets && !withMilestones.has(t.nodeId) && milestonesInText(t.text, year.year).length === 0,
  );
  const roles = new Map<number, TaskRole>();
  const closing = plain.filter((t) => ONE_OFF.test(t.text)).slice(0, CLOSE_DAYS_BEFORE.length);
  for (const [i, t] of closing.entries()) roles.set(t.nodeId, i === 1 ? "close_returned" : "closed");
  const free = () => plain.filter((t) => !roles.has(t.nodeId));
  const stopped = free().find((t) => WORKS.test(t.text)) ?? free()[0];
  if (stopped) roles.set(stopped.nodeId, "stopped");
  // A vertically managed office (公安分局) is the one that never signs for a district's task.
  const rest = free();
  const unsigned =
    rest.find((t) => nameOf.get(departments.get(t.nodeId)?.lead ?? -1)?.endsWith("分局")) ??
    rest[rest.length - 1];
  if (unsigned) roles.set(unsigned.nodeId, "unacknowledged");
  for (const [k, t] of free().entries()) {
    if (k === 2) roles.set(t.nodeId, "report_returned");
    else if (k % 16 === 7) roles.set(t.nodeId, "report_missing");
  }
  const closeIndex = new Map(closing.map((t, i) => [t.nodeId, i]));

  return tasks.map((t, i) => {
    const seed = textSeed(t.text);
    const { lead, co } = departments.get(t.nodeId) ?? { lead: null, co: [] };
    const pattern = patternOf.get(t.nodeId);
    const stated = milestonesInText(t.text, year.year).slice(0, 3);
    let milestones: PlannedMilestone[];
    if (stated.length > 0) {
      milestones = stated.map((m) => {
        const fate: MilestoneFate =
          m.due < year.asOf ? "done" : daysBetween(year.asOf, m.due) <= 7 ? "due_soon" : "ahead";
        return { name: m.name, due: m.due, fate, doneOn: null, movedTo: null };
      });
    } else if (pattern) {
      const names = milestoneNames(items.get(t.nodeId) ?? []);
      const dates = patternDates(year, pattern[0], pattern[1]).slice(0, names.length);
      milestones = dates.map((d, k) => ({
        name: `${timeWords(d.due)}${names[k]}`,
        due: d.due,
        fate: d.fate,
        doneOn: null,
        movedTo: d.movedTo,
      }));
    } else milestones = [];
    for (const [k, m] of milestones.entries())
      if (m.fate === "done") {
        const doneOn = addDays(m.due, -1 - ((seed + k) % 5));
        m.doneOn = laterDay(doneOn, year.assignedOn);
      }
    // 完成时限 in words, read back by the service (readDeadline): the time the text names when it
    // is within the year and after its milestones, else the year's end.
    const named = firstDateInText(t.text, year.year);
    const deadlineText = t.deadline
      ? null
      : named &&
          named.date >= year.assignedOn &&
          named.date <= year.periodEnd &&
          milestones.every((m) => m.due <= named.date)
        ? named.words
        : `${year.periodEnd.slice(0, 4)}年${timeWords(year.periodEnd)}`;
    const role: TaskRole = roles.get(t.nodeId) ?? (milestones.length > 0 ? "milestones" : "plain");
    // Tasks with milestones (projects, 重点项目) report monthly; the others by quarter, as district
    // offices ask of plan tasks (每季度末报送).
    const frequency: Frequency = milestones.length > 0 ? "monthly" : "quarterly";
    const plan: DemoTaskPlan = {
      nodeId: t.nodeId,
      lead,
      co,
      frequency,
      deadline: t.deadline
        ? t.deadline.date
        : (readDeadline(deadlineText ?? "", year.year)?.date ?? year.periodEnd),
      deadlineText,
      milestones,
      role,
      steps: [],
    };
    plan.steps = stepsOf(plan, t, year, {
      seed,
      index: i,
      pattern: pattern?.[0] ?? null,
      closeIndex: closeIndex.get(t.nodeId) ?? 0,
    });
    return plan;
  });
}

interface Story {
  seed: number;
  index: number;
  pattern: Pattern | null;
  closeIndex: number;
}

function stepsOf(plan: DemoTaskPlan, task: DemoTaskSource, year: DemoYear, story: Story): DemoStep[] {
  const steps: DemoStep[] = [];
  const nodeId = plan.nodeId;
  const clauses = clausesOf(task.text);
  if (clauses.length === 0 || plan.lead === null || plan.role === "unacknowledged") return steps;
  const r = randomFrom(story.seed);
  const minute = story.index;
  const push = (step: DemoStep) => {
    if (step.at.slice(0, 10) <= year.asOf) steps.push(step);
  };
  // 签收 within the limit, a few a week late.
  const ackOn = addWorkingDays(
    year.assignedOn,
    story.index % 10 === 7 ? 6 + (story.index % 2) : 1 + (story.index % 3),
    year.calendar,
  );
  push({ nodeId, at: at(ackOn, 1, minute), kind: "acknowledge" });

  let until = `${year.asOf}T23:59:59.999Z`;
  let close: { request: string; returned: string | null; again: string | null; closed: string } | null = null;
  if (plan.role === "closed" || plan.role === "close_returned") {
    const request = workdayOnOrBefore(
      year.calendar,
      addDays(year.asOf, -(CLOSE_DAYS_BEFORE[story.closeIndex] ?? 3)),
    );
    const returned = plan.role === "close_returned" ? addWorkingDays(request, 2, year.calendar) : null;
    const again = returned ? addWorkingDays(returned, 5, year.calendar) : null;
    const closedOn = addWorkingDays(again ?? request, 2, year.calendar);
    close = { request, returned, again, closed: earlierDay(closedOn, year.asOf) };
    until = at(request, 6, 0);
  }
  let stopOn: string | null = null;
  if (plan.role === "stopped") {
    stopOn = workdayOnOrBefore(year.calendar, addDays(year.asOf, -84));
    until = at(stopOn, 0, 0);
  }

  const periods = year
    .periods(plan.frequency)
    .filter((p) => p.end >= year.assignedOn && p.due <= addDays(year.asOf, 5));
  const pace = story.pattern === "overdue" ? 0.72 : 0.85 + 0.3 * r();
  const late = story.index % 6 === 5;
  const lastDue = periods.filter((p) => p.due < year.asOf).pop()?.key;
  periods.forEach((p, ordinal) => {
    if (plan.role === "report_missing" && p.key === lastDue) return;
    const early = workdayOnOrBefore(year.calendar, addDays(p.due, -1 - ((story.seed + ordinal) % 3)));
    // A report is written once its period is over, after a holiday that swallows the days before the due day.
    const submitDay =
      late && ordinal % 2 === 0
        ? workdayOnOrAfter(year.calendar, addDays(p.due, 1 + (ordinal % 3)))
        : early >= p.end
          ? early
          : workdayOnOrAfter(year.calendar, addDays(p.end, 1));
    const submitted = at(submitDay, 2 + (ordinal % 3), minute);
    if (submitted >= until || submitDay > year.asOf) return;
    const done = plan.milestones
      .map((m, index) => ({ m, index }))
      .filter(({ m }) => m.doneOn !== null && m.doneOn >= p.start && m.doneOn <= p.end);
    const lateMilestone = plan.milestones.find(
      (m) => m.fate === "overdue" && m.due <= p.end && m.due < submitDay,
    );
    const soon = plan.milestones.find((m) => m.fate === "due_soon" && daysBetween(submitDay, m.due) <= 20);
    const month = Number(p.end.slice(5, 7));
    const percent = Math.max(3, Math.min(95, Math.round(100 * p.elapsedShare * pace * (0.96 + 0.08 * r()))));
    const words = reportWords({
      clauses,
      seed: story.seed,
      ordinal,
      label: plan.frequency === "quarterly" ? `${"一二三四"[Math.ceil(month / 3) - 1]}季度` : `${month}月`,
      quarterly: plan.frequency === "quarterly",
      percent,
      month,
      slow: pace < 0.9,
      done: done.map(({ m }) => ({ name: m.name, doneOn: m.doneOn as string })),
      late: lateMilestone ? { name: lateMilestone.name } : null,
      soon: soon ? { name: soon.name, due: soon.due } : null,
    });
    push({
      nodeId,
      at: submitted,
      kind: "report",
      period: p.key,
      ...words,
      percent,
      milestonesDone: done.map(({ m, index }) => ({ index, doneOn: m.doneOn as string })),
    });
    // One report sent back the afternoon it came, before the review: too general; sent again the next
    // working day.
    if (plan.role === "report_returned" && ordinal === Math.floor(periods.length / 2)) {
      const back = submitDay;
      push({
        nodeId,
        at: at(back, 6, minute),
        kind: "return_report",
        period: p.key,
        reason: reportReturnReason(clauses),
      });
      push({
        nodeId,
        at: at(addWorkingDays(back, 1, year.calendar), 1, minute),
        kind: "report",
        period: p.key,
        ...words,
        progress: `${words.progress}本期完成${clauses.length}项具体工作，累计形象进度${percent}%。`,
        percent,
        milestonesDone: [],
      });
    }
  });

  for (const [k, m] of plan.milestones.entries()) {
    if (m.fate !== "adjusted" || m.movedTo === null) continue;
    const ask = workdayOnOrBefore(year.calendar, addDays(m.due, -10));
    push({
      nodeId,
      at: at(ask, 3, minute),
      kind: "request_adjustment",
      milestone: k,
      proposedDue: m.movedTo,
      reason: adjustmentReason(story.seed, m.name, m.due, m.movedTo),
    });
    push({
      nodeId,
      at: at(addWorkingDays(ask, 2, year.calendar), 7, 30),
      kind: "decide_adjustment",
      milestone: k,
      opinion: adjustmentOpinion(m.movedTo),
    });
  }
  if (close) {
    push({
      nodeId,
      at: at(close.request, 6, minute),
      kind: "request_close",
      evidence: closeEvidence(clauses),
    });
    if (close.returned && close.again) {
      push({
        nodeId,
        at: at(close.returned, 6, minute),
        kind: "return_close",
        reason: closeReturnReason(clauses),
      });
      push({
        nodeId,
        at: at(close.again, 6, minute),
        kind: "request_close",
        evidence: `${closeEvidence(clauses)}已补充验收材料。`,
      });
    }
    push({
      nodeId,
      at: at(close.closed, 7, 30 + (minute % 30)),
      kind: "close",
      opinion: closeOpinion(clauses),
    });
  }
  if (stopOn)
    push({
      nodeId,
      at: at(stopOn, 6, minute),
      kind: "stop",
      reason: stopReason(clauses.find((c) => WORKS.test(c)) ?? (clauses[0] as string)),
    });
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}
