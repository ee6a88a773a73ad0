// Builds the richer files a planner uploads — a Word .docx with tables (merged cells), headers and
// page numbers, PDFs, an old .doc, an OFD — from one plan text, for tests that check every format
// reads to the same plan. Lines holding TABs are table rows: a cell equal to the one above it in a
// merged column becomes a vertical merge, an empty cell after a filled one widens that cell.

import { crc32, deflateRawSync } from "node:zlib";
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { convertWithSoffice, findSoffice } from "../services/soffice.ts";
import { makeZip } from "./make-files.ts";

export interface DocxOptions {
  /** A running header on every page (dropped again by the PDF reader). */
  header?: string;
  /** "— N —" at the foot of every page. */
  pageNumbers?: boolean;
  /** Table columns whose equal neighbours are merged vertically (default: the first; [] for none). */
  mergeColumns?: number[];
  /** Paragraphs that start a new page (to give running headers something to repeat on). */
  pageBreakBefore?: (line: string) => boolean;
}

/** Display width of a cell's text: a Chinese character counts as two. */
function textWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return n;
}

function tableOf(rows: string[][], mergeColumns: number[]): Table {
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
  // Columns as wide as their longest cell, so that a row stays on one line in a PDF.
  const widest = Array.from(
    { length: width },
    (_, c) => 4 + Math.max(4, ...grid.map((r) => textWidth(r[c] ?? ""))),
  );
  const sum = widest.reduce((a, b) => a + b, 0);
  const columnWidths = widest.map((w) => Math.floor((9000 * w) / sum));
  const covered = new Set<string>();
  const tableRows = grid.map((cells, r) => {
    const out: TableCell[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      let span = 1;
      while (c + span < width && cells[c + span] === "" && cells[c] !== "") span++;
      let rowSpan = 1;
      if (mergeColumns.includes(c) && cells[c] !== "") {
        while (r + rowSpan < grid.length && grid[r + rowSpan]?.[c] === cells[c]) rowSpan++;
      }
      for (let k = 1; k < rowSpan; k++) covered.add(`${r + k}:${c}`);
      let cellWidth = 0;
      for (let k = 0; k < span; k++) cellWidth += columnWidths[c + k] ?? 0;
      out.push(
        new TableCell({
          children: [new Paragraph(cells[c] ?? "")],
          width: { size: cellWidth, type: WidthType.DXA },
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(rowSpan > 1 ? { rowSpan } : {}),
        }),
      );
      c += span - 1;
    }
    return new TableRow({ children: out });
  });
  return new Table({ rows: tableRows, columnWidths, width: { size: 9000, type: WidthType.DXA } });
}

/** A Word document of the text: one paragraph per non-blank line, TAB lines as tables. */
export async function makeWordDocx(text: string, options: DocxOptions = {}): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length > 0) children.push(tableOf(rows, options.mergeColumns ?? [0]));
    rows = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.includes("\t")) {
      rows.push(line.split("\t"));
      continue;
    }
    flush();
    if (line.trim() === "") continue;
    const pageBreakBefore = options.pageBreakBefore?.(line) ?? false;
    children.push(
      new Paragraph({ children: [new TextRun(line)], ...(pageBreakBefore ? { pageBreakBefore } : {}) }),
    );
  }
  flush();
  const doc = new Document({
    sections: [
      {
        ...(options.header
          ? { headers: { default: new Header({ children: [new Paragraph(options.header)] }) } }
          : {}),
        ...(options.pageNumbers
          ? {
              footers: {
                default: new Footer({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] })],
                    }),
                  ],
                }),
              },
            }
          : {}),
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The file converted by LibreOffice, or null where soffice is not installed (the caller skips). */
export async function convertBySoffice(
  bytes: Uint8Array,
  fromExt: string,
  toExt: string,
): Promise<Uint8Array | null> {
  if (!findSoffice()) return null;
  const result = await convertWithSoffice(bytes, fromExt, toExt);
  if (!result.ok || !result.bytes)
    throw new Error(`soffice could not convert .${fromExt} to .${toExt}: ${result.reason}`);
  return result.bytes;
}

/** A zip whose entries are deflated; `declare` overrides the sizes written in the headers (a lying bomb). */
export function makeDeflatedZip(files: Record<string, Uint8Array>, declare?: number): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const crc = crc32(content);
    const nameBytes = encoder.encode(name);
    const data = deflateRawSync(content, { level: 9 });
    const size = declare ?? content.length;
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    parts.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let pos = 0;
  for (const part of [...parts, ...centrals, end]) {
    out.set(part, pos);
    pos += part.length;
  }
  return out;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export interface OfdOptions {
  /** A running header at the top of each page, and "— N —" at its foot. */
  header?: string;
  /** Pages with no TextObject at all (a scanned OFD). */
  withoutText?: boolean;
  /** Paragraphs that start a new page. */
  pageBreakBefore?: (line: string) => boolean;
}

interface OfdText {
  text: string;
  x: number;
  y: number;
}

const OFD_SIZE = 4; // mm: 40 characters on a 160 mm line
const OFD_LEFT = 25;
const OFD_RIGHT = 185;
const OFD_TOP = 30;
const OFD_BOTTOM = 265;
const OFD_LEADING = 6;

function charWidth(ch: string): number {
  return (ch.codePointAt(0) ?? 0) > 0x2e80 ? OFD_SIZE : OFD_SIZE / 2;
}

