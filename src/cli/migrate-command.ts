import { AppError } from "../domain/app-error.ts";
import type { CliCommand } from "./cli-io.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";

export const migrateCommand: CliCommand = {
  name: "migrate",
  summary: "把数据库升级到最新结构 / bring the database to the latest schema",
  usage: [
    "plantrack migrate",
    "",
    "  数据库 / database: DATABASE_URL=postgres://… 或 / or PLANTRACK_DB (默认 default data/plantrack.db)",
  ].join("\n"),
  async run(args, io) {
    const { positionals } = parseArgs(args, {});
    if (positionals.length > 0)
      throw new AppError("bad_input", `多余的参数 / unexpected arguments: ${positionals.join(" ")}`);
    const { store, migration } = await openMigratedStore(io);
    try {
      if (migration.applied.length === 0) io.out(`数据库已是最新 / already up to date: ${store.location}\n`);
      else
        io.out(
          `已执行迁移 / applied to ${store.location}:\n${migration.applied.map((m) => `  ${m}`).join("\n")}\n`,
        );
      return 0;
    } finally {
      await store.close();
    }
  },
};
