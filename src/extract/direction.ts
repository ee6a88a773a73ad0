// Whether a target adds to something, cuts it, or names a state to reach or hold (spec: "Comparator
// and direction", "Five-year plans"). The verbs around the number decide first, then what the
// subject names: a flow over the period (投资, 产量, 就业) or a stock at a moment (企业数, 比例).

import { isRateUnit } from "../domain/units.ts";
import type { Comparator, Direction } from "./types.ts";

/** A target clause as read so far: its subject, link words, action and comparator prefix. */
export interface Parsed {
  subject: string;
  subjectStart: number;
  links: string[];
  action: string | null;
  prefix: Comparator | null;
  leads: string[];
}

/** Verbs that keep something going rather than add to it: the number is a level. */
export const ONGOING_VERBS = new Set([
  "全力推动",
  "全力推进",
  "加快推进",
  "加快推动",
  "推进",
  "推动",
  "加快",
]);
/** Verbs of cutting at the head of a clause: 压减一般性支出10%, 节约标准煤50万吨. */
export const DECREASE_ACTIONS = ["压减", "削减", "压缩", "缩减", "减少", "降低", "节约"];

/** A subject that itself says something is added or done (城镇新增就业, 农村贫困人口脱贫, 荒漠化土地治理). */
const ADDING_WORDS =
  /(新增|新建|净增|引进|脱贫|改造|建成|完成|开工|竣工|招引|培育|筹集|实现|新开|签约|落地|受益|治理|整治|修缮|修复|造林)/;
const DECREASE = new Set(["下降", "降低", "减少", "压减", "削减", "压缩", "缩减"]);
const INCREASE = new Set(["增长", "增加", "提高", "提升", "净增", "新增", "安排"]);
const LEVEL_LINKS = new Set([
  "提高到",
  "提升到",
  "增加到",
  "增至",
  "降至",
  "保持",
  "保持在",
  "稳定",
  "稳定在",
  "控制在",
  "下降到",
  "降低到",
  "恢复到",
  "在",
]);
/** Links that hold an amount within a bound: for a flow (投资总额控制在500亿元) the amount is still added. */
const HOLD_LINKS = new Set(["控制在", "保持", "保持在", "稳定", "稳定在"]);
const REACH = new Set(["达到", "达", "突破", "超过", "超", "不低于", "不少于", "至少", "高于", "大于"]);
/** Subjects that name a state, not a flow: their numbers are levels. */
const STATE_WORDS =
  /(在施|在建|现有|保有|总数|总量|规模|余额|存量|率|比例|比重|占比|涨幅|指数|水平|覆盖|能力)/;
/**
 * Subjects that name a flow over the period: reaching a number of them is an increase. Output and
 * traffic of the year (粮食产量, 货运量, 发电量, 屠宰加工量) and jobs found (转移就业) are flows too.
 */
const FLOW_WORDS =
  /(额|收入|投资|产值|增加值|销售|营业|出口|进口|交易|税收|总额|利用|产量|[运电销工]量|吞吐量|周转量|就业|招生数?)$/;
/** 产业规模突破100亿元: the scale of an industry or a market in money is its turnover, a flow. */
const TURNOVER = /(?:产业|集群|市场|交易)规模$/;
/** Units of goods produced: 钢3500万吨, 自行车1484万辆 written bare in a plan's list of outputs. */
const OUTPUT_UNITS = /^(?:吨|斤|公斤|千克|立方米|度|千瓦时|辆|台|架|只|马力|标准箱)$/;
/** Units of work done on land or networks: 推进造林工程10万亩 adds ten thousand mu. */
const WORK_UNITS = /^(?:亩|公顷|平方米|平方公里|公里|千米|米)$/;
const GROWTH_SUBJECT = /(增速|增幅|增长率|增长)$/;
/** 人口自然增长率: a demographic rate held, not a growth of the thing measured. */
const NATURAL_RATE = /自然增长率$/;

export interface DirectionContext {
  unit: string;
  subject: string;
  objectUsed: boolean;
  carried: Parsed | null;
  /** A plan over several years: an amount reached at its end is a level (spec: five-year plans). */
  multiYear: boolean;
}

export function decideDirection(p: Parsed, c: DirectionContext): Direction {
  const { unit, subject, objectUsed, carried } = c;
  const links = p.links;
  if (links.some((l) => DECREASE.has(l))) return "decrease";
  if (p.action && DECREASE_ACTIONS.includes(p.action)) return "decrease";
  if (NATURAL_RATE.test(subject)) return "level";
  // 增加值增速保持在6%: the subject is itself a growth rate.
  if (isRateUnit(unit) && GROWTH_SUBJECT.test(subject)) return "increase";
  if (!isRateUnit(unit) && links.some((l) => HOLD_LINKS.has(l)) && FLOW_WORDS.test(subject))
    return "increase";
  if (links.some((l) => LEVEL_LINKS.has(l))) return "level";
  if (links.some((l) => INCREASE.has(l))) return "increase";
  const action = p.action ?? carried?.action ?? null;
  const reaches = links.some((l) => REACH.has(l));
  // 累计新增, 累计实现…面积: cumulative over the period; 累计达到300家 is a stock reached.
  if (links.includes("累计") && !reaches) return "increase";
  const flowLead = [...p.leads, ...(carried?.leads ?? [])].some(
    (l) => l === "全年" || l === "年内" || l === "当年",
  );
  if (action && ONGOING_VERBS.has(action)) return WORK_UNITS.test(unit) ? "increase" : "level";
  if (action || (flowLead && !reaches && !isRateUnit(unit))) return "increase";
  if (carried?.links.some((l) => INCREASE.has(l))) return "increase";
  if (reaches && objectUsed) return "increase";
  const money = unit === "元" || unit === "美元";
  if (money && TURNOVER.test(subject)) return "increase";
  // 新增生产能力: a state word after 新增 names what is added.
  if (!isRateUnit(unit) && /新增|净增|新建/.test(subject)) return "increase";
  if (STATE_WORDS.test(subject)) return "level";
  if (ADDING_WORDS.test(subject.replace(/\([^)]*\)|建成区/g, ""))) return "increase";
  // 到2025年地区生产总值达到3.5万亿元: the size reached at the end of a multi-year plan.
  if (reaches && c.multiYear) return "level";
  if (reaches) return money || FLOW_WORDS.test(subject) || flowLead ? "increase" : "level";
  if (isRateUnit(unit)) return "level";
  // 人次, 户次: counts of visits or services are flows over the period.
  if (/次$/.test(unit)) return "increase";
  // An amount of money without a verb is a flow over the period (实际利用外资1.5亿美元).
  if (money || FLOW_WORDS.test(subject)) return "increase";
  if (/^新/.test(subject) || objectUsed) return "increase";
  // 钢3500万吨: an output of the plan year written without a verb.
  if (!c.multiYear && OUTPUT_UNITS.test(unit) && links.length === 0 && !action) return "increase";
  return "level";
}
