// What every route plugin gets from buildApp, and the request's actor for the audit log.

import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Actor } from "../../db/audit-repository.ts";
import type { DialectName } from "../../db/database.ts";
import type { Database } from "../../db/schema.ts";
import type { Principal } from "../../domain/access.ts";
import { AppError } from "../../domain/app-error.ts";
import type { CheckpointAnchor } from "../../services/audit-integrity.ts";
import { type ActiveSession, type AuthSettings, toPrincipal } from "../../services/auth.ts";
import type { ExtractPlanFn } from "../../services/import-plan.ts";
import type { JobRunner } from "../../services/job-handlers.ts";
import type { SmtpSettings } from "../../services/reminder-delivery.ts";
import type { RateLimiter } from "../rate-limit.ts";

export interface RouteDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  extract: ExtractPlanFn;
  /** Where uploads are read and reports rendered: the server's job pool (job-pool.ts) or this thread. */
  jobs: JobRunner;
  version: string;
  auth: AuthSettings;
  /** true, false, or "auto": Secure when the request came over https. */
  secureCookies: boolean | "auto";
  loginLimiters: { perIp: RateLimiter; perUsername: RateLimiter };
  /** PLANTRACK_REMINDER_WEBHOOK_URL: reminders (催报) are also POSTed there as JSON. */
  reminderWebhookUrl: string | null;
  /** PLANTRACK_SMTP_URL and PLANTRACK_SMTP_FROM: e-mail reminders; null when not configured. */
  smtp?: SmtpSettings | null;
  /** The server's signed audit checkpoints (what `plantrack audit verify` reads). */
  auditCheckpoints: CheckpointAnchor;
}

/** The signed-in user and the client's address: every audited change names both. */
export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.auth?.user.id ?? null, ip: request.ip };
}

/** The session of a route whose access rule requires one (the guard has checked it). */
export function sessionOf(request: FastifyRequest): ActiveSession {
  if (!request.auth) throw new AppError("unauthenticated", { zh: "请先登录", en: "please sign in" });
  return request.auth;
}

export function principalOf(request: FastifyRequest): Principal {
  return toPrincipal(sessionOf(request).user);
}
