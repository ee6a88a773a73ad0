// The plausibility rules (src/domain/plausibility.ts) on the paths that write a report's figure: the
// API's save, the CSV import and the ledger re-import. A figure that cannot be is refused (400 naming
// the rule); one that looks wrong is stored only when the sender confirmed it with a reason that says
// something (else 422 implausible_value with the rule and the numbers), and what was confirmed is kept
// with the revision for the reviewer. A cumulative figure that falls needs a reason in 存在问题 that
// says something: that reason is its confirmation.

import type {
  ImplausibleDetails,
  PlausibilityFindingView,
  PlausibilityWarningView,
} from "../contract/reports.ts";
import type { ReportRow, RevisionRow } from "../db/reports-repository.ts";
import { AppError, type AppErrorDetails } from "../domain/app-error.ts";
import {
  type ConfirmedFinding,
  checkPlausibility,
  type Finding,
  type ImplausibleRule,
  isEmptyTalk,
  type PlausibilityKind,
} from "../domain/plausibility.ts";

/** What the rules need to know of a report's subject (a reporting-context Subject fits). */
export interface PlausibilitySubject {
  kind: "target" | "node" | "item";
  targetKind: PlausibilityKind | null;
  unit: string | null;
  targetValue?: number | null;
}

export interface PlausibilityCase {
  /** The figure sent, in the target's base unit; null: none (nothing to check). */
  value: number | null;
  /** The figure of the period before, when there is one. */
  previous: number | null;
  /** 存在问题 as sent: where a cumulative fall is explained. */
  problems: string;
  confirm?: boolean | null;
  confirmReason?: string | null;
}

/** Only a target's figure is judged; a milestone's percent and a task's status word are not figures. */
function applies(subject: PlausibilitySubject, value: number | null): value is number {
  return (
    subject.kind === "target" &&
    subject.targetKind !== null &&
    subject.targetKind !== "milestone" &&
    subject.unit !== null &&
    value !== null
  );
}

function findingView<R extends string>(f: Finding<R>): PlausibilityFindingView {
  return { rule: f.rule as PlausibilityFindingView["rule"], numbers: f.numbers, message: f.message };
}

/**
 * The warnings to keep with the revision ([] when the figure is unremarkable), or the refusal. `where`
 * names the row or item in an import and goes into the error's details.
 */
export function confirmedWarnings(
  subject: PlausibilitySubject,
  input: PlausibilityCase,
  where: AppErrorDetails = {},
): ConfirmedFinding[] {
  if (!applies(subject, input.value)) return [];
  const result = checkPlausibility({
    target: {
      kind: subject.targetKind as PlausibilityKind,
      unit: subject.unit as string,
      value: subject.targetValue ?? null,
    },
    value: input.value,
    previous: input.previous,
  });
  const [impossible] = result.impossible;
  if (impossible) {
    throw new AppError(
      "bad_input",
      {
        zh: result.impossible.map((f) => f.message.zh).join("；"),
        en: result.impossible.map((f) => f.message.en).join("; "),
      },
      {
        ...where,
        field: "value",
        rule: impossible.rule,
        numbers: impossible.numbers,
        findings: result.impossible.map(findingView),
      },
    );
  }
  // A fall is explained where the form asks for it, in 存在问题; the other findings need a confirmation.
  const falls = result.implausible.filter((f) => f.rule === "cumulative_fall");
  const others = result.implausible.filter((f) => f.rule !== "cumulative_fall");
  const fallUnexplained = falls.length > 0 && isEmptyTalk(input.problems);
  const confirmed = input.confirm === true && others.length > 0;
  const asking = fallUnexplained ? result.implausible : others;
  if (asking.length > 0 && !confirmed && !(input.confirm === true && fallUnexplained))
    throw implausibleError(asking, { fallUnexplained, othersToConfirm: others.length > 0 }, where);
  if (confirmed && isEmptyTalk(input.confirmReason))
    throw new AppError(
      "bad_input",
      {
        zh: "确认理由须写明数值为何无误（“无”“没有”“暂无”“同上”“-”不是理由）",
        en: "the confirmation needs a reason saying why the figure is right (“none”, “same as above” or “-” is no reason)",
      },
      { ...where, field: "confirmReason", rule: others[0]?.rule },
    );
  if (fallUnexplained)
    throw new AppError(
      "bad_input",
      {
        zh: "累计值低于上期，须在“存在问题”中写明原因（“无”“没有”“暂无”“同上”“-”不是原因）",
        en: "the cumulative figure is below last period's: give the reason under problems (“none”, “same as above” or “-” is no reason)",
      },
      { ...where, field: "problems", rule: "cumulative_fall" },
    );
  const reason = (input.confirmReason ?? "").trim();
  return [
    ...others.map((f) => ({ ...f, reason })),
    ...falls.map((f) => ({ ...f, reason: input.problems.trim() })),
  ];
}

