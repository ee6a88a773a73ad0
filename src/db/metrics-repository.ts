// What /metrics reads from the database at scrape time: two grouped counts, each one indexed or small
// (plans are few; reports are counted by state in one pass).

import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

export interface StateCount {
  state: string;
  count: number;
}

export async function countReportsByState(db: Kysely<Database>): Promise<StateCount[]> {
  const rows = await db
    .selectFrom("reports")
    .select((eb) => ["state", eb.fn.countAll<number>().as("count")])
    .groupBy("state")
    .execute();
  return rows.map((r) => ({ state: r.state, count: Number(r.count) }));
}

export async function countPlansByState(db: Kysely<Database>): Promise<StateCount[]> {
  const rows = await db
    .selectFrom("plans")
    .select((eb) => ["state", eb.fn.countAll<number>().as("count")])
    .groupBy("state")
    .execute();
  return rows.map((r) => ({ state: r.state, count: Number(r.count) }));
}
