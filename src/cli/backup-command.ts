// `plantrack backup FILE` and `plantrack restore FILE`: the database named by DATABASE_URL or
// PLANTRACK_DB, copied out while the server may run, and put back all or nothing.

import { auditKeySourceFromEnv } from "../db/audit-key.ts";
import { databaseConfigFromEnv } from "../db/database.ts";
import { AppError } from "../domain/app-error.ts";
import { checkpointsFileFromEnv } from "../services/audit-checkpoints.ts";
import { backupDatabase, restoreDatabase } from "../services/database-backup.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { say } from "./cli-lang.ts";
import { parseArgs } from "./parse-args.ts";
import { textTable } from "./text-table.ts";

function oneFile(positionals: string[], usage: string): string {
  if (positionals.length !== 1 || !positionals[0]) {
    throw new AppError("bad_input", `需要一个文件名 / one file name is needed\n${usage}`);
  }
  return positionals[0];
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

const BACKUP_USAGE = [
  "plantrack backup FILE [--force]",
  "",
  "  备份整个数据库到 FILE；服务器运行时也可备份 / copies the whole database to FILE, also while the server runs",
  "  SQLite: 在线备份 API，得到一个独立的 .db 文件 / the online backup API, giving one self-contained .db file",
  "  PostgreSQL (DATABASE_URL): pg_dump -Fc（PLANTRACK_PG_BIN 指定客户端目录 / folder of the client tools）",
  "  --force  覆盖已有的 FILE / overwrite an existing FILE",
].join("\n");

export const backupCommand: CliCommand = {
  name: "backup",
  summary: "备份数据库 / back up the database",
  usage: BACKUP_USAGE,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, { boolean: ["force"] });
    const file = oneFile(positionals, BACKUP_USAGE);
    const started = Date.now();
    const config = databaseConfigFromEnv(io.env, io.cwd);
    const outcome = await backupDatabase(config, file, {
      force: flags.force === true,
      env: io.env,
    });
    const rows = outcome.tables.reduce((sum, t) => sum + t.rows, 0);
    io.out(
      [
        `已备份 / backed up: ${outcome.file}`,
        `  ${outcome.kind === "sqlite" ? "SQLite" : "PostgreSQL (pg_dump -Fc)"}, ${megabytes(outcome.bytes)}, ${outcome.tables.length} 表 tables, ${rows} 行 rows, ${Date.now() - started} ms`,
        `  sha256 ${outcome.sha256}`,
        auditKeyNote(io, config),
        "",
      ].join("\n"),
    );
    return 0;
  },
};

/** The audit key is never in a backup (it would let whoever holds the copy rewrite the chain). */
function auditKeyNote(io: CliIo, config: ReturnType<typeof databaseConfigFromEnv>): string {
  const source = auditKeySourceFromEnv(config, io.env, io.cwd);
  const key = source.kind === "file" ? source.file : source.kind === "hex" ? source.setting : "—";
  const checkpoints = checkpointsFileFromEnv(config, io.env, io.cwd) ?? "—";
  return say(io.env, {
    zh: `  审计密钥不在备份中，请另行妥善备份：${key}（检查点文件：${checkpoints}）`,
    en: `  the audit key is not in the backup: back it up separately: ${key} (checkpoints: ${checkpoints})`,
  });
}

const RESTORE_USAGE = [
  "plantrack restore FILE [--force]",
  "",
  "  用 FILE 中的备份替换数据库的全部内容，要么全部成功，要么不变 / replaces the whole database with the backup in FILE, all or nothing",
  "  目标数据库须为空，除非加 --force / the target must hold no data unless --force is given",
  "  恢复后迁移到本版本并校验审计日志 / afterwards migrates to this version and verifies the audit log",
  "  恢复前请停止所有服务器进程 / stop every server process before restoring",
  "  --force  替换已有数据 / replace the data the target holds",
].join("\n");

export const restoreCommand: CliCommand = {
  name: "restore",
  summary: "从备份恢复数据库 / restore the database from a backup",
  usage: RESTORE_USAGE,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, { boolean: ["force"] });
    const file = oneFile(positionals, RESTORE_USAGE);
    const started = Date.now();
    const outcome = await restoreDatabase(databaseConfigFromEnv(io.env, io.cwd), file, {
      force: flags.force === true,
      env: io.env,
      cwd: io.cwd,
    });
    const counts = outcome.tables.filter((t) => t.rows > 0).map((t) => [t.table, String(t.rows)]);
    io.out(
      [
        `已恢复 / restored: ${outcome.file} (${Date.now() - started} ms)`,
        `  sha256 ${outcome.sha256}`,
        outcome.migrated.length > 0
          ? `  已迁移到本版本 / migrated to this version: ${outcome.migrated.join(", ")}`
          : "  数据库结构已是本版本 / the schema is this version's",
        `  审计日志完整 / the audit log is whole: ${outcome.auditRowsChecked} 行 rows checked`,
        "",
        textTable(["表 table", "行 rows"], counts),
        "",
      ].join("\n"),
    );
    return 0;
  },
};
