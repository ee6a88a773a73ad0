// A cleaned copy of the document that the rules read, with a map back to the original text.
// Full-width forms become half-width (％ → %, ， → ,), HTML tags and entities go, stray spaces
// between Chinese characters go, CR goes; every character of the copy remembers where it came from,
// so spans found in the copy are reported in the original's offsets.

import { scriptRecorder, simplify } from "./traditional.ts";

export interface TextView {
  /** The cleaned text. */
  text: string;
  /** For each character of `text`, the offset in the original where it starts. */
  from: Int32Array;
  /** For each character of `text`, the offset in the original just after it. */
  to: Int32Array;
  originalLength: number;
  /** Simplified characters of `text` folded from traditional ones, mapped back (see traditional.ts). */
  restore: ReadonlyMap<string, string>;
}

const ENTITIES: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  middot: "·",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  ensp: " ",
  emsp: " ",
};

/** Half-width form of one character: NFKC for the full-width block, ideographic space, and a few dashes. */
function fold(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000 || c === 0xa0) return " ";
  if (ch === "〜") return "~";
  if (ch === "﹪") return "%";
  return ch;
}

function decodeEntity(name: string): string | null {
  if (name.startsWith("#x") || name.startsWith("#X")) {
    const code = Number.parseInt(name.slice(2), 16);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : null;
  }
  if (name.startsWith("#")) {
    const code = Number.parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : null;
  }
  return ENTITIES[name.toLowerCase()] ?? null;
}

const TAG = /^<\/?[A-Za-z][^<>]{0,500}>/;
const ENTITY = /^&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/;

const BLOCK_TAG = /^<\/?(p|div|br|li|tr|h[1-6]|table|section|article)\b/i;
const SPACE = 0x20;
const TAB = 0x09;

function isAsciiWordCode(c: number | undefined): boolean {
  return (
    c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))
  );
}

export function buildTextView(original: string): TextView {
  const n = original.length;
  // Tags, entities and CR only ever shorten the text, so the copy fits in arrays of the original's length:
  // typed arrays keep a 1 MB document at about 10 MB instead of a million one-character strings.
  const codes = new Uint16Array(n);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  let len = 0;
  const script = scriptRecorder();
  const push = (code: number, start: number, end: number) => {
    codes[len] = code;
    from[len] = start;
    to[len] = end;
    len++;
  };
  let i = 0;
  while (i < n) {
    const ch = original[i] as string;
    if (ch === "<") {
      const tag = TAG.exec(original.slice(i, i + 502));
      if (tag) {
        // Block-level tags end a line so that paragraphs stay apart.
        if (BLOCK_TAG.test(tag[0])) push(0x0a, i, i + tag[0].length);
        i += tag[0].length;
        continue;
      }
    }
    if (ch === "&") {
      const entity = ENTITY.exec(original.slice(i, i + 12));
      const decoded = entity ? decodeEntity(entity[1] as string) : null;
      if (entity && decoded !== null && decoded.length <= entity[0].length) {
        const folded = fold(decoded);
        for (let j = 0; j < folded.length; j++) push(folded.charCodeAt(j), i, i + entity[0].length);
        i += entity[0].length;
        continue;
      }
    }
    if (ch === "\r") {
      i++;
      continue;
    }
    // 繁體: one character for one, so offsets stay as they are.
    const folded = simplify(fold(ch));
    script.see(ch, folded);
    push(folded.charCodeAt(0), i, i + 1);
    i++;
  }
  // Second pass, in place: drop horizontal white space unless it separates two latin words or numbers.
  let w = 0;
  for (let k = 0; k < len; k++) {
    const c = codes[k] as number;
    if (c === SPACE || c === TAB) {
      let next = k + 1;
      while (next < len && (codes[next] === SPACE || codes[next] === TAB)) next++;
      const keep = w > 0 && isAsciiWordCode(codes[w - 1]) && next < len && isAsciiWordCode(codes[next]);
      if (keep) {
        codes[w] = c;
        from[w] = from[k] as number;
        to[w] = to[k] as number;
        w++;
      }
      k = next - 1;
      continue;
    }
    codes[w] = c;
    from[w] = from[k] as number;
    to[w] = to[k] as number;
    w++;
  }
  const text = new TextDecoder("utf-16le").decode(codes.subarray(0, w));
  return { text, from: from.slice(0, w), to: to.slice(0, w), originalLength: n, restore: script.restore() };
}

/** Maps a span of the view back to the original text. */
export function toOriginal(view: TextView, start: number, end: number): { start: number; end: number } {
  if (view.text.length === 0) return { start: 0, end: 0 };
  const s = Math.max(0, Math.min(start, view.text.length - 1));
  const e = Math.max(s + 1, Math.min(end, view.text.length));
  return { start: view.from[s] as number, end: view.to[e - 1] as number };
}
