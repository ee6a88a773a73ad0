// Chinese number formatting for plan values. A target's value is stored in its base unit
// (10600000000 元); the planner reads and writes it in the unit the plan used (106亿元).
import type { Comparator } from "../../../src/extract/types.ts";

export type Lang = "zh-CN" | "en-US";

const MAGNITUDE: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

/** 万 → 10000, 百万 → 1e6, 万亿 → 1e12; null when the text is not made of magnitude words only. */
export function parseMagnitude(prefix: string): number | null {
  if (prefix.length === 0) return null;
  let factor = 1;
  for (const ch of prefix) {
    const m = MAGNITUDE[ch];
    if (m === undefined) return null;
    factor *= m;
  }
  return factor;
}

export interface UnitScale {
  /** What one display unit is worth in base units: 亿元 over 元 → 1e8. */
  factor: number;
  /** The unit to print after the number. */
  label: string;
}

/**
 * How to show a base-unit value: the display unit when it is the base unit with a magnitude in front
 * (亿元 for 元, 万千瓦 for 千瓦), otherwise the base unit itself, so a value is never shown wrongly scaled.
 */
export function unitScale(unit: string, displayUnit: string | null | undefined): UnitScale {
  const shown = displayUnit ?? "";
  if (shown === "" || shown === unit) return { factor: 1, label: unit };
  if (unit !== "" && shown.endsWith(unit)) {
    const factor = parseMagnitude(shown.slice(0, shown.length - unit.length));
    if (factor !== null) return { factor, label: shown };
  }
  return { factor: 1, label: unit === "" ? shown : unit };
}

/** Removes binary floating-point noise: 14.1 * 10000 → 141000, 0.1 + 0.2 → 0.3. */
export function clean(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(12));
}

const plain = new Intl.NumberFormat("en-US", { useGrouping: false, maximumFractionDigits: 6 });

/** A number as a plan writes it: no digit grouping, no exponent, no trailing zeros. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return plain.format(clean(value));
}

export function toDisplayNumber(value: number, unit: string, displayUnit: string | null | undefined): number {
  return clean(value / unitScale(unit, displayUnit).factor);
}

export function fromDisplayNumber(
  shown: number,
  unit: string,
  displayUnit: string | null | undefined,
): number {
  return clean(shown * unitScale(unit, displayUnit).factor);
}

/** 10600000000 元 shown in 亿元 → "106亿元"; 141000 平方米 in 万平方米 → "14.1万平方米". */
export function formatQuantity(value: number, unit: string, displayUnit?: string | null): string {
  const scale = unitScale(unit, displayUnit);
  return `${formatNumber(value / scale.factor)}${scale.label}`;
}

export interface ValueLike {
  value: number | null;
  value2: number | null;
  unit: string;
  displayUnit: string;
  comparator: Comparator;
}

const ZH_SUFFIX: Readonly<Record<Comparator, string>> = {
  target: "",
  at_least: "以上",
  at_most: "以内",
  about: "左右",
  range: "",
};

const EN_PREFIX: Readonly<Record<Comparator, string>> = {
  target: "",
  at_least: "≥ ",
  at_most: "≤ ",
  about: "≈ ",
  range: "",
};

/** "30家以上", "3%以内", "5.5%左右", "6%–6.5%" (zh-CN); "≥ 30家", "≤ 3%", "≈ 5.5%" (en-US). */
export function formatTargetValue(t: ValueLike, lang: Lang = "zh-CN"): string {
  if (t.value === null) return "—";
  const first = formatQuantity(t.value, t.unit, t.displayUnit);
  if (t.comparator === "range" && t.value2 !== null) {
    return `${first}–${formatQuantity(t.value2, t.unit, t.displayUnit)}`;
  }
  return lang === "zh-CN" ? `${first}${ZH_SUFFIX[t.comparator]}` : `${EN_PREFIX[t.comparator]}${first}`;
}

/** The comparator word alone, for labels and pickers. */
export function comparatorWord(comparator: Comparator, lang: Lang = "zh-CN"): string {
  return lang === "zh-CN" ? ZH_SUFFIX[comparator] : EN_PREFIX[comparator].trim();
}

/** 2026-03-02T01:02:03Z → "2026-03-02 09:02" in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
