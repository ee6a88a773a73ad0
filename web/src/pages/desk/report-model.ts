// The pure part of the reporter's desk: what a form asks for, the value checked as it is typed, the
// previous period's value, the body of a save, and the newer revision a 409 carries.

import type { DueItem } from "../../../../src/contract/reminders.ts";
import type {
  PeriodView,
  PlausibilityFindingView,
  ReportRevisionView,
  ReportSubjectRef,
  ReportView,
  SaveReportRequest,
  StatusWord,
} from "../../../../src/contract/reports.ts";
import { isEmptyTalk } from "../../../../src/domain/plausibility.ts";
import { isApiError } from "../../api/client.ts";
import { clean, fromDisplayNumber, type Lang, toDisplayNumber, unitScale } from "../../format/number.ts";
import { parseTypedNumber } from "../../format/typed-number.ts";

/** What the form asks for: a value (targets), a percent (milestones, items), a status word (tasks). */
export type ReportMode = "value" | "percent" | "statusWord";

export const STATUS_WORDS: readonly StatusWord[] = ["未启动", "推进中", "已完成", "受阻"];

export function reportMode(subject: Pick<ReportSubjectRef, "kind" | "targetKind">): ReportMode {
  if (subject.kind === "node") return "statusWord";
  if (subject.kind === "item" || subject.targetKind === "milestone") return "percent";
  return "value";
}

/** The unit the reporter types in: 万人 for a target stated in 万人 over a base of 人. */
export function inputUnit(subject: Pick<ReportSubjectRef, "unit" | "displayUnit">): string {
  return unitScale(subject.unit ?? "", subject.displayUnit).label;
}

/**
 * "1,234.5", "１２３．４" (typed with a Chinese IME), "4万" → a number in the unit typed (`shownUnit`,
 * the field's unit: "3万" in a field of 万人 is 3); null when it is not one number.
 */
export function parseNumber(text: string, shownUnit = ""): number | null {
  return parseTypedNumber(text, shownUnit);
}

export type ValueProblem = "required" | "notNumber" | "negative" | "percentRange" | "belowPrevious";

export interface ValueCheck {
  /** The number typed, in the unit typed; null when empty or not a number. */
  value: number | null;
  /** Blocks saving and submitting. */
  problem: ValueProblem | null;
  /** Allowed, but said: below the last cumulative value, with a reason (not 无, 同上 …) in 存在问题. */
  belowPreviousNoted: boolean;
}

export interface ValueCheckInput {
  text: string;
  mode: ReportMode;
  /** Cumulative targets may not fall below the last value without a note. */
  cumulative: boolean;
  /** The last earlier period's value, in the unit typed. */
  previous: number | null;
  /** 存在问题: where a fall is explained. */
  note: string;
  /** Submitting needs a value; a draft does not. */
  required: boolean;
  /** The unit typed in (万人): “3万” there is 3, “4万” in a field of 人 is 40000. */
  unit?: string;
}

/** The value field checked as it is typed. */
export function checkValue(input: ValueCheckInput): ValueCheck {
  const none = { value: null, belowPreviousNoted: false };
  if (input.mode === "statusWord") return { ...none, problem: null };
  if (input.text.trim() === "") return { ...none, problem: input.required ? "required" : null };
  const value = parseNumber(input.text, input.mode === "value" ? (input.unit ?? "") : "");
  if (value === null) return { ...none, problem: "notNumber" };
  if (input.mode === "percent" && (value < 0 || value > 100)) {
    return { value, problem: "percentRange", belowPreviousNoted: false };
  }
  if (input.cumulative && value < 0) return { value, problem: "negative", belowPreviousNoted: false };
  if (input.cumulative && input.previous !== null && value < input.previous) {
    // The server's rule: 无, 没有, 暂无, 同上, - say nothing (src/domain/plausibility.ts).
    const noted = !isEmptyTalk(input.note);
    return { value, problem: noted ? null : "belowPrevious", belowPreviousNoted: noted };
  }
  return { value, problem: null, belowPreviousNoted: false };
}

export interface PreviousValue {
  period: PeriodView;
  /** In the target's base unit. */
  value: number;
  /** From the approved revision; otherwise the latest one, not yet approved. */
  approved: boolean;
}

/**
 * The value of the latest earlier period that has one: its approved revision, or else the latest
 * submitted one (a draft is nobody's word yet).
 */
