// Rules for a target's 分期计划 (planned value by the end of each reporting period). A cumulative
// target reports the total since the start of the plan period (累计完成) and a milestone its percent
// complete, so their planned values can only grow from one period to the next; a milestone's stays
// within 0–100. Levels and rates may go either way.

export type PlannedKind = "cumulative" | "level" | "rate" | "milestone";

export type PlannedProblemCode = "not_a_number" | "decreasing" | "percent_range";

export interface PlannedProblem {
  /** Index of the offending value in period order. */
  index: number;
  code: PlannedProblemCode;
  /** For `decreasing`: the index of the earlier, larger value. */
  previousIndex?: number;
}

/** Whether the planned values of this kind must not decrease over the periods. */
export function plannedMustGrow(kind: PlannedKind): boolean {
  return kind === "cumulative" || kind === "milestone";
}

/**
 * The problems of planned values given in period order; `null` marks a period without a value (it
 * neither breaks nor resets the growth check).
 */
export function plannedProblems(kind: PlannedKind, values: readonly (number | null)[]): PlannedProblem[] {
  const problems: PlannedProblem[] = [];
  // Compared with the largest value so far, so one low value does not hide the ones after it.
  let peakIndex = -1;
  values.forEach((value, index) => {
    if (value === null) return;
    if (!Number.isFinite(value)) {
      problems.push({ index, code: "not_a_number" });
      return;
    }
    if (kind === "milestone" && (value < 0 || value > 100)) problems.push({ index, code: "percent_range" });
    const peak = peakIndex >= 0 ? values[peakIndex] : null;
    if (plannedMustGrow(kind) && peak !== null && peak !== undefined && value < peak) {
      problems.push({ index, code: "decreasing", previousIndex: peakIndex });
    } else {
      peakIndex = index;
    }
  });
  return problems;
}
