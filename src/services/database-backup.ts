// `plantrack backup` and `plantrack restore` as use cases: which tool for which database, the checks
// around them (a backup never overwrites a file by accident, a restore never lands on data by
// accident), and what a restore must prove before it is done: the schema brought to this version and
// the audit chain whole — then the restore itself is written to the audit log.

import { mkdirSync } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { attachAuditKey, auditKeyForCheck, auditKeySourceFromEnv, auditKeyWhere } from "../db/audit-key.ts";
import { appendAudit, SYSTEM_ACTOR } from "../db/audit-repository.ts";
import {
  backupKindOf,
  backupPostgres,
  backupSqlite,
  restorePostgres,
  restoreSqlite,
  sha256OfFile,
  sqliteRowCounts,
} from "../db/backup.ts";
import { type DatabaseConfig, openDatabase, type Store } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { postgresServerMajor, type TableCount, tableRowCounts } from "../db/table-dump-repository.ts";
import { AppError } from "../domain/app-error.ts";
import { verifyAudit } from "./user-admin.ts";

export interface BackupOutcome {
  file: string;
  kind: "sqlite" | "postgres";
  bytes: number;
  sha256: string;
  /** Row counts of the copy (SQLite) or of the database at the time of the dump (PostgreSQL). */
  tables: TableCount[];
}

export interface RestoreOutcome {
  file: string;
  kind: "sqlite" | "postgres";
  sha256: string;
  tables: TableCount[];
  /** Migrations run after the restore (the backup came from an older version). */
  migrated: string[];
  auditRowsChecked: number;
}

async function withStore<T>(config: DatabaseConfig, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openDatabase(config);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export async function backupDatabase(
  config: DatabaseConfig,
  file: string,
  options: { force: boolean; env: Record<string, string | undefined> },
): Promise<BackupOutcome> {
  const target = resolve(file);
  if (!options.force && (await fileExists(target))) {
    throw new AppError(
      "conflict",
      {
        zh: `备份文件已存在，如要覆盖请加 --force：${target}`,
        en: `the backup file exists; add --force to overwrite it: ${target}`,
      },
      { file: target },
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  let tables: TableCount[];
  if (config.dialect === "sqlite") {
    if (config.file === ":memory:") {
      throw new AppError("bad_input", {
        zh: "内存数据库无法备份",
        en: "an in-memory database cannot be backed up",
      });
    }
    tables = await backupSqlite(config.file, target);
  } else {
    const { major, counts } = await withStore(config, async (store) => ({
      major: await postgresServerMajor(store.db),
      counts: await tableRowCounts(store.db),
    }));
    await backupPostgres(config.url, target, options.env, major);
    tables = counts;
  }
  return {
    file: target,
    kind: config.dialect,
    bytes: (await stat(target)).size,
    sha256: await sha256OfFile(target),
    tables,
  };
}

function refuseData(tables: TableCount[], where: string): void {
  const full = tables.filter((t) => t.rows > 0);
  if (full.length === 0) return;
  const list = full
    .slice(0, 5)
    .map((t) => `${t.table} ${t.rows}`)
    .join(", ");
  throw new AppError(
    "conflict",
    {
      zh: `目标数据库已有数据（${list}…），恢复会替换全部数据；确认请加 --force：${where}`,
      en: `the target database holds data (${list}…) that a restore replaces; add --force if that is what you want: ${where}`,
    },
    { tables: full },
  );
}

export async function restoreDatabase(
  config: DatabaseConfig,
  file: string,
  options: { force: boolean; env: Record<string, string | undefined>; cwd?: string },
): Promise<RestoreOutcome> {
  const source = resolve(file);
  const kind = await backupKindOf(source);
  if (kind !== config.dialect) {
    throw new AppError(
      "bad_input",
      {
        zh: `这是 ${kind === "sqlite" ? "SQLite" : "PostgreSQL"} 的备份，而目标数据库是 ${config.dialect === "sqlite" ? "SQLite" : "PostgreSQL"}；不能跨数据库恢复`,
        en: `this is a ${kind} backup and the target is ${config.dialect}: a backup restores into the same kind of database`,
      },
      { file: source, backup: kind, target: config.dialect },
    );
  }
  const sha256 = await sha256OfFile(source);
  if (config.dialect === "sqlite") {
    if (config.file === ":memory:") {
      throw new AppError("bad_input", {
        zh: "不能恢复到内存数据库",
        en: "cannot restore into an in-memory database",
      });
    }
    if (!options.force) refuseData(sqliteRowCounts(config.file), config.file);
    mkdirSync(dirname(config.file), { recursive: true });
    await restoreSqlite(source, config.file);
  } else {
    const existing = await withStore(config, (store) => tableRowCounts(store.db));
    if (!options.force) refuseData(existing, "DATABASE_URL");
    await restorePostgres(config.url, source, options.env, { clean: existing.length > 0 });
  }
  return withStore(config, async (store) => {
    // The audit key is not in the backup: it must be where this installation keeps it.
    attachAuditKey(store.db, auditKeySourceFromEnv(config, options.env, options.cwd ?? process.cwd()));
    const { applied } = await migrateToLatest(store.db);
    const audit = await verifyAudit(store.db);
    if (!audit.ok && auditKeyForCheck(store.db) === null) {
      const where = auditKeyWhere(store.db);
      throw new AppError(
        "conflict",
        {
          zh: `已恢复，但找不到审计密钥（${where}），无法核对审计日志：请把原来的 audit.key 放回该处，或设置 PLANTRACK_AUDIT_KEY`,
          en: `restored, but the audit key is not there (${where}), so the audit log cannot be verified: put the original audit.key back there, or set PLANTRACK_AUDIT_KEY`,
        },
        { brokenAt: audit.brokenAt, auditKey: where },
      );
    }
    if (!audit.ok) {
      throw new AppError(
        "conflict",
        {
          zh: `已恢复，但审计日志在第 ${audit.brokenAt} 行断开：备份可能被改动过`,
          en: `restored, but the audit log is broken at row ${audit.brokenAt}: the backup may have been tampered with`,
        },
        { brokenAt: audit.brokenAt },
      );
    }
    await appendAudit(store.db, SYSTEM_ACTOR, {
      action: "database.restore",
      entity: "database",
      entityId: null,
      after: { file: basename(source), sha256, kind, migrated: applied },
    });
    return {
      file: source,
      kind,
      sha256,
      tables: await tableRowCounts(store.db),
      migrated: applied,
      auditRowsChecked: audit.checked,
    };
  });
}
