// `plantrack backup FILE` and `plantrack restore FILE`: the database named by DATABASE_URL or
// PLANTRACK_DB, copied out while the server may run, and put back all or nothing.

import { auditKeySourceFromEnv } from "../db/audit-key.ts";
import { databaseConfigFromEnv } from "../db/database.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";
import { checkpointsFileFromEnv } from "../services/audit-checkpoints.ts";
import { backupDatabase, restoreDatabase } from "../services/database-backup.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { cliLang, say, usageText } from "./cli-lang.ts";
import { parseArgs } from "./parse-args.ts";
import { textTable } from "./text-table.ts";

function oneFile(positionals: string[], usage: LocalText): string {
  if (positionals.length !== 1 || !positionals[0]) {
    throw new AppError("bad_input", {
      zh: `需要一个文件名\n${usage.zh}`,
      en: `one file name is needed\n${usage.en}`,
    });
  }
  return positionals[0];
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

const BACKUP_USAGE = usageText(
  [
    "plantrack backup 文件 [--force]",
    "",
    "  把整个数据库备份到该文件；服务器运行时也可备份",
    "  SQLite：在线备份，得到一个独立的 .db 文件",
    "  PostgreSQL（DATABASE_URL）：用 pg_dump -Fc 备份（PLANTRACK_PG_BIN 指定客户端工具的目录）",
    "  --force  覆盖已有的文件",
  ],
  [
    "plantrack backup FILE [--force]",
    "",
    "  copies the whole database to FILE, also while the server runs",
    "  SQLite: the online backup API, giving one self-contained .db file",
    "  PostgreSQL (DATABASE_URL): pg_dump -Fc (PLANTRACK_PG_BIN: the folder of the client tools)",
    "  --force  overwrite an existing FILE",
  ],
);

export const backupCommand: CliCommand = {
  name: "backup",
  summary: { zh: "备份数据库", en: "back up the database" },
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
    const kind = outcome.kind === "sqlite" ? "SQLite" : "PostgreSQL (pg_dump -Fc)";
    const size = megabytes(outcome.bytes);
    const ms = Date.now() - started;
    io.out(
      [
        say(io.env, { zh: `已备份：${outcome.file}`, en: `backed up: ${outcome.file}` }),
        say(io.env, {
          zh: `  ${kind}，${size}，${outcome.tables.length} 个表，${rows} 行，${ms} ms`,
          en: `  ${kind}, ${size}, ${outcome.tables.length} tables, ${rows} rows, ${ms} ms`,
        }),
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

const RESTORE_USAGE = usageText(
  [
    "plantrack restore 文件 [--force]",
    "",
    "  用该文件中的备份替换数据库的全部内容，要么全部成功，要么不变",
    "  目标数据库须为空，除非加 --force",
    "  恢复后迁移到本版本并校验审计日志",
    "  恢复前请停止所有服务器进程",
    "  --force  替换目标数据库中已有的数据",
  ],
  [
    "plantrack restore FILE [--force]",
    "",
    "  replaces the whole database with the backup in FILE, all or nothing",
    "  the target must hold no data unless --force is given",
    "  afterwards migrates to this version and verifies the audit log",
    "  stop every server process before restoring",
    "  --force  replace the data the target holds",
  ],
);

export const restoreCommand: CliCommand = {
  name: "restore",
  summary: { zh: "从备份恢复数据库", en: "restore the database from a backup" },
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
    const lang = cliLang(io.env);
    const ms = Date.now() - started;
    const migrated = outcome.migrated;
    const words = {
      zh: {
        restored: `已恢复：${outcome.file}（${ms} ms）`,
        schema: migrated.length > 0 ? `  已迁移到本版本：${migrated.join("、")}` : "  数据库结构已是本版本",
        audit: `  审计日志完整：核对了 ${outcome.auditRowsChecked} 行`,
        header: ["表", "行数"],
      },
      en: {
        restored: `restored: ${outcome.file} (${ms} ms)`,
        schema:
          migrated.length > 0
            ? `  migrated to this version: ${migrated.join(", ")}`
            : "  the schema is this version's",
        audit: `  the audit log is whole: ${outcome.auditRowsChecked} rows checked`,
        header: ["table", "rows"],
      },
    }[lang];
    io.out(
      [
        words.restored,
        `  sha256 ${outcome.sha256}`,
        words.schema,
        words.audit,
        "",
        textTable(words.header, counts),
        "",
      ].join("\n"),
    );
    return 0;
  },
};
