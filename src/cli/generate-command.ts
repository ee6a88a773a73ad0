// `plantrack generate --regions N --targets M --months K --seed S`: a generated province for load tests
// and demonstrations, written into the database of DATABASE_URL / PLANTRACK_DB (or --database).

import { type DatabaseConfig, databaseConfigFromEnv, isPostgresUrl, openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { AppError } from "../domain/app-error.ts";
import { type GenerateSummary, generateProvince } from "../services/generate-province.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { type CliLang, cliLang, usageText } from "./cli-lang.ts";
import { parseArgs } from "./parse-args.ts";

const USAGE = usageText(
  [
    "plantrack generate --regions 个数 --targets 个数 --months 月数 --seed 种子 [--year 2025] [--province 44] [--database 数据库]",
    "",
    "  --regions   区县个数（每10个区县一个地级市，另加一个省）",
    "  --targets   每个计划的指标数",
    "  --months    已填报的月数 1–12",
    "  --seed      随机种子：同一种子生成同样的数据",
    "  --year      计划年度（默认 2025）",
    "  --province  两位省级代码（默认 44）",
    "  --database  SQLite 文件或 postgres:// 地址（默认取 DATABASE_URL 或 PLANTRACK_DB）",
    "",
    "生成的用户不能登录，须用 plantrack user reset 设置密码。",
    "整次生成为一个事务，审计日志中记一条 generate.province。",
  ],
  [
    "plantrack generate --regions N --targets M --months K --seed S [--year Y] [--province 44] [--database DB]",
    "",
    "  --regions   districts and counties (a city per 10, and the province)",
    "  --targets   targets per plan",
    "  --months    months of the year reported, 1–12",
    "  --seed      the same seed gives the same data",
    "  --year      the plans' year (default 2025)",
    "  --province  two-digit province code (default 44)",
    "  --database  SQLite file or postgres:// URL (default: DATABASE_URL or PLANTRACK_DB)",
    "",
    "Generated users cannot sign in until `plantrack user reset` gives them a password.",
    "One transaction, one audit entry generate.province.",
  ],
);

function integer(
  flags: Record<string, string | boolean | undefined>,
  name: string,
  fallback?: number,
): number {
  const raw = flags[name];
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new AppError(
      "bad_input",
      { zh: `缺少 --${name}\n\n${USAGE.zh}`, en: `--${name} is required\n\n${USAGE.en}` },
      { field: name },
    );
  }
  const n = Number(raw);
  if (typeof raw !== "string" || !/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n))
    throw new AppError(
      "bad_input",
      {
        zh: `--${name} 应为非负整数，收到“${String(raw)}”`,
        en: `--${name} must be a whole number, not ${String(raw)}`,
      },
      { field: name },
    );
  return n;
}

function configOf(database: string | undefined, io: CliIo): DatabaseConfig {
  if (database === undefined) return databaseConfigFromEnv(io.env, io.cwd);
  if (isPostgresUrl(database)) return { dialect: "postgres", url: database };
  return databaseConfigFromEnv({ PLANTRACK_DB: database }, io.cwd);
}

export function summaryText(s: GenerateSummary, seconds: number, lang: CliLang): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const perSecond = n(Math.round(s.reports / Math.max(seconds, 0.001)));
  const o = s.options;
  const lines =
    lang === "zh"
      ? [
          `生成完成，用时 ${seconds.toFixed(1)} s（种子 ${o.seed}，年度 ${o.year}）：`,
          `  行政区划 ${n(s.regions)} 个 · 部门 ${n(s.departments)} 个 · 用户 ${n(s.users)} 个`,
          `  计划 ${n(s.plans)} 个（编号 ${s.firstPlanId}–${s.lastPlanId}） · 大纲节点 ${n(s.nodes)} 个 · 指标 ${n(s.targets)} 项 · 项目 ${n(s.items)} 个`,
          `  报告 ${n(s.reports)} 份 · 修订 ${n(s.revisions)} 个 · 催报 ${n(s.reminders)} 次 · 延期申请 ${n(s.extensions)} 个`,
          `  每秒 ${perSecond} 份报告`,
        ]
      : [
          `generated in ${seconds.toFixed(1)} s (seed ${o.seed}, year ${o.year}):`,
          `  regions ${n(s.regions)} · departments ${n(s.departments)} · users ${n(s.users)}`,
          `  plans ${n(s.plans)} (ids ${s.firstPlanId}–${s.lastPlanId}) · outline nodes ${n(s.nodes)} · targets ${n(s.targets)} · items ${n(s.items)}`,
          `  reports ${n(s.reports)} · revisions ${n(s.revisions)} · reminders ${n(s.reminders)} · extensions ${n(s.extensions)}`,
          `  ${perSecond} reports/s`,
        ];
  return [...lines, ""].join("\n");
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    string: ["regions", "targets", "months", "seed", "year", "province", "database"],
  });
  const lang = cliLang(io.env);
  if (positionals.length > 0)
    throw new AppError("bad_input", {
      zh: `多余的参数“${positionals[0]}”\n\n${USAGE.zh}`,
      en: `unexpected argument: ${positionals[0]}\n\n${USAGE.en}`,
    });
  const options = {
    regions: integer(flags, "regions"),
    targets: integer(flags, "targets"),
    months: integer(flags, "months"),
    seed: integer(flags, "seed"),
    year: integer(flags, "year", 2025),
    provinceCode: typeof flags.province === "string" ? flags.province.trim() : "44",
  };
  const database = typeof flags.database === "string" ? flags.database : undefined;
  const store = openDatabase(configOf(database, io));
  try {
    await migrateToLatest(store.db);
    const started = Date.now();
    let lastShown = 0;
    const summary = await generateProvince(store.db, options, {
      onPlan: (done, total, reports) => {
        const now = Date.now();
        if (done === total || now - lastShown > 2000) {
          lastShown = now;
          const count = reports.toLocaleString("en-US");
          io.err(
            `${lang === "zh" ? `  计划 ${done}/${total}，报告 ${count} 份` : `  ${done}/${total} plans, ${count} reports`}\n`,
          );
        }
      },
    });
    io.out(summaryText(summary, (Date.now() - started) / 1000, lang));
    return 0;
  } finally {
    await store.close();
  }
}

export const generateCommand: CliCommand = {
  name: "generate",
  summary: { zh: "生成一个省的测试数据", en: "generate a province of test data" },
  usage: USAGE,
  run,
};
