// Suggests the lead department (牵头单位) of a task from the words of its text. A suggestion only:
// the planner confirms it. A plan can pass its own table, which is consulted before this one.

import type { DepartmentSuggestion } from "./types.ts";

export interface DepartmentKeyword {
  keyword: string;
  /** The department without its level prefix: 人社局, not 区人社局. */
  department: string;
}

/** Ordered: the first keyword found in a text wins, so specific words come before general ones. */
export const DEFAULT_DEPARTMENT_KEYWORDS: readonly DepartmentKeyword[] = [
  // Phrases that name one office's work whatever general word stands beside them: 土地出让 of parcels
  // named after a 中医药大学, 法治宣传教育, 消费扶贫 and 人才支援, 科技企业 of a 医疗 company.
  ["非首都功能", "发展改革委"],
  ["交流合作", "合作交流办"],
  ["扶贫", "合作交流办"],
  ["土地出让", "规划资源局"],
  ["土地收储", "规划资源局"],
  ["法治", "司法局"],
  ["法律服务", "司法局"],
  ["审批制度", "政务服务办"],
  ["科技企业", "科技局"],
  ["城镇化", "发展改革委"],
  ["专利", "市场监管局"],
  ["污染物", "生态环境局"],
  ["产业集群", "工业和信息化局"],
  ["重大产业项目", "发展改革委"],
  ["地区生产总值", "统计局"],
  ["生产总值", "统计局"],
  ["增加值", "统计局"],
  ["一般公共预算", "财政局"],
  ["财政", "财政局"],
  ["债券", "财政局"],
  ["固定资产投资", "发展改革委"],
  ["节能减排", "发展改革委"],
  ["营商环境", "发展改革委"],
  ["信用", "发展改革委"],
  ["就业", "人社局"],
  ["失业", "人社局"],
  ["社会保险", "人社局"],
  ["人才", "人社局"],
  ["学前学位", "教育局"],
  ["学位", "教育局"],
  ["幼儿园", "教育局"],
  ["小学", "教育局"],
  ["中学", "教育局"],
  ["教育", "教育局"],
  ["绿地", "城市管理委"],
  ["绿化", "城市管理委"],
  ["市容", "城市管理委"],
  ["垃圾", "城市管理委"],
  ["污水", "水务局"],
  ["市场主体", "市场监管局"],
  ["班列", "商务局"],
  ["城管", "城市管理委"],
  ["路灯", "城市管理委"],
  ["疾病预防", "卫生健康委"],
  ["医疗", "卫生健康委"],
  ["医师", "卫生健康委"],
  ["卫生", "卫生健康委"],
  ["中医", "卫生健康委"],
  ["门诊", "卫生健康委"],
  ["疫苗", "卫生健康委"],
  ["养老床位", "民政局"],
  ["养老", "民政局"],
  ["床位", "卫生健康委"],
  ["老年", "民政局"],
  ["社会救助", "民政局"],
  ["康复", "残联"],
  ["高新技术企业", "科技局"],
  ["科技", "科技局"],
  ["研发", "科技局"],
  ["创新", "科技局"],
  ["雏鹰", "科技局"],
  ["瞪羚", "科技局"],
  ["招商引资", "投资促进局"],
  ["招商", "投资促进局"],
  ["楼宇", "商务局"],
  ["商贸", "商务局"],
  ["消费", "商务局"],
  ["外贸", "商务局"],
  ["外资", "商务局"],
  ["进出口", "商务局"],
  ["社会消费品零售", "商务局"],
  ["粮食", "农业农村局"],
  ["农业", "农业农村局"],
  ["造林", "林业局"],
  ["森林", "林业局"],
  ["公路", "交通运输局"],
  ["公交", "交通运输局"],
  ["电网", "发展改革委"],
  ["装机", "发展改革委"],
  ["能耗", "发展改革委"],
  ["重点项目", "发展改革委"],
  ["投资", "发展改革委"],
  ["托位", "卫生健康委"],
  ["游客", "文化和旅游局"],
  ["景区", "文化和旅游局"],
  ["5G", "工业和信息化局"],
  ["金融", "金融局"],
  ["上市", "金融局"],
  ["融资", "金融局"],
  ["地块", "规划资源局"],
  ["土地", "规划资源局"],
  ["城建", "住房建设委"],
  ["在施面积", "住房建设委"],
  ["竣工", "住房建设委"],
  ["安置房", "住房建设委"],
  ["棚户区", "住房建设委"],
  ["老旧小区", "住房建设委"],
  ["道路", "住房建设委"],
  ["海绵城市", "住房建设委"],
  ["美术馆", "文化和旅游局"],
  ["文化", "文化和旅游局"],
  ["旅游", "文化和旅游局"],
  ["档案馆", "档案馆"],
  ["档案新馆", "档案馆"],
  ["健身", "体育局"],
  ["体育", "体育局"],
  ["空气", "生态环境局"],
  ["水污染", "生态环境局"],
  ["黑臭水体", "生态环境局"],
  ["土壤", "生态环境局"],
  ["生态环境", "生态环境局"],
  ["脱贫", "乡村振兴局"],
  ["国有企业", "国资委"],
  ["国资", "国资委"],
  ["政务服务", "政务服务办"],
  ["审批", "政务服务办"],
  ["安全生产", "应急管理局"],
  ["应急", "应急管理局"],
  ["危险化学品", "应急管理局"],
  ["信访", "信访办"],
  ["违法犯罪", "公安分局"],
  ["食品安全", "市场监管局"],
  ["中小企业", "工业和信息化局"],
  ["服务企业", "工业和信息化局"],
  ["信息安全", "工业和信息化局"],
  ["工业", "工业和信息化局"],
  ["零售", "商务局"],
  ["房屋征收", "住房建设委"],
  ["工程前期", "住房建设委"],
  ["充电桩", "发展改革委"],
  ["立面", "城市管理委"],
  ["违法建设", "城市管理委"],
  ["占路经营", "城市管理委"],
  ["通办", "政务服务办"],
  ["社区治理", "民政局"],
  ["志愿服务", "民政局"],
  ["产业扶持", "发展改革委"],
  // The plan's own words (规划, 国民经济和社会发展) are the planning office's, after every other.
  ["十四五规划", "发展改革委"],
  ["规划编制", "发展改革委"],
  ["国民经济和社会发展", "发展改革委"],
  ["施工", "住房建设委"],
].map(([keyword, department]) => ({ keyword: keyword as string, department: department as string }));

/** The level prefix departments of a region carry: 区人社局 in a district, 市人社局 in a city. */
export function levelPrefix(region: string | null): string {
  const last = region?.slice(-1);
  return last === "区" || last === "市" || last === "县" || last === "省" || last === "州" || last === "旗"
    ? last
    : "";
}

export function suggestDepartment(
  text: string,
  region: string | null,
  keywords: readonly DepartmentKeyword[],
): DepartmentSuggestion | null {
  const prefix = levelPrefix(region);
  for (const k of keywords) {
    if (text.includes(k.keyword)) {
      const department = k.department.startsWith(prefix) ? k.department : prefix + k.department;
      return { department, keyword: k.keyword, suggested: true };
    }
  }
  return null;
}
