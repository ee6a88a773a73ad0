// A target's value as a person writes it: the base value divided by the magnitude of its display unit
// (10600000000 元 shown in 亿元 → "106亿元"). Used when a planner corrects a value, so that the text shown
// everywhere follows the number.

const MAGNITUDES: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

/** The factor between the display unit and the base unit (亿元/元 → 1e8), 1 when there is none. */
export function displayFactor(unit: string, displayUnit: string): number {
  if (!displayUnit || displayUnit === unit || !displayUnit.endsWith(unit)) return 1;
  const prefix = displayUnit.slice(0, displayUnit.length - unit.length);
  let factor = 1;
  for (const ch of prefix) {
    const m = MAGNITUDES[ch];
    if (m === undefined) return 1;
    factor *= m;
  }
  return factor;
}

export function formatNumber(value: number): string {
  const rounded = Number(value.toPrecision(12));
  return rounded.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 10 });
}

export function formatTargetDisplay(
  value: number | null,
  value2: number | null,
  unit: string,
  displayUnit: string,
): string {
  if (value === null) return "";
  const shown = displayUnit || unit;
  const factor = displayFactor(unit, shown);
  const first = formatNumber(value / factor);
  if (value2 === null) return `${first}${shown}`;
  return `${first}-${formatNumber(value2 / factor)}${shown}`;
}
