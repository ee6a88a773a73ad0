import { describe, expect, it } from "vitest";
import { extractPlan } from "./extract-plan.ts";
import { statementsOf } from "./target-statement.ts";

const statements = (text: string) => extractPlan(text).targets.map((t) => [t.subject, t.statement]);

describe("the clause that states a target", () => {
  it("quotes the clause, without the verbs of doing or the time word that lead it", () => {
    expect(statements("多措并举保持就业稳定，实现新增就业4万人。")).toEqual([["就业", "新增就业4万人"]]);
    expect(statements("年内国家高新技术企业净增30家以上，继续强化领先位势。")).toEqual([
      ["国家高新技术企业", "国家高新技术企业净增30家以上"],
    ]);
    expect(statements("完成新增3082个学前学位的目标。")[0]?.[1]).toBe("新增3082个学前学位");
  });

  it("keeps what follows 使 only, and the bound words of the clause (以内, 左右)", () => {
    expect(statements("实施康复救助项目使接受康复服务比例达到80%。")[0]?.[1]).toBe("接受康复服务比例达到80%");
    expect(statements("城镇调查失业率控制在5.5%以内。")[0]?.[1]).toBe("城镇调查失业率控制在5.5%以内");
  });

  it("gives none where a clause holds several targets, or the target is a table row", () => {
    const text = "雏鹰、瞪羚企业分别达到80家和18家。";
    expect(
      statementsOf(text, [
        { start: 11, end: 14 },
        { start: 15, end: 18 },
      ]),
    ).toEqual([null, null]);
    expect(statementsOf("森林覆盖率\t%\t40\t42", [{ start: 0, end: 15 }])).toEqual([null]);
  });
});
