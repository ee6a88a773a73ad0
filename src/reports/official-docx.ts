// Building blocks of a Word document in the official layout (GB/T 9704-2012) with the `docx` package:
// the page and its grid, the fonts offices have (named for East-Asian text, so WPS and Word both pick
// them), the title, the three heading levels, body paragraphs, tables, charts, the signature and the
// page numbers on the outside edge.

import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  type IRunOptions,
  type ISectionOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignSection,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { FONT_SIZE_PT, FONTS, halfPoints, officialPageLayout, TEXT_BLOCK_MM } from "./gbt9704.ts";
import { FONT_FALLBACKS } from "./libreoffice.ts";
import { titleLines } from "./title-lines.ts";

export const LAYOUT = officialPageLayout();

/** The style of paragraphs off the character grid. */
export const OFF_GRID = "OffGrid";
/** Body runs condensed by a quarter point (in twentieths of a point): 28 × 15.75 pt fits the 442 pt line. */
export const BODY_CONDENSE = -5;

/** Run fonts with the East-Asian name first and the hint, as Word writes them for Chinese text. */
export function officialFont(eastAsia: string): NonNullable<IRunOptions["font"]> {
  return { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin, hint: "eastAsia" };
}

/**
 * A run of text. Text of another size than the body leaves the character grid (snapToGrid off):
 * otherwise each 小四 character of a table would take a whole 3号 grid cell, and a 2号 title character
 * two of them in LibreOffice.
 */
function run(
  text: string,
  eastAsia: string,
  pt: number,
  bold = false,
  color?: string,
  breakBefore = false,
): TextRun {
  const offGrid = pt !== FONT_SIZE_PT.san;
  return new TextRun({
    text,
    ...(breakBefore ? { break: 1 } : {}),
    font: officialFont(eastAsia),
    size: halfPoints(pt),
    bold,
    ...(color ? { color } : {}),
    ...(offGrid ? { snapToGrid: false } : {}),
  });
}

/** Two characters of the body font: the first-line indent of every paragraph. */
const INDENT_TWO = LAYOUT.charPitch * 2;

/** Title characters on one line: the 156 mm text block over a 2号 (22 pt) character. */
const TITLE_PER_LINE = Math.floor(TEXT_BLOCK_MM.width / ((FONT_SIZE_PT.er * 25.4) / 72));

/**
 * The title: 2号 方正小标宋简体, centred, with one empty line after it (GB/T 9704-2012 7.3.1); a long
 * one broken where its phrases end (title-lines.ts), so that no line splits “1—9月” or a name.
 */
export function title(text: string): Paragraph[] {
  return [
    new Paragraph({
      style: OFF_GRID,
      alignment: AlignmentType.CENTER,
      children: titleLines(text, TITLE_PER_LINE).map((line, i) =>
        run(line, FONTS.title, FONT_SIZE_PT.er, false, undefined, i > 0),
      ),
      keepNext: true,
    }),
    new Paragraph({ children: [] }),
  ];
}

/** 一、 黑体 (outline level 1: the navigation pane and a table of contents list it) */
export function heading1(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: INDENT_TWO },
    keepNext: true,
    outlineLevel: 0,
    children: [run(text, FONTS.heading1, FONT_SIZE_PT.san)],
  });
}

/** （一） 楷体_GB2312 (outline level 2) */
export function heading2(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: INDENT_TWO },
    keepNext: true,
    outlineLevel: 1,
    children: [run(text, FONTS.heading2, FONT_SIZE_PT.san)],
  });
}

/** 1. 仿宋_GB2312, not bold: the lead phrase, then the paragraph's text in the same font. */
export function heading3(lead: string, rest = ""): Paragraph {
  return new Paragraph({
    indent: { firstLine: INDENT_TWO },
    alignment: AlignmentType.JUSTIFIED,
    children: [
      run(lead, FONTS.body, FONT_SIZE_PT.san),
      ...(rest ? [run(rest, FONTS.body, FONT_SIZE_PT.san)] : []),
    ],
  });
}

