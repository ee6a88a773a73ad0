// When the server reminds a department by itself, and how hard: N days before a due date, on the day,
// N days after it, then 黄牌 (a yellow card) after more days overdue and 红牌 (a red card, to the leader
// in charge as well) after more still. The steps only ever climb as the days pass, so at any moment
// the one step to take is the highest that applies; a lower one not yet taken is passed over (a server
// that was down for a week sends one red card, not five messages).

export type LadderLevel = "reminder" | "yellow" | "red";

export interface LadderSettings {
  /** Off unless a planner turns it on for the plan (自动催报). */
  enabled: boolean;
  daysBefore: number | null;
  onDay: boolean;
  daysAfter: number | null;
  yellowAfterDays: number | null;
  redAfterDays: number | null;
}

export const DEFAULT_LADDER: LadderSettings = {
  enabled: false,
  daysBefore: 3,
  onDay: true,
  daysAfter: 1,
  yellowAfterDays: 5,
  redAfterDays: 10,
};

export interface LadderStep {
  /** before:3 | on_day | after:1 | yellow | red — with the due date, the once-only key. */
  rule: string;
  level: LadderLevel;
  /** Position on the ladder: a higher rank supersedes the lower ones. */
  rank: number;
}

/** The steps that apply when the due date is `daysLeft` days away (negative: overdue), lowest first. */
export function applicableSteps(daysLeft: number, s: LadderSettings): LadderStep[] {
  const out: LadderStep[] = [];
  if (s.daysBefore !== null && s.daysBefore > 0 && daysLeft > 0 && daysLeft <= s.daysBefore) {
    out.push({ rule: `before:${s.daysBefore}`, level: "reminder", rank: 1 });
  }
  if (s.onDay && daysLeft === 0) out.push({ rule: "on_day", level: "reminder", rank: 2 });
  const late = -daysLeft;
  if (s.daysAfter !== null && s.daysAfter > 0 && late >= s.daysAfter) {
    out.push({ rule: `after:${s.daysAfter}`, level: "reminder", rank: 3 });
  }
  if (s.yellowAfterDays !== null && s.yellowAfterDays > 0 && late >= s.yellowAfterDays) {
    out.push({ rule: "yellow", level: "yellow", rank: 4 });
  }
  if (s.redAfterDays !== null && s.redAfterDays > 0 && late >= s.redAfterDays) {
    out.push({ rule: "red", level: "red", rank: 5 });
  }
  return out;
}

/** The one step to take now, or null: the highest that applies, unless it (or a higher one) was taken. */
export function nextStep(
  daysLeft: number,
  s: LadderSettings,
  takenRules: ReadonlySet<string>,
): LadderStep | null {
  if (!s.enabled) return null;
  const steps = applicableSteps(daysLeft, s);
  const top = steps[steps.length - 1];
  if (!top) return null;
  const takenRank = Math.max(0, ...steps.filter((x) => takenRules.has(x.rule)).map((x) => x.rank));
  return top.rank > takenRank ? top : null;
}

function whole(value: unknown, fallback: number | null): number | null {
  if (value === null) return null;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 366
    ? value
    : fallback;
}

/** The ladder of a plan's settings JSON (the `reminders` key), defaults where a field is absent or bad. */
export function ladderOf(raw: unknown): LadderSettings {
  const r = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  return {
    enabled: r.enabled === true,
    daysBefore: whole(r.daysBefore, DEFAULT_LADDER.daysBefore),
    onDay: r.onDay === undefined ? DEFAULT_LADDER.onDay : r.onDay === true,
    daysAfter: whole(r.daysAfter, DEFAULT_LADDER.daysAfter),
    yellowAfterDays: whole(r.yellowAfterDays, DEFAULT_LADDER.yellowAfterDays),
    redAfterDays: whole(r.redAfterDays, DEFAULT_LADDER.redAfterDays),
  };
}

/** Retries of a failed delivery: after 1, 5, 30 and 120 minutes, then it is given up and shown as failed. */
export const RETRY_MINUTES: readonly number[] = [1, 5, 30, 120];
