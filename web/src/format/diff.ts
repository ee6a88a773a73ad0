// Before and after of an audit entry, side by side: each leaf field by its dotted path, marked as
// added, removed, changed or the same. Arrays are compared whole (a department list is one value).

export type DiffKind = "added" | "removed" | "changed" | "same";

export interface DiffRow {
  path: string;
  kind: DiffKind;
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const ABSENT = Symbol("absent");

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function walk(path: string, before: unknown, after: unknown, rows: DiffRow[]) {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) {
      const b = key in before ? before[key] : ABSENT;
      const a = key in after ? after[key] : ABSENT;
      walk(path ? `${path}.${key}` : key, b, a, rows);
    }
    return;
  }
  if (isPlainObject(before) && after === ABSENT) {
    for (const [k, v] of Object.entries(before)) walk(path ? `${path}.${k}` : k, v, ABSENT, rows);
    return;
  }
  if (isPlainObject(after) && before === ABSENT) {
    for (const [k, v] of Object.entries(after)) walk(path ? `${path}.${k}` : k, ABSENT, v, rows);
    return;
  }
  const kind: DiffKind =
    before === ABSENT ? "added" : after === ABSENT ? "removed" : same(before, after) ? "same" : "changed";
  rows.push({
    path,
    kind,
    before: before === ABSENT ? undefined : before,
    after: after === ABSENT ? undefined : after,
  });
}

/** A null or missing side counts as nothing there: a creation has no before, a deletion no after. */
export function diffValues(before: unknown, after: unknown): DiffRow[] {
  const rows: DiffRow[] = [];
  const b = before === null || before === undefined ? ABSENT : before;
  const a = after === null || after === undefined ? ABSENT : after;
  if (b === ABSENT && a === ABSENT) return rows;
  walk("", b, a, rows);
  return rows;
}

/** A value as one line: strings as they are, everything else as JSON; nothing as "". */
export function showValue(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
