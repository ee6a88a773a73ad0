// Bulk values from a CSV file (`plantrack report import`): one row per target and period. Every row is
// checked first; a bad row is reported with its line number and nothing of the file is stored. The
// rows are then written in one transaction, each as a new revision on top of the report's latest.
// The plausibility rules judge each value against its target and the period before (an earlier row of
// the file, or what is stored): an implausible value goes in only with a 确认理由 in its row.

import type { SaveReportRequest } from "../contract/reports.ts";
import { type Actor, SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { readPlanSettings } from "../db/plan-settings-repository.ts";
import { getPlanRow, listPlanRows } from "../db/plans-repository.ts";
import { appendRevision, findPreviousFigure, findReport } from "../db/reports-repository.ts";
import type { PlanRow } from "../db/schema.ts";
import { findTargetIdsBySubject } from "../db/targets-repository.ts";
import { AppError, isAppError, type LocalText } from "../domain/app-error.ts";
import { refuseArchived } from "../domain/plan-structure.ts";
import { decodeText } from "../extract/decode-text.ts";
import { validateContent } from "./reporting.ts";
import { type Db, loadSubject, periodsOf, type Subject, settingsOf } from "./reporting-context.ts";
import { SHEET_LIMITS, type SheetLimits, sheetCounter } from "./sheet-limits.ts";

/** A plan by id, or by a part of its title that only one plan's title contains. */
export async function resolvePlan(db: Db, ref: string): Promise<PlanRow> {
  const trimmed = ref.trim();
  if (/^\d+$/.test(trimmed)) {
    const plan = await getPlanRow(db, Number(trimmed));
    if (plan) return plan;
  }
  const plans = await listPlanRows(db);
  const matches = plans.filter((p) => trimmed !== "" && p.title.includes(trimmed));
  if (matches.length === 1) return matches[0] as PlanRow;
  if (matches.length === 0)
    throw new AppError(
      "not_found",
      { zh: `找不到计划“${ref}”`, en: `no plan with id or title “${ref}”` },
      { plan: ref },
    );
  throw new AppError(
    "bad_input",
    {
      zh: `“${ref}”对应多个计划：${matches.map((p) => `${p.id}号《${p.title}》`).join("、")}，请写计划编号`,
      en: `“${ref}” matches ${matches.length} plans: give the id`,
    },
    { plan: ref, matches: matches.map((p) => p.id) },
  );
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Returns rows with their
 * first line. With `fileName`, refuses a file over the sheet limits (sheet-limits.ts) as soon as the
 * record past them is read, before any of it is used.
 */
export function parseCsv(
  text: string,
  fileName?: string,
  limits: SheetLimits = SHEET_LIMITS,
): { line: number; cells: string[] }[] {
  const counter = fileName === undefined ? null : sheetCounter(fileName, limits);
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      counter?.cell();
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      counter?.cell();
      cells.push(cell);
      if (cells.some((c) => c.trim() !== "")) {
        counter?.row();
        rows.push({ line: rowLine, cells });
      }
      cells = [];
      cell = "";
      line++;
      rowLine = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== "")) {
    counter?.row();
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

const COLUMNS = {
  plan: ["plan", "计划"],
  target: ["target", "指标", "target id", "subject"],
  period: ["period", "报告期"],
  value: ["value", "数值", "完成值"],
  progress: ["progress", "进展情况"],
  problems: ["problems", "存在问题"],
  nextSteps: ["next steps", "next_steps", "nextsteps", "下步打算"],
  state: ["state", "状态"],
  confirmReason: ["confirm reason", "confirm_reason", "confirmreason", "确认理由"],
} as const;
/** Columns a file may leave out. */
const OPTIONAL: ReadonlySet<Column> = new Set(["problems", "nextSteps", "state", "confirmReason"]);
type Column = keyof typeof COLUMNS;

const STATES: Record<string, "draft" | "submitted" | "approved"> = {
  draft: "draft",
  草稿: "draft",
  submitted: "submitted",
  已提交: "submitted",
  approved: "approved",
  已审核: "approved",
  已通过: "approved",
};

export interface ImportRowError {
  line: number;
  message: string;
}

export interface ReportImportOutcome {
  rows: number;
  reports: number;
  revisions: number;
}

interface ParsedRow {
  line: number;
  plan: PlanRow;
  subject: Subject;
  period: { key: string; start: string; end: string; due: string };
  body: SaveReportRequest;
  state: "draft" | "submitted" | "approved";
}

interface ValidRow extends ParsedRow {
  content: ReturnType<typeof validateContent>;
}

/**
 * The figure of the period before a row's: the file's nearest earlier row of the target that is not a
 * draft, or what is stored for a period after that one.
 */
async function previousOf(db: Db, row: ParsedRow, rows: readonly ParsedRow[]): Promise<number | null> {
  let inFile: ParsedRow | null = null;
  for (const r of rows) {
    if (r.subject.id !== row.subject.id || r.period.end >= row.period.start) continue;
    if (r.state === "draft" || r.body.value === null || r.body.value === undefined) continue;
    if (!inFile || r.period.end > inFile.period.end) inFile = r;
  }
  const stored = await findPreviousFigure(db, `target:${row.subject.id}`, row.period.start);
  if (stored && (!inFile || stored.periodEnd > inFile.period.end)) return stored.value;
  return inFile?.body.value ?? null;
}

/** Imports the CSV; throws bad_input naming every bad row (and stores nothing) when one is bad. */
export async function importReportsCsv(
  db: Db,
  bytes: Uint8Array,
  fileName: string,
  actor: Actor = SYSTEM_ACTOR,
  now: string = new Date().toISOString(),
): Promise<ReportImportOutcome> {
  const { text } = decodeText(bytes, fileName);
  const rows = parseCsv(text, fileName);
  const header = rows.shift();
  if (!header)
    throw new AppError(
      "empty_file",
      { zh: `${fileName}：文件为空`, en: `${fileName}: the file is empty` },
      { file: fileName },
    );
  const index = {} as Record<Column, number>;
  for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    const at = header.cells.findIndex((c) => names.includes(c.trim().toLowerCase()));
    if (at < 0 && !OPTIONAL.has(column))
      throw new AppError(
        "bad_input",
        {
          zh: `${fileName} 第1行：缺少列“${names.find((n) => /[\u4e00-\u9fff]/.test(n)) ?? names[0]}”（${names[0]}）`,
          en: `${fileName}, line 1: the column ${names[0]} is missing`,
        },
        { file: fileName, line: header.line, column: names[0] },
      );
    index[column] = at;
  }
  const errors: ImportRowError[] = [];
  // The same rows in both languages, for the message; details.errors keep the office's Chinese.
  const texts: { line: number; text: LocalText }[] = [];
  const rowFailed = (line: number, error: unknown) => {
    const text = isAppError(error)
      ? { zh: error.messageIn("zh"), en: error.messageIn("en") }
      : {
          zh: String(error instanceof Error ? error.message : error),
          en: String(error instanceof Error ? error.message : error),
        };
    errors.push({ line, message: text.zh });
    texts.push({ line, text });
  };
  const parsed: ParsedRow[] = [];
  const plans = new Map<string, PlanRow>();
  const seen = new Set<string>();
  for (const row of rows) {
    const cell = (c: Column) => (index[c] >= 0 ? (row.cells[index[c]] ?? "").trim() : "");
    try {
      const planRef = cell("plan");
      let plan = plans.get(planRef);
      if (!plan) {
        plan = await resolvePlan(db, planRef);
        plans.set(planRef, plan);
      }
      const targetRef = cell("target");
      let targetId: number;
      if (/^\d+$/.test(targetRef)) targetId = Number(targetRef);
      else {
        const found = await findTargetIdsBySubject(db, plan.id, targetRef);
        if (found.length !== 1)
          throw new AppError(
            "bad_input",
            found.length === 0
              ? {
                  zh: `指标“${targetRef}”不在第 ${plan.id} 号计划中`,
                  en: `no target “${targetRef}” in plan #${plan.id}`,
                }
              : {
                  zh: `指标“${targetRef}”不唯一，请写指标编号`,
                  en: `“${targetRef}” names ${found.length} targets: give the id`,
                },
          );
        targetId = found[0] as number;
      }
      const subject = await loadSubject(db, "target", targetId).catch(() => {
        throw new AppError("bad_input", { zh: `指标 ${targetId} 不存在`, en: `no target ${targetId}` });
      });
      if (subject.planId !== plan.id)
        throw new AppError("bad_input", {
          zh: `指标 ${targetId} 不属于第 ${plan.id} 号计划`,
          en: `target ${targetId} is not of plan #${plan.id}`,
        });
      refuseArchived(plan);
      if (plan.state !== "published")
        throw new AppError("bad_input", {
          zh: `第 ${plan.id} 号计划未发布`,
          en: `plan #${plan.id} is not published`,
        });
      const settings = settingsOf((await readPlanSettings(db, plan.id)) ?? {});
      const periodKey = cell("period");
      const period = periodsOf(plan, subject.frequency, settings.dueDay).find((p) => p.key === periodKey);
      if (!period)
        throw new AppError("bad_input", {
          zh: `报告期“${periodKey}”不是该指标的${subject.frequency === "monthly" ? "月份（如2020-04）" : "季度（如2020-Q2）"}`,
          en: `“${periodKey}” is not a ${subject.frequency} period of the plan`,
        });
      const rawValue = cell("value").replace(/,/g, "");
      const value = rawValue === "" ? null : Number(rawValue);
      if (value !== null && !Number.isFinite(value))
        throw new AppError("bad_input", {
          zh: `数值“${cell("value")}”无效`,
          en: `value “${cell("value")}” is not a number`,
        });
      const stateText = cell("state").toLowerCase() || "approved";
      const state = STATES[stateText];
      if (!state)
        throw new AppError("bad_input", {
          zh: `状态“${cell("state")}”应为草稿、已提交或已审核之一`,
          en: `state “${cell("state")}” must be draft, submitted or approved`,
        });
      const milestone = subject.targetKind === "milestone";
      const confirmReason = cell("confirmReason");
      const body: SaveReportRequest = {
        baseRevision: null,
        value: milestone ? null : value,
        percent: milestone ? value : null,
        progress: cell("progress"),
        problems: cell("problems"),
        nextSteps: cell("nextSteps"),
        submit: state !== "draft",
        ...(confirmReason !== "" ? { confirm: true, confirmReason } : {}),
      };
      const key = `${targetId}|${period.key}`;
      if (seen.has(key))
        throw new AppError("bad_input", {
          zh: `指标 ${targetId} 的 ${period.key} 在文件中重复`,
          en: `target ${targetId}, ${period.key} given twice`,
        });
      seen.add(key);
      parsed.push({ line: row.line, plan, subject, period, body, state });
    } catch (error) {
      rowFailed(row.line, error);
    }
  }
  // Judged once every row is read: the period before a row's may come later in the file.
  const valid: ValidRow[] = [];
  for (const row of parsed) {
    try {
      const content = validateContent(row.subject, row.body, await previousOf(db, row, parsed));
      valid.push({ ...row, content });
    } catch (error) {
      rowFailed(row.line, error);
    }
  }
  errors.sort((a, b) => a.line - b.line);
  texts.sort((a, b) => a.line - b.line);
  if (errors.length > 0) {
    const first = texts.slice(0, 20);
    throw new AppError(
      "bad_input",
      {
        zh: [
          `${fileName}：${errors.length}行有误，未导入任何数据`,
          ...first.map((e) => `  第${e.line}行：${e.text.zh}`),
        ].join("\n"),
        en: [
          `${fileName}: ${errors.length} bad ${errors.length === 1 ? "row" : "rows"}, nothing was imported`,
          ...first.map((e) => `  line ${e.line}: ${e.text.en}`),
        ].join("\n"),
      },
      { file: fileName, errors },
    );
  }
  return inTransaction(db, async (trx) => {
    let revisions = 0;
    const reports = new Set<string>();
    for (const row of valid) {
      const subject = { type: "target" as const, id: row.subject.id };
      const steps: ("draft" | "submitted" | "approved")[] =
        row.state === "approved" ? ["submitted", "approved"] : [row.state];
      for (const state of steps) {
        const existing = await findReport(trx, subject, row.period.key);
        await appendRevision(trx, actor, {
          report: {
            planId: row.plan.id,
            subject,
            departmentId: row.subject.leadDepartmentId,
            period: row.period.key,
            periodEnd: row.period.end,
            dueDate: row.period.due,
          },
          baseRevision: existing?.current_revision ?? null,
          content: row.content,
          state,
          at: now,
        });
        revisions++;
      }
      reports.add(`${row.subject.id}|${row.period.key}`);
    }
    return { rows: valid.length, reports: reports.size, revisions };
  });
}
