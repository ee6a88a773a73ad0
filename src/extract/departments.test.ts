import { describe, expect, it } from "vitest";
import { DEFAULT_DEPARTMENT_KEYWORDS, suggestDepartment } from "./departments.ts";

const lead = (text: string) =>
  suggestDepartment(text, "南开区", DEFAULT_DEPARTMENT_KEYWORDS)?.department ?? null;

describe("the department keyword table", () => {
  it("names each keyword once", () => {
    const words = DEFAULT_DEPARTMENT_KEYWORDS.map((k) => k.keyword);
    expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
  });

  it("never puts a word before a longer phrase holding it that names another department", () => {
    // The first keyword found wins: a phrase after a word it contains could never be chosen.
    const dead: string[] = [];
    for (const [i, early] of DEFAULT_DEPARTMENT_KEYWORDS.entries())
      for (const late of DEFAULT_DEPARTMENT_KEYWORDS.slice(i + 1))
        if (late.keyword.includes(early.keyword) && late.department !== early.department)
          dead.push(`${late.keyword} (${late.department}) after ${early.keyword} (${early.department})`);
    expect(dead).toEqual([]);
  });

  it("lets a phrase naming one office's work win over a general word beside it", () => {
    expect(lead("加快西湖道(中医药大学南北院)地块土地出让")).toBe("区规划资源局");
    expect(lead("优化公共法律服务体系，强化法治宣传教育")).toBe("区司法局");
    expect(lead("加大产业帮扶、消费扶贫、人才支援力度")).toBe("区合作交流办");
    expect(lead("拓展以九安医疗为代表的创新联盟优势，推动科技企业集聚发展")).toBe("区科技局");
    expect(lead("全面推行信用承诺审批制度")).toBe("区政务服务办");
    expect(lead("以承接北京非首都功能为核心，主动对接医疗机构、金融机构")).toBe("区发展改革委");
  });

  it("finds a department for the work district plans name without the older keywords", () => {
    expect(lead("高水平研究编制十四五规划和各专项规划")).toBe("区发展改革委");
    expect(lead("鼓励发展新零售业态")).toBe("区商务局");
    expect(lead("增加新能源充电桩建设供应")).toBe("区发展改革委");
    expect(lead("加快推动地铁7号线房屋征收工作")).toBe("区住房建设委");
    expect(lead("持续开展违法建设、占路经营等专项治理")).toBe("区城市管理委");
    expect(lead("加快实施街景立面整修")).toBe("区城市管理委");
    expect(lead("推动民生服务一平台通办")).toBe("区政务服务办");
    expect(lead("培育小巷管家志愿服务队伍，提高社区治理参与度")).toBe("区民政局");
    expect(lead("加大服务企业力度，帮扶企业解决实际问题")).toBe("区工业和信息化局");
    expect(lead("出台新的区域产业扶持政策")).toBe("区发展改革委");
  });

  it("keeps the general words last: the plan's own words and 施工 only when nothing else is named", () => {
    expect(lead("推动罗江路基础部位加快施工")).toBe("区住房建设委");
    expect(lead("安置房后续工程加快施工")).toBe("区住房建设委");
    expect(lead("在全年国民经济和社会发展中抓好就业")).toBe("区人社局");
  });

  it("reads the archives office from its building, not from any record (信息档案)", () => {
    expect(lead("建成南开档案新馆")).toBe("区档案馆");
    expect(lead("建立路灯系统信息档案")).toBe("区城市管理委");
    expect(lead("完善居民信息档案")).toBeNull();
  });
});
