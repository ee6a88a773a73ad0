import { describe, expect, it } from "vitest";
import { type StatementFields, statementZh } from "./target-statement.ts";

const base: StatementFields = {
  subject: "地区生产总值",
  display: "5%",
  comparator: "target",
  direction: "increase",
  kind: "rate",
  statement: null,
};

describe("a target named as the plan states it", () => {
  it("quotes the plan's clause while it still holds the value as written", () => {
    expect(statementZh({ ...base, statement: "地区生产总值增长5%左右" })).toBe("地区生产总值增长5%左右");
  });

  it("builds the statement when the value was corrected, or there was no clause of its own", () => {
    expect(statementZh({ ...base, display: "6%", statement: "地区生产总值增长5%" })).toBe(
      "地区生产总值增长6%",
    );
    expect(
      statementZh({ ...base, subject: "单位地区生产总值能耗", direction: "decrease", display: "3%" }),
    ).toBe("单位地区生产总值能耗下降3%");
    expect(
      statementZh({
        ...base,
        subject: "城镇调查失业率",
        kind: "level",
        comparator: "at_most",
        display: "5.5%",
      }),
    ).toBe("城镇调查失业率控制在5.5%以内");
    expect(
      statementZh({ ...base, subject: "雏鹰企业", kind: "level", direction: "level", display: "80家" }),
    ).toBe("雏鹰企业达到80家");
    expect(
      statementZh({
        ...base,
        subject: "国家高新技术企业净增",
        kind: "cumulative",
        comparator: "at_least",
        display: "30家",
      }),
    ).toBe("国家高新技术企业净增30家以上");
  });

  it("names a milestone, or a target without a value, by its subject", () => {
    expect(statementZh({ ...base, kind: "milestone", display: "", subject: "完成征收" })).toBe("完成征收");
  });
});
