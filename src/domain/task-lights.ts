// 亮灯 for a task as of any date (monitoring.md, “Status of a task as of a date”), with its working in
// words in both languages: “节点‘6月底前完成招标’已逾期12天，未报完成”.
//
// Several rules can hold at once (a task past a milestone and with a report missing); the first in
// this order is the task's status, and every rule that holds is kept in `signals` for the drill-down:
//
//   已办结 closed > 已中止 stopped > 逾期 overdue > 未签收 unacknowledged > 未报送 not_reported
//   > 临期 due_soon > 正常推进 on_track
//
// Closed and stopped come first because they end the supervision (the lifecycle makes them exclusive:
// a task is never both). Overdue outranks unacknowledged because a missed date is the office's
// first concern and names a milestone; unacknowledged outranks not_reported because a task nobody
// has taken on cannot be reported on. 临期 is a warning only, below every failure.
//
// “As of” reads the facts that existed then: a 签收, a milestone done, a report, a closing dated after
// the day asked about is not counted. Milestone dates and the deadline are the current (adjusted) ones.

import type { LocalText } from "./app-error.ts";
import {
  addWorkingDays,
  daysBetween,
  dayWords,
  isIsoDate,
  MONTHS_EN,
  type WorkCalendar,
  workingDaysBetween,
} from "./iso-dates.ts";
import type { ReportingPeriod } from "./periods.ts";

export type TaskLight =
  | "closed"
  | "stopped"
  | "overdue"
  | "unacknowledged"
  | "not_reported"
  | "due_soon"
  | "on_track";

/** The precedence: the first that holds is the status. */
export const TASK_LIGHTS: readonly TaskLight[] = [
  "closed",
  "stopped",
  "overdue",
  "unacknowledged",
  "not_reported",
  "due_soon",
  "on_track",
];

export const TASK_LIGHT_WORDS: Record<TaskLight, LocalText> = {
  closed: { zh: "已办结", en: "closed" },
  stopped: { zh: "已中止", en: "stopped" },
  overdue: { zh: "逾期", en: "overdue" },
  unacknowledged: { zh: "未签收", en: "not acknowledged" },
  not_reported: { zh: "未报送", en: "not reported" },
  due_soon: { zh: "临期", en: "due soon" },
  on_track: { zh: "正常推进", en: "on track" },
};

/** The lamp's colour: red for a failure, yellow for a warning (unacknowledged is an overdue of its own). */
export const TASK_LIGHT_TONES: Record<TaskLight, "red" | "yellow" | "green" | "blue" | "grey"> = {
  closed: "blue",
  stopped: "grey",
  overdue: "red",
  unacknowledged: "red",
  not_reported: "yellow",
  due_soon: "yellow",
  on_track: "green",
};

/** Settings of a plan. */
export interface TaskLightSettings {
  /** A milestone or the deadline within this many calendar days (inclusive): 临期. */
  dueSoonDays: number;
  /** Not acknowledged within this many working days of assignment: 未签收. */
  acknowledgeWorkingDays: number;
  /** Holidays and make-up working days; weekends are never worked otherwise. */
  calendar: WorkCalendar;
}

export const DEFAULT_TASK_LIGHT_SETTINGS: TaskLightSettings = {
  dueSoonDays: 7,
  acknowledgeWorkingDays: 3,
  calendar: {},
};

/** What happened to a task, with the days (YYYY-MM-DD); null: not (yet). */
export interface TaskTimeline {
  /** 交办: the plan's publication, or a later assignment; null while the plan is a draft. */
  assignedOn: string | null;
  acknowledgedOn: string | null;
  /** The close request waiting for the planner (null when none, or when it was returned). */
  closeRequestedOn: string | null;
  closedOn: string | null;
  stoppedOn: string | null;
  stoppedReason?: string | null;
  deadline: string | null;
  milestones: readonly { name: string; due: string; doneOn: string | null }[];
  /** The reporting periods of the task's frequency, in order. */
  periods: readonly ReportingPeriod[];
  /** By period key: the day its first progress report was submitted. */
  reportedOn: Readonly<Record<string, string | undefined>>;
}

export interface TaskLightSignal {
  light: TaskLight;
  /** Stable name of the rule: closed, stopped, milestone_overdue, deadline_overdue, unacknowledged … */
  rule: string;
  zh: string;
  en: string;
  /** Days overdue or left (working days for unacknowledged). */
  days: number | null;
  /** The date the rule turned on: the milestone's, the deadline, the 签收 limit, the report's due date. */
  due: string | null;
  milestone: string | null;
  period: string | null;
}

export interface TaskLightJudgement {
  status: TaskLight;
  /** The signal that decided (signals[0]). */
  working: TaskLightSignal;
  /** Every rule that holds, in precedence order; on_track only when nothing else does. */
  signals: TaskLightSignal[];
}

const day = (value: string | null | undefined): string | null => (value && isIsoDate(value) ? value : null);
/** A fact counts as of `asOf` when it happened on or before it. */
const by = (value: string | null | undefined, asOf: string) => {
  const d = day(value);
  return d !== null && d <= asOf;
};

