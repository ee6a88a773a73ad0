// Deadlines (完成时限) and milestones (节点) as offices write them, read into days of a plan year:
// 全年 / 年底前 / 12月底前 → 12-31; 6月底 / 六月底 → 06-30; 三季度末 → 09-30; 上半年 → 06-30;
// 2020年12月底前 → 2020-12-31; 6月15日前 → 06-15; 长期 / 持续推进 → no deadline, said so. A phrase
// not recognised is answered null, never guessed: the planner then sets the date by hand.
// (src/extract/milestones.ts finds things to be built — 建成南开美术馆 — and reads no dates; the
// 任务分解表 reader in src/reports/breakdown-model.ts reads its 完成时限 and quarter columns with these.)

import type { LocalText } from "./app-error.ts";
import { isIsoDate, isoDate, lastDayOfMonth, MONTHS_EN } from "./iso-dates.ts";
import { parseChineseNumeral } from "./numerals.ts";

export type DeadlineReading =
  /** A day: the last day the words allow. */
  | { kind: "date"; text: string; date: string }
  /** Words that set no day (长期坚持, 持续推进): the task has no deadline, and says so. */
  | { kind: "open"; text: string; date: null };

export const OPEN_DEADLINE_WORDS: LocalText = { zh: "长期（无完成时限）", en: "ongoing (no deadline)" };

const OPEN =
  /^(?:长期|持续|常态化|长效|久久为功)(?:坚持|推进|开展|实施|落实|抓好|推动)?(?:推进|实施)?$|^(?:持续|长期)$/;

const norm = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[。.,，;；]$/, "");

/** 6, 06, 六, 十二 → a month or day number, or null. */
function numberOf(word: string): number | null {
  if (/^\d{1,2}$/.test(word)) return Number(word);
  return parseChineseNumeral(word);
}

const MONTH_WORD = "(\\d{1,2}|十[一二]?|[一二三四五六七八九])";
const DAY_WORD = "(\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])";
/** Words after the time that keep its meaning: 前, 以前, 之前, 完成, 内. */
const TAIL = "(?:前|以前|之前|内|止)?(?:完成)?";

const DAY_RE = new RegExp(`^${MONTH_WORD}月${DAY_WORD}[日号]${TAIL}$`);
const MONTH_RE = new RegExp(`^${MONTH_WORD}月(?:份)?(?:底|末|末底|中下旬|下旬)?${TAIL}$`);
const MONTH_END_RE = new RegExp(`^${MONTH_WORD}月(?:份)?(?:底|末)${TAIL}$`);
/** 9月上旬 / 9月中旬: the 10th and the 20th (下旬 is the month's end, above). */
const TEN_DAYS_RE = new RegExp(`^${MONTH_WORD}月(上|中)旬${TAIL}$`);
const QUARTER_RE = /^(前)?(?:第)?([一二三四1-4])季度(?:末|底)?(?:前|以前|之前|内)?(?:完成)?$|^Q([1-4])$/i;
const HALF_RE = /^([上下])半年(?:末|底)?(?:前|以前|之前|内)?(?:完成)?$/;
const YEAR_END_RE =
  /^(?:全年|年底|年末|年内|年度|当年|本年|本年度|年底前|年末前)(?:前|以前|之前|内)?(?:完成)?$/;

/**
 * The deadline a phrase states for a plan of `year` (the year used when the phrase names none),
 * or null when it is not recognised.
 */
