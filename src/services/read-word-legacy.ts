// Word 97–2003 .doc and WPS .wps files → the plan text. Where LibreOffice is installed a .doc is
// converted to .docx and read like one, so its tables keep their merged cells; without it the
// word-extractor package reads the text (tables then come as cells with the merged ones empty). A
// .wps only LibreOffice reads: without it the message names the package to install.

import WordExtractor from "word-extractor";
import { AppError } from "../domain/app-error.ts";
import { readDocx } from "./read-docx.ts";
import { convertWithSoffice, findSoffice } from "./soffice.ts";

/** word-extractor's document, with the option its type declarations leave out. */
interface ExtractedWord {
  getBody(options?: { filterUnicode?: boolean }): string;
}

/** The body text by word-extractor, without its folding of “curly” quotes into ASCII ones. */
export async function readDocWithExtractor(bytes: Uint8Array, label: string): Promise<string> {
  try {
    const extracted = (await new WordExtractor().extract(Buffer.from(bytes))) as unknown as ExtractedWord;
    return extracted
      .getBody({ filterUnicode: false })
      .split("\n")
      .map((line) => line.replace(/\t+$/, ""))
      .join("\n");
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "unsupported_file",
      {
        zh: `${label}：无法读取 Word .doc 文件（${cause}），请另存为 .docx`,
        en: `${label}: cannot read the Word .doc file (${cause}): save it as .docx`,
      },
      { file: label },
    );
  }
}

async function convertToDocx(bytes: Uint8Array, ext: string, label: string): Promise<Uint8Array | null> {
  const result = await convertWithSoffice(bytes, ext, "docx");
  if (result.ok && result.bytes) return result.bytes;
  if (result.reason === "timeout") {
    throw new AppError(
      "unsupported_file",
      {
        zh: `${label}：LibreOffice 转换超时，请另存为 .docx 后上传`,
        en: `${label}: LibreOffice timed out converting the file: save it as .docx and upload that`,
      },
      { file: label, reason: "timeout" },
    );
  }
  return null;
}

/** An OLE .doc: LibreOffice where installed (faithful tables), else word-extractor. */
export async function readDoc(
  bytes: Uint8Array,
  label: string,
  options: { soffice?: boolean } = {},
): Promise<string> {
  // Under three 512-byte sectors there is no Word document to convert: let word-extractor say so.
  if ((options.soffice ?? true) && bytes.length >= 1536 && findSoffice()) {
    const docx = await convertToDocx(bytes, "doc", label);
    if (docx) return readDocx(docx, label);
  }
  return readDocWithExtractor(bytes, label);
}

/** A WPS file, through LibreOffice. */
export async function readWps(bytes: Uint8Array, label: string): Promise<string> {
  if (!findSoffice()) {
    throw new AppError(
      "unsupported_file",
      {
        zh: `${label}：读取 WPS 文件需要在服务器上安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer），或请另存为 .docx`,
        en: `${label}: reading a WPS file needs LibreOffice on the server (Debian/Ubuntu: apt-get install libreoffice-writer), or save it as .docx`,
      },
      { file: label, needs: "libreoffice-writer" },
    );
  }
  const docx = await convertToDocx(bytes, "wps", label);
  if (!docx) {
    throw new AppError(
      "unsupported_file",
      {
        zh: `${label}：LibreOffice 无法转换此 WPS 文件，请另存为 .docx`,
        en: `${label}: LibreOffice could not convert this WPS file: save it as .docx`,
      },
      { file: label },
    );
  }
  return readDocx(docx, label);
}
