// GET /metrics in the Prometheus text format: requests by method, route pattern and status with their
// latencies (counted in this process: scrape each app server), reports and plans by state (read from
// the database at scrape time, so every server tells the same truth), and the process's memory and
// uptime. When PLANTRACK_METRICS_TOKEN is set the scraper must send it as a Bearer token.

import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { DialectName } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../domain/app-error.ts";
import { stateCounts } from "../services/database-health.ts";
import { createMetricsRegistry, LATENCY_BUCKETS } from "./metrics-registry.ts";

export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

const REPORT_STATES = ["draft", "submitted", "approved", "returned"] as const;
const PLAN_STATES = ["draft", "published", "closed"] as const;

export interface MetricsDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  version: string;
  /** When set, a scrape must carry `Authorization: Bearer <token>`. */
  token: string | null;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const sent = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

export function installMetrics(app: FastifyInstance, deps: MetricsDeps): void {
  const registry = createMetricsRegistry();
  // HELP texts are read by monitoring tools and their operators, in English as every exporter's are.
  const requests = registry.counter(
    "plantrack_http_requests_total",
    "HTTP requests answered, by method, route pattern and status.",
  );
  const latency = registry.histogram(
    "plantrack_http_request_duration_seconds",
    "Time to answer an HTTP request, by method and route pattern, in seconds.",
    LATENCY_BUCKETS,
  );
  const reports = registry.gauge("plantrack_reports", "Reports by state.");
  const plans = registry.gauge("plantrack_plans", "Plans by state.");
  const databaseUp = registry.gauge("plantrack_database_up", "1 when the database answered this scrape.");
  const scrapeSeconds = registry.gauge(
    "plantrack_metrics_database_seconds",
    "Time the database counts of this scrape took, in seconds.",
  );
  const residentMemory = registry.gauge("process_resident_memory_bytes", "Resident memory size in bytes.");
  const heapUsed = registry.gauge("nodejs_heap_used_bytes", "V8 heap in use, in bytes.");
  const heapTotal = registry.gauge("nodejs_heap_total_bytes", "V8 heap allocated, in bytes.");
  const startTime = registry.gauge(
    "process_start_time_seconds",
    "Start time of the process since the Unix epoch, in seconds.",
  );
  const uptime = registry.gauge("process_uptime_seconds", "Seconds since the process started.");
  const info = registry.gauge("plantrack_build_info", "Version and database of this server; always 1.");
  info.set({ version: deps.version, database: deps.dialect }, 1);
  startTime.set({}, Math.round((Date.now() - process.uptime() * 1000) / 1000));

  app.addHook("onResponse", async (request, reply) => {
    // The pattern, not the URL: /api/plans/:id is one series, however many plans there are. A request
    // that matched no route is "unmatched" so that scanners cannot grow the series without bound.
    const route = request.routeOptions.url ?? "unmatched";
    const method = request.method;
    requests.inc({ method, route, status: String(reply.statusCode) });
    latency.observe({ method, route }, reply.elapsedTime / 1000);
  });

  app.get(
    "/metrics",
    {
      schema: {
        summary: "Prometheus 指标 / metrics in the Prometheus text format",
        description:
          "设置 PLANTRACK_METRICS_TOKEN 后须带 Authorization: Bearer <token> / with PLANTRACK_METRICS_TOKEN set, send it as a Bearer token",
        tags: ["system"],
      },
    },
    async (request, reply) => {
      if (deps.token !== null && !bearerMatches(request.headers.authorization, deps.token)) {
        throw new AppError("unauthenticated", {
          zh: "指标接口需要令牌：Authorization: Bearer <PLANTRACK_METRICS_TOKEN>",
          en: "/metrics needs the token: Authorization: Bearer <PLANTRACK_METRICS_TOKEN>",
        });
      }
      const started = performance.now();
      reports.reset();
      plans.reset();
      try {
        const { reports: reportCounts, plans: planCounts } = await stateCounts(deps.db);
        for (const state of REPORT_STATES) reports.set({ state }, 0);
        for (const row of reportCounts) reports.set({ state: row.state }, row.count);
        for (const state of PLAN_STATES) plans.set({ state }, 0);
        for (const row of planCounts) plans.set({ state: row.state }, row.count);
        databaseUp.set({}, 1);
      } catch (error) {
        // A scrape still answers when the database does not: the rest of the numbers matter most then.
        request.log.warn({ err: error }, "metrics: the database did not answer");
        databaseUp.set({}, 0);
      }
      scrapeSeconds.set({}, (performance.now() - started) / 1000);
      const memory = process.memoryUsage();
      residentMemory.set({}, memory.rss);
      heapUsed.set({}, memory.heapUsed);
      heapTotal.set({}, memory.heapTotal);
      uptime.set({}, Math.round(process.uptime() * 1000) / 1000);
      return reply.header("content-type", METRICS_CONTENT_TYPE).send(registry.render());
    },
  );
}
