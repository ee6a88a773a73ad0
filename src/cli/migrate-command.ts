import { AppError } from "../domain/app-error.ts";
import type { CliCommand } from "./cli-io.ts";
import { say, usageText } from "./cli-lang.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";

export const migrateCommand: CliCommand = {
  name: "migrate",
  summary: { zh: "把数据库升级到最新结构", en: "bring the database to the latest schema" },
  usage: usageText(
    [
      "plantrack migrate",
      "",
      "  数据库：DATABASE_URL=postgres://… 或 PLANTRACK_DB（默认 data/plantrack.db）",
    ],
    [
      "plantrack migrate",
      "",
      "  database: DATABASE_URL=postgres://… or PLANTRACK_DB (default data/plantrack.db)",
    ],
  ),
  async run(args, io) {
    const { positionals } = parseArgs(args, {});
    if (positionals.length > 0) {
      const extra = positionals.join(" ");
      throw new AppError("bad_input", { zh: `多余的参数“${extra}”`, en: `unexpected arguments: ${extra}` });
    }
    const { store, migration } = await openMigratedStore(io);
    try {
      const where = store.location;
      if (migration.applied.length === 0)
        io.out(`${say(io.env, { zh: `数据库已是最新：${where}`, en: `already up to date: ${where}` })}\n`);
      else
        io.out(
          `${say(io.env, { zh: `已执行迁移（${where}）：`, en: `applied to ${where}:` })}\n${migration.applied.map((m) => `  ${m}`).join("\n")}\n`,
        );
      return 0;
    } finally {
      await store.close();
    }
  },
};
