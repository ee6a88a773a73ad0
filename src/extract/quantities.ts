// Finds quantities in the cleaned text: a number, its magnitude, a unit and a comparator suffix
// (30家以上, 14.1万平方米, 6%-6.5%, 百分之五, 两所). Dates, ordinals and numbers without a unit are
// not quantities. The patterns are linear: no nested quantifiers, so hostile input cannot make them
// backtrack.

import { magnitudeFactor, parseNumber, scale } from "../domain/numerals.ts";
import { matchBaseUnit } from "../domain/units.ts";

export type SuffixComparator = "at_least" | "at_most" | "about" | null;

export interface Quantity {
  /** Span in the cleaned text: number through unit and suffix. */
  start: number;
  end: number;
  /** End of the unit, before any suffix such as 以上. */
  unitEnd: number;
  value: number;
  value2: number | null;
  unit: string;
  displayUnit: string;
  display: string;
  suffix: SuffixComparator;
  /** Written in Chinese numerals (三个, 两所) rather than digits. */
  chinese: boolean;
}

const NUMBER_START =
  /(百分之)?(\d+(?:,\d{3})*(?:\.\d+)?|[一二两三四五六七八九十〇零][零〇一二两三四五六七八九十百千万亿]{0,12})/g;
const MAGNITUDE = /^[十百千万亿]{1,3}/;
const RANGE = /^(%|‰)?(?:-|~|—|–|－|至|到)(\d+(?:\.\d+)?)([十百千万亿]{0,3})/;
const SUFFIXES: [string, SuffixComparator][] = [
  ["以上", "at_least"],
  ["多", "at_least"],
  ["余", "at_least"],
  ["以内", "at_most"],
  ["之内", "at_most"],
  ["以下", "at_most"],
  ["左右", "about"],
  ["上下", "about"],
];
/** What a number followed by these is: a date, an ordinal, a name — never a quantity. */
const NOT_QUANTITY_AFTER =
  /^(年|月|日|号|届|次会|期|版|强|线|时|周年|点\d|:\d|-\d{1,2}-|\.\d+版|后|前|世纪|代)/;
const UNITS_WITH_QIAN = ["千瓦时", "千瓦", "千米", "千克", "千伏安", "千伏"];

function readSuffix(text: string, at: number): { comparator: SuffixComparator; length: number } {
  for (const [word, comparator] of SUFFIXES) {
    if (text.startsWith(word, at)) return { comparator, length: word.length };
  }
  return { comparator: null, length: 0 };
}

/** Parses the longest prefix of a Chinese numeral run that is a number (一万二千 → all; 三大 → 三). */
function longestChinese(run: string): { value: number; length: number } | null {
  for (let len = run.length; len > 0; len--) {
    const value = parseNumber(run.slice(0, len));
    if (value !== null) return { value, length: len };
  }
  return null;
}

export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  NUMBER_START.lastIndex = 0;
  for (let m = NUMBER_START.exec(text); m !== null; m = NUMBER_START.exec(text)) {
    const start = m.index;
    const percentWord = m[1] !== undefined;
    let token = m[2] as string;
    const chinese = !/^\d/.test(token);
    const before = text[start - 1] ?? "";
    // Part of a code, a version or a bigger number: PM2.5, V2, 2.0版, 第25届.
    if (/[A-Za-z.\d_/]/.test(before) || before === "第") continue;
    let value: number;
    if (chinese) {
      const parsed = longestChinese(token);
      if (!parsed) {
        // Nothing in this run of numeral characters reads as a number (十十十…): skip all of it.
        NUMBER_START.lastIndex = start + (m[1]?.length ?? 0) + token.length;
        continue;
      }
      value = parsed.value;
      token = token.slice(0, parsed.length);
    } else {
      const parsed = parseNumber(token);
      if (parsed === null) continue;
      value = parsed;
    }
    let pos = start + (m[1]?.length ?? 0) + token.length;
    // A run of numeral characters is read once: 十十十… must not be retried at every character.
    NUMBER_START.lastIndex = chinese ? start + m[0].length : pos;
    let magnitude = "";
    if (!chinese) {
      const mag = MAGNITUDE.exec(text.slice(pos, pos + 3));
      if (mag) magnitude = mag[0];
    }
    // 千 before 瓦/米/克/伏 belongs to the unit (5千瓦 is five kilowatts, not 5000 瓦).
    if (
      magnitude.endsWith("千") &&
      UNITS_WITH_QIAN.some((u) => text.startsWith(u, pos + magnitude.length - 1))
    ) {
      magnitude = magnitude.slice(0, -1);
    }
    pos += magnitude.length;
    const factor = magnitudeFactor(magnitude) ?? 1;
    value = scale(value, factor);
    // 3000余家, 50多家: "more than", written before the unit.
    let beforeUnit: SuffixComparator = null;
    if ((text[pos] === "余" || text[pos] === "多") && matchBaseUnit(text.slice(pos + 1, pos + 7)) !== null) {
      beforeUnit = "at_least";
      pos += 1;
    } else if ((text[pos] === "余" || text[pos] === "多") && magnitude === "") {
      // 四十多亿元, 300余万人: the magnitude follows the 多 of "more than".
      const mag = /^[万亿]{1,2}/.exec(text.slice(pos + 1, pos + 3));
      const factor = mag ? magnitudeFactor(mag[0]) : null;
      if (
        mag &&
        factor &&
        matchBaseUnit(text.slice(pos + 1 + mag[0].length, pos + 7 + mag[0].length)) !== null
      ) {
        value = scale(value, factor);
        magnitude = mag[0];
        beforeUnit = "at_least";
        pos += 1 + mag[0].length;
      }
    }
    let value2: number | null = null;
    let rangeUnit = "";
    if (!chinese && !percentWord) {
      const range = RANGE.exec(text.slice(pos, pos + 24));
      if (range) {
        const second = parseNumber((range[2] as string) + (range[3] as string));
        // 80-100亿元: a magnitude written once after the range holds for both ends.
        if (second !== null && magnitude === "" && range[3])
          value = scale(value, magnitudeFactor(range[3] as string) ?? 1);
        if (second !== null && second > value) {
          if (magnitude === "" && range[3]) magnitude = range[3] as string;
          value2 = second;
          rangeUnit = range[1] ?? "";
          pos += range[0].length;
        }
      }
    }
    if (NOT_QUANTITY_AFTER.test(text.slice(pos, pos + 4))) continue;
    let unit: string | null = percentWord ? "%" : matchBaseUnit(text.slice(pos, pos + 6));
    if (unit === null && rangeUnit) unit = rangeUnit;
    if (unit === null) continue;
    // 6%-6.5%: both ends carry the unit; 6-6.5%: only the second.
    if (rangeUnit && rangeUnit !== unit) continue;
    const unitEnd = percentWord ? pos : pos + unit.length;
    const suffix = readSuffix(text, unitEnd);
    const end = unitEnd + suffix.length;
    // 3岁以下婴幼儿, 60岁以上老年人: an age bracket names a group of people, it sets no target.
    if (
      unit === "岁" &&
      (suffix.comparator !== null || /^[\u4e00-\u9fa5]/.test(text.slice(end, end + 1))) &&
      !/寿命/.test(text.slice(Math.max(0, start - 12), start))
    ) {
      continue;
    }
    NUMBER_START.lastIndex = end;
    found.push({
      start,
      end,
      unitEnd,
      value,
      value2,
      unit,
      displayUnit: magnitude + unit,
      display: text.slice(start, unitEnd),
      suffix: suffix.comparator ?? beforeUnit,
      chinese,
    });
  }
  return found;
}
