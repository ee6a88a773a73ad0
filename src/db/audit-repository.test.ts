import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { appendAudit, auditHash, GENESIS_HASH, listAudit, verifyAuditChain } from "./audit-repository.ts";

describe.each(testDialects())("audit log on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  const actor = { userId: null, ip: "10.0.0.1" };

  it("chain each row to the one before", async () => {
    const a = await appendAudit(store().db, actor, {
      action: "x.create",
      entity: "x",
      entityId: 1,
      after: { v: 1 },
    });
    const b = await appendAudit(store().db, actor, {
      action: "x.update",
      entity: "x",
      entityId: 1,
      before: { v: 1 },
      after: { v: 2, note: "南开" },
    });
    expect(a.prev_hash).toBe(GENESIS_HASH);
    expect(b.prev_hash).toBe(a.hash);
    expect(b.hash).toBe(auditHash({ ...b, id: undefined, hash: undefined } as never));
    expect(JSON.parse(b.after ?? "")).toEqual({ note: "南开", v: 2 });
    expect(b).toMatchObject({ ip: "10.0.0.1", entity_id: "1", user_id: null });
    expect(await verifyAuditChain(store().db)).toEqual({ ok: true, count: 2 });
  });

  it("detect a row slipped in with a wrong hash", async () => {
    const a = await appendAudit(store().db, actor, { action: "x.create", entity: "x", entityId: 1 });
    await store()
      .db.insertInto("audit_log")
      .values({
        at: a.at,
        action: "forged",
        entity: "x",
        entity_id: "1",
        prev_hash: a.hash,
        hash: "f".repeat(64),
      })
      .execute();
    const check = await verifyAuditChain(store().db);
    expect(check.ok).toBe(false);
  });

  it("keep one chain when many writers append at once", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(store().db, actor, { action: "x.create", entity: "x", entityId: i }),
      ),
    );
    expect(await verifyAuditChain(store().db, 7)).toEqual({ ok: true, count: 20 });
    expect(await listAudit(store().db, { entity: "x", entityId: 3 })).toHaveLength(1);
  });
});
