// A PDF's text layer → the plan text, through pdfjs-dist (its legacy build, the one meant for Node).
// Nothing is fetched: no worker script from a CDN, no remote fonts, no range requests; the CMaps
// that Chinese PDFs name (UniGB-UCS2-H …) are read from the package on disk.

import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { AppError } from "../domain/app-error.ts";
import { layoutText, type TextPiece } from "./text-layout.ts";

export const MAX_PDF_PAGES = 3000;

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("pdfjs-dist/package.json"));
}

/**
 * Some producers map characters to the Kangxi radicals or compatibility ideographs that look like
 * them (⼀ for 一); the plan text needs the ordinary ideographs.
 */
export function normalizeIdeographs(text: string): string {
  return text.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (ch) => ch.normalize("NFKC"));
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === "object" && item !== null && "str" in item && "transform" in item;
}

function errorName(error: unknown): string {
  return typeof error === "object" && error !== null && "name" in error ? String(error.name) : "";
}

/** Reads the text of a PDF. Throws AppError for an encrypted, damaged or scanned (textless) PDF. */
export async function readPdf(bytes: Uint8Array, label: string): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const dir = packageDir();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: `${join(dir, "cmaps")}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(dir, "standard_fonts")}/`,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    if (errorName(error) === "PasswordException") {
      throw new AppError(
        "unsupported_file",
        {
          zh: `${label}：PDF 已加密（需要密码），请上传未加密的文件`,
          en: `${label}: the PDF is encrypted (it needs a password): upload an unencrypted copy`,
        },
        { file: label, reason: "encrypted" },
      );
    }
    const cause = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "unsupported_file",
      { zh: `${label}：不是有效的 PDF 文件（${cause}）`, en: `${label}: not a valid PDF file (${cause})` },
      { file: label },
    );
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new AppError(
        "file_too_large",
        {
          zh: `${label}：PDF 超过 ${MAX_PDF_PAGES} 页（${doc.numPages} 页）`,
          en: `${label}: the PDF has over ${MAX_PDF_PAGES} pages (${doc.numPages})`,
        },
        { file: label, limit: "pages", maxPages: MAX_PDF_PAGES, pages: doc.numPages },
      );
    }
    const pages: TextPiece[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const top = page.view[3] ?? 0;
      const content = await page.getTextContent();
      const pieces: TextPiece[] = [];
      for (const item of content.items) {
        if (!isTextItem(item) || item.str.trim() === "") continue;
        const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
        pieces.push({
          text: normalizeIdeographs(item.str),
          x: e,
          y: top - f,
          width: item.width,
          size: Math.hypot(c, d) || Math.hypot(a, b) || item.height,
        });
      }
      pages.push(pieces);
      page.cleanup();
    }
    const text = layoutText(pages);
    if (text.replace(/\s/g, "") === "") {
      throw new AppError(
        "unsupported_file",
        {
          zh: `${label}：扫描件，无文字层（PDF 中没有可读取的文字，请上传文字版或先做文字识别）`,
          en: `${label}: a scanned PDF without a text layer: upload a text PDF, or run OCR on it first`,
        },
        { file: label, reason: "scanned" },
      );
    }
    return text;
  } finally {
    await doc.destroy();
  }
}
