// Whether the database answers, is migrated and still has its files, and what /metrics counts in it:
// the health routes and the metrics endpoint ask here rather than a repository.

import type { Kysely } from "kysely";
import * as health from "../db/health-repository.ts";
import { countPlansByState, countReportsByState, type StateCount } from "../db/metrics-repository.ts";
import * as migrations from "../db/migration-status.ts";
import type { Database } from "../db/schema.ts";
import type { LocalText } from "../domain/app-error.ts";

type Db = Kysely<Database>;

/** A trivial round trip; throws when the database cannot be reached or its files went away. */
export async function pingDatabase(db: Db): Promise<void> {
  await health.pingDatabase(db);
}

/** SQLite: a database file or WAL deleted or replaced under the process, and -shm trouble. */
export function databaseFiles(db: Db): { problem: LocalText | null; warnings: LocalText[] } {
  return health.databaseFiles(db);
}

/** Which migrations the database has run, which it lacks, and which this build does not know. */
export async function migrationStatus(db: Db): Promise<migrations.MigrationStatus> {
  return migrations.migrationStatus(db);
}

/** Reports and plans by state, after checking the database answers at all (throws when not). */
export async function stateCounts(db: Db): Promise<{ reports: StateCount[]; plans: StateCount[] }> {
  await health.pingDatabase(db);
  const [reports, plans] = await Promise.all([countReportsByState(db), countPlansByState(db)]);
  return { reports, plans };
}
