// Where a database stands against the migrations this build knows: for readiness (a server must not
// take traffic on a schema it does not expect) and for the tests that migrate from each old version.

import type { Kysely } from "kysely";
import { AppError } from "../domain/app-error.ts";
import { createMigrator } from "./migrate.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

export interface MigrationStatus {
  /** Known migrations the database has run, in order. */
  applied: string[];
  /** Known migrations it has not run yet. */
  pending: string[];
  /** Migrations the database has run that this build does not know: a newer version wrote it. */
  unknown: string[];
}

/** Every migration this build knows, in the order they run. */
export function migrationNames(): string[] {
  return Object.keys(MIGRATIONS).sort();
}

export async function migrationStatus(db: Kysely<Database>): Promise<MigrationStatus> {
  const migrator = await createMigrator(db);
  const known = await migrator.getMigrations();
  const applied = known.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  const pending = known.filter((m) => m.executedAt === undefined).map((m) => m.name);
  // The bookkeeping table exists once anything was applied (an empty database has none to read).
  const recorded =
    applied.length > 0
      ? await db
          .withoutPlugins()
          .withTables<{ kysely_migration: { name: string } }>()
          .selectFrom("kysely_migration")
          .select("name")
          .execute()
      : [];
  const knownNames = new Set(known.map((m) => m.name));
  const unknown = recorded.map((r) => r.name).filter((name) => !knownNames.has(name));
  return { applied, pending, unknown };
}

/** Brings a database to exactly `name` (up or down): the tests' way to stand at an old version. */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  if (!(name in MIGRATIONS)) {
    throw new AppError(
      "not_found",
      { zh: `没有这个迁移：${name}`, en: `no such migration: ${name}` },
      { migration: name },
    );
  }
  const migrator = await createMigrator(db);
  const { error } = await migrator.migrateTo(name);
  if (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "internal",
      { zh: `数据库迁移失败：${name}：${cause}`, en: `migration failed: ${name}: ${cause}` },
      {
        migration: name,
      },
    );
  }
}