export function body(text: string, keepNext = false): Paragraph {
  return new Paragraph({
    indent: { firstLine: INDENT_TWO },
    keepNext,
    alignment: AlignmentType.JUSTIFIED,
    children: [run(text, FONTS.body, FONT_SIZE_PT.san)],
  });
}

/** A paragraph that starts with a 楷体 lead sentence and goes on in 仿宋 (a common way to open a point). */
export function leadBody(lead: string, text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: INDENT_TWO },
    alignment: AlignmentType.JUSTIFIED,
    children: [run(lead, FONTS.heading2, FONT_SIZE_PT.san), run(text, FONTS.body, FONT_SIZE_PT.san)],
  });
}

/**
 * Issuing office and date (GB/T 9704-2012 7.3.5.2): the office two characters in from the right, the
 * date under it starting two characters further right (a date longer than that keeps two characters
 * on its right and pushes the office left). Every paragraph keeps with the next, so the signature
 * never stands alone on a page.
 */
export function signature(issuer: string, date: string): Paragraph[] {
  const wi = [...issuer].length;
  const wd = [...date].reduce((n, ch) => n + (/\d/.test(ch) ? 0.5 : 1), 0);
  const dateRight = Math.max(wi - wd, 2);
  const issuerRight = wi - wd >= 2 ? 2 : 4 + wd - wi;
  const twips = (chars: number) => Math.round(chars * LAYOUT.charPitch);
  return [
    new Paragraph({ keepNext: true, children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      keepNext: true,
      indent: { right: twips(issuerRight) },
      children: [run(issuer, FONTS.body, FONT_SIZE_PT.san)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: twips(dateRight) },
      children: [run(date, FONTS.body, FONT_SIZE_PT.san)],
    }),
  ];
}

/** 主送机关: flush left under the title, with its full-width colon (7.3.2). */
export function recipientLine(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    children: [run(text, FONTS.body, FONT_SIZE_PT.san)],
  });
}

/** 附件说明: “附件：1.…” two characters in, the next ones aligned under the first name (7.3.4). */
export function attachmentNote(names: readonly string[]): Paragraph[] {
  if (names.length === 0) return [];
  const hanging = LAYOUT.charPitch * 3;
  return names.map(
    (name, i) =>
      new Paragraph({
        keepNext: true,
        indent: { left: INDENT_TWO + hanging, hanging: i === 0 ? hanging : 0 },
        children: [
          run(
            `${i === 0 ? "附件：" : ""}${names.length > 1 ? `${i + 1}.` : ""}${name}`,
            FONTS.body,
            FONT_SIZE_PT.san,
          ),
        ],
      }),
  );
}

/** “附件1” in 3号黑体 flush left at the top of a new page, then the attachment's title (7.3.4). */
export function attachmentHead(label: string, name: string): Paragraph[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      keepNext: true,
      alignment: AlignmentType.LEFT,
      children: [run(label, FONTS.heading1, FONT_SIZE_PT.san)],
    }),
    new Paragraph({ keepNext: true, children: [] }),
    ...title(name),
  ];
}

const RED = "FF0000";

/**
 * The 版头 (7.2): the 发文机关标志 in red 小标宋, the 发文字号 (and for an upward report the 签发人 on
 * its line), and — with the mark — the red rule the width of the text block.
 */
