// A plan's text as the duplicate check compares it: the same words whatever file they came in. A .txt
// keeps its line breaks, blank lines and 全角 indents; the same text saved as .docx or a web page comes
// back one paragraph a line, indents and blank lines gone, sometimes with non-breaking or zero-width
// spaces; half- and full-width forms (１０６亿元, ，) differ by editor. None of that is the text itself,
// so all white space is dropped and the compatibility forms folded (NFKC) before the text is hashed.

const SPACE = /[\s\u200b-\u200d\u2060\ufeff]+/gu;

export function comparableText(text: string): string {
  return text.normalize("NFKC").replace(SPACE, "");
}
