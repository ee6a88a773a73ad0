// Metadata of a plan document: title, region, year (and period), issuer, publication date.

import { parseChineseNumeral } from "../domain/numerals.ts";
import { isFurniture } from "./furniture.ts";
import type { Segment } from "./segments.ts";
import type { PlanMeta } from "./types.ts";

/** Provincial-level regions, for documents that name only the province (山西走出…, 今年上海…). */
const PROVINCES = [
  "北京",
  "天津",
  "上海",
  "重庆",
  "河北",
  "山西",
  "辽宁",
  "吉林",
  "黑龙江",
  "江苏",
  "浙江",
  "安徽",
  "福建",
  "江西",
  "山东",
  "河南",
  "湖北",
  "湖南",
  "广东",
  "海南",
  "四川",
  "贵州",
  "云南",
  "陕西",
  "甘肃",
  "青海",
  "台湾",
  "内蒙古",
  "广西",
  "西藏",
  "宁夏",
  "新疆",
  "香港",
  "澳门",
];

const TITLE_WORDS =
  /(国民经济和社会发展|计划|规划|纲要|政府工作报告|工作要点|实施方案|行动计划|行动方案|执行情况|民生实事|预期目标)/;
const REGION_SUFFIX = "(?:特别行政区|自治区|自治州|自治县|省|市|区|县|旗|盟|州)";
// Words that end like a region but are parts of a city (核心区, 集聚区, 社区) or a government.
// A region never starts with a function word or a year's 年 (2026年吉林省 → 吉林省).
const NOT_REGION =
  /^(?:[年在的和了是为对向与及把将到从由以于等这那其]|全|我|本|该|各|城|市|社|园|街|景|校|片|郊|辖|人民|政府|核心|集聚|示范|功能|开发|保税|自贸|试验|都市|超市|上市|城市|街区|营门)|(?:核心|集聚|示范|功能|开发|产业|创新|科技|商务|生活|居住|试验|社|园|街|景|校|片|山|林|矿|灾|牧|库|心|院|所|门|馆)[区市县州]$|城区$/;
const GOVERNMENT_AFTER =
  /^(?:人民政府|人大|政府|区委|市委|县委|省委|区长|市长|县长|省长|发展和改革委员会|发改委|发展改革委|国民经济|[一二三四五六七八九十]+届|第[一二三四五六七八九十]+届|\d{4}年)/;

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

