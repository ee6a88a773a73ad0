import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyBaseLogger } from "fastify";
import type { HealthReadyResponse } from "../../contract/health.ts";
import type { LocalText } from "../../domain/app-error.ts";
import { databaseFiles, migrationStatus, pingDatabase } from "../../services/database-health.ts";
import { type RequestLang, requestLang } from "../request-lang.ts";
import { healthLiveSchema, healthReadySchema, healthSchema } from "./health-schema.ts";
import type { RouteDeps } from "./route-deps.ts";

/** A database that does not answer within this is as good as down for a load balancer. */
export const READY_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Not ready, with the reason in the asker's language; the log gets the English one (as the warnings). */
type Readiness = Omit<HealthReadyResponse, "reason"> & { reason: LocalText | null };

async function readiness(deps: RouteDeps, log: FastifyBaseLogger): Promise<Readiness> {
  const base = { version: deps.version, database: deps.dialect };
  const files = databaseFiles(deps.db);
  for (const warning of files.warnings) log.warn({ warning: warning.en }, "database files");
  if (files.problem) {
    // Writes are refused too (src/db/sqlite-file-guard.ts): say so rather than look healthy.
    return {
      ...base,
      status: "not_ready",
      reason: files.problem,
      migrations: null,
    };
  }
  try {
    await withTimeout(pingDatabase(deps.db), READY_TIMEOUT_MS);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      status: "not_ready",
      reason: { zh: `数据库无法访问：${cause}`, en: `the database does not answer: ${cause}` },
      migrations: null,
    };
  }
  const migrations = await withTimeout(migrationStatus(deps.db), READY_TIMEOUT_MS);
  if (migrations.pending.length > 0) {
    return {
      ...base,
      status: "not_ready",
      reason: {
        zh: `数据库尚未迁移：${migrations.pending.join("、")}`,
        en: `the database is not migrated: ${migrations.pending.join(", ")}`,
      },
      migrations,
    };
  }
  if (migrations.unknown.length > 0) {
    return {
      ...base,
      status: "not_ready",
      reason: {
        zh: `数据库来自更新的版本（${migrations.unknown.join("、")}），请升级本服务`,
        en: `a newer version migrated the database (${migrations.unknown.join(", ")}): upgrade this server`,
      },
      migrations,
    };
  }
  return { ...base, status: "ready", reason: null, migrations };
}

export const healthRoute: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  app.get("/api/health", { schema: healthSchema }, async () => {
    await pingDatabase(deps.db);
    return { status: "ok" as const, version: deps.version, database: deps.dialect };
  });

  // Liveness: the process answers. Never touches the database, so that a database outage makes an
  // orchestrator stop sending traffic (readiness) instead of restarting healthy processes.
  app.get("/api/health/live", { schema: healthLiveSchema }, async () => ({
    status: "ok" as const,
    version: deps.version,
    uptimeSeconds: Math.round(process.uptime() * 1000) / 1000,
  }));

  // Readiness: the database answers and has exactly the schema this build expects.
  app.get("/api/health/ready", { schema: healthReadySchema }, async (request, reply) => {
    let result: Readiness;
    try {
      result = await readiness(deps, request.log);
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      result = {
        version: deps.version,
        database: deps.dialect,
        status: "not_ready",
        reason: { zh: `无法读取迁移状态：${cause}`, en: `cannot read the migration state: ${cause}` },
        migrations: null,
      };
    }
    if (result.status !== "ready") request.log.warn({ reason: result.reason?.en }, "not ready");
    const lang: RequestLang = requestLang(request);
    const body: HealthReadyResponse = { ...result, reason: result.reason ? result.reason[lang] : null };
    return reply
      .status(result.status === "ready" ? 200 : 503)
      .header("cache-control", "no-store")
      .send(body);
  });
};
