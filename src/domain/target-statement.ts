// The one sentence that names a target everywhere a person reads it (cockpit, desk, review, documents):
// the plan's own clause where the extractor found one and the value still reads as written; otherwise
// built from the fields, with the verb and the bound the comparator and direction imply (下降3%,
// 控制在5.5%以内, 30家以上, 达到80%), never the bare number with "目标" before it.

import type { Comparator, Direction, TargetKind } from "../extract/types.ts";

export interface StatementFields {
  subject: string;
  display: string;
  comparator: Comparator;
  direction: Direction;
  kind: TargetKind;
  /** The plan's clause, kept at import (null: none, or shared with other targets). */
  statement: string | null;
}

const ZH_SUFFIX: Partial<Record<Comparator, string>> = { at_least: "以上", at_most: "以内", about: "左右" };

function zhVerb(f: StatementFields): string {
  if (f.kind === "milestone") return "";
  if (f.comparator === "at_most" && f.kind !== "cumulative") return "控制在";
  if (f.kind === "rate") return f.direction === "decrease" ? "下降" : "增长";
  if (f.direction === "decrease") return f.kind === "cumulative" ? "减少" : "下降到";
  return f.kind === "level" ? "达到" : "";
}

/** The Chinese statement: the plan's clause if it still holds the display, else one built from the fields. */
export function statementZh(f: StatementFields): string {
  const display = f.display.trim();
  if (f.statement && (display === "" || f.statement.includes(display))) return f.statement;
  if (display === "") return f.subject;
  const suffix = ZH_SUFFIX[f.comparator] ?? "";
  const body = display.endsWith(suffix) ? display : `${display}${suffix}`;
  const verb = zhVerb(f);
  // A subject that already ends in its verb (净增, 新增, 下降) takes no second one.
  const joined = verb !== "" && /(?:增|降|减|达到|控制在)$/.test(f.subject) ? "" : verb;
  return `${f.subject}${joined}${body}`;
}
