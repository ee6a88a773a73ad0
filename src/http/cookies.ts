// The two cookies of a session: the HttpOnly session token and the CSRF token the web app reads and
// sends back in x-csrf-token (double submit). Parsed and written here rather than with a plugin: two
// cookies do not need one.

import type { FastifyReply, FastifyRequest } from "fastify";

export const SESSION_COOKIE = "plantrack_session";
export const CSRF_COOKIE = "plantrack_csrf";
export const CSRF_HEADER = "x-csrf-token";

export function readCookies(request: FastifyRequest): Record<string, string> {
  const header = request.headers.cookie;
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    const raw = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

export interface CookieOptions {
  httpOnly: boolean;
  secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
}

export function cookieHeader(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    `Max-Age=${options.maxAge}`,
    "SameSite=Lax",
    ...(options.httpOnly ? ["HttpOnly"] : []),
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/** Secure when the setting says so, or ("auto") when the request came over https (behind a proxy too). */
export function wantsSecureCookies(request: FastifyRequest, setting: boolean | "auto"): boolean {
  return setting === "auto" ? request.protocol === "https" : setting;
}

export function setSessionCookies(
  reply: FastifyReply,
  session: { token: string; csrfToken: string },
  options: { secure: boolean; maxAgeSeconds: number },
): void {
  reply.header("set-cookie", [
    cookieHeader(SESSION_COOKIE, session.token, {
      httpOnly: true,
      secure: options.secure,
      maxAge: options.maxAgeSeconds,
    }),
    cookieHeader(CSRF_COOKIE, session.csrfToken, {
      httpOnly: false,
      secure: options.secure,
      maxAge: options.maxAgeSeconds,
    }),
  ]);
}

export function clearSessionCookies(reply: FastifyReply, secure: boolean): void {
  reply.header("set-cookie", [
    cookieHeader(SESSION_COOKIE, "", { httpOnly: true, secure, maxAge: 0 }),
    cookieHeader(CSRF_COOKIE, "", { httpOnly: false, secure, maxAge: 0 }),
  ]);
}
