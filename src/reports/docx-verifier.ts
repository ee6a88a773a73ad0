// The verifier of a generated Word document: it is printed (LibreOffice → PDF, docx-pdf.ts) and
// measured on the page (poppler: pdfinfo, pdffonts, pdftotext -bbox-layout, pdftoppm) and in its XML,
// against GB/T 9704-2012 and against what a reader of a Chinese document would call a fault. Used by
// `plantrack docx-check FILE` and by the tests of every document the product writes.

import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { AppError } from "../domain/app-error.ts";
import { docxToPdf } from "./docx-pdf.ts";
import { MARGIN_MM, PAGE_MM, TEXT_BLOCK_MM } from "./gbt9704.ts";
import { FONT_FALLBACKS, findLibreOffice, hasTool, LIBREOFFICE_PACKAGE } from "./libreoffice.ts";
import {
  hangingLines,
  type LayoutFigures,
  measureLayout,
  type PdfPage,
  parseBboxLayout,
} from "./pdf-layout.ts";

const exec = promisify(execFile);
export const HANG_TOLERANCE_MM = 2;
const POPPLER = ["pdfinfo", "pdffonts", "pdftotext", "pdftoppm"];

export interface Finding {
  code: string;
  zh: string;
  en: string;
}

export interface FontFigure {
  name: string;
  embedded: boolean;
}

export interface DocumentFigures extends LayoutFigures {
  fonts: FontFigure[];
  title: string | null;
  /** How often the title stands in the printed text. */
  titleCount: number;
  recipient: string | null;
  closing: boolean;
  /** Pages (1-based) of “特此报告。”, of the 成文日期 under the 署名, and of the 版记. */
  closingPage: number | null;
  signaturePage: number | null;
  colophonPage: number | null;
  isoCodes: string[];
  latinWords: string[];
  /** Table header words that do not fit their column (they break inside the word). */
  brokenHeaders: string[];
  /** Headings (一、 and （一）) without an outline level. */
  headingsWithoutOutline: string[];
  /** Office fonts the font table names without an alternative. */
  fontsWithoutFallback: string[];
  /** Pages with nothing printed on them (LibreOffice's blank page before an even-page section). */
  blankPages: number[];
}

export interface VerifyOptions {
  /** Check the 公文 frame (主送, 特此报告, 署名, 版记): the progress report; not the draft. */
  frame?: boolean;
  /** The document's language: a Chinese one holds no English words. */
  lang?: "zh" | "en";
}

export interface VerifierReport {
  figures: DocumentFigures;
  findings: Finding[];
  /** The PDF measured (LibreOffice's rendering). */
  pdf: Uint8Array;
}

/** Why the verifier cannot run here, or "" (the tests skip and say so). */
export function verifierSkipReason(): string {
  const missing = [...(findLibreOffice() ? [] : ["soffice"]), ...POPPLER.filter((t) => !hasTool(t))];
  return missing.length === 0
    ? ""
    : `${missing.join(", ")} not installed — apt-get install ${LIBREOFFICE_PACKAGE} poppler-utils`;
}

function requireTools(): void {
  const missing = POPPLER.filter((t) => !hasTool(t));
  if (missing.length > 0)
    throw new AppError(
      "not_installed",
      {
        zh: `未安装 ${missing.join("、")}，无法检查版面；请安装 poppler-utils`,
        en: `${missing.join(", ")} not installed, so the page cannot be measured: install poppler-utils`,
      },
      { tool: missing[0], package: "poppler-utils" },
    );
}

// ── The XML ─────────────────────────────────────────────────────────────────────────────────────

interface XmlParagraph {
  xml: string;
  text: string;
}

const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((t) => t[1] as string)
    .join("")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

function paragraphsOf(xml: string): XmlParagraph[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => ({ xml: m[0], text: textOf(m[0]) }));
}

const HEADING = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;

function headingsWithoutOutline(paragraphs: readonly XmlParagraph[], styles: string): string[] {
  const outlined = new Set(
    [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)]
      .filter((m) => /<w:outlineLvl /.test(m[2] as string))
      .map((m) => m[1] as string),
  );
  return paragraphs
    .filter((p) => HEADING.test(p.text) && p.text.length < 60)
    .filter((p) => {
      if (/<w:outlineLvl /.test(p.xml)) return false;
      const style = /<w:pStyle w:val="([^"]+)"/.exec(p.xml)?.[1];
      return !(style && outlined.has(style));
    })
    .map((p) => p.text.slice(0, 20));
}

