import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DepartmentStanding,
  decidingCriterion,
  neverReported,
  placeDepartments,
} from "./department-ranking.ts";

/** A department that sent all 9 of its reports on time, with nothing behind. */
const dept = (name: string, more: Partial<DepartmentStanding> = {}): DepartmentStanding => ({
  name,
  farBehind: 0,
  behind: 0,
  reportsDue: 9,
  reportsIn: 9,
  completionIndex: 0.8,
  onTimeRate: 1,
  ...more,
});

const order = (items: DepartmentStanding[]) => placeDepartments(items).map((d) => [d.name, d.rank]);

describe("the departments' ranking", () => {
  it("the case of issue 14: the one department with a 严重滞后 target no longer tied with those that did not report", () => {
    // As in the demo: 区卫生健康委 leads one milestone, 严重滞后, so it has no completion index — and
    // neither have the departments that sent nothing; all of them used to share the last rank.
    const placed = placeDepartments([
      dept("区发展改革委", { completionIndex: 0.954 }),
      dept("区卫生健康委", { farBehind: 1, completionIndex: null }),
      dept("区城市管理委", { reportsIn: 0, completionIndex: null, onTimeRate: 0 }),
      dept("区文化和旅游局", { completionIndex: null }),
      dept("区应急管理局", { reportsIn: 0, completionIndex: null, onTimeRate: 0 }),
      dept("区教育局", { completionIndex: 0.532, behind: 1 }),
    ]);
    expect(placed.map((d) => [d.name, d.rank])).toEqual([
      ["区发展改革委", 1],
      ["区教育局", 2],
      ["区文化和旅游局", 3],
      ["区卫生健康委", 4],
      ["区城市管理委", 5],
      ["区应急管理局", 5],
    ]);
    const health = placed.find((d) => d.name === "区卫生健康委");
    expect(health?.rankReason).toEqual({
      zh: "有1项严重滞后指标，排在没有严重滞后指标的单位之后",
      en: "1 target far behind: below the departments with none",
    });
    const city = placed.find((d) => d.name === "区城市管理委");
    expect(city?.rankReason.zh).toBe(
      "9期报告应报未报，排在已报送的单位之后；与区应急管理局并列，五项依据均相同",
    );
    expect(city?.rankReason.en).toBe(
      "sent none of the 9 reports due: below the departments that reported; tied with 区应急管理局, equal on all five criteria",
    );
  });

  it("a department with a 严重滞后 target ranks below one with none, whatever its completion", () => {
    expect(
      order([dept("甲", { farBehind: 1, completionIndex: 0.99 }), dept("乙", { completionIndex: 0.1 })]),
    ).toEqual([
      ["乙", 1],
      ["甲", 2],
    ]);
    // Fewer above more.
    const placed = placeDepartments([dept("甲", { farBehind: 2 }), dept("乙", { farBehind: 1 })]);
    expect(placed.map((d) => d.name)).toEqual(["乙", "甲"]);
    expect(placed[1]?.rankReason.zh).toBe("严重滞后指标2项，多于乙的1项");
    expect(placed[0]?.rankReason.zh).toBe("名列第一：严重滞后指标最少（1项）");
  });

  it("one report sent is reporting; owing nothing is not “never reported”", () => {
    expect(neverReported(dept("甲", { reportsIn: 1 }))).toBe(false);
    expect(neverReported(dept("甲", { reportsIn: 0 }))).toBe(true);
    expect(neverReported(dept("甲", { reportsDue: 0, reportsIn: 0, onTimeRate: null }))).toBe(false);
    expect(
      order([
        dept("甲", { reportsIn: 0, onTimeRate: 0, completionIndex: null }),
        dept("乙", { reportsIn: 1, onTimeRate: 0, farBehind: 3, completionIndex: 0 }),
        dept("丙", { reportsDue: 0, reportsIn: 0, onTimeRate: null, completionIndex: null }),
      ]),
    ).toEqual([
      ["丙", 1],
      ["乙", 2],
      ["甲", 3],
    ]);
  });

  it("completion index compared as shown, to 0.1%; none after any", () => {
    // 85.49% and 85.5% both show as 85.5%: a tie, broken by the next criteria.
    const tie = placeDepartments([
      dept("甲", { completionIndex: 0.8549, onTimeRate: 0.5 }),
      dept("乙", { completionIndex: 0.855, onTimeRate: 0.6 }),
    ]);
    expect(tie.map((d) => d.name)).toEqual(["乙", "甲"]);
    expect(decidingCriterion(tie[0] as DepartmentStanding, tie[1] as DepartmentStanding)).toBe("on_time");
    expect(tie[1]?.rankReason.zh).toBe("按时报送率50%，低于乙的60%（前几项依据相同）");
    // 85.6% against 85.5%: decided by the index.
    const apart = placeDepartments([
      dept("甲", { completionIndex: 0.855 }),
      dept("乙", { completionIndex: 0.856 }),
    ]);
    expect(apart.map((d) => [d.name, d.rank])).toEqual([
      ["乙", 1],
      ["甲", 2],
    ]);
    expect(apart[1]?.rankReason).toEqual({
      zh: "完成指数85.5%，低于乙的85.6%",
      en: "completion index 85.5%, below 乙 (85.6%)",
    });
    expect(apart[0]?.rankReason.zh).toBe("名列第一：完成指数85.6%，最高");
    const none = placeDepartments([
      dept("甲", { completionIndex: null }),
      dept("乙", { completionIndex: 0 }),
    ]);
    expect(none.map((d) => d.name)).toEqual(["乙", "甲"]);
    expect(none[1]?.rankReason.zh).toBe("尚无可计算完成指数的指标，排在有完成指数的单位之后");
  });

  it("then fewer 滞后 targets, then the on-time rate, none after any", () => {
    const behind = placeDepartments([dept("甲", { behind: 1 }), dept("乙", { behind: 0 })]);
    expect(behind.map((d) => d.name)).toEqual(["乙", "甲"]);
    expect(behind[1]?.rankReason.en).toBe("1 target behind, more than 乙 (0); equal on the criteria before");
    const rate = placeDepartments([
      dept("甲", { reportsDue: 0, reportsIn: 0, onTimeRate: null }),
      dept("乙", { onTimeRate: 0 }),
    ]);
    expect(rate.map((d) => d.name)).toEqual(["乙", "甲"]);
    expect(rate[1]?.rankReason.zh).toBe("尚无到期报告，没有按时报送率，排在乙之后（前几项依据相同）");
  });

  it("departments equal on all five share a rank, listed by name, and the next rank counts them", () => {
    const placed = placeDepartments([
      dept("区统计局"),
      dept("区财政局"),
      dept("区民政局", { completionIndex: 0.5 }),
    ]);
    expect(placed.map((d) => [d.name, d.rank])).toEqual([
      ["区财政局", 1],
      ["区统计局", 1],
      ["区民政局", 3],
    ]);
    expect(placed[0]?.rankReason.zh).toBe("名列第一：完成指数80%，最高；与区统计局并列，五项依据均相同");
    expect(placed[2]?.rankReason.zh).toBe("完成指数50%，低于区统计局的80%");
    // More than three tied: counted, not named.
    const many = placeDepartments(["甲", "乙", "丙", "丁", "戊"].map((n) => dept(n)));
    expect(new Set(many.map((d) => d.rank))).toEqual(new Set([1]));
    expect(many[0]?.rankReason.en).toBe(
      "ranked first; tied with 4 other departments, equal on all five criteria",
    );
  });

  it("for any departments: reporting above never reported, no 严重滞后 above some, ranks consistent", () => {
    const standing = fc.record({
      name: fc.constantFrom("甲", "乙", "丙", "丁", "戊", "己"),
      farBehind: fc.integer({ min: 0, max: 3 }),
      behind: fc.integer({ min: 0, max: 3 }),
      reportsDue: fc.integer({ min: 0, max: 4 }),
      reportsIn: fc.integer({ min: 0, max: 4 }),
      completionIndex: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      onTimeRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.array(standing, { maxLength: 12 }), (items) => {
        const placed = placeDepartments(items);
        expect(placed).toHaveLength(items.length);
        for (const [i, d] of placed.entries()) {
          const prev = placed[i - 1];
          // Equal on all: the same rank; otherwise the rank is the position.
          const expected = prev ? (decidingCriterion(prev, d) === null ? prev.rank : i + 1) : 1;
          expect(d.rank).toBe(expected);
          expect(d.rankReason.zh.length).toBeGreaterThan(0);
          expect(d.rankReason.en.length).toBeGreaterThan(0);
        }
        for (const a of placed)
          for (const b of placed) {
            if (!neverReported(a) && neverReported(b)) expect(a.rank).toBeLessThan(b.rank);
            if (!neverReported(a) && !neverReported(b) && a.farBehind === 0 && b.farBehind > 0)
              expect(a.rank).toBeLessThan(b.rank);
          }
      }),
    );
  });
});
