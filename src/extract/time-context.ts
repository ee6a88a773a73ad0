// Whether a number speaks of the plan's period or of the past. Execution reports and news of a
// 政府工作报告 mix last year's results (2019年…增长6.1%) with this year's targets; a paragraph's
// latest time word before a number decides which it is.

import { parseChineseNumeral } from "../domain/numerals.ts";
import { fiveYearPeriod } from "./meta.ts";
import type { Segment } from "./segments.ts";

export interface TimeMarker {
  at: number;
  past: boolean;
  /** 今年, the year of speaking: the plan year in a target part, but no proof of it inside a review. */
  present?: boolean;
}

/** 今年以来, 今年上半年, 今年前三季度: a part of the current year already run, i.e. progress. */
const YEAR_TO_DATE = /^(?:以来|上半年|前三季度|[一二三]季度|前\d{1,2}个月|1-\d{1,2}月|\d{1,2}月(?:份)?以来)/;

const MARKER =
  /(?<![比较与同])(?:(?:到|至)?(\d{4})(?:\s*[-—–~至]\s*(\d{4}))?年(?!\d{1,2}月|的基础上|基础上|度?以来|同期|的\d|的水平|水平|的同期)|去年|上年|过去的?一年|过去[两三四五]年|[一二三四五两]年来|今年|明年|本年度|新的一年|[“"]?([一二三四五六七八九十]{1,3})五[”"]?(?:时期|期间|以来))/g;

export function timeMarkers(text: string, paragraph: Segment, periodStart: number | null): TimeMarker[] {
  const out: TimeMarker[] = [];
  const slice = text.slice(paragraph.start, paragraph.end);
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(slice); m !== null; m = MARKER.exec(slice)) {
    const word = m[0];
    let past: boolean;
    if (/去年|上年|过去|年来/.test(word)) past = true;
    else if (word === "今年") {
      const toDate = YEAR_TO_DATE.test(slice.slice(m.index + word.length, m.index + word.length + 6));
      out.push({ at: paragraph.start + m.index, past: toDate, present: !toDate });
      continue;
    } else if (/明年|本年度|新的一年/.test(word)) past = false;
    else if (m[3] !== undefined) {
      const n = parseChineseNumeral(m[3]);
      if (n === null || periodStart === null) continue;
      past = fiveYearPeriod(n).end < periodStart;
    } else {
      const year = Number(m[2] ?? m[1]);
      if (periodStart === null) continue;
      past = year < periodStart;
    }
    out.push({ at: paragraph.start + m.index, past });
  }
  return out;
}

/** The latest time word before `at` in its paragraph, or null. */
export function markerBefore(markers: TimeMarker[], at: number): TimeMarker | null {
  // Markers are in text order: find the last one before `at`.
  let lo = 0;
  let hi = markers.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((markers[mid] as TimeMarker).at < at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? (markers[found] as TimeMarker) : null;
}

/** True when the latest time word before `at` in its paragraph speaks of the past. */
export function isPast(markers: TimeMarker[], at: number): boolean {
  return markerBefore(markers, at)?.past === true;
}
