// The page of an official document (党政机关公文格式, GB/T 9704-2012) in Word's units, derived from the
// millimetres and character counts the standard gives, so that tests can check the .docx against the
// standard rather than against numbers copied from a template.

/** Twentieths of a point per millimetre (1 inch = 25.4 mm = 1440 twips). */
export const TWIPS_PER_MM = 1440 / 25.4;

export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);

/** Chinese font sizes (字号) in points. */
export const FONT_SIZE_PT = {
  /** 2号: the title. */
  er: 22,
  /** 3号: body text and headings. */
  san: 16,
  /** 4号: page numbers. */
  si: 14,
  /** 小四: tables, where 3号 leaves too few characters per column for indicator names. */
  xiaoSi: 12,
  /** 5号: chart notes and table notes. */
  wu: 10.5,
} as const;

/** Font names as government offices have them installed. */
export const FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  pageNumber: "宋体",
  /** Latin letters and digits next to Chinese text. */
  latin: "Times New Roman",
} as const;

export const PAGE_MM = { width: 210, height: 297 } as const;
/** The standard fixes the top and left margins and the text block (版心); right and bottom follow. */
export const TEXT_BLOCK_MM = { width: 156, height: 225 } as const;
export const MARGIN_MM = {
  top: 37,
  left: 28,
  right: PAGE_MM.width - 28 - TEXT_BLOCK_MM.width,
  bottom: PAGE_MM.height - 37 - TEXT_BLOCK_MM.height,
} as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

export interface PageLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
  /** The text block in twips, after rounding. */
  textWidth: number;
  textHeight: number;
  /** docGrid linePitch in twips: the text block height shared by 22 lines. */
  linePitch: number;
  /**
   * docGrid charSpace: (character pitch − body font size) in points × 4096, rounded down so that 28
   * characters always fit in the text block width.
   */
  charSpace: number;
  /** The character pitch in twips that charSpace gives (used for indents of whole characters). */
  charPitch: number;
}

/**
 * The page in twips. The text block and the fixed margins are rounded to whole twips first and the
 * dependent margins take the remainder, so that the block is exactly 156 × 225 mm to the twip.
 */
export function officialPageLayout(bodyPt: number = FONT_SIZE_PT.san): PageLayout {
  const width = mmToTwips(PAGE_MM.width);
  const height = mmToTwips(PAGE_MM.height);
  const textWidth = mmToTwips(TEXT_BLOCK_MM.width);
  const textHeight = mmToTwips(TEXT_BLOCK_MM.height);
  const top = mmToTwips(MARGIN_MM.top);
  const right = mmToTwips(MARGIN_MM.right);
  const left = width - right - textWidth;
  const bottom = height - top - textHeight;
  const linePitch = Math.floor(textHeight / LINES_PER_PAGE);
  const pitchPt = textWidth / CHARS_PER_LINE / 20;
  const charSpace = Math.floor((pitchPt - bodyPt) * 4096);
  // The page number line sits 7 mm below the text block (GB/T 9704-2012 7.5); Word measures the
  // footer distance from the page's bottom edge to the footer's last line, one 4号 line high.
  const pageNumberLine = Math.round(FONT_SIZE_PT.si * 20 * 1.3);
  const footer = bottom - mmToTwips(7) - pageNumberLine;
  return {
    width,
    height,
    margin: { top, right, bottom, left, header: mmToTwips(15), footer },
    textWidth,
    textHeight,
    linePitch,
    charSpace,
    charPitch: Math.round((bodyPt + charSpace / 4096) * 20),
  };
}

/** 2020-06-30 → 2020年6月30日 (arabic numerals, no padding, as GB/T 9704-2012 7.3.5.1 asks). */
export function officialDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Font size in points → the half-points Word stores in w:sz. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);
