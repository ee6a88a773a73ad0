// How many decimals an office writes for a value in the unit it is shown in: counts whole (17家, not
// 16.67家), percentages and points to one (71.5%), amounts with a magnitude (亿元, 万平方米) and other
// measures to two (51.56亿元). One rule for the screens, the documents and the ledger.

import { COUNT_UNITS } from "./units.ts";

export function decimalsFor(shownUnit: string): number {
  if (
    COUNT_UNITS.has(shownUnit) ||
    shownUnit === "次" ||
    shownUnit === "批" ||
    shownUnit === "期" ||
    shownUnit === "位"
  )
    return 0;
  if (shownUnit === "%" || shownUnit === "个百分点" || shownUnit === "百分点" || shownUnit === "‰") return 1;
  return 2;
}

/** `value` (already in `shownUnit`) rounded as an office writes it, without binary noise. */
export function roundFor(value: number, shownUnit: string): number {
  const digits = decimalsFor(shownUnit);
  const rounded = Number(value.toFixed(digits));
  return Object.is(rounded, -0) ? 0 : rounded;
}
