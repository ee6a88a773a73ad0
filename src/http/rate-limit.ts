// Sign-in attempts per client address and per user name, counted in this process (a second app
// server keeps its own counts; the lock-out after 5 failures is in the database and shared).

export interface RateLimit {
  /** Attempts allowed per window. */
  max: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Records an attempt; returns 0 when allowed, else the seconds until the next one is. */
  hit: (key: string, nowMs: number) => number;
}

export function createRateLimiter(limit: RateLimit): RateLimiter {
  const hits = new Map<string, number[]>();
  const sweep = (nowMs: number) => {
    for (const [key, times] of hits) {
      if ((times[times.length - 1] ?? 0) <= nowMs - limit.windowMs) hits.delete(key);
    }
  };
  return {
    hit(key, nowMs) {
      if (hits.size > 10_000) sweep(nowMs);
      const recent = (hits.get(key) ?? []).filter((t) => t > nowMs - limit.windowMs);
      if (recent.length >= limit.max) {
        hits.set(key, recent);
        return Math.max(1, Math.ceil(((recent[0] as number) + limit.windowMs - nowMs) / 1000));
      }
      recent.push(nowMs);
      hits.set(key, recent);
      return 0;
    },
  };
}

/** 20 attempts a minute from one address, 10 a minute for one user name. */
export const LOGIN_LIMITS = {
  perIp: { max: 20, windowMs: 60_000 },
  perUsername: { max: 10, windowMs: 60_000 },
};
