// The printed page of a document, read back from the PDF LibreOffice made of it: poppler's
// `pdftotext -bbox-layout` gives every line and word with its box in points, and this module measures
// what GB/T 9704-2012 asks of the page — margins, lines per page, characters per full line, the page
// number's form and side — and what a reader sees as a fault: gaps around digits, lines spread wide,
// punctuation hanging past the margin. Pure: the PDF tools run in docx-verifier.ts.

import { CHARS_PER_LINE, LINES_PER_PAGE, MARGIN_MM, TEXT_BLOCK_MM } from "./gbt9704.ts";

export const PT_PER_MM = 72 / 25.4;

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLine {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  words: PdfWord[];
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  lines: PdfLine[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e.startsWith("#x") || e.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });

function box(attrs: string): { xMin: number; yMin: number; xMax: number; yMax: number } {
  const n = (name: string) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(attrs)?.[1] ?? Number.NaN);
  return { xMin: n("xMin"), yMin: n("yMin"), xMax: n("xMax"), yMax: n("yMax") };
}

/**
 * pdftotext splits a printed line where a gap or a table cell interrupts it; a reader sees one line:
 * pieces whose boxes share the same band (same top and bottom within 2 pt) are joined, left to right.
 */
function visualLines(pieces: readonly PdfLine[]): PdfLine[] {
  const sorted = [...pieces].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const out: PdfLine[] = [];
  for (const piece of sorted) {
    const same = out.find((l) => Math.abs(l.yMin - piece.yMin) < 2 && Math.abs(l.yMax - piece.yMax) < 2);
    if (!same) {
      out.push({ ...piece, words: [...piece.words] });
      continue;
    }
    same.words.push(...piece.words);
    same.words.sort((a, b) => a.xMin - b.xMin);
    same.xMin = Math.min(same.xMin, piece.xMin);
    same.xMax = Math.max(same.xMax, piece.xMax);
    same.text = same.words.map((w) => w.text).join("");
  }
  return out;
}

/** The pages of `pdftotext -bbox-layout` output (XHTML), with their lines and words. */
export function parseBboxLayout(xhtml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  for (const p of xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const lines: PdfLine[] = [];
    for (const l of (p[3] as string).matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)) {
      const words = [...(l[1] as string).matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((w) => ({
        ...box(w[1] as string),
        text: decodeEntities(w[2] as string),
      }));
      if (words.length === 0) continue;
      // The line's box is its words' (poppler's line box is the same, but a word is what was printed).
      lines.push({
        xMin: Math.min(...words.map((w) => w.xMin)),
        yMin: Math.min(...words.map((w) => w.yMin)),
        xMax: Math.max(...words.map((w) => w.xMax)),
        yMax: Math.max(...words.map((w) => w.yMax)),
        words,
        text: words.map((w) => w.text).join(""),
      });
    }
    pages.push({
      number: pages.length + 1,
      width: Number(p[1]),
      height: Number(p[2]),
      lines: visualLines(lines),
    });
  }
  return pages;
}

/** Ideographs, full-width punctuation and the dashes and quotes Chinese text uses. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]/;
/** Punctuation that may not start a line, and so is what hangs past the right margin. */
const CLOSING = /[，。、；：？！）》」』”’…—]$/;
const PAGE_NUMBER = /^—(\d+)—$/;

export const isCjk = (ch: string): boolean => CJK.test(ch);

/** Widths in em of the Latin characters Chinese text holds (Times New Roman). */
const LATIN_EM: Record<string, number> = { ".": 0.25, ",": 0.25, "%": 0.83, "-": 0.33, "(": 0.33, ")": 0.33 };

/** A line's length in characters of the body: Chinese 1, a digit or Latin letter ½. */
export function emCount(text: string): number {
  let n = 0;
  for (const ch of text) n += isCjk(ch) ? 1 : (LATIN_EM[ch] ?? 0.5);
  return n;
}

/** 3号 (16 pt) text: a line box of about 1.3 × the size. */
const isBodySize = (l: PdfLine) => {
  const h = l.yMax - l.yMin;
  return h > 18 && h < 23.5;
};

export interface PageNumberFigure {
  page: number;
  text: string;
  /** The number it shows, or null when it is not in the “— n —” form. */
  shown: number | null;
  side: "left" | "right" | "centre";
  /** Distance from the text block's outside edge to the number's outside edge, in mm. */
  insetMm: number;
}

