// Calendar days as ISO strings (YYYY-MM-DD), counted in UTC so that no time zone moves a day, and
// working days (Monday to Friday, minus the holidays a calendar names, plus its make-up working days:
// the State Council's 调休 moves a Saturday into the week).

import type { LocalText } from "./app-error.ts";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, "0");

/** True for a real calendar day written YYYY-MM-DD (2020-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= lastDayOfMonth(y, mo);
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Days since 1970-01-01; throws on a string that is not YYYY-MM-DD (callers check input first). */
export function dayNumber(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

export function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `to − from` in calendar days (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Holidays and make-up working days of a year; a hook the plan (or a yearly list) fills in. */
export interface WorkCalendar {
  /** Weekdays that are not worked (春节, 国庆 …). */
  holidays?: readonly string[];
  /** Saturdays or Sundays that are worked (调休). */
  workdays?: readonly string[];
}

export function isWorkingDay(iso: string, calendar: WorkCalendar = {}): boolean {
  if (calendar.workdays?.includes(iso)) return true;
  if (calendar.holidays?.includes(iso)) return false;
  // 1970-01-01 was a Thursday: day 0 → 4 (Sunday = 0).
  const weekday = (((dayNumber(iso) + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** The `n`th working day after `from` (not counting `from` itself); `from` for n ≤ 0. */
export function addWorkingDays(from: string, n: number, calendar: WorkCalendar = {}): string {
  let day = dayNumber(from);
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkingDay(fromDayNumber(day), calendar)) left--;
  }
  return fromDayNumber(day);
}

/** Working days in (from, to]: after `from`, up to and including `to`; 0 when `to` is not later. */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar = {}): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b <= a) return 0;
  // Counted, not walked: five a week, the days of the last part week, then the calendar's exceptions
  // (a report of a thousand tasks asks this for each, over a year).
  const weeks = Math.floor((b - a) / 7);
  let count = weeks * 5;
  for (let day = a + 1 + weeks * 7; day <= b; day++) if (!isWeekend(day)) count++;
  const workdays = new Set(calendar.workdays ?? []);
  for (const holiday of new Set(calendar.holidays ?? [])) {
    const day = dayNumber(holiday);
    if (!workdays.has(holiday) && day > a && day <= b && !isWeekend(day)) count--;
  }
  for (const workday of workdays) {
    const day = dayNumber(workday);
    if (day > a && day <= b && isWeekend(day)) count++;
  }
  return count;
}

/** 1970-01-01 (day 0) was a Thursday. */
function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

export const MONTHS_EN: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A day as a person reads it: 6月30日 / 30 June, with the year (2020年6月30日 / 30 June 2020) when
 * `withYear` — callers drop it where the plan year is understood.
 */
export function dayWords(iso: string, withYear = false): LocalText {
  const m = ISO.exec(iso);
  if (!m) return { zh: iso, en: iso };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return {
    zh: `${withYear ? `${y}年` : ""}${mo}月${d}日`,
    en: `${d} ${MONTHS_EN[mo - 1]}${withYear ? ` ${y}` : ""}`,
  };
}
