// `plantrack report import FILE.csv`: bulk values for targets, one row per target and period.

import { AppError } from "../domain/app-error.ts";
import { importReportsCsv } from "../services/report-import.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";
import { readInputFile } from "./read-input-file.ts";

const USAGE = [
  "plantrack report import FILE.csv",
  "",
  "  列 columns (第一行为表头 / the first line names them, 中文或英文):",
  "    plan 计划 (编号或标题中唯一的一段 / id or a unique part of the title), target 指标 (编号或指标名称 / id or subject),",
  "    period 报告期 (2020-04, 2020-Q2), value 数值 (基本单位 / base unit; 里程碑为完成百分比 / milestones: percent),",
  "    progress 进展情况, problems 存在问题, next steps 下步打算, state 状态 (draft/submitted/approved, 默认 approved)",
  "  任何一行有误则整个文件都不导入，并列出行号 / a bad row is reported with its line number and nothing is stored",
].join("\n");

async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs(args, {});
  const [sub, file, ...extra] = positionals;
  if (sub !== "import" || !file || extra.length > 0) {
    throw new AppError("bad_input", `用法 / usage: ${USAGE.split("\n")[0]}`, { usage: USAGE });
  }
  const bytes = await readInputFile(file);
  const { store } = await openMigratedStore(io);
  try {
    const outcome = await importReportsCsv(store.db, bytes, file);
    io.out(
      `已导入 imported ${outcome.rows} 行 rows: ${outcome.reports} 份报告 reports, ${outcome.revisions} 个修订 revisions\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

export const reportCommand: CliCommand = {
  name: "report",
  summary: "批量导入进展数值（CSV） / import report values in bulk (CSV)",
  usage: USAGE,
  run,
};
