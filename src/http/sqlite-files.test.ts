// An SQLite database whose files go away under the running server (a WAL deleted by a clean-up job, a
// database file replaced by a copy): readiness says so and every save is refused, where before each
// save was acknowledged into a deleted file and lost at the next start. SQLite only: PostgreSQL keeps
// its own files.

import { copyFileSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { HealthReadyResponse } from "../contract/health.ts";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { openDatabase, type Store } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createRegion } from "../db/regions-repository.ts";
import { createTestUser, signIn, TEST_AUTH, type TestClient } from "../test/auth-helpers.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { buildApp } from "./build-app.ts";

describe("an SQLite database whose files go away under the server", () => {
  let dir: string;
  let file: string;
  let store: Store;
  let app: FastifyInstance;
  let admin: TestClient;
  let regionId: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "plantrack-files-"));
    file = join(dir, "plantrack.db");
    store = openDatabase({ dialect: "sqlite", file });
    await migrateToLatest(store.db);
    regionId = (await createRegion(store.db, SYSTEM_ACTOR, { name: "南开区", code: "120104" })).id;
    await createTestUser(store.db, { username: "admin", role: "admin" });
    app = await buildApp({ db: store.db, dialect: "sqlite", extract: fixtureExtract, auth: TEST_AUTH });
    admin = await signIn(app, "admin");
  });
  afterEach(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const save = (i: number) =>
    admin.inject({
      method: "POST",
      url: "/api/admin/departments",
      payload: { regionId, name: `部门${i}` },
    });
  const ready = async () => {
    // In English: the checks below read the English words of the reasons.
    const r = await app.inject({
      method: "GET",
      url: "/api/health/ready",
      headers: { "x-plantrack-lang": "en" },
    });
    return { status: r.statusCode, body: r.json<HealthReadyResponse>() };
  };

  it("refuse every save and answer not ready when the WAL is deleted", async () => {
    expect((await save(0)).statusCode).toBe(201);
    expect((await ready()).status).toBe(200);
    rmSync(`${file}-wal`);
    const saves = await Promise.all(Array.from({ length: 20 }, (_, i) => save(i + 1)));
    expect(saves.map((s) => s.statusCode)).toEqual(Array(20).fill(500));
    expect(saves[0]?.json<{ message: string }>().message).toContain("-wal");
    const after = await ready();
    expect(after.status).toBe(503);
    expect(after.body.reason).toContain("write-ahead log");
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(500);
  });

  it("refuse saves and answer not ready when the database file is replaced", async () => {
    expect((await save(0)).statusCode).toBe(201);
    copyFileSync(file, join(dir, "copy.db"));
    renameSync(join(dir, "copy.db"), file);
    expect((await save(1)).statusCode).toBe(500);
    const after = await ready();
    expect(after.status).toBe(503);
    expect(after.body.reason).toContain("database file");
  });

  it("stay ready but warn when only the -shm goes", async () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    try {
      rmSync(`${file}-shm`);
      expect((await ready()).status).toBe(200);
      expect((await save(0)).statusCode).toBe(201);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain("-shm");
    } finally {
      warn.mockRestore();
    }
  });
});