export function previousValue(reports: readonly ReportView[], period: PeriodView): PreviousValue | null {
  const earlier = reports
    .filter((r) => r.period.index < period.index)
    .sort((a, b) => b.period.index - a.period.index);
  for (const r of earlier) {
    if (r.approved && r.approved.value !== null) {
      return { period: r.period, value: r.approved.value, approved: true };
    }
    if (r.latest.state !== "draft" && r.latest.value !== null) {
      return { period: r.period, value: r.latest.value, approved: false };
    }
  }
  return null;
}

export interface PreviousReport {
  period: PeriodView;
  /** The revision shown: the approved one, or else the latest submitted one. */
  revision: ReportRevisionView;
  approved: boolean;
}

/**
 * The whole report of the latest earlier period that somebody other than its author has seen (the
 * texts as well as the value), so the reporter writes this period's beside last period's words.
 */
export function previousReport(reports: readonly ReportView[], period: PeriodView): PreviousReport | null {
  const earlier = reports
    .filter((r) => r.period.index < period.index)
    .sort((a, b) => b.period.index - a.period.index);
  for (const r of earlier) {
    if (r.approved) return { period: r.period, revision: r.approved, approved: true };
    if (r.latest.state !== "draft") return { period: r.period, revision: r.latest, approved: false };
  }
  return null;
}

export interface ReportFormValues {
  /** As typed, in the input unit (or percent). */
  valueText: string;
  statusWord: StatusWord | null;
  progress: string;
  problems: string;
  nextSteps: string;
}

export const EMPTY_FORM: ReportFormValues = {
  valueText: "",
  statusWord: null,
  progress: "",
  problems: "",
  nextSteps: "",
};

/** A revision as the form shows it: the value in the unit the plan uses. */
export function formFromRevision(
  revision: ReportRevisionView | null | undefined,
  subject: ReportSubjectRef,
): ReportFormValues {
  if (!revision) return EMPTY_FORM;
  const mode = reportMode(subject);
  let valueText = "";
  if (mode === "value" && revision.value !== null) {
    valueText = String(toDisplayNumber(revision.value, subject.unit ?? "", subject.displayUnit));
  } else if (mode === "percent" && revision.percent !== null) {
    valueText = String(clean(revision.percent));
  }
  return {
    valueText,
    statusWord: revision.statusWord,
    progress: revision.progress,
    problems: revision.problems,
    nextSteps: revision.nextSteps,
  };
}

/** The body of PUT …/reports/:period: the value back in the base unit, only the fields of the mode. */
export function saveBody(
  form: ReportFormValues,
  subject: ReportSubjectRef,
  baseRevision: number | null,
  submit: boolean,
  confirmation: Confirmation | null = null,
): SaveReportRequest {
  const mode = reportMode(subject);
  const typed = parseNumber(form.valueText, mode === "value" ? inputUnit(subject) : "");
  const body: SaveReportRequest = {
    baseRevision,
    progress: form.progress.trim(),
    problems: form.problems.trim(),
    nextSteps: form.nextSteps.trim(),
    submit,
  };
  if (mode === "value") {
    body.value = typed === null ? null : fromDisplayNumber(typed, subject.unit ?? "", subject.displayUnit);
  } else if (mode === "percent") {
    body.percent = typed;
  } else {
    body.statusWord = form.statusWord;
  }
  // A confirmation covers the value it was given for, not one typed since.
  if (
    mode === "value" &&
    confirmation &&
    confirmation.reason.trim() !== "" &&
    confirmation.valueText === form.valueText.trim()
  ) {
    body.confirm = true;
    body.confirmReason = confirmation.reason.trim();
  }
  return body;
}

export interface Conflict {
  latest: ReportRevisionView;
  latestRevision: number;
}

type Loose = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const strOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);

/**
 * The newer revision a 409 carries, as the contract's ReportRevisionView; a database row
 * (status_word, next_steps, created_at) is read too, so that the user still sees their words.
 */
function revisionOf(value: unknown): ReportRevisionView | null {
  if (typeof value !== "object" || value === null) return null;
  const r = value as Loose;
  if (typeof r.revision !== "number") return null;
  const author = r.author as ReportRevisionView["author"] | undefined;
  return {
    revision: r.revision,
    state: (str(r.state) || "draft") as ReportRevisionView["state"],
    value: num(r.value),
    percent: num(r.percent),
    statusWord: (strOrNull(r.statusWord) ?? strOrNull(r.status_word)) as StatusWord | null,
    progress: str(r.progress),
    problems: str(r.problems),
    nextSteps: str(r.nextSteps ?? r.next_steps),
    returnReason: strOrNull(r.returnReason) ?? strOrNull(r.return_reason),
    author: author && typeof author === "object" ? author : null,
    createdAt: str(r.createdAt ?? r.created_at),
    submittedAt: strOrNull(r.submittedAt) ?? strOrNull(r.submitted_at),
    approvedAt: strOrNull(r.approvedAt) ?? strOrNull(r.approved_at),
    warnings: Array.isArray(r.warnings) ? (r.warnings as ReportRevisionView["warnings"]) : [],
  };
}

