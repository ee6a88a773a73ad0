// A number as people type it into a field: digits typed with a Chinese IME (１２３．４), grouping commas
// (1,234 or 1，234), and 万 / 亿 written after it (4万 in a field of 人 is 40000). A field whose unit
// already carries the magnitude (万人) reads “3万” as 3 of its own; in a field of 亿元, “5000万” is 0.5.
// The unit typed after the number (4万人 in a field of 人) is allowed and dropped.

import { parseMagnitude } from "./number.ts";

const FULL_WIDTH = /[０-９．－＋]/g;
const NUMBER = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))(万亿|亿|万|千|百)?$/;

/** The typed text as a number in the field's unit (`shownUnit`, e.g. 万人), or null. */
export function parseTypedNumber(text: string, shownUnit = ""): number | null {
  let plain = text
    .trim()
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, "");
  const unitMagnitude = /^(万亿|亿|万)/.exec(shownUnit)?.[1] ?? "";
  const base = shownUnit.slice(unitMagnitude.length);
  if (base !== "" && plain.endsWith(base) && !/\d$/.test(base)) plain = plain.slice(0, -base.length);
  const m = NUMBER.exec(plain);
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return null;
  // No magnitude typed, or the field's own (3万 in 万人): the number as it is, in the field's unit.
  if (!m[2] || m[2] === unitMagnitude) return n;
  const typed = parseMagnitude(m[2]) ?? 1;
  const own = unitMagnitude ? (parseMagnitude(unitMagnitude) ?? 1) : 1;
  return Number(((n * typed) / own).toPrecision(12));
}