/** Header words of up to four characters that do not fit their column on one line. */
function brokenHeaders(document: string): string[] {
  const out: string[] = [];
  for (const t of document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)) {
    const firstRow = /<w:tr\b[\s\S]*?<\/w:tr>/.exec(t[1] as string)?.[0];
    if (!firstRow) continue;
    for (const c of firstRow.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
      const cellXml = c[1] as string;
      const width = Number(
        /<w:tcW w:type="dxa" w:w="(\d+)"|<w:tcW w:w="(\d+)"/.exec(cellXml)?.slice(1).find(Boolean),
      );
      if (!Number.isFinite(width)) continue;
      const margins = [...cellXml.matchAll(/<w:(?:left|right|start|end) w:w="(\d+)"/g)].reduce(
        (s, m) => s + Number(m[1]),
        0,
      );
      const halfPt = Number(/<w:sz w:val="(\d+)"/.exec(cellXml)?.[1] ?? 24);
      const charTwips = halfPt * 10;
      const inner = width - (margins || 114);
      for (const word of textOf(cellXml).split(/[（）()\s/、]+/)) {
        const n = [...word].length;
        if (n > 0 && n <= 4 && n * charTwips > inner) out.push(word);
      }
    }
  }
  return out;
}

function fontsWithoutFallback(fontTable: string): string[] {
  return FONT_FALLBACKS.map((f) => f.font).filter((font) => {
    const entry = new RegExp(`<w:font w:name="${font}"[^>]*>([\\s\\S]*?)</w:font>`).exec(fontTable);
    return !entry || !/<w:altName /.test(entry[1] as string);
  });
}

// ── The printed text ────────────────────────────────────────────────────────────────────────────

const ISO_CODE = /(?<![\d-])\d{4}-(?:Q[1-4]|H[12]|0[1-9]|1[0-2])(?:-\d{2})?(?![\d])/g;
/** Units and names a Chinese document writes in Latin letters. */
const LATIN_ALLOWED = new Set([
  "km",
  "m",
  "cm",
  "mm",
  "kg",
  "t",
  "kw",
  "kwh",
  "mw",
  "gw",
  "kv",
  "ha",
  "pm",
  "gdp",
  "cpi",
  "ppi",
  "co",
  "g",
  "plantrack",
]);

function latinWords(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z][A-Za-z]+/g)) {
    const word = m[0] as string;
    // Capitals of up to four letters are codes a plan writes in Chinese text (南BC地块, PPP项目).
    if (/^[A-Z]{2,4}$/.test(word) || LATIN_ALLOWED.has(word.toLowerCase())) continue;
    found.add(word);
  }
  return [...found];
}

const compact = (s: string) => s.replace(/\s+/g, "");
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

function pageOf(pages: readonly PdfPage[], test: (line: string) => boolean, after = 0): number | null {
  for (const p of pages) {
    if (p.number < after) continue;
    if (p.lines.some((l) => test(compact(l.text)))) return p.number;
  }
  return null;
}

/** The tallest band of rows without ink inside the text block of a grey PGM page, as a share. */
export function emptyBandShare(pgm: Uint8Array, dpi: number): number | null {
  const header: string[] = [];
  let i = 0;
  while (header.length < 4 && i < pgm.length) {
    while (i < pgm.length && /\s/.test(String.fromCharCode(pgm[i] as number))) i++;
    let token = "";
    while (i < pgm.length && !/\s/.test(String.fromCharCode(pgm[i] as number)))
      token += String.fromCharCode(pgm[i++] as number);
    header.push(token);
  }
  i++;
  if (header[0] !== "P5") return null;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const top = px(MARGIN_MM.top);
  const bottom = Math.min(height, px(MARGIN_MM.top + TEXT_BLOCK_MM.height));
  const left = px(MARGIN_MM.left);
  const right = Math.min(width, px(PAGE_MM.width - MARGIN_MM.right));
  let run = 0;
  let longest = 0;
  for (let y = top; y < bottom; y++) {
    let ink = false;
    for (let x = left; x < right && !ink; x++) if ((pgm[i + y * width + x] as number) < 235) ink = true;
    run = ink ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return Number((longest / Math.max(1, bottom - top)).toFixed(3));
}

function parseFonts(output: string): FontFigure[] {
  const lines = output
    .split("\n")
    .slice(2)
    .filter((l) => l.trim() !== "");
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name … emb sub uni object ID: emb is the fifth column from the end.
    return { name: cols[0] as string, embedded: cols[cols.length - 5] === "yes" };
  });
}

