// `plantrack report import FILE.csv`: bulk values for targets, one row per target and period.

import { importReportsCsv } from "../services/report-import.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { say, usageError, usageText } from "./cli-lang.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";
import { readInputFile } from "./read-input-file.ts";

const USAGE = usageText(
  [
    "plantrack report import 文件.csv",
    "",
    "  第一行为表头，列名用中文或英文：",
    "    计划（编号或标题中唯一的一段）、指标（编号或指标名称）、报告期（2020-04、2020-Q2）、",
    "    数值（基本单位；里程碑为完成百分比）、进展情况、存在问题、下步打算、",
    "    状态（草稿、已提交或已审核，默认已审核）",
    "  任何一行有误则整个文件都不导入，并列出行号",
  ],
  [
    "plantrack report import FILE.csv",
    "",
    "  the first line names the columns, in Chinese or English:",
    "    plan (id or a unique part of the title), target (id or subject), period (2020-04, 2020-Q2),",
    "    value (base unit; milestones: percent done), progress, problems, next steps,",
    "    state (draft, submitted or approved; default approved)",
    "  a bad row is reported with its line number and nothing is stored",
  ],
);

async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs(args, {});
  const [sub, file, ...extra] = positionals;
  if (sub !== "import" || !file || extra.length > 0) {
    throw usageError(USAGE, { details: { usage: USAGE } });
  }
  const bytes = await readInputFile(file);
  const { store } = await openMigratedStore(io);
  try {
    const outcome = await importReportsCsv(store.db, bytes, file);
    io.out(
      `${say(io.env, {
        zh: `已导入 ${outcome.rows} 行：${outcome.reports} 份报告，${outcome.revisions} 个修订`,
        en: `imported ${outcome.rows} rows: ${outcome.reports} reports, ${outcome.revisions} revisions`,
      })}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

export const reportCommand: CliCommand = {
  name: "report",
  summary: { zh: "批量导入进展数值（CSV）", en: "import report values in bulk (CSV)" },
  usage: USAGE,
  run,
};
