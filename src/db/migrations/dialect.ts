// Migrations are shared by both dialects; the few statements that differ ask which one they run on.

import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from "kysely";
import { isPostgres } from "../dialect.ts";

export { isPostgres };

/** An integer primary key the database assigns: serial on PostgreSQL, autoincrement on SQLite. */
export function withId<T extends string>(db: Kysely<unknown>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn("id", "serial", (col: ColumnDefinitionBuilder) => col.primaryKey())
    : table.addColumn("id", "integer", (col: ColumnDefinitionBuilder) => col.primaryKey().autoIncrement());
}
