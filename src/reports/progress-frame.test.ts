// The 公文 frame: the title from the plan's own title without doubling, and the 发文字号 check.

import { describe, expect, it } from "vitest";
import { checkDocNumber, frameOf, planName, reportTitle } from "./progress-frame.ts";

describe("the report's title", () => {
  it.each([
    [
      "南开区2020年国民经济和社会发展计划",
      "1—9月",
      "关于南开区2020年国民经济和社会发展计划1—9月执行情况的报告",
    ],
    [
      "关于南开区2020年国民经济和社会发展计划执行情况与2021年国民经济和社会发展计划草案的报告",
      "1—9月",
      "关于南开区2020年国民经济和社会发展计划1—9月执行情况的报告",
    ],
    [
      "关于南开区2020年国民经济和社会发展计划的报告",
      "上半年",
      "关于南开区2020年国民经济和社会发展计划上半年执行情况的报告",
    ],
    ["南开区2020年国民经济和社会发展计划", "全年", "关于南开区2020年国民经济和社会发展计划执行情况的报告"],
  ])("%s (%s) → %s", (plan, label, title) => {
    expect(reportTitle(plan, label)).toBe(title);
    expect(title.match(/关于/g)).toHaveLength(1);
    expect(title.match(/的报告/g)).toHaveLength(1);
  });

  it("keeps a plan name that is not a report as it is", () => {
    expect(planName("天津市国民经济和社会发展第十四个五年规划纲要")).toBe(
      "天津市国民经济和社会发展第十四个五年规划纲要",
    );
  });
});

describe("the 发文字号", () => {
  it("takes the 机关代字〔year〕serial号 form", () => {
    expect(checkDocNumber(" 南发改〔2020〕12号 ")).toBe("南发改〔2020〕12号");
  });

  it.each(["南发改[2020]12号", "南发改（2020）12号", "南发改【2020】12号", "南发改〔2020〕012号", "12号"])(
    "refuses %s, naming the field and the 六角括号",
    (value) => {
      expect(() => checkDocNumber(value)).toThrowError(/发文字号/);
      try {
        checkDocNumber(value);
      } catch (error) {
        expect((error as { details: { field: string } }).details.field).toBe("docNumber");
        if (/[[(（【]/.test(value)) expect((error as Error).message).toContain("六角括号");
      }
    },
  );

  it("lets the export request override the plan's settings field by field", () => {
    const f = frameOf(
      {
        docNumber: "南发改〔2020〕11号",
        signer: "张三",
        recipient: "区人民政府：",
        cc: ["区人大常委会办公室"],
      },
      { docNumber: "南发改〔2020〕12号", redHeader: true },
    );
    expect(f).toMatchObject({
      docNumber: "南发改〔2020〕12号",
      signer: "张三",
      recipient: "区人民政府",
      redHeader: true,
      cc: ["区人大常委会办公室"],
    });
  });
});