export function readDeadline(raw: string, year: number): DeadlineReading | null {
  const written = raw.trim();
  let t = norm(raw).replace(/^(?:于|在|至|截至|到|力争|确保|争取|计划)/, "");
  if (t === "") return null;
  if (OPEN.test(t)) return { kind: "open", text: written, date: null };
  const date = (d: string | null): DeadlineReading | null =>
    d ? { kind: "date", text: written, date: d } : null;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:前|以前|之前)?$/.exec(t);
  if (iso) {
    const d = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date(isIsoDate(d) ? d : null);
  }
  // 2020.12 / 2020-06: the month's last day, as a sheet's date column often holds it.
  const yearMonth = /^(\d{4})[-/.](\d{1,2})(?:前|以前|之前|底|末)?$/.exec(t);
  if (yearMonth) {
    const m = Number(yearMonth[2]);
    if (m < 1 || m > 12) return null;
    return date(isoDate(Number(yearMonth[1]), m, lastDayOfMonth(Number(yearMonth[1]), m)));
  }
  let y = year;
  const yearPrefix = /^(\d{4})年(?:度)?/.exec(t);
  if (yearPrefix) {
    y = Number(yearPrefix[1]);
    t = t.slice(yearPrefix[0].length);
    // 2020年 / 2020年底前 / 2020年内: the whole year.
    if (t === "" || /^(?:底|末|内|前|以前|之前|底前|末前)(?:完成)?$/.test(t)) return date(isoDate(y, 12, 31));
  }
  if (YEAR_END_RE.test(t)) return date(isoDate(y, 12, 31));
  const day = DAY_RE.exec(t);
  if (day) {
    const m = numberOf(day[1] as string);
    const d = numberOf(day[2] as string);
    if (m === null || d === null || m < 1 || m > 12 || d < 1 || d > lastDayOfMonth(y, m)) return null;
    return date(isoDate(y, m, d));
  }
  const tenDays = TEN_DAYS_RE.exec(t);
  if (tenDays) {
    const m = numberOf(tenDays[1] as string);
    if (m === null || m < 1 || m > 12) return null;
    return date(isoDate(y, m, tenDays[2] === "上" ? 10 : 20));
  }
  // 6月前 (before June, or by June?) is read both ways by offices: left to the planner.
  const month = MONTH_END_RE.exec(t) ?? (/前/.test(t) ? null : MONTH_RE.exec(t));
  if (month) {
    const m = numberOf(month[1] as string);
    if (m === null || m < 1 || m > 12) return null;
    return date(isoDate(y, m, lastDayOfMonth(y, m)));
  }
  const q = QUARTER_RE.exec(t);
  if (q) {
    const n = numberOf((q[2] ?? q[3]) as string);
    if (n === null || n < 1 || n > 4) return null;
    return date(isoDate(y, n * 3, lastDayOfMonth(y, n * 3)));
  }
  const half = HALF_RE.exec(t);
  if (half) return date(half[1] === "上" ? isoDate(y, 6, 30) : isoDate(y, 12, 31));
  return null;
}

/** The day a deadline phrase allows, or null (not recognised, or no deadline: see readDeadline). */
export function parseDeadline(text: string, year: number): string | null {
  return readDeadline(text, year)?.date ?? null;
}

/** How a deadline reads back: 2020年6月底 / end of June 2020, 2020年6月15日 / 15 June 2020, 长期. */
export function deadlineWords(date: string | null): LocalText {
  if (date === null) return OPEN_DEADLINE_WORDS;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const month = MONTHS_EN[m - 1] ?? String(m);
  return d === lastDayOfMonth(y, m)
    ? { zh: `${y}年${m}月底`, en: `end of ${month} ${y}` }
    : { zh: `${y}年${m}月${d}日`, en: `${d} ${month} ${y}` };
}

export interface TextMilestone {
  /** The clause as written, without list numbers or 确保/力争: 6月底前完成招标. */
  name: string;
  /** YYYY-MM-DD */
  due: string;
  /** Offsets of `name` in the text given. */
  start: number;
  end: number;
}

/** The time words a milestone clause opens with (after 确保, 力争 …). */
const TIME_AT_START = new RegExp(
  "^(?:(\\d{4})年)?(" +
    "全年|年底前|年底|年末前|年末|年内|上半年|下半年|" +
    "(?:前|第)?[一二三四1-4]季度(?:末|底)?|" +
    `${MONTH_WORD}月${DAY_WORD}[日号]|` +
    `${MONTH_WORD}月(?:份)?(?:底|末)` +
    ")(?:前|以前|之前|内)?",
);

