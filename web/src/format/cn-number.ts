// Large numbers the way Chinese tables and charts write them: 17280 → 1.73万, 1.06e10 → 106亿
// (en-US: 17.3K, 10.6B). A value already shown in a unit with a magnitude (亿元, 万平方米) keeps it.
import { roundFor } from "../../../src/domain/rounding.ts";
import { clean, type Lang, unitScale } from "./number.ts";

const round = (x: number, digits: number) => clean(Number(x.toFixed(digits)));

/** Significant digits kept once scaled: 1.73万, 17.3万, 173万. */
function scaled(value: number, digits: number): string {
  const size = Math.abs(value);
  const places = size >= 100 ? 0 : size >= 10 ? Math.max(0, digits - 2) : Math.max(0, digits - 1);
  return String(round(value, places));
}

/**
 * 万 from ten thousand, 亿 from a hundred million (万亿 from 1e12); below 10000 the number as it is
 * (at most `digits` decimals). en-US: K, M, B, T. Not finite → "—".
 */
export function formatCnNumber(value: number, lang: Lang = "zh-CN", digits = 3): string {
  if (!Number.isFinite(value)) return "—";
  const size = Math.abs(value);
  if (lang === "en-US") {
    if (size >= 1e12) return `${scaled(value / 1e12, digits)}T`;
    if (size >= 1e9) return `${scaled(value / 1e9, digits)}B`;
    if (size >= 1e6) return `${scaled(value / 1e6, digits)}M`;
    if (size >= 1e4) return `${scaled(value / 1e3, digits)}K`;
    return String(round(value, 2));
  }
  if (size >= 1e12) return `${scaled(value / 1e12, digits)}万亿`;
  if (size >= 1e8) return `${scaled(value / 1e8, digits)}亿`;
  if (size >= 1e4) return `${scaled(value / 1e4, digits)}万`;
  return String(round(value, 2));
}

/**
 * A base-unit value with its unit: in the plan's display unit when that carries the magnitude
 * (10600000000 元 in 亿元 → 106亿元), else scaled with 万/亿 in front of the base unit (17280 人 → 1.73万人).
 * Percent units are never scaled.
 */
export function formatCnQuantity(
  value: number | null | undefined,
  unit: string,
  displayUnit?: string | null,
  lang: Lang = "zh-CN",
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const scale = unitScale(unit, displayUnit);
  if (scale.factor !== 1) return `${formatCnNumber(value / scale.factor, lang)}${scale.label}`;
  // Rounded as an office writes it (src/domain/rounding.ts): counts whole, % to one decimal.
  const shown = roundFor(value, unit);
  if (unit === "%" || unit === "个百分点") return `${shown}${unit === "%" ? "%" : ` ${unit}`}`;
  const sep = lang === "en-US" && /^[a-z]/i.test(unit) ? " " : "";
  return `${formatCnNumber(shown, lang)}${sep}${unit}`;
}

/** A share as a percent: 0.432 → "43.2%"; null → "—". */
export function formatShare(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  return `${round(share * 100, digits)}%`;
}
