// Backups of the whole database, and putting one back. SQLite: SQLite's online backup API, copying every
// page in one step (one read transaction: a consistent snapshot that, under WAL, never blocks the
// running server's writers) into a self-contained file. PostgreSQL: pg_dump's custom format, restored
// by pg_restore in a single transaction. A restore is all or nothing either way.

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { delimiter, dirname, join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { AppError } from "../domain/app-error.ts";

export type BackupKind = "sqlite" | "postgres";

/** Every page in one step: the copy is one snapshot (a step that is interrupted by a write restarts). */
const ALL_PAGES = 0x7fffffff;

const SQLITE_MAGIC = "SQLite format 3\u0000";
const PGDMP_MAGIC = "PGDMP";

export interface TableCount {
  table: string;
  rows: number;
}

/** What a backup file holds, judged by its first bytes; throws for anything else. */
export async function backupKindOf(file: string): Promise<BackupKind> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch {
    throw new AppError(
      "not_found",
      { zh: `备份文件不存在或无法读取：${file}`, en: `the backup file is missing or unreadable: ${file}` },
      {
        file,
      },
    );
  }
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, 16, 0);
    const text = head.subarray(0, bytesRead).toString("latin1");
    if (text === SQLITE_MAGIC) return "sqlite";
    if (text.startsWith(PGDMP_MAGIC)) return "postgres";
  } finally {
    await handle.close();
  }
  throw new AppError(
    "unsupported_file",
    {
      zh: `不是 PlanTrack 备份（既非 SQLite 数据库也非 pg_dump -Fc 文件）：${file}`,
      en: `not a PlanTrack backup (neither a SQLite database nor a pg_dump -Fc file): ${file}`,
    },
    { file },
  );
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  const handle = await open(file, "r");
  try {
    for await (const chunk of handle.createReadStream()) hash.update(chunk as Buffer);
  } finally {
    await handle.close();
  }
  return hash.digest("hex");
}

function userTables(db: SqliteDatabase.Database): string[] {
  return (
    db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

function countRows(db: SqliteDatabase.Database): TableCount[] {
  return userTables(db).map((table) => ({
    table,
    rows: (db.prepare(`select count(*) as n from "${table.replace(/"/g, '""')}"`).get() as { n: number }).n,
  }));
}

/** Checks a SQLite file page by page and that it is a PlanTrack database; returns its row counts. */
function checkSqliteFile(db: SqliteDatabase.Database, file: string): TableCount[] {
  const integrity = db.pragma("integrity_check") as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== "ok") {
    throw new AppError(
      "bad_input",
      { zh: `SQLite 文件已损坏：${file}`, en: `the SQLite file is damaged: ${file}` },
      {
        file,
        integrity: integrity.slice(0, 10).map((r) => r.integrity_check),
      },
    );
  }
  const hasMigrations = db
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (!hasMigrations) {
    throw new AppError(
      "bad_input",
      {
        zh: `不是 PlanTrack 数据库（没有迁移记录）：${file}`,
        en: `not a PlanTrack database (no migration table): ${file}`,
      },
      { file },
    );
  }
  return countRows(db);
}

/**
 * Copies the SQLite database `source` (which a server may be using) to `target`: written beside it under
 * a temporary name, made self-contained (no -wal file needed), checked, then renamed into place.
 */
export async function backupSqlite(source: string, target: string): Promise<TableCount[]> {
  if (!existsSync(source)) {
    throw new AppError(
      "not_found",
      { zh: `数据库文件不存在：${source}`, en: `the database file does not exist: ${source}` },
      {
        file: source,
      },
    );
  }
  const partial = join(dirname(target), `.${Date.now()}-${process.pid}.plantrack-backup-partial`);
  const db = new SqliteDatabase(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(partial, { progress: () => ALL_PAGES });
  } catch (error) {
    rmSync(partial, { force: true });
    const cause = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "internal",
      { zh: `备份失败：${cause}`, en: `the backup failed: ${cause}` },
      { file: source },
    );
  } finally {
    db.close();
  }
  try {
    const copy = new SqliteDatabase(partial, { fileMustExist: true });
    let counts: TableCount[];
    try {
      // The copy inherits WAL from the source; a backup file must stand alone.
      copy.pragma("journal_mode = DELETE");
      counts = checkSqliteFile(copy, partial);
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return counts;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Rows in each PlanTrack table of a SQLite file (none when the file does not exist). */
export function sqliteRowCounts(file: string): TableCount[] {
  if (!existsSync(file) || statSync(file).size === 0) return [];
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    return countRows(db);
  } finally {
    db.close();
  }
}

/**
 * Puts the backup `source` into the database `target` through SQLite's backup API: one write
 * transaction on the target, so a failure leaves it as it was. Returns the restored row counts.
 */
export async function restoreSqlite(source: string, target: string): Promise<TableCount[]> {
  const backup = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    checkSqliteFile(backup, source);
    await backup.backup(target, { progress: () => ALL_PAGES });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const cause = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "internal",
      {
        zh: `恢复失败，目标数据库未改变：${cause}`,
        en: `the restore failed, the target is unchanged: ${cause}`,
      },
      {
        file: target,
      },
    );
  } finally {
    backup.close();
  }
  const restored = new SqliteDatabase(target, { fileMustExist: true });
  try {
    restored.pragma("journal_mode = WAL");
    return checkSqliteFile(restored, target);
  } finally {
    restored.close();
  }
}

