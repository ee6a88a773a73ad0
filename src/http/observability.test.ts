// Health and readiness, request ids and the request log, and /metrics: what an operator and a load
// balancer see of a running server.

import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import type { ApiErrorBody } from "../contract/common.ts";
import type { HealthLiveResponse, HealthReadyResponse } from "../contract/health.ts";
import type { Store } from "../db/database.ts";
import { migrateTo, migrationNames } from "../db/migration-status.ts";
import { saveReport } from "../services/reporting.ts";
import { signIn, TEST_AUTH } from "../test/auth-helpers.ts";
import { seedDemoWorld } from "../test/demo-world.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { parsePrometheusText, type Sample, sampleValue } from "../test/prometheus-text.ts";
import { createTestDatabase, testDialects } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";
import { METRICS_CONTENT_TYPE } from "./metrics.ts";
import { logLevelFromEnv, redactUrl, requestIdFor } from "./request-log.ts";

interface Opened {
  store: Store;
  app: FastifyInstance;
  lines: string[];
}

describe("request ids and URLs in the log", () => {
  it("keep a sane incoming X-Request-Id and replace anything else", () => {
    expect(requestIdFor("lb-7f3a.42")).toBe("lb-7f3a.42");
    expect(requestIdFor(["abc-1", "def"])).toBe("abc-1");
    for (const bad of [undefined, "", "a b", "x\ny", "<script>", "é", "a".repeat(129)]) {
      const id = requestIdFor(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFor(undefined)).not.toBe(requestIdFor(undefined));
  });

  it("hide the values of secret-looking query parameters only", () => {
    expect(redactUrl("/api/plans?year=2020")).toBe("/api/plans?year=2020");
    expect(redactUrl("/x?token=abc&year=2020&csrf=1&api_key=k&code=123456")).toBe(
      "/x?token=***&year=2020&csrf=***&api_key=***&code=***",
    );
    expect(redactUrl("/x?Password=hunter2")).toBe("/x?Password=***");
    expect(redactUrl("/x?")).toBe("/x");
    expect(redactUrl("/x?flag")).toBe("/x?flag");
  });

  it("check PLANTRACK_LOG_LEVEL", () => {
    expect(logLevelFromEnv(undefined)).toBe("info");
    expect(logLevelFromEnv(" WARN ")).toBe("warn");
    expect(() => logLevelFromEnv("verbose")).toThrow(/PLANTRACK_LOG_LEVEL.*verbose/);
  });
});

describe.each(testDialects())("observability on %s", (dialect) => {
  const opened: Opened[] = [];

  async function open(
    options: { migrate?: boolean; metricsToken?: string; seed?: boolean } = {},
  ): Promise<Opened> {
    const store = await createTestDatabase(dialect, { migrate: options.migrate ?? true });
    const lines: string[] = [];
    const app = await buildApp({
      db: store.db,
      dialect,
      extract: fixtureExtract,
      auth: TEST_AUTH,
      logger: { level: "info", stream: { write: (line: string) => lines.push(line) } },
      ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    });
    const o = { store, app, lines };
    opened.push(o);
    return o;
  }

  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.app.close();
      await o.store.close().catch(() => {});
    }
  });

  it("answer liveness without the database and readiness with it", async () => {
    const { app } = await open();
    const live = await app.inject({ method: "GET", url: "/api/health/live" });
    expect(live.statusCode).toBe(200);
    expect(live.json<HealthLiveResponse>()).toMatchObject({ status: "ok" });
    expect(live.json<HealthLiveResponse>().uptimeSeconds).toBeGreaterThan(0);

    const ready = await app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.headers["cache-control"]).toBe("no-store");
    expect(ready.json<HealthReadyResponse>()).toMatchObject({
      status: "ready",
      reason: null,
      database: dialect,
      migrations: { applied: migrationNames(), pending: [], unknown: [] },
    });
  });

  it("are not ready, with the reason, on a database behind this version", async () => {
    const { app, store } = await open({ migrate: false });
    const [first, ...rest] = migrationNames();
    await migrateTo(store.db, first as string);
    const ready = await app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(503);
    const body = ready.json<HealthReadyResponse>();
    expect(body.status).toBe("not_ready");
    expect(body.migrations?.pending).toEqual(rest);
    expect(body.reason).toContain("数据库尚未迁移");
    expect(body.reason).toContain(rest[0]);
    // The process itself is fine: liveness must not send it to be restarted.
    expect((await app.inject({ method: "GET", url: "/api/health/live" })).statusCode).toBe(200);
  });

  it("are not ready on a database a newer version migrated", async () => {
    const { app, store } = await open();
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(
      store.db,
    );
    const ready = await app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json<HealthReadyResponse>()).toMatchObject({
      status: "not_ready",
      migrations: { pending: [], unknown: ["9999-from-the-future"] },
    });
    expect(ready.json<HealthReadyResponse>().reason).toBe(
      "数据库来自更新的版本（9999-from-the-future），请升级本服务",
    );
    const english = await app.inject({
      method: "GET",
      url: "/api/health/ready",
      headers: { "x-plantrack-lang": "en" },
    });
    expect(english.json<HealthReadyResponse>().reason).toBe(
      "a newer version migrated the database (9999-from-the-future): upgrade this server",
    );
  });

  it("are not ready when the database is gone, and stay alive", async () => {
    const { app, store } = await open();
    await store.close();
    const ready = await app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json<HealthReadyResponse>()).toMatchObject({ status: "not_ready", migrations: null });
    expect(ready.json<HealthReadyResponse>().reason).toMatch(/^数据库无法访问：/);
    expect((await app.inject({ method: "GET", url: "/api/health/live" })).statusCode).toBe(200);
  });

  it("give every request an id, echo a sane one, and put it in error bodies", async () => {
    const { app } = await open();
    const ok = await app.inject({ method: "GET", url: "/api/health/live" });
    const generated = ok.headers["x-request-id"];
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);

    const kept = await app.inject({
      method: "GET",
      url: "/api/health/live",
      headers: { "x-request-id": "proxy-123" },
    });
    expect(kept.headers["x-request-id"]).toBe("proxy-123");
    const replaced = await app.inject({
      method: "GET",
      url: "/api/health/live",
      headers: { "x-request-id": "bad id\twith tab" },
    });
    expect(replaced.headers["x-request-id"]).not.toBe("bad id\twith tab");

    const denied = await app.inject({
      method: "GET",
      url: "/api/plans",
      headers: { "x-request-id": "user-quotes-this" },
    });
    expect(denied.statusCode).toBe(401);
    expect(denied.json<ApiErrorBody>()).toMatchObject({
      code: "unauthenticated",
      requestId: "user-quotes-this",
    });
    const missing = await app.inject({ method: "GET", url: "/api/nothing-here?token=s3cret" });
    expect(missing.statusCode).toBe(404);
    const body = missing.json<ApiErrorBody>();
    expect(body.requestId).toBe(missing.headers["x-request-id"]);
    expect(JSON.stringify(body)).not.toContain("s3cret");
  });

  it("log one JSON line per request with its id, route, status, time and user, and no secrets", async () => {
    const { app, store, lines } = await open();
    await seedDemoWorld(store.db);
    const planner = await signIn(app, "planner");
    lines.splice(0);
    const response = await planner.inject({
      method: "GET",
      url: "/api/plans?year=2020&token=s3cret",
      headers: { "x-request-id": "trace-42" },
    });
    expect(response.statusCode).toBe(200);
    await app.inject({ method: "GET", url: "/api/health/live" });
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = records.filter((r) => r.msg === "request");
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      level: 30,
      requestId: "trace-42",
      method: "GET",
      url: "/api/plans?year=2020&token=***",
      route: "/api/plans",
      status: 200,
      userId: planner.session.user.id,
    });
    expect(typeof requests[0]?.durationMs).toBe("number");
    expect(requests[1]).toMatchObject({ route: "/api/health/live", userId: null, status: 200 });
    const all = lines.join("");
    expect(all).not.toContain("s3cret");
    expect(all).not.toContain(planner.cookie.split("=")[1] ?? "no-cookie");
    // Fastify's own "incoming request" / "request completed" pair is off: one line, not three.
    expect(records.filter((r) => r.msg === "incoming request" || r.msg === "request completed")).toEqual([]);
  }, 120_000);

  it("serve Prometheus text whose counts move with requests and with the reports in the database", async () => {
    const { app, store } = await open();
    const world = await seedDemoWorld(store.db);
    const scrape = async (): Promise<Sample[]> => {
      const r = await app.inject({ method: "GET", url: "/metrics" });
      expect(r.statusCode).toBe(200);
      expect(r.headers["content-type"]).toBe(METRICS_CONTENT_TYPE);
      return parsePrometheusText(r.body);
    };
    const before = await scrape();
    const reportCount = (samples: Sample[], state: string) =>
      sampleValue(samples, "plantrack_reports", { state }) ?? Number.NaN;
    const totalReports = ["draft", "submitted", "approved", "returned"]
      .map((s) => reportCount(before, s))
      .reduce((a, b) => a + b, 0);
    expect(totalReports).toBe(world.reports);
    expect(sampleValue(before, "plantrack_plans", { state: "published" })).toBe(1);
    expect(sampleValue(before, "plantrack_database_up", {})).toBe(1);
    expect(sampleValue(before, "process_resident_memory_bytes", {})).toBeGreaterThan(1_000_000);
    expect(sampleValue(before, "process_uptime_seconds", {})).toBeGreaterThan(0);
    expect(sampleValue(before, "plantrack_build_info", { database: dialect })).toBe(1);

    for (let i = 0; i < 3; i++) await app.inject({ method: "GET", url: "/api/health/live" });
    await app.inject({ method: "GET", url: "/api/plans/12345" });
    await app.inject({ method: "GET", url: "/no/such/thing" });
    const after = await scrape();
    const count = (samples: Sample[], labels: Record<string, string>) =>
      sampleValue(samples, "plantrack_http_requests_total", labels) ?? 0;
    const live = { method: "GET", route: "/api/health/live", status: "200" };
    expect(count(after, live) - count(before, live)).toBe(3);
    // The pattern, not the URL; unmatched URLs share one series.
    expect(count(after, { method: "GET", route: "/api/plans/:id", status: "401" })).toBe(1);
    expect(count(after, { method: "GET", route: "unmatched", status: "404" })).toBeGreaterThanOrEqual(1);
    expect(after.some((s) => JSON.stringify(s.labels).includes("12345"))).toBe(false);
    const histogramCount = (samples: Sample[]) =>
      sampleValue(samples, "plantrack_http_request_duration_seconds_count", {
        method: "GET",
        route: "/api/health/live",
      }) ?? 0;
    expect(histogramCount(after) - histogramCount(before)).toBe(3);
    const inf = sampleValue(after, "plantrack_http_request_duration_seconds_bucket", {
      method: "GET",
      route: "/api/health/live",
      le: "+Inf",
    });
    expect(inf).toBe(histogramCount(after));

    // A new submitted report shows at the next scrape.
    const planner = await signIn(app, "planner");
    const me = planner.session.user;
    const target = await store.db
      .selectFrom("targets")
      .leftJoin("reports", (join) =>
        join.onRef("reports.target_id", "=", "targets.id").on("reports.period", "=", "2020-12"),
      )
      .select("targets.id")
      .where("targets.plan_id", "=", world.planId)
      .where("targets.kind", "!=", "milestone")
      .where("targets.frequency", "=", "monthly")
      .where("reports.id", "is", null)
      .executeTakeFirstOrThrow();
    await saveReport(
      store.db,
      { userId: me.id, ip: null },
      { id: me.id, role: "planner", regionId: null, departmentId: null, departmentRegionId: null },
      "target",
      target.id,
      "2020-12",
      // 1 is never impossible; whatever the target, it passes the plausibility rules confirmed.
      {
        baseRevision: null,
        value: 1,
        progress: "进展",
        problems: "按新口径重新核对",
        nextSteps: "",
        submit: true,
        confirm: true,
        confirmReason: "测试用的数值",
      },
    );
    const third = await scrape();
    expect(reportCount(third, "submitted") - reportCount(after, "submitted")).toBe(1);
  }, 120_000);

  it("require the metrics token as a Bearer token when one is set", async () => {
    const { app } = await open({ metricsToken: "scrape-secret-1" });
    const none = await app.inject({ method: "GET", url: "/metrics" });
    expect(none.statusCode).toBe(401);
    expect(none.json<ApiErrorBody>().message).toContain("PLANTRACK_METRICS_TOKEN");
    const wrong = await app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: "Bearer scrape-secret-2" },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: "Bearer scrape-secret-1" },
    });
    expect(right.statusCode).toBe(200);
    expect(parsePrometheusText(right.body).length).toBeGreaterThan(10);
  });
});
