// The HTTP application, built from its dependencies and never listening: `plantrack serve` listens,
// tests call inject().

import { readFileSync } from "node:fs";
import fastifyMultipart from "@fastify/multipart";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import type { Kysely } from "kysely";
import type { DialectName } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { type CheckpointAnchor, NO_CHECKPOINTS } from "../services/audit-integrity.ts";
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from "../services/auth.ts";
import { type ExtractPlanFn, jobsWithExtractor } from "../services/import-plan.ts";
import type { JobRunner } from "../services/job-handlers.ts";
import { MAX_DOCUMENT_BYTES } from "../services/read-document.ts";
import { type SmtpSettings, smtpFromEnv } from "../services/reminder-delivery.ts";
import { installAccessGuard } from "./access-guard.ts";
import { installErrorHandlers } from "./error-handler.ts";
import { installMetrics } from "./metrics.ts";
import { createRateLimiter, LOGIN_LIMITS } from "./rate-limit.ts";
import { installRequestLog, requestIdOptions } from "./request-log.ts";
import { requestValidatorCompiler } from "./request-validator.ts";
import { adminRoutes } from "./routes/admin-routes.ts";
import { attachmentRoutes } from "./routes/attachment-routes.ts";
import { authRoutes } from "./routes/auth-routes.ts";
import { channelsRoutes } from "./routes/channels-routes.ts";
import { cockpitRoutes } from "./routes/cockpit-routes.ts";
import { SHARED_SCHEMAS } from "./routes/common-schemas.ts";
import { documentsRoutes } from "./routes/documents-routes.ts";
import { fiveYearRoutes } from "./routes/five-year-routes.ts";
import { healthRoute } from "./routes/health-route.ts";
import { importRoute } from "./routes/import-route.ts";
import { monthGridRoutes } from "./routes/month-grid-routes.ts";
import { nodesRoutes } from "./routes/nodes-routes.ts";
import { planCopyRoutes } from "./routes/plan-copy-routes.ts";
import { plansRoutes } from "./routes/plans-routes.ts";
import { publicRoutes } from "./routes/public-routes.ts";
import { reportingRoutes } from "./routes/reporting-routes.ts";
import { reviewBulkRoutes } from "./routes/review-bulk-routes.ts";
import type { RouteDeps } from "./routes/route-deps.ts";
import { structureRoutes } from "./routes/structure-routes.ts";
import { targetLinksRoutes } from "./routes/target-links-routes.ts";
import { targetsRoutes } from "./routes/targets-routes.ts";
import { tasksRoutes } from "./routes/tasks-routes.ts";
import { installSecurityHeaders } from "./security-headers.ts";
import { installWeb } from "./static-web.ts";

export interface AppDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The plan reader: extractPlan (src/extract/extract-plan.ts); tests pass a stand-in. */
  extract: ExtractPlanFn;
  /**
   * Where uploads are read, plans extracted and reports rendered: the server passes its job pool
   * (job-pool.ts); by default this thread, extracting with `extract`.
   */
  jobs?: JobRunner;
  /** The built web app (web/dist); nothing is served at / when absent. */
  webDist?: string | null;
  logger?: FastifyServerOptions["logger"];
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (and https from X-Forwarded-Proto). */
  trustProxy?: boolean;
  /** Session time-outs, lock-out, the clock (tests inject one); defaults: 30 min idle, 12 h, 5 tries, 15 min. */
  auth?: AuthSettings;
  /** Secure cookies: always, never, or "auto" (when the request came over https). Default "auto". */
  secureCookies?: boolean | "auto";
  /** Sign-in attempts allowed a minute from one address (default 20; a user name gets half). */
  loginAttemptsPerMinute?: number;
  /** Where reminders are also POSTed as JSON; default PLANTRACK_REMINDER_WEBHOOK_URL, none when unset. */
  reminderWebhookUrl?: string | null;
  /** E-mail reminders; default from PLANTRACK_SMTP_URL and PLANTRACK_SMTP_FROM, none when unset. */
  smtp?: SmtpSettings | null;
  /** PLANTRACK_METRICS_TOKEN: when set, GET /metrics needs it as a Bearer token; default none (open). */
  metricsToken?: string | null;
  /** Slow clients are cut off (SERVER_TIMEOUTS); tests shorten them. */
  timeouts?: Partial<ServerTimeouts>;
  /** The signed checkpoints GET /api/admin/audit/verify checks the chain against; default none. */
  auditCheckpoints?: CheckpointAnchor;
}

/** JSON bodies of the API are small; plan documents come as multipart, limited by the upload plugin. */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * How long a client may take (README, “Deploying”): the headers within 20 s, the whole request within
 * 120 s (a 20 MB plan document at 2 Mbit/s takes 80 s), and no connection silent for 60 s. Node checks
 * the first two every `checkEveryMs`.
 */
