// For tests of what a person reads: a line in one language. A Chinese line may hold code (commands,
// options and their values, environment variables, paths, addresses, file formats), units, acronyms and
// product names, but no English word; an English line holds no Chinese unless it quotes the plan's data.

/** Han characters, CJK punctuation and full-width forms. */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Names a Chinese text writes in Latin letters. */
const NAMES = new Set([
  "PlanTrack",
  "plantrack",
  "SQLite",
  "PostgreSQL",
  "LibreOffice",
  "Word",
  "Excel",
  "localhost",
]);

/** File formats and units, as typed or printed. */
const FORMATS = new Set([
  "docx",
  "xlsx",
  "csv",
  "json",
  "jsonl",
  "pdf",
  "txt",
  "html",
  "htm",
  "doc",
  "wps",
  "ofd",
]);

/** The English words (three letters or more) of a line, once code, names and quotations are set aside. */
export function englishWords(line: string): string[] {
  const prose = line
    .replace(/`[^`]*`/g, " ") // a literal in backticks
    .replace(/“[^”]*”/g, " ") // what the user typed, quoted
    .replace(/\bplantrack(?: [a-z][a-z-]*)*/g, " ") // a command line: plantrack user reset
    .replace(/^\s+[a-z][a-z0-9-]*(?=\s{2,})/, " ") // the name column of a list (commands, users)
    .replace(/(^|[\s[(（，、：；])--?[a-z][a-z0-9-]*(?:[ =][A-Za-z0-9_.|:/,+-]+)?/g, "$1"); // an option and its value
  const runs = prose.match(/[A-Za-z0-9_.|/\\:@=+#-]+/g) ?? [];
  return runs.filter(
    (run) =>
      /[A-Za-z]{3,}/.test(run) &&
      !/[0-9_.|/\\:@=+#-]/.test(run) && // paths, addresses, identifiers, versions, choices
      run !== run.toUpperCase() && // acronyms and placeholders: JSON, FILE, PLANTRACK_DB
      !NAMES.has(run) &&
      !FORMATS.has(run),
  );
}

/** The lines of a text that mix Chinese and English words, each with the words that do not belong. */
export function mixedLines(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => CJK.test(line) && englishWords(line).length > 0)
    .map((line) => `${line}  ← ${englishWords(line).join(", ")}`);
}
