// Backup and restore, end to end through the CLI: a database with the demo installation (plan, users,
// a year of reports, the audit log) is backed up while it is open, restored into a fresh database, and
// compared table by table, row by row; the audit chain verifies afterwards.

import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { type AuditKeySource, attachAuditKey } from "../db/audit-key.ts";
import { findPgTool } from "../db/backup.ts";
import { type DatabaseConfig, openDatabase, type Store } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { listDataTables, type Row, readTableRows } from "../db/table-dump-repository.ts";
import { isAppError } from "../domain/app-error.ts";
import { verifyAudit } from "../services/user-admin.ts";
import { useCliSandbox } from "../test/cli-sandbox.ts";
import { seedDemoWorld } from "../test/demo-world.ts";
import { CJK, mixedLines } from "../test/mixed-language.ts";
import { testDatabaseUrl } from "../test/test-databases.ts";
import type { CliIo } from "./cli-io.ts";
import { runCli } from "./run-cli.ts";

async function everyRow(store: Store): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  for (const table of await listDataTables(store.db)) out.set(table, await readTableRows(store.db, table));
  return out;
}

/** The restored database equals the original except for the one audit row the restore appends. */
async function expectSameData(original: Store, restored: Store): Promise<void> {
  const before = await everyRow(original);
  const after = await everyRow(restored);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [table, rows] of before) {
    const got = after.get(table) ?? [];
    if (table === "audit_log") {
      expect(got.slice(0, rows.length), table).toEqual(rows);
      expect(got.slice(rows.length).map((r) => r.action)).toEqual(["database.restore"]);
    } else {
      expect(got, table).toEqual(rows);
    }
  }
  const audit = await verifyAudit(restored.db);
  expect(audit.ok).toBe(true);
  expect(audit.checked).toBe((before.get("audit_log")?.length ?? 0) + 1);
}

const inEnglish = (io: CliIo): CliIo => ({ ...io, env: { ...io.env, PLANTRACK_LANG: "en" } });

async function cli(io: CliIo, out: string[], args: string[]): Promise<{ code: number; text: string }> {
  out.splice(0);
  const code = await runCli(args, io);
  return { code, text: out.join("") };
}

