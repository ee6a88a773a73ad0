// Indicator tables (主要指标表) in plain text, as two kinds of source give them:
// - rows: one line per row, cells separated by a tab (a .docx table read as text) or by runs of two or
//   more spaces (a flattened PDF);
// - cells: one cell per line (or per block of lines between blank lines), as a web page or a PDF
//   copied column by column flattens a table.
// A table starts at a header row of known column names (指标名称 / 单位 / 2020年 / 2025年 / 年均增长 /
// 属性 …); each row below it gives at most one target. Spans are offsets into the text as given.

import type { Segment } from "./segments.ts";
import {
  attributeMentioned,
  attributeOf,
  type Column,
  columnOf,
  fold,
  isDash,
  parseUnit,
  parseValue,
  type Role,
} from "./table-cells.ts";
import { type Cell, type Layout, rowTarget, type TableTarget } from "./table-rows.ts";
import type { TargetAttribute } from "./types.ts";

export interface TableContext {
  /** The plan's period, for columns that name no year (目标值, 基期值). */
  periodStart: number | null;
  periodEnd: number | null;
}

export interface TableReading {
  targets: TableTarget[];
  /** Header through last row of each table: its lines are cells, not prose. */
  tables: Segment[];
  /** Rows that gave a target: the prose rules must not read their numbers again. */
  rows: Segment[];
}

const MAX_COLUMNS = 14;
/** A cell longer than this, or a sentence, ends a one-cell-per-line table. */
const MAX_CELL = 60;
const MAX_LABELS = 3;

function isBlank(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!/\s/.test(text[i] as string)) return false;
  return true;
}

/** Lines as trimmed spans; a blank line has start === end. */
function linesOf(text: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(text[s] as string)) s++;
      while (e > s && /\s/.test(text[e - 1] as string)) e--;
      out.push(s < e ? { start: s, end: e } : { start: s, end: s });
      start = i + 1;
    }
  }
  return out;
}

/** Cells of a row line: split at tabs (empty cells kept), else at runs of two or more spaces. */
function rowCells(text: string, line: Segment): Cell[] {
  const out: Cell[] = [];
  const tabbed = text.slice(line.start, line.end).includes("\t");
  let s = line.start;
  const push = (a: number, b: number) => {
    let x = a;
    let y = b;
    while (x < y && /\s/.test(text[x] as string)) x++;
    while (y > x && /\s/.test(text[y - 1] as string)) y--;
    if (tabbed || y > x) out.push({ start: x, end: y, text: text.slice(x, y) });
  };
  for (let i = line.start; i < line.end; i++) {
    const ch = text[i] as string;
    if (tabbed ? ch === "\t" : /[ \u3000\u00a0]/.test(ch) && /[ \u3000\u00a0]/.test(text[i + 1] ?? "")) {
      push(s, i);
      if (!tabbed) while (i + 1 < line.end && /[ \u3000\u00a0]/.test(text[i + 1] as string)) i++;
      s = i + 1;
      if (out.length > MAX_COLUMNS * 2) return out;
    }
  }
  push(s, line.end);
  return out;
}

function layoutOf(columns: Column[], before: string, ctx: TableContext): Layout | null {
  const count = (r: Role) => columns.filter((c) => c.role === r).length;
  if (count("name") !== 1 || count("target") + count("year") + count("growth") === 0) return null;
  if (columns.length < 2) return null;
  const years = columns.filter((c) => c.role === "year");
  const hasTarget = count("target") > 0;
  if (hasTarget) for (const c of years) c.role = "baseline";
  else if (years.length >= 2) {
    const sorted = [...years].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
    (sorted[0] as Column).role = "baseline";
    (sorted[sorted.length - 1] as Column).role = "target";
    // Years between the base and the end (2022年 of a 2020–2025 table) are read by nobody.
    for (const c of sorted.slice(1, -1)) c.role = "other";
  } else if (years.length === 1) (years[0] as Column).role = "target";
  // Several target columns (2022年, 2025年): the last year is the plan's end.
  const targets = columns.filter((c) => c.role === "target");
  const target = [...targets].sort((a, b) => (a.year ?? 0) - (b.year ?? 0)).at(-1);
  for (const c of targets) if (c !== target) c.role = "other";
  const baseline = columns.find((c) => c.role === "baseline");
  const multiYear = ctx.periodStart !== null && ctx.periodEnd !== null && ctx.periodEnd > ctx.periodStart;
  const targetYear = target?.year ?? ctx.periodEnd;
  let baselineYear = baseline?.year ?? null;
  if (baselineYear === null && multiYear) baselineYear = (ctx.periodStart as number) - 1;
  return { columns, targetYear, baselineYear, attribute: attributeMentioned(before) };
}