export function letterhead(options: {
  mark: string | null;
  docNumber: string | null;
  signer: string | null;
}): Paragraph[] {
  const out: Paragraph[] = [];
  if (options.mark) {
    const chars = [...options.mark].length;
    const pt = Math.min(36, Math.floor((LAYOUT.textWidth / 20 / chars) * 0.95));
    out.push(
      new Paragraph({
        style: OFF_GRID,
        alignment: AlignmentType.CENTER,
        spacing: { before: 240, after: 480 },
        children: [run(options.mark, FONTS.title, pt, false, RED)],
      }),
    );
  }
  const rule = options.mark
    ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 10 } }
    : undefined;
  if (options.docNumber || options.signer) {
    const number = options.docNumber ?? "";
    out.push(
      options.signer
        ? new Paragraph({
            indent: { left: LAYOUT.charPitch, right: LAYOUT.charPitch },
            tabStops: [{ type: TabStopType.RIGHT, position: LAYOUT.textWidth - LAYOUT.charPitch * 2 }],
            ...(rule ? { border: rule } : {}),
            children: [
              run(number, FONTS.body, FONT_SIZE_PT.san),
              run("\t签发人：", FONTS.body, FONT_SIZE_PT.san),
              run(options.signer, FONTS.heading2, FONT_SIZE_PT.san),
            ],
          })
        : new Paragraph({
            alignment: AlignmentType.CENTER,
            ...(rule ? { border: rule } : {}),
            children: [run(number, FONTS.body, FONT_SIZE_PT.san)],
          }),
    );
  } else if (rule) out.push(new Paragraph({ border: rule, children: [] }));
  if (out.length > 0) out.push(new Paragraph({ children: [] }));
  return out;
}

/**
 * The 版记 (7.4): 抄送机关, then 印发机关 and 印发日期, between a thick first and last rule and a thin
 * one between them, in 4号仿宋 one character in from either side.
 */
export function colophon(options: { cc: readonly string[]; printer: string; date: string }): Paragraph[] {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 4 };
  const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000", space: 4 };
  const pt = FONT_SIZE_PT.si;
  const indent = { left: halfPoints(pt) * 10, right: halfPoints(pt) * 10 };
  const out: Paragraph[] = [];
  if (options.cc.length > 0)
    out.push(
      new Paragraph({
        style: OFF_GRID,
        keepNext: true,
        indent: { ...indent, hanging: 0 },
        border: { top: thick, bottom: thin },
        spacing: { line: Math.round(pt * 20 * 1.6), lineRule: LineRuleType.EXACT },
        children: [run(`抄送：${options.cc.join("，")}。`, FONTS.body, pt)],
      }),
    );
  out.push(
    new Paragraph({
      style: OFF_GRID,
      indent,
      border: options.cc.length > 0 ? { bottom: thick } : { top: thick, bottom: thick },
      tabStops: [{ type: TabStopType.RIGHT, position: LAYOUT.textWidth - indent.right - indent.left }],
      spacing: { line: Math.round(pt * 20 * 1.6), lineRule: LineRuleType.EXACT },
      children: [run(options.printer, FONTS.body, pt), run(`\t${options.date}印发`, FONTS.body, pt)],
    }),
  );
  return out;
}

const TABLE_PT = FONT_SIZE_PT.xiaoSi;
/** Tables leave the page grid: an exact line of 1.25 × 小四, so rows stay compact. */
const TABLE_LINE = Math.round(TABLE_PT * 20 * 1.25);
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
/** The paragraph styles of table cells (officialStylesXml): 小四 仿宋_GB2312, the header row in 黑体. */
const TABLE_TEXT = "TableText";
const TABLE_HEAD = "TableHead";

// Borders and margins are the table's and font, size and line the cells' paragraph style: a cell is
// its width, its alignment and its text. A 1,000-target report has ten thousand cells; properties
// repeated in each made most of its XML and of the time to write it.
function cell(text: string, widthTwips: number, header: boolean, align: "left" | "center"): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        style: header ? TABLE_HEAD : TABLE_TEXT,
        ...(align === "center" ? { alignment: AlignmentType.CENTER } : {}),
        children: [new TextRun(text)],
      }),
    ],
  });
}

export interface Column {
  header: string;
  /** Share of the text block width. */
  share: number;
  align?: "left" | "center";
}

