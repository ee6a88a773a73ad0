// LibreOffice headless, the one way the server runs it: for the PDF export and the verifier that
// measures the printed page (docx-pdf.ts), and for reading formats no JavaScript package reads (WPS,
// src/services/soffice.ts). The process keeps one LibreOffice profile, made on first use, holding a
// font replacement table: a server without the office fonts (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312)
// sets them in a song face rather than in one sans face for everything. Runs go one at a time (the
// profile is locked while LibreOffice runs, and each start takes a core and a few hundred MB), and a
// hung one is killed with its process group.

import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
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

let queue: Promise<unknown> = Promise.resolve();

/**
 * One `soffice --convert-to` run over `files` into `outDir`, inside the one-at-a-time queue's turn
 * (call it from `withLibreOffice`). Returns the produced file of each input (its name with `ext`), or
 * null where LibreOffice made none, and LibreOffice's words.
 */
export async function convertFiles(
  files: readonly string[],
  to: string,
  outDir: string,
  ext: string,
  timeoutMs: number = CONVERT_TIMEOUT_MS,
): Promise<{ produced: (string | null)[]; output: string; timedOut: boolean }> {
  const command = findLibreOffice();
  if (!command) throw libreOfficeMissing();
  const user = await profileDir();
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
      outDir,
      ...files,
    ],
    timeoutMs,
  );
  const made = existsSync(outDir) ? new Set(await readdir(outDir)) : new Set<string>();
  const produced = files.map((f) => {
    const base = f.slice(f.lastIndexOf("/") + 1);
    const name = `${base.includes(".") ? base.slice(0, base.lastIndexOf(".")) : base}.${ext}`;
    return made.has(name) ? join(outDir, name) : null;
  });
  return { produced, output: result.output, timedOut: result.timedOut };
}

/** Runs `task` in LibreOffice's turn: one conversion after another, as they share the profile. */
export function withLibreOffice<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}
