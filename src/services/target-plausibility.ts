// The target editor's plausibility check: a value typed for a target is compared with the number the
// plan's own text states for it (the 万/亿 slip: 1,060,000亿元 saved for a text that says 106亿元). At
// 100× or 1/100 of the statement it needs a confirmation with a reason (422 implausible_value until
// then); a value that cannot be (a negative count, a share above 100%) is refused. What was confirmed
// is written to the audit log beside the change.

import type { Kysely } from "kysely";
import type { TargetPatchRequest } from "../contract/targets.ts";
import { type Actor, appendAudit } from "../db/audit-repository.ts";
import { getPlanSourceText } from "../db/plans-repository.ts";
import type { Database, TargetRow } from "../db/schema.ts";
import { AppError } from "../domain/app-error.ts";
import { checkPlausibility, isEmptyTalk, SLIP_RATIO } from "../domain/plausibility.ts";
import { unitInEnglish } from "../domain/units.ts";
import { findQuantities } from "../extract/quantities.ts";

type Db = Kysely<Database>;

export interface StatementWarning {
  rule: "ratio_to_statement";
  numbers: { value: number; statement: number; ratio: number };
  message: { zh: string; en: string };
  reason: string;
}

const num = (x: number) => Number(x.toPrecision(6)).toString();

/** The numbers of the statement in the target's base unit (a list target states several). */
function statedValues(text: string, unit: string): number[] {
  return findQuantities(text)
    .filter((q) => q.unit === unit)
    .flatMap((q) => (q.value2 === null ? [q.value] : [q.value, q.value2]));
}

/**
 * Checks the value a patch gives against the statement; returns the confirmed warning to audit, if
 * any. `next` is the target as it will be (unit and kind after the patch).
 */
export async function checkTargetValue(
  db: Db,
  target: TargetRow,
  next: { unit: string; kind: TargetRow["kind"] },
  patch: TargetPatchRequest,
): Promise<StatementWarning | null> {
  const value = patch.value;
  if (value === undefined || value === null || next.kind === "milestone") return null;
  const [impossible] = checkPlausibility({
    target: { kind: next.kind, unit: next.unit, value: null },
    value,
  }).impossible;
  if (impossible)
    throw new AppError("bad_input", impossible.message, {
      field: "value",
      rule: impossible.rule,
      numbers: impossible.numbers,
    });
  const source = await getPlanSourceText(db, target.plan_id);
  const statement = source?.slice(target.span_start, target.span_end) ?? "";
  const stated = statedValues(statement, next.unit).filter(
    (v) => v !== 0 && Math.sign(v) === Math.sign(value),
  );
  if (stated.length === 0 || value === 0) return null;
  // The nearest stated number: a list target (80家和18家) is off only when it is off from all of them.
  const ratios = stated.map((s) => ({ s, r: Math.abs(value / s) }));
  const nearest = ratios.reduce((a, b) => (Math.abs(Math.log(b.r)) < Math.abs(Math.log(a.r)) ? b : a));
  if (nearest.r < SLIP_RATIO && nearest.r > 1 / SLIP_RATIO) return null;
  const unitEn = unitInEnglish(next.unit);
  const finding = {
    rule: "ratio_to_statement" as const,
    numbers: { value, statement: nearest.s, ratio: nearest.r },
    message: {
      zh: `目标值${num(value)}${next.unit}是原文“${statement}”中${num(nearest.s)}${next.unit}的${num(nearest.r)}倍，请核对单位（万/亿）`,
      en: `the value ${num(value)} ${unitEn} is ${num(nearest.r)} times the ${num(nearest.s)} ${unitEn} the plan's text states: check the unit (10⁴/10⁸)`,
    },
  };
  if (patch.confirm !== true)
    throw new AppError(
      "implausible_value",
      {
        zh: `${finding.message.zh}。如确认无误，请填写确认理由后再次保存`,
        en: `${finding.message.en}. If it is right, confirm it with a reason and save again`,
      },
      { rule: finding.rule, numbers: finding.numbers, findings: [finding] },
    );
  if (isEmptyTalk(patch.confirmReason))
    throw new AppError(
      "bad_input",
      {
        zh: "确认理由须写明数值为何无误（“无”“没有”“暂无”“同上”“-”不是理由）",
        en: "the confirmation needs a reason saying why the figure is right (“none”, “same as above” or “-” is no reason)",
      },
      { field: "confirmReason", rule: finding.rule },
    );
  return { ...finding, reason: (patch.confirmReason ?? "").trim() };
}

/** The confirmation, audited in the transaction of the change. */
export async function auditTargetWarning(
  db: Db,
  actor: Actor,
  target: TargetRow,
  warning: StatementWarning,
): Promise<void> {
  await appendAudit(db, actor, {
    action: "target.confirm_value",
    entity: "target",
    entityId: target.id,
    planId: target.plan_id,
    before: { value: target.value },
    after: { value: warning.numbers.value, warnings: [warning] },
  });
}
