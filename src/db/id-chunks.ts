// Lists of ids for `where … in (…)`: one statement on PostgreSQL (a network round trip each, and its
// limit of 65,535 parameters is far), chunks of 500 on SQLite (in-process, and older builds allow
// only 999 parameters).

import type { Kysely } from "kysely";
import { isPostgres } from "./dialect.ts";
import type { Database } from "./schema.ts";

export function idChunks(db: Kysely<Database>, ids: readonly number[]): number[][] {
  const size = isPostgres(db) ? 30_000 : 500;
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
