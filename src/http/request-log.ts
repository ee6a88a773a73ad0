// Request ids and the one JSON log line per request. An operator greps a user's quoted id (it is in the
// X-Request-Id header and in every error body) and finds the request, its status, time and user; the
// line never carries a cookie, a header or the value of a query parameter that could be a secret.

import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";
import { AppError } from "../domain/app-error.ts";

export const REQUEST_ID_HEADER = "x-request-id";

/** Ids a proxy or a client may hand us: short, and nothing that could break a log line or a header. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The caller's X-Request-Id when it is sane (a proxy's id keeps one trail across hops), else a new one. */
export function requestIdFor(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined && SANE_REQUEST_ID.test(value)) return value;
  return randomUUID();
}

/** Query parameters whose values are never logged: sign-in links, tokens, one-time codes. */
const SECRET_PARAM = /token|pass|secret|key|code|session|auth|sig|otp|csrf/i;

/** The URL with the value of every secret-looking query parameter replaced by ***. */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const eq = part.indexOf("=");
      const name = eq < 0 ? part : part.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed escape in a name is logged as sent; only its value could be a secret.
      }
      return eq >= 0 && SECRET_PARAM.test(decoded) ? `${name}=***` : part;
    });
  return params.length > 0 ? `${url.slice(0, q)}?${params.join("&")}` : url.slice(0, q);
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** PLANTRACK_LOG_LEVEL, checked: a typo must not silence the log. Default info (one line per request). */
export function logLevelFromEnv(value: string | undefined): LogLevel {
  const v = value?.trim().toLowerCase();
  if (!v) return "info";
  if ((LOG_LEVELS as readonly string[]).includes(v)) return v as LogLevel;
  throw new AppError(
    "bad_input",
    {
      zh: `PLANTRACK_LOG_LEVEL 应为 ${LOG_LEVELS.join("、")} 之一：${value}`,
      en: `PLANTRACK_LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}: ${value}`,
    },
    { setting: "PLANTRACK_LOG_LEVEL" },
  );
}

/** The Fastify options that give every request its id and keep Fastify's own two lines out of the log. */
export function requestIdOptions(): Pick<
  FastifyServerOptions,
  "genReqId" | "requestIdHeader" | "logController"
> {
  return {
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => requestIdFor(req.headers[REQUEST_ID_HEADER]),
    logController: new LogController({ requestIdLogLabel: "requestId", disableRequestLogging: true }),
  };
}

/** Echoes the id on every answer and writes one line when the answer has gone out. */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook("onResponse", async (request, reply) => {
    const status = reply.statusCode;
    const line = {
      method: request.method,
      url: redactUrl(request.url),
      route: request.routeOptions.url ?? null,
      status,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
      userId: request.auth?.user.id ?? null,
      ip: request.ip,
    };
    if (status >= 500) request.log.error(line, "request");
    else request.log.info(line, "request");
  });
}
