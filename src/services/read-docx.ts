// A Word .docx → the plan text. mammoth reads the document (and keeps doing so, so that the text of
// paragraphs is the very text earlier imports stored); only tables are rendered here, one row per
// line and cells split by TABs, with merged cells resolved on the grid: a cell merged down the rows
// repeats on each row, a cell spanning columns leaves the columns it covers empty. mammoth only sees
// an archive that unpacked within the limits of bounded-zip.ts.

import mammoth from "mammoth";
import { AppError } from "../domain/app-error.ts";
import { unzipBounded } from "./bounded-zip.ts";
import { checkXmlDepth } from "./xml-tree.ts";

/** The parts of mammoth's document model read here. */
interface DocNode {
  type: string;
  value?: string;
  children?: DocNode[];
  colSpan?: number;
  rowSpan?: number;
}

function isDocNode(value: unknown): value is DocNode {
  return (
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string"
  );
}

const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/** A cell's text on one line: its paragraphs joined, a space only between two Latin words. */
function cellText(cell: DocNode): string {
  const parts = (cell.children ?? [])
    .map((child) => rawText(child).replace(/\s+/g, " ").trim())
    .filter((p) => p !== "");
  let out = "";
  for (const part of parts) {
    out = out && LATIN_END.test(out) && LATIN_START.test(part) ? `${out} ${part}` : out + part;
  }
  return out;
}

interface Carry {
  text: string;
  rows: number;
}

/** A table → one line per row; rows left empty by merges are dropped. */
export function tableText(table: DocNode): string {
  const lines: string[] = [];
  const carry: (Carry | undefined)[] = [];
  for (const row of table.children ?? []) {
    if (row.type !== "tableRow") {
      const text = rawText(row).trim();
      if (text) lines.push(text);
      continue;
    }
    const cells: string[] = [];
    let col = 0;
    const takeCarried = () => {
      const held = carry[col];
      if (!held || held.rows <= 0) return false;
      cells[col] = held.text;
      held.rows--;
      col++;
      return true;
    };
    for (const cell of row.children ?? []) {
      while (takeCarried()) {
        // a cell merged from above fills this column
      }
      const text = cell.type === "tableCell" ? cellText(cell) : rawText(cell).trim();
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      for (let k = 0; k < colSpan; k++) {
        cells[col + k] = k === 0 ? text : "";
        carry[col + k] = rowSpan > 1 ? { text: k === 0 ? text : "", rows: rowSpan - 1 } : undefined;
      }
      col += colSpan;
    }
    while (col < carry.length) {
      if (!takeCarried()) {
        if (col < carry.length && cells[col] === undefined) cells[col] = "";
        col++;
      }
    }
    const line = Array.from(cells, (c) => c ?? "").join("\t");
    if (line.replace(/\t/g, "").trim() !== "") lines.push(line.replace(/\t+$/, ""));
  }
  return lines.length > 0 ? `${lines.join("\n")}\n\n` : "";
}

/** mammoth's raw text (text, tabs, "\n\n" after each paragraph), with tables as rows of cells. */
function rawText(node: DocNode): string {
  if (node.type === "text") return node.value ?? "";
  if (node.type === "tab") return "\t";
  if (node.type === "table") return tableText(node);
  const inner = (node.children ?? []).map(rawText).join("");
  return node.type === "paragraph" ? `${inner}\n\n` : inner;
}

/** Reads a .docx (already known to be a zip). Throws AppError for a bomb or a damaged file. */
export async function readDocx(bytes: Uint8Array, label: string): Promise<string> {
  const parts = await unzipBounded(bytes, label, { keep: (name) => /\.(?:xml|rels)$/i.test(name) });
  const decoder = new TextDecoder("utf-8");
  for (const [name, data] of parts) checkXmlDepth(decoder.decode(data), `${label} (${name})`);
  const kept: { body: DocNode | null } = { body: null };
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) },
      {
        // The document model is all we need: keep it, and give the HTML converter nothing to do.
        transformDocument: (document: unknown) => {
          if (isDocNode(document)) {
            kept.body = document;
            return { ...document, children: [] };
          }
          return document;
        },
      },
    );
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    const missingDocument = /main document part|word\/document\.xml/i.test(cause);
    throw new AppError(
      "unsupported_file",
      missingDocument
        ? {
            zh: `${label}：压缩包中没有 Word 正文（word/document.xml），不是有效的 .docx`,
            en: `${label}: the archive holds no word/document.xml: not a valid .docx`,
          }
        : {
            zh: `${label}：无法读取 .docx 文件（${cause}）`,
            en: `${label}: cannot read the .docx file: ${cause}`,
          },
      { file: label },
    );
  }
  return kept.body ? rawText(kept.body) : "";
}
