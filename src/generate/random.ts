// Deterministic randomness for the generators: the same seed gives the same rows on every platform.

export type Random = () => number;

/** mulberry32: small, fast, and the same sequence on every platform for a given 32-bit seed. */
export function randomFrom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stream of its own for each plan, so a plan's rows do not depend on how many came before it. */
export function streamSeed(seed: number, stream: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (stream + 0x85ebca6b), 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return Math.imul(h, 0x27d4eb2f) >>> 0;
}

export function pick<T>(rnd: Random, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

export function between(rnd: Random, low: number, high: number): number {
  return low + rnd() * (high - low);
}

export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
export const pad = (n: number, width = 2) => String(n).padStart(width, "0");
