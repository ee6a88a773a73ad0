// An OFD (GB/T 33190, the Chinese fixed-layout format many governments publish in) → the plan text.
// An OFD is a zip: OFD.xml names each document's Document.xml (DocBody/DocRoot), which lists its
// pages (Pages/Page/@BaseLoc); each page's Content.xml holds TextObject elements whose TextCode
// children carry the characters and their positions. Page templates (running headers) are not read.

import { AppError } from "../domain/app-error.ts";
import { unzipBounded } from "./bounded-zip.ts";
import { normalizeIdeographs } from "./read-pdf.ts";
import { layoutText, type TextPiece } from "./text-layout.ts";
import { childElements, descendants, parseXml, textOf, type XmlElement } from "./xml-tree.ts";

/** A path inside the package, resolved against the folder of the file that names it. */
export function resolveOfdPath(from: string, target: string): string {
  const base = target.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const part of target.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") base.pop();
    else base.push(part);
  }
  return base.join("/");
}

function numbers(value: string | undefined): number[] {
  return (value ?? "")
    .trim()
    .split(/\s+/)
    .filter((v) => v !== "")
    .map(Number);
}

/** DeltaX/DeltaY: numbers, where "g N D" stands for N times D. */
export function expandDeltas(value: string | undefined): number[] {
  const tokens = (value ?? "")
    .trim()
    .split(/\s+/)
    .filter((v) => v !== "");
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === "g") {
      const count = Number(tokens[i + 1]);
      const delta = Number(tokens[i + 2]);
      for (let k = 0; k < Math.min(count, 10_000); k++) out.push(delta);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out.filter((n) => Number.isFinite(n));
}

function estimateWidth(text: string, size: number, deltas: number[]): number {
  const chars = [...text];
  let width = 0;
  chars.forEach((ch, i) => {
    const own = (ch.codePointAt(0) ?? 0) > 0x2e80 ? size : 0.5 * size;
    width += i < chars.length - 1 ? (deltas[i] ?? own) : own;
  });
  return width;
}

function pagePieces(content: XmlElement): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const object of descendants(content, "TextObject")) {
    const [bx = 0, by = 0] = numbers(object.attrs.Boundary);
    const size = Number(object.attrs.Size) || 3.5;
    let x = 0;
    let y = 0;
    for (const code of childElements(object, "TextCode")) {
      // X and Y may be left out: the previous TextCode's position carries on.
      if (code.attrs.X !== undefined) x = Number(code.attrs.X) || 0;
      if (code.attrs.Y !== undefined) y = Number(code.attrs.Y) || 0;
      const text = normalizeIdeographs(textOf(code));
      if (text.trim() === "") continue;
      const width = estimateWidth(text, size, expandDeltas(code.attrs.DeltaX));
      pieces.push({ text, x: bx + x, y: by + y, width, size });
    }
  }
  return pieces;
}

function ofdError(label: string, why: { zh: string; en: string }): AppError {
  return new AppError(
    "unsupported_file",
    { zh: `${label}：不是有效的 OFD 文件（${why.zh}）`, en: `${label}: not a valid OFD file (${why.en})` },
    { file: label },
  );
}

/** Reads the text of every page of every document in an OFD package. */
export async function readOfd(bytes: Uint8Array, label: string): Promise<string> {
  const files = await unzipBounded(bytes, label, { keep: (name) => /\.xml$/i.test(name) });
  const decoder = new TextDecoder("utf-8");
  const byName = new Map<string, string>();
  for (const [name, data] of files) byName.set(name.replace(/^\/+/, "").toLowerCase(), decoder.decode(data));
  const xml = (path: string): XmlElement | null => {
    const text = byName.get(path.toLowerCase());
    return text === undefined ? null : parseXml(text, `${label} (${path})`);
  };
  const root = xml("OFD.xml");
  if (root?.name !== "OFD") throw ofdError(label, { zh: "缺少 OFD.xml", en: "no OFD.xml" });
  const pages: TextPiece[][] = [];
  for (const body of childElements(root, "DocBody")) {
    const docRoot = childElements(body, "DocRoot")[0];
    if (!docRoot) continue;
    const documentPath = resolveOfdPath("OFD.xml", textOf(docRoot).trim());
    const document = xml(documentPath);
    if (!document) throw ofdError(label, { zh: `缺少 ${documentPath}`, en: `${documentPath} is missing` });
    for (const page of descendants(document, "Page")) {
      if (!page.attrs.BaseLoc) continue;
      const pagePath = resolveOfdPath(documentPath, page.attrs.BaseLoc);
      const content = xml(pagePath);
      if (!content)
        throw ofdError(label, { zh: `缺少页面 ${pagePath}`, en: `the page ${pagePath} is missing` });
      pages.push(pagePieces(content));
    }
  }
  if (pages.length === 0) throw ofdError(label, { zh: "没有页面", en: "it has no pages" });
  const text = layoutText(pages);
  if (text.replace(/\s/g, "") === "") {
    throw new AppError(
      "unsupported_file",
      {
        zh: `${label}：OFD 中没有文字（可能是扫描件），无法读取计划内容`,
        en: `${label}: the OFD holds no text (a scan, perhaps): nothing to read`,
      },
      { file: label, reason: "no_text" },
    );
  }
  return text;
}
