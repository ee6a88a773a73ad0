// A Word document to PDF with LibreOffice headless: the PDF export and the verifier that measures
// the printed page both go through here. The process keeps one LibreOffice profile, made on first
// use, holding a font replacement table: a server without the office fonts (方正小标宋简体, 仿宋_GB2312,
// 楷体_GB2312) sets them in a song face rather than in one sans face for everything. Conversions run
// one at a time (the profile is locked while LibreOffice runs), and a hung one is killed with its
// process group.

import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { AppError } from "../domain/app-error.ts";
import { FONTS } from "./gbt9704.ts";

export const CONVERT_TIMEOUT_MS = 180_000;
export const LIBREOFFICE_PACKAGE = "libreoffice-writer-nogui";

/** The office fonts and the faces a machine without them should use, in order of preference. */
export const FONT_FALLBACKS: ReadonlyArray<{ font: string; alternatives: readonly string[] }> = [
  { font: FONTS.title, alternatives: ["方正小标宋_GBK", "华文中宋", "宋体", "SimSun", "Noto Serif CJK SC"] },
  { font: FONTS.body, alternatives: ["仿宋", "FangSong", "Noto Serif CJK SC"] },
  { font: FONTS.heading2, alternatives: ["楷体", "KaiTi", "Noto Serif CJK SC"] },
  { font: FONTS.heading1, alternatives: ["SimHei", "Noto Sans CJK SC"] },
  { font: FONTS.pageNumber, alternatives: ["SimSun", "Noto Serif CJK SC"] },
];

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir !== "" && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

let soffice: string | null | undefined;

/** soffice (or libreoffice) on PATH, or null. */
export function findLibreOffice(): string | null {
  if (soffice === undefined) soffice = onPath("soffice") ?? onPath("libreoffice");
  return soffice;
}

/** Whether a poppler tool (pdftotext, pdfinfo, pdffonts, pdftoppm) is on PATH. */
export function hasTool(name: string): boolean {
  return onPath(name) !== null;
}

export function libreOfficeMissing(): AppError {
  return new AppError(
    "not_installed",
    {
      zh: `服务器未安装 LibreOffice，无法生成 PDF；请安装 ${LIBREOFFICE_PACKAGE}（apt-get install ${LIBREOFFICE_PACKAGE}），或导出 Word 文档`,
      en: `LibreOffice is not installed on the server, so no PDF can be made: install ${LIBREOFFICE_PACKAGE} (apt-get install ${LIBREOFFICE_PACKAGE}), or export the Word document`,
    },
    { tool: "soffice", package: LIBREOFFICE_PACKAGE },
  );
}

/** The faces this machine has, by family name (fc-list), to pick the first fallback present. */
function installedFamilies(): Set<string> {
  const out = spawnSync("fc-list", [":", "family"], { encoding: "utf8" });
  const names = new Set<string>();
  if (out.status !== 0) return names;
  for (const line of out.stdout.split("\n"))
    for (const n of line.split(",")) if (n.trim()) names.add(n.trim());
  return names;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** LibreOffice's font replacement table (Tools ▸ Options ▸ Fonts) for the fonts this machine lacks. */
export function fontReplacementXcu(installed: ReadonlySet<string>): string {
  const pairs = FONT_FALLBACKS.flatMap(({ font, alternatives }) => {
    if (installed.has(font)) return [];
    const substitute = alternatives.find((a) => installed.has(a));
    return substitute ? [{ font, substitute }] : [];
  });
  const prop = (name: string, value: string) =>
    `<prop oor:name="${name}" oor:op="fuse"><value>${xml(value)}</value></prop>`;
  const items = pairs.map(
    (p, i) =>
      `<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_${i}" oor:op="replace">${prop("Always", "true")}${prop("OnScreenOnly", "false")}${prop("ReplaceFont", p.font)}${prop("SubstituteFont", p.substitute)}</node></item>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<item oor:path="/org.openoffice.Office.Common/Font/Substitution">${prop("Replacement", "true")}</item>`,
    ...items,
    "</oor:items>",
  ].join("\n");
}

let profile: Promise<string> | null = null;

/** The process's LibreOffice profile, with the font table, made once. */
function profileDir(): Promise<string> {
  profile ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), "plantrack-lo-profile-"));
    await mkdir(join(dir, "user"), { recursive: true });
    await writeFile(join(dir, "user", "registrymodifications.xcu"), fontReplacementXcu(installedFamilies()));
    return dir;
  })();
  return profile;
}

function run(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<{ output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer) => {
      if (output.length < 4000) output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The negative id is the process group: soffice forks soffice.bin.
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ output: error.message, timedOut });
    });
    child.on("close", () => {
      clearTimeout(timer);
      resolve({ output, timedOut });
    });
  });
}

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

let queue: Promise<unknown> = Promise.resolve();

/** One conversion after another: they share the profile. */
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Converts Word documents to PDF in one LibreOffice run (starting LibreOffice costs seconds, a
 * document far less). Throws AppError `not_installed` without LibreOffice.
 */
export async function docxToPdfMany(docs: readonly Uint8Array[]): Promise<Buffer[]> {
  const command = findLibreOffice();
  if (!command) throw libreOfficeMissing();
  const user = await profileDir();
  return serialised(async () => {
    const dir = await mkdtemp(join(tmpdir(), "plantrack-pdf-"));
    try {
      const inputs = docs.map((_, i) => join(dir, `document-${i + 1}.docx`));
      await Promise.all(docs.map((d, i) => writeFile(inputs[i] as string, d)));
      const convert = async (to: string, files: string[], out: string, ext: string) => {
        const result = await run(
          command,
          [
            `-env:UserInstallation=${pathToFileURL(user).href}`,
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            to,
            "--outdir",
            out,
            ...files,
          ],
          CONVERT_TIMEOUT_MS,
        );
        const made = existsSync(out) ? new Set(await readdir(out)) : new Set<string>();
        return files.map((_, i) => {
          const name = `document-${i + 1}.${ext}`;
          if (!made.has(name))
            throw new AppError("internal", {
              zh: `LibreOffice 未能转换文档：${result.timedOut ? "超时" : result.output.trim().slice(0, 300)}`,
              en: `LibreOffice did not convert the document: ${result.timedOut ? "timed out" : result.output.trim().slice(0, 300)}`,
            });
          return join(out, name);
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