function cellFits(role: Role, raw: string): boolean {
  const t = fold(raw);
  switch (role) {
    case "serial":
      return /^\d{1,3}$/.test(t);
    case "category":
      // A merged category cell comes out of a .docx row as an empty cell between tabs.
      if (t === "") return true;
      return (
        t.length <= MAX_CELL && !/^\d+$/.test(t) && attributeOf(raw) === null && parseValue(raw) === null
      );
    case "name":
      return (
        t !== "" &&
        t.length <= MAX_CELL &&
        !/^\d+$/.test(t) &&
        attributeOf(raw) === null &&
        parseValue(raw) === null
      );
    case "unit":
      return attributeOf(raw) === null && (isDash(raw) || parseUnit(raw) !== null);
    case "attribute":
      return attributeOf(raw) !== null || isDash(raw);
    case "other":
      return true;
    default:
      return (
        attributeOf(raw) === null &&
        ((t.length <= 30 && !/[。;]/.test(t)) || parseValue(raw) !== null || isDash(raw))
      );
  }
}

/** Which columns each candidate row keeps: all, then without merged category cells (a rowspan). */
function candidates(columns: Column[]): number[][] {
  const all = columns.map((_, i) => i);
  const out = [all];
  const categories = all.filter((i) => (columns[i] as Column).role === "category");
  for (let k = 1; k <= categories.length; k++) {
    const dropped = new Set(categories.slice(0, k));
    out.push(all.filter((i) => !dropped.has(i)));
  }
  return out;
}

function fits(columns: Column[], keep: number[], body: Body, at: number): boolean {
  return keep.every((c, k) => {
    const cell = body.at(at + k);
    return cell !== undefined && cellFits((columns[c] as Column).role, cell.text);
  });
}

function cellsOf(body: Body, at: number, count: number): Cell[] {
  const out: Cell[] = [];
  for (let k = 0; k < count; k++) out.push(body.at(at + k) as Cell);
  return out;
}

/** Row-line cells as a body, for the same fitting rules. */
function fixed(cells: Cell[]): Body {
  return { at: (i) => cells[i], lineOf: () => 0 };
}

function isLabel(cell: Cell): boolean {
  const t = fold(cell.text);
  return t.length > 0 && t.length <= 24 && !/[。;]/.test(t) && parseValue(cell.text) === null;
}

interface Reader {
  text: string;
  lines: Segment[];
  ctx: TableContext;
  out: TableReading;
}

function emit(r: Reader, t: TableTarget | null, span: Segment): void {
  if (!t) return;
  // A table of targets for a year before the plan's period is a review of the past.
  if (t.targetYear !== null && r.ctx.periodStart !== null && t.targetYear < r.ctx.periodStart) return;
  r.out.targets.push(t);
  r.out.rows.push(span);
}

/** The lines before a header, read for 约束性指标 / 预期性指标 written over the table. */
function titleBefore(r: Reader, line: number): string {
  const parts: string[] = [];
  for (let k = line - 1; k >= 0 && parts.length < 2; k--) {
    const l = r.lines[k] as Segment;
    if (l.end > l.start) parts.push(r.text.slice(l.start, Math.min(l.end, l.start + 80)));
  }
  return parts.join("\n");
}

const unknownColumn = (): Column => ({ role: "other", year: null, cumulative: false, unit: null });

/**
 * A header of two rows: a cell spanning several columns (规划目标 over 2020年 | 2025年, its span left
 * empty) is named column by column in the row under it. The lower row refines the upper where it names
 * a column; the upper keeps what only it names (a category, a 属性 merged down). Null when the next
 * line is no header of the same width.
 */
function subHeader(r: Reader, line: number, columns: Column[]): { columns: Column[]; line: number } | null {
  let k = line + 1;
  while (k < r.lines.length && (r.lines[k] as Segment).end === (r.lines[k] as Segment).start) k++;
  const next = r.lines[k];
  if (!next) return null;
  const cells = rowCells(r.text, next);
  if (cells.length !== columns.length || !isHeaderRow(cells)) return null;
  const lower = cells.map((c) => columnOf(c.text));
  // The lower row must add something: a year or a column the upper left empty or generic.
  const adds = lower.some((c, i) => c !== null && (columns[i] as Column).role !== c.role);
  if (!adds) return null;
  return { columns: columns.map((upper, i) => lower[i] ?? upper), line: k };
}