function findTitle(text: string, paras: Segment[]): { title: string; at: number } | null {
  for (const p of paras.slice(0, 15)) {
    // # 标题 or 《标题》 alone on a line: the markup is no part of the title.
    const line = text
      .slice(p.start, p.end)
      .trim()
      .replace(/^#+\s*/, "")
      .replace(/^《([^《》]+)》$/, "$1");
    if (isFurniture(line) || line.length > 60 || line.length < 6) continue;
    if (/[,。;:!?]/.test(line.replace(/[:：]$/, ""))) continue;
    const dated =
      /\d{4}年|[〇零一二三四五六七八九]{4}年|第[一二三四五六七八九十]+个五年|[一二三四五六七八九十]+五[”"]?(?:规划|时期)/.test(
        line,
      );
    if (dated && TITLE_WORDS.test(line) && !/号$|〔/.test(line)) return { title: line, at: p.start };
  }
  const quoted = /《([^《》]{4,60}?(?:计划|规划|纲要|方案)(?:\([^()]*\))?)》/.exec(text);
  if (quoted) return { title: quoted[1] as string, at: quoted.index };
  // 现在向大会提出关于1980、1981年国民经济计划安排的报告: a report names itself in its first lines.
  for (const p of paras.slice(0, 8)) {
    const own = /关于([^,;。:!?《》“”]{4,50}?)的报告/.exec(text.slice(p.start, p.end));
    if (own && TITLE_WORDS.test(own[1] as string))
      return { title: `关于${own[1]}的报告`, at: p.start + own.index };
  }
  return null;
}

function regionOf(name: string): string | null {
  const chain = new RegExp(`([\\u4e00-\\u9fa5]{2,6}?${REGION_SUFFIX})`, "g");
  let last: string | null = null;
  for (let m = chain.exec(name); m !== null; m = chain.exec(name)) {
    if (!NOT_REGION.test(m[1] as string)) last = m[1] as string;
  }
  return last;
}

/** A report by the State Council or to the National People's Congress speaks for the whole country. */
const NATIONAL =
  /受国务院(?:的)?委托|国务院关于|国务院总理|全国人民代表大会第|国家发展和改革委员会关于|国家计划委员会/;

function findRegion(text: string, title: string | null, issuer: string | null): string | null {
  if (title) {
    // 2026年吉林省政府工作报告: the region follows the year.
    const afterYear = /^(?:\d{4}|[一二][〇零一二三四五六七八九]{3})年(.{2,20})/.exec(title);
    const r = afterYear ? regionOf(afterYear[1] as string) : null;
    if (r) return r;
  }
  if (title) {
    const head =
      /^(?:关于|印发|转发)?(.{2,20}?)(?:\d{4}|[一二][〇零一二三四五六七八九]{3})年|^(?:关于|印发|转发)?(.{2,20}?)国民经济/.exec(
        title,
      );
    const r = head ? regionOf((head[1] ?? head[2]) as string) : null;
    if (r) return r;
  }
  // 深圳市龙岗区, 重庆市荣昌区: the most specific link of a chain of regions.
  const chain = /[\u4e00-\u9fa5]{2,4}?[省市]([\u4e00-\u9fa5]{2,4}?[区县市旗])/g;
  if (!title || !regionOf(title)) {
    if (NATIONAL.test(text.slice(0, 1500))) return "全国";
  }
  const counts = new Map<string, number>();
  for (let m = chain.exec(text); m !== null; m = chain.exec(text)) {
    const name = m[1] as string;
    if (!NOT_REGION.test(name) && name.length >= 3) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const single = new RegExp(`([\\u4e00-\\u9fa5]{2,4}?${REGION_SUFFIX})`, "g");
  for (let m = single.exec(text); m !== null; m = single.exec(text)) {
    const name = m[1] as string;
    const after = text.slice(m.index + name.length, m.index + name.length + 12);
    if (!NOT_REGION.test(name) && name.length >= 3 && GOVERNMENT_AFTER.test(after)) {
      counts.set(name, (counts.get(name) ?? 0) + 2);
    }
  }
  if (issuer) {
    const r = regionOf(issuer);
    if (r) counts.set(r, (counts.get(r) ?? 0) + 3);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, count] of counts) {
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  if (best) return best;
  for (const province of PROVINCES) {
    const at = text.indexOf(province);
    if (at >= 0) {
      const suffix = /^(省|市|自治区|特别行政区)/.exec(text.slice(at + province.length));
      return province + (suffix?.[1] ?? "");
    }
  }
  return null;
}

/** Where a document states its issuer and date: the head of a page, or the signature at its end. */
function headAndTail(paras: Segment[]): Segment[] {
  return paras.length <= 40 ? paras : [...paras.slice(0, 30), ...paras.slice(-10)];
}

function findIssuer(text: string, paras: Segment[]): string | null {
  const source =
    /(?:来源|发布机构|发文机关|发布单位)[:：]\s*([\u4e00-\u9fa5()（）]{4,40}?)(?:\s|时间|发布|$)/m.exec(text);
  if (source) return source[1] as string;
  // A signature line: an office name alone on its line, usually right before the date.
  for (const p of headAndTail(paras)) {
    const line = text.slice(p.start, p.end).trim();
    if (
      /^[\u4e00-\u9fa5]{2,30}(?:人民政府|人民政府办公室|人民政府办公厅|发展和改革委员会|发展改革委|委员会)$/.test(
        line,
      )
    ) {
      return line;
    }
  }
  return null;
}

function findPublished(text: string, paras: Segment[]): string | null {
  const stamped = /(?:时间|发布时间|发布日期|日期)[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  if (stamped) return isoDate(stamped[1] as string, stamped[2] as string, stamped[3] as string);
  for (const p of headAndTail(paras)) {
    const line = text.slice(p.start, p.end).trim();
    if (/^今天是/.test(line)) continue;
    const date = /^(?:[|\s]*)(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*星期.)?$/.exec(line);
    if (date) return isoDate(date[1] as string, date[2] as string, date[3] as string);
  }
  return null;
}

/** 第十四个五年规划 / 十四五: the five-year plans run 1953–57, 1958–62, then from 1966 on in fives. */
export function fiveYearPeriod(ordinal: number): { start: number; end: number } {
  const start = ordinal <= 2 ? 1953 + 5 * (ordinal - 1) : 1966 + 5 * (ordinal - 3);
  return { start, end: start + 4 };
}

// 历史风貌保护“十四五”规划: the ordinal may stand in quotes before the word of the plan.
const FIVE_YEAR = /第?([一二三四五六七八九十]{1,3})(?:个五年|五)[”"’]?(?:规划|计划|时期|期间)/;

function findPeriod(text: string, title: string | null): { start: number; end: number } | null {
  const sources = title ? [title, text] : [text];
  if (title) {
    const five = FIVE_YEAR.exec(title);
    const n = five ? parseChineseNumeral(five[1] as string) : null;
    if (n !== null && n >= 1 && n <= 30) return fiveYearPeriod(n);
  }
  for (const s of sources) {
    const range = /[(（]?(\d{4})\s*[-—–~至]\s*(\d{4})年/.exec(s);
    if (range) return { start: Number(range[1]), end: Number(range[2]) };
    // 关于1980、1981年国民经济计划安排: a plan for the years it lists.
    const listed = s === title ? /(\d{4})((?:、\d{4})+)年(?:国民经济|计划|经济社会)/.exec(s) : null;
    if (listed) {
      const years = [Number(listed[1]), ...(listed[2] as string).split("、").filter(Boolean).map(Number)];
      return { start: Math.min(...years), end: Math.max(...years) };
    }
    if (s === title) {
      // 关于2021年…执行情况与2022年计划草案的报告: the plan is for the latest year the title names.
      const years = [...s.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
      if (years.length) {
        const y = Math.max(...years);
        return { start: y, end: y };
      }
    }
  }
  return null;
}

/** The year the plan's targets are for: the title's, else the latest year the text speaks of. */
function yearFromText(text: string, paras: Segment[], published: string | null): number | null {
  const pubYear = published ? Number(published.slice(0, 4)) : null;
  let best: number | null = null;
  for (const p of paras) {
    const line = text.slice(p.start, p.end);
    if (isFurniture(line)) continue;
    // 2030年前碳达峰, 2035年远景目标: a horizon beyond the plan, not the year it is for.
    for (const m of line.matchAll(/(?<![比较])(\d{4})年(?!的基础上|基础上|以来|前|远景)/g)) {
      const y = Number(m[1]);
      if (y < 1950 || y > 2100) continue;
      if (pubYear !== null && y > pubYear + 15) continue;
      if (best === null || y > best) best = y;
    }
  }
  return best ?? pubYear;
}

export function extractMeta(text: string, paras: Segment[]): PlanMeta {
  const titleHit = findTitle(text, paras);
  const title = titleHit?.title ?? null;
  const issuer = findIssuer(text, paras);
  const published = findPublished(text, paras);
  const period = findPeriod(text, title);
  const year = period?.end ?? yearFromText(text, paras, published);
  return {
    title,
    region: findRegion(text, title, issuer),
    year,
    periodStart: period?.start ?? year,
    periodEnd: period?.end ?? year,
    issuer,
    published,
  };
}
