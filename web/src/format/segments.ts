// Splits a text into consecutive segments at every boundary of a set of possibly overlapping spans,
// so that each segment can be rendered with the marks (targets, milestones, items…) that cover it.
// Offsets are UTF-16 indices (JS string indices), used as they are.

export interface SpanLike {
  start: number;
  end: number;
}

export interface Segment<M> {
  start: number;
  end: number;
  /** The marks covering the whole segment, in the order they were given. */
  marks: M[];
}

/**
 * Every segment is non-empty, they follow each other from 0 to `length` without gaps, and each
 * lists exactly the marks that cover it. Marks are clamped to [0, length]; empty, reversed or
 * non-numeric ones are ignored. Two neighbouring segments never carry the same set of marks.
 */
export function splitSegments<M extends SpanLike>(length: number, marks: readonly M[]): Segment<M>[] {
  const len = Math.max(0, Math.floor(length));
  if (len === 0) return [];
  type Clamped = { start: number; end: number; index: number; mark: M };
  const clamped: Clamped[] = [];
  marks.forEach((mark, index) => {
    if (!Number.isFinite(mark.start) || !Number.isFinite(mark.end)) return;
    const start = Math.min(len, Math.max(0, Math.floor(mark.start)));
    const end = Math.min(len, Math.max(0, Math.floor(mark.end)));
    if (end > start) clamped.push({ start, end, index, mark });
  });

  const points = new Set<number>([0, len]);
  for (const c of clamped) {
    points.add(c.start);
    points.add(c.end);
  }
  const bounds = [...points].sort((a, b) => a - b);
  const byStart = [...clamped].sort((a, b) => a.start - b.start);

  const segments: Segment<M>[] = [];
  let active: Clamped[] = [];
  let next = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i] as number;
    const b = bounds[i + 1] as number;
    active = active.filter((c) => c.end > a);
    let added = false;
    while (next < byStart.length && (byStart[next] as Clamped).start === a) {
      active.push(byStart[next] as Clamped);
      next++;
      added = true;
    }
    if (added) active.sort((x, y) => x.index - y.index);
    segments.push({ start: a, end: b, marks: active.map((c) => c.mark) });
  }
  return segments;
}

/** The index of the segment holding `offset` (the last one for the end of the text), or -1. */
export function segmentAt<M>(segments: readonly Segment<M>[], offset: number): number {
  if (segments.length === 0) return -1;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as Segment<M>).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
