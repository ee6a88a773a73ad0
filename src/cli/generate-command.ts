// `plantrack generate --regions N --targets M --months K --seed S`: a generated province for load tests
// and demonstrations, written into the database of DATABASE_URL / PLANTRACK_DB (or --database).

import { type DatabaseConfig, databaseConfigFromEnv, isPostgresUrl, openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { AppError } from "../domain/app-error.ts";
import { type GenerateSummary, generateProvince } from "../services/generate-province.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { parseArgs } from "./parse-args.ts";

const USAGE = [
  "plantrack generate --regions N --targets M --months K --seed S [--year Y] [--province 44] [--database DB]",
  "",
  "  --regions   区县个数（每10个一个地级市，另加省） / districts and counties (a city per 10, and the province)",
  "  --targets   每个计划的指标数 / targets per plan",
  "  --months    已填报的月数 1–12 / months of the year reported",
  "  --seed      随机种子：同一种子生成同样的数据 / the same seed gives the same data",
  "  --year      计划年度（默认 2025） / the plans' year (default 2025)",
  "  --province  两位省级代码（默认 44） / two-digit province code (default 44)",
  "  --database  SQLite 文件或 postgres:// 地址（默认取 DATABASE_URL / PLANTRACK_DB） / SQLite file or postgres:// URL",
  "",
  "生成的用户不能登录，需 plantrack user reset 设置密码 / generated users cannot sign in until `plantrack user reset`.",
  "整次生成为一个事务，审计日志记一条 generate.province / one transaction, one audit entry generate.province.",
].join("\n");

function integer(
  flags: Record<string, string | boolean | undefined>,
  name: string,
  fallback?: number,
): number {
  const raw = flags[name];
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new AppError("bad_input", `缺少 --${name} / --${name} is required\n\n${USAGE}`, { field: name });
  }
  const n = Number(raw);
  if (typeof raw !== "string" || !/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n))
    throw new AppError(
      "bad_input",
      `--${name} 应为非负整数，收到 ${String(raw)} / --${name} must be a whole number`,
      {
        field: name,
      },
    );
  return n;
}

function configOf(database: string | undefined, io: CliIo): DatabaseConfig {
  if (database === undefined) return databaseConfigFromEnv(io.env, io.cwd);
  if (isPostgresUrl(database)) return { dialect: "postgres", url: database };
  return databaseConfigFromEnv({ PLANTRACK_DB: database }, io.cwd);
}

export function summaryText(s: GenerateSummary, seconds: number): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return [
    `生成完成 / generated in ${seconds.toFixed(1)} s (seed ${s.options.seed}, year ${s.options.year}):`,
    `  行政区划 regions ${n(s.regions)} · 部门 departments ${n(s.departments)} · 用户 users ${n(s.users)}`,
    `  计划 plans ${n(s.plans)} (ids ${s.firstPlanId}–${s.lastPlanId}) · 大纲节点 outline nodes ${n(s.nodes)} · 指标 targets ${n(s.targets)} · 项目 items ${n(s.items)}`,
    `  报告 reports ${n(s.reports)} · 修订 revisions ${n(s.revisions)} · 催报 reminders ${n(s.reminders)} · 延期申请 extensions ${n(s.extensions)}`,
    `  ${n(Math.round(s.reports / Math.max(seconds, 0.001)))} reports/s`,
    "",
  ].join("\n");
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    string: ["regions", "targets", "months", "seed", "year", "province", "database"],
  });
  if (positionals.length > 0)
    throw new AppError("bad_input", `多余的参数 / unexpected argument: ${positionals[0]}\n\n${USAGE}`);
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
          io.err(`  ${done}/${total} plans, ${reports.toLocaleString("en-US")} reports\n`);
        }
      },
    });
    io.out(summaryText(summary, (Date.now() - started) / 1000));
    return 0;
  } finally {
    await store.close();
  }
}

export const generateCommand: CliCommand = {
  name: "generate",
  summary: "生成一个省的测试数据 / generate a province of test data",
  usage: USAGE,
  run,
};
