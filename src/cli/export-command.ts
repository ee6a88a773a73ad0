// `plantrack export PLAN --period 2020-06 --format docx|draft|xlsx|csv|json [--out FILE]`: the documents
// the office sends, written to a file (by default named after the plan and period, in the current folder).

import { rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { AppError } from "../domain/app-error.ts";
import { EXPORT_FORMATS, exportPlan } from "../services/exports.ts";
import { resolvePlan } from "../services/report-import.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";

const USAGE = [
  `plantrack export PLAN --format ${EXPORT_FORMATS.join("|")} [--period 2020-06] [--as-of YYYY-MM-DD] [--out FILE]`,
  "",
  "  PLAN      计划编号或标题中唯一的一段 / a plan's id or a unique part of its title",
  "  --format  docx 执行情况报告（公文格式） / the progress report (GB/T 9704)",
  "            pdf 执行情况报告 PDF（需 LibreOffice：libreoffice-writer-nogui） / the same as PDF (needs LibreOffice)",
  "            draft 计划执行情况报告草稿 / the execution report draft",
  "            xlsx 台账（每领域一个工作表，可修改后导回） / the ledger workbook (re-importable)",
  "            csv, json 台账的同样数据 / the ledger's rows",
  "  --period  报告期：2020-06（月）或 2020-Q2（季）；默认截至今天已结束的最后一期 / default: the last ended period",
  "  --as-of   截至该日已审核的数据 / what was approved by that date (default today)",
  "  --doc-number 南发改〔2020〕12号  --signer 张三  --recipient 区人民政府  --red-header",
  "            公文要素，覆盖计划设置 / the 公文 frame, over the plan's settings",
  "  --out     输出文件；默认按计划和报告期命名，写在当前目录；csv/json 可用 - 输出到标准输出 / default: named after plan and period; - writes csv/json to stdout",
].join("\n");

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    string: ["format", "period", "out", "as-of", "doc-number", "signer", "recipient"],
    boolean: ["red-header"],
  });
  const [planRef, ...extra] = positionals;
  if (!planRef || extra.length > 0 || typeof flags.format !== "string")
    throw new AppError("bad_input", `用法 / usage: ${USAGE.split("\n")[0]}`, { usage: USAGE });
  const out = typeof flags.out === "string" ? flags.out : undefined;
  const { store } = await openMigratedStore(io);
  try {
    const plan = await resolvePlan(store.db, planRef);
    const file = await exportPlan(store.db, plan.id, {
      format: flags.format,
      ...(typeof flags.period === "string" ? { period: flags.period } : {}),
      ...(typeof flags["as-of"] === "string" ? { asOf: flags["as-of"] } : {}),
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
          "只有 csv 和 json 可以输出到标准输出 / only csv and json go to stdout",
          {
            field: "out",
          },
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
      throw new AppError(
        "bad_input",
        `无法写入 ${path} / cannot write ${path}: ${(error as Error).message}`,
        {
          field: "out",
        },
      );
    }
    await rename(temp, path);
    io.out(`已导出 exported ${path}（${file.period}，${file.bytes.length} 字节 bytes）\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export const exportCommand: CliCommand = {
  name: "export",
  summary: "导出执行情况报告、台账（docx/pdf/xlsx/csv/json） / export the reports and the ledger",
  usage: USAGE,
  run,
};
