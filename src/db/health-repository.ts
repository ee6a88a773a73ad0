// The database answers at all (GET /api/health).

import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/** A trivial round trip; throws when the database cannot be reached. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
