// Reporting periods of a plan and the schedule (时序进度): how much of the plan period has elapsed at
// the end of each period. Dates are ISO strings (YYYY-MM-DD), compared as strings.

export type Frequency = "monthly" | "quarterly";

export interface ReportingPeriod {
  /** 2020-04 for a month, 2020-Q2 for a quarter. */
  key: string;
  /** First and last day, inclusive. */
  start: string;
  end: string;
  /** The last day a report for the period is on time. */
  due: string;
  /** Share of the plan period elapsed at the end of this period, 0..1 (end of April in a one-year plan: 4/12). */
  elapsedShare: number;
  /** 1-based position in the plan period. */
  index: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

function parseDate(iso: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthIndex(iso: string): number {
  const { y, m } = parseDate(iso);
  return y * 12 + (m - 1);
}

/** The date `dueDay` days into the month after `end` (default: the 5th of the next month). */
export function dueDateAfter(end: string, dueDay = 5): string {
  const { y, m } = parseDate(end);
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  const day = Math.min(Math.max(1, dueDay), lastDayOfMonth(ny, nm));
  return `${ny}-${pad(nm)}-${pad(day)}`;
}

/**
 * The reporting periods of a plan period, in order. A plan period is whole months
 * (periodStart on a 1st, periodEnd on a month's last day); quarters follow the calendar.
 */
export function reportingPeriods(
  periodStart: string,
  periodEnd: string,
  frequency: Frequency,
  dueDay = 5,
): ReportingPeriod[] {
  const first = monthIndex(periodStart);
  const last = monthIndex(periodEnd);
  if (last < first) throw new RangeError(`plan period ends before it starts: ${periodStart}–${periodEnd}`);
  const totalMonths = last - first + 1;
  const out: ReportingPeriod[] = [];
  const step = frequency === "monthly" ? 1 : 3;
  let cursor = first;
  while (cursor <= last) {
    const y = Math.floor(cursor / 12);
    const m = (cursor % 12) + 1;
    // A quarter ends at the calendar quarter's last month (or the plan's end).
    const endMonth = frequency === "monthly" ? cursor : Math.min(last, y * 12 + Math.ceil(m / 3) * 3 - 1);
    const ey = Math.floor(endMonth / 12);
    const em = (endMonth % 12) + 1;
    const end = `${ey}-${pad(em)}-${pad(lastDayOfMonth(ey, em))}`;
    out.push({
      key: frequency === "monthly" ? `${y}-${pad(m)}` : `${y}-Q${Math.ceil(m / 3)}`,
      start: `${y}-${pad(m)}-01`,
      end,
      due: dueDateAfter(end, dueDay),
      elapsedShare: (endMonth - first + 1) / totalMonths,
      index: out.length + 1,
    });
    cursor = frequency === "monthly" ? cursor + step : endMonth + 1;
  }
  return out;
}

/** The last period that has ended on or before `asOf`, or null when none has. */
export function lastEndedPeriod(periods: ReportingPeriod[], asOf: string): ReportingPeriod | null {
  let found: ReportingPeriod | null = null;
  for (const p of periods) if (p.end <= asOf) found = p;
  return found;
}
