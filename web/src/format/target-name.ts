// How a screen names a target: on a Chinese screen as the plan states it (新增就业4万人, 控制在5.5%以内,
// 下降3%) — never the bare number after a short label — and on an English one as label and value.
import type { Lang } from "./number.ts";

export interface NamedTarget {
  subject?: string;
  title?: string;
  display: string | null;
  statement: string | null;
}

export function targetName(t: NamedTarget, lang: Lang): string {
  const label = t.subject ?? t.title ?? "";
  if (lang === "zh-CN" && t.statement) return t.statement;
  return t.display ? `${label} ${t.display}` : label;
}

/** The line under a target's short label: its statement on a Chinese screen, its value on an English one. */
export function targetLine(t: NamedTarget, lang: Lang): string | null {
  const label = t.subject ?? t.title ?? "";
  const line = lang === "zh-CN" ? (t.statement ?? t.display) : t.display;
  return line && line !== label ? line : null;
}
