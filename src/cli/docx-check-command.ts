// `plantrack docx-check FILE [--json] [--plain] [--lang zh|en]`: a Word document printed by
// LibreOffice and measured on the page (docx-verifier.ts) — the figures, then one line per finding.
// Exits 0 without findings, 8 with some, so a script can gate on it.

import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { AppError } from "../domain/app-error.ts";
import { type DocumentFigures, verifyDocx } from "../reports/docx-verifier.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { parseArgs } from "./parse-args.ts";

export const FINDINGS_EXIT = 8;

const USAGE = [
  "plantrack docx-check FILE [--json] [--plain] [--lang zh|en] [--pdf OUT.pdf]",
  "",
  "  FILE     Word 文档（.docx） / a Word document",
  "  --json   以 JSON 输出数据和问题 / the figures and findings as JSON",
  "  --plain  不检查公文要素（主送、特此报告、署名、版记），如草稿 / skip the 公文 frame checks (drafts)",
  "  --lang   文档语言，默认 zh；中文文档不应含英文 / the document's language (default zh)",
  "  --pdf    另存测量所用的 PDF / also write the PDF that was measured",
  "",
  "  需要 LibreOffice 和 poppler-utils / needs LibreOffice (libreoffice-writer-nogui) and poppler-utils",
  `  退出码：0 无问题，${FINDINGS_EXIT} 有问题 / exit 0: no findings, ${FINDINGS_EXIT}: findings`,
].join("\n");

const share = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

export function figureLines(f: DocumentFigures): string[] {
  const m = f.marginsMm;
  const c = f.charsPerFullLine;
  const numbers = f.pageNumbers;
  const outside = numbers.filter((p) => p.side === (p.page % 2 === 1 ? "right" : "left")).length;
  return [
    `页数 pages: ${f.pages}（${f.pageSizeMm.width}×${f.pageSizeMm.height} mm）`,
    `版心墨迹边距 margins (ink): 上 top ${m.top}, 下 bottom ${m.bottom}, 左 left ${m.left}, 右 right ${m.right} mm；伸出右边距 overhang ${f.overhangMm} mm`,
    `行距 line pitch: ${f.linePitchPt ?? "—"} pt → 每页 ${f.linesPerPage ?? "—"} 行 lines/page（最满一页 fullest page ${f.fullestPage}）`,
    `满行 full lines: ${f.fullLines}，每行字数 chars/line 中位 median ${c.median ?? "—"}（${c.min ?? "—"}–${c.max ?? "—"}），28±1 字占 ${share(f.fullLinesAt28)}`,
    `页码 page numbers: ${numbers.length}/${f.pages}，“— n —” ${numbers.filter((p) => p.shown === p.page).length}，外侧 outside ${outside}`,
    `拉开的行 spread lines: ${f.spreadLines}；数字旁空隙 digit gaps: ${f.digitGaps.length}；第1页最大空白 page 1 empty band: ${share(f.page1EmptyShare)}`,
    `标题 title: ${f.title ?? "—"}（${f.titleCount}次 times）`,
    `主送 recipient: ${f.recipient ?? "—"}；特此报告: ${f.closing ? `第${f.closingPage}页 p.${f.closingPage}` : "—"}；署名日期 signature: ${f.signaturePage ?? "—"}；版记 colophon: ${f.colophonPage ?? "—"}`,
    `字体 fonts: ${f.fonts.map((x) => `${x.name.replace(/^[A-Z]{6}\+/, "")}${x.embedded ? "" : "（未嵌入 not embedded）"}`).join(", ")}`,
  ];
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, { boolean: ["json", "plain"], string: ["lang", "pdf"] });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0)
    throw new AppError(
      "bad_input",
      { zh: `用法：${USAGE.split("\n")[0]}`, en: `usage: ${USAGE.split("\n")[0]}` },
      { usage: USAGE },
    );
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
    throw new AppError(
      "not_found",
      {
        zh: `无法读取 ${path}：${(error as Error).message}`,
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
    io.out(
      `${path}\n${figureLines(report.figures)
        .map((l) => `  ${l}`)
        .join("\n")}\n`,
    );
    io.out(
      report.findings.length === 0
        ? "未发现问题 / no findings\n"
        : `问题 findings (${report.findings.length}):\n${report.findings.map((x) => `  [${x.code}] ${x.zh} / ${x.en}`).join("\n")}\n`,
    );
  }
  return report.findings.length === 0 ? 0 : FINDINGS_EXIT;
}

export const docxCheckCommand: CliCommand = {
  name: "docx-check",
  summary:
    "用 LibreOffice 排版后检查 Word 文档的版面和公文要素 / measure a Word document on the printed page",
  usage: USAGE,
  run,
};
