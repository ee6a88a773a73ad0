// The lock-out holds under parallel attempts: wrong passwords sent at once (one client, or several
// app servers) each count, so 50 of them lock the account instead of leaving the counter at a few;
// the current password asked by a password change counts the same way.

import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiErrorBody } from "../contract/common.ts";
import { createTestUser, signIn, TEST_AUTH, TEST_PASSWORD } from "../test/auth-helpers.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

describe.each(testDialects())("lock-out under parallel attempts on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  const nowMs = Date.parse("2020-04-01T08:00:00.000Z");

  beforeEach(async () => {
    await createTestUser(store().db, { username: "planner", role: "planner" });
    app = await buildApp({
      db: store().db,
      dialect,
      extract: fixtureExtract,
      auth: { ...TEST_AUTH, now: () => new Date(nowMs) },
      // The per-process rate limit is not what is tested here: let every attempt reach the counter.
      loginAttemptsPerMinute: 1000,
    });
  });
  afterEach(async () => {
    await app.close();
  });

  const lockedUntil = async () =>
    (
      await store()
        .db.selectFrom("users")
        .select("locked_until")
        .where("username", "=", "planner")
        .executeTakeFirstOrThrow()
    ).locked_until;

  it("lock the account after 50 parallel wrong passwords", async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: "planner", password: "Wrong-password-1" },
        }),
      ),
    );
    expect(answers.every((a) => a.statusCode === 401 || a.statusCode === 423)).toBe(true);
    expect(answers.some((a) => a.statusCode === 423)).toBe(true);
    expect(await lockedUntil()).toBe(new Date(nowMs + 15 * 60_000).toISOString());
    const right = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "planner", password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(423);
    expect(right.json<ApiErrorBody>().code).toBe("locked");
  });

  it("count wrong current passwords of a password change: 5 lock the account, in parallel too", async () => {
    const client = await signIn(app, "planner");
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.inject({
          method: "POST",
          url: "/api/auth/password",
          payload: { currentPassword: `Wrong-password-${i}`, newPassword: "Another-password-9" },
        }),
      ),
    );
    expect(answers.every((a) => a.statusCode === 400 || a.statusCode === 423)).toBe(true);
    expect(answers.some((a) => a.statusCode === 423)).toBe(true);
    expect(await lockedUntil()).toBe(new Date(nowMs + 15 * 60_000).toISOString());
    // While locked, not even the right current password changes it …
    const right = await client.inject({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "Another-password-9" },
    });
    expect(right.statusCode).toBe(423);
    // … and every failure is in the audit log.
    const failed = await store()
      .db.selectFrom("audit_log")
      .select("after")
      .where("action", "=", "auth.password_check_failed")
      .execute();
    expect(failed.length).toBeGreaterThanOrEqual(5);
    expect(JSON.parse(failed[0]?.after ?? "{}")).toMatchObject({ purpose: "password_change" });
  });
});
