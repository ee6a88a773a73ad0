// Bulk writes of the generator (plantrack generate): rows with ids chosen by the caller, inserted many
// to a statement in batches that stay under both dialects' parameter limits. Ids are assigned up front
// (max(id) + 1 …) so that one pass can write parents and children without reading ids back; PostgreSQL's
// sequences are moved past them afterwards so that ordinary inserts carry on from there.

import { type Insertable, type Kysely, sql } from "kysely";
import { isPostgres } from "./dialect.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

/** The tables the generator fills whose ids it assigns. */
export const GENERATED_ID_TABLES = [
  "regions",
  "departments",
  "users",
  "plans",
  "plan_sources",
  "outline_nodes",
  "targets",
  "items",
  "target_period_plans",
  "reports",
  "report_revisions",
  "reminders",
  "extension_requests",
] as const satisfies readonly (keyof Database)[];

export type GeneratedIdTable = (typeof GENERATED_ID_TABLES)[number];

/** SQLite allows 32,766 bound parameters a statement, PostgreSQL 65,535: stay under both. */
const MAX_PARAMETERS = 30_000;

export async function regionCodeExists(db: Db, code: string): Promise<boolean> {
  const row = await db.selectFrom("regions").select("id").where("code", "=", code).executeTakeFirst();
  return row !== undefined;
}

export async function usernamesTaken(db: Db, usernames: readonly string[]): Promise<string[]> {
  const taken: string[] = [];
  for (let i = 0; i < usernames.length; i += 500) {
    const rows = await db
      .selectFrom("users")
      .select("username")
      .where("username", "in", usernames.slice(i, i + 500))
      .execute();
    taken.push(...rows.map((r) => r.username));
  }
  return taken;
}

/** The highest id of each table (0 when empty): the generator numbers its rows from the next one. */
export async function highestIds(db: Db): Promise<Record<GeneratedIdTable, number>> {
  const out = {} as Record<GeneratedIdTable, number>;
  for (const table of GENERATED_ID_TABLES) {
    const row = await sql<{ n: number | null }>`select max(id) as n from ${sql.table(table)}`.execute(db);
    out[table] = Number(row.rows[0]?.n ?? 0);
  }
  return out;
}

/**
 * Locks the generated tables against other writers until the transaction ends (PostgreSQL): ids
 * chosen from max(id) stay free. SQLite's write transaction already excludes every other writer.
 */
export async function lockForBulkLoad(db: Db): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`lock table ${sql.join(GENERATED_ID_TABLES.map((t) => sql.table(t)))} in exclusive mode`.execute(
    db,
  );
}

const columnTypes = new WeakMap<Db, Map<string, Map<string, string>>>();

/** PostgreSQL's array type for each column of a table (int4[], text[] …), read once per connection pool. */
async function arrayTypesOf(db: Db, table: string): Promise<Map<string, string>> {
  let byTable = columnTypes.get(db);
  if (!byTable) {
    byTable = new Map();
    columnTypes.set(db, byTable);
  }
  const known = byTable.get(table);
  if (known) return known;
  const result = await sql<{ name: string; udt: string }>`
    select column_name as name, udt_name as udt from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(db);
  const types = new Map(result.rows.map((r) => [r.name, `${r.udt}[]`]));
  byTable.set(table, types);
  return types;
}

/**
 * PostgreSQL: one array parameter a column, unnested into rows — the statement stays small however
 * many rows it carries, which parses and plans several times faster than thousands of VALUES tuples.
 */
async function insertManyPostgres(
  db: Db,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const columns = Object.keys(rows[0] as Record<string, unknown>);
  const types = await arrayTypesOf(db, table);
  const batch = 20_000;
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const arrays = columns.map((c) => {
      const type = types.get(c);
      if (!type) throw new Error(`${table}.${c}: no such column`);
      return sql`${chunk.map((r) => r[c] ?? null)}::${sql.raw(type)}`;
    });
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      select * from unnest(${sql.join(arrays)})`.execute(db);
  }
}

/** Inserts rows many to a statement; every row must have the same columns. */
export async function insertMany<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  if (isPostgres(db)) return insertManyPostgres(db, table, rows as readonly Record<string, unknown>[]);
  const columns = Object.keys(first).length;
  const batch = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    // Kysely's insert types cannot follow a table chosen by a type parameter; the rows are typed above.
    await db
      .insertInto(table)
      .values(chunk as never)
      .execute();
  }
}

/** After ids were given explicitly: PostgreSQL's sequences continue after the highest one. */
export async function advanceIdSequences(db: Db): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of GENERATED_ID_TABLES) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest(coalesce((select max(id) from ${sql.table(table)}), 0), 1), (select count(*) > 0 from ${sql.table(table)}))`.execute(
      db,
    );
  }
}

/** Rows per table, for the run's summary. */
export async function countRows(
  db: Db,
  tables: readonly (keyof Database & string)[],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    out[table] = Number(row.rows[0]?.n ?? 0);
  }
  return out;
}

/**
 * Every row of a table in id order, for comparing two databases (the generator's determinism test and
 * the scale benches' checks). Reads in pages so that big tables need not fit in memory at once.
 */
export async function* tableRowsInOrder(
  db: Db,
  table: keyof Database & string,
  orderBy: string = "id",
  page = 5000,
): AsyncGenerator<Record<string, unknown>[]> {
  let offset = 0;
  for (;;) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.raw(
      orderBy
        .split(",")
        .map((c) => `"${c.trim().replace(/"/g, "")}"`)
        .join(", "),
    )} limit ${page} offset ${offset}`.execute(db);
    if (result.rows.length === 0) return;
    yield result.rows;
    offset += result.rows.length;
  }
}
