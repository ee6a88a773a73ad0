// From quantities to targets: the subject a number measures, its comparator, direction and kind.
// A clause reads [subject][verb][comparator] NUMBER UNIT [suffix] [object]; the rules below take it
// apart with word lists, never with the sentences of a particular document.

import { COUNT_UNITS, isRateUnit } from "../domain/units.ts";
import { DECREASE_ACTIONS, decideDirection, ONGOING_VERBS, type Parsed } from "./direction.ts";
import type { Quantity } from "./quantities.ts";
import type { Segment } from "./segments.ts";
import type { Comparator, Direction, TargetKind } from "./types.ts";

export interface TargetCandidate {
  start: number;
  end: number;
  subject: string;
  value: number;
  value2: number | null;
  unit: string;
  displayUnit: string;
  display: string;
  comparator: Comparator;
  direction: Direction;
  kind: TargetKind;
  confidence: number;
}

/** Words between the subject and the number, read from the number backwards. */
const LINK_WORDS: [string, Comparator | null][] = [
  ["不低于", "at_least"],
  ["不少于", "at_least"],
  ["不超过", "at_most"],
  ["不高于", "at_most"],
  ["控制在", "at_most"],
  ["保持在", null],
  ["稳定在", null],
  ["提高到", null],
  ["提升到", null],
  ["增加到", null],
  ["下降到", null],
  ["降低到", null],
  ["比上年", null],
  ["仍然安排", null],
  ["安排", null],
  ["较上年", null],
  ["同口径", null],
  ["超过", "at_least"],
  ["突破", "at_least"],
  ["至少", "at_least"],
  ["高于", "at_least"],
  ["大于", "at_least"],
  ["低于", "at_most"],
  ["少于", "at_most"],
  ["小于", "at_most"],
  ["大约", "about"],
  ["接近", "about"],
  ["增长", null],
  ["增加", null],
  ["下降", null],
  ["降低", null],
  ["减少", null],
  ["压减", null],
  ["削减", null],
  ["提高", null],
  ["提升", null],
  ["达到", null],
  ["恢复到", null],
  ["增至", null],
  ["降至", null],
  ["保持", null],
  ["稳定", null],
  ["净增", null],
  ["新增", null],
  ["分别", null],
  ["同比", null],
  ["年均", null],
  ["平均", null],
  ["累计", null],
  ["完成", null],
  ["实现", null],
  ["超", "at_least"],
  ["约", "about"],
  ["近", "about"],
  ["达", null],
  ["在", null],
  ["为", null],
  ["是", null],
];

/** Verbs of doing at the head of a clause: 新建2个…, 完成…, 推进18个…建设. */
const ACTION_VERBS = [
  "全力推动",
  "全力推进",
  "加快推进",
  "加快推动",
  "新建改造",
  "新增改造",
  "新、改建",
  "新增、改造",
  "筹集建设",
  "改扩建",
  "新开工",
  "新建",
  "新增",
  "净增",
  "完成",
  "实现",
  "建成",
  "开工",
  "竣工",
  "打造",
  "推进",
  "推动",
  "加快",
  "培育",
  "建设",
  "开展",
  "实施",
  "启动",
  "改造",
  "扩建",
  "改建",
  "创建",
  "筹集",
  "提供",
  "惠及",
  "盘活",
  "开行",
  "开通",
  "整治",
  "整备",
  "增加",
  "安排",
];
/** Action verbs that carry meaning of their own and stay in the subject (盘活空置楼宇, 引进优质产业项目). */
const GENERIC_ACTIONS = new Set([
  "新建",
  "新增",
  "净增",
  "完成",
  "实现",
  "打造",
  "建设",
  "开展",
  "实施",
  "启动",
  "新建改造",
  "新增改造",
  "新、改建",
  "新增、改造",
  "筹集建设",
  "增加",
  "安排",
]);

const LEAD_FILLERS =
  /^(?:\d{1,2}[.、](?!\d)|[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十\d]{1,3}[)]|[①-⑳]|到\d{4}年(?:底|末)?|\d{4}年(?:底|末)?|今年|明年|全年|年内|当年|全区|全市|全省|全县|全镇|全州|我区|我市|我省|我县|实现|力争|确保|努力|争取|预计|计划|持续|进一步|同时|并且|并|其中|另外|以及|即|各类|各项|使|让|将|要|和|与|及|对|为|向|给|、|的|一是|二是|三是|四是|五是|六是|七是|八是|九是|十是)/;