/** What a milestone clause does after its time: a verb of work finished or begun. */
const DEED =
  /^(?:基本|全面|全部|初步|顺利|如期|实现|正式)?(?:完成|建成|竣工|开工|启动|投用|投入使用|投运|开放|开业|开馆|开园|交付|验收|招标|签约|出台|印发|制定|编制|形成|落地|上线|运行|挂牌|通车|搬迁|移交|达到|实现|具备|办结|推出|召开|举办|成立|组建|供水|通水|通电)/;

const CLAUSE_BREAK = /[，,；;。！!？?\n]/;

/**
 * Milestones stated in a task's text: each clause that opens with a time (6月底前, 年底前, 三季度末,
 * 2020年10月15日前) and goes on with a deed (完成招标, 竣工): “6月底前完成招标，年底前竣工” gives two.
 * A time that is not a milestone (今年以来, 上半年完成投资12亿元 as a past result) is the extractor's
 * matter: this reads task text the planner has already accepted as a task.
 */
export function milestonesInText(text: string, year: number): TextMilestone[] {
  const out: TextMilestone[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !CLAUSE_BREAK.test(text[i] as string)) continue;
    const found = clauseMilestone(text, start, i, year);
    if (found) out.push(found);
    start = i + 1;
  }
  return out;
}

function clauseMilestone(text: string, from: number, to: number, year: number): TextMilestone | null {
  let s = from;
  const slice = () => text.slice(s, to);
  const lead =
    /^(?:\s|\d{1,2}[.、](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳])*(?:并|同时|且)?(?:确保|力争|争取|计划|预计|要|于|在)*/.exec(
      slice(),
    );
  s += lead?.[0].length ?? 0;
  const time = TIME_AT_START.exec(slice());
  if (!time) return null;
  const rest = slice()
    .slice(time[0].length)
    .replace(/^(?:前|以前|之前)/, "");
  const deed = /^(?:确保|力争|争取|全部|要)?/.exec(rest)?.[0] ?? "";
  if (!DEED.test(rest.slice(deed.length))) return null;
  if (/^以来|^同比/.test(rest)) return null;
  const due = parseDeadline(time[0], year);
  if (due === null) return null;
  const name = slice().replace(/\s+$/, "");
  if (name.length > 60) return null;
  return { name, due, start: s, end: s + name.length };
}

/** A time inside words, not only at their start: 完成招标（6月底前）, 主体结构于三季度末封顶. */
const TIME_ANYWHERE = new RegExp(
  "(?:\\d{4}年(?:底|末)|(?:\\d{4}年)?(?:" +
    "年底|年末|上半年|下半年|" +
    "(?:前|第)?[一二三四1-4]季度(?:末|底)?|" +
    `${MONTH_WORD}月${DAY_WORD}[日号]|` +
    `${MONTH_WORD}月(?:份)?(?:底|末|上旬|中旬|下旬)` +
    "))(?:前|以前|之前|内)?",
  "g",
);

export interface DateInText {
  date: string;
  /** The time words as found (6月底前) and their offsets in the text. */
  words: string;
  /** Offsets in the text as NFKC-normalised (the same as the text's for Chinese and ASCII). */
  start: number;
  end: number;
}

/**
 * The first time named anywhere in a text and the day it allows, or null. 全年 / 年内 are left out:
 * in “完成全年任务的50%” they say what, not when.
 */
export function firstDateInText(text: string, year: number): DateInText | null {
  const t = text.normalize("NFKC");
  for (const m of t.matchAll(TIME_ANYWHERE)) {
    const before = t[m.index - 1];
    // 13月, 2020年 … : a digit before the time belongs to another number.
    if (before !== undefined && /\d/.test(before)) continue;
    const date = parseDeadline(m[0], year);
    if (date !== null) return { date, words: m[0], start: m.index, end: m.index + m[0].length };
  }
  return null;
}
