// What an audit entry changed, field by field: each leaf of the records before and after by its dotted
// path; lists are compared whole (a department list is one value). A creation has no before and a
// deletion no after: each field is then there on one side only.

export interface AuditFieldChange {
  path: string;
  /** undefined: the field is not on that side. */
  before: unknown;
  after: unknown;
}

const ABSENT = Symbol("absent");
type Side = unknown | typeof ABSENT;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function walk(path: string, before: Side, after: Side, out: AuditFieldChange[]): void {
  const join = (key: string) => (path ? `${path}.${key}` : key);
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      walk(join(key), key in before ? before[key] : ABSENT, key in after ? after[key] : ABSENT, out);
    return;
  }
  if (isRecord(before) && after === ABSENT) {
    for (const [key, value] of Object.entries(before)) walk(join(key), value, ABSENT, out);
    return;
  }
  if (isRecord(after) && before === ABSENT) {
    for (const [key, value] of Object.entries(after)) walk(join(key), ABSENT, value, out);
    return;
  }
  if (before !== ABSENT && after !== ABSENT && same(before, after)) return;
  out.push({
    path,
    before: before === ABSENT ? undefined : before,
    after: after === ABSENT ? undefined : after,
  });
}

/** The changed fields only, in the records' order; null or missing on a side is nothing there. */
export function auditChanges(before: unknown, after: unknown): AuditFieldChange[] {
  const out: AuditFieldChange[] = [];
  const b = before === null || before === undefined ? ABSENT : before;
  const a = after === null || after === undefined ? ABSENT : after;
  if (b === ABSENT && a === ABSENT) return out;
  walk("", b, a, out);
  return out;
}