export interface ServerTimeouts {
  headersMs: number;
  requestMs: number;
  idleMs: number;
  checkEveryMs: number;
}

export const SERVER_TIMEOUTS: ServerTimeouts = {
  headersMs: 20_000,
  requestMs: 120_000,
  idleMs: 60_000,
  checkEveryMs: 5_000,
};

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const timeouts = { ...SERVER_TIMEOUTS, ...deps.timeouts };
  const app = Fastify({
    logger: deps.logger ?? false,
    ...requestIdOptions(),
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    // A client that sends its headers or body slowly is cut off instead of holding a connection forever.
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkEveryMs },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Bodies are not coerced, querystrings are; dates and periods are checked as such.
  app.setValidatorCompiler(requestValidatorCompiler());

  installErrorHandlers(app, { uploadLimitBytes: MAX_DOCUMENT_BYTES });
  installRequestLog(app);
  installSecurityHeaders(app, { hsts: true });
  const auth = deps.auth ?? DEFAULT_AUTH_SETTINGS;
  // Before any route: a route without a row in the access table fails to register.
  installAccessGuard(app, { db: deps.db, auth });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
  });

  const version = packageVersion();
  installMetrics(app, {
    db: deps.db,
    dialect: deps.dialect,
    version,
    token: deps.metricsToken?.trim() || null,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "PlanTrack API",
        description:
          "国民经济和社会发展计划的导入、审核与跟踪 / importing, reviewing and tracking a development plan",
        version,
      },
      tags: [
        { name: "plans", description: "计划 / plans" },
        { name: "targets", description: "指标 / targets" },
        { name: "outline", description: "提纲 / outline" },
        { name: "system", description: "系统 / system" },
        { name: "auth", description: "登录与会话 / sign-in and sessions" },
        { name: "admin", description: "系统管理（仅管理员） / administration (admins only)" },
        { name: "public", description: "公开信息（无需登录） / public pages (no sign-in)" },
        { name: "reports", description: "进展填报与审核 / reports and their review" },
        { name: "status", description: "执行情况与评价 / status and evaluation" },
        { name: "chasing", description: "催报与延期 / chasing reports, reminders, extensions" },
        {
          name: "documents",
          description: "导出与导入：报告、台账、任务分解表 / documents: reports, the ledger, the 任务分解表",
        },
      ],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  const routeDeps: RouteDeps = {
    db: deps.db,
    dialect: deps.dialect,
    extract: deps.extract,
    jobs: deps.jobs ?? jobsWithExtractor(deps.extract),
    version,
    auth,
    secureCookies: deps.secureCookies ?? "auto",
    loginLimiters: {
      perIp: createRateLimiter(
        deps.loginAttemptsPerMinute
          ? { ...LOGIN_LIMITS.perIp, max: deps.loginAttemptsPerMinute }
          : LOGIN_LIMITS.perIp,
      ),
      perUsername: createRateLimiter(
        deps.loginAttemptsPerMinute
          ? { ...LOGIN_LIMITS.perUsername, max: Math.max(1, Math.floor(deps.loginAttemptsPerMinute / 2)) }
          : LOGIN_LIMITS.perUsername,
      ),
    },
    reminderWebhookUrl:
      deps.reminderWebhookUrl === undefined
        ? process.env.PLANTRACK_REMINDER_WEBHOOK_URL?.trim() || null
        : deps.reminderWebhookUrl,
    smtp: deps.smtp === undefined ? smtpFromEnv() : deps.smtp,
    auditCheckpoints: deps.auditCheckpoints ?? NO_CHECKPOINTS,
  };
  await app.register(healthRoute, routeDeps);
  await app.register(plansRoutes, routeDeps);
  await app.register(importRoute, routeDeps);
  await app.register(targetsRoutes, routeDeps);
  await app.register(tasksRoutes, routeDeps);
  await app.register(nodesRoutes, routeDeps);
  await app.register(structureRoutes, routeDeps);
  await app.register(authRoutes, routeDeps);
  await app.register(adminRoutes, routeDeps);
  await app.register(publicRoutes, routeDeps);
  await app.register(reportingRoutes, routeDeps);
  await app.register(reviewBulkRoutes, routeDeps);
  await app.register(monthGridRoutes, routeDeps);
  await app.register(planCopyRoutes, routeDeps);
  await app.register(targetLinksRoutes, routeDeps);
  await app.register(attachmentRoutes, routeDeps);
  await app.register(documentsRoutes, routeDeps);
  await app.register(cockpitRoutes, routeDeps);
  await app.register(fiveYearRoutes, routeDeps);
  await app.register(channelsRoutes, routeDeps);

  await installWeb(app, deps.webDist);
  return app;
}
