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
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { FONT_SIZE_PT, FONTS, halfPoints, officialPageLayout } from "./gbt9704.ts";

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
function run(text: string, eastAsia: string, pt: number, bold = false): TextRun {
  const offGrid = pt !== FONT_SIZE_PT.san;
  return new TextRun({
    text,
    font: officialFont(eastAsia),
    size: halfPoints(pt),
    bold,
    ...(offGrid ? { snapToGrid: false } : {}),
  });
}

/** Two characters of the body font: the first-line indent of every paragraph. */
const INDENT_TWO = LAYOUT.charPitch * 2;

/** The title: 2号 方正小标宋简体, centred, with one empty line after it (GB/T 9704-2012 7.3.1). */
export function title(text: string): Paragraph[] {
  return [
    new Paragraph({
      style: OFF_GRID,
      alignment: AlignmentType.CENTER,
      children: [run(text, FONTS.title, FONT_SIZE_PT.er)],
      keepNext: true,
    }),
    new Paragraph({ children: [] }),
  ];
}

/** 一、 黑体 */
export function heading1(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: INDENT_TWO },
    keepNext: true,
    children: [run(text, FONTS.heading1, FONT_SIZE_PT.san)],
  });
}

/** （一） 楷体_GB2312 */
export function heading2(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: INDENT_TWO },
    keepNext: true,
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

export function body(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: INDENT_TWO },
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

/** Issuing office and date, right-aligned with four characters of space on the right (7.3.5.1). */
export function signature(issuer: string, date: string): Paragraph[] {
  const right = LAYOUT.charPitch * 4;
  return [
    new Paragraph({ children: [] }),
    new Paragraph({ children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right },
      children: [run(issuer, FONTS.body, FONT_SIZE_PT.san)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right },
      children: [run(date, FONTS.body, FONT_SIZE_PT.san)],
    }),
  ];
}

const TABLE_PT = FONT_SIZE_PT.xiaoSi;
/** Tables leave the page grid: an exact line of 1.25 × 小四, so rows stay compact. */
const TABLE_LINE = Math.round(TABLE_PT * 20 * 1.25);
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function cell(text: string, widthTwips: number, header: boolean, align: "left" | "center"): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 57, right: 57, top: 45, bottom: 45 },
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
    children: [
      new Paragraph({
        style: OFF_GRID,
        alignment: align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT },
        children: [run(text, header ? FONTS.heading1 : FONTS.body, TABLE_PT)],
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
    `<w:pPr><w:widowControl/><w:jc w:val="both"/></w:pPr><w:rPr>${body}</w:rPr></w:style>`,
    `<w:style w:type="paragraph" w:styleId="${OFF_GRID}"><w:name w:val="Off Grid"/><w:basedOn w:val="Normal"/>`,
    '<w:pPr><w:snapToGrid w:val="0"/></w:pPr><w:rPr><w:spacing w:val="0"/></w:rPr></w:style>',
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    "</w:styles>",
  ].join("");
}

export interface OfficialDocument {
  title: string;
  description: string;
  children: Array<Paragraph | Table>;
}

/** The document: A4, the GB/T 9704-2012 margins and grid (22 lines of 28 characters), 3号 仿宋 body. */
export async function packOfficial(doc: OfficialDocument): Promise<Buffer> {
  const document = new Document({
    title: doc.title,
    description: doc.description,
    creator: "PlanTrack",
    evenAndOddHeaderAndFooters: true,
    externalStyles: officialStylesXml(),
    sections: [
      {
        properties: {
          page: {
            size: { width: LAYOUT.width, height: LAYOUT.height },
            margin: LAYOUT.margin,
          },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: LAYOUT.linePitch,
            charSpace: LAYOUT.charSpace,
          },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: doc.children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