const signal = (
  light: TaskLight,
  rule: string,
  text: LocalText,
  more: Partial<TaskLightSignal> = {},
): TaskLightSignal => ({
  light,
  rule,
  zh: text.zh,
  en: text.en,
  days: null,
  due: null,
  milestone: null,
  period: null,
  ...more,
});

/** 2020-04 → 2020年4月 / April 2020; 2020-Q2 → 2020年第二季度 / Q2 2020. */
export function periodWords(key: string): LocalText {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return { zh: `${q[1]}年第${"一二三四"[Number(q[2]) - 1]}季度`, en: `Q${q[2]} ${q[1]}` };
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return { zh: key, en: key };
  return { zh: `${m[1]}年${Number(m[2])}月`, en: `${MONTHS_EN[Number(m[2]) - 1] ?? m[2]} ${m[1]}` };
}

interface Due {
  what: "milestone" | "deadline";
  name: string | null;
  due: string;
}

/** Dates still to be met as of `asOf`: milestones not done by then, the deadline unless put up for closing. */
function openDues(t: TaskTimeline, asOf: string): Due[] {
  const out: Due[] = [];
  for (const m of t.milestones) {
    const due = day(m.due);
    if (due !== null && !by(m.doneOn, asOf)) out.push({ what: "milestone", name: m.name, due });
  }
  const deadline = day(t.deadline);
  if (deadline !== null && !by(t.closeRequestedOn, asOf))
    out.push({ what: "deadline", name: null, due: deadline });
  return out;
}

function overdueSignal(late: Due[], asOf: string): TaskLightSignal | null {
  if (late.length === 0) return null;
  // The longest overdue speaks; milestones before the deadline on the same day.
  const worst = [...late].sort(
    (a, b) => a.due.localeCompare(b.due) || (a.what === "milestone" ? -1 : 1),
  )[0] as Due;
  const days = daysBetween(worst.due, asOf);
  const more = late.filter((d) => d.what === "milestone" && d !== worst).length;
  const moreZh = more > 0 ? `（另有${more}个节点逾期）` : "";
  const moreEn = more > 0 ? ` (${more} more milestone${more > 1 ? "s" : ""} overdue)` : "";
  const text: LocalText =
    worst.what === "milestone"
      ? {
          zh: `节点‘${worst.name}’已逾期${days}天，未报完成${moreZh}`,
          en: `milestone ‘${worst.name}’ is ${days} day${days > 1 ? "s" : ""} overdue and not reported done${moreEn}`,
        }
      : {
          zh: `已超过完成时限（${dayWords(worst.due, true).zh}）${days}天，未办结${moreZh}`,
          en: `${days} day${days > 1 ? "s" : ""} past the deadline (${dayWords(worst.due, true).en}), not closed${moreEn}`,
        };
  return signal("overdue", worst.what === "milestone" ? "milestone_overdue" : "deadline_overdue", text, {
    days,
    due: worst.due,
    milestone: worst.name,
  });
}

function dueSoonSignal(soon: Due[], asOf: string): TaskLightSignal {
  const next = [...soon].sort(
    (a, b) => a.due.localeCompare(b.due) || (a.what === "milestone" ? -1 : 1),
  )[0] as Due;
  const days = daysBetween(asOf, next.due);
  const when = dayWords(next.due);
  const leftZh = days === 0 ? "今天到期" : `还有${days}天到期`;
  const leftEn = days === 0 ? "due today" : `due in ${days} day${days > 1 ? "s" : ""}`;
  const text: LocalText =
    next.what === "milestone"
      ? {
          zh: `节点‘${next.name}’${leftZh}（${when.zh}）`,
          en: `milestone ‘${next.name}’ is ${leftEn} (${when.en})`,
        }
      : { zh: `完成时限${leftZh}（${when.zh}）`, en: `the deadline is ${leftEn} (${when.en})` };
  return signal("due_soon", next.what === "milestone" ? "milestone_due_soon" : "deadline_due_soon", text, {
    days,
    due: next.due,
    milestone: next.name,
  });
}

function onTrackSignal(t: TaskTimeline, asOf: string, ahead: Due[], ackBy: string | null): TaskLightSignal {
  if (!by(t.assignedOn, asOf))
    return signal("on_track", "not_assigned", { zh: "尚未交办", en: "not assigned yet" });
  if (by(t.closeRequestedOn, asOf)) {
    return signal("on_track", "close_requested", {
      zh: "已申请办结，待审核",
      en: "closing requested, awaiting review",
    });
  }
  const waiting: LocalText | null =
    ackBy !== null && !by(t.acknowledgedOn, asOf)
      ? { zh: `待签收（限${dayWords(ackBy).zh}前）；`, en: `to be acknowledged by ${dayWords(ackBy).en}; ` }
      : null;
  const next = [...ahead].sort((a, b) => a.due.localeCompare(b.due))[0];
  let text: LocalText;
  if (!next) text = { zh: "正常推进，无待完成的节点或时限", en: "on track, no milestone or deadline ahead" };
  else {
    const days = daysBetween(asOf, next.due);
    const when = dayWords(next.due);
    text =
      next.what === "milestone"
        ? {
            zh: `正常推进，下一节点‘${next.name}’${when.zh}到期（还有${days}天）`,
            en: `on track; next milestone ‘${next.name}’ due ${when.en} (in ${days} day${days > 1 ? "s" : ""})`,
          }
        : {
            zh: `正常推进，完成时限${when.zh}（还有${days}天）`,
            en: `on track; deadline ${when.en} (in ${days} day${days > 1 ? "s" : ""})`,
          };
  }
  return signal(
    "on_track",
    "on_track",
    waiting ? { zh: waiting.zh + text.zh, en: waiting.en + text.en } : text,
    next ? { due: next.due, milestone: next.name, days: daysBetween(asOf, next.due) } : {},
  );
}

