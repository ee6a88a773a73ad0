// A city target rolled up from its districts' targets (monitoring.md, Regions): amounts reported as a
// running total (cumulative) add up across districts; levels and rates do not — a city's growth rate
// is no sum of its districts' rates — so they are listed side by side.

export type RollupMode = "sum" | "list";

export function rollupModeOf(kind: "cumulative" | "level" | "rate" | "milestone"): RollupMode {
  return kind === "cumulative" ? "sum" : "list";
}

export interface DistrictSum {
  mode: RollupMode;
  /** Sum of the known values (sum mode, at least one known), else null. */
  total: number | null;
  /** total / the city's target value, when both are known and the target is positive. */
  completion: number | null;
  reported: number;
}

export function sumDistricts(
  kind: "cumulative" | "level" | "rate" | "milestone",
  cityValue: number | null,
  values: readonly (number | null)[],
): DistrictSum {
  const mode = rollupModeOf(kind);
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (mode === "list") return { mode, total: null, completion: null, reported: known.length };
  const total = known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
  const completion = total !== null && cityValue !== null && cityValue > 0 ? total / cityValue : null;
  return { mode, total, completion, reported: known.length };
}
