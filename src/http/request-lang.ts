// The language a person chose: Chinese unless they chose English. The web app keeps the choice in the
// plantrack_lang cookie (so downloads follow it too); scripts may send the x-plantrack-lang header.

import type { FastifyRequest } from "fastify";
import { readCookies } from "./cookies.ts";

export type RequestLang = "zh" | "en";

export const LANG_COOKIE = "plantrack_lang";
export const LANG_HEADER = "x-plantrack-lang";

export function langOf(value: string | undefined | null): RequestLang {
  return value?.trim().toLowerCase().startsWith("en") ? "en" : "zh";
}

export function requestLang(request: FastifyRequest): RequestLang {
  const header = request.headers[LANG_HEADER];
  if (typeof header === "string" && header.trim()) return langOf(header);
  return langOf(readCookies(request)[LANG_COOKIE]);
}
