// Departments (责任单位) of a region.

import type { Insertable, Kysely, Updateable } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import type { Database, DepartmentRow, DepartmentsTable } from "./schema.ts";

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

export async function getDepartment(db: Kysely<Database>, id: number): Promise<DepartmentRow | undefined> {
  return db.selectFrom("departments").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Ids and names of a region's departments, in the database's order. */
export async function listDepartmentNamesOfRegion(
  db: Kysely<Database>,
  regionId: number,
): Promise<{ id: number; name: string }[]> {
  return db.selectFrom("departments").select(["id", "name"]).where("region_id", "=", regionId).execute();
}

/** The id of the region's department with exactly this name, if any. */
export async function findDepartmentIdByExactName(
  db: Kysely<Database>,
  regionId: number,
  name: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom("departments")
    .select("id")
    .where("region_id", "=", regionId)
    .where("name", "=", name)
    .executeTakeFirst();
  return row?.id;
}

export interface DepartmentListRow {
  id: number;
  region_id: number;
  region_name: string;
  name: string;
  short_name: string | null;
  full_name: string | null;
  disabled: number;
  user_count: number | null;
}

/** Every department with its region's name and how many users belong to it. */
export async function listDepartmentsWithUserCounts(db: Kysely<Database>): Promise<DepartmentListRow[]> {
  return db
    .selectFrom("departments")
    .innerJoin("regions", "regions.id", "departments.region_id")
    .select([
      "departments.id",
      "departments.region_id",
      "regions.name as region_name",
      "departments.name",
      "departments.short_name",
      "departments.full_name",
      "departments.disabled",
      (eb) =>
        eb
          .selectFrom("users")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("users.department_id", "=", "departments.id")
          .as("user_count"),
    ])
    .orderBy("departments.region_id")
    .orderBy("departments.ord")
    .orderBy("departments.id")
    .execute();
}

/** The highest `ord` among a region's departments (null when it has none). */
export async function maxDepartmentOrd(
  db: Kysely<Database>,
  regionId: number,
): Promise<number | null | undefined> {
  const last = await db
    .selectFrom("departments")
    .select((eb) => eb.fn.max("ord").as("ord"))
    .where("region_id", "=", regionId)
    .executeTakeFirst();
  return last?.ord;
}

export async function insertDepartmentRow(
  db: Kysely<Database>,
  row: Insertable<DepartmentsTable>,
): Promise<DepartmentRow> {
  return db.insertInto("departments").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateDepartmentRow(
  db: Kysely<Database>,
  id: number,
  changes: Updateable<DepartmentsTable>,
): Promise<void> {
  await db.updateTable("departments").set(changes).where("id", "=", id).execute();
}
