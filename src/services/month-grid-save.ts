// Saving the month grid: every row as a draft, or every row submitted, in one transaction. Each row
// goes through the same save as its own form (saveReport: access, plan state, period, content,
// plausibility; a task's submission is its 进展报送, which moves the task to 推进中), so a row is
// refused here exactly when it would be refused alone. Every row is tried, so that the answer names
// every bad row at once; when any is refused the transaction is rolled back and nothing is kept.
// Each row written gets its own revision and audit row (appendRevision and the task step write both).

import type {
  MonthGridRowError,
  MonthGridRowSave,
  MonthGridSaveRequest,
  MonthGridSaveResult,
} from "../contract/month-grid.ts";
import type { SaveReportRequest } from "../contract/reports.ts";
import type { Actor } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { findReport } from "../db/reports-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError, type AppErrorCode, isAppError, type LocalText } from "../domain/app-error.ts";
import { checkMonth, monthGrid, monthOfPeriod, requireReporter } from "./month-grid.ts";
import { type Clock, saveReport } from "./reporting.ts";
import { type Db, loadSubject } from "./reporting-context.ts";
import { reportTaskProgress } from "./task-steps.ts";

/** More than a department leads in a month; keeps one transaction short. */
export const MONTH_GRID_MAX_ROWS = 200;

/** The message of an error in both languages; an older "中文 / English" message is split in two. */
export function localText(error: AppError): LocalText {
  if (error.text) return error.text;
  const at = error.message.indexOf(" / ");
  return at < 0
    ? { zh: error.message, en: error.message }
    : { zh: error.message.slice(0, at), en: error.message.slice(at + 3) };
}

interface Refusal {
  index: number;
  row: MonthGridRowSave;
  code: AppErrorCode;
  message: LocalText;
  details: Record<string, unknown>;
}

function refusalOf(index: number, row: MonthGridRowSave, error: AppError): Refusal {
  return { index, row, code: error.code, message: localText(error), details: error.details };
}

/** What a row's own save takes: its fields without the grid's (kind, id, period). */
function saveBodyOf(row: MonthGridRowSave, submit: boolean): SaveReportRequest {
  const { kind: _kind, id: _id, period: _period, ...fields } = row;
  return { ...fields, submit };
}

