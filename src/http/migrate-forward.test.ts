// Upgrading from every released schema version. For each prefix of the migration list (0001, 0001–0002,
// …): stand a database at that version, fill it with the demo installation as far as that version can
// hold it (every table and column it has, values as the current app wrote them), migrate to the latest,
// and check that every value came through, foreign keys hold, the audit chain verifies, the plan's
// status reads exactly as on a database that was always current, and the app takes new reports.
// Generic over the list: a new migration is tested from every older version without editing this file.
// A migration that deliberately rewrites values must list the columns it changes in REWRITTEN.

import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HealthReadyResponse } from "../contract/health.ts";
import type { Store } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { migrateTo, migrationNames, migrationStatus } from "../db/migration-status.ts";
import {
  foreignKeyViolations,
  insertTableRows,
  listDataTables,
  type Row,
  readTableRows,
  resetIdSequences,
  tableColumns,
} from "../db/table-dump-repository.ts";
import { planStatus } from "../services/plan-status.ts";
import { DEMO_AS_OF } from "../services/seed-demo-reports.ts";
import { verifyAudit } from "../services/user-admin.ts";
import { signIn, TEST_AUTH } from "../test/auth-helpers.ts";
import { seedDemoWorld } from "../test/demo-world.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { createTestDatabase, testDialects } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

/** "table.column" values a migration rewrites on purpose (none so far). */
const REWRITTEN: ReadonlySet<string> = new Set<string>();

interface Reference {
  store: Store;
  planId: number;
  tables: string[];
  columns: Map<string, string[]>;
  rows: Map<string, Row[]>;
  status: Awaited<ReturnType<typeof planStatus>>;
}

function project(rows: readonly Row[], columns: readonly string[]): Row[] {
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
}

describe.each(testDialects())("migrating from each released version on %s", (dialect) => {
  let ref: Reference;

  beforeAll(async () => {
    const store = await createTestDatabase(dialect);
    const world = await seedDemoWorld(store.db);
    const tables = await listDataTables(store.db);
    const columns = new Map<string, string[]>();
    const rows = new Map<string, Row[]>();
    for (const table of tables) {
      columns.set(table, await tableColumns(store.db, table));
      rows.set(table, await readTableRows(store.db, table));
    }
    ref = {
      store,
      planId: world.planId,
      tables,
      columns,
      rows,
      status: await planStatus(store.db, world.planId, DEMO_AS_OF),
    };
  }, 120_000);

  afterAll(async () => {
    await ref?.store.close();
  });

  it("know every migration, in order", () => {
    const names = migrationNames();
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(names[0]).toBe("0001-initial");
    expect([...names].sort()).toEqual(names);
  });

  const names = migrationNames();
  names.forEach((version, index) => {
    it(`carry the data of version ${version} to the latest`, async () => {
      const store = await createTestDatabase(dialect, { migrate: false });
      let app: FastifyInstance | null = null;
      try {
        await migrateTo(store.db, version);
        expect((await migrationStatus(store.db)).applied).toEqual(names.slice(0, index + 1));

        // Fill it: every table and column this version has, in the order the tables were created.
        const present = new Set(await listDataTables(store.db));
        const oldColumns = new Map<string, string[]>();
        await store.db.transaction().execute(async (trx) => {
          for (const table of ref.tables) {
            if (!present.has(table)) continue;
            const columns = await tableColumns(trx, table);
            oldColumns.set(table, columns);
            await insertTableRows(trx, table, project(ref.rows.get(table) ?? [], columns));
          }
        });
        await resetIdSequences(store.db);
        expect(oldColumns.size).toBeGreaterThan(10);

        const { applied } = await migrateToLatest(store.db);
        expect(applied).toEqual(names.slice(index + 1));
        expect(await migrationStatus(store.db)).toEqual({ applied: names, pending: [], unknown: [] });

        // Every value that was there is still there.
        for (const [table, columns] of oldColumns) {
          const latest = new Set(await tableColumns(store.db, table));
          const kept = columns.filter((c) => latest.has(c) && !REWRITTEN.has(`${table}.${c}`));
          const got = project(await readTableRows(store.db, table), kept);
          expect(got, `${table} after migrating from ${version}`).toEqual(
            project(ref.rows.get(table) ?? [], kept),
          );
        }
        expect(await foreignKeyViolations(store.db)).toEqual([]);

        // The app works on it: the audit chain, the plan's status as of the demo date, readiness, a new report.
        const audit = await verifyAudit(store.db);
        // The reference rows were chained under a key (0006); copied without the key's columns into a
        // version before 0006 they are keyed hashes without a key id, which no real old database holds.
        // There, every row is still checked; from 0006 on, the chain must verify whole.
        const keyed = version >= "0006-audit-integrity";
        expect(audit).toMatchObject({
          ...(keyed ? { ok: true } : {}),
          checked: ref.rows.get("audit_log")?.length,
        });
        // Before 0007 a database held no task rows (deadlines, milestones, each task's frequency): the
        // tasks of the copy are judged on the plan's defaults, so only the targets must read the same.
        const judged = await planStatus(store.db, ref.planId, DEMO_AS_OF);
        if (version >= "0007-tasks") expect(judged).toEqual(ref.status);
        else expect({ ...judged, tasks: [] }).toEqual({ ...ref.status, tasks: [] });

        app = await buildApp({ db: store.db, dialect, extract: fixtureExtract, auth: TEST_AUTH });
        const ready = await app.inject({ method: "GET", url: "/api/health/ready" });
        expect(ready.json<HealthReadyResponse>().status).toBe("ready");
        const planner = await signIn(app, "planner");
        const status = await planner.inject({
          method: "GET",
          url: `/api/plans/${ref.planId}/status?asOf=${DEMO_AS_OF}`,
        });
        expect(status.statusCode).toBe(200);
        const target = await store.db
          .selectFrom("targets")
          .leftJoin("reports", (join) =>
            join.onRef("reports.target_id", "=", "targets.id").on("reports.period", "=", "2020-12"),
          )
          .select("targets.id")
          .where("targets.plan_id", "=", ref.planId)
          .where("targets.kind", "!=", "milestone")
          .where("targets.frequency", "=", "monthly")
          .where("reports.id", "is", null)
          .executeTakeFirstOrThrow();
        const saved = await planner.inject({
          method: "PUT",
          url: `/api/targets/${target.id}/reports/2020-12`,
          payload: {
            baseRevision: null,
            value: 1,
            progress: "迁移后填报",
            // Whatever the target, 1 passes the plausibility rules confirmed: it is never impossible.
            problems: "迁移后按新口径重新核对",
            nextSteps: "",
            submit: true,
            confirm: true,
            confirmReason: "迁移后补报的测试数值",
          },
        });
        expect(saved.statusCode, saved.body).toBe(200);
      } finally {
        await app?.close();
        await store.close();
      }
    }, 120_000);
  });
});
