// Opens the database: SQLite (better-sqlite3) by default, PostgreSQL (pg) when DATABASE_URL says so.
// Everything above this file sees one Kysely<Database> and never asks which dialect it got, except
// through `Store.dialect` for messages.

import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { AppError, type LocalText } from "../domain/app-error.ts";
import { AUDIT_KEY_FILE_NAME, attachAuditKey } from "./audit-key.ts";
import type { Database } from "./schema.ts";
import { createSqliteFileGuard, type SqliteFileGuard } from "./sqlite-file-guard.ts";

export type DialectName = "sqlite" | "postgres";

export type DatabaseConfig =
  | { dialect: "sqlite"; file: string }
  | {
      dialect: "postgres";
      url: string /** search_path for every connection (tests use a schema each). */;
      schema?: string;
    };

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The file or the URL without its password, for messages. */
  location: string;
  close: () => Promise<void>;
}

export const DEFAULT_SQLITE_FILE = "data/plantrack.db";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** DATABASE_URL (postgres://…) wins; otherwise PLANTRACK_DB or data/plantrack.db under cwd. */
export function databaseConfigFromEnv(env: Record<string, string | undefined>, cwd: string): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!isPostgresUrl(url)) {
      throw new AppError(
        "bad_input",
        {
          zh: "DATABASE_URL 只支持 postgres:// 地址；SQLite 请用 PLANTRACK_DB",
          en: "DATABASE_URL must be a postgres:// URL; for SQLite set PLANTRACK_DB",
        },
        { setting: "DATABASE_URL" },
      );
    }
    return { dialect: "postgres", url };
  }
  const file = env.PLANTRACK_DB?.trim() || DEFAULT_SQLITE_FILE;
  return { dialect: "sqlite", file: file === ":memory:" ? file : resolve(cwd, file) };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

// pg returns bigint (count(*), sum of integers) and numeric as strings; every such value we read fits a
// double, so read them as numbers in this pool only (not by changing pg's global parsers).
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid);
  }) as typeof pg.types.getTypeParser,
};

export function openDatabase(config: DatabaseConfig): Store {
  if (config.dialect === "postgres") {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      // pg closes a connection idle for 10 s by default; reopening it under the next burst costs a
      // PostgreSQL backend start (milliseconds each) just when the connections are needed.
      idleTimeoutMillis: 300_000,
      types: pgTypes,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    });
    // An idle client that loses its server must not take the process down; the next query reports it.
    pool.on("error", () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", location: redact(config.url), close: () => db.destroy() };
  }
  if (config.file !== ":memory:") mkdirSync(dirname(config.file), { recursive: true });
  const sqlite = new SqliteDatabase(config.file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  if (config.file === ":memory:") {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, dialect: "sqlite", location: config.file, close: () => db.destroy() };
  }
  // A first read creates the -wal and -shm files, so that the guard sees them as opened.
  sqlite.prepare("select count(*) from sqlite_master").get();
  const guard = createSqliteFileGuard(config.file, (text) =>
    process.emitWarning(text.en, { code: "PLANTRACK_SQLITE_SHM" }),
  );
  // Every statement that changes data first checks that it would land in the files this process
  // opened (a stat of two files, microseconds); reads go on from the open files.
  const database = {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      const statement = sqlite.prepare(text);
      if (!statement.readonly || /^\s*commit\b/i.test(text)) guard.assertIntact();
      return statement;
    },
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  sqliteGuards.set(db, guard);
  // The audit key sits beside the file, unless the CLI says otherwise (open-store.ts).
  attachAuditKey(db, { kind: "file", file: join(dirname(config.file), AUDIT_KEY_FILE_NAME) });
  return { db, dialect: "sqlite", location: config.file, close: () => db.destroy() };
}

const sqliteGuards = new WeakMap<Kysely<Database>, SqliteFileGuard>();

/**
 * For readiness: what is wrong with the files of an SQLite database opened here (deleted or replaced
 * under the process), with warnings about its -shm; nothing for PostgreSQL or an in-memory database.
 */
export function databaseFileState(db: Kysely<Database>): {
  problem: LocalText | null;
  warnings: LocalText[];
} {
  const guard = sqliteGuards.get(db);
  if (!guard) return { problem: null, warnings: [] };
  return { problem: guard.problem(), warnings: guard.warnings() };
}

/** Runs `fn` in a transaction, or inside the caller's when `db` already is one. */
export async function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}
