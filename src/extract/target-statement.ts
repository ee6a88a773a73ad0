// A target as the plan states it: 新增就业4万人, 国家高新技术企业净增30家以上, 城镇调查失业率控制在5.5%以内 —
// the clause of the text that holds the target, without the verbs of doing that lead it (实现, 完成, 力争)
// or a time word (年内, 全年). Where one clause holds several targets (雏鹰、瞪羚企业分别达到80家和18家) or
// the target is a table row, there is no one clause to quote: the statement is built from the target's
// fields instead (domain/target-statement.ts), so that a name never loses 新增, 下降 or 以内.

import type { Span } from "./types.ts";

/** Clause ends: a clause holds one commitment; 、 joins the items of one subject, so it does not end one. */
const CLAUSE_END = /[，,；;。！!？?：:\n\t]/;
const MAX_CLAUSE = 40;
/** Leading words that say when or how hard, not what: dropped from the quote. */
const LEAD =
  /^(?:(?:年内|全年|今年|当年|到\d{4}年底?|到年底|年底前|同时|其中|并|全力推动|力争|确保|争取|努力|预计|计划|实现|完成|累计完成|全面完成|达成)[，,]?)+/;
/** What follows a commitment without being part of it (…学前学位的目标). */
const TAIL = /的(?:目标|任务)$/;

/** The clause around a span, looked for no further than a quote can be long (a line without stops
 * holding thousands of targets must stay linear). */
function clauseAround(text: string, span: Span): Span {
  const floor = Math.max(0, span.start - MAX_CLAUSE - 1);
  const ceiling = Math.min(text.length, span.end + MAX_CLAUSE + 1);
  let start = span.start;
  while (start > floor && !CLAUSE_END.test(text[start - 1] as string)) start--;
  let end = span.end;
  while (end < ceiling && !CLAUSE_END.test(text[end] as string)) end++;
  return { start, end };
}

/**
 * For each target (by index), the clause that states it, or null where the clause is shared with another
 * target, runs longer than a name can, or lies in a table. Spans are offsets into `text`.
 */
export function statementsOf(text: string, targets: readonly Span[]): (string | null)[] {
  const clauses = targets.map((t) => clauseAround(text, t));
  const sorted = clauses.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start);
  const shared = new Set<number>();
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1] as { c: Span; i: number };
    const b = sorted[k] as { c: Span; i: number };
    if (a.c.start === b.c.start && a.c.end === b.c.end) {
      shared.add(a.i);
      shared.add(b.i);
    }
  }
  return clauses.map((c, i) => {
    if (shared.has(i)) return null;
    const own = targets[i] as Span;
    if (text.slice(own.start, own.end).includes("\t")) return null;
    // “…项目使接受康复服务比例达到80%”: what is committed to follows 使.
    // Looked for inside the clause only: a search back through the whole text would be quadratic.
    const cause = text.slice(c.start, own.start).lastIndexOf("使");
    const from = cause >= 0 ? c.start + cause + 1 : c.start;
    let quote = text.slice(from, c.end).trim().replace(LEAD, "").replace(TAIL, "");
    // A closing bracket whose opening one lies in an earlier clause is not part of this one.
    if (/[）)]$/.test(quote) && !/[（(]/.test(quote)) quote = quote.slice(0, -1);
    if (quote.length === 0 || quote.length > MAX_CLAUSE || own.end - own.start > MAX_CLAUSE) return null;
    return quote;
  });
}