/**
 * The task's light as of `asOf` (YYYY-MM-DD; a RangeError otherwise). Facts that are not dates are
 * ignored rather than trusted; the judgement always names exactly one status.
 */
export function judgeTask(
  t: TaskTimeline,
  asOf: string,
  settings: TaskLightSettings = DEFAULT_TASK_LIGHT_SETTINGS,
): TaskLightJudgement {
  if (!isIsoDate(asOf)) throw new RangeError(`not an ISO date: ${asOf}`);
  const signals: TaskLightSignal[] = [];
  const closedOn = day(t.closedOn);
  if (closedOn !== null && closedOn <= asOf) {
    const w = dayWords(closedOn, true);
    signals.push(
      signal("closed", "closed", { zh: `已于${w.zh}办结销号`, en: `closed on ${w.en}` }, { due: closedOn }),
    );
  }
  const stoppedOn = day(t.stoppedOn);
  if (stoppedOn !== null && stoppedOn <= asOf) {
    const w = dayWords(stoppedOn, true);
    const reason = (t.stoppedReason ?? "").trim();
    signals.push(
      signal(
        "stopped",
        "stopped",
        {
          zh: `已于${w.zh}中止${reason ? `：${reason}` : ""}`,
          en: `stopped on ${w.en}${reason ? `: ${reason}` : ""}`,
        },
        { due: stoppedOn },
      ),
    );
  }
  // A closed or stopped task is no longer supervised: nothing else is said of it.
  if (signals.length > 0)
    return { status: (signals[0] as TaskLightSignal).light, working: signals[0] as TaskLightSignal, signals };
  const dues = openDues(t, asOf);
  const overdue = overdueSignal(
    dues.filter((d) => d.due < asOf),
    asOf,
  );
  if (overdue) signals.push(overdue);

  const assignedOn = day(t.assignedOn);
  const assigned = assignedOn !== null && assignedOn <= asOf;
  const ackBy = assigned
    ? addWorkingDays(assignedOn, settings.acknowledgeWorkingDays, settings.calendar)
    : null;
  if (ackBy !== null && !by(t.acknowledgedOn, asOf) && asOf > ackBy) {
    const late = workingDaysBetween(ackBy, asOf, settings.calendar);
    const n = settings.acknowledgeWorkingDays;
    signals.push(
      signal(
        "unacknowledged",
        "unacknowledged",
        {
          zh: `交办后${n}个工作日内应签收（限${dayWords(ackBy).zh}前），已超期${late}个工作日未签收`,
          en: `not acknowledged within ${n} working days of assignment (by ${dayWords(ackBy).en}): ${late} working day${late > 1 ? "s" : ""} late`,
        },
        { days: late, due: ackBy },
      ),
    );
  }

  if (assigned && !by(t.closeRequestedOn, asOf)) {
    // The latest period past its due date that the task was assigned in time to report on.
    let last: ReportingPeriod | null = null;
    for (const p of t.periods)
      if (p.end >= assignedOn && p.due < asOf && (!last || p.due > last.due)) last = p;
    if (last && !by(t.reportedOn[last.key], asOf)) {
      const p = periodWords(last.key);
      const due = dayWords(last.due);
      signals.push(
        signal(
          "not_reported",
          "report_missing",
          {
            zh: `${p.zh}的进展应于${due.zh}前报送，至今未报`,
            en: `the progress report for ${p.en} was due by ${due.en} and has not come`,
          },
          { due: last.due, period: last.key, days: daysBetween(last.due, asOf) },
        ),
      );
    }
  }

  const n = Math.max(0, settings.dueSoonDays);
  const soon = dues.filter((d) => d.due >= asOf && daysBetween(asOf, d.due) <= n);
  if (soon.length > 0) signals.push(dueSoonSignal(soon, asOf));

  if (signals.length === 0) {
    signals.push(
      onTrackSignal(
        t,
        asOf,
        dues.filter((d) => d.due >= asOf),
        ackBy,
      ),
    );
  }
  signals.sort((a, b) => TASK_LIGHTS.indexOf(a.light) - TASK_LIGHTS.indexOf(b.light));
  const working = signals[0] as TaskLightSignal;
  return { status: working.light, working, signals };
}
