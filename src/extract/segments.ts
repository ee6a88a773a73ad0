// Paragraphs, sentences and clauses of the cleaned text, as spans.

export interface Segment {
  start: number;
  end: number;
}

/** Lines that are not blank, trimmed of surrounding white space. */
export function paragraphs(text: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(text[s] as string)) s++;
      while (e > s && /\s/.test(text[e - 1] as string)) e--;
      if (e > s) out.push({ start: s, end: e });
      start = i + 1;
    }
  }
  return out;
}

function splitWhere(_text: string, seg: Segment, isBreak: (i: number) => boolean): Segment[] {
  const out: Segment[] = [];
  let start = seg.start;
  for (let i = seg.start; i < seg.end; i++) {
    if (isBreak(i)) {
      if (i + 1 > start) out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (seg.end > start) out.push({ start, end: seg.end });
  return out;
}

const SENTENCE_END = new Set(["。", "!", "?", ";", "…"]);

/** Sentences of a paragraph, each with its closing punctuation. */
export function sentences(text: string, paragraph: Segment): Segment[] {
  return splitWhere(text, paragraph, (i) => SENTENCE_END.has(text[i] as string));
}

const CLAUSE_END = new Set([",", ":", "。", "!", "?", ";", "■", "◆", "●", "▲", "◢", "|", "…"]);

/** Clauses: sentences cut at commas and colons, but not at the comma of 1,200. */
export function clauses(text: string, seg: Segment): Segment[] {
  return splitWhere(text, seg, (i) => {
    const ch = text[i] as string;
    if (!CLAUSE_END.has(ch)) return false;
    if (ch === "," && /\d/.test(text[i - 1] ?? "") && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5)))
      return false;
    return true;
  });
}
