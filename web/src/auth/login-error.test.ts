import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client.ts";
import { loginProblem, secondsLeft, waitParts } from "./login-error.ts";

const err = (status: number, code: string, details: Record<string, unknown> = {}) =>
  new ApiError(status, { code, message: `${code}!`, details });

describe("login problems", () => {
  const now = Date.parse("2026-05-01T08:00:00Z");

  it("tells wrong credentials, second factor, disabled and network apart", () => {
    expect(loginProblem(err(401, "unauthenticated"), now)).toEqual({ kind: "credentials" });
    expect(loginProblem(err(401, "totp_required"), now)).toEqual({ kind: "totp_required" });
    expect(loginProblem(err(401, "unauthenticated", { reason: "totp_required" }), now)).toEqual({
      kind: "totp_required",
    });
    expect(loginProblem(err(401, "totp_invalid"), now)).toEqual({ kind: "totp_invalid" });
    expect(loginProblem(err(401, "unauthenticated", { field: "totp" }), now)).toEqual({
      kind: "totp_invalid",
    });
    expect(loginProblem(err(403, "forbidden", { reason: "disabled" }), now)).toEqual({ kind: "disabled" });
    expect(loginProblem(err(0, "network_error"), now)).toEqual({
      kind: "network",
      message: "network_error!",
    });
    expect(loginProblem(err(500, "internal"), now)).toEqual({
      kind: "other",
      message: "internal!",
      code: "internal",
    });
  });

  it("gives the time left on a lock from an instant or a number of seconds", () => {
    expect(loginProblem(err(423, "locked", { lockedUntil: "2026-05-01T08:14:30Z" }), now)).toEqual({
      kind: "locked",
      secondsLeft: 870,
    });
    expect(loginProblem(err(429, "rate_limited", { retryAfter: 12.2 }), now)).toEqual({
      kind: "rate_limited",
      secondsLeft: 13,
    });
    expect(loginProblem(err(429, "too_many"), now)).toEqual({ kind: "rate_limited", secondsLeft: null });
    expect(loginProblem(err(403, "locked"), now)).toEqual({ kind: "locked", secondsLeft: null });
  });

  it("never gives a negative time", () => {
    expect(secondsLeft({ lockedUntil: "2026-05-01T07:00:00Z" }, now)).toBe(0);
    expect(secondsLeft({ retryAfterMs: 1500 }, now)).toBe(2);
    expect(secondsLeft({ lockedUntil: "soon" }, now)).toBeNull();
  });

  it("rounds waits up to whole minutes", () => {
    expect(waitParts(870)).toEqual({ unit: "minutes", count: 15 });
    expect(waitParts(60)).toEqual({ unit: "minutes", count: 1 });
    expect(waitParts(59)).toEqual({ unit: "seconds", count: 59 });
    expect(waitParts(0)).toEqual({ unit: "seconds", count: 1 });
  });
});
