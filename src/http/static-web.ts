// Serves the built web app (web/dist) at /, with the single-page fallback: any GET that is not an API
// call and not a file is answered with index.html, so a reload of /plans/3 works.

import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { notFoundBody } from "./error-handler.ts";
import { requestLang } from "./request-lang.ts";

export function hasWebBuild(dir: string | null | undefined): dir is string {
  return Boolean(dir && existsSync(join(dir, "index.html")));
}

function isApi(url: string): boolean {
  return url === "/api" || url.startsWith("/api/") || url.startsWith("/api?");
}

/** The last path segment has a dot: a file that is missing, not a page of the app. */
function looksLikeFile(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  return /\.[a-z0-9]+$/i.test(path.slice(path.lastIndexOf("/") + 1));
}

/**
 * A path the file server would refuse (.. after decoding, %2f tricks, a NUL byte): @fastify/send
 * throws a 403/400 that is not one of our errors, and it ended as a logged 500. It is just not a file.
 */
function isTraversal(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  return decoded.includes("\0") || /(^|[\\/])\.\.([\\/]|$)/.test(decoded);
}

export async function installWeb(app: FastifyInstance, webDist: string | null | undefined): Promise<void> {
  const web = hasWebBuild(webDist) ? webDist : null;
  if (web) {
    app.addHook("onRequest", async (request, reply) => {
      if (!isApi(request.url) && isTraversal(request.url)) {
        return reply
          .status(404)
          .send(notFoundBody(request.method, request.url, request.id, requestLang(request)));
      }
    });
    await app.register(fastifyStatic, {
      root: web,
      prefix: "/",
      index: ["index.html"],
      cacheControl: false,
      setHeaders(res, path) {
        // Vite puts content hashes in asset names: they never change, index.html always may.
        if (/[\\/]assets[\\/]/.test(path))
          res.setHeader("cache-control", "public, max-age=31536000, immutable");
        else res.setHeader("cache-control", "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" || request.method === "HEAD";
    if (web && wantsPage && !isApi(request.url) && !looksLikeFile(request.url)) {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return reply
      .status(404)
      .send(notFoundBody(request.method, request.url, request.id, requestLang(request)));
  });
}