// ── Judging ─────────────────────────────────────────────────────────────────────────────────────

function judge(f: DocumentFigures, options: VerifyOptions): Finding[] {
  const out: Finding[] = [];
  const add = (code: string, zh: string, en: string) => out.push({ code, zh, en });
  if (Math.abs(f.pageSizeMm.width - PAGE_MM.width) > 1 || Math.abs(f.pageSizeMm.height - PAGE_MM.height) > 1)
    add(
      "page_size",
      `纸张${f.pageSizeMm.width}×${f.pageSizeMm.height}毫米，不是A4`,
      `page ${f.pageSizeMm.width} × ${f.pageSizeMm.height} mm, not A4`,
    );
  const m = f.marginsMm;
  if (m.left < MARGIN_MM.left - 1 || m.left > MARGIN_MM.left + 1.5)
    add(
      "margin_left",
      `左边距${m.left}毫米（应为${MARGIN_MM.left}毫米）`,
      `left margin ${m.left} mm (should be ${MARGIN_MM.left})`,
    );
  if (m.top < MARGIN_MM.top - 1)
    add("margin_top", `文字高出上边距（${m.top}毫米）`, `text above the top margin (${m.top} mm)`);
  if (m.bottom < MARGIN_MM.bottom - 1)
    add(
      "margin_bottom",
      `文字低于下边距（${m.bottom}毫米）`,
      `text below the bottom margin (${m.bottom} mm)`,
    );
  // Compressed full-width punctuation may end a third of a character out; a hung one ends a whole one out.
  if (f.overhangMm > HANG_TOLERANCE_MM)
    add(
      "hanging_punctuation",
      `有文字伸出右边距${f.overhangMm}毫米`,
      `text reaches ${f.overhangMm} mm past the right margin`,
    );
  if (f.linesPerPage !== null && Math.round(f.linesPerPage) !== 22)
    add(
      "lines_per_page",
      `每页${f.linesPerPage}行（应为22行）`,
      `${f.linesPerPage} lines a page (should be 22)`,
    );
  if (f.fullestPage > 22)
    add(
      "lines_per_page",
      `一页排了${f.fullestPage}行正文（应为22行）`,
      `a page holds ${f.fullestPage} body lines (22 expected)`,
    );
  if (f.fullLines >= 5 && (f.fullLinesAt28 ?? 0) < 0.95)
    add(
      "chars_per_line",
      `满行中只有${Math.round((f.fullLinesAt28 ?? 0) * 100)}%为28±1字（中位数${f.charsPerFullLine.median}字）`,
      `only ${Math.round((f.fullLinesAt28 ?? 0) * 100)}% of full lines hold 28 ± 1 characters (median ${f.charsPerFullLine.median})`,
    );
  if (f.spreadLines > 0)
    add(
      "spread_lines",
      `${f.spreadLines}行文字被拉开排列`,
      `${f.spreadLines} lines are spread across the width`,
    );
  if (f.digitGaps.length > 0)
    add(
      "digit_gap",
      `数字与汉字之间有空隙${f.digitGaps.length}处，如“${f.digitGaps[0]}”`,
      `${f.digitGaps.length} gaps between digits and Chinese, e.g. “${f.digitGaps[0]}”`,
    );
  const badForm = f.pageNumbers.filter((p) => p.shown !== p.page);
  const badSide = f.pageNumbers.filter((p) => p.side !== (p.page % 2 === 1 ? "right" : "left"));
  // A blank page (before the 版记's even page) carries no number (GB/T 9704-2012 7.5).
  const unnumbered = f.pages - f.blankPages.length - f.pageNumbers.length;
  if (unnumbered > 0)
    add("page_number_missing", `${unnumbered}页没有页码`, `${unnumbered} pages without a page number`);
  if (badForm.length > 0)
    add(
      "page_number_form",
      `第${badForm[0]?.page}页页码为“${badForm[0]?.text}”，应为“— ${badForm[0]?.page} —”`,
      `page ${badForm[0]?.page} is numbered “${badForm[0]?.text}”`,
    );
  if (badSide.length > 0)
    add(
      "page_number_side",
      `第${badSide[0]?.page}页页码不在外侧（单页居右、双页居左）`,
      `page ${badSide[0]?.page}'s number is not on the outside edge`,
    );
  const unembedded = f.fonts.filter((x) => !x.embedded);
  if (unembedded.length > 0)
    add(
      "font_not_embedded",
      `字体未嵌入：${unembedded.map((x) => x.name).join("、")}`,
      `fonts not embedded: ${unembedded.map((x) => x.name).join(", ")}`,
    );
  const cjkFonts = f.fonts.filter((x) => /CJK|Song|Fang|Kai|Hei|Ming|宋|仿|楷|黑/i.test(x.name));
  if (cjkFonts.length > 0 && cjkFonts.every((x) => /Sans|Hei|黑/i.test(x.name)))
    add(
      "one_sans_face",
      "全文只用了一种无衬线字体（缺少宋体、仿宋的替代字体）",
      "one sans face for all text (no song or fangsong substitute)",
    );
  if (f.fontsWithoutFallback.length > 0)
    add(
      "font_fallback",
      `字体表中${f.fontsWithoutFallback.join("、")}没有替代字体`,
      `the font table gives no alternative for ${f.fontsWithoutFallback.join(", ")}`,
    );
  if (f.headingsWithoutOutline.length > 0)
    add(
      "outline_level",
      `标题“${f.headingsWithoutOutline[0]}”等没有大纲级别`,
      `headings such as “${f.headingsWithoutOutline[0]}” have no outline level`,
    );
  if (f.brokenHeaders.length > 0)
    add(
      "table_header_break",
      `表头“${f.brokenHeaders[0]}”在列内折行`,
      `table header “${f.brokenHeaders[0]}” breaks inside its column`,
    );
  if (f.page1EmptyShare !== null && f.page1EmptyShare > 1 / 3 && f.pages > 1)
    add(
      "page1_empty",
      `第1页有${Math.round(f.page1EmptyShare * 100)}%的版心空白`,
      `${Math.round(f.page1EmptyShare * 100)}% of page 1's text block is empty`,
    );
  if (f.title === null || f.titleCount !== 1)
    add(
      "title_count",
      `标题出现${f.titleCount}次（应为1次）`,
      `the title appears ${f.titleCount} times (once expected)`,
    );
  if (f.title !== null && (/^关于.*关于/.test(f.title) || (f.title.match(/的报告/g)?.length ?? 0) > 1))
    add("title_doubled", `标题重复：“${f.title}”`, `the title doubles its words: “${f.title}”`);
  if (f.isoCodes.length > 0)
    add(
      "iso_period",
      `正文使用了代码形式的期间：${f.isoCodes.slice(0, 3).join("、")}`,
      `period codes in the text: ${f.isoCodes.slice(0, 3).join(", ")}`,
    );
  if ((options.lang ?? "zh") === "zh" && f.latinWords.length > 0)
    add(
      "latin_words",
      `中文文档中有英文：${f.latinWords.slice(0, 5).join("、")}`,
      `English in a Chinese document: ${f.latinWords.slice(0, 5).join(", ")}`,
    );
  if (options.frame ?? true) {
    if (f.recipient === null) add("no_recipient", "缺少主送机关", "no 主送机关 (recipient)");
    if (!f.closing) add("no_closing", "缺少“特此报告。”", "no “特此报告。”");
    if (f.colophonPage === null) add("no_colophon", "缺少版记（印发机关和印发日期）", "no 版记 (colophon)");
    else if (f.colophonPage !== f.pages)
      add(
        "colophon_not_last",
        `版记在第${f.colophonPage}页，不在最后一页`,
        `the 版记 is on page ${f.colophonPage}, not the last`,
      );
    else if (f.colophonPage % 2 === 1)
      add("colophon_odd_page", "版记不在偶数页", "the 版记 is not on an even page");
    if (f.signaturePage === null) add("no_signature", "缺少署名和成文日期", "no signature and date");
    else if (f.closingPage !== null && f.signaturePage !== f.closingPage)
      add(
        "signature_alone",
        `署名在第${f.signaturePage}页，正文结束于第${f.closingPage}页`,
        `the signature is on page ${f.signaturePage}, the body ends on page ${f.closingPage}`,
      );
  }
  return out;
}