/** A table of row lines from the header at `line`; returns the index of the line after it. */
function readRowTable(r: Reader, line: number, header: Cell[]): number {
  let columns = header.map((c): Column => columnOf(c.text) ?? unknownColumn());
  const sub = subHeader(r, line, columns);
  if (sub) columns = sub.columns;
  const bodyFrom = sub ? sub.line : line;
  const layout = layoutOf(columns, titleBefore(r, line), r.ctx);
  if (!layout) return line + 1;
  const width = layout.columns.length;
  let label: TargetAttribute | null = null;
  let misses = 0;
  let k = bodyFrom + 1;
  let lastRow = bodyFrom;
  for (; k < r.lines.length && misses < MAX_LABELS; k++) {
    const l = r.lines[k] as Segment;
    if (l.end === l.start) continue;
    const cells = rowCells(r.text, l);
    if (cells.length < 2) {
      const t = fold(r.text.slice(l.start, Math.min(l.end, l.start + MAX_CELL + 1)));
      // Page numbers and running heads of a flattened PDF sit between rows.
      if (/^[-—第]*\d{1,4}[-—页]*$/.test(t)) continue;
      if (t.length > 24 || /[。;]/.test(t)) break;
      label = attributeMentioned(t) ?? label;
      misses++;
      continue;
    }
    const row = cells.length > width ? mergeIntoName(r.text, layout.columns, cells, width) : cells;
    const keep = alignLine(layout.columns, row, width);
    if (!keep) {
      misses++;
      continue;
    }
    misses = 0;
    lastRow = k;
    emit(r, rowTarget(layout, keep, row, label), l);
  }
  r.out.tables.push({ start: (r.lines[line] as Segment).start, end: (r.lines[lastRow] as Segment).end });
  return lastRow + 1;
}

/** A name cell cut at a double space (城镇调查  失业率): the extra cells go back into the name. */
function mergeIntoName(text: string, columns: Column[], cells: Cell[], width: number): Cell[] {
  const name = columns.findIndex((c) => c.role === "name");
  const extra = cells.length - width;
  const first = cells[name] as Cell;
  const last = cells[name + extra] as Cell;
  const merged = { start: first.start, end: last.end, text: text.slice(first.start, last.end) };
  return [...cells.slice(0, name), merged, ...cells.slice(name + extra + 1)];
}

/** Column indices for a row line's cells, or null when they fit no reading of the header. */
function alignLine(columns: Column[], cells: Cell[], width: number): number[] | null {
  if (cells.length === width) {
    const all = columns.map((_, i) => i);
    if (fits(columns, all, fixed(cells), 0)) return all;
  }
  for (const keep of candidates(columns)) {
    if (keep.length === cells.length && fits(columns, keep, fixed(cells), 0)) return keep;
  }
  // Fewer cells than columns and no merged category to blame: the leading columns are missing.
  if (cells.length < width) {
    const keep = columns.map((_, i) => i).slice(width - cells.length);
    if (fits(columns, keep, fixed(cells), 0)) return keep;
  }
  return null;
}

/** Header cells on lines from `line` on (blank lines between allowed); null if there is none. */
function cellHeader(
  r: Reader,
  line: number,
): { cells: Cell[]; next: number; blankSeparated: boolean } | null {
  const cells: Cell[] = [];
  let k = line;
  let blanks = 0;
  let blankSeparated = false;
  let named = false;
  for (; k < r.lines.length && cells.length < MAX_COLUMNS; k++) {
    const l = r.lines[k] as Segment;
    if (l.end === l.start) {
      if (++blanks > 2) break;
      continue;
    }
    if (l.end - l.start > 20) break;
    const text = r.text.slice(l.start, l.end);
    const column = columnOf(text);
    // A header names one column of names: a second one starts the next header (or the body).
    if (column === null || (column.role === "name" && named)) break;
    named ||= column.role === "name";
    if (cells.length > 0 && blanks > 0) blankSeparated = true;
    blanks = 0;
    cells.push({ ...l, text });
  }
  if (cells.length < 3) return null;
  return { cells, next: k, blankSeparated };
}