/** Rows that cannot be saved whatever the database holds: a period of another month, a row twice. */
function shapeRefusals(month: string, rows: readonly MonthGridRowSave[]): Refusal[] {
  const out: Refusal[] = [];
  const seen = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    const key = `${row.kind}:${row.id}:${row.period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push(
        refusalOf(
          index,
          row,
          new AppError(
            "bad_input",
            {
              zh: `与第${first + 1}行重复`,
              en: `the same report as row ${first + 1}`,
            },
            { rule: "duplicate_row", field: `rows[${index}]` },
          ),
        ),
      );
      continue;
    }
    seen.set(key, index);
    if (monthOfPeriod(row.period) !== month)
      out.push(
        refusalOf(
          index,
          row,
          new AppError(
            "bad_input",
            {
              zh: `报告期 ${row.period} 不属于 ${month} 的月报表`,
              en: `the period ${row.period} is not reported with ${month}`,
            },
            { rule: "period_not_in_month", field: `rows[${index}].period` },
          ),
        ),
      );
  }
  return out;
}

/** A task's submission is its progress report; its staleness is checked here, as saveReport does. */
async function submitTask(
  trx: Db,
  actor: Actor,
  user: Principal,
  row: MonthGridRowSave,
  clock: Clock,
): Promise<void> {
  const existing = await findReport(trx, { type: "task", id: row.id }, row.period);
  const current = existing?.current_revision ?? 0;
  if ((row.baseRevision ?? 0) !== current)
    throw new AppError(
      "conflict",
      {
        zh: `已有新的修订（第${current}版，你看到的是第${row.baseRevision ?? 0}版），请刷新后再填`,
        en: `it changed meanwhile (revision ${current}, you saw ${row.baseRevision ?? 0}): reload`,
      },
      { rule: "stale_revision", latestRevision: current },
    );
  await reportTaskProgress(
    trx,
    actor,
    user,
    row.id,
    {
      period: row.period,
      progress: row.progress,
      problems: row.problems,
      nextSteps: row.nextSteps,
      percent: row.percent ?? null,
    },
    [],
    clock,
  );
}

async function saveRow(
  trx: Db,
  actor: Actor,
  user: Principal,
  row: MonthGridRowSave,
  submit: boolean,
  clock: Clock,
): Promise<void> {
  if (row.kind === "node" && submit) return submitTask(trx, actor, user, row, clock);
  await saveReport(trx, actor, user, row.kind, row.id, row.period, saveBodyOf(row, submit), clock);
}

async function titleOf(db: Db, row: MonthGridRowSave): Promise<string | null> {
  try {
    return (await loadSubject(db, row.kind, row.id)).title;
  } catch {
    return null;
  }
}

const MAX_NAMED = 5;

/** One error for the whole sheet, naming each refused row. */
async function sheetError(
  db: Db,
  refusals: readonly Refusal[],
  submit: boolean,
  count: number,
): Promise<AppError> {
  const errors: MonthGridRowError[] = [];
  for (const r of refusals) {
    errors.push({
      index: r.index,
      kind: r.row.kind,
      id: r.row.id,
      period: r.row.period,
      title: await titleOf(db, r.row),
      code: r.code,
      message: r.message,
      rule: typeof r.details.rule === "string" ? r.details.rule : null,
      details: r.details,
    });
  }
  const codes = new Set(refusals.map((r) => r.code));
  const [only] = codes;
  const code: AppErrorCode =
    codes.size === 1 && only ? only : codes.has("conflict") ? "conflict" : "bad_input";
  const named = errors.slice(0, MAX_NAMED);
  const more = errors.length - named.length;
  const zhRows = named.map((e) => `第${e.index + 1}行「${e.title ?? e.id}」${e.period}：${e.message.zh}`);
  const enRows = named.map((e) => `row ${e.index + 1} (${e.title ?? e.id}, ${e.period}): ${e.message.en}`);
  return new AppError(
    code,
    {
      zh: `${errors.length}行不能${submit ? "提交" : "保存"}，本表各行均未改动。${zhRows.join("；")}${more > 0 ? `；另有${more}行` : ""}`,
      en: `${errors.length} of the rows cannot be ${submit ? "submitted" : "saved"}; none was changed. ${enRows.join("; ")}${more > 0 ? `; and ${more} more` : ""}`,
    },
    { errors, count },
  );
}

/** PUT /api/me/grid/:month */
export async function saveMonthGrid(
  db: Db,
  actor: Actor,
  user: Principal,
  month: string,
  body: MonthGridSaveRequest,
  clock: Clock = {},
): Promise<MonthGridSaveResult> {
  requireReporter(user);
  checkMonth(month);
  if (body.rows.length === 0)
    throw new AppError("bad_input", { zh: "没有要保存的行", en: "no rows to save" }, { field: "rows" });
  if (body.rows.length > MONTH_GRID_MAX_ROWS)
    throw new AppError(
      "bad_input",
      {
        zh: `一次最多保存${MONTH_GRID_MAX_ROWS}行`,
        en: `at most ${MONTH_GRID_MAX_ROWS} rows at once`,
      },
      { field: "rows", count: body.rows.length },
    );
  const shape = shapeRefusals(month, body.rows);
  if (shape.length > 0) throw await sheetError(db, shape, body.submit, body.rows.length);

  const at = clock.now ?? new Date().toISOString();
  // Filled inside the transaction, which a throw then rolls back.
  let refused: Refusal[] = [];
  const rollback = new Error("month grid rolled back");
  try {
    await inTransaction(db, async (trx) => {
      const found: Refusal[] = [];
      for (const [index, row] of body.rows.entries()) {
        try {
          await saveRow(trx, actor, user, row, body.submit, { now: at });
        } catch (error) {
          // A refusal is decided before its row writes anything, so the transaction is still good
          // for the rows after it; anything else (the database failing) ends the whole save.
          if (!isAppError(error)) throw error;
          found.push(refusalOf(index, row, error));
        }
      }
      if (found.length > 0) {
        refused = found;
        throw rollback;
      }
    });
  } catch (error) {
    if (error !== rollback) throw error;
    throw await sheetError(db, refused, body.submit, body.rows.length);
  }
  return { submitted: body.submit, saved: body.rows.length, grid: await monthGrid(db, user, month) };
}
