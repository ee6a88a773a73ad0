// The database the CLI works on, from the environment (DATABASE_URL, PLANTRACK_DB), migrated.

import { attachAuditKey, auditKeySourceFromEnv } from "../db/audit-key.ts";
import { databaseConfigFromEnv, openDatabase, type Store } from "../db/database.ts";
import { type MigrationOutcome, migrateToLatest } from "../db/migrate.ts";
import type { CliIo } from "./cli-io.ts";

export async function openMigratedStore(io: CliIo): Promise<{ store: Store; migration: MigrationOutcome }> {
  const config = databaseConfigFromEnv(io.env, io.cwd);
  const store = openDatabase(config);
  // PLANTRACK_AUDIT_KEY, PLANTRACK_AUDIT_KEY_FILE, or audit.key beside the data: read when first needed.
  attachAuditKey(store.db, auditKeySourceFromEnv(config, io.env, io.cwd));
  try {
    const migration = await migrateToLatest(store.db);
    return { store, migration };
  } catch (error) {
    await store.close();
    throw error;
  }
}
