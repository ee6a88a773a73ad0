// Security headers on every response (pages, assets, API answers, errors), written here rather than
// with @fastify/helmet: seven fixed headers. The CSP suits the built Vite app: its scripts and styles
// are files of its own; antd writes inline styles; images may be data: URLs.

import type { FastifyInstance } from "fastify";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "x-content-type-options": "nosniff",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

export function installSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  app.addHook("onSend", async (request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    if (options.hsts && request.protocol === "https") {
      reply.header("strict-transport-security", "max-age=31536000");
    }
    // Answers of the API carry personal data: never cached by a proxy or the browser's disk.
    if (request.url.startsWith("/api/") && !request.url.startsWith("/api/docs")) {
      reply.header("cache-control", "no-store");
    }
    return payload;
  });
}
