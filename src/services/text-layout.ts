// Positioned text (a PDF's text layer, an OFD's TextCode elements) → the plan text, in reading order.
// Pieces on one baseline make a line, sorted left to right; a wide gap becomes a TAB so that a table
// row keeps its cells. Running headers, footers and page numbers are dropped, and a line that fills
// the text width without closing its sentence is joined to the next: PDF breaks lines where the page
// ends, the plan's paragraphs do not.

export interface TextPiece {
  text: string;
  /** Left edge and baseline; y grows down the page. Any unit, as long as a page uses one. */
  x: number;
  y: number;
  width: number;
  /** Font size, in the same unit. */
  size: number;
}

export interface TextLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /** Where each TAB-separated cell of the line lies, left to right. */
  cells: { x: number; right: number }[];
}

/** A gap wider than this many font sizes separates two table cells. */
const CELL_GAP = 0.9;
/** Latin words closer than this (font sizes) are one word; wider, a space. */
const WORD_GAP = 0.15;
const LATIN = /[A-Za-z0-9]/;

function joinPiece(line: string, previous: TextPiece | null, piece: TextPiece): string {
  if (!previous) return piece.text;
  const gap = piece.x - (previous.x + previous.width);
  const size = Math.max(previous.size, piece.size);
  if (gap > CELL_GAP * size) return `${line.trimEnd()}\t${piece.text.trimStart()}`;
  const last = line.slice(-1);
  const first = piece.text.slice(0, 1);
  // LibreOffice and Word leave a little air between Chinese and Latin runs: not a space in the text.
  if (gap > WORD_GAP * size && LATIN.test(last) && LATIN.test(first)) return `${line} ${piece.text}`;
  return line + piece.text;
}

/** Groups a page's pieces into lines, top to bottom. */
export function linesOfPage(pieces: readonly TextPiece[]): TextLine[] {
  const visible = pieces.filter((p) => p.text.trim() !== "");
  visible.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextPiece[][] = [];
  let current: TextPiece[] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const piece of visible) {
    if (current.length > 0 && Math.abs(piece.y - baseline) <= 0.5 * Math.max(size, piece.size)) {
      current.push(piece);
      size = Math.max(size, piece.size);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [piece];
    baseline = piece.y;
    size = piece.size;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = "";
    let previous: TextPiece | null = null;
    const cells: { x: number; right: number }[] = [];
    for (const piece of group) {
      const tabs = text.split("\t").length;
      text = joinPiece(text, previous, piece);
      const cell = cells[cells.length - 1];
      if (!cell || text.split("\t").length > tabs) cells.push({ x: piece.x, right: piece.x + piece.width });
      else cell.right = Math.max(cell.right, piece.x + piece.width);
      previous = piece;
    }
    const first = group[0] as TextPiece;
    return {
      text: text.trim(),
      x: first.x,
      right: Math.max(...group.map((p) => p.x + p.width)),
      y: first.y,
      size: Math.max(...group.map((p) => p.size)),
      cells,
    };
  });
}

const PAGE_NUMBER = [
  /^[-—–－\s]*\d{1,4}[-—–－\s]*$/, // 3, — 3 —, - 3 -
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/, // 第3页, 第3页 共12页
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/, // 3/12
  /^(?:page\s*)?\d{1,4}\s*(?:of|\/)\s*\d{1,4}$/i,
  /^page\s*\d{1,4}$/i,
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** How many lines at the top and at the bottom of a page may be running headers or footers. */
const EDGE_LINES = 2;

function furnitureKey(text: string): string {
  return text.replace(/\s+/g, "").replace(/\d+/g, "#");
}

function edgeIndexes(count: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i < Math.min(EDGE_LINES, count); i++) {
    out.add(i);
    out.add(count - 1 - i);
  }
  return [...out];
}

