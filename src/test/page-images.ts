// Page images of a PDF for the README (poppler's pdftoppm, 60 dpi): the tests that render a document
// write the pictures of the pages a reader should see.

import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";

/** Writes `dir/NAME.png` for each [NAME, page number]. */
export function writePageImages(
  pdfFile: string,
  pages: readonly (readonly [string, number])[],
  dir: string,
): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, n] of pages)
    execFileSync("pdftoppm", [
      "-r",
      "60",
      "-png",
      "-f",
      String(n),
      "-l",
      String(n),
      "-singlefile",
      pdfFile,
      `${dir}/${name}`,
    ]);
}
