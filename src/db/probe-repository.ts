// The smallest write a request can make: one row into app_settings, no audit, no checks. Used only by
// the load benchmarks' bare server (bench/ceiling-server.ts) as the ceiling a real request is measured
// against, on a scratch database that is dropped afterwards.

import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

export async function insertProbeRow(
  db: Kysely<Database>,
  key: string,
  value: string,
  at: string,
): Promise<void> {
  await db
    .insertInto("app_settings")
    .values({ key: `bench.ceiling.${key}`, value, updated_at: at })
    .execute();
}
