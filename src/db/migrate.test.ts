import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../test/test-databases.ts";
import { migrateToLatest, pendingMigrations } from "./migrate.ts";

describe.each(testDialects())("migrations on %s", (dialect) => {
  it("migrate a fresh database to the latest schema, and a second run does nothing", async () => {
    const store = await createTestDatabase(dialect, { migrate: false });
    try {
      expect(await pendingMigrations(store.db)).toEqual([
        "0001-initial",
        "0002-auth",
        "0003-reporting",
        "0004-links-attachments",
        "0005-write-path",
        "0006-audit-integrity",
        "0007-tasks",
        "0009-reminder-channels",
        "0010-target-stop",
        "0011-plausibility",
        "0012-target-attributes",
        "0013-five-year",
      ]);
      expect((await migrateToLatest(store.db)).applied).toEqual([
        "0001-initial",
        "0002-auth",
        "0003-reporting",
        "0004-links-attachments",
        "0005-write-path",
        "0006-audit-integrity",
        "0007-tasks",
        "0009-reminder-channels",
        "0010-target-stop",
        "0011-plausibility",
        "0012-target-attributes",
        "0013-five-year",
      ]);
      expect((await migrateToLatest(store.db)).applied).toEqual([]);
      expect(await pendingMigrations(store.db)).toEqual([]);
      const tables = (await store.db.introspection.getTables()).map((t) => t.name);
      for (const table of ["regions", "plans", "targets", "report_revisions", "audit_log", "sessions"]) {
        expect(tables).toContain(table);
      }
    } finally {
      await store.close();
    }
  });

  it("enforce foreign keys and the state check", async () => {
    const store = await createTestDatabase(dialect);
    try {
      const now = new Date().toISOString();
      await expect(
        store.db
          .insertInto("departments")
          .values({ region_id: 999, name: "区发展改革委", created_at: now })
          .execute(),
      ).rejects.toThrow();
      await expect(
        store.db
          .insertInto("plans")
          .values({
            title: "x",
            period_start: "2020-01-01",
            period_end: "2020-12-31",
            state: "bogus" as "draft",
            created_at: now,
            updated_at: now,
          })
          .execute(),
      ).rejects.toThrow();
    } finally {
      await store.close();
    }
  });

  it("refuse to change or delete audit rows", async () => {
    const store = await createTestDatabase(dialect);
    try {
      await store.db
        .insertInto("audit_log")
        .values({ at: "2020-01-01T00:00:00.000Z", action: "x", entity: "plan", prev_hash: "", hash: "h" })
        .execute();
      await expect(store.db.updateTable("audit_log").set({ action: "y" }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(store.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
      const rows = await sql<{ n: number }>`select count(*) as n from audit_log`.execute(store.db);
      expect(Number(rows.rows[0]?.n)).toBe(1);
    } finally {
      await store.close();
    }
  });
});
