// Is a figure believable before anybody signs it? One rule set for the target editor, the report form,
// the CSV and ledger imports and the API. Two kinds of finding:
// - impossible values are refused outright (a negative count, a share above 100%, half a company);
// - implausible ones need an explicit confirmation with a reason: the 万/亿 slip (a value 100× or 1/100
//   of the target or of last period), a jump beyond what the kind of figure does in one period, and a
//   cumulative figure that falls. A reason that says nothing (无, 没有, 同上, -) is no reason.
// All values are in the target's base unit (元, 人, %): ratios are then unit-free.

import type { LocalText } from "./app-error.ts";
import { COUNT_UNITS, unitInEnglish } from "./units.ts";

export type PlausibilityKind = "cumulative" | "level" | "rate" | "milestone";

export interface PlausibilityTarget {
  kind: PlausibilityKind;
  /** Base unit: 元, 人, %, 家 … */
  unit: string;
  /** The target value (the first of a range), null when the plan gives none. */
  value: number | null;
  value2?: number | null;
}

export interface PlausibilityInput {
  target: PlausibilityTarget;
  /** The figure being entered, in the base unit. */
  value: number;
  /** The same subject's figure of the period before, when there is one. */
  previous?: number | null;
}

export type ImpossibleRule = "negative_count" | "negative_amount" | "share_over_100" | "fractional_count";
export type ImplausibleRule = "ratio_to_target" | "ratio_to_previous" | "jump" | "cumulative_fall";

export interface Finding<R extends string> {
  rule: R;
  message: LocalText;
  /** The numbers the rule compared, for the error body and the review desk. */
  numbers: Record<string, number>;
}

export interface PlausibilityResult {
  impossible: Finding<ImpossibleRule>[];
  implausible: Finding<ImplausibleRule>[];
}

/** 100×: a figure typed in 元 for 万元, or in 万元 for 亿元, is at least this far off. */
export const SLIP_RATIO = 100;
/** Growth rates and other rates in % move by less than this many points between two periods. */
export const RATE_JUMP_POINTS = 30;
/** A level (a stock, a ratio) rarely more than triples or falls to a third in one period. */
export const LEVEL_JUMP_RATIO = 3;

const PERCENT_UNITS = new Set(["%", "％"]);

export function isCountUnit(unit: string): boolean {
  return COUNT_UNITS.has(unit);
}

const num = (x: number) => Number(x.toPrecision(6)).toString();

/** a is at least `ratio` times b, or at most 1/ratio of it (both non-zero, same sign). */
function farOff(a: number, b: number, ratio: number): number | null {
  if (a === 0 || b === 0 || Math.sign(a) !== Math.sign(b)) return null;
  const r = Math.abs(a / b);
  return r >= ratio || r <= 1 / ratio ? r : null;
}

function impossible(input: PlausibilityInput): Finding<ImpossibleRule>[] {
  const { target, value } = input;
  const out: Finding<ImpossibleRule>[] = [];
  if (value < 0 && isCountUnit(target.unit)) {
    out.push({
      rule: "negative_count",
      message: {
        zh: `数量不能为负数（${num(value)}${target.unit}）`,
        en: `a count cannot be negative (${num(value)} ${unitInEnglish(target.unit)})`,
      },
      numbers: { value },
    });
  } else if (value < 0 && target.kind === "cumulative") {
    out.push({
      rule: "negative_amount",
      message: {
        zh: `累计值不能为负数（${num(value)}${target.unit}）`,
        en: `a cumulative figure cannot be negative (${num(value)} ${unitInEnglish(target.unit)})`,
      },
      numbers: { value },
    });
  }
  if (isCountUnit(target.unit) && !Number.isInteger(value)) {
    out.push({
      rule: "fractional_count",
      message: {
        zh: `数量应为整数（${num(value)}${target.unit}）`,
        en: `a count must be a whole number (${num(value)} ${unitInEnglish(target.unit)})`,
      },
      numbers: { value },
    });
  }
  // A share, a coverage or a rate of completion is bounded by 100%; a growth rate (kind rate) is not.
  if (PERCENT_UNITS.has(target.unit) && target.kind !== "rate" && value > 100) {
    out.push({
      rule: "share_over_100",
      message: {
        zh: `比例不能超过100%（填报${num(value)}%）`,
        en: `a share cannot exceed 100% (entered ${num(value)}%)`,
      },
      numbers: { value, bound: 100 },
    });
  }
  return out;
}

