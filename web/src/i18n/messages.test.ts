import { describe, expect, it } from "vitest";
import { enUS, interpolate, zhCN } from "./messages.ts";

describe("messages", () => {
  it("has the same keys and placeholders in both languages", () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(enUS[key]), key).toEqual(placeholders(zhCN[key]));
      expect(enUS[key].trim().length, key).toBeGreaterThan(0);
    }
  });

  it("fills placeholders", () => {
    expect(interpolate("共 {count} 个计划", { count: 3 })).toBe("共 3 个计划");
    expect(interpolate("{a}-{b}", { a: "x" })).toBe("x-{b}");
    expect(interpolate("plain")).toBe("plain");
  });
});