/** Drops page numbers, and lines repeated at the top or bottom of most pages, from each page. */
export function dropPageFurniture(pages: readonly TextLine[][]): TextLine[][] {
  const pagesWith = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(edgeIndexes(lines.length).map((i) => furnitureKey((lines[i] as TextLine).text)));
    for (const key of keys) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  const repeated = (key: string) => {
    const n = pagesWith.get(key) ?? 0;
    return pages.length >= 2 && n >= 2 && n * 2 > pages.length;
  };
  const furniture = (line: TextLine) => isPageNumber(line.text) || repeated(furnitureKey(line.text));
  // Peeled from the edge inwards: a second line goes only under a first that went.
  return pages.map((lines) => {
    let top = 0;
    while (top < Math.min(EDGE_LINES, lines.length) && furniture(lines[top] as TextLine)) top++;
    let bottom = lines.length;
    while (bottom > top && lines.length - bottom < EDGE_LINES && furniture(lines[bottom - 1] as TextLine))
      bottom--;
    return lines.slice(top, bottom);
  });
}

/** Characters that close a sentence or a clause: a line ending in one keeps its line break. */
const CLOSING = /(?:[。！？；：…!?;:]|[。！？!?]["”’」』)）])$/;

/** The start of an outline heading (第三章, 一、, （二）, 3.): never the rest of a sentence. */
const HEADING =
  /^(?:第[一二三四五六七八九十百零〇\d]+[章节篇部分条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[．、]|\d+\.(?!\d))/;

interface PageLines {
  lines: TextLine[];
  left: number;
  right: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The text block's left and right margins, over the whole document: a short last page alone would
 * put the right margin at its longest line. The right margin is where most long lines stop, so one
 * line hanging a comma past it does not move it.
 */
function margins(pages: readonly TextLine[][]): { left: number; right: number } {
  const all = pages.flat();
  const prose = all.filter((l) => !l.text.includes("\t"));
  const basis = prose.length > 0 ? prose : all;
  if (basis.length === 0) return { left: 0, right: 0 };
  const left = median(
    basis
      .map((l) => l.x)
      .sort((a, b) => a - b)
      .slice(0, Math.ceil(basis.length / 2)),
  );
  const widest = Math.max(...basis.map((l) => l.right));
  const long = basis.filter((l) => l.right - left >= 0.8 * (widest - left));
  return { left, right: median(long.map((l) => l.right)) };
}

/**
 * Whether the line reaches the right margin, give or take a character and a half; when the next
 * line starts with a number or a Latin word, that word did not fit, so the line may stop short of the
 * margin by its width (about 0.6 of the font size a character).
 */
function fillsWidth(line: TextLine, page: PageLines, next: TextLine): boolean {
  const word = /^[A-Za-z0-9.,%‰+\-/]+/.exec(next.text)?.[0].length ?? 0;
  return line.right >= page.right - (1.5 + 0.6 * word) * line.size;
}

function indented(line: TextLine, page: PageLines): boolean {
  return line.x > page.left + 0.5 * line.size;
}

/**
 * Whether the document marks paragraphs by indenting their first line (most Chinese official
 * documents do): then a full line followed by one that is not indented runs on, even after a 。.
 */
function usesIndents(pages: PageLines[]): boolean {
  let prose = 0;
  let starts = 0;
  for (const page of pages) {
    for (const line of page.lines) {
      if (line.text.includes("\t")) continue;
      prose++;
      const inset = line.x - page.left;
      if (inset >= 1.5 * line.size && inset <= 2.6 * line.size) starts++;
    }
  }
  return prose >= 4 && starts * 10 >= prose;
}

function continues(
  line: TextLine,
  page: PageLines,
  next: TextLine,
  nextPage: PageLines,
  indents: boolean,
): boolean {
  if (line.text.includes("\t") || next.text.includes("\t")) return false;
  if (Math.abs(line.size - next.size) > 0.25 * line.size) return false;
  if (indented(next, nextPage)) return false; // an indented first line: a new paragraph
  if (CLOSING.test(line.text) && (!indents || HEADING.test(next.text))) return false;
  return fillsWidth(line, page, next);
}

function joinLines(text: string, next: string): string {
  if (/[A-Za-z]-$/.test(text) && /^[a-z]/.test(next)) return text.slice(0, -1) + next;
  // Words wrap at spaces, so two Latin words get one back; a number broken at the margin does not.
  if (/\d$/.test(text) && /^[\d.,%]/.test(next)) return text + next;
  if (LATIN.test(text.slice(-1)) && LATIN.test(next.slice(0, 1))) return `${text} ${next}`;
  return text + next;
}

/** The lines of every page → text: one line per line, wrapped lines of a paragraph joined. */
export function joinWrappedLines(pages: readonly TextLine[][]): string {
  const { left, right } = margins(pages);
  const measured = pages.filter((lines) => lines.length > 0).map((lines) => ({ lines, left, right }));
  const indents = usesIndents(measured);
  const out: string[] = [];
  let pending: string | null = null;
  measured.forEach((page, p) => {
    page.lines.forEach((line, i) => {
      pending = pending === null ? line.text : joinLines(pending, line.text);
      const nextPage = i + 1 < page.lines.length ? page : measured[p + 1];
      const next = i + 1 < page.lines.length ? page.lines[i + 1] : nextPage?.lines[0];
      if (next && nextPage && continues(line, page, next, nextPage, indents)) return;
      out.push(pending);
      pending = null;
    });
  });
  if (pending !== null) out.push(pending);
  return out.join("\n");
}

function overlap(a: { x: number; right: number }, b: { x: number; right: number }): number {
  return Math.min(a.right, b.right) - Math.max(a.x, b.x);
}

/**
 * A row of a table with fewer cells than its widest rows (a cell spanning columns, one merged down
 * from above, an empty one) gets its cells put back under their columns, the columns it lacks left
 * empty, so that it lines up with the header as the .docx reading of the same table does.
 */
function alignRows(rows: TextLine[]): TextLine[] {
  const width = Math.max(...rows.map((r) => r.cells.length));
  const full = rows.filter((r) => r.cells.length === width);
  if (rows.length < 2 || width < 2 || full.length === 0) return rows;
  const columns = Array.from({ length: width }, (_, c) => ({
    x: Math.min(...full.map((r) => (r.cells[c] as { x: number }).x)),
    right: Math.max(...full.map((r) => (r.cells[c] as { right: number }).right)),
  }));
  // A column reaches to where the next one starts, so that a cell anywhere under it belongs to it.
  const reach = columns.map((col, c) => ({
    x: c === 0 ? -Infinity : col.x,
    right: columns[c + 1]?.x ?? Infinity,
  }));
  return rows.map((row) => {
    if (row.cells.length === width) return row;
    const texts = row.text.split("\t");
    const slots = row.cells.map((cell) => {
      let best = 0;
      reach.forEach((col, c) => {
        if (overlap(cell, col) > overlap(cell, reach[best] as { x: number; right: number })) best = c;
      });
      return best;
    });
    if (texts.length !== slots.length || slots.some((s, i) => i > 0 && s <= (slots[i - 1] as number)))
      return row;
    const out: string[] = Array.from({ length: (slots[slots.length - 1] as number) + 1 }, () => "");
    slots.forEach((slot, i) => {
      out[slot] = texts[i] as string;
    });
    return { ...row, text: out.join("\t") };
  });
}

/** Lines with TABs in a run are one table: its rows are aligned on its columns. */
export function alignTables(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  let table: TextLine[] = [];
  const flush = () => {
    out.push(...alignRows(table));
    table = [];
  };
  for (const line of lines) {
    if (line.cells.length > 1) table.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}

/** Positioned pieces of each page → the plan text. */
export function layoutText(pages: readonly (readonly TextPiece[])[]): string {
  return joinWrappedLines(dropPageFurniture(pages.map(linesOfPage)).map(alignTables));
}
