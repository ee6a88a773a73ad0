// A client that hangs up before its request is handled leaves Fastify's request.ip undefined; the audit
// row must still verify (the load benchmarks found rows hashed without an address but stored with NULL).

import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { type Actor, appendAudit, verifyAuditChain } from "./audit-repository.ts";

describe.each(testDialects())("the audit chain on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("verifies rows whose actor has no address or user at all (undefined, not null)", async () => {
    const db = store().db;
    const gone = { userId: undefined, ip: undefined } as unknown as Actor;
    await appendAudit(
      db,
      { userId: null, ip: "127.0.0.1" },
      { action: "report.submit", entity: "report", entityId: 1 },
    );
    await appendAudit(db, gone, { action: "report.submit", entity: "report", entityId: 2, planId: 1 });
    await appendAudit(
      db,
      { userId: null, ip: "127.0.0.1" },
      { action: "report.submit", entity: "report", entityId: 3 },
    );
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 3 });
  });
});
