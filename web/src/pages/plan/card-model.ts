// The target card's form values and the PATCH they turn into. Values are edited in the display unit
// the plan uses (106 亿元) and sent in the base unit (10600000000 元).

import type { TargetPatch, TargetView } from "../../../../src/contract/targets.ts";
import type { Comparator, Direction, TargetKind } from "../../../../src/extract/types.ts";
import { fromDisplayNumber, toDisplayNumber } from "../../format/number.ts";

export interface CardValues {
  subject: string;
  value: number | null;
  value2: number | null;
  unit: string;
  displayUnit: string;
  comparator: Comparator;
  direction: Direction;
  kind: TargetKind;
  baseline: number | null;
  dueDate: string | null;
  leadDepartmentId: number | null;
  coDepartmentIds: number[];
}

export function toCardValues(t: TargetView): CardValues {
  const shown = (v: number | null) => (v === null ? null : toDisplayNumber(v, t.unit, t.displayUnit));
  return {
    subject: t.subject,
    value: shown(t.value),
    value2: shown(t.value2),
    unit: t.unit,
    displayUnit: t.displayUnit || t.unit,
    comparator: t.comparator,
    direction: t.direction,
    kind: t.kind,
    baseline: shown(t.baseline),
    dueDate: t.dueDate,
    leadDepartmentId: t.leadDepartment?.id ?? null,
    coDepartmentIds: t.coDepartments.map((d) => d.id),
  };
}

const sameIds = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length &&
  [...a].sort((x, y) => x - y).every((x, i) => x === [...b].sort((p, q) => p - q)[i]);

const blankToNull = (v: number | null | undefined) => (v === undefined || v === null ? null : v);

/** Only what the planner changed, in base units; an empty object when nothing changed. */
export function toPatch(values: CardValues, original: TargetView): TargetPatch {
  const unit = values.unit.trim();
  const displayUnit = values.displayUnit.trim() || unit;
  const base = (v: number | null | undefined) => {
    const n = blankToNull(v);
    return n === null ? null : fromDisplayNumber(n, unit, displayUnit);
  };
  const patch: TargetPatch = {};
  const subject = values.subject.trim();
  if (subject !== original.subject) patch.subject = subject;
  if (unit !== original.unit) patch.unit = unit;
  if (displayUnit !== (original.displayUnit || original.unit)) patch.displayUnit = displayUnit;
  const value = base(values.value);
  if (value !== original.value) patch.value = value;
  const value2 = values.comparator === "range" ? base(values.value2) : null;
  if (value2 !== original.value2) patch.value2 = value2;
  if (values.comparator !== original.comparator) patch.comparator = values.comparator;
  if (values.direction !== original.direction) patch.direction = values.direction;
  if (values.kind !== original.kind) patch.kind = values.kind;
  const baseline = base(values.baseline);
  if (baseline !== original.baseline) patch.baseline = baseline;
  const dueDate = values.dueDate || null;
  if (dueDate !== original.dueDate) patch.dueDate = dueDate;
  const lead = blankToNull(values.leadDepartmentId);
  if (lead !== (original.leadDepartment?.id ?? null)) patch.leadDepartmentId = lead;
  const co = values.coDepartmentIds ?? [];
  if (
    !sameIds(
      co,
      original.coDepartments.map((d) => d.id),
    )
  )
    patch.coDepartmentIds = co;
  return patch;
}

/** The card fields whose value differs between two versions of a target (after a save elsewhere). */
export function changedFields(before: CardValues, after: CardValues): Partial<CardValues> {
  const out: Partial<CardValues> = {};
  for (const key of Object.keys(after) as (keyof CardValues)[]) {
    const a = before[key];
    const b = after[key];
    const same = Array.isArray(a) && Array.isArray(b) ? sameIds(a, b) : a === b;
    if (!same) (out as Record<string, unknown>)[key] = b;
  }
  return out;
}
