// What a failed sign-in means for the user, from the server's { code, message, details }: wrong
// credentials, a locked account and for how long, too many attempts, a second factor wanted.
import { isApiError, NETWORK_ERROR_STATUS } from "../api/client.ts";

export type LoginProblem =
  | { kind: "credentials" }
  | { kind: "locked"; secondsLeft: number | null }
  | { kind: "rate_limited"; secondsLeft: number | null }
  | { kind: "totp_required" }
  | { kind: "totp_invalid" }
  | { kind: "disabled" }
  | { kind: "network"; message: string }
  | { kind: "other"; message: string; code: string | null };

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Seconds until the lock or the rate limit ends, from whichever field the server gives. */
export function secondsLeft(details: Record<string, unknown>, now: number): number | null {
  for (const key of ["retryAfterSeconds", "retryAfter", "secondsLeft"]) {
    const s = num(details[key]);
    if (s !== null) return Math.max(0, Math.ceil(s));
  }
  const ms = num(details.retryAfterMs);
  if (ms !== null) return Math.max(0, Math.ceil(ms / 1000));
  for (const key of ["lockedUntil", "until", "retryAt"]) {
    const value = details[key];
    if (typeof value === "string" || typeof value === "number") {
      const at = new Date(value).getTime();
      if (Number.isFinite(at)) return Math.max(0, Math.ceil((at - now) / 1000));
    }
  }
  return null;
}

const TOTP_REQUIRED = new Set(["totp_required", "second_factor_required", "totp_missing"]);
const TOTP_INVALID = new Set(["totp_invalid", "invalid_totp", "totp_wrong"]);

export function loginProblem(error: unknown, now: number = Date.now()): LoginProblem {
  if (!isApiError(error)) {
    return { kind: "other", message: error instanceof Error ? error.message : String(error), code: null };
  }
  if (error.status === NETWORK_ERROR_STATUS) return { kind: "network", message: error.message };
  const code = error.code;
  const reason = typeof error.details.reason === "string" ? error.details.reason : "";
  if (TOTP_REQUIRED.has(code) || TOTP_REQUIRED.has(reason)) return { kind: "totp_required" };
  // The server answers a wrong code as unauthenticated with details.field = "totp".
  if (
    TOTP_INVALID.has(code) ||
    TOTP_INVALID.has(reason) ||
    (error.status === 401 && error.details.field === "totp")
  ) {
    return { kind: "totp_invalid" };
  }
  if (code === "locked" || reason === "locked") {
    return { kind: "locked", secondsLeft: secondsLeft(error.details, now) };
  }
  if (code === "rate_limited" || error.status === 429) {
    return { kind: "rate_limited", secondsLeft: secondsLeft(error.details, now) };
  }
  if (code === "disabled" || reason === "disabled") return { kind: "disabled" };
  if (code === "unauthenticated" || code === "invalid_credentials" || error.status === 401) {
    return { kind: "credentials" };
  }
  return { kind: "other", message: error.message, code };
}

/** 45 s → { minutes: 1 }: a lock is shown in whole minutes, rounded up; under a minute in seconds. */
export function waitParts(seconds: number): { unit: "minutes" | "seconds"; count: number } {
  if (seconds < 60) return { unit: "seconds", count: Math.max(1, seconds) };
  return { unit: "minutes", count: Math.ceil(seconds / 60) };
}
