import type { ImportResult } from "../contract/plans.ts";
import { AppError } from "../domain/app-error.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { checkYear, type ExtractPlanFn, importPlan } from "../services/import-plan.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { type CliLang, cliLang, usageText } from "./cli-lang.ts";
import { exitCodeFor, messageFor } from "./exit-codes.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";
import { readInputFile } from "./read-input-file.ts";
import { textTable } from "./text-table.ts";

type Outcome = { file: string; result: ImportResult } | { file: string; error: unknown };

const WORDS = {
  zh: {
    header: ["文件", "计划", "部分", "领域", "分组", "任务", "指标", "里程碑", "事项", "结果"],
    imported: "已导入",
    failed: (code: string) => `失败（${code}）`,
    failedLine: "失败",
    progress: (id: number, title: string, s: ImportResult["summary"], duplicates: number[]) =>
      `计划 #${id}《${title}》：${s.areas} 个领域，${s.groups} 个分组，${s.tasks} 项任务，${s.targets} 项指标，${s.items} 个事项${
        duplicates.length > 0 ? `（与 #${duplicates.join("、#")} 重复）` : ""
      }`,
  },
  en: {
    header: [
      "file",
      "plan",
      "sections",
      "areas",
      "groups",
      "tasks",
      "targets",
      "milestones",
      "items",
      "result",
    ],
    imported: "imported",
    failed: (code: string) => `failed (${code})`,
    failedLine: "failed",
    progress: (id: number, title: string, s: ImportResult["summary"], duplicates: number[]) =>
      `plan #${id} “${title}”: ${s.areas} areas, ${s.groups} groups, ${s.tasks} tasks, ${s.targets} targets, ${s.items} items${
        duplicates.length > 0 ? ` (duplicate of #${duplicates.join(", #")})` : ""
      }`,
  },
} as const;

function summaryTable(outcomes: Outcome[], lang: CliLang): string {
  const w = WORDS[lang];
  const rows = outcomes.map((o) => {
    if ("result" in o) {
      const s = o.result.summary;
      return [
        o.file,
        `#${o.result.planId}`,
        ...[s.sections, s.areas, s.groups, s.tasks, s.targets, s.milestones, s.items].map(String),
        w.imported,
      ];
    }
    const code = o.error instanceof AppError ? o.error.code : "internal";
    return [o.file, "—", "", "", "", "", "", "", "", w.failed(code)];
  });
  return `${textTable([...w.header], rows, new Set([1, 2, 3, 4, 5, 6, 7, 8]))}\n`;
}

/** Runs the import; `extract` is a parameter for tests. */
export async function runImport(
  args: string[],
  io: CliIo,
  extract: ExtractPlanFn = extractPlan,
): Promise<number> {
  const lang = cliLang(io.env);
  const w = WORDS[lang];
  const { flags, positionals } = parseArgs(args, { boolean: ["force", "json"], string: ["region", "year"] });
  if (positionals.length === 0) {
    throw new AppError(
      "bad_input",
      { zh: "至少需要一个文件", en: "at least one FILE is required" },
      { usage: USAGE },
    );
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
        io.err(`${w.progress(result.planId, result.plan.title, result.summary, result.duplicateOf)}\n`);
        outcomes.push({ file, result });
      } catch (error) {
        io.err(`${w.failedLine}\n  ${messageFor(error, lang)}\n`);
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
            message: messageFor(o.error, lang),
          },
    );
    io.out(`${JSON.stringify(json, null, 1)}\n`);
  } else {
    io.out(summaryTable(outcomes, lang));
  }
  const failure = outcomes.find((o): o is { file: string; error: unknown } => "error" in o);
  return failure ? exitCodeFor(failure.error) : 0;
}

const USAGE = usageText(
  [
    "plantrack import 文件… [--region 南开区] [--year 2020] [--force] [--json]",
    "",
    "  文件       .txt（UTF-8 或 GBK）、.html/.htm、.docx，每个不超过 20 MB",
    "  --region   地区名称或行政区划代码（默认取自文本）",
    "  --year     计划年度（默认取自文本）",
    "  --force    同一文件已导入时仍再导入一份",
    "  --json     以 JSON 输出结果",
    "",
    "  数据库：DATABASE_URL=postgres://… 或 PLANTRACK_DB（默认 data/plantrack.db）",
    "  退出码：全部成功为 0，否则为第一个失败文件的错误码",
  ],
  [
    "plantrack import FILE… [--region REGION] [--year YEAR] [--force] [--json]",
    "",
    "  FILE       .txt (UTF-8 or GBK), .html/.htm, .docx, each at most 20 MB",
    "  --region   region name or GB/T 2260 code (default: from the text)",
    "  --year     plan year (default: from the text)",
    "  --force    import a document that is already a plan",
    "  --json     print the results as JSON",
    "",
    "  database: DATABASE_URL=postgres://… or PLANTRACK_DB (default data/plantrack.db)",
    "  exit code: 0 when all are imported, else that of the first failure",
  ],
);

export const importCommand: CliCommand = {
  name: "import",
  summary: { zh: "导入计划文件，保存为草稿计划", en: "import plan documents as draft plans" },
  usage: USAGE,
  run: (args, io) => runImport(args, io),
};
