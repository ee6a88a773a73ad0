// Tampering with the audit log as an attacker with database access would: the append-only triggers
// are switched off first, then a row is edited. `plantrack audit verify` must name that row.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { appendAudit } from "../db/audit-repository.ts";
import { openDatabase, type Store } from "../db/database.ts";
import { isPostgres } from "../db/dialect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { auditVerify } from "./audit-command.ts";
import type { CliIo } from "./cli-io.ts";
import { AUDIT_BROKEN_EXIT_CODE } from "./exit-codes.ts";
import { runCli } from "./run-cli.ts";

function captureIo(env: Record<string, string | undefined> = {}): CliIo & { text: () => string } {
  const chunks: string[] = [];
  return {
    out: (t) => chunks.push(t),
    err: (t) => chunks.push(t),
    env,
    cwd: tmpdir(),
    text: () => chunks.join(""),
  };
}

async function fillLog(store: Store, rows: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row = await appendAudit(
      store.db,
      { userId: null, ip: "10.0.0.1" },
      {
        action: "target.update",
        entity: "target",
        entityId: i,
        before: { value: i },
        after: { value: i + 1 },
      },
    );
    ids.push(row.id);
  }
  return ids;
}

/** Edits one row behind the application's back: the triggers forbid it, so they go first. */
async function tamper(store: Store, id: number): Promise<void> {
  if (isPostgres(store.db)) {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(store.db);
    await sql`update audit_log set after = ${'{"value":1000}'} where id = ${id}`.execute(store.db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(store.db);
  } else {
    await sql`drop trigger audit_log_no_update`.execute(store.db);
    await sql`update audit_log set after = ${'{"value":1000}'} where id = ${id}`.execute(store.db);
  }
}

describe.each(testDialects())("plantrack audit verify on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("pass a whole log, and fail at the row edited directly in the database", async () => {
    const ids = await fillLog(store(), 5);
    const ok = captureIo();
    expect(await auditVerify(store(), ok)).toBe(0);
    expect(ok.text()).toMatch(/审计日志完整：共 5 行/);

    await expect(sql`update audit_log set action = 'x'`.execute(store().db)).rejects.toThrow(/append-only/);
    const victim = ids[2] as number;
    await tamper(store(), victim);
    const broken = captureIo();
    expect(await auditVerify(store(), broken)).toBe(AUDIT_BROKEN_EXIT_CODE);
    expect(broken.text()).toContain(`第 ${victim} 行被改动`);
  });

  it("fail at a forged row inserted with a made-up hash", async () => {
    const ids = await fillLog(store(), 2);
    const last = await store()
      .db.selectFrom("audit_log")
      .select("hash")
      .where("id", "=", ids[1] as number)
      .executeTakeFirstOrThrow();
    const forged = await store()
      .db.insertInto("audit_log")
      .values({
        at: new Date().toISOString(),
        action: "user.create",
        entity: "user",
        prev_hash: last.hash,
        hash: "a".repeat(64),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const io = captureIo();
    expect(await auditVerify(store(), io)).toBe(AUDIT_BROKEN_EXIT_CODE);
    expect(io.text()).toContain(`第 ${forged.id} 行`);
  });
});

describe("plantrack audit verify, the command", () => {
  it("exit 0 on a whole log and 7 with the row id on stdout when a row was edited", async () => {
    const dir = await mkdtemp(join(tmpdir(), "plantrack-audit-"));
    try {
      const file = join(dir, "x.db");
      const store = openDatabase({ dialect: "sqlite", file });
      await migrateToLatest(store.db);
      const ids = await fillLog(store, 4);
      await store.close();
      const env = { PLANTRACK_DB: file };
      expect(await runCli(["audit", "verify"], captureIo(env))).toBe(0);

      const again = openDatabase({ dialect: "sqlite", file });
      await tamper(again, ids[1] as number);
      await again.close();
      const lines: string[] = [];
      const io = { ...captureIo(env), out: (t: string) => lines.push(t) };
      expect(await runCli(["audit", "verify"], io)).toBe(AUDIT_BROKEN_EXIT_CODE);
      expect(lines.join("").trim()).toBe(String(ids[1]));
      expect(await runCli(["audit", "check"], captureIo(env))).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
