import { PostgresAdapter, type QueryExecutor } from "kysely";

/** For the few statements that differ between dialects (migrations, locks). */
export function isPostgres(db: { getExecutor(): QueryExecutor }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