interface Body {
  /** The i-th cell after the header, read on demand so that a long run of short lines costs once. */
  at(i: number): Cell | undefined;
  /** The last line of the i-th cell. */
  lineOf(i: number): number;
}

/** Cells of a one-cell-per-line body: a line each, or a block of lines between blank lines. */
function bodyCells(r: Reader, from: number, blocks: boolean): Body {
  const cells: Cell[] = [];
  const lines: number[] = [];
  let k = from;
  let done = false;
  const more = (): void => {
    while (k < r.lines.length && (r.lines[k] as Segment).end === (r.lines[k] as Segment).start) k++;
    if (k >= r.lines.length) {
      done = true;
      return;
    }
    const l = r.lines[k] as Segment;
    let end = k;
    if (blocks) {
      while (end + 1 < r.lines.length && end - k <= 3) {
        const next = r.lines[end + 1] as Segment;
        if (next.end === next.start) break;
        end++;
      }
    }
    const last = r.lines[end] as Segment;
    const text = r.text.slice(l.start, Math.min(last.end, l.start + MAX_CELL + 1));
    if (last.end - l.start > MAX_CELL || end - k > 3 || (text.includes("。") && text.length > 24)) {
      done = true;
      return;
    }
    cells.push({ start: l.start, end: last.end, text });
    lines.push(end);
    k = end + 1;
  };
  return {
    at(i) {
      while (cells.length <= i && !done) more();
      return cells[i];
    },
    lineOf: (i) => lines[i] as number,
  };
}

function readCellTable(r: Reader, line: number): number {
  const header = cellHeader(r, line);
  if (!header) return line + 1;
  const columns = header.cells.map((c) => columnOf(c.text) as Column);
  const layout = layoutOf(columns, titleBefore(r, line), r.ctx);
  if (!layout) return line + 1;
  const body = bodyCells(r, header.next, header.blankSeparated);
  const serial = layout.columns.findIndex((c) => c.role === "serial");
  const options = candidates(layout.columns);
  let label: TargetAttribute | null = null;
  let labels = 0;
  let at = 0;
  let lastLine = header.next - 1;
  for (let cell = body.at(0); cell !== undefined; cell = body.at(at)) {
    const fitting = options.filter((keep) => fits(layout.columns, keep, body, at));
    // With a 序号 column, the right reading leaves the next row's number next.
    const expected = serial === 0 ? Number(fold(cell.text)) + 1 : null;
    const keep =
      fitting.find((k) => {
        const next = body.at(at + k.length);
        return expected === null || !next || Number(fold(next.text)) === expected || isLabel(next);
      }) ?? fitting[0];
    if (keep) {
      const row = cellsOf(body, at, keep.length);
      const span = { start: (row[0] as Cell).start, end: (row[row.length - 1] as Cell).end };
      emit(r, rowTarget(layout, keep, row, label), span);
      at += keep.length;
      lastLine = body.lineOf(at - 1);
      labels = 0;
      continue;
    }
    if (labels < MAX_LABELS && isLabel(cell)) {
      label = attributeMentioned(cell.text) ?? label;
      labels++;
      at++;
      continue;
    }
    break;
  }
  // Labels read after the last row belong to what follows the table.
  r.out.tables.push({ start: (header.cells[0] as Cell).start, end: (r.lines[lastLine] as Segment).end });
  return lastLine + 1;
}

/** A row line of column names; a few unknown ones (备注 written otherwise) are tolerated. */
function isHeaderRow(cells: Cell[]): boolean {
  const known = cells.filter((c) => columnOf(c.text) !== null).length;
  return known >= 2 && known * 3 >= cells.length * 2;
}

export function readTables(text: string, ctx: TableContext): TableReading {
  const r: Reader = { text, lines: linesOf(text), ctx, out: { targets: [], tables: [], rows: [] } };
  let k = 0;
  while (k < r.lines.length) {
    const l = r.lines[k] as Segment;
    const len = l.end - l.start;
    if (len === 0) {
      k++;
      continue;
    }
    if (len <= 20 && columnOf(text.slice(l.start, l.end)) !== null) {
      k = Math.max(k + 1, readCellTable(r, k));
      continue;
    }
    if (len <= 400 && !isBlank(text, l.start, l.end)) {
      const cells = rowCells(text, l);
      if (cells.length >= 2 && cells.length <= MAX_COLUMNS && isHeaderRow(cells)) {
        k = Math.max(k + 1, readRowTable(r, k, cells));
        continue;
      }
    }
    k++;
  }
  return r.out;
}
