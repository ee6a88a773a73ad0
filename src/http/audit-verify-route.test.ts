// GET /api/admin/audit/verify checks what `plantrack audit verify` checks (issue 15, point 10): the
// chain, the revisions, and the chain against the server's signed checkpoints — so that rows cut from
// the end of the log, which leave a chain that holds, are found by the page as by the command.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditVerifyResult } from "../contract/audit.ts";
import { verifyAuditChain } from "../db/audit-repository.ts";
import type { Store } from "../db/database.ts";
import { isPostgres } from "../db/dialect.ts";
import { writeCheckpoint } from "../services/audit-checkpoints.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, TEST_AUTH, type TestClient } from "../test/auth-helpers.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

/** Switches the append-only triggers off, as someone with the database's owner rights can. */
async function dropTriggers(store: Store): Promise<void> {
  if (isPostgres(store.db)) {
    await sql`alter table audit_log disable trigger user`.execute(store.db);
    return;
  }
  for (const e of ["update", "delete"])
    await sql`drop trigger ${sql.id(`audit_log_no_${e}`)}`.execute(store.db);
}

describe.each(testDialects())("the audit check of the admin page on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let dir: string;
  let file: string;
  let app: FastifyInstance;
  let world: AccessWorld;
  let admin: TestClient;
  const anchor = () => ({ db: "plantrack-test", file });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "plantrack-verify-"));
    file = join(dir, "audit-checkpoints.jsonl");
    world = await buildAccessWorld(store().db);
    app = await buildApp({
      db: store().db,
      dialect,
      extract: fixtureExtract,
      auth: TEST_AUTH,
      auditCheckpoints: { db: anchor().db, checkpointsFile: file },
    });
    admin = await signIn(app, world.usernames.admin);
  });
  afterEach(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  const verify = async () => {
    const response = await admin.inject({ method: "GET", url: "/api/admin/audit/verify" });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AuditVerifyResult>();
  };

  it("pass a whole log, naming the checkpoint it was checked against", async () => {
    const checkpoint = await writeCheckpoint(store().db, anchor());
    const result = await verify();
    expect(result).toMatchObject({
      ok: true,
      brokenAt: null,
      reason: null,
      findings: [],
      alteredCheckpoints: 0,
    });
    expect(result.lastCheckpoint).toEqual({ seq: checkpoint.seq, id: checkpoint.id, at: checkpoint.at });
    expect(result.checked).toBeGreaterThanOrEqual(checkpoint.seq);
  });

  it("find rows cut from the end of the log, which the chain alone does not show", async () => {
    const checkpoint = await writeCheckpoint(store().db, anchor());
    await dropTriggers(store());
    await store()
      .db.deleteFrom("audit_log")
      .where("id", ">", checkpoint.id - 3)
      .execute();
    // The rows left still chain: only the checkpoint knows there were more.
    expect((await verifyAuditChain(store().db)).ok).toBe(true);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.en).join("\n")).toMatch(/cut|removed/);
    expect(result.reason).toEqual(result.findings[0]);
  });

  it("find a checkpoint edited after it was signed", async () => {
    await writeCheckpoint(store().db, anchor());
    const line = JSON.parse((await readFile(file, "utf8")).trim()) as { seq: number };
    await writeFile(file, `${JSON.stringify({ ...line, seq: line.seq + 5 })}\n`);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, alteredCheckpoints: 1, brokenAt: 0 });
    expect(result.findings[0]?.en).toMatch(/line 1 of the checkpoints file/);
  });
});