/** 422 implausible_value: what was found, and what the sender is to do about it. */
function implausibleError(
  asking: readonly Finding<ImplausibleRule>[],
  todo: { fallUnexplained: boolean; othersToConfirm: boolean },
  where: AppErrorDetails,
): AppError {
  const [first] = asking as [Finding<ImplausibleRule>];
  const details: ImplausibleDetails = {
    rule: first.rule,
    numbers: first.numbers,
    findings: asking.map(findingView),
    ...(todo.fallUnexplained ? { field: "problems" as const } : {}),
  };
  const zh: string[] = [];
  const en: string[] = [];
  if (todo.fallUnexplained) {
    zh.push("请在“存在问题”中写明下降的原因");
    en.push("give the reason for the fall under problems");
  }
  if (todo.othersToConfirm) {
    zh.push("如确认无误，请填写确认理由后再次提交");
    en.push("if the figure is right, confirm it with a reason and send it again");
  }
  return new AppError(
    "implausible_value",
    {
      zh: `${asking.map((f) => f.message.zh).join("；")}。${zh.join("；")}`,
      en: `${asking.map((f) => f.message.en).join("; ")}: ${en.join("; ")}`,
    },
    { ...where, ...details },
  );
}

const RULES: ReadonlySet<string> = new Set<ImplausibleRule>([
  "ratio_to_target",
  "ratio_to_previous",
  "jump",
  "cumulative_fall",
]);

/** The warnings column of a revision (JSON, migration 0011) as views; what does not parse is left out. */
export function storedWarnings(text: string | null | undefined): PlausibilityWarningView[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: PlausibilityWarningView[] = [];
  for (const w of parsed) {
    if (typeof w !== "object" || w === null) continue;
    const { rule, numbers, message, reason } = w as Record<string, unknown>;
    if (typeof rule !== "string" || !RULES.has(rule) || typeof reason !== "string") continue;
    const m = (message ?? {}) as Record<string, unknown>;
    const nums: Record<string, number> = {};
    for (const [k, v] of Object.entries((numbers ?? {}) as Record<string, unknown>))
      if (typeof v === "number" && Number.isFinite(v)) nums[k] = v;
    out.push({
      rule: rule as ImplausibleRule,
      numbers: nums,
      message: { zh: typeof m.zh === "string" ? m.zh : "", en: typeof m.en === "string" ? m.en : "" },
      reason,
    });
  }
  return out;
}

/** The first day of a period key (2020-04 → 2020-04-01, 2020-Q2 → 2020-04-01); null if it is none. */
export function periodStartOfKey(key: string): string | null {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (month) return `${month[1]}-${month[2]}-01`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, "0")}-01`;
  return null;
}

/**
 * The figure of the latest period ending before `before`, from rows already read (the ledger's plan
 * world): as reports-repository's previousValueExpression reads it.
 */
export function previousAmong(
  reports: Iterable<ReportRow>,
  revisions: ReadonlyMap<number, readonly RevisionRow[]>,
  subjectKey: string,
  before: string,
): number | null {
  const earlier = [...reports]
    .filter((r) => r.subject_key === subjectKey && r.period_end < before)
    .sort((a, b) => b.period_end.localeCompare(a.period_end));
  for (const report of earlier) {
    const sent = (revisions.get(report.id) ?? []).filter((r) => r.state !== "draft" && r.value !== null);
    const pick = [...sent].reverse().find((r) => r.state === "approved") ?? sent[sent.length - 1];
    if (pick) return pick.value;
  }
  return null;
}