describe("plantrack backup and restore on SQLite", () => {
  const sandbox = useCliSandbox("plantrack-backup-");

  it("back up an open database with its latest writes, restore it into a fresh file, every row equal", async () => {
    const { dir, dbFile, io, out } = sandbox();
    const source = openDatabase({ dialect: "sqlite", file: dbFile });
    try {
      await migrateToLatest(source.db);
      const world = await seedDemoWorld(source.db);
      expect(world.revisions).toBeGreaterThan(100);
      const backupFile = join(dir, "backups", "plantrack-1.db");
      // The source stays open, as under a running server: its latest pages are still in the WAL file.
      const backup = await cli(io, out, ["backup", backupFile]);
      expect(backup.text).toContain(`已备份：${backupFile}`);
      expect(backup.code).toBe(0);
      expect(backup.text).toMatch(/^ {2}SQLite，[\d.]+ MB，\d+ 个表，\d+ 行，\d+ ms$/m);
      expect(backup.text).toMatch(/sha256 [0-9a-f]{64}/);
      expect(backup.text).toContain("审计密钥不在备份中");
      expect(mixedLines(backup.text)).toEqual([]);

      const again = await cli(io, out, ["backup", backupFile]);
      expect(again.code).toBe(4);
      expect(again.text).toContain("--force");
      const english = await cli(inEnglish(io), out, ["backup", backupFile, "--force"]);
      expect(english.code).toBe(0);
      expect(english.text).toMatch(/^backed up: .*\n {2}SQLite, [\d.]+ MB, \d+ tables, \d+ rows, \d+ ms$/m);
      expect(english.text).toContain("the audit key is not in the backup");
      expect(english.text).not.toMatch(CJK);

      const freshFile = join(dir, "fresh", "restored.db");
      // The audit key is not in a backup: it goes back beside the database on its own.
      mkdirSync(join(dir, "fresh"), { recursive: true });
      copyFileSync(join(dir, "audit.key"), join(dir, "fresh", "audit.key"));
      const freshIo = { ...io, env: { ...io.env, PLANTRACK_DB: freshFile } };
      const restore = await cli(freshIo, out, ["restore", backupFile]);
      expect(restore.code, restore.text).toBe(0);
      expect(restore.text).toMatch(/^ {2}审计日志完整：核对了 \d+ 行$/m);
      expect(restore.text).toMatch(/^表 +行数$/m);
      expect(mixedLines(restore.text)).toEqual([]);
      const restored = openDatabase({ dialect: "sqlite", file: freshFile });
      try {
        await expectSameData(source, restored);
      } finally {
        await restored.close();
      }

      // A second restore onto the now full database is refused and changes nothing …
      const refused = await cli(inEnglish(freshIo), out, ["restore", backupFile]);
      expect(refused.code).toBe(4);
      expect(refused.text).toMatch(/holds data .*--force/);
      // … unless forced; the restore is then audited once more.
      const forced = await cli(inEnglish(freshIo), out, ["restore", backupFile, "--force"]);
      expect(forced.code, forced.text).toBe(0);
      expect(forced.text).toMatch(/^ {2}the audit log is whole: \d+ rows checked$/m);
      expect(forced.text).toMatch(/^table +rows$/m);
      const again2 = openDatabase({ dialect: "sqlite", file: freshFile });
      try {
        await expectSameData(source, again2);
      } finally {
        await again2.close();
      }
    } finally {
      await source.close();
    }
  }, 180_000);

  it("refuse what is not a backup, a missing file and a database of the other kind", async () => {
    const { dir, io: zhIo, out } = sandbox();
    // In English: the checks below read the English words of the messages.
    const io = inEnglish(zhIo);
    const junk = join(dir, "junk.db");
    writeFileSync(junk, "这不是数据库 / not a database");
    const notBackup = await cli(io, out, ["restore", junk]);
    expect(notBackup.code).toBe(2);
    expect(notBackup.text).toContain("not a PlanTrack backup");
    const missing = await cli(io, out, ["restore", join(dir, "nope.db")]);
    expect(missing.code).toBe(3);
    const dump = join(dir, "pg.dump");
    writeFileSync(dump, "PGDMP\u0001\u000e\u0000");
    const other = await cli(io, out, ["restore", dump]);
    expect(other.code).toBe(2);
    expect(other.text).toContain("postgres backup and the target is sqlite");
    const noSource = await cli({ ...io, env: { PLANTRACK_DB: join(dir, "absent.db") } }, out, [
      "backup",
      join(dir, "b.db"),
    ]);
    expect(noSource.code).toBe(3);
    expect((await cli(io, out, ["backup"])).code).toBe(2);
  });

  it("leave the target unchanged when the backup is damaged", async () => {
    const { dir, dbFile, io, out } = sandbox();
    const source = openDatabase({ dialect: "sqlite", file: dbFile });
    await migrateToLatest(source.db);
    await seedDemoWorld(source.db);
    await source.close();
    const backupFile = join(dir, "b.db");
    expect((await cli(io, out, ["backup", backupFile])).code).toBe(0);
    // Damage pages in the middle of the copy; keep the header so it still looks like SQLite.
    const bytes = readFileSync(backupFile);
    bytes.fill(0x5a, 8192, bytes.length - 8192);
    writeFileSync(backupFile, bytes);
    const before = openDatabase({ dialect: "sqlite", file: dbFile });
    const rowsBefore = await everyRow(before);
    await before.close();
    const result = await cli(inEnglish(io), out, ["restore", backupFile, "--force"]);
    expect(result.code).not.toBe(0);
    expect(result.text).toMatch(/damaged|malformed|not a database/);
    const after = openDatabase({ dialect: "sqlite", file: dbFile });
    try {
      expect(await everyRow(after)).toEqual(rowsBefore);
    } finally {
      await after.close();
    }
  }, 180_000);
});

