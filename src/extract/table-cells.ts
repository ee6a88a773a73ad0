// What one cell of an indicator table says: a column heading (指标名称, 2025年目标值, 年均增长),
// a unit (万元/人, ％), a value as tables write it (≥58, >2, 55左右, 5-6, 〔13.5〕, —) or an
// attribute (约束性). Cells are read after NFKC folding, so ＞ and ％ count as > and %.

import { magnitudeFactor, parseArabic, parseChineseNumeral, scale } from "../domain/numerals.ts";
import { matchBaseUnit } from "../domain/units.ts";
import { fiveYearPeriod } from "./meta.ts";
import type { Comparator, TargetAttribute } from "./types.ts";

export type Role =
  | "serial"
  | "category"
  | "name"
  | "unit"
  | "attribute"
  | "baseline"
  | "target"
  | "growth"
  | "year"
  | "other";

export interface Column {
  role: Role;
  /** The year a value column names (2025年目标值, “十五五”目标 → 2030). */
  year: number | null;
  /** 累计 columns and 〔〕 values sum over the period rather than state its end. */
  cumulative: boolean;
  /** A unit written in the heading: 年均增长（%）. */
  unit: string | null;
}

export function fold(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}

const SERIAL = /^(?:序号|编号|序|No\.?)$/i;
const CATEGORY =
  /^(?:类型|类别|领域|主要领域|分类|指标类型|指标类别|指标分类|维度|板块|方面|一级指标|大类|分项|目标类别)$/;
const NAME = /^(?:指标|指标名称|主要指标|指标项|指标内容|具体指标|二级指标|名称|指标名|评价指标|发展指标)$/;
const UNIT = /^(?:单位|指标单位|计量单位)$/;
const ATTRIBUTE = /^(?:属性|指标属性|性质|指标性质)$/;
const GROWTH = /^(?:年均(?:增长|增速|增幅|递增|增长率)?率?(?:[/或]累计)?|累计[/或]年均|增长率|增速)$/;
const BASELINE =
  /^(?:基期|基期值|基期年|基数|基准|基准值|基准年|现状|现状值|现状年|实际|实际值|完成|完成值|完成情况|预计|预计值|预计完成)$/;
const TARGET =
  /^(?:目标|目标值|规划目标|预期目标|规划值|期末值|期末目标|计划|计划目标|计划值|预期值|预期|发展目标|目标任务)$/;
const CUMULATIVE = /^(?:累计|五年累计|累计值|期间累计|累计目标|累计完成)$/;
/** Columns an indicator table may carry that hold no value of the target. */
const OTHER = /^(?:备注|说明|指标说明|数据来源|责任单位|牵头单位|责任部门|牵头部门|配合单位|计算方法|解释)$/;
const FIVE_YEAR = /^(十[一二三四五六七八九]|[一二三四五六七八九十])五(?:时期|期间|规划|期末)?/;

function plausibleYear(y: number): boolean {
  return y >= 1949 && y <= 2100;
}

const columnCache = new Map<string, Column | null>();
const CACHE_SIZE = 4096;

/** The column a heading cell names, or null when the cell is no column heading. */
export function columnOf(raw: string): Column | null {
  // Every short line is asked whether it heads a column, most of them several times: remember.
  let found = columnCache.get(raw);
  if (found === undefined) {
    found = readColumn(raw);
    if (columnCache.size >= CACHE_SIZE) columnCache.clear();
    columnCache.set(raw, found);
  }
  return found ? { ...found } : null;
}

