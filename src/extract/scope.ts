// Tense and scope across a whole document (spec: "Reading a whole document"). A 政府工作报告 or an
// execution report reviews what was done before it sets what is to be done; a progress report states
// a target once and then how far it got. Whether a number is a target is decided, in order, by the
// section it stands in, by the markers of its own clause, and only then by the year words before it.

import type { Segment } from "./segments.ts";
import { type TimeMarker, timeMarkers } from "./time-context.ts";

export type Tense = "past" | "future";

export interface ScopeHeading {
  level: number;
  title: string;
  start: number;
}

/**
 * Headings that open a review: 工作回顾, 过去一年, 一年来, 上年计划执行情况, 主要成就, 发展基础,
 * …取得了新的进展. 取得 needs its 了: 推动…取得新突破 is a task, 取得了新的进展 a result. Not
 * 进展情况: a progress report states each target there before its progress (已开工…).
 */
const REVIEW_HEADING =
  /回顾|过去[一二三四五两\d]?年|[一二三四五两]年来|执行情况|完成情况|工作总结|主要成就|主要成绩|发展成就|取得了|发展基础|基础和(?:成就|成绩)/;

function headingTimes(text: string, h: ScopeHeading, periodStart: number | null): TimeMarker[] {
  return timeMarkers(text, { start: h.start, end: h.start + h.title.length + 8 }, periodStart);
}

/** Whether a heading opens a review: by its words, or because every period it names is over. */
export function isReviewHeading(text: string, h: ScopeHeading, periodStart: number | null): boolean {
  const times = headingTimes(text, h, periodStart);
  // A heading that names the plan's own period (2026年工作安排, “十五五”时期主要目标) is never a review.
  if (times.some((t) => !t.past && !t.present)) return false;
  if (REVIEW_HEADING.test(h.title)) return true;
  return times.length > 0 && times.every((t) => t.past);
}

/**
 * The spans of review sections: each runs from its heading to the next heading of the same or a
 * higher level (a smaller level number), over as many paragraphs as it holds. Sorted and disjoint.
 */
export function reviewSpans(
  text: string,
  headings: readonly ScopeHeading[],
  periodStart: number | null,
): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i] as ScopeHeading;
    if (out.length > 0 && h.start < (out[out.length - 1] as Segment).end) continue;
    if (!isReviewHeading(text, h, periodStart)) continue;
    let end = text.length;
    for (let k = i + 1; k < headings.length; k++) {
      const next = headings[k] as ScopeHeading;
      if (next.level <= h.level) {
        end = next.start;
        break;
      }
    }
    out.push({ start: h.start, end });
  }
  return out;
}

/**
 * 过去一年，… / 一年来，… / 回顾…: words that open a review where a report has no headings. A
 * paragraph that merely starts with a past year (2020年,全区…) speaks for itself only.
 */
const REVIEW_OPENING =
  /^(?:[一二三四五六七八九十\d]{1,2}[、.])?(?:过去的?[一二两三四五]年|[一二两三四五]年来|回顾)/;

/** Whether a paragraph opens a review of the past in prose, by its first words. */
export function opensReview(text: string, paragraph: Segment): boolean {
  return REVIEW_OPENING.test(text.slice(paragraph.start, paragraph.start + 12));
}

/** Whether a paragraph ends a review in prose: its first time word names the plan's period or 今年. */
export function closesReview(markers: readonly TimeMarker[]): boolean {
  const first = markers[0];
  return first !== undefined && !first.past;
}

/**
 * Words of a clause that say a number is a result: 已 / 已经 (not 而已, 不已, nor the 已有基础 a task
 * builds on), verbs with 了, 累计完成, 截至…, a year-to-date comparison (比去年同期), 目前/现有 (a
 * stock now), 预计 of the year just ending (not 比1980年预计…, which names a base).
 */
const RESULT =
  /(?<![而不])已(?:经)?(?![知往久然故])(?!(?:有|取得)[^,;。]{0,8}(?:基础|成果|成绩|经验))|(?:实现|完成|达到|增长|增加|提高|提升|下降|降低|减少|新增|建成|取得|突破|超过)了|累计完成|截[至止]|(?:去年|上年)同期|上半年|前三季度|前[一二三四五六七八九十\d]{1,2}个月|1[-—~至]\d{1,2}月|目前|现有(?![^,;。]{0,8}(?:基础|成果|水平))|实际(?=[\u4e00-\u9fa5]{0,4}[\d一二三四五六七八九十两])|(?<![年的比])预计(?!到)/g;
/**
 * Words that say a number is to be reached: 要 (not 主要, 重要, 需要, 要求 …), 力争, 确保, 争取, 计划
 * as a verb (计划新建, 计划比上年增长; not the noun of 计划任务, 年度计划 or 计划执行情况), 目标是,
 * 预期 (not 预期寿命), 拟, and 将 before a verb (将达到, 将新建; not the 将 of 将8个公司…整合 or
 * 将养老服务纳入…, which mark an object).
 */
const FUTURE =
  /(?<![主重需纲只首摘提概简必扼紧显政要])要(?![求素点害件闻员务])|力争|确保|争取|(?<![度的])计划(?=[增新建完安投实达比控开竣改降下减提扩引培招\d一二三四五六七八九十两])|目标(?:是|为)|预期(?!寿命)|(?<![即])拟(?![定])|将(?=[达增提完实新建超突保控下减开竣投启继进加推力努有在成再逐])/g;

export interface ClauseMarks {
  /** Offsets of the clause's markers, in text order. */
  at: number[];
  tense: Tense[];
  /** futures[i]: how many of the first i marks are future ones, so a range is counted at once. */
  futures: number[];
}

/** The tense markers of a sentence (or any span), in text order. */
export function clauseMarks(text: string, clause: Segment): ClauseMarks {
  const slice = text.slice(clause.start, clause.end);
  // 计划建成20个，实际建成23个: a plan set against its actual result is a past year's plan.
  // (Found with two index scans: a regex from every 计划 to a far 实际 is quadratic on long input.)
  const firstPlan = slice.indexOf("计划");
  const planIsPast = firstPlan >= 0 && slice.indexOf("实际", firstPlan) >= 0;
  const found: [number, Tense][] = [];
  for (const [re, tense] of [
    [RESULT, "past"],
    [FUTURE, "future"],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
      if (!(planIsPast && m[0] === "计划")) found.push([clause.start + m.index, tense]);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  const futures = [0];
  for (const f of found) futures.push((futures[futures.length - 1] as number) + (f[1] === "future" ? 1 : 0));
  return { at: found.map((f) => f[0]), tense: found.map((f) => f[1]), futures };
}

/** Index of the first mark at or after `at` (binary search: marks are in text order). */
function firstAtOrAfter(marks: ClauseMarks, at: number): number {
  let lo = 0;
  let hi = marks.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((marks.at[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The tense the clause's own words (those from `from` on) give a number at `at`: a future marker before it wins over a
 * result marker (力争累计完成…, 要巩固已取得的…); with no marker before it, the clause says nothing.
 */
export function tenseBefore(marks: ClauseMarks, at: number, from = 0): Tense | null {
  const lo = firstAtOrAfter(marks, from);
  const hi = firstAtOrAfter(marks, at);
  if (hi <= lo) return null;
  return (marks.futures[hi] as number) > (marks.futures[lo] as number) ? "future" : "past";
}
