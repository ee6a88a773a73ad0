// Departments (责任单位) of a region.

import type { Kysely } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import type { Database, DepartmentRow } from "./schema.ts";

export interface NewDepartment {
  name: string;
  shortName?: string | null;
  fullName?: string | null;
}

export async function listDepartments(db: Kysely<Database>, regionId: number): Promise<DepartmentRow[]> {
  return db
    .selectFrom("departments")
    .selectAll()
    .where("region_id", "=", regionId)
    .orderBy("ord")
    .orderBy("id")
    .execute();
}

export async function getDepartmentsByIds(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<DepartmentRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("departments")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
}

/** The region's department called `name` (its plan name, short name or full name). */
export async function findDepartmentByName(
  db: Kysely<Database>,
  regionId: number,
  name: string,
): Promise<DepartmentRow | undefined> {
  return db
    .selectFrom("departments")
    .selectAll()
    .where("region_id", "=", regionId)
    .where((eb) => eb.or([eb("name", "=", name), eb("short_name", "=", name), eb("full_name", "=", name)]))
    .orderBy("id")
    .executeTakeFirst();
}

/** Adds the departments the region lacks (by name), in the given order; returns the region's list. */
export async function ensureDepartments(
  db: Kysely<Database>,
  actor: Actor,
  regionId: number,
  departments: readonly NewDepartment[],
): Promise<DepartmentRow[]> {
  return inTransaction(db, async (trx) => {
    const existing = await listDepartments(trx, regionId);
    const known = new Set(existing.map((d) => d.name));
    let ord = existing.reduce((max, d) => Math.max(max, d.ord), 0);
    const now = new Date().toISOString();
    for (const dept of departments) {
      if (known.has(dept.name)) continue;
      known.add(dept.name);
      const row = await trx
        .insertInto("departments")
        .values({
          region_id: regionId,
          name: dept.name,
          short_name: dept.shortName ?? null,
          full_name: dept.fullName ?? null,
          ord: ++ord,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: "department.create",
        entity: "department",
        entityId: row.id,
        after: row,
      });
    }
    return listDepartments(trx, regionId);
  });
}