const CHINESE_NUMERAL_VERBS =
  /(新增|新建|净增|建成|新开工|开工|竣工|完成|达到|增加|培育|引进|改造|改扩建|扩建|创建|新设|设立|建设|举办|开展|培训|救助|安排|共)$/;

/** 比2020年, 恢复到2019年的: a year named as the base of a comparison, just before the number or verb. */
const BASE_YEAR = /(比|较|相当于|恢复到|达到)?\d{4}年(?:预计|实际|计划)?(?:水平)?的?$/;

function stripLinks(text: string): { rest: string; links: string[]; prefix: Comparator | null } {
  // 托位数达到每千人4.5个: the per-capita base qualifies the unit, it is not part of the subject.
  // 由今年预计的44%提高到: the figure changed from is a baseline, and 由… no part of the subject.
  let rest = text
    .replace(/每[百千万]?人口?$/, "")
    .replace(/[由从](?:\d{4}年|今年|去年|上年|目前|现在|基期年?)[^由从]{0,6}$/, "");
  const links: string[] = [];
  let prefix: Comparator | null = null;
  for (let guard = 0; guard < 8; guard++) {
    const base = BASE_YEAR.exec(rest);
    if (base) {
      const verb = base[1] === "恢复到" || base[1] === "达到" ? base[1] : null;
      rest = rest.slice(0, base.index);
      if (verb) links.push(verb);
      continue;
    }
    const hit = LINK_WORDS.find(([w]) => rest.endsWith(w));
    if (!hit) break;
    links.push(hit[0]);
    if (hit[1] && !prefix) prefix = hit[1];
    rest = rest.slice(0, -hit[0].length);
  }
  return { rest, links, prefix };
}

/** Reads the words before a number: subject, the verbs linking it to the number, a comparator. */
function parsePre(text: string, offset: number, regionStem: string | null): Parsed {
  const stripped = stripLinks(trimEnd(text, "“”\"'《》"));
  const { links, prefix } = stripped;
  let start = offset;
  // 实施康复救助项目使接受康复服务比例达到80%: what is measured follows the causative 使.
  const causative = /(?:使|让|促使)(?!用|命|馆|者|得)(?=[\u4e00-\u9fa5]{2})/g;
  let cut = -1;
  for (let m = causative.exec(stripped.rest); m !== null; m = causative.exec(stripped.rest))
    cut = m.index + m[0].length;
  let subject = cut > 0 ? stripped.rest.slice(cut) : stripped.rest;
  start += Math.max(cut, 0);
  const leads: string[] = [];
  let action: string | null = null;
  for (let guard = 0; guard < 8; guard++) {
    const before = subject;
    const filler = LEAD_FILLERS.exec(subject);
    if (filler && filler[0].length <= subject.length) {
      leads.push(filler[0]);
      subject = subject.slice(filler[0].length);
    } else if (regionStem && subject.startsWith(regionStem) && subject.length > regionStem.length + 1) {
      subject = subject.slice(regionStem.length).replace(/^[省市区县]/, "");
    } else if (/^[\s■◆●▲◢|·*-]/.test(subject)) {
      subject = subject.slice(1);
    } else {
      // 建成区 (the built-up area) is a noun, not the verb 建成.
      const cut = DECREASE_ACTIONS.find((v) => subject.startsWith(v));
      if (cut && !action) {
        action = cut;
        subject = subject.slice(cut.length);
        start += before.length - subject.length;
        continue;
      }
      // 增加值 (value added) is a noun too, not the verb 增加.
      const verb = /^(?:建成区|增加值)/.test(subject)
        ? undefined
        : ACTION_VERBS.find((v) => subject.startsWith(v));
      if (verb && !action) {
        action = verb;
        const after = subject.slice(verb.length);
        // 新开工、竣工面积: a verb in a list of verbs stays with its noun.
        if (
          !after.startsWith("、") &&
          (GENERIC_ACTIONS.has(verb) || after === "" || ONGOING_VERBS.has(verb))
        ) {
          subject = after;
        }
      }
    }
    start += before.length - subject.length;
    if (before === subject) break;
  }
  // 东部过境高速等道路: the examples before 等 are items, the subject is what follows.
  const deng = subject.lastIndexOf("等");
  if (deng >= 0) {
    const keep = (action && subject.startsWith(action) ? action : "") + subject.slice(deng + 1);
    start += deng + 1;
    subject = keep;
  }
  return { subject, subjectStart: start, links, action, prefix, leads };
}

