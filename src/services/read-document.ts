// The bytes of an uploaded or named file → the plan text the extractor reads. Knows the formats
// plans come in (.txt in UTF-8 or GBK, a saved web page, Word .docx and .doc, WPS, PDF with a text
// layer, OFD) and refuses the rest with a message that names the file. What a file holds decides
// over its name where the two disagree (a .doc that is a saved web page, a .docx that is an old .doc).

import { AppError, type LocalText } from "../domain/app-error.ts";
import { decodeText } from "../extract/decode-text.ts";
import { htmlToText, looksLikeHtml } from "../extract/html-to-text.ts";
import { isZip } from "./bounded-zip.ts";
import { readDocx } from "./read-docx.ts";
import { looksLikeMht, mhtHtml } from "./read-mht.ts";
import { readOfd } from "./read-ofd.ts";
import { readPdf } from "./read-pdf.ts";
import { readDoc, readWps } from "./read-word-legacy.ts";

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export type DocumentType = "txt" | "html" | "docx" | "doc" | "wps" | "pdf" | "ofd";

export interface ReadDocument {
  text: string;
  /** utf-8 | gb18030 | utf-16le | utf-16be for text and HTML; the format's name (docx, pdf …) otherwise. */
  encoding: string;
  mediaType: DocumentType;
  byteSize: number;
}

const TEXT_EXTENSIONS = new Set(["txt", "text", "md", ""]);
const HTML_EXTENSIONS = new Set(["html", "htm", "xhtml", "shtml"]);
const UNSUPPORTED_HINTS: Record<string, LocalText> = {
  rtf: { zh: "RTF 暂不支持，请另存为 .docx", en: "RTF is not supported: save it as .docx" },
  xls: { zh: "表格文件不是计划文本", en: "a spreadsheet is not a plan document" },
  xlsx: { zh: "表格文件不是计划文本", en: "a spreadsheet is not a plan document" },
  zip: { zh: "压缩包请先解压", en: "unpack the archive first" },
};

function unsupported(name: string, hint: LocalText): AppError {
  return new AppError(
    "unsupported_file",
    { zh: `${name}: ${hint.zh}`, en: `${name}: ${hint.en}` },
    { file: name },
  );
}

/** The last path segment: browsers used to send a full path as the file name. */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? "";
  return name.trim() || "file";
}

function extensionOf(fileName: string): string {
  const name = baseName(fileName);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot + 1).toLowerCase();
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];
const OLE_HEADER = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

const PDF_MAGIC = "%PDF-";
const RTF_MAGIC = "{\\rtf";

function startsWithText(bytes: Uint8Array, magic: string, within = 0): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, within + magic.length));
  return within === 0 ? head.startsWith(magic) : head.includes(magic);
}

function isPdf(bytes: Uint8Array): boolean {
  // Some producers put a few bytes of junk before the header; readers accept it within 1 KB.
  return startsWithText(bytes, PDF_MAGIC, 1024);
}

function noText(name: string): AppError {
  return new AppError(
    "empty_file",
    { zh: `${name}: 文档没有文字`, en: `${name}: the document holds no text` },
    { file: name },
  );
}

interface Read {
  text: string;
  encoding: string;
  mediaType: DocumentType;
}

async function readWordish(bytes: Uint8Array, ext: string, name: string): Promise<Read> {
  if (startsWith(bytes, OLE_HEADER)) {
    const wps = ext === "wps";
    return {
      text: wps ? await readWps(bytes, name) : await readDoc(bytes, name),
      encoding: wps ? "wps" : "doc",
      mediaType: wps ? "wps" : "doc",
    };
  }
  if (startsWith(bytes, ZIP_LOCAL_HEADER) || startsWith(bytes, ZIP_EMPTY_ARCHIVE)) {
    return { text: await readDocx(bytes, name), encoding: "docx", mediaType: "docx" };
  }
  if (ext === "docx") {
    throw unsupported(name, {
      zh: "不是有效的 .docx 文件（不是 zip 格式）",
      en: "not a valid .docx file (not a zip archive)",
    });
  }
  if (startsWithText(bytes, RTF_MAGIC)) {
    throw unsupported(name, {
      zh: "这是 RTF 文件，暂不支持，请另存为 .docx",
      en: "this is an RTF file, which is not supported: save it as .docx",
    });
  }
  // Word's "save as web page" keeps the .doc name: read it as the web page it is.
  const mht = readMht(bytes);
  if (mht) return mht;
  const decoded = bytes.length > 0 ? decodeTextOrNull(bytes, name) : null;
  if (decoded && looksLikeHtml(decoded.text)) {
    return { text: htmlToText(decoded.text), encoding: decoded.encoding, mediaType: "html" };
  }
  throw unsupported(
    name,
    ext === "wps"
      ? { zh: "不是有效的 WPS 文件，请另存为 .docx", en: "not a valid WPS file: save it as .docx" }
      : {
          zh: "不是有效的 Word .doc 文件，请另存为 .docx",
          en: "not a valid Word .doc file: save it as .docx",
        },
  );
}