/** A table the width of the text block: 小四 仿宋_GB2312, header row in 黑体 repeated on every page. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): Table {
  const total = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => Math.floor((LAYOUT.textWidth * c.share) / total));
  return new Table({
    width: { size: LAYOUT.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: cellBorder,
      bottom: cellBorder,
      left: cellBorder,
      right: cellBorder,
      insideHorizontal: cellBorder,
      insideVertical: cellBorder,
    },
    margins: { left: 57, right: 57, top: 45, bottom: 45, marginUnitType: WidthType.DXA },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c.header, widths[i] as number, true, "center")),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((c, i) =>
              cell(r[i] ?? "", widths[i] as number, false, c.align ?? "center"),
            ),
          }),
      ),
    ],
  });
}

/** A caption (above a table, kept with it; below a chart): 5号 楷体, centred. */
export function caption(text: string, keepWithNext = false): Paragraph {
  return new Paragraph({
    style: OFF_GRID,
    keepNext: keepWithNext,
    alignment: AlignmentType.CENTER,
    spacing: { line: Math.round(FONT_SIZE_PT.wu * 20 * 1.5), lineRule: LineRuleType.EXACT },
    children: [run(text, FONTS.heading2, FONT_SIZE_PT.wu)],
  });
}

/** A chart (PNG) scaled to the text block width, keeping its proportions. */
export function chart(png: Uint8Array, pixelWidth: number, pixelHeight: number): Paragraph {
  // docx sizes images in pixels at 96 dpi: the text block is 156 mm wide.
  const width = Math.round((LAYOUT.textWidth / 1440) * 96);
  const height = Math.round((width * pixelHeight) / pixelWidth);
  return new Paragraph({
    style: OFF_GRID,
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { line: 240, lineRule: LineRuleType.AUTO },
    children: [new ImageRun({ type: "png", data: png, transformation: { width, height } })],
  });
}

/** “— n —” in 4号 宋体, one character in from the outside edge: right on odd pages, left on even. */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const inset = halfPoints(FONT_SIZE_PT.si) * 10;
  const font = officialFont(FONTS.pageNumber);
  const size = halfPoints(FONT_SIZE_PT.si);
  const snapToGrid = false;
  return new Footer({
    children: [
      new Paragraph({
        style: OFF_GRID,
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: inset } : { left: inset },
        children: [
          new TextRun({ text: "— ", font, size, snapToGrid }),
          new TextRun({ children: [PageNumber.CURRENT], font, size, snapToGrid }),
          new TextRun({ text: " —", font, size, snapToGrid }),
        ],
      }),
    ],
  });
}

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function rFontsXml(eastAsia: string): string {
  const l = FONTS.latin;
  return `<w:rFonts w:ascii="${l}" w:eastAsia="${eastAsia}" w:hAnsi="${l}" w:cs="${l}" w:hint="eastAsia"/>`;
}

/** A table cell's paragraph: off the grid, left-aligned unless the cell says so, an exact line. */
function tableStyleXml(id: string, name: string, eastAsia: string): string {
  const sz = halfPoints(TABLE_PT);
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="${OFF_GRID}"/>` +
    `<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="${TABLE_LINE}" w:lineRule="exact"/><w:jc w:val="left"/></w:pPr>` +
    `<w:rPr>${rFontsXml(eastAsia)}<w:snapToGrid w:val="0"/><w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr></w:style>`
  );
}

/**
 * The styles part, written out because the `docx` package has no paragraph-level snapToGrid:
 * - docDefaults and Normal: 3号 仿宋_GB2312 (Word and LibreOffice take the grid's character pitch from
 *   Normal's size). Runs are condensed by BODY_CONDENSE so that a 16 pt character fits the 15.79 pt grid
 *   cell: Word places characters on the grid either way, while LibreOffice gives a character wider
 *   than its cell two cells — 14 characters a line instead of 28.
 * - OffGrid: paragraphs of another size (title, tables, captions, page numbers) leave the grid, so a
 *   小四 table character does not take a whole 3号 cell.
 */
export function officialStylesXml(): string {
  const body = `${rFontsXml(FONTS.body)}<w:spacing w:val="${BODY_CONDENSE}"/><w:kern w:val="2"/><w:sz w:val="${halfPoints(FONT_SIZE_PT.san)}"/><w:szCs w:val="${halfPoints(FONT_SIZE_PT.san)}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<w:styles xmlns:w="${W_NS}">`,
    `<w:docDefaults><w:rPrDefault><w:rPr>${body}</w:rPr></w:rPrDefault>`,
    '<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>',
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>',
    // No hanging punctuation (GB/T 9704 keeps the text block's edge) and no automatic space between
    // Chinese and digits (“9 月”): both on by default in Word and LibreOffice.
    `<w:pPr><w:widowControl/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:jc w:val="both"/></w:pPr><w:rPr>${body}</w:rPr></w:style>`,
    `<w:style w:type="paragraph" w:styleId="${OFF_GRID}"><w:name w:val="Off Grid"/><w:basedOn w:val="Normal"/>`,
    '<w:pPr><w:snapToGrid w:val="0"/></w:pPr><w:rPr><w:spacing w:val="0"/></w:rPr></w:style>',
    tableStyleXml(TABLE_TEXT, "Table Text", FONTS.body),
    tableStyleXml(TABLE_HEAD, "Table Heading", FONTS.heading1),
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    "</w:styles>",
  ].join("");
}

