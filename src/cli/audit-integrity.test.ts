// Issue 15 point 5: what an attacker with database access would do to the history, and what
// `plantrack audit verify` says about it. The append-only triggers are switched off first (TRUNCATE
// is refused even so on PostgreSQL); then rows are cut, edited, re-chained with the old unkeyed
// function or with another key, revisions edited. Each must be named; a clean chain passes.

import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keyedHash, unkeyedHash } from "../db/audit-hash.ts";
import { attachAuditKey, auditKeyForWrite, auditKeyOf } from "../db/audit-key.ts";
import { appendAudit, GENESIS_HASH } from "../db/audit-repository.ts";
import type { Store } from "../db/database.ts";
import { isPostgres } from "../db/dialect.ts";
import { type AppendRevision, appendRevision } from "../db/reports-repository.ts";
import type { AuditRow } from "../db/schema.ts";
import { writeCheckpoint } from "../services/audit-checkpoints.ts";
import { buildAccessWorld } from "../test/access-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { auditVerify } from "./audit-command.ts";
import type { CliIo } from "./cli-io.ts";
import { AUDIT_BROKEN_EXIT_CODE } from "./exit-codes.ts";

const actor = { userId: null, ip: "10.0.0.7" };

function save(planId: number, targetId: number, period: string, value: number): AppendRevision {
  return {
    report: {
      planId,
      subject: { type: "target", id: targetId },
      departmentId: null,
      period,
      periodEnd: `${period}-28`,
      dueDate: `${period}-28`,
    },
    baseRevision: null,
    content: { value, percent: null, statusWord: null, progress: "按计划推进", problems: "", nextSteps: "" },
    state: "submitted",
    at: "2020-05-03T08:00:00.000Z",
  };
}

/** Switches the append-only triggers off, as someone with the database's owner rights can. */
async function dropTriggers(store: Store): Promise<void> {
  if (isPostgres(store.db)) {
    for (const t of ["audit_log", "report_revisions"]) {
      await sql`alter table ${sql.table(t)} disable trigger user`.execute(store.db);
    }
    return;
  }
  for (const t of ["audit_log", "report_revisions"]) {
    for (const e of ["update", "delete"]) await sql`drop trigger ${sql.id(`${t}_no_${e}`)}`.execute(store.db);
  }
}

async function rows(store: Store): Promise<AuditRow[]> {
  return store.db.selectFrom("audit_log").selectAll().orderBy("id").execute();
}

/** Rewrites rows from `fromId` on, each hash recomputed by `rehash` and linked to the one before. */
async function rechain(
  store: Store,
  fromId: number,
  rehash: (row: AuditRow) => { hash: string; chain_key: string | null },
): Promise<void> {
  const all = await rows(store);
  let prev = all.filter((r) => r.id < fromId).at(-1)?.hash ?? GENESIS_HASH;
  for (const row of all.filter((r) => r.id >= fromId)) {
    const edited = { ...row, prev_hash: prev, after: row.id === fromId ? '{"value":999}' : row.after };
    const { hash, chain_key } = rehash(edited);
    await store.db
      .updateTable("audit_log")
      .set({ prev_hash: prev, after: edited.after, hash, chain_key })
      .where("id", "=", row.id)
      .execute();
    prev = hash;
  }
}