// ── PostgreSQL: pg_dump and pg_restore ─────────────────────────────────────────────────────────

export interface PgTool {
  path: string;
  /** The major version, e.g. 15. */
  major: number;
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Debian and Ubuntu keep each installed version's tools here; the newest dumps every older server. */
export const PG_VERSIONS_ROOT = "/usr/lib/postgresql";

function candidates(name: string, env: Record<string, string | undefined>, root: string): string[] {
  const out: string[] = [];
  if (env.PLANTRACK_PG_BIN) out.push(join(env.PLANTRACK_PG_BIN, name));
  for (const dir of (env.PATH ?? "").split(delimiter)) if (dir) out.push(join(dir, name));
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) out.push(join(root, v, "bin", name));
  }
  return out;
}

/** Finds pg_dump or pg_restore: PLANTRACK_PG_BIN, then PATH, then /usr/lib/postgresql/N/bin. */
export async function findPgTool(
  name: "pg_dump" | "pg_restore",
  env: Record<string, string | undefined>,
  versionsRoot: string = PG_VERSIONS_ROOT,
): Promise<PgTool> {
  for (const path of candidates(name, env, versionsRoot)) {
    if (!existsSync(path)) continue;
    const { code, stdout } = await run(path, ["--version"], { PATH: env.PATH ?? "" });
    const major = /(\d+)(?:\.\d+)?/.exec(stdout);
    if (code === 0 && major?.[1]) return { path, major: Number(major[1]) };
  }
  throw new AppError(
    "not_found",
    {
      zh: `找不到 ${name}：请安装 PostgreSQL 客户端（如 apt-get install postgresql-client），或用 PLANTRACK_PG_BIN 指明其目录`,
      en: `${name} not found: install the PostgreSQL client tools (e.g. apt-get install postgresql-client) or set PLANTRACK_PG_BIN to their folder`,
    },
    { tool: name },
  );
}

/** The connection for a child process: the URL without its password, the password in PGPASSWORD. */
function pgConnection(
  url: string,
  env: Record<string, string | undefined>,
): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = "";
  const childEnv: NodeJS.ProcessEnv = { PATH: env.PATH ?? "", LANG: "C.UTF-8" };
  for (const key of ["PGPASSFILE", "PGSSLMODE", "PGSSLROOTCERT", "PGSSLCERT", "PGSSLKEY", "HOME"]) {
    if (env[key]) childEnv[key] = env[key];
  }
  if (password !== undefined) childEnv.PGPASSWORD = password;
  return { url: u.toString(), env: childEnv };
}

function tail(text: string): string {
  return text.trim().split("\n").slice(-5).join("\n");
}

/** pg_dump -Fc of the whole database into `target` (written under a temporary name, then renamed). */
export async function backupPostgres(
  url: string,
  target: string,
  env: Record<string, string | undefined>,
  serverMajor: number,
): Promise<void> {
  const tool = await findPgTool("pg_dump", env);
  if (tool.major < serverMajor) {
    throw new AppError(
      "bad_input",
      {
        zh: `pg_dump ${tool.major} 比数据库服务器 ${serverMajor} 旧，无法备份；请安装新版客户端或设 PLANTRACK_PG_BIN`,
        en: `pg_dump ${tool.major} is older than the server (${serverMajor}): install a newer client or set PLANTRACK_PG_BIN`,
      },
      { tool: tool.path, serverMajor },
    );
  }
  const partial = join(dirname(target), `.${Date.now()}-${process.pid}.plantrack-backup-partial`);
  const conn = pgConnection(url, env);
  const result = await run(
    tool.path,
    ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, `--dbname=${conn.url}`],
    conn.env,
  );
  if (result.code !== 0) {
    rmSync(partial, { force: true });
    throw new AppError(
      "internal",
      { zh: `pg_dump 失败：${tail(result.stderr)}`, en: `pg_dump failed: ${tail(result.stderr)}` },
      {
        tool: tool.path,
      },
    );
  }
  renameSync(partial, target);
}

/**
 * pg_restore in one transaction (all or nothing). `clean`: drop the objects the backup holds first
 * (the target has a schema already).
 */
export async function restorePostgres(
  url: string,
  source: string,
  env: Record<string, string | undefined>,
  options: { clean: boolean },
): Promise<void> {
  const tool = await findPgTool("pg_restore", env);
  const conn = pgConnection(url, env);
  const args = [
    "--single-transaction",
    "--exit-on-error",
    "--no-owner",
    "--no-privileges",
    ...(options.clean ? ["--clean", "--if-exists"] : []),
    `--dbname=${conn.url}`,
    source,
  ];
  const result = await run(tool.path, args, conn.env);
  if (result.code !== 0) {
    throw new AppError(
      "internal",
      {
        zh: `pg_restore 失败，目标数据库未改变：${tail(result.stderr)}`,
        en: `pg_restore failed, the target is unchanged: ${tail(result.stderr)}`,
      },
      { tool: tool.path },
    );
  }
}

/** SQLite's own page-by-page check of a database file: "ok", or what it found. */
export function checkSqliteIntegrity(file: string): string {
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    const fk = db.pragma("foreign_key_check") as unknown[];
    const found = rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
    if (fk.length > 0) found.push(`${fk.length} foreign keys point nowhere`);
    return found.length === 0 ? "ok" : found.slice(0, 10).join("; ");
  } finally {
    db.close();
  }
}