/** The newer revision a refused save (409) carries; null for any other failure. */
export function conflictOf(error: unknown): Conflict | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const latest = revisionOf(error.details.latest);
  if (!latest) return null;
  const n = error.details.latestRevision;
  return { latest, latestRevision: typeof n === "number" ? n : latest.revision };
}

/** The reporter's word that an implausible value is meant, for the value text it was given for. */
export interface Confirmation {
  valueText: string;
  /** "" when only a fall was found: its reason is 存在问题, and nothing is to be confirmed. */
  reason: string;
}

/** What a 422 implausible_value names, for the value text that was sent. */
export interface Implausible {
  valueText: string;
  findings: PlausibilityFindingView[];
  /** A cumulative fall: 存在问题 must say why before the value can be confirmed. */
  needsProblems: boolean;
}

function findingsOf(value: unknown): PlausibilityFindingView[] {
  if (!Array.isArray(value)) return [];
  const out: PlausibilityFindingView[] = [];
  for (const f of value) {
    if (typeof f !== "object" || f === null) continue;
    const { rule, numbers, message } = f as Loose;
    const m = (message ?? {}) as Loose;
    if (typeof rule !== "string" || typeof m.zh !== "string" || typeof m.en !== "string") continue;
    out.push({
      rule: rule as PlausibilityFindingView["rule"],
      numbers: typeof numbers === "object" && numbers !== null ? (numbers as Record<string, number>) : {},
      message: { zh: m.zh, en: m.en },
    });
  }
  return out;
}

/** The findings of a refused save (422 implausible_value); null for any other failure. */
export function implausibleOf(error: unknown, valueText: string): Implausible | null {
  if (!isApiError(error) || error.status !== 422 || error.code !== "implausible_value") return null;
  const findings = findingsOf(error.details.findings);
  if (findings.length === 0) return null;
  return { valueText: valueText.trim(), findings, needsProblems: error.details.field === "problems" };
}

/** Whether the findings need a confirmation with a reason: a fall alone is explained in 存在问题. */
export function needsReason(implausible: Implausible): boolean {
  return implausible.findings.some((f) => f.rule !== "cumulative_fall");
}

/** Why a confirmation cannot be sent yet: its reason says nothing, or a fall is not explained. */
export function confirmationProblem(
  implausible: Implausible,
  reason: string,
  problems: string,
): "reason" | "problems" | null {
  if (needsReason(implausible) && isEmptyTalk(reason)) return "reason";
  const fall = implausible.findings.some((f) => f.rule === "cumulative_fall");
  if ((implausible.needsProblems || fall) && isEmptyTalk(problems)) return "problems";
  return null;
}

/**
 * The confirmation kept with a revision (its warnings and reason) for the value the form shows: a
 * draft saved with a confirmed value is sent again confirmed, without asking twice.
 */
export function confirmationFromRevision(
  revision: ReportRevisionView | null | undefined,
  valueText: string,
): Confirmation | null {
  // A fall's reason is its 存在问题, sent anyway: only the other warnings carry a confirmation.
  const reason = revision?.warnings.find(
    (w) => w.rule !== "cumulative_fall" && w.reason.trim() !== "",
  )?.reason;
  return reason ? { valueText: valueText.trim(), reason } : null;
}

/** A finding or warning in the reader's language. */
export function findingText(f: Pick<PlausibilityFindingView, "message">, lang: Lang): string {
  return lang === "en-US" ? f.message.en : f.message.zh;
}

const ORDER: Record<DueItem["state"], number> = { overdue: 0, returned: 1, draft: 2, due: 3 };

/** Overdue first, then returned, drafts, and what is coming due; earliest due date first within each. */
export function sortDue(items: readonly DueItem[]): DueItem[] {
  return [...items].sort(
    (a, b) =>
      ORDER[a.state] - ORDER[b.state] ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.subject.title.localeCompare(b.subject.title, "zh-CN"),
  );
}

/** The address of one report form on the desk. */
export function deskPath(item: Pick<DueItem, "subject" | "period">): string {
  return `/desk/${item.subject.kind}/${item.subject.id}/${encodeURIComponent(item.period.key)}`;
}

export function dueKey(item: Pick<DueItem, "planId" | "subject" | "period">): string {
  return `${item.planId}:${item.subject.kind}:${item.subject.id}:${item.period.key}`;
}
