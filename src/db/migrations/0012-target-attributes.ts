// Issues 17 and 18: what an indicator table says of a target beyond its value. 属性 (约束性 binding /
// 预期性 expected) decides how strictly a target is judged and is printed in the documents; the base
// year and the target year place a five-year indicator's baseline and goal in time; 年均增长 is the
// table's own column, kept as written so that a plan judged by growth needs no re-reading.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("targets").addColumn("attribute", "text").execute();
  await db.schema.alterTable("targets").addColumn("baseline_year", "integer").execute();
  await db.schema.alterTable("targets").addColumn("target_year", "integer").execute();
  await db.schema.alterTable("targets").addColumn("annual_growth", "double precision").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ["annual_growth", "target_year", "baseline_year", "attribute"]) {
    await db.schema.alterTable("targets").dropColumn(column).execute();
  }
}
