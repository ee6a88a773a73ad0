// The outline: headings (一、 / (一) / 1. / (1) / 第一章 / a paragraph's lead phrase) and the tasks,
// the sentences under them. Levels follow the order in which marker styles first appear, as
// Chinese documents nest 一、 > (一) > 1. > (1) but may skip any of them.

import { isFurniture } from "./furniture.ts";
import { findQuantities } from "./quantities.ts";
import { type Segment, sentences } from "./segments.ts";

export type MarkerStyle = "chapter" | "cn" | "cnparen" | "num" | "numparen" | "lead";

export interface RawHeading {
  style: MarkerStyle;
  marker: string;
  title: string;
  level: number;
  /** Span of the whole heading (marker and title). */
  start: number;
  end: number;
  /** Where the body of the same paragraph starts, if the heading shares it. */
  bodyStart: number;
  index: number;
}

export interface RawTask {
  start: number;
  end: number;
  text: string;
  /** Index into the headings, or -1 before the first heading. */
  parent: number;
}

const MARKERS: [MarkerStyle, RegExp][] = [
  ["chapter", /^第([一二三四五六七八九十百]+|\d+)[章节篇部分]\s*/],
  ["cn", /^[一二三四五六七八九十]{1,3}[、.]\s*/],
  ["cnparen", /^[(][一二三四五六七八九十]{1,3}[)]\s*/],
  ["num", /^\d{1,2}(?:[.、](?!\d)|\s)\s*/],
  ["numparen", /^[(]\d{1,2}[)]\s*/],
];

const LEAD_MAX = 24;

function headingTitle(
  text: string,
  from: number,
  end: number,
): { title: string; titleEnd: number; body: number } {
  const rest = text.slice(from, end);
  const stop = rest.search(/[。!?]/);
  if (stop >= 0 && stop < 80) {
    const after = rest.slice(stop + 1).trim();
    return { title: rest.slice(0, stop), titleEnd: from + stop + 1, body: after ? from + stop + 1 : end };
  }
  return { title: rest.replace(/[:;]$/, ""), titleEnd: end, body: end };
}

function leadPhrase(line: string): number {
  const stop = line.search(/[。]/);
  if (stop < 4 || stop > LEAD_MAX) return -1;
  const phrase = line.slice(0, stop);
  if (/[,;:、“”"()《》\d]/.test(phrase)) return -1;
  if (line.slice(stop + 1).trim().length < 6) return -1;
  return stop;
}

/**
 * Marker styles that number a list of measures rather than headings: most of their lines state a
 * quantity (1.新建改扩建幼儿园3所，新增学位900个。), where headings name areas of work.
 */
function listStyles(text: string, paras: Segment[]): Set<MarkerStyle> {
  const total = new Map<MarkerStyle, number>();
  const withQuantity = new Map<MarkerStyle, number>();
  for (const p of paras) {
    const line = text.slice(p.start, p.end);
    for (const [style, re] of MARKERS) {
      const m = re.exec(line);
      if (!m) continue;
      const { title } = headingTitle(text, p.start + m[0].length, p.end);
      total.set(style, (total.get(style) ?? 0) + 1);
      if (findQuantities(title).length > 0) withQuantity.set(style, (withQuantity.get(style) ?? 0) + 1);
      break;
    }
  }
  const out = new Set<MarkerStyle>();
  for (const [style, n] of total) if ((withQuantity.get(style) ?? 0) * 2 >= n) out.add(style);
  return out;
}

export function extractOutline(text: string, paras: Segment[]): { headings: RawHeading[]; tasks: RawTask[] } {
  const headings: RawHeading[] = [];
  const tasks: RawTask[] = [];
  const stack: MarkerStyle[] = [];
  const levelFor = (style: MarkerStyle): number => {
    const at = stack.indexOf(style);
    if (at >= 0) {
      stack.length = at + 1;
      return at + 1;
    }
    // A lead phrase is always the deepest level; a numbered style seen later goes above it.
    if (style !== "lead" && stack[stack.length - 1] === "lead") stack.pop();
    stack.push(style);
    return stack.length;
  };
  const lists = listStyles(text, paras);
  for (const p of paras) {
    const line = text.slice(p.start, p.end);
    if (isFurniture(line)) continue;
    let bodyStart = p.start;
    let heading: RawHeading | null = null;
    for (const [style, re] of MARKERS) {
      const m = re.exec(line);
      if (!m) continue;
      // 1.新建幼儿园3所… in a numbered list of targets: an item of work, not a heading.
      if (lists.has(style)) break;
      const { title, titleEnd, body } = headingTitle(text, p.start + m[0].length, p.end);
      if (title.trim().length < 2 || title.length > 60) continue;
      heading = {
        style,
        marker: m[0].trim(),
        title: title.trim(),
        level: levelFor(style),
        start: p.start,
        end: titleEnd,
        bodyStart: body,
        index: headings.length,
      };
      break;
    }
    if (!heading && headings.length > 0) {
      const stop = leadPhrase(line);
      if (stop > 0) {
        heading = {
          style: "lead",
          marker: "",
          title: line.slice(0, stop),
          level: levelFor("lead"),
          start: p.start,
          end: p.start + stop + 1,
          bodyStart: p.start + stop + 1,
          index: headings.length,
        };
      }
    }
    if (heading) {
      headings.push(heading);
      bodyStart = heading.bodyStart;
    }
    if (headings.length === 0 || bodyStart >= p.end) continue;
    const parent = headings.length - 1;
    for (const s of sentences(text, { start: bodyStart, end: p.end })) {
      const t = text.slice(s.start, s.end).trim();
      if (t.replace(/[。,;!?\s]/g, "").length < 2) continue;
      tasks.push({ start: s.start, end: s.end, text: t, parent });
    }
  }
  return { headings, tasks };
}
