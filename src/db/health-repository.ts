// The database answers at all (GET /api/health), and an SQLite database's files are still the ones
// this process opened (readiness).

import { type Kysely, sql } from "kysely";
import { AppError, type LocalText } from "../domain/app-error.ts";
import { databaseFileState } from "./database.ts";
import type { Database } from "./schema.ts";

/** A trivial round trip; throws when the database cannot be reached or its files went away. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
  const { problem } = databaseFileState(db);
  if (problem) throw new AppError("internal", problem);
}

/** SQLite: a database file or WAL deleted or replaced under the process, and -shm trouble. */
export function databaseFiles(db: Kysely<Database>): { problem: LocalText | null; warnings: LocalText[] } {
  return databaseFileState(db);
}
