// The fields of a report revision as a reader compares them: the value in the unit the plan uses,
// the status word, and the three texts of a Chinese progress report. Pure, for the desk's conflict
// view and the review's comparison.
import type { ReportRevisionView, ReportSubjectRef } from "../../../src/contract/reports.ts";
import { formatQuantity } from "./number.ts";

export type RevisionField = "value" | "percent" | "statusWord" | "progress" | "problems" | "nextSteps";

export const REVISION_FIELDS: readonly RevisionField[] = [
  "value",
  "percent",
  "statusWord",
  "progress",
  "problems",
  "nextSteps",
];

type RevisionContent = Pick<ReportRevisionView, RevisionField>;

/** One field as text: the value with its unit (106亿元), the percent with %, or the words. */
export function fieldText(
  revision: RevisionContent | null | undefined,
  field: RevisionField,
  subject: Pick<ReportSubjectRef, "unit" | "displayUnit">,
): string {
  if (!revision) return "";
  switch (field) {
    case "value":
      return revision.value === null
        ? ""
        : formatQuantity(revision.value, subject.unit ?? "", subject.displayUnit);
    case "percent":
      return revision.percent === null ? "" : `${revision.percent}%`;
    case "statusWord":
      return revision.statusWord ?? "";
    default:
      return revision[field];
  }
}

export interface FieldChange {
  field: RevisionField;
  before: string;
  after: string;
  changed: boolean;
}

/**
 * The fields of two revisions side by side; fields empty in both are left out (a target's report has
 * no status word, a task's no value).
 */
export function compareRevisions(
  before: RevisionContent | null | undefined,
  after: RevisionContent | null | undefined,
  subject: Pick<ReportSubjectRef, "unit" | "displayUnit">,
): FieldChange[] {
  const rows: FieldChange[] = [];
  for (const field of REVISION_FIELDS) {
    const a = fieldText(before, field, subject);
    const b = fieldText(after, field, subject);
    if (a === "" && b === "") continue;
    rows.push({ field, before: a, after: b, changed: a !== b });
  }
  return rows;
}
