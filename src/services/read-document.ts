// The bytes of an uploaded or named file → the plan text the extractor reads. Knows the formats
// plans come in (.txt in UTF-8 or GBK, a saved web page, a Word .docx) and refuses the rest with a
// message that names the file.

import mammoth from "mammoth";
import { AppError } from "../domain/app-error.ts";
import { decodeText } from "../extract/decode-text.ts";
import { htmlToText, looksLikeHtml } from "../extract/html-to-text.ts";

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export type DocumentType = "txt" | "html" | "docx";

export interface ReadDocument {
  text: string;
  /** utf-8 | gb18030 | utf-16le | utf-16be for text and HTML; docx for Word files. */
  encoding: string;
  mediaType: DocumentType;
  byteSize: number;
}

const TEXT_EXTENSIONS = new Set(["txt", "text", "md", ""]);
const HTML_EXTENSIONS = new Set(["html", "htm", "xhtml", "shtml"]);
const UNSUPPORTED_HINTS: Record<string, string> = {
  doc: "旧版 Word 文件，请另存为 .docx / an old Word .doc: save it as .docx",
  wps: "WPS 文件，请另存为 .docx / a WPS file: save it as .docx",
  pdf: "PDF 暂不支持，请另存为 .docx 或 .txt / PDF is not supported yet: save it as .docx or .txt",
  rtf: "RTF 暂不支持，请另存为 .docx / RTF is not supported: save it as .docx",
  xls: "表格文件不是计划文本 / a spreadsheet is not a plan document",
  xlsx: "表格文件不是计划文本 / a spreadsheet is not a plan document",
  zip: "压缩包请先解压 / unpack the archive first",
};

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

async function readDocx(bytes: Uint8Array, name: string): Promise<string> {
  if (startsWith(bytes, OLE_HEADER)) {
    throw new AppError("unsupported_file", `${name}: ${UNSUPPORTED_HINTS.doc}`, { file: name });
  }
  if (!startsWith(bytes, ZIP_LOCAL_HEADER) && !startsWith(bytes, ZIP_EMPTY_ARCHIVE)) {
    throw new AppError(
      "unsupported_file",
      `${name}: 不是有效的 .docx 文件（不是 zip 格式） / not a valid .docx file (not a zip archive)`,
      { file: name },
    );
  }
  try {
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    });
    return result.value;
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    const missingDocument = /main document part|word\/document\.xml/i.test(cause);
    throw new AppError(
      "unsupported_file",
      missingDocument
        ? `${name}: 压缩包中没有 Word 正文（word/document.xml），不是有效的 .docx / the archive holds no word/document.xml: not a valid .docx`
        : `${name}: 无法读取 .docx 文件 / cannot read the .docx file: ${cause}`,
      { file: name },
    );
  }
}

/**
 * Reads a plan document. Throws AppError: `empty_file`, `file_too_large` (over 20 MB),
 * `unsupported_file` (binary, an unknown type, a damaged .docx), `no_plan_content` never (that is the
 * importer's call, after extraction).
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
    throw new AppError("empty_file", `${name}: 文件为空 / the file is empty`, { file: name });
  if (byteSize > MAX_DOCUMENT_BYTES) {
    throw new AppError(
      "file_too_large",
      `${name}: 文件超过 20 MB（${(byteSize / 1024 / 1024).toFixed(1)} MB） / the file is over 20 MB (${(byteSize / 1024 / 1024).toFixed(1)} MB)`,
      { file: name, size: byteSize, limit: MAX_DOCUMENT_BYTES },
    );
  }
  const ext = extensionOf(baseName(fileName));
  if (ext === "docx") {
    const text = await readDocx(bytes, name);
    if (text.trim() === "")
      throw new AppError("empty_file", `${name}: 文档没有文字 / the document holds no text`, { file: name });
    return { text, encoding: "docx", mediaType: "docx", byteSize };
  }
  const hint = UNSUPPORTED_HINTS[ext];
  if (hint) throw new AppError("unsupported_file", `${name}: ${hint}`, { file: name });
  if (!HTML_EXTENSIONS.has(ext) && !TEXT_EXTENSIONS.has(ext)) {
    throw new AppError(
      "unsupported_file",
      `${name}: 不支持的文件类型 .${ext}，请上传 .txt、.html 或 .docx / unsupported file type .${ext}: upload .txt, .html or .docx`,
      { file: name },
    );
  }
  const decoded = decodeText(bytes, name);
  if (HTML_EXTENSIONS.has(ext) || (ext === "" && looksLikeHtml(decoded.text))) {
    const text = htmlToText(decoded.text);
    if (text.trim() === "")
      throw new AppError("empty_file", `${name}: 网页没有正文 / the page holds no text`, { file: name });
    return { text, encoding: decoded.encoding, mediaType: "html", byteSize };
  }
  return { text: decoded.text, encoding: decoded.encoding, mediaType: "txt", byteSize };
}
