// Regions (行政区划): a GB/T 2260 code, a name, a parent.

import type { Kysely } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import type { Database, RegionRow } from "./schema.ts";

export interface NewRegion {
  name: string;
  code: string | null;
  parentId?: number | null;
  level?: string | null;
}

export async function getRegion(db: Kysely<Database>, id: number): Promise<RegionRow | undefined> {
  return db.selectFrom("regions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findRegionByCode(db: Kysely<Database>, code: string): Promise<RegionRow | undefined> {
  return db.selectFrom("regions").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function findRegionsByName(db: Kysely<Database>, name: string): Promise<RegionRow[]> {
  return db.selectFrom("regions").selectAll().where("name", "=", name).orderBy("id").execute();
}

export async function listRegions(db: Kysely<Database>): Promise<RegionRow[]> {
  return db.selectFrom("regions").selectAll().orderBy("code").orderBy("id").execute();
}

export async function createRegion(
  db: Kysely<Database>,
  actor: Actor,
  region: NewRegion,
): Promise<RegionRow> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("regions")
      .values({
        name: region.name,
        code: region.code,
        parent_id: region.parentId ?? null,
        level: region.level ?? null,
        created_at: new Date().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: "region.create",
      entity: "region",
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

/** The region with this code, created when missing (seeds and imports use it). */
export async function ensureRegion(
  db: Kysely<Database>,
  actor: Actor,
  region: NewRegion,
): Promise<RegionRow> {
  return inTransaction(db, async (trx) => {
    if (region.code) {
      const existing = await findRegionByCode(trx, region.code);
      if (existing) return existing;
    }
    return createRegion(trx, actor, region);
  });
}

/** Every region's id and parent, for working out whose regions a user may see or edit. */
export async function listRegionLinks(
  db: Kysely<Database>,
): Promise<{ id: number; parentId: number | null }[]> {
  return db.selectFrom("regions").select(["id", "parent_id as parentId"]).execute();
}

/** The ids of every region, in the database's order. */
export async function listRegionIds(db: Kysely<Database>): Promise<number[]> {
  return (await db.selectFrom("regions").select("id").execute()).map((r) => r.id);
}
