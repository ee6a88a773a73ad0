// Whole tables, dialect-neutral: which tables a database holds (in the order they were created, so that
// a table comes after the tables its foreign keys point to), their row counts, every row, and putting
// rows back. Used to tell whether a restore target is empty, and by the tests that compare a database
// with its backup or carry data across migrations.

import { type Kysely, sql } from "kysely";
import { isPostgres } from "./dialect.ts";
import type { Database } from "./schema.ts";

export type Row = Record<string, unknown>;

export interface TableCount {
  table: string;
  rows: number;
}

/** PlanTrack's tables (not Kysely's bookkeeping), oldest first. */
export async function listDataTables(db: Kysely<Database>): Promise<string[]> {
  if (isPostgres(db)) {
    const result = await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname not like 'kysely_%'
      order by c.oid`.execute(db);
    return result.rows.map((r) => r.name);
  }
  const result = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
    order by rowid`.execute(db);
  return result.rows.map((r) => r.name);
}

export async function tableColumns(db: Kysely<Database>, table: string): Promise<string[]> {
  if (isPostgres(db)) {
    const result = await sql<{ name: string }>`
      select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
    return result.rows.map((r) => r.name);
  }
  const result = await sql<{
    name: string;
  }>`select name from pragma_table_info(${table}) order by cid`.execute(db);
  return result.rows.map((r) => r.name);
}

export async function tableRowCounts(db: Kysely<Database>): Promise<TableCount[]> {
  const out: TableCount[] = [];
  for (const table of await listDataTables(db)) {
    const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      db,
    );
    out.push({ table, rows: Number(result.rows[0]?.n ?? 0) });
  }
  return out;
}

/** Every row of a table, ordered by its id when it has one (else as the database returns them). */
export async function readTableRows(db: Kysely<Database>, table: string): Promise<Row[]> {
  const columns = await tableColumns(db, table);
  const order = columns.includes("id") ? sql`order by id` : sql``;
  const result = await sql<Row>`select * from ${sql.table(table)} ${order}`.execute(db);
  return result.rows;
}

/** Inserts rows as given (ids included), a few hundred to a statement. */
export async function insertTableRows(
  db: Kysely<Database>,
  table: string,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as Row);
  // SQLite allows 32766 bound values a statement; stay well under it on both dialects.
  const perStatement = Math.max(1, Math.floor(2000 / Math.max(1, columns.length)));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values = chunk.map((row) => sql`(${sql.join(columns.map((c) => row[c] ?? null))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))}) values ${sql.join(values)}`.execute(
      db,
    );
  }
}

/**
 * After rows were inserted with their ids: PostgreSQL's serial counters start past the largest id, so
 * the next insert does not collide (SQLite's autoincrement follows by itself).
 */
export async function resetIdSequences(db: Kysely<Database>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of await listDataTables(db)) {
    if (!(await tableColumns(db, table)).includes("id")) continue;
    const seq = await sql<{
      seq: string | null;
    }>`select pg_get_serial_sequence(${table}, 'id') as seq`.execute(db);
    const name = seq.rows[0]?.seq;
    if (!name) continue;
    await sql`select setval(${name}::regclass, coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
      db,
    );
  }
}

/** Foreign keys that point nowhere; SQLite checks them itself, PostgreSQL never lets one in. */
export async function foreignKeyViolations(db: Kysely<Database>): Promise<Row[]> {
  if (isPostgres(db)) return [];
  const result = await sql<Row>`pragma foreign_key_check`.execute(db);
  return result.rows;
}

/** The PostgreSQL server's major version (pg_dump must be at least as new). */
export async function postgresServerMajor(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(db);
  return Math.floor(Number(result.rows[0]?.v ?? 0) / 10000);
}