export interface OfficialDocument {
  title: string;
  description: string;
  children: Array<Paragraph | Table>;
  /** The 版记, set at the bottom of the last even page (a section of its own starting on one). */
  colophon?: Paragraph[];
}

/** Font classes and panose numbers Word uses to pick a face when the named one is missing. */
const FONT_CLASS: Record<string, { family: string; panose: string }> = {
  [FONTS.title]: { family: "roman", panose: "02010600030101010101" },
  [FONTS.body]: { family: "modern", panose: "02010609030101010101" },
  [FONTS.heading1]: { family: "modern", panose: "02010609060101010101" },
  [FONTS.heading2]: { family: "modern", panose: "02010609030101010101" },
  [FONTS.pageNumber]: { family: "roman", panose: "02010600030101010101" },
};

/**
 * The font table, with an alternative for each office font (w:altName) and its GB2312 charset, class
 * and panose: a machine without 方正小标宋简体 or 仿宋_GB2312 substitutes a song or fangsong face.
 */
export function fontTableXml(): string {
  const fonts = FONT_FALLBACKS.map(({ font, alternatives }) => {
    const c = FONT_CLASS[font] ?? { family: "roman", panose: "02010600030101010101" };
    return `<w:font w:name="${font}"><w:altName w:val="${alternatives[0]}"/><w:panose1 w:val="${c.panose}"/><w:charset w:val="86"/><w:family w:val="${c.family}"/><w:pitch w:val="fixed"/></w:font>`;
  });
  const latin = `<w:font w:name="${FONTS.latin}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W_NS}">${fonts.join("")}${latin}</w:fonts>`;
}

/** The document: A4, the GB/T 9704-2012 margins and grid (22 lines of 28 characters), 3号 仿宋 body. */
export async function packOfficial(doc: OfficialDocument): Promise<Buffer> {
  const section = (
    children: Array<Paragraph | Table>,
    extra: Partial<ISectionOptions["properties"]> = {},
  ): ISectionOptions => ({
    properties: {
      page: {
        size: { width: LAYOUT.width, height: LAYOUT.height },
        margin: LAYOUT.margin,
      },
      // A grid of lines only: 22 to the page. Characters are not snapped to a character grid —
      // LibreOffice gives a character of a snapped line two cells when any of the line does not fit
      // (14 characters spread across the width); the condensed body font sets 28 to the line instead.
      grid: { type: DocumentGridType.LINES, linePitch: LAYOUT.linePitch },
      ...extra,
    },
    footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
    children,
  });
  const document = new Document({
    title: doc.title,
    description: doc.description,
    creator: "PlanTrack",
    evenAndOddHeaderAndFooters: true,
    externalStyles: officialStylesXml(),
    sections: [
      section(doc.children),
      ...(doc.colophon && doc.colophon.length > 0
        ? [section(doc.colophon, { type: SectionType.EVEN_PAGE, verticalAlign: VerticalAlignSection.BOTTOM })]
        : []),
    ],
  });
  return Packer.toBuffer(document, false, [{ path: "word/fontTable.xml", data: fontTableXml() }]);
}
