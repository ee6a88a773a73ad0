// A cleaned copy of the document that the rules read, with a map back to the original text.
// Full-width forms become half-width (％ → %, ， → ,), HTML tags and entities go, stray spaces
// between Chinese characters go, CR goes; every character of the copy remembers where it came from,
// so spans found in the copy are reported in the original's offsets.

export interface TextView {
  /** The cleaned text. */
  text: string;
  /** For each character of `text`, the offset in the original where it starts. */
  from: Int32Array;
  /** For each character of `text`, the offset in the original just after it. */
  to: Int32Array;
  originalLength: number;
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

function isAsciiWord(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9]/.test(ch);
}

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

export function buildTextView(original: string): TextView {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const push = (ch: string, start: number, end: number) => {
    out.push(ch);
    from.push(start);
    to.push(end);
  };
  let i = 0;
  const n = original.length;
  while (i < n) {
    const ch = original[i] as string;
    if (ch === "<") {
      const tag = TAG.exec(original.slice(i, i + 502));
      if (tag) {
        // Block-level tags end a line so that paragraphs stay apart.
        if (/^<\/?(p|div|br|li|tr|h[1-6]|table|section|article)\b/i.test(tag[0]))
          push("\n", i, i + tag[0].length);
        i += tag[0].length;
        continue;
      }
    }
    if (ch === "&") {
      const entity = ENTITY.exec(original.slice(i, i + 12));
      const decoded = entity ? decodeEntity(entity[1] as string) : null;
      if (entity && decoded !== null) {
        const folded = fold(decoded);
        for (let j = 0; j < folded.length; j++) push(folded[j] as string, i, i + entity[0].length);
        i += entity[0].length;
        continue;
      }
    }
    if (ch === "\r") {
      i++;
      continue;
    }
    const folded = fold(ch);
    push(folded, i, i + 1);
    i++;
  }
  // Second pass: drop horizontal white space unless it separates two latin words or numbers.
  const text: string[] = [];
  const f: number[] = [];
  const t: number[] = [];
  const blank = (c: string | undefined) => c === " " || c === "\t";
  for (let k = 0; k < out.length; k++) {
    const c = out[k] as string;
    if (blank(c)) {
      // Look at a run of blanks once: keep its first blank only between two latin words.
      let next = k + 1;
      while (next < out.length && blank(out[next])) next++;
      if (isAsciiWord(out[k - 1]) && isAsciiWord(out[next])) {
        text.push(c);
        f.push(from[k] as number);
        t.push(to[k] as number);
      }
      k = next - 1;
      continue;
    }
    text.push(c);
    f.push(from[k] as number);
    t.push(to[k] as number);
  }
  return { text: text.join(""), from: Int32Array.from(f), to: Int32Array.from(t), originalLength: n };
}

/** Maps a span of the view back to the original text. */
export function toOriginal(view: TextView, start: number, end: number): { start: number; end: number } {
  if (view.text.length === 0) return { start: 0, end: 0 };
  const s = Math.max(0, Math.min(start, view.text.length - 1));
  const e = Math.max(s + 1, Math.min(end, view.text.length));
  return { start: view.from[s] as number, end: view.to[e - 1] as number };
}