/** The noun a count is of, when it follows the unit: 2个老年日间照料中心 → 老年日间照料中心. */
function readObject(text: string, from: number, limit: number): { object: string; end: number } {
  const slice = text.slice(from, Math.min(limit, from + 24));
  const m = /^[\u4e00-\u9fa5A-Za-z0-9“”"()（）-]+/.exec(slice);
  if (!m) return { object: "", end: from };
  // 10条(段): a note on the unit right after it, not the noun counted.
  let object = m[0].replace(/^\([^()]*\)/, "");
  const stop = /的|等|并|为|和|及|以|(?:开展|提供)/.exec(object);
  if (stop && stop.index > 0) object = object.slice(0, stop.index);
  else if (stop) return { object: "", end: from };
  // 3万平方米节能率不低于15%的既有建筑改造: a qualifier stands between the count and its noun; the
  // noun is what follows its 的, and the span stays on the count so as not to take the qualifier in.
  if (/不低于|不少于|不超过|不高于|以上|以下/.test(object)) {
    const de = slice.indexOf("的", object.length);
    const noun = de >= 0 ? /^[\u4e00-\u9fa5]+/.exec(slice.slice(de + 1)) : null;
    return { object: noun ? noun[0] : "", end: from };
  }
  const end = from + object.length;
  object = object.replace(/(?:建设工作|建设|工作|任务|目标)$/, "");
  return { object, end };
}

const POLICY_VERBS = /(落实|贯彻|出台|制定|印发|执行|修订)/;

function kindOf(unit: string, direction: Direction): TargetKind {
  // A percentage that grows or falls is a rate (增长5%, 下降3%); one to reach or hold is a level.
  if (isRateUnit(unit)) return direction === "level" ? "level" : "rate";
  return direction === "level" ? "level" : "cumulative";
}

/** Splits a subject that names several things for a 分别 list: 雏鹰、瞪羚企业 → 雏鹰企业, 瞪羚企业. */
export function splitSubjects(subject: string, count: number): string[] | null {
  if (subject.startsWith("城乡") && count === 2) {
    const rest = subject.slice(2);
    return [`城镇${rest}`, `农村${rest}`];
  }
  const parts = subject.split(/、|和|与|及/).filter((s) => s !== "");
  if (parts.length !== count) return null;
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  // The modifier of the last name ends like the first name (国家级、市级孵化器 → 级), else it is as
  // long as the first name (雏鹰、瞪羚企业); what follows it is the noun they share.
  const tail = first.slice(-1);
  const at = /[级型类性式]/.test(tail) ? last.indexOf(tail) : -1;
  const head = at >= 0 ? last.slice(at + 1) : first.length < last.length ? last.slice(first.length) : "";
  if (head === "") return parts;
  return parts.map((p, i) => (i === parts.length - 1 || p.endsWith(head) ? p : p + head));
}

export interface ClauseContext {
  text: string;
  clause: Segment;
  /** The clause before, for a 分别 list whose subjects were named there. */
  previousClause: Segment | null;
  regionStem: string | null;
  /** The plan spans several years (a five-year plan): amounts reached at its end are levels. */
  multiYear?: boolean;
  /** The last subject named earlier in the sentence: 占比增长13%以上,达35%以上. */
  previousSubject: string;
}

/** Trims characters of `set` from both ends with index scans: a trailing-run regex is quadratic on long runs. */
function trimSet(s: string, set: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && set.includes(s[a] as string)) a++;
  while (b > a && set.includes(s[b - 1] as string)) b--;
  return s.slice(a, b);
}

function trimEnd(s: string, set: string): string {
  let b = s.length;
  while (b > 0 && set.includes(s[b - 1] as string)) b--;
  return s.slice(0, b);
}

/** Longest subject kept: a person's label for a row, not a paragraph. */
const MAX_SUBJECT = 40;

function cleanSubject(s: string): string {
  const t = trimSet(s, "、,和及与的 ");
  return t.length > MAX_SUBJECT ? t.slice(-MAX_SUBJECT) : t;
}

/** Subject named in the clause before a bare 分别 list: 高新技术企业和科技型企业在…实现“双倍增”. */
function subjectFromPrevious(ctx: ClauseContext): string {
  if (!ctx.previousClause) return "";
  const t = ctx.text.slice(ctx.previousClause.start, ctx.previousClause.end).replace(/[,:;。]$/, "");
  const head = t.split(/在|实现|将|要|的基础上/)[0] ?? "";
  return parsePre(head, 0, ctx.regionStem).subject;
}