/** The figures and findings of a Word document (and of its PDF, when already made). */
export async function verifyDocx(
  docx: Uint8Array,
  options: VerifyOptions = {},
  madePdf?: Uint8Array,
): Promise<VerifierReport> {
  requireTools();
  const zip = await JSZip.loadAsync(docx);
  const part = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const [document, styles, fontTable, core] = await Promise.all([
    part("word/document.xml"),
    part("word/styles.xml"),
    part("word/fontTable.xml"),
    part("docProps/core.xml"),
  ]);
  const paragraphs = paragraphsOf(document);
  const pdf = madePdf ?? (await docxToPdf(docx));
  const dir = await mkdtemp(join(tmpdir(), "plantrack-verify-"));
  try {
    const file = join(dir, "document.pdf");
    await writeFile(file, pdf);
    const [bbox, fonts] = await Promise.all([
      exec("pdftotext", ["-bbox-layout", file, "-"], { maxBuffer: 256 * 1024 * 1024 }),
      exec("pdffonts", [file]),
      exec("pdftoppm", ["-r", "30", "-gray", "-f", "1", "-l", "1", "-singlefile", file, join(dir, "page1")]),
    ]);
    const pages = parseBboxLayout(bbox.stdout);
    const page1 = await readFile(join(dir, "page1.pgm")).catch(() => null);
    const layout = measureLayout(pages, page1 ? emptyBandShare(page1, 30) : null);
    const printed = pages.map((p) => compact(p.lines.map((l) => l.text).join("")));
    const all = printed.join("");
    const title =
      /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1]?.trim() ||
      (paragraphs.find((p) => p.text.trim())?.text ?? null);
    const firstHeading = paragraphs.findIndex((p) => /^一、/.test(p.text));
    const before = firstHeading < 0 ? paragraphs : paragraphs.slice(0, firstHeading);
    const recipient = before.find((p) => /^[^，。；：]{2,40}：$/.test(p.text.trim()))?.text.trim() ?? null;
    const closing = paragraphs.some((p) => p.text.trim().startsWith("特此报告"));
    const closingPage = pageOf(pages, (l) => l.startsWith("特此报告"));
    const signaturePage = pageOf(pages, (l) => DATE_LINE.test(l), closingPage ?? 0);
    const colophonPage = [...pages]
      .reverse()
      .find((p) => p.lines.some((l) => /印发$/.test(compact(l.text))))?.number;
    const figures: DocumentFigures = {
      ...layout,
      fonts: parseFonts(fonts.stdout),
      title,
      titleCount: title ? all.split(compact(title)).length - 1 : 0,
      recipient,
      closing,
      closingPage,
      signaturePage,
      colophonPage: colophonPage ?? null,
      isoCodes: [...new Set(all.match(ISO_CODE) ?? [])],
      latinWords: latinWords(pages.map((p) => p.lines.map((l) => l.text).join(" ")).join(" ")),
      brokenHeaders: [...new Set(brokenHeaders(document))],
      headingsWithoutOutline: headingsWithoutOutline(paragraphs, styles),
      fontsWithoutFallback: fontTable ? fontsWithoutFallback(fontTable) : FONT_FALLBACKS.map((f) => f.font),
      blankPages: pages.filter((p) => p.lines.length === 0).map((p) => p.number),
    };
    return { figures, findings: [...judge(figures, options), ...hangingFindings(pages)], pdf };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function hangingFindings(pages: readonly PdfPage[]): Finding[] {
  const lines = hangingLines(pages, HANG_TOLERANCE_MM);
  return lines.length === 0
    ? []
    : [
        {
          code: "punctuation_past_margin",
          zh: `${lines.length}行的标点伸出右边距，如${lines[0]}`,
          en: `${lines.length} lines end in punctuation past the right margin, e.g. ${lines[0]}`,
        },
      ];
}
