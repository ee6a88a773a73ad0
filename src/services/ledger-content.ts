// A ledger item's content checked as a save of the report would be (src/services/reporting.ts); a new
// value also by the plausibility rules against the period before, an error then naming the item.

import type { SaveReportRequest } from "../contract/reports.ts";
import type { RevisionContent, RevisionRow } from "../db/reports-repository.ts";
import { AppError, isAppError } from "../domain/app-error.ts";
import { periodWords } from "../domain/reminder-text.ts";
import { storedWarnings } from "./report-plausibility.ts";
import { validateContent } from "./reporting.ts";
import type { Subject } from "./reporting-context.ts";

/**
 * An item's content checked as a save would be; a new value also by the plausibility rules (against
 * the period before), an error then naming the item.
 */
export function ledgerContent(
  subject: Subject,
  body: SaveReportRequest,
  ctx: {
    changed: boolean;
    previous: number | null;
    latest: RevisionRow | null;
    where: { key: string; index: number; title: string; period: string };
  },
): RevisionContent {
  const { where } = ctx;
  try {
    const content = validateContent(subject, body, ctx.previous, { judgeValue: ctx.changed });
    if (!ctx.changed && ctx.latest?.warnings) content.warnings = storedWarnings(ctx.latest.warnings);
    return content;
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new AppError(
      error.code,
      {
        zh: `第${where.index + 1}项 ${where.title}（${periodWords(where.period, "zh")}）：${error.messageIn("zh")}`,
        en: `items[${where.index}] (${where.key}): ${error.messageIn("en")}`,
      },
      { ...error.details, key: where.key, index: where.index },
    );
  }
}