function implausible(input: PlausibilityInput): Finding<ImplausibleRule>[] {
  const { target, value } = input;
  const previous = input.previous ?? null;
  const out: Finding<ImplausibleRule>[] = [];
  // Rates sit near zero as a matter of course (0.2% against 6%): the slip rule would fire on them.
  const slipApplies = target.kind !== "rate" && !PERCENT_UNITS.has(target.unit);
  if (slipApplies && target.value !== null) {
    const r = farOff(value, target.value, SLIP_RATIO);
    if (r !== null) {
      out.push({
        rule: "ratio_to_target",
        message: {
          zh: `填报值${num(value)}${target.unit}是目标值${num(target.value)}${target.unit}的${num(r)}倍，请核对单位（万/亿）`,
          en: `the value ${num(value)} ${unitInEnglish(target.unit)} is ${num(r)} times the target ${num(target.value)} ${unitInEnglish(target.unit)}: check the unit (10⁴/10⁸)`,
        },
        numbers: { value, target: target.value, ratio: r },
      });
    }
  }
  if (slipApplies && previous !== null) {
    const r = farOff(value, previous, SLIP_RATIO);
    if (r !== null) {
      out.push({
        rule: "ratio_to_previous",
        message: {
          zh: `填报值${num(value)}${target.unit}是上期${num(previous)}${target.unit}的${num(r)}倍，请核对单位（万/亿）`,
          en: `the value ${num(value)} ${unitInEnglish(target.unit)} is ${num(r)} times last period's ${num(previous)} ${unitInEnglish(target.unit)}: check the unit (10⁴/10⁸)`,
        },
        numbers: { value, previous, ratio: r },
      });
    }
  }
  if (previous !== null && !out.some((f) => f.rule === "ratio_to_previous")) {
    const jump = jumpFinding(target, value, previous);
    if (jump) out.push(jump);
  }
  if (target.kind === "cumulative" && previous !== null && value < previous) {
    out.push({
      rule: "cumulative_fall",
      message: {
        zh: `累计值低于上期（${num(value)} < ${num(previous)}${target.unit}），请说明原因`,
        en: `the cumulative figure is below last period's (${num(value)} < ${num(previous)} ${unitInEnglish(target.unit)}): give the reason`,
      },
      numbers: { value, previous },
    });
  }
  return out;
}

function jumpFinding(target: PlausibilityTarget, value: number, previous: number): Finding<"jump"> | null {
  if (target.kind === "rate" || (PERCENT_UNITS.has(target.unit) && target.kind !== "cumulative")) {
    const points = Math.abs(value - previous);
    if (points <= RATE_JUMP_POINTS) return null;
    return {
      rule: "jump",
      message: {
        zh: `与上期相比变动${num(points)}个百分点（上期${num(previous)}%，本期${num(value)}%），超出通常幅度`,
        en: `a change of ${num(points)} percentage points from last period (${num(previous)}% → ${num(value)}%), beyond the usual range`,
      },
      numbers: { value, previous, points, bound: RATE_JUMP_POINTS },
    };
  }
  if (target.kind === "level") {
    const r = farOff(value, previous, LEVEL_JUMP_RATIO);
    if (r === null) return null;
    return {
      rule: "jump",
      message: {
        zh: `本期${num(value)}${target.unit}是上期${num(previous)}${target.unit}的${num(r)}倍，超出通常幅度`,
        en: `this period's ${num(value)} ${unitInEnglish(target.unit)} is ${num(r)} times last period's ${num(previous)} ${unitInEnglish(target.unit)}, beyond the usual range`,
      },
      numbers: { value, previous, ratio: r, bound: LEVEL_JUMP_RATIO },
    };
  }
  if (target.kind === "cumulative" && target.value !== null && target.value > 0) {
    const added = value - previous;
    if (added <= target.value) return null;
    return {
      rule: "jump",
      message: {
        zh: `本期新增${num(added)}${target.unit}，超过全年目标${num(target.value)}${target.unit}`,
        en: `this period adds ${num(added)} ${unitInEnglish(target.unit)}, more than the whole year's target of ${num(target.value)} ${unitInEnglish(target.unit)}`,
      },
      numbers: { value, previous, added, target: target.value },
    };
  }
  return null;
}

/** Every finding for one figure; nothing found → both lists empty. */
export function checkPlausibility(input: PlausibilityInput): PlausibilityResult {
  if (!Number.isFinite(input.value)) {
    return {
      impossible: [
        {
          rule: "negative_amount",
          message: { zh: "数值无效", en: "not a number" },
          numbers: {},
        },
      ],
      implausible: [],
    };
  }
  return { impossible: impossible(input), implausible: implausible(input) };
}

// Words that fill a box without saying anything: 无, 没有, 暂无, 同上, 见上, -, /, …
const EMPTY_TALK =
  /^(?:无|没有|暂无|暂没有|无问题|没有问题|同上|见上|如上|略|详见附件|无特殊情况|none|n\/?a|nil|-+|—+|\/+|\.+|…+)$/i;

/** True when a reason says nothing: empty, punctuation only, or one of the stock fillers. */
export function isEmptyTalk(text: string | null | undefined): boolean {
  if (!text) return true;
  const bare = text.replace(/[\s。，、；：！？!?,.;:（）()“”"'‘’【】[\]]/g, "");
  if (bare.length === 0) return true;
  if (EMPTY_TALK.test(bare)) return true;
  return /^[-—_/\\.·…~～*]+$/.test(bare);
}

export interface Confirmation {
  confirm?: boolean | null;
  reason?: string | null;
}

/**
 * The findings a confirmation does not cover: impossible values always, implausible ones unless the
 * person confirmed with a reason that says something.
 */
export function unconfirmed(result: PlausibilityResult, confirmation: Confirmation): PlausibilityResult {
  const confirmed = confirmation.confirm === true && !isEmptyTalk(confirmation.reason);
  return { impossible: result.impossible, implausible: confirmed ? [] : result.implausible };
}

/** An implausible finding the person confirmed, with the reason they gave: kept with what they sent. */
export interface ConfirmedFinding extends Finding<ImplausibleRule> {
  reason: string;
}