function readMht(bytes: Uint8Array): Read | null {
  if (!looksLikeMht(new TextDecoder("latin1").decode(bytes.subarray(0, 2048)))) return null;
  const html = mhtHtml(bytes);
  return html === null ? null : { text: htmlToText(html), encoding: "mht", mediaType: "html" };
}

function decodeTextOrNull(bytes: Uint8Array, name: string): ReturnType<typeof decodeText> | null {
  try {
    return decodeText(bytes, name);
  } catch {
    return null;
  }
}

async function readByFormat(bytes: Uint8Array, ext: string, name: string): Promise<Read | null> {
  if (ext === "pdf" || (ext === "" && isPdf(bytes))) {
    if (!isPdf(bytes))
      throw unsupported(name, {
        zh: "不是有效的 PDF 文件（缺少 %PDF 文件头）",
        en: "not a valid PDF file (no %PDF header)",
      });
    return { text: await readPdf(bytes, name), encoding: "pdf", mediaType: "pdf" };
  }
  if (ext === "mht" || ext === "mhtml") {
    const mht = readMht(bytes);
    if (!mht) throw unsupported(name, { zh: "不是有效的 MHT 网页文件", en: "not a valid MHT web archive" });
    return mht;
  }
  if (ext === "ofd") {
    if (!isZip(bytes))
      throw unsupported(name, {
        zh: "不是有效的 OFD 文件（不是 zip 格式）",
        en: "not a valid OFD file (not a zip archive)",
      });
    return { text: await readOfd(bytes, name), encoding: "ofd", mediaType: "ofd" };
  }
  if (ext === "docx" || ext === "doc" || ext === "wps" || ext === "docm" || ext === "dot" || ext === "dotx") {
    return readWordish(bytes, ext, name);
  }
  return null;
}

/**
 * Reads a plan document. Throws AppError: `empty_file`, `file_too_large` (over 20 MB, or a zip
 * that unpacks past the limits of bounded-zip.ts), `bad_input` (a damaged zip, XML nested too deep),
 * `unsupported_file` (binary, an unknown type, a damaged .docx, an encrypted or scanned PDF),
 * `no_plan_content` never (that is the importer's call, after extraction).
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  /** How errors name the file: the command line's path, or by default the file name alone. */
  label: string = baseName(fileName),
): Promise<ReadDocument> {
  const name = label;
  const byteSize = bytes.length;
  if (byteSize === 0)
    throw new AppError(
      "empty_file",
      { zh: `${name}: 文件为空`, en: `${name}: the file is empty` },
      { file: name },
    );
  if (byteSize > MAX_DOCUMENT_BYTES) {
    throw new AppError(
      "file_too_large",
      {
        zh: `${name}: 文件超过 20 MB（${(byteSize / 1024 / 1024).toFixed(1)} MB）`,
        en: `${name}: the file is over 20 MB (${(byteSize / 1024 / 1024).toFixed(1)} MB)`,
      },
      { file: name, size: byteSize, limit: MAX_DOCUMENT_BYTES },
    );
  }
  const ext = extensionOf(baseName(fileName));
  const read = await readByFormat(bytes, ext, name);
  if (read) {
    if (read.text.trim() === "") throw noText(name);
    return { ...read, byteSize };
  }
  const hint = UNSUPPORTED_HINTS[ext];
  if (hint) throw unsupported(name, hint);
  if (!HTML_EXTENSIONS.has(ext) && !TEXT_EXTENSIONS.has(ext)) {
    throw unsupported(name, {
      zh: `不支持的文件类型 .${ext}，请上传 .txt、.html、.docx、.doc、.wps、.pdf 或 .ofd`,
      en: `unsupported file type .${ext}: upload .txt, .html, .docx, .doc, .wps, .pdf or .ofd`,
    });
  }
  const decoded = decodeText(bytes, name);
  if (HTML_EXTENSIONS.has(ext) || (ext === "" && looksLikeHtml(decoded.text))) {
    const text = htmlToText(decoded.text);
    if (text.trim() === "")
      throw new AppError(
        "empty_file",
        { zh: `${name}: 网页没有正文`, en: `${name}: the page holds no text` },
        { file: name },
      );
    return { text, encoding: decoded.encoding, mediaType: "html", byteSize };
  }
  return { text: decoded.text, encoding: decoded.encoding, mediaType: "txt", byteSize };
}
