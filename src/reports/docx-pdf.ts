// A Word document to PDF with LibreOffice headless (libreoffice.ts): the PDF export and the verifier
// that measures the printed page both go through here.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppError } from "../domain/app-error.ts";
import { convertFiles, withLibreOffice } from "./libreoffice.ts";

/** No automatic space between Chinese and Latin text, no hanging punctuation, punctuation compressed. */
export function withoutAutospace(fodt: string): string {
  return (
    fodt
      .replace(/style:text-autospace="ideograph-alpha"/g, 'style:text-autospace="none"')
      .replace(/style:punctuation-wrap="hanging"/g, 'style:punctuation-wrap="simple"')
      // Full-width punctuation may be compressed to fit a line, as Word and WPS do (without it, a line
      // ending before “）；” loses a character to the next one).
      .replace(/(<config:config-item config:name="CharacterCompressionType" config:type="short">)0</, "$11<")
  );
}

/**
 * Converts Word documents to PDF in one LibreOffice run (starting LibreOffice costs seconds, a
 * document far less). Throws AppError `not_installed` without LibreOffice.
 */
export async function docxToPdfMany(docs: readonly Uint8Array[]): Promise<Buffer[]> {
  return withLibreOffice(async () => {
    const dir = await mkdtemp(join(tmpdir(), "plantrack-pdf-"));
    try {
      const inputs = docs.map((_, i) => join(dir, `document-${i + 1}.docx`));
      await Promise.all(docs.map((d, i) => writeFile(inputs[i] as string, d)));
      const convert = async (to: string, files: string[], out: string, ext: string) => {
        const result = await convertFiles(files, to, out, ext);
        return result.produced.map((made) => {
          if (!made)
            throw new AppError("internal", {
              zh: `LibreOffice 未能转换文档：${result.timedOut ? "超时" : result.output.trim().slice(0, 300)}`,
              en: `LibreOffice did not convert the document: ${result.timedOut ? "timed out" : result.output.trim().slice(0, 300)}`,
            });
          return made;
        });
      };
      // LibreOffice's Word import ignores w:autoSpaceDE/DN (a no-op in its reader) and so sets a
      // quarter-em gap between Chinese and digits (“9 月”), and hangs punctuation past the margin.
      // Through its own flat format the two paragraph properties are set as the document asks.
      const flat = await convert("fodt", inputs, join(dir, "flat"), "fodt");
      await Promise.all(flat.map(async (f) => writeFile(f, withoutAutospace(await readFile(f, "utf8")))));
      // The blank page LibreOffice inserts before the 版记's even page is printed: without it the
      // 版记 would face the wrong way when the PDF is printed two-sided.
      const pdfs = await convert(
        'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}',
        flat,
        join(dir, "out"),
        "pdf",
      );
      return await Promise.all(pdfs.map((f) => readFile(f)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/** One Word document to PDF (fonts embedded, as LibreOffice's PDF export does by default). */
export async function docxToPdf(docx: Uint8Array): Promise<Buffer> {
  const [pdf] = await docxToPdfMany([docx]);
  return pdf as Buffer;
}
