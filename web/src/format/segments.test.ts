import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentAt, splitSegments } from "./segments.ts";

type Mark = { start: number; end: number; id: number };

describe("splitSegments", () => {
  it("splits at every boundary of overlapping spans", () => {
    const text = "地区生产总值增长5%,一般公共预算收入增长5%";
    const marks: Mark[] = [
      { start: 0, end: 10, id: 1 },
      { start: 6, end: 8, id: 2 },
      { start: 11, end: 23, id: 3 },
    ];
    const segs = splitSegments(text.length, marks);
    expect(segs.map((s) => [s.start, s.end, s.marks.map((m) => m.id)])).toEqual([
      [0, 6, [1]],
      [6, 8, [1, 2]],
      [8, 10, [1]],
      [10, 11, []],
      [11, 23, [3]],
    ]);
  });

  it("handles no text and no marks", () => {
    expect(splitSegments(0, [{ start: 0, end: 3 }])).toEqual([]);
    expect(splitSegments(4, [])).toEqual([{ start: 0, end: 4, marks: [] }]);
  });

  it("ignores empty, reversed and non-numeric spans and clamps the rest", () => {
    const segs = splitSegments(5, [
      { start: 3, end: 3 },
      { start: 4, end: 2 },
      { start: Number.NaN, end: 2 },
      { start: -5, end: 2 },
      { start: 4, end: 99 },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.marks.length])).toEqual([
      [0, 2, 1],
      [2, 4, 0],
      [4, 5, 1],
    ]);
  });

  it("concatenates back to the text, for any text and any spans", () => {
    const spanArb = fc.record({
      start: fc.integer({ min: -5, max: 60 }),
      end: fc.integer({ min: -5, max: 60 }),
      id: fc.nat(),
    });
    fc.assert(
      fc.property(
        fc.string({ maxLength: 50, unit: "grapheme" }),
        fc.array(spanArb, { maxLength: 12 }),
        (text, marks) => {
          const segs = splitSegments(text.length, marks);
          expect(segs.map((s) => text.slice(s.start, s.end)).join("")).toBe(text);
          let at = 0;
          for (const [i, s] of segs.entries()) {
            expect(s.start).toBe(at);
            expect(s.end).toBeGreaterThan(s.start);
            at = s.end;
            // exactly the (clamped) marks that cover the segment, in input order
            const covering = marks.filter(
              (m) =>
                Math.max(0, m.start) <= s.start && Math.min(text.length, m.end) >= s.end && m.end > m.start,
            );
            expect(s.marks).toEqual(covering);
            // neighbours differ: no needless splits
            const prev = segs[i - 1];
            if (prev) expect(prev.marks).not.toEqual(s.marks);
          }
          expect(at).toBe(text.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("segmentAt", () => {
  it("finds the segment holding an offset", () => {
    const segs = splitSegments(10, [
      { start: 2, end: 4 },
      { start: 6, end: 9 },
    ]);
    expect(segmentAt(segs, 0)).toBe(0);
    expect(segmentAt(segs, 2)).toBe(1);
    expect(segmentAt(segs, 3)).toBe(1);
    expect(segmentAt(segs, 5)).toBe(2);
    expect(segmentAt(segs, 9)).toBe(4);
    expect(segmentAt(segs, 10)).toBe(4);
    expect(segmentAt([], 3)).toBe(-1);
  });

  it("agrees with a linear scan", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.record({ start: fc.nat(45), end: fc.nat(45) }), { maxLength: 8 }),
        fc.nat(45),
        (len, marks, offset) => {
          const segs = splitSegments(len, marks);
          const o = Math.min(offset, len - 1);
          const linear = segs.findIndex((s) => s.start <= o && o < s.end);
          expect(segmentAt(segs, o)).toBe(linear);
        },
      ),
    );
  });
});
