// Numbers with a unit that a plan states without committing to them: counts of the document's own
// headings and lists (实施5项行动23项任务, 重点做好十个方面工作), a count that restates a list just
// named (甲、乙、丙3个园区), attendance lines of a report's news version (应到代表…名，实到…名),
// thresholds that qualify a class (年综合能耗1万吨标准煤以上的企业) and capacities in a project's
// name (年产30万吨…项目). Each rule reads the genre's wording, never a particular document.

import { COUNT_UNITS } from "../domain/units.ts";
import type { Quantity } from "./quantities.ts";
import type { Segment } from "./segments.ts";

/** Nouns that name parts of the document itself: its areas, actions, tasks, lists and indicators. */
const STRUCTURE_NOUN = "(?:方面|行动|任务|实事|攻坚战|措施|举措|指标|大类|部分|板块|篇章|章节)";
/** 8个方面, 23项任务, 52项民生实事, 65个基础性指标, 十个方面工作: the noun right after the count. */
const STRUCTURE_AFTER = new RegExp(`^(?:重点|主要|基础性|具体|专项|民生|重大|工作)?${STRUCTURE_NOUN}`);
/** 民生实事20项, 方面共22项: the noun right before the count. */
const STRUCTURE_BEFORE = new RegExp(`${STRUCTURE_NOUN}(?:共|计|合计|总计|有)?$`);
const STRUCTURE_UNITS = new Set(["个", "项", "件", "条", "类", "大类", "方面", "场"]);

/** Words of a meeting's attendance: 应到, 实到, 出席, 缺席 — furniture of a report's news version. */
const ATTENDANCE = /应到|实到|出席|列席|缺席|到会|请假/;

/** After 以上的 / 以下的: what a threshold may measure and still be a target (6%以上的增速). */
const TARGET_AFTER_THRESHOLD = /^(?:的)?(?:增长|增速|速度|幅度|水平|目标|任务|计划|比例|比重|份额|规模|年均)/;

const CJK = /[\u4e00-\u9fa5]/;

function isStructureCount(text: string, clause: Segment, q: Quantity): boolean {
  if (!STRUCTURE_UNITS.has(q.unit)) return false;
  const after = text.slice(q.end, Math.min(clause.end, q.end + 12));
  if (STRUCTURE_AFTER.test(after)) return true;
  const before = text.slice(Math.max(clause.start, q.start - 8), q.start);
  return STRUCTURE_BEFORE.test(before);
}

/** 支持甲、乙、丙3个实验室: a count equal to the number of names listed right before it. */
function restatesList(text: string, clause: Segment, q: Quantity): boolean {
  if (!COUNT_UNITS.has(q.unit) || q.value < 2 || q.value > 20 || q.value2 !== null) return false;
  // A quoted slogan before the list (“一室一策”) is no item of it.
  const before = text
    // A list of at most 20 names of at most 20 characters: a bounded look back keeps this linear.
    .slice(Math.max(clause.start, q.start - 440), q.start)
    .replace(/“[^“”]*”/g, "")
    .replace(/等$/, "");
  if (!before.includes("、") || /\d/.test(before)) return false;
  const items = before.split("、");
  return items.length === q.value && items.every((s) => s.length > 0 && s.length <= 20);
}

/** 年综合能耗5万吨标准煤以上的企业, 占比1%以上的物种: a measure that picks out a class of things. */
function isThreshold(text: string, q: Quantity): boolean {
  if (COUNT_UNITS.has(q.unit)) return false;
  if (q.suffix !== "at_least" && q.suffix !== "at_most") return false;
  const word = text.slice(q.unitEnd, q.end);
  if (!/^(?:以上|以下|以内)$/.test(word)) return false;
  const after = text.slice(q.end, q.end + 8);
  const next = after.startsWith("的") ? after.slice(1) : after;
  if (!CJK.test(next.slice(0, 1))) return false;
  return !TARGET_AFTER_THRESHOLD.test(after);
}

/** 年产60万吨油料等项目, 120万吨乙烯改造项目: a capacity that is part of a project's name. */
function isCapacityName(text: string, clause: Segment, q: Quantity): boolean {
  // Only units of output capacity: 30万平方米…修缮项目 is an area of work, not a name.
  if (!/吨|瓦|立方米|标准?箱|伏/.test(q.unit) || q.suffix !== null) return false;
  // (新增年产50万吨钢铁产能 is a target: only a name ending in 项目, 工程 … is one.)
  const after = text.slice(q.end, Math.min(clause.end, q.end + 16));
  return /^[\u4e00-\u9fa5]{1,12}?等?(?:项目|工程|生产线|装置)/.test(after);
}

/** 由今年的44%提高到45%, 从30幢增长至40幢: the figure changed from is a baseline, the other the target. */
function isBaseline(text: string, clause: Segment, q: Quantity): boolean {
  const before = text.slice(Math.max(clause.start, q.start - 12), q.start);
  if (!/[由从][^由从,;。]*$/.test(before)) return false;
  const after = text.slice(q.end, Math.min(clause.end, q.end + 8));
  return /^的?(?:水平)?(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|压减|降|增|调整|改为)(?:到|至|为)/.test(
    after,
  );
}

/** True when a quantity of a clause is not a target whatever its tense. */
export function isNotTarget(text: string, clause: Segment, q: Quantity): boolean {
  // 应到代表211名: the word stands just before its count (a bounded look back keeps this linear).
  const near = text.slice(Math.max(clause.start, q.start - 12), q.start);
  if (/^(?:人|名|位)$/.test(q.unit) && ATTENDANCE.test(near)) return true;
  return (
    isStructureCount(text, clause, q) ||
    restatesList(text, clause, q) ||
    isThreshold(text, q) ||
    isBaseline(text, clause, q) ||
    isCapacityName(text, clause, q)
  );
}
