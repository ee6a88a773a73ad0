import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUrl, totpAt, totpStep } from "./totp.ts";

// RFC 6238 appendix B, SHA-1: the seed is the ASCII string 12345678901234567890.
const SEED = base32Encode(Buffer.from("12345678901234567890", "ascii"));
const VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP (RFC 6238)", () => {
  it("base32 round-trips and matches RFC 4648", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("MZXW6YTBOI").toString()).toBe("foobar");
    expect(base32Decode("mzxw 6ytb oi======").toString()).toBe("foobar");
    expect(SEED).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  });

  it("give the RFC 6238 SHA-1 test vectors (8 digits) and their last 6 digits", () => {
    for (const [seconds, code] of VECTORS) {
      expect(totpAt(SEED, seconds * 1000, 8)).toBe(code);
      expect(totpAt(SEED, seconds * 1000)).toBe(code.slice(2));
    }
  });

  it("give the RFC 4226 HOTP values", () => {
    const key = Buffer.from("12345678901234567890", "ascii");
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(["755224", "287082", "359152", "520489"]);
  });

  it("accept the step before and after, not two away, and say which step matched", () => {
    const now = 1111111111 * 1000;
    const step = totpStep(now);
    expect(matchTotp(SEED, totpAt(SEED, now), now)).toBe(step);
    expect(matchTotp(SEED, totpAt(SEED, now - 30_000), now)).toBe(step - 1);
    expect(matchTotp(SEED, totpAt(SEED, now + 30_000), now)).toBe(step + 1);
    expect(matchTotp(SEED, totpAt(SEED, now - 60_000), now)).toBeNull();
    expect(matchTotp(SEED, "12345", now)).toBeNull();
    expect(matchTotp(SEED, "abcdef", now)).toBeNull();
  });

  it("write an otpauth URL for authenticator apps", () => {
    expect(otpauthUrl(SEED, "planner")).toBe(
      `otpauth://totp/PlanTrack%3Aplanner?secret=${SEED}&issuer=PlanTrack&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