const pgUrl = testDatabaseUrl();

describe.runIf(pgUrl)("plantrack backup and restore on PostgreSQL", () => {
  const sandbox = useCliSandbox("plantrack-backup-pg-");

  async function withDatabases<T>(names: string[], fn: (urls: string[]) => Promise<T>): Promise<T> {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      for (const name of names) await admin.query(`create database ${name}`);
      return await fn(
        names.map((name) => {
          const u = new URL(pgUrl as string);
          u.pathname = `/${name}`;
          return u.toString();
        }),
      );
    } finally {
      for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }

  it("dump a database with the demo data, restore it into a fresh database, every row equal", async () => {
    const { dir, io, out } = sandbox();
    const tag = `${process.pid}_${Date.now()}`;
    await withDatabases([`plantrack_f_src_${tag}`, `plantrack_f_dst_${tag}`], async ([srcUrl, dstUrl]) => {
      const srcConfig: DatabaseConfig = { dialect: "postgres", url: srcUrl as string };
      const source = openDatabase(srcConfig);
      // The audit key is kept outside the database: every store and command here is given the same.
      const hex = randomBytes(32).toString("hex");
      const key: AuditKeySource = { kind: "hex", hex, setting: "PLANTRACK_AUDIT_KEY" };
      attachAuditKey(source.db, key);
      try {
        await migrateToLatest(source.db);
        await seedDemoWorld(source.db);
        const backupFile = join(dir, "plantrack.dump");
        const backup = await cli({ ...io, env: { ...process.env, DATABASE_URL: srcUrl } }, out, [
          "backup",
          backupFile,
        ]);
        expect(backup.code, backup.text).toBe(0);
        expect(backup.text).toContain("pg_dump -Fc");

        const dstIo = { ...io, env: { ...process.env, DATABASE_URL: dstUrl, PLANTRACK_AUDIT_KEY: hex } };
        const restore = await cli(dstIo, out, ["restore", backupFile]);
        expect(restore.code, restore.text).toBe(0);
        const restored = openDatabase({ dialect: "postgres", url: dstUrl as string });
        attachAuditKey(restored.db, key);
        try {
          await expectSameData(source, restored);
        } finally {
          await restored.close();
        }
        const refused = await cli(dstIo, out, ["restore", backupFile]);
        expect(refused.code).toBe(4);
        const forced = await cli(dstIo, out, ["restore", backupFile, "--force"]);
        expect(forced.code, forced.text).toBe(0);
        const again = openDatabase({ dialect: "postgres", url: dstUrl as string });
        attachAuditKey(again.db, key);
        try {
          await expectSameData(source, again);
        } finally {
          await again.close();
        }
        const sqliteBackup = await cli({ ...io, env: { ...process.env, DATABASE_URL: srcUrl } }, out, [
          "restore",
          join(dir, "x.db"),
        ]);
        expect(sqliteBackup.code).toBe(3);
      } finally {
        await source.close();
      }
    });
  }, 180_000);

  it("find pg_dump on PATH or in the versions folder, and say clearly when it is nowhere", async () => {
    const { dir } = sandbox();
    const found = await findPgTool("pg_dump", { PATH: process.env.PATH });
    expect(found.major).toBeGreaterThanOrEqual(10);
    const fallback = await findPgTool("pg_restore", { PATH: dir });
    expect(fallback.path).toMatch(/pg_restore$/);
    // The message in the language the CLI prints: English words are checked here, in either form.
    const missing = await findPgTool("pg_dump", { PATH: dir }, join(dir, "no-versions")).catch(
      (error: unknown) => error,
    );
    expect(isAppError(missing) && missing.messageIn("en")).toMatch(/pg_dump not found.*PLANTRACK_PG_BIN/);
  });
});
