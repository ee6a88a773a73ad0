// Fresh, migrated databases for tests, on every dialect this machine offers: SQLite always (in memory),
// PostgreSQL too when PLANTRACK_TEST_DATABASE_URL is set. Each PostgreSQL database is a schema of its
// own, dropped afterwards, so test files run in parallel against one server.

import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { type DialectName, openDatabase, type Store } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";

export function testDatabaseUrl(): string | undefined {
  return process.env.PLANTRACK_TEST_DATABASE_URL?.trim() || undefined;
}

/** The dialects to run repository tests on: ["sqlite"] or ["sqlite", "postgres"]. */
export function testDialects(): DialectName[] {
  return testDatabaseUrl() ? ["sqlite", "postgres"] : ["sqlite"];
}

export async function createTestDatabase(
  dialect: DialectName,
  options: { migrate?: boolean } = {},
): Promise<Store> {
  const migrate = options.migrate ?? true;
  if (dialect === "sqlite") {
    const store = openDatabase({ dialect: "sqlite", file: ":memory:" });
    if (migrate) await migrateToLatest(store.db);
    return store;
  }
  const url = testDatabaseUrl();
  if (!url) throw new Error("PLANTRACK_TEST_DATABASE_URL is not set");
  const schema = `t_${process.pid}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const store = openDatabase({ dialect: "postgres", url, schema });
  const close = async () => {
    await store.close();
    const cleaner = new pg.Client({ connectionString: url });
    await cleaner.connect();
    try {
      await cleaner.query(`drop schema if exists ${schema} cascade`);
    } finally {
      await cleaner.end();
    }
  };
  const wrapped: Store = { ...store, location: `${store.location} (schema ${schema})`, close };
  try {
    if (migrate) await migrateToLatest(wrapped.db);
  } catch (error) {
    await close();
    throw error;
  }
  return wrapped;
}

/**
 * Empties every table of a PostgreSQL test database (ids restart). audit_log and report_revisions
 * refuse TRUNCATE (migration 0006); the tests' superuser switches triggers off for the statement.
 */
async function truncateAll(store: Store): Promise<void> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(
    store.db,
  );
  await truncateTestTables(
    store,
    tables.rows.map((t) => t.name),
  );
}

/** TRUNCATE … RESTART IDENTITY CASCADE for tests, past the triggers that refuse it (PostgreSQL only). */
export async function truncateTestTables(store: Store, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await store.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))} restart identity cascade`.execute(
      trx,
    );
  });
}

/**
 * Registers hooks that give each test an empty, migrated database, and call the returned function
 * inside a test to get it. SQLite: a new in-memory database per test. PostgreSQL: one schema per file
 * (migrating is the slow part), emptied before each test, dropped after the file.
 */
export function useTestDatabase(dialect: DialectName): () => Store {
  let store: Store | null = null;
  if (dialect === "postgres") {
    beforeAll(async () => {
      store = await createTestDatabase(dialect);
    });
    beforeEach(async () => {
      if (store) await truncateAll(store);
    });
    afterAll(async () => {
      await store?.close();
      store = null;
    });
  } else {
    beforeEach(async () => {
      store = await createTestDatabase(dialect);
    });
    afterEach(async () => {
      await store?.close();
      store = null;
    });
  }
  return () => {
    if (!store) throw new Error("the test database is open only inside a test");
    return store;
  };
}