export interface LayoutFigures {
  pages: number;
  pageSizeMm: { width: number; height: number };
  /** Where the ink of the text block falls, in mm from each edge (page numbers left out). */
  marginsMm: { top: number; right: number; bottom: number; left: number };
  /** The median distance between two 3号 lines that follow each other, in points. */
  linePitchPt: number | null;
  /** The text block's height over that pitch. */
  linesPerPage: number | null;
  /** The most 3号 lines on one page. */
  fullestPage: number;
  /** Lines of Chinese (digits counted as half a character) that run from the left edge of the text block to its right edge. */
  fullLines: number;
  charsPerFullLine: { median: number | null; min: number | null; max: number | null };
  /** Share of full lines holding 28 ± 1 characters. */
  fullLinesAt28: number | null;
  pageNumbers: PageNumberFigure[];
  /** The most a line reaches past the right margin, in mm (hanging punctuation). */
  overhangMm: number;
  /** Lines whose words stand apart (justified across gaps a reader sees). */
  spreadLines: number;
  /** Places where a digit and a Chinese character are set apart. */
  digitGaps: string[];
  /** The tallest empty band inside page 1's text block, as a share of the block (from the picture). */
  page1EmptyShare: number | null;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const round = (x: number, d = 1) => Number(x.toFixed(d));

/** The page number line: under the text block, in the “— n —” form or close to it. */
function pageNumberLine(page: PdfPage): PdfLine | null {
  const textBottom = page.height - MARGIN_MM.bottom * PT_PER_MM;
  const below = page.lines.filter((l) => l.yMin > textBottom - 2);
  return below.find((l) => /\d/.test(l.text) && l.text.replace(/\s/g, "").length <= 8) ?? null;
}

function pageNumberFigure(page: PdfPage, line: PdfLine): PageNumberFigure {
  const text = line.text.replace(/\s/g, "");
  const m = PAGE_NUMBER.exec(text);
  const mid = (line.xMin + line.xMax) / 2;
  const side = Math.abs(mid - page.width / 2) < 10 ? "centre" : mid > page.width / 2 ? "right" : "left";
  const left = MARGIN_MM.left * PT_PER_MM;
  const right = page.width - MARGIN_MM.right * PT_PER_MM;
  const inset = side === "right" ? right - line.xMax : line.xMin - left;
  return { page: page.number, text, shown: m ? Number(m[1]) : null, side, insetMm: round(inset / PT_PER_MM) };
}

/**
 * A gap (in points) a reader sees as a space: LibreOffice's automatic Chinese–Latin space is a
 * quarter em (4 pt at 3号); the slack a justified line spreads at its script boundaries stays under 3.
 */
const GAP = 3;

function digitGapsOf(line: PdfLine): string[] {
  const out: string[] = [];
  for (let i = 1; i < line.words.length; i++) {
    const a = line.words[i - 1] as PdfWord;
    const b = line.words[i] as PdfWord;
    const gap = b.xMin - a.xMax;
    // Wider than ¾ of a character: two table cells, not a gap inside a phrase.
    if (gap < GAP || gap > 12) continue;
    const last = a.text.slice(-1);
    const first = b.text.slice(0, 1);
    const digitThenCjk = /[\d%]/.test(last) && isCjk(first);
    const cjkThenDigit = isCjk(last) && /\d/.test(first);
    if (digitThenCjk || cjkThenDigit) out.push(`${a.text.slice(-6)} ${b.text.slice(0, 6)}`);
  }
  return out;
}

/** A line of Chinese justified across visible gaps: several words of Chinese set apart. */
function isSpread(line: PdfLine): boolean {
  let gaps = 0;
  for (let i = 1; i < line.words.length; i++) {
    const a = line.words[i - 1] as PdfWord;
    const b = line.words[i] as PdfWord;
    if (b.xMin - a.xMax > 3 && isCjk(a.text.slice(-1)) && isCjk(b.text.slice(0, 1))) gaps++;
  }
  return gaps >= 3;
}

/**
 * Measures the pages. `page1EmptyShare` comes from the page's picture (pdftoppm) and is passed in,
 * since charts are images the text layer does not hold.
 */
export function measureLayout(
  pages: readonly PdfPage[],
  page1EmptyShare: number | null = null,
): LayoutFigures {
  const first = pages[0];
  const widthPt = first?.width ?? 0;
  const heightPt = first?.height ?? 0;
  const blockLeft = MARGIN_MM.left * PT_PER_MM;
  const blockRight = widthPt - MARGIN_MM.right * PT_PER_MM;
  const charPt = (TEXT_BLOCK_MM.width * PT_PER_MM) / CHARS_PER_LINE;
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  const pitches: number[] = [];
  const counts: number[] = [];
  let fullestPage = 0;
  let overhang = 0;
  let spreadLines = 0;
  const digitGaps: string[] = [];
  const pageNumbers: PageNumberFigure[] = [];
  for (const page of pages) {
    const numberLine = pageNumberLine(page);
    if (numberLine) pageNumbers.push(pageNumberFigure(page, numberLine));
    const lines = page.lines.filter((l) => l !== numberLine);
    for (const l of lines) {
      top = Math.min(top, l.yMin);
      left = Math.min(left, l.xMin);
      right = Math.max(right, l.xMax);
      bottom = Math.max(bottom, l.yMax);
      overhang = Math.max(overhang, l.xMax - blockRight);
      // Table text (小四) sits in cells whose edges pdftotext cannot see: body and title lines only.
      if (l.yMax - l.yMin > 18) digitGaps.push(...digitGapsOf(l));
    }
    const body = lines.filter(isBodySize);
    fullestPage = Math.max(fullestPage, body.length);
    for (let i = 1; i < body.length; i++) {
      const d = (body[i] as PdfLine).yMin - (body[i - 1] as PdfLine).yMin;
      if (d > 20 && d < 40) pitches.push(d);
    }
    for (const l of body) {
      if (isSpread(l)) spreadLines++;
      const text = l.text.replace(/\s/g, "");
      const fromLeft = Math.abs(l.xMin - blockLeft) < charPt / 2;
      const toRight = l.xMax > blockRight - charPt * 0.6;
      if (!fromLeft || !toRight || isSpread(l) || !CJK.test(text)) continue;
      counts.push(Math.round(emCount(text)));
    }
  }
  const pitch = median(pitches);
  const textHeightPt = TEXT_BLOCK_MM.height * PT_PER_MM;
  const hasText = Number.isFinite(top);
  return {
    pages: pages.length,
    pageSizeMm: { width: round(widthPt / PT_PER_MM), height: round(heightPt / PT_PER_MM) },
    marginsMm: hasText
      ? {
          top: round(top / PT_PER_MM),
          right: round((widthPt - right) / PT_PER_MM),
          bottom: round((heightPt - bottom) / PT_PER_MM),
          left: round(left / PT_PER_MM),
        }
      : { top: 0, right: 0, bottom: 0, left: 0 },
    linePitchPt: pitch === null ? null : round(pitch, 2),
    linesPerPage: pitch === null ? null : round(textHeightPt / pitch, 1),
    fullestPage,
    fullLines: counts.length,
    charsPerFullLine: {
      median: median(counts),
      min: counts.length ? Math.min(...counts) : null,
      max: counts.length ? Math.max(...counts) : null,
    },
    fullLinesAt28:
      counts.length === 0
        ? null
        : round(counts.filter((c) => Math.abs(c - CHARS_PER_LINE) <= 1).length / counts.length, 3),
    pageNumbers,
    overhangMm: round(Math.max(0, overhang) / PT_PER_MM),
    spreadLines,
    digitGaps,
    page1EmptyShare,
  };
}

/** Which lines end in punctuation past the margin (for the finding's message). */
export function hangingLines(pages: readonly PdfPage[], toleranceMm = 1): string[] {
  const out: string[] = [];
  for (const page of pages) {
    const blockRight = page.width - MARGIN_MM.right * PT_PER_MM;
    for (const l of page.lines)
      if (l.xMax - blockRight > toleranceMm * PT_PER_MM && CLOSING.test(l.text))
        out.push(`p.${page.number}: …${l.text.slice(-8)}`);
  }
  return out;
}

export const EXPECTED = {
  linesPerPage: LINES_PER_PAGE,
  charsPerLine: CHARS_PER_LINE,
} as const;
