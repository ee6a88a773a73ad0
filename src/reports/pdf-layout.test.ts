// The page measured from pdftotext -bbox-layout: lines joined across cells, characters per full line,
// gaps around digits, page numbers and their side.

import { describe, expect, it } from "vitest";
import { emCount, measureLayout, parseBboxLayout } from "./pdf-layout.ts";

const W = 595.3;
const H = 841.9;
const word = (x0: number, x1: number, y: number, text: string, h = 20.8) =>
  `<word xMin="${x0}" yMin="${y}" xMax="${x1}" yMax="${y + h}">${text}</word>`;
const line = (...words: string[]) => `<line xMin="0" yMin="0" xMax="0" yMax="0">${words.join("")}</line>`;
const page = (...lines: string[]) =>
  `<page width="${W}" height="${H}"><flow><block>${lines.join("")}</block></flow></page>`;

// 28 characters from the left edge (79.4 pt) to the right edge (521 pt).
const FULL = "一".repeat(28);
const full = (y: number) => line(word(79.4, 521, y, FULL));

describe("the printed page", () => {
  it("counts a Chinese character as one and a digit as half", () => {
    expect(emCount("截至2020年9月底")).toBe(7.5);
  });

  it("measures full lines, the line pitch and the page number on the outside edge", () => {
    const xhtml = [
      page(
        full(110),
        full(139),
        full(168),
        line(word(466, 480, 765, "—", 18.2), word(483, 490, 765, "1", 18.2), word(494, 508, 765, "—", 18.2)),
      ),
      page(
        full(110),
        line(word(93, 107, 765, "—", 18.2), word(111, 118, 765, "2", 18.2), word(121, 135, 765, "—", 18.2)),
      ),
    ].join("");
    const f = measureLayout(parseBboxLayout(xhtml));
    expect(f.pages).toBe(2);
    expect(f.fullLines).toBe(4);
    expect(f.charsPerFullLine.median).toBe(28);
    expect(f.fullLinesAt28).toBe(1);
    expect(f.linePitchPt).toBe(29);
    expect(f.linesPerPage).toBeCloseTo(22, 0);
    expect(f.pageNumbers.map((p) => [p.shown, p.side])).toEqual([
      [1, "right"],
      [2, "left"],
    ]);
    expect(f.overhangMm).toBe(0);
  });

  it("joins the pieces of one printed line and finds the gap in “9 月”", () => {
    const xhtml = page(
      line(word(127, 214, 262, "截至2020年9")),
      line(word(222, 521, 262, "月底，计划确定的")),
    );
    const [p] = parseBboxLayout(xhtml);
    expect(p?.lines).toHaveLength(1);
    expect(measureLayout(parseBboxLayout(xhtml)).digitGaps).toEqual(["2020年9 月底，计划确"]);
  });

  it("sees a line spread across the width", () => {
    const spread = line(...[..."滞后的有国家高新"].map((ch, i) => word(80 + i * 55, 96 + i * 55, 300, ch)));
    expect(measureLayout(parseBboxLayout(page(spread))).spreadLines).toBe(1);
  });
});
