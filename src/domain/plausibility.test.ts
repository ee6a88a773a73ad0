import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkPlausibility,
  isEmptyTalk,
  LEVEL_JUMP_RATIO,
  type PlausibilityTarget,
  RATE_JUMP_POINTS,
  SLIP_RATIO,
  unconfirmed,
} from "./plausibility.ts";

const investment: PlausibilityTarget = { kind: "cumulative", unit: "元", value: 106e8 };
const jobs: PlausibilityTarget = { kind: "cumulative", unit: "人", value: 5000 };
const growth: PlausibilityTarget = { kind: "rate", unit: "%", value: 6 };
const share: PlausibilityTarget = { kind: "level", unit: "%", value: 80 };
const stock: PlausibilityTarget = { kind: "level", unit: "家", value: 30 };

const rules = (r: ReturnType<typeof checkPlausibility>) => ({
  impossible: r.impossible.map((f) => f.rule),
  implausible: r.implausible.map((f) => f.rule),
});

describe("impossible values", () => {
  it("refuses a negative count and a fractional one, accepts zero", () => {
    expect(rules(checkPlausibility({ target: jobs, value: -1 })).impossible).toEqual(["negative_count"]);
    expect(rules(checkPlausibility({ target: jobs, value: 16.67 })).impossible).toEqual(["fractional_count"]);
    expect(rules(checkPlausibility({ target: jobs, value: 0 })).impossible).toEqual([]);
  });

  it("refuses a negative cumulative amount but not a negative growth rate", () => {
    expect(rules(checkPlausibility({ target: investment, value: -1 })).impossible).toEqual([
      "negative_amount",
    ]);
    expect(rules(checkPlausibility({ target: growth, value: -3.5 })).impossible).toEqual([]);
  });

  it("bounds a share at 100% exactly, but not a growth rate", () => {
    expect(rules(checkPlausibility({ target: share, value: 100 })).impossible).toEqual([]);
    expect(rules(checkPlausibility({ target: share, value: 100.1 })).impossible).toEqual(["share_over_100"]);
    expect(rules(checkPlausibility({ target: growth, value: 120 })).impossible).toEqual([]);
  });

  it("refuses what is not a number", () => {
    expect(checkPlausibility({ target: jobs, value: Number.NaN }).impossible).toHaveLength(1);
  });
});

describe("the 万/亿 slip", () => {
  it("fires at 100× the target, not just below", () => {
    const at = checkPlausibility({ target: investment, value: 106e8 * SLIP_RATIO });
    const below = checkPlausibility({ target: investment, value: 106e8 * SLIP_RATIO * 0.999 });
    expect(rules(at).implausible).toContain("ratio_to_target");
    expect(rules(below).implausible).not.toContain("ratio_to_target");
    expect(at.implausible[0]?.numbers.ratio).toBe(100);
    expect(at.implausible[0]?.message.zh).toContain("万/亿");
    expect(at.implausible[0]?.message.en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("fires at 1/100 of the target and of last period", () => {
    expect(rules(checkPlausibility({ target: investment, value: 1.06e8 })).implausible).toContain(
      "ratio_to_target",
    );
    expect(rules(checkPlausibility({ target: investment, value: 1.07e8 })).implausible).not.toContain(
      "ratio_to_target",
    );
    const r = checkPlausibility({ target: { ...investment, value: null }, value: 50e8, previous: 0.5e8 });
    expect(rules(r).implausible).toEqual(["ratio_to_previous"]);
  });

  it("catches 50,000,000 people against a 5,000-person target", () => {
    expect(rules(checkPlausibility({ target: jobs, value: 50_000_000 })).implausible).toContain(
      "ratio_to_target",
    );
  });

  it("leaves rates alone: 0.05% against a 6% target is a slow month, not a slip", () => {
    expect(rules(checkPlausibility({ target: growth, value: 0.05 })).implausible).toEqual([]);
  });
});

describe("jumps beyond what a kind of figure does in one period", () => {
  it("a rate moving more than the bound in points", () => {
    expect(
      rules(checkPlausibility({ target: growth, value: 5 + RATE_JUMP_POINTS, previous: 5 })).implausible,
    ).toEqual([]);
    expect(
      rules(checkPlausibility({ target: growth, value: 5.1 + RATE_JUMP_POINTS, previous: 5 })).implausible,
    ).toEqual(["jump"]);
  });

  it("a level tripling, or falling to a third", () => {
    expect(rules(checkPlausibility({ target: stock, value: 29, previous: 10 })).implausible).toEqual([]);
    expect(
      rules(checkPlausibility({ target: stock, value: 10 * LEVEL_JUMP_RATIO, previous: 10 })).implausible,
    ).toEqual(["jump"]);
    expect(rules(checkPlausibility({ target: stock, value: 3, previous: 10 })).implausible).toEqual(["jump"]);
  });

  it("a cumulative figure adding more than the whole year's target in one period", () => {
    expect(rules(checkPlausibility({ target: jobs, value: 6000, previous: 1000 })).implausible).toEqual([]);
    expect(rules(checkPlausibility({ target: jobs, value: 6001, previous: 1000 })).implausible).toEqual([
      "jump",
    ]);
  });
});

describe("a cumulative figure that falls", () => {
  it("needs a reason; the same figure or more does not", () => {
    expect(rules(checkPlausibility({ target: jobs, value: 999, previous: 1000 })).implausible).toEqual([
      "cumulative_fall",
    ]);
    expect(rules(checkPlausibility({ target: jobs, value: 1000, previous: 1000 })).implausible).toEqual([]);
  });

  it("is not excused by empty talk, and is by a real reason", () => {
    const r = checkPlausibility({ target: jobs, value: 900, previous: 1000 });
    for (const reason of ["无", "无。", "没有", "暂无", "同上", "-", " — ", "", null]) {
      expect(unconfirmed(r, { confirm: true, reason }).implausible, String(reason)).toHaveLength(1);
    }
    expect(
      unconfirmed(r, { confirm: false, reason: "统计口径调整，剔除重复登记100人" }).implausible,
    ).toHaveLength(1);
    expect(unconfirmed(r, { confirm: true, reason: "统计口径调整，剔除重复登记100人" }).implausible).toEqual(
      [],
    );
  });

  it("never excuses an impossible value", () => {
    const r = checkPlausibility({ target: jobs, value: -5, previous: 10 });
    expect(unconfirmed(r, { confirm: true, reason: "确认无误" }).impossible).toHaveLength(1);
  });
});

describe("empty talk", () => {
  it("knows the stock fillers and lets sentences through", () => {
    for (const t of ["无", "无。", "没有", "暂无", "同上", "-", "--", "/", "……", "  ", "N/A"])
      expect(isEmptyTalk(t), t).toBe(true);
    for (const t of ["无锡项目延期", "暂无资金到位，已协调区财政", "受疫情影响停工两周"])
      expect(isEmptyTalk(t), t).toBe(false);
  });
});

describe("never throws", () => {
  it("on any numbers", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("cumulative", "level", "rate", "milestone" as const),
        fc.constantFrom("元", "人", "%", "家", "吨"),
        fc.option(fc.double()),
        fc.double(),
        fc.option(fc.double()),
        (kind, unit, targetValue, value, previous) => {
          const r = checkPlausibility({ target: { kind, unit, value: targetValue }, value, previous });
          expect(Array.isArray(r.impossible) && Array.isArray(r.implausible)).toBe(true);
        },
      ),
    );
  });
});
