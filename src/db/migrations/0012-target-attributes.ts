// Issues 17 and 18: what an indicator table says of a target beyond its value. 属性 (约束性 binding /
// 预期性 expected) decides how strictly a target is judged and is printed in the documents; the base
// year and the target year place a five-year indicator's baseline and goal in time; 年均增长 is the
// table's own column, kept as written so that a plan judged by growth needs no re-reading.

import type { Kysely } from "kysely";
import { statementsOf } from "../../extract/target-statement.ts";

/** The columns the backfill reads and writes, as this migration finds them. */
interface BackfillTables {
  plan_sources: { plan_id: number; text: string };
  targets: {
    id: number;
    plan_id: number;
    kind: string;
    span_start: number;
    span_end: number;
    statement: string | null;
  };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("targets").addColumn("attribute", "text").execute();
  await db.schema.alterTable("targets").addColumn("baseline_year", "integer").execute();
  await db.schema.alterTable("targets").addColumn("target_year", "integer").execute();
  await db.schema.alterTable("targets").addColumn("annual_growth", "double precision").execute();
  // The clause that states the target (新增就业4万人), as the text writes it; null where none is its own.
  await db.schema.alterTable("targets").addColumn("statement", "text").execute();
  await backfillStatements(db as unknown as Kysely<BackfillTables>);
}

/** Plans imported before this migration get their targets' clauses from their stored source text. */
async function backfillStatements(db: Kysely<BackfillTables>): Promise<void> {
  const sources = await db.selectFrom("plan_sources").select(["plan_id", "text"]).execute();
  for (const source of sources) {
    const targets = await db
      .selectFrom("targets")
      .select(["id", "span_start", "span_end"])
      .where("plan_id", "=", source.plan_id)
      .where("kind", "!=", "milestone")
      .orderBy("span_start")
      .execute();
    const quotes = statementsOf(
      source.text,
      targets.map((t) => ({ start: t.span_start, end: t.span_end })),
    );
    for (const [i, t] of targets.entries()) {
      const statement = quotes[i] ?? null;
      if (statement !== null)
        await db.updateTable("targets").set({ statement }).where("id", "=", t.id).execute();
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ["statement", "annual_growth", "target_year", "baseline_year", "attribute"]) {
    await db.schema.alterTable("targets").dropColumn(column).execute();
  }
}
