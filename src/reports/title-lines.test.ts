import { describe, expect, it } from "vitest";
import { titleLines } from "./title-lines.ts";

describe("a 公文 title over several lines", () => {
  it("breaks after the plan's name, never inside “1—9月”", () => {
    expect(titleLines("关于南开区2020年国民经济和社会发展计划1—9月执行情况的报告", 20)).toEqual([
      "关于南开区2020年国民经济和社会发展计划",
      "1—9月执行情况的报告",
    ]);
  });

  it("breaks a title without phrase ends at full lines, not inside a number", () => {
    const lines = titleLines("关于做好全市二〇二〇年度各项工作任务落实督查督办工作123456的通知", 10);
    for (const line of lines) expect(line).not.toMatch(/^\d/);
    expect(lines.join("")).toBe("关于做好全市二〇二〇年度各项工作任务落实督查督办工作123456的通知");
  });

  it("keeps a title that fits on one line whole", () => {
    expect(titleLines("关于南开区2020年计划执行情况的报告", 20)).toEqual([
      "关于南开区2020年计划执行情况的报告",
    ]);
  });

  it("uses three lines where two cannot hold it, each line a whole phrase", () => {
    const lines = titleLines("关于滨海新区国民经济和社会发展第十四个五年规划纲要2023年执行情况的报告", 20);
    expect(lines).toEqual(["关于滨海新区", "国民经济和社会发展第十四个五年规划纲要", "2023年执行情况的报告"]);
    expect(lines.join("")).toBe("关于滨海新区国民经济和社会发展第十四个五年规划纲要2023年执行情况的报告");
  });
});
