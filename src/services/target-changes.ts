// A correction of a target checked on its own, before any database is asked: fields of the right kind,
// a coherent value, range and span, and the display text rewritten after a new value. Shared by the
// single and the bulk correction, the split, the merge and a target added by hand (plan-review.ts).

import type { TargetPatch } from "../contract/targets.ts";
import type { TargetRow } from "../db/schema.ts";
import type { TargetChanges } from "../db/target-edits-repository.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";
import { formatTargetDisplay } from "../domain/target-display.ts";

function bad(message: LocalText, details: Record<string, unknown> = {}): AppError {
  return new AppError("bad_input", message, details);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The fields as the Chinese screen names them: an English field name has no place in a Chinese sentence. */
const FIELD_ZH: Record<string, string> = {
  value: "目标值",
  value2: "区间上限",
  baseline: "基期值",
  baselineYear: "基期年份",
  targetYear: "目标年份",
  annualGrowth: "年均增长",
  weight: "权重",
  dueDate: "完成时限",
};

function checkDate(value: string | null | undefined, field: string): void {
  if (value === null || value === undefined) return;
  const m = ISO_DATE.exec(value);
  const date = m ? new Date(`${value}T00:00:00Z`) : null;
  if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw bad(
      {
        zh: `${FIELD_ZH[field] ?? field}应为日期（年-月-日，如 2020-06-30）：${value}`,
        en: `${field} must be a date YYYY-MM-DD: ${value}`,
      },
      {
        field,
        value,
      },
    );
  }
}

function checkNumber(value: number | null | undefined, field: string): void {
  if (value === null || value === undefined) return;
  if (!Number.isFinite(value))
    throw bad({ zh: `${FIELD_ZH[field] ?? field}应为数字`, en: `${field} must be a number` }, { field });
}

/** Field-level checks that need no database. */
function checkPatchFields(patch: TargetPatch): void {
  if (patch.subject !== undefined && patch.subject.trim() === "") {
    throw bad({ zh: "指标名称不能为空", en: "the subject cannot be empty" }, { field: "subject" });
  }
  checkNumber(patch.value, "value");
  checkNumber(patch.value2, "value2");
  checkNumber(patch.baseline, "baseline");
  checkNumber(patch.annualGrowth, "annualGrowth");
  if (
    patch.baselineYear !== undefined &&
    patch.targetYear !== undefined &&
    patch.baselineYear !== null &&
    patch.targetYear !== null &&
    patch.targetYear <= patch.baselineYear
  ) {
    throw bad(
      {
        zh: `目标年份（${patch.targetYear}）应晚于基期年份（${patch.baselineYear}）`,
        en: `the target year (${patch.targetYear}) must come after the base year (${patch.baselineYear})`,
      },
      { field: "targetYear" },
    );
  }
  checkNumber(patch.weight, "weight");
  if (patch.weight !== undefined && patch.weight < 0)
    throw bad({ zh: "权重不能为负", en: "weight cannot be negative" }, { field: "weight" });
  checkDate(patch.dueDate, "dueDate");
}

export interface TargetShape {
  value: number | null;
  value2: number | null;
  unit: string;
  display_unit: string;
  display: string;
  comparator: TargetRow["comparator"];
  kind: TargetRow["kind"];
  span_start: number;
  span_end: number;
}

/**
 * The changes to store for `patch` on `current`: checks that the result is a coherent target, clears
 * value2 when the comparator stops being a range, and rewrites the display text after a new value.
 */
export function resolveTargetChanges(current: TargetShape, patch: TargetPatch): TargetChanges {
  checkPatchFields(patch);
  const changes: TargetChanges = { ...patch };
  if (changes.subject !== undefined) changes.subject = changes.subject.trim();
  const next = {
    value: patch.value !== undefined ? patch.value : current.value,
    value2: patch.value2 !== undefined ? patch.value2 : current.value2,
    unit: patch.unit ?? current.unit,
    displayUnit: patch.displayUnit ?? current.display_unit,
    comparator: patch.comparator ?? current.comparator,
    kind: patch.kind ?? current.kind,
    start: patch.start ?? current.span_start,
    end: patch.end ?? current.span_end,
  };
  if (next.kind !== "milestone" && next.value === null) {
    throw bad(
      {
        zh: "数值型指标需要目标值（或改为里程碑）",
        en: "a numeric target needs a value (or make it a milestone)",
      },
      {
        field: "value",
      },
    );
  }
  if (next.comparator === "range") {
    if (next.value2 === null)
      throw bad({ zh: "区间指标需要上限（value2）", en: "a range needs value2" }, { field: "value2" });
    if (next.value !== null && next.value2 < next.value) {
      throw bad({ zh: "区间上限不能小于下限", en: "value2 cannot be below value" }, { field: "value2" });
    }
  } else if (next.value2 !== null) {
    if (patch.value2 !== undefined && patch.value2 !== null) {
      throw bad({ zh: "只有区间指标才有上限（value2）", en: "only a range has value2" }, { field: "value2" });
    }
    changes.value2 = null;
    next.value2 = null;
  }
  if (next.end <= next.start)
    throw bad({ zh: "文本位置无效", en: "invalid text span" }, { start: next.start, end: next.end });
  const valueChanged =
    patch.value !== undefined ||
    changes.value2 !== undefined ||
    patch.unit !== undefined ||
    patch.displayUnit !== undefined;
  if (patch.display === undefined && valueChanged) {
    changes.display = formatTargetDisplay(next.value, next.value2, next.unit, next.displayUnit);
  }
  return changes;
}
