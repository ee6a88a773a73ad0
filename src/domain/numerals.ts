// Numbers as Chinese documents write them: arabic (with decimals and thousands separators),
// Chinese numerals (两, 十五, 一万二千, 二〇二五) and mixed forms (14.1万, 1.3万亿).

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

/** Multiplies floating values without the 14.1 × 10000 = 140999.99999999998 artefact. */
export function scale(value: number, factor: number): number {
  const product = value * factor;
  const rounded = Number(product.toPrecision(12));
  return Number.isFinite(rounded) ? rounded : product;
}

/**
 * Parses a Chinese numeral: 十五 → 15, 一万二千 → 12000, 两 → 2, 二〇二五 → 2025 (digit by digit),
 * 三千五 → 3500 (the spoken abbreviation). Returns null for anything else.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text === "") return null;
  for (const ch of text) if (!(ch in DIGITS || ch in SMALL_UNITS || ch in BIG_UNITS)) return null;
  // Digit-by-digit years and codes: 二〇二五, 一九九八.
  // (二三 is no number: digit strings are years or codes of three or more digits.)
  if ([...text].every((ch) => ch in DIGITS) && (text.length >= 3 || /[〇零]/.test(text))) {
    return Number([...text].map((ch) => DIGITS[ch]).join(""));
  }
  let total = 0; // completed 亿 groups
  let section = 0; // completed 万 group below 亿
  let current = 0; // below 万
  let digit: number | null = null;
  let lastUnit = 1;
  let zero = false; // 一百零五: after 零 a digit counts as ones
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d === 0) {
      zero = true;
      continue;
    }
    if (d !== undefined) {
      if (digit !== null) return null; // two digits in a row: 二三
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      if (digit === null && small !== 10) return null; // 百 alone
      if (small >= lastUnit && current > 0) return null; // 十百: units must fall
      current += (digit ?? 1) * small;
      digit = null;
      lastUnit = small;
      zero = false;
      continue;
    }
    const big = BIG_UNITS[ch] as number;
    const group = current + (digit ?? 0);
    if (group === 0 && section === 0 && total === 0) return null; // 万 or 亿 alone
    if (big === 1e8) {
      total = (total + section + group) * 1e8;
      section = 0;
    } else {
      section = (section + group) * 1e4;
    }
    current = 0;
    digit = null;
    lastUnit = big;
    zero = false;
  }
  if (digit !== null) {
    // 三千五 means 3500 and 一万二 12000: a trailing digit takes the unit below the last one.
    const implied = !zero && lastUnit >= 10 ? lastUnit / 10 : 1;
    current += digit * implied;
  }
  const value = total + section + current;
  return Number.isFinite(value) ? value : null;
}

/** Parses an arabic number with optional thousands separators: "1,200.5" → 1200.5. */
export function parseArabic(text: string): number | null {
  if (!/^(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?$/.test(text)) return null;
  const t = text.replace(/[,，]/g, "");
  return Number(t);
}

/** Value of a magnitude word: 万 → 1e4, 百万 → 1e6, 万亿 → 1e12. Null when not a magnitude. */
export function magnitudeFactor(word: string): number | null {
  if (word === "") return 1;
  let factor = 1;
  for (const ch of word) {
    const f = SMALL_UNITS[ch] ?? BIG_UNITS[ch];
    if (f === undefined) return null;
    factor *= f;
  }
  return factor;
}

/**
 * Parses any single number as plans write it, magnitudes included: "14.1万" → 141000,
 * "1.3万亿" → 1.3e12, "一万二千" → 12000, "百分之五" → 5. Null when it is not a number.
 */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  const percent = /^百分之(.+)$/.exec(t);
  if (percent) return parseNumber(percent[1] as string);
  const mixed = /^([\d,，]*\d(?:\.\d+)?)([十百千万亿]*)$/.exec(t);
  if (mixed) {
    const base = parseArabic(mixed[1] as string);
    const factor = magnitudeFactor(mixed[2] as string);
    return base === null || factor === null ? null : scale(base, factor);
  }
  return parseChineseNumeral(t);
}
