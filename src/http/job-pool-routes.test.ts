// The server with its job pool, as `plantrack serve` builds it: an upload that takes seconds to read is
// read in a worker while the server goes on answering (/api/health/live answered while the job still
// runs — impossible were it on the event loop), and an upload past the time or memory limit is
// refused naming the limit, with nothing stored.

import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { createJobPool, type JobPool } from "../services/job-pool.ts";
import { createTestUser, signIn, type TestClient } from "../test/auth-helpers.ts";
import { multipartBody } from "../test/multipart.ts";
import { testApp } from "../test/test-app.ts";
import { useTestDatabase } from "../test/test-databases.ts";

/** About `mb` million characters of dense targets: seconds of extraction, a heap of a hundred MB. */
const denseTargets = (mb: number) =>
  `南开区重点工作计划\n\n一、稳定就业\n\n${"全年新增就业4万人，城镇调查失业率控制在5.5%以内。".repeat(Math.round((mb * 1e6) / 30))}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("uploads in the job pool (SQLite; the database plays no part)", () => {
  const store = useTestDatabase("sqlite");
  let app: FastifyInstance | null = null;
  let pool: JobPool | null = null;
  afterEach(async () => {
    await app?.close();
    await pool?.close();
    app = null;
    pool = null;
  });

  async function start(limits: Parameters<typeof createJobPool>[0]): Promise<TestClient> {
    pool = createJobPool(limits);
    app = await testApp(store().db, "sqlite", { jobs: pool });
    await createTestUser(store().db, { username: "planner", role: "planner" });
    return signIn(app, "planner");
  }

  const count = async (table: "plans" | "audit_log" | "targets") =>
    Number(
      (
        await store()
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirst()
      )?.n,
    );

  function importText(planner: TestClient, text: string) {
    const body = multipartBody({ year: "2020" }, [
      { name: "file", fileName: "重点工作计划.txt", content: new TextEncoder().encode(text) },
    ]);
    return planner.inject({ method: "POST", url: "/api/plans/import", ...body });
  }

  it("answers /api/health/live while a plan is read in a worker, then refuses it at the time limit", async () => {
    const planner = await start({ workers: 1, timeoutMs: 2_000 });
    const before = { plans: await count("plans"), audit: await count("audit_log") };
    const heavy = importText(planner, denseTargets(3));
    while (pool?.stats().busy !== 1) await sleep(10);
    const probes: number[] = [];
    while (pool.stats().busy === 1 && probes.length < 5) {
      const live = await app?.inject({ method: "GET", url: "/api/health/live" });
      // Answered, and the job still runs: the event loop was free while the worker read the plan.
      if (pool.stats().busy === 1) probes.push(live?.statusCode ?? 0);
      await sleep(20);
    }
    expect(probes.length).toBeGreaterThanOrEqual(3);
    expect(probes.every((s) => s === 200)).toBe(true);
    const refused = await heavy;
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({
      code: "too_complex",
      details: { file: "重点工作计划.txt", limit: "time", limitSeconds: 2 },
    });
    expect(refused.json<{ message: string }>().message).toMatch(/^重点工作计划\.txt：处理超过 2 秒的时限/);
    expect({ plans: await count("plans"), audit: await count("audit_log") }).toEqual(before);
  });

  it("refuses an upload past the memory limit with 413 naming it, in the reader's language", async () => {
    const planner = await start({ workers: 1, maxMemoryMb: 32, timeoutMs: 120_000 });
    const before = await count("plans");
    const body = multipartBody({ year: "2020" }, [
      { name: "file", fileName: "plan.txt", content: new TextEncoder().encode(denseTargets(3)) },
    ]);
    const refused = await planner.inject({
      method: "POST",
      url: "/api/plans/import",
      ...body,
      headers: { ...body.headers, "x-plantrack-lang": "en" },
    });
    expect(refused.statusCode, refused.body).toBe(413);
    expect(refused.json()).toMatchObject({
      code: "file_too_large",
      details: { limit: "memory", maxMemoryMb: 32 },
    });
    expect(refused.json<{ message: string }>().message).toMatch(/more than the 32 MB memory limit/);
    expect(await count("plans")).toBe(before);
    // The pool goes on: a plan that fits is imported through a fresh worker.
    const fits = await importText(planner, "南开区重点工作计划\n\n一、稳定就业\n\n全年新增就业4万人。");
    expect(fits.statusCode, fits.body).toBe(201);
    expect(await count("plans")).toBe(before + 1);
  });
});
