// `plantrack export PLAN --period 2020-06 --format docx|draft|xlsx|csv|json [--out FILE]`: the documents
// the office sends, written to a file (by default named after the plan and period, in the current folder).

import { rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { AppError } from "../domain/app-error.ts";
import { EXPORT_FORMATS, exportPlan } from "../services/exports.ts";
import { resolvePlan } from "../services/report-import.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { cliLang, say, usageError, usageText } from "./cli-lang.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";

const FORMATS = EXPORT_FORMATS.join("|");

const USAGE = usageText(
  [
    `plantrack export 计划 --format ${FORMATS} [--period 2020-06] [--as-of 2020-10-12] [--out 文件]`,
    "",
    "  计划      计划编号或标题中唯一的一段",
    "  --format docx   执行情况报告（公文格式，GB/T 9704）",
    "  --format pdf    执行情况报告的 PDF（需安装 LibreOffice：libreoffice-writer-nogui）",
    "  --format draft  计划执行情况报告草稿",
    "  --format xlsx   台账（每个领域一个工作表，可修改后导回）",
    "  --format csv|json  台账的同样数据",
    "  --format midterm  五年规划中期评估报告（公文格式）；--year 2023 为评估年份；midterm-pdf 为其 PDF",
    "  --format yearly   五年规划年度实施情况报告（公文格式）；--year 2022 为报告年份；yearly-pdf 为其 PDF",
    "  --period  报告期：2020-06（月）或 2020-Q2（季）；默认为截至今天已结束的最后一期",
    "  --as-of   截至该日已审核的数据（默认今天）",
    "  --doc-number 南发改〔2020〕12号  --signer 张三  --recipient 区人民政府  --red-header",
    "            公文要素：文号、签发人、主送机关、红头，覆盖计划设置",
    "  --out     输出文件；默认按计划和报告期命名，写在当前目录；csv 和 json 可用 --out - 输出到标准输出",
  ],
  [
    `plantrack export PLAN --format ${FORMATS} [--period 2020-06] [--as-of YYYY-MM-DD] [--out FILE]`,
    "",
    "  PLAN      a plan's id or a unique part of its title",
    "  --format docx   the progress report in the official-document layout (GB/T 9704)",
    "  --format pdf    the same as PDF (needs LibreOffice: libreoffice-writer-nogui)",
    "  --format draft  the execution report draft",
    "  --format xlsx   the ledger workbook (a sheet per area, re-importable)",
    "  --format csv|json  the ledger's rows",
    "  --format midterm  a five-year plan's mid-term evaluation (official-document layout); --year 2023 the year evaluated; midterm-pdf as PDF",
    "  --format yearly   a five-year plan's report on its implementation in a year; --year 2022 the year; yearly-pdf as PDF",
    "  --period  the period: 2020-06 (month) or 2020-Q2 (quarter); default: the last period ended by today",
    "  --as-of   what was approved by that date (default today)",
    "  --doc-number NUMBER  --signer NAME  --recipient ORGANIZATION  --red-header",
    "            the official-document frame (document number, signer, recipient, red header), over the plan's settings",
    "  --out     output file; default: named after the plan and period, in the current folder; --out - writes csv or json to stdout",
  ],
);

function yearFlag(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year))
    throw new AppError(
      "bad_input",
      { zh: `年份“${text}”无效`, en: `--year must be a year: ${text}` },
      { field: "year" },
    );
  return year;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    string: ["format", "period", "out", "as-of", "doc-number", "signer", "recipient", "year"],
    boolean: ["red-header"],
  });
  const [planRef, ...extra] = positionals;
  if (!planRef || extra.length > 0 || typeof flags.format !== "string")
    throw usageError(USAGE, { details: { usage: USAGE } });
  const out = typeof flags.out === "string" ? flags.out : undefined;
  const { store } = await openMigratedStore(io);
  try {
    const plan = await resolvePlan(store.db, planRef);
    const file = await exportPlan(store.db, plan.id, {
      format: flags.format,
      ...(typeof flags.period === "string" ? { period: flags.period } : {}),
      ...(typeof flags["as-of"] === "string" ? { asOf: flags["as-of"] } : {}),
      ...(typeof flags.year === "string" ? { year: yearFlag(flags.year) } : {}),
      lang: cliLang(io.env),
      frame: {
        ...(typeof flags["doc-number"] === "string" ? { docNumber: flags["doc-number"] } : {}),
        ...(typeof flags.signer === "string" ? { signer: flags.signer } : {}),
        ...(typeof flags.recipient === "string" ? { recipient: flags.recipient } : {}),
        ...(flags["red-header"] === true ? { redHeader: true } : {}),
      },
    });
    if (out === "-") {
      if (!file.mediaType.startsWith("text/") && !file.mediaType.startsWith("application/json"))
        throw new AppError(
          "bad_input",
          { zh: "只有 csv 和 json 可以输出到标准输出", en: "only csv and json go to stdout" },
          { field: "out" },
        );
      io.out(file.bytes.toString("utf8"));
      return 0;
    }
    const path = out ? resolve(io.cwd, out) : join(io.cwd, file.fileName);
    // Written beside the target and renamed: an interrupted export leaves no half file.
    const temp = join(dirname(path), `.${process.pid}.${Date.now()}.partial`);
    try {
      await writeFile(temp, file.bytes);
    } catch (error) {
      // The system's own words are English: the Chinese message names the error code instead.
      const code = (error as NodeJS.ErrnoException).code ?? "";
      throw new AppError(
        "bad_input",
        { zh: `无法写入 ${path}（${code}）`, en: `cannot write ${path}: ${(error as Error).message}` },
        { field: "out" },
      );
    }
    await rename(temp, path);
    const bytes = file.bytes.length;
    io.out(
      `${say(io.env, {
        zh: `已导出 ${path}（${file.period}，${bytes} 字节）`,
        en: `exported ${path} (${file.period}, ${bytes} bytes)`,
      })}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

export const exportCommand: CliCommand = {
  name: "export",
  summary: {
    zh: "导出执行情况报告、台账（docx/pdf/xlsx/csv/json）",
    en: "export the reports and the ledger (docx/pdf/xlsx/csv/json)",
  },
  usage: USAGE,
  run,
};
