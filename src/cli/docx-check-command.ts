// `plantrack docx-check FILE [--json] [--plain] [--lang zh|en]`: a Word document printed by
// LibreOffice and measured on the page (docx-verifier.ts) — the figures, then one line per finding.
// Exits 0 without findings, 8 with some, so a script can gate on it.

import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { AppError } from "../domain/app-error.ts";
import { type DocumentFigures, verifyDocx } from "../reports/docx-verifier.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { type CliLang, cliLang, say, usageError, usageText } from "./cli-lang.ts";
import { parseArgs } from "./parse-args.ts";

export const FINDINGS_EXIT = 8;

const USAGE = usageText(
  [
    "plantrack docx-check 文件 [--json] [--plain] [--lang zh|en] [--pdf 输出.pdf]",
    "",
    "  文件     Word 文档（.docx）",
    "  --json   以 JSON 输出测量数据和问题",
    "  --plain  不检查公文要素（主送、特此报告、署名、版记），用于草稿",
    "  --lang   文档的语言，默认 zh；中文文档中不应有英文",
    "  --pdf    另存测量所用的 PDF",
    "",
    "  需要 LibreOffice（libreoffice-writer-nogui）和 poppler-utils",
    `  退出码：无问题为 0，有问题为 ${FINDINGS_EXIT}`,
  ],
  [
    "plantrack docx-check FILE [--json] [--plain] [--lang zh|en] [--pdf OUT.pdf]",
    "",
    "  FILE     a Word document (.docx)",
    "  --json   the figures and findings as JSON",
    "  --plain  skip the checks of the official-document frame (recipient, closing, signature, colophon): drafts",
    "  --lang   the document's language (default zh); a Chinese document holds no English",
    "  --pdf    also write the PDF that was measured",
    "",
    "  needs LibreOffice (libreoffice-writer-nogui) and poppler-utils",
    `  exit 0: no findings, ${FINDINGS_EXIT}: findings`,
  ],
);

const share = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** The figures, one line a measure, in the reader's language. */
export function figureLines(f: DocumentFigures, lang: CliLang): string[] {
  const m = f.marginsMm;
  const c = f.charsPerFullLine;
  const numbers = f.pageNumbers;
  const outside = numbers.filter((p) => p.side === (p.page % 2 === 1 ? "right" : "left")).length;
  const dashed = numbers.filter((p) => p.shown === p.page).length;
  const or = (x: number | string | null) => (x === null ? "—" : String(x));
  const size = `${f.pageSizeMm.width}×${f.pageSizeMm.height} mm`;
  const fonts = (notEmbedded: string) =>
    f.fonts.map((x) => `${x.name.replace(/^[A-Z]{6}\+/, "")}${x.embedded ? "" : notEmbedded}`);
  if (lang === "en") {
    return [
      `pages: ${f.pages} (${size})`,
      `margins (ink): top ${m.top}, bottom ${m.bottom}, left ${m.left}, right ${m.right} mm; overhang ${f.overhangMm} mm`,
      `line pitch: ${or(f.linePitchPt)} pt → ${or(f.linesPerPage)} lines/page (the fullest page ${f.fullestPage})`,
      `full lines: ${f.fullLines}, chars/line median ${or(c.median)} (${or(c.min)}–${or(c.max)}), ${share(f.fullLinesAt28)} at 28±1`,
      `page numbers: ${numbers.length}/${f.pages}, “— n —” ${dashed}, outside ${outside}`,
      `spread lines: ${f.spreadLines}; digit gaps: ${f.digitGaps.length}; page 1 empty band: ${share(f.page1EmptyShare)}`,
      `title: ${or(f.title)} (${f.titleCount} times)`,
      `recipient: ${or(f.recipient)}; closing: ${f.closing ? `p. ${f.closingPage}` : "—"}; signature: ${or(f.signaturePage)}; colophon: ${or(f.colophonPage)}`,
      `fonts: ${fonts(" (not embedded)").join(", ")}`,
    ];
  }
  return [
    `页数：${f.pages}（${size}）`,
    `版心墨迹边距：上 ${m.top}，下 ${m.bottom}，左 ${m.left}，右 ${m.right} mm；伸出右边距 ${f.overhangMm} mm`,
    `行距：${or(f.linePitchPt)} pt，每页 ${or(f.linesPerPage)} 行（最满的一页 ${f.fullestPage} 行）`,
    `满行：${f.fullLines} 行，每行字数中位数 ${or(c.median)}（${or(c.min)}–${or(c.max)}），28±1 字的占 ${share(f.fullLinesAt28)}`,
    `页码：${numbers.length}/${f.pages}，“— n —”式 ${dashed} 个，在外侧 ${outside} 个`,
    `拉开的行：${f.spreadLines}；数字旁空隙：${f.digitGaps.length}；第1页最大空白：${share(f.page1EmptyShare)}`,
    `标题：${or(f.title)}（出现 ${f.titleCount} 次）`,
    `主送：${or(f.recipient)}；特此报告：${f.closing ? `第${f.closingPage}页` : "—"}；署名日期：${f.signaturePage === null ? "—" : `第${f.signaturePage}页`}；版记：${f.colophonPage === null ? "—" : `第${f.colophonPage}页`}`,
    `字体：${fonts("（未嵌入）").join("、")}`,
  ];
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, { boolean: ["json", "plain"], string: ["lang", "pdf"] });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw usageError(USAGE, { details: { usage: USAGE } });
  const lang = flags.lang ?? "zh";
  if (lang !== "zh" && lang !== "en")
    throw new AppError(
      "bad_input",
      { zh: "--lang 应为 zh 或 en", en: "--lang must be zh or en" },
      { field: "lang" },
    );
  const path = resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    // The system's own words are English: the Chinese message names the error code instead.
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new AppError(
      "not_found",
      {
        zh: code === "ENOENT" ? `文件不存在：${path}` : `无法读取 ${path}（${code}）`,
        en: `cannot read ${path}: ${(error as Error).message}`,
      },
      { file: path },
    );
  }
  if (bytes.subarray(0, 2).toString("latin1") !== "PK")
    throw new AppError(
      "unsupported_file",
      { zh: `${path} 不是 .docx 文档`, en: `${path} is not a .docx document` },
      { file: path },
    );
  const report = await verifyDocx(bytes, { frame: flags.plain !== true, lang });
  if (typeof flags.pdf === "string") await writeFile(resolve(io.cwd, flags.pdf), report.pdf);
  const { figures, findings } = report;
  if (flags.json === true) io.out(`${JSON.stringify({ file: path, figures, findings }, null, 2)}\n`);
  else {
    const reader = cliLang(io.env);
    const measured = figureLines(figures, reader).map((l) => `  ${l}`);
    io.out(`${path}\n${measured.join("\n")}\n`);
    const head = reader === "zh" ? `发现问题 ${findings.length} 个：` : `findings (${findings.length}):`;
    io.out(
      findings.length === 0
        ? `${say(io.env, { zh: "未发现问题", en: "no findings" })}\n`
        : `${head}\n${findings.map((x) => `  [${x.code}] ${x[reader]}`).join("\n")}\n`,
    );
  }
  return report.findings.length === 0 ? 0 : FINDINGS_EXIT;
}

export const docxCheckCommand: CliCommand = {
  name: "docx-check",
  summary: {
    zh: "用 LibreOffice 排版后检查 Word 文档的版面和公文要素",
    en: "measure a Word document on the printed page",
  },
  usage: USAGE,
  run,
};