/** Targets stated by the quantities of one clause (given in order). */
/**
 * Targets stated by the quantities of one clause (given in order). Quantities that `keep` refuses
 * (past figures, baselines) state no target but are still read, so that the words after them are
 * not taken for the subject of the next one.
 */
export function clauseTargets(
  ctx: ClauseContext,
  quantities: Quantity[],
  keep: (q: Quantity) => boolean = () => true,
): TargetCandidate[] {
  const { text, clause } = ctx;
  const out: TargetCandidate[] = [];
  let cursor = clause.start;
  let carried: Parsed | null = null;
  let previousSubject = ctx.previousSubject;
  let fromPrevious: string | undefined;
  let i = 0;
  while (i < quantities.length) {
    const q = quantities[i] as Quantity;
    const preText = text.slice(cursor, q.start);
    const p = parsePre(preText, cursor, ctx.regionStem);
    // Siblings: 80家和18家, 6.5%、8%左右 — values that follow with nothing but a conjunction between.
    const group: Quantity[] = [q];
    while (i + group.length < quantities.length) {
      const prev = group[group.length - 1] as Quantity;
      const next = quantities[i + group.length] as Quantity;
      const between = text.slice(prev.end, next.start);
      if (!/^(?:、|和|及|与|,)?$/.test(between)) break;
      if (next.unit !== q.unit && !(isRateUnit(next.unit) && isRateUnit(q.unit))) break;
      group.push(next);
    }
    const last = group[group.length - 1] as Quantity;
    const objectInfo =
      COUNT_UNITS.has(last.unit) || /公里|米|公顷|亩/.test(last.unit)
        ? readObject(text, last.end, clause.end)
        : { object: "", end: last.end };
    let subject = cleanSubject(p.subject);
    let subjectStart = p.subjectStart;
    const objectUsed = objectInfo.object !== "" && group.length === 1;
    if (objectUsed) subject = subject && !p.action ? subject + objectInfo.object : objectInfo.object;
    if (subject === "" && p.links.includes("分别")) {
      fromPrevious ??= subjectFromPrevious(ctx);
      subject = fromPrevious;
    }
    if (subject === "") {
      subject = previousSubject;
      subjectStart = q.start;
    }
    // 这个比重，2019年为27%，2020年将达到29%: the subject stood alone in the clause before.
    if (subject === "") {
      // Read once per clause: the clause before may be long, and this clause may hold many numbers.
      fromPrevious ??= subjectFromPrevious(ctx);
      subject = fromPrevious;
    }
    const names = group.length > 1 ? splitSubjects(subject, group.length) : null;
    // 6.5%、8%左右: a comparator written once after a list of values holds for all of them.
    const listSuffix = group.length > 1 ? last.suffix : null;
    // A Chinese numeral is a target only right after a verb of adding or building (新建两所 …),
    // not in slogans (推动两个转变, 聚焦四项重点工作).
    // (新建社区健身点二十个: the verb may also open the clause.)
    const chineseOk =
      !q.chinese ||
      CHINESE_NUMERAL_VERBS.test(preText.replace(/(不少于|不低于|超过|约)$/, "")) ||
      (p.action !== null && CHINESE_NUMERAL_VERBS.test(p.action) && !ONGOING_VERBS.has(p.action));
    // 落实民营经济28条: a policy named by its number of articles.
    const policyName = q.unit === "条" && !objectUsed && POLICY_VERBS.test(preText);
    if (chineseOk && !policyName && subject !== "") {
      group.forEach((g, k) => {
        if (!keep(g)) return;
        const name = names?.[k] ?? subject;
        const comparator: Comparator =
          g.value2 !== null ? "range" : (g.suffix ?? listSuffix ?? p.prefix ?? "target");
        const direction = decideDirection(p, {
          unit: g.unit,
          subject: name,
          objectUsed,
          carried,
          multiYear: ctx.multiYear === true,
        });
        const start = group.length > 1 ? g.start : Math.min(subjectStart, g.start);
        out.push({
          start: Math.max(clause.start, start),
          end: objectUsed ? objectInfo.end : g.end,
          subject: name,
          value: g.value,
          value2: g.value2,
          unit: g.unit,
          displayUnit: g.displayUnit,
          display: g.display,
          comparator,
          direction,
          kind: kindOf(g.unit, direction),
          confidence: (q.chinese ? 0.6 : 0.9) - (subject === previousSubject ? 0.2 : 0),
        });
      });
    }
    if (p.action || p.links.length) carried = p;
    previousSubject = subject;
    cursor = objectUsed ? objectInfo.end : last.end;
    i += group.length;
  }
  return out;
}
