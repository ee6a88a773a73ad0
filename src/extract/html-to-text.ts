// A saved government web page → the text a reader sees: markup, scripts, styles and the <head>
// dropped, paragraphs and headings as blank-line-separated paragraphs (as in a .txt of the same plan),
// line breaks and other blocks as line breaks, entities decoded. Pure; no DOM needed.

const DROPPED_ELEMENTS = [
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "svg",
  "iframe",
  "object",
  "select",
];

/** Elements that stand as paragraphs of their own: a blank line around them. */
const PARAGRAPH_ELEMENTS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "table",
  "ul",
  "ol",
  "dl",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "aside",
  "nav",
  "figure",
  "address",
  "form",
  "fieldset",
]);

/** Elements that start a new line. */
const LINE_ELEMENTS = new Set([
  "br",
  "div",
  "li",
  "tr",
  "dt",
  "dd",
  "hr",
  "figcaption",
  "caption",
  "center",
  "option",
  "legend",
  "body",
  "html",
]);

/** Table cells: separated by a tab on their row. */
const CELL_ELEMENTS = new Set(["td", "th"]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  ideographicspace: "\u3000",
  ldquo: "\u201c",
  rdquo: "\u201d",
  lsquo: "\u2018",
  rsquo: "\u2019",
  laquo: "«",
  raquo: "»",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  middot: "·",
  bull: "•",
  times: "×",
  divide: "÷",
  deg: "°",
  plusmn: "±",
  permil: "‰",
  yen: "¥",
  copy: "©",
  reg: "®",
  trade: "™",
  sup2: "²",
  sup3: "³",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  le: "≤",
  ge: "≥",
  ne: "≠",
  asymp: "≈",
  sect: "§",
  para: "¶",
  shy: "",
  zwj: "",
  zwnj: "",
};

const BR = "\ue001";
const LINE_BREAK = "\ue004";
const PARAGRAPH_BREAK = "\ue002";
const CELL_BREAK = "\ue003";

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code =
        body[1] === "x" || body[1] === "X"
          ? Number.parseInt(body.slice(2), 16)
          : Number.parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return "\ufffd";
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body.toLowerCase()];
    // An unknown name (or `&` in running text, like AT&T) stays as written.
    return named ?? whole;
  });
}

/** True when the text looks like HTML rather than plain text (for files without a telling name). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s)/i.test(text.slice(0, 2048));
}

export function htmlToText(html: string): string {
  // Private-use sentinels mark breaks below; a page that holds them itself loses them.
  let s = html.replace(/[\ue001-\ue004]/g, " ").replace(/<!--[\s\S]*?(?:-->|$)/g, " ");
  s = s.replace(/<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g, " ");
  s = s.replace(/<![^<>]*>/g, " ");
  s = s.replace(/<\?[^<>]*\?>/g, " ");
  for (const name of DROPPED_ELEMENTS) {
    s = s.replace(new RegExp(`<${name}\\b[^<>]*>[\\s\\S]*?(?:</${name}\\s*>|$)`, "gi"), " ");
  }
  // A tag: its name, then attributes in which a quoted value may hold '>'. No part of a tag runs
  // past a '<' or a quoted value past a line, so an unclosed tag costs one scan, not one per '<'.
  s = s.replace(
    /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:"[^"<\n]*"|'[^'<\n]*'|[^'"<>])*>/g,
    (_whole, _slash: string, rawName: string) => {
      const name = rawName.toLowerCase();
      if (name === "br") return BR;
      if (PARAGRAPH_ELEMENTS.has(name)) return PARAGRAPH_BREAK;
      if (LINE_ELEMENTS.has(name)) return LINE_BREAK;
      if (CELL_ELEMENTS.has(name)) return CELL_BREAK;
      return "";
    },
  );
  // A '<' that opens no tag is text; HTML collapses white space; entities come after, so &nbsp; stays.
  s = s.replace(/[ \t\r\n\f]+/g, " ");
  s = decodeEntities(s).replace(/\u00a0/g, " ");
  // Breaks: the strongest in a run wins; two <br> in a row make a blank line, as they look.
  s = s.replace(/[ \ue001-\ue004]*[\ue001-\ue004][ \ue001-\ue004]*/g, (run) => {
    if (run.includes(PARAGRAPH_BREAK)) return "\n\n";
    const brs = run.split(BR).length - 1;
    if (brs > 1) return "\n\n";
    if (brs === 1 || run.includes(LINE_BREAK)) return "\n";
    return "\t";
  });
  return s
    .split("\n")
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}