/** Lays the text out the way a typesetter would: paragraphs indented two characters and wrapped at the margin, TAB lines as table rows. */
function layOutOfd(text: string, pageBreakBefore: (line: string) => boolean): OfdText[][] {
  const pages: OfdText[][] = [[]];
  let y = OFD_TOP;
  const place = (item: OfdText) => (pages[pages.length - 1] as OfdText[]).push(item);
  const newLine = () => {
    y += OFD_LEADING;
    if (y > OFD_BOTTOM) {
      pages.push([]);
      y = OFD_TOP;
    }
  };
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  // Table columns as wide as their longest cell plus two characters (a wide table may run into the margin).
  const rows = lines.filter((line) => line.includes("\t")).map((line) => line.split("\t"));
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(
        widths[i] ?? 0,
        [...cell].reduce((w, ch) => w + charWidth(ch), 2 * OFD_SIZE),
      );
    });
  }
  for (const line of lines) {
    if (pageBreakBefore(line) && (pages[pages.length - 1] as OfdText[]).length > 0) {
      pages.push([]);
      y = OFD_TOP;
    }
    if (line.includes("\t")) {
      let x = OFD_LEFT;
      line.split("\t").forEach((cell, i) => {
        if (cell !== "") place({ text: cell, x, y });
        x += widths[i] ?? 0;
      });
      newLine();
      continue;
    }
    let x = OFD_LEFT + 2 * OFD_SIZE;
    let run = "";
    let runX = x;
    for (const ch of line) {
      if (x + charWidth(ch) > OFD_RIGHT + 0.01) {
        place({ text: run, x: runX, y });
        newLine();
        x = OFD_LEFT;
        run = "";
        runX = x;
      }
      run += ch;
      x += charWidth(ch);
    }
    if (run !== "") place({ text: run, x: runX, y });
    newLine();
  }
  return pages;
}

function textObject(id: number, item: OfdText): string {
  const deltas = [...item.text].slice(0, -1).map(charWidth).join(" ");
  return `<ofd:TextObject ID="${id}" Boundary="${item.x} ${item.y - OFD_SIZE} ${OFD_RIGHT - item.x} ${OFD_SIZE * 1.5}" Font="2" Size="${OFD_SIZE}"><ofd:TextCode X="0" Y="${OFD_SIZE}"${deltas ? ` DeltaX="${deltas}"` : ""}>${escapeXml(item.text)}</ofd:TextCode></ofd:TextObject>`;
}

/** An OFD package (GB/T 33190) of the text: OFD.xml → Document.xml → one Content.xml per page. */
export function makeOfd(text: string, options: OfdOptions = {}): Uint8Array {
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  const pages = options.withoutText ? [[]] : layOutOfd(text, options.pageBreakBefore ?? (() => false));
  const files: Record<string, string> = {
    "OFD.xml": `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>plantrack-test</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    "Doc_0/Document.xml": `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${ns}><ofd:CommonData><ofd:MaxUnitID>100000</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>${pages
      .map((_, i) => `<ofd:Page ID="${i + 10}" BaseLoc="Pages/Page_${i}/Content.xml"/>`)
      .join("")}</ofd:Pages></ofd:Document>`,
    "Doc_0/PublicRes.xml": `<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${ns} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
  };
  let id = 1000;
  pages.forEach((items, i) => {
    const furniture: OfdText[] = options.header
      ? [
          { text: options.header, x: OFD_LEFT, y: 15 },
          { text: `— ${i + 1} —`, x: 97, y: 285 },
        ]
      : [];
    const objects = [...furniture, ...items].map((item) => textObject(id++, item)).join("");
    const image = options.withoutText
      ? `<ofd:ImageObject ID="${id++}" Boundary="0 0 210 297" ResourceID="5"/>`
      : "";
    files[`Doc_0/Pages/Page_${i}/Content.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${ns}><ofd:Content><ofd:Layer ID="${id++}">${objects}${image}</ofd:Layer></ofd:Content></ofd:Page>`;
  });
  return makeZip(files);
}

function pdfFile(objects: string[], trailerExtra = ""): Uint8Array {
  let body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array([...body].map((ch) => ch.charCodeAt(0) & 0xff));
}

/** A one-page PDF that is only a picture (a 2×2 grey image): what a scanner produces, no text layer. */
export function makeScannedPdf(): Uint8Array {
  const pixels = "\u0080\u00ff\u00ff\u0080";
  const draw = "q 400 0 0 600 100 100 cm /Im1 Do Q";
  return pdfFile([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`,
    `<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels}\nendstream`,
  ]);
}

/**
 * A PDF under the standard security handler whose user password is not empty: a reader must ask
 * for the password before it can show anything. (The O and U entries match no password we know.)
 */
export function makeEncryptedPdf(): Uint8Array {
  const hex32 = (seed: number) =>
    Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 17) & 0xff).toString(16).padStart(2, "0")).join(
      "",
    );
  const content = "BT /F1 24 Tf 100 700 Td (secret plan) Tj ET";
  return pdfFile(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      `<< /Filter /Standard /V 1 /R 2 /O <${hex32(7)}> /U <${hex32(11)}> /P -44 >>`,
    ],
    `/Encrypt 6 0 R /ID [<${hex32(3).slice(0, 32)}> <${hex32(3).slice(0, 32)}>] `,
  );
}

/** A .docx-named zip holding `megabytes` of zeros: a few KB that unpack to megabytes. */
export function makeZipBomb(megabytes: number, declare?: number): Uint8Array {
  return makeDeflatedZip(
    {
      "[Content_Types].xml": new TextEncoder().encode('<?xml version="1.0"?><Types/>'),
      "word/document.xml": new Uint8Array(megabytes * 1024 * 1024),
    },
    declare,
  );
}
