// The names a view shows beside ids — users and departments — read in one round trip (a report's
// answer needs both, and every round trip counts on the submission path).

import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

export interface NameRows {
  users: { id: number; username: string; display_name: string | null }[];
  departments: { id: number; name: string }[];
}

export async function listNames(
  db: Kysely<Database>,
  userIds: readonly number[],
  departmentIds: readonly number[],
): Promise<NameRows> {
  const users =
    userIds.length === 0
      ? null
      : db
          .selectFrom("users")
          .select([sql<string>`'u'`.as("kind"), "id", "username as name", "display_name as display"])
          .where("id", "in", [...userIds]);
  const departments =
    departmentIds.length === 0
      ? null
      : db
          .selectFrom("departments")
          .select([sql<string>`'d'`.as("kind"), "id", "name", sql<string | null>`null`.as("display")])
          .where("id", "in", [...departmentIds]);
  const query = users && departments ? users.unionAll(departments) : (users ?? departments);
  const rows = query ? await query.execute() : [];
  const out: NameRows = { users: [], departments: [] };
  for (const r of rows) {
    if (r.kind === "u") out.users.push({ id: r.id, username: r.name, display_name: r.display });
    else out.departments.push({ id: r.id, name: r.name });
  }
  return out;
}
