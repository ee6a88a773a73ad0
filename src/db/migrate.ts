// Brings a database to the newest schema; used on start and by `plantrack migrate`.

import { type Kysely, Migrator, sql } from "kysely";
import { AppError } from "../domain/app-error.ts";
import { isPostgres } from "./dialect.ts";
import { staticMigrationProvider } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

export interface MigrationOutcome {
  /** Names of the migrations this call applied, in order (empty when already up to date). */
  applied: string[];
}

/**
 * Kysely looks for its bookkeeping tables in every schema of a PostgreSQL database; naming the schema
 * the connection works in (its search_path) keeps two PlanTrack schemas in one database apart.
 */
export async function createMigrator(db: Kysely<Database>): Promise<Migrator> {
  if (!isPostgres(db)) return new Migrator({ db, provider: staticMigrationProvider });
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = result.rows[0]?.schema;
  return new Migrator({
    db,
    provider: staticMigrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationOutcome> {
  const migrator = await createMigrator(db);
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  if (error) {
    const failed = (results ?? []).find((r) => r.status === "Error")?.migrationName ?? "?";
    const cause = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "internal",
      { zh: `数据库迁移失败：${failed}：${cause}`, en: `migration failed: ${failed}: ${cause}` },
      {
        migration: failed,
      },
    );
  }
  return { applied };
}

export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const migrator = await createMigrator(db);
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