describe.each(testDialects())("audit integrity on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let dir = "";
  let io: CliIo & { text: () => string; stdout: () => string };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "plantrack-integrity-"));
    const out: string[] = [];
    const err: string[] = [];
    io = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: { PLANTRACK_AUDIT_CHECKPOINTS: join(dir, "checkpoints.jsonl") },
      cwd: dir,
      text: () => [...out, ...err].join(""),
      stdout: () => out.join(""),
    };
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const checkpoint = () =>
    writeCheckpoint(store().db, { db: store().location, file: join(dir, "checkpoints.jsonl") });

  /** Three reports with a revision each, and two more audit rows: a history to attack. */
  async function history(): Promise<{ revisionIds: number[] }> {
    const db = store().db;
    const world = await buildAccessWorld(db);
    const revisionIds: number[] = [];
    for (const [i, target] of (world.targetIds as number[]).slice(0, 3).entries()) {
      revisionIds.push(
        (await appendRevision(db, actor, save(world.planId, target, "2020-04", 10 + i))).revision.id,
      );
    }
    for (let i = 0; i < 2; i++) {
      await appendAudit(db, actor, {
        action: "target.update",
        entity: "target",
        entityId: i,
        after: { value: i },
      });
    }
    return { revisionIds };
  }

  it("refuse TRUNCATE of the history tables (PostgreSQL) and pass a clean chain with its checkpoint", async () => {
    await history();
    if (dialect === "postgres") {
      for (const table of ["audit_log", "report_revisions"]) {
        await expect(sql`truncate table ${sql.table(table)} cascade`.execute(store().db)).rejects.toThrow(
          /TRUNCATE is refused/,
        );
      }
      await expect(sql`truncate table reports cascade`.execute(store().db)).rejects.toThrow(
        /TRUNCATE is refused/,
      );
    } else {
      await expect(sql`delete from audit_log`.execute(store().db)).rejects.toThrow(/append-only/);
    }
    const cp = await checkpoint();
    expect(cp).toMatchObject({ v: 1, seq: (await rows(store())).length });
    expect(await auditVerify(store(), io)).toBe(0);
    expect(io.text()).toMatch(
      /^审计日志完整：共 \d+ 行（带密钥 \d+ 行，无密钥的旧行 0 行），报告修订核对 3 条/,
    );
    expect(io.text()).toContain(`最近的检查点一致：${cp.at}，第 ${cp.seq} 行`);
    expect(io.text()).not.toMatch(/ \/ /);
  });

  it("name the last rows deleted after a checkpoint, and the table emptied", async () => {
    await history();
    const cp = await checkpoint();
    await dropTriggers(store());
    const all = await rows(store());
    const keep = all[all.length - 3] as AuditRow;
    await sql`delete from audit_log where id > ${keep.id}`.execute(store().db);
    expect(await auditVerify(store(), io)).toBe(AUDIT_BROKEN_EXIT_CODE);
    expect(io.text()).toContain(
      `检查点（${cp.at}）记录到第 ${cp.seq} 行（id ${cp.id}），现在只有 ${all.length - 2} 行、止于 id ${keep.id}；至少少了 2 行`,
    );

    await sql`delete from audit_log`.execute(store().db);
    const emptied = { ...io, env: { ...io.env, PLANTRACK_LANG: "en" } };
    const lines: string[] = [];
    emptied.err = (t) => lines.push(t);
    expect(await auditVerify(store(), emptied)).toBe(AUDIT_BROKEN_EXIT_CODE);
    expect(lines.join("")).toContain(
      `the audit log was emptied: the checkpoint of ${cp.at} saw ${cp.seq} rows, it has none now`,
    );
  });

  it("name a revision edited or deleted behind the application's back", async () => {
    const { revisionIds } = await history();
    await dropTriggers(store());
    const [edited, deleted] = revisionIds as [number, number];
    await store().db.updateTable("report_revisions").set({ value: 99 }).where("id", "=", edited).execute();
    await sql`delete from attachments where revision_id = ${deleted}`.execute(store().db);
    await store().db.deleteFrom("report_revisions").where("id", "=", deleted).execute();
    expect(await auditVerify(store(), io)).toBe(AUDIT_BROKEN_EXIT_CODE);
    expect(io.text()).toContain(`记录的报告修订 ${edited} 被改动：其内容与审计行中的摘要不符`);
    expect(io.text()).toContain(`记录的报告修订（首个 ${deleted}）已不在数据库中`);
  });

  it("name rows re-chained with the old unkeyed function, and with another key", async () => {
    await history();
    await dropTriggers(store());
    const all = await rows(store());
    const victim = (all[2] as AuditRow).id;
    await rechain(store(), victim, (row) => ({ hash: unkeyedHash(row), chain_key: row.chain_key }));
    expect(await auditVerify(store(), io)).toBe(AUDIT_BROKEN_EXIT_CODE);
    expect(io.stdout().trim()).toBe(String(victim));
    expect(io.text()).toContain(`自第 ${victim} 行起共 ${all.length - 2} 行`);
    expect(io.text()).toContain("被重新计算了哈希（未用密钥");

    const other = auditKeyOf(randomBytes(32));
    const real = auditKeyForWrite(store().db);
    await rechain(store(), victim, (row) => ({
      hash: keyedHash(other, { ...row, chain_key: real.id }),
      chain_key: real.id,
    }));
    const lines: string[] = [];
    const again = { ...io, err: (t: string) => lines.push(t), out: () => {} };
    expect(await auditVerify(store(), again)).toBe(AUDIT_BROKEN_EXIT_CODE);
    expect(lines.join("")).toContain(
      `自第 ${victim} 行起共 ${all.length - 2} 行（至第 ${(all.at(-1) as AuditRow).id} 行）的 HMAC 与密钥不符`,
    );
  });

  it("name a whole chain downgraded to the unkeyed function by the checkpoint it no longer matches", async () => {
    await history();
    const cp = await checkpoint();
    await dropTriggers(store());
    const first = (await rows(store()))[0] as AuditRow;
    await rechain(store(), first.id, (row) => ({ hash: unkeyedHash(row), chain_key: null }));
    expect(await auditVerify(store(), io)).toBe(AUDIT_BROKEN_EXIT_CODE);
    expect(io.text()).toContain(`第 ${cp.id} 行的哈希与检查点（${cp.at}）记录的不同`);
  });

  it("name a checkpoint line edited in the file, and a key that is not there or not this one", async () => {
    await history();
    await checkpoint();
    const file = join(dir, "checkpoints.jsonl");
    const line = JSON.parse((await readFile(file, "utf8")).trim()) as { seq: number };
    await writeFile(file, `${JSON.stringify({ ...line, seq: line.seq + 5 })}\n`);
    expect(await auditVerify(store(), io)).toBe(AUDIT_BROKEN_EXIT_CODE);
    expect(io.text()).toContain("检查点文件第 1 行的签名不符");

    attachAuditKey(store().db, { kind: "file", file: join(dir, "nowhere", "audit.key") });
    const missing: string[] = [];
    expect(await auditVerify(store(), { ...io, err: (t) => missing.push(t), out: () => {} })).toBe(
      AUDIT_BROKEN_EXIT_CODE,
    );
    expect(missing.join("")).toContain(`但找不到审计密钥（${join(dir, "nowhere", "audit.key")}）`);

    attachAuditKey(store().db, {
      kind: "hex",
      hex: randomBytes(32).toString("hex"),
      setting: "PLANTRACK_AUDIT_KEY",
    });
    const wrong: string[] = [];
    expect(await auditVerify(store(), { ...io, err: (t) => wrong.push(t), out: () => {} })).toBe(
      AUDIT_BROKEN_EXIT_CODE,
    );
    expect(wrong.join("")).toContain("以另一把密钥");
  });

  it("verify old unkeyed rows followed by keyed ones, and refuse an unkeyed row after a keyed one", async () => {
    const db = store().db;
    let prev = GENESIS_HASH;
    for (let i = 0; i < 3; i++) {
      const fields = {
        at: `2026-01-0${i + 1}T00:00:00.000Z`,
        user_id: null,
        ip: null,
        action: "old.row",
        entity: "x",
        entity_id: String(i),
        plan_id: null,
        before: null,
        after: `{"i":${i}}`,
        prev_hash: prev,
      };
      prev = unkeyedHash(fields);
      await db
        .insertInto("audit_log")
        .values({ ...fields, hash: prev })
        .execute();
    }
    await history();
    expect(await auditVerify(store(), io)).toBe(0);
    expect(io.text()).toMatch(/无密钥的旧行 3 行/);

    const last = (await rows(store())).at(-1) as AuditRow;
    const forged = {
      ...last,
      id: undefined,
      action: "forged",
      prev_hash: last.hash,
      chain_key: null,
      revision_id: null,
      revision_digest: null,
    };
    const { id: _id, ...values } = forged;
    const inserted = await db
      .insertInto("audit_log")
      .values({ ...values, hash: unkeyedHash(values) })
      .returning("id")
      .executeTakeFirstOrThrow();
    const lines: string[] = [];
    expect(await auditVerify(store(), { ...io, err: (t) => lines.push(t), out: () => {} })).toBe(
      AUDIT_BROKEN_EXIT_CODE,
    );
    expect(lines.join("")).toContain(`第 ${inserted.id} 行被重新计算了哈希（未用密钥`);
  });
});