function readColumn(raw: string): Column | null {
  let s = fold(raw).replace(/[“”"'‘’《》「」]/g, "");
  if (s.length === 0 || s.length > 20) return null;
  let unit: string | null = null;
  let year: number | null = null;
  const paren = /[([【]([^()[\]【】]{1,10})[)\]】]$/.exec(s);
  if (paren) {
    const inner = paren[1] as string;
    const y = /^(\d{4})年?$/.exec(inner);
    if (y) year = Number(y[1]);
    else unit = inner.replace(/^单位[:]?/, "");
    s = s.slice(0, paren.index);
  }
  const lead = /^(\d{4})年?(?:底|末)?/.exec(s);
  if (lead && plausibleYear(Number(lead[1]))) {
    year = Number(lead[1]);
    s = s.slice(lead[0].length);
  } else {
    // 十四五 → the 14th five-year plan, whose last year a “十四五”目标 column names.
    const five = FIVE_YEAR.exec(s);
    const n = five ? parseChineseNumeral(five[1] as string) : null;
    if (five && n !== null && n >= 9 && n <= 30) {
      year = fiveYearPeriod(n).end;
      s = s.slice(five[0].length);
    }
  }
  s = s.replace(/^的/, "");
  const column = (role: Role, cumulative = false): Column => ({ role, year, cumulative, unit });
  if (s === "") return year !== null ? column("year") : null;
  if (SERIAL.test(s)) return column("serial");
  if (CATEGORY.test(s)) return column("category");
  if (NAME.test(s)) return column("name");
  if (UNIT.test(s)) return column("unit");
  if (ATTRIBUTE.test(s)) return column("attribute");
  if (CUMULATIVE.test(s)) return column("target", true);
  if (GROWTH.test(s)) return column("growth");
  if (BASELINE.test(s)) return column("baseline");
  if (TARGET.test(s)) return column("target");
  if (OTHER.test(s)) return column("other");
  return null;
}

export function attributeOf(raw: string): TargetAttribute | null {
  const s = fold(raw).replace(/[()（）]/g, "");
  if (/^(?:约束性?|约束性指标)$/.test(s)) return "binding";
  if (/^(?:预期性?|预期性指标)$/.test(s)) return "expected";
  return null;
}

/** An attribute named inside a label or a subject: 约束性指标, 森林覆盖率（约束性）. */
export function attributeMentioned(raw: string): TargetAttribute | null {
  const binding = raw.includes("约束性");
  const expected = raw.includes("预期性");
  if (binding === expected) return null;
  return binding ? "binding" : "expected";
}

export function isDash(raw: string): boolean {
  const t = fold(raw);
  return t === "无" || /^[—–\-－/／\\×*…~、]*$/.test(t);
}

export interface UnitReading {
  /** Base unit (元/人, 平方米, %). */
  unit: string;
  /** As written, magnitude included (万元/人). */
  display: string;
  factor: number;
}

const SI_AFTER_QIAN = /^[瓦米克伏]/;

/** A unit cell: 万元/人 → 元/人 × 10000; ％ → %. Null for anything that is not a unit. */
export function parseUnit(raw: string): UnitReading | null {
  const s = fold(raw).replace(/^[(（]|[)）]$/g, "");
  if (s === "" || s.length > 10 || /\d/.test(s.replace(/[²³]|m2|m3/g, ""))) return null;
  if (attributeOf(s) !== null || isDash(s)) return null;
  if (!/^[\u4e00-\u9fa5%‰/A-Za-z²³·]+$/.test(s)) return null;
  if (matchBaseUnit(s) === s) return { unit: s, display: s, factor: 1 };
  for (let len = Math.min(3, s.length - 1); len >= 1; len--) {
    const mag = s.slice(0, len);
    const rest = s.slice(len);
    const factor = magnitudeFactor(mag);
    if (factor === null || factor === 1) continue;
    if (mag.endsWith("千") && SI_AFTER_QIAN.test(rest)) continue;
    return { unit: rest, display: s, factor };
  }
  // Short words only: a unit is a measure word or a ratio of them, never a phrase.
  if (s.includes("/") || s.length <= 4) return { unit: s, display: s, factor: 1 };
  return null;
}

export interface ValueReading {
  value: number;
  value2: number | null;
  comparator: Comparator;
  /** The number as written, magnitude included, without comparator words. */
  written: string;
  /** A unit written in the cell itself (6%, 35000亿元), or null. */
  unit: UnitReading | null;
  /** 〔13.5〕: a sum over the period. */
  cumulative: boolean;
}

const PREFIXES: [RegExp, Comparator][] = [
  [/^(?:≥|>=|=>|≧|大于等于|不低于|不少于|不小于)/, "at_least"],
  [/^(?:≤|<=|=<|≦|小于等于|不高于|不超过|不大于)/, "at_most"],
  [/^(?:>|大于|超过|高于|多于|突破)/, "at_least"],
  [/^(?:<|小于|低于|少于|控制在)/, "at_most"],
  [/^(?:约|大约|左右|接近)/, "about"],
  [/^(?:达到|力争|确保|实现)/, "target"],
];
const SUFFIXES: [RegExp, Comparator][] = [
  [/(?:及以上|以上|余|多|\+)$/, "at_least"],
  [/(?:及以下|以下|以内|之内)$/, "at_most"],
  [/(?:左右|上下)$/, "about"],
];
const NUMBER = /^(\d+(?:,\d{3})*(?:\.\d+)?)([十百千万亿]{0,3})/;
const RANGE_TAIL = /^(%)?(?:-|~|—|–|至|到)(\d+(?:,\d{3})*(?:\.\d+)?)([十百千万亿]{0,3})/;

function magnitudeOf(word: string, after: string): { factor: number; length: number } {
  let w = word;
  // 5千瓦 is five kilowatts: 千 before 瓦/米/克/伏 belongs to the unit.
  if (w.endsWith("千") && SI_AFTER_QIAN.test(after)) w = w.slice(0, -1);
  return { factor: magnitudeFactor(w) ?? 1, length: w.length };
}

/** A value cell: ≥58, >2, 55左右, 5-6, 6%, 3.5万亿元, 〔13.5〕. Null for text and for “—”. */
export function parseValue(raw: string): ValueReading | null {
  if (!/[\d０-９]/.test(raw)) return null;
  let s = fold(raw);
  if (s === "" || s.length > 24 || isDash(s)) return null;
  let cumulative = false;
  const bracket = /^[〔[【]([^〔〕[\]【】]+)[〕\]】]$/.exec(s);
  if (bracket) {
    cumulative = true;
    s = bracket[1] as string;
  }
  let comparator: Comparator = "target";
  for (const [re, c] of PREFIXES) {
    const m = re.exec(s);
    if (m) {
      comparator = c;
      s = s.slice(m[0].length);
      break;
    }
  }
  for (const [re, c] of SUFFIXES) {
    const m = re.exec(s);
    if (m && m.index > 0) {
      if (comparator === "target") comparator = c;
      s = s.slice(0, m.index);
      break;
    }
  }
  const num = NUMBER.exec(s);
  if (!num) return null;
  const base = parseArabic(num[1] as string);
  if (base === null) return null;
  let pos = (num[1] as string).length;
  const mag = magnitudeOf(num[2] as string, s.slice(pos + (num[2] as string).length));
  pos += mag.length;
  const value = scale(base, mag.factor);
  const tail = RANGE_TAIL.exec(s.slice(pos));
  if (tail) {
    const second = parseArabic(tail[2] as string);
    const mag2 = magnitudeOf(tail[3] as string, "");
    if (second !== null) {
      const v2 = scale(second, mag.length > 0 ? mag.factor : mag2.factor);
      const v1 = mag.length === 0 && mag2.length > 0 ? scale(base, mag2.factor) : value;
      if (v2 > v1) {
        pos += tail[0].length;
        return finish(v1, v2, "range", s.slice(0, pos), s.slice(pos), cumulative);
      }
    }
  }
  return finish(value, null, comparator, s.slice(0, pos), s.slice(pos), cumulative);
}

function finish(
  value: number,
  value2: number | null,
  comparator: Comparator,
  written: string,
  rest: string,
  cumulative: boolean,
): ValueReading | null {
  let unit: UnitReading | null = null;
  if (rest !== "") {
    unit = parseUnit(rest);
    // Anything else after the number makes the cell a sentence (高于全市平均水平3个百分点…).
    if (unit === null) return null;
  }
  return { value, value2, comparator, written, unit, cumulative };
}
