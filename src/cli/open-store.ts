// The database the CLI works on, from the environment (DATABASE_URL, PLANTRACK_DB), migrated.

import { databaseConfigFromEnv, openDatabase, type Store } from "../db/database.ts";
import { type MigrationOutcome, migrateToLatest } from "../db/migrate.ts";
import type { CliIo } from "./cli-io.ts";

export async function openMigratedStore(io: CliIo): Promise<{ store: Store; migration: MigrationOutcome }> {
  const store = openDatabase(databaseConfigFromEnv(io.env, io.cwd));
  try {
    const migration = await migrateToLatest(store.db);
    return { store, migration };
  } catch (error) {
    await store.close();
    throw error;
  }
}
