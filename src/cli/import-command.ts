import type { ImportResult } from "../contract/plans.ts";
import { AppError } from "../domain/app-error.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { checkYear, type ExtractPlanFn, importPlan } from "../services/import-plan.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { exitCodeFor, messageFor } from "./exit-codes.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";
import { readInputFile } from "./read-input-file.ts";
import { textTable } from "./text-table.ts";

type Outcome = { file: string; result: ImportResult } | { file: string; error: unknown };

function summaryTable(outcomes: Outcome[]): string {
  const rows = outcomes.map((o) => {
    if ("result" in o) {
      const s = o.result.summary;
      return [
        o.file,
        `#${o.result.planId}`,
        ...[s.sections, s.areas, s.groups, s.tasks, s.targets, s.milestones, s.items].map(String),
        "已导入 imported",
      ];
    }
    const code = o.error instanceof AppError ? o.error.code : "internal";
    return [o.file, "—", "", "", "", "", "", "", "", `失败 failed (${code})`];
  });
  const header = [
    "文件 file",
    "计划 plan",
    "部分",
    "领域",
    "分组",
    "任务",
    "指标",
    "里程碑",
    "事项",
    "结果 result",
  ];
  const note =
    "部分 sections · 领域 areas · 分组 groups · 任务 tasks · 指标 targets · 里程碑 milestones · 事项 items";
  return `${textTable(header, rows, new Set([1, 2, 3, 4, 5, 6, 7, 8]))}\n${note}\n`;
}

/** Runs the import; `extract` is a parameter for tests. */
export async function runImport(
  args: string[],
  io: CliIo,
  extract: ExtractPlanFn = extractPlan,
): Promise<number> {
  const { flags, positionals } = parseArgs(args, { boolean: ["force", "json"], string: ["region", "year"] });
  if (positionals.length === 0) {
    throw new AppError("bad_input", "至少需要一个文件 / at least one FILE is required", {
      usage: importCommand.usage,
    });
  }
  const year = flags.year === undefined ? undefined : Number(flags.year);
  if (year !== undefined) checkYear(year, "--year");
  const region = typeof flags.region === "string" ? flags.region : undefined;
  const { store } = await openMigratedStore(io);
  const outcomes: Outcome[] = [];
  try {
    for (const [i, file] of positionals.entries()) {
      io.err(`[${i + 1}/${positionals.length}] ${file} … `);
      try {
        const bytes = await readInputFile(file);
        const result = await importPlan(
          { db: store.db, extract },
          {
            bytes,
            fileName: file,
            ...(region ? { region } : {}),
            ...(year !== undefined ? { year } : {}),
            force: flags.force === true,
          },
        );
        const s = result.summary;
        io.err(
          `计划 plan #${result.planId}《${result.plan.title}》: ${s.areas} 领域 areas, ${s.groups} 分组 groups, ${s.tasks} 任务 tasks, ${s.targets} 指标 targets, ${s.items} 事项 items${
            result.duplicateOf.length > 0 ? ` (重复 duplicate of #${result.duplicateOf.join(", #")})` : ""
          }\n`,
        );
        outcomes.push({ file, result });
      } catch (error) {
        io.err(`失败 failed\n  ${messageFor(error)}\n`);
        outcomes.push({ file, error });
      }
    }
  } finally {
    await store.close();
  }
  if (flags.json) {
    const json = outcomes.map((o) =>
      "result" in o
        ? {
            file: o.file,
            ok: true,
            planId: o.result.planId,
            summary: o.result.summary,
            duplicateOf: o.result.duplicateOf,
          }
        : {
            file: o.file,
            ok: false,
            code: o.error instanceof AppError ? o.error.code : "internal",
            message: messageFor(o.error),
          },
    );
    io.out(`${JSON.stringify(json, null, 1)}\n`);
  } else {
    io.out(summaryTable(outcomes));
  }
  const failure = outcomes.find((o): o is { file: string; error: unknown } => "error" in o);
  return failure ? exitCodeFor(failure.error) : 0;
}

export const importCommand: CliCommand = {
  name: "import",
  summary: "导入计划文件，保存为草稿计划 / import plan documents as draft plans",
  usage: [
    "plantrack import FILE… [--region 南开区] [--year 2020] [--force] [--json]",
    "",
    "  FILE       .txt（UTF-8 或 GBK）、.html/.htm、.docx，每个不超过 20 MB / each at most 20 MB",
    "  --region   地区名称或行政区划代码 / region name or GB/T 2260 code (默认取自文本 default: from the text)",
    "  --year     计划年度 / plan year (默认取自文本 default: from the text)",
    "  --force    同一文件已导入时仍再导入一份 / import a document that is already a plan",
    "  --json     以 JSON 输出结果 / print the results as JSON",
    "",
    "  数据库 / database: DATABASE_URL=postgres://… 或 / or PLANTRACK_DB (默认 default data/plantrack.db)",
    "  退出码 / exit code: 0 全部成功 all imported; 否则为第一个失败的错误码 / else that of the first failure",
  ].join("\n"),
  run: (args, io) => runImport(args, io),
};
