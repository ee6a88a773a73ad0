// Our own ledger back from Excel: the planner edited values and texts in the workbook exported by
// ledger-xlsx.ts; the preview lists every difference from the current approved revision, and only the
// differences the planner confirms become new revisions (approved, by the importing planner, audited)
// on top of each report's latest — nothing is overwritten, nothing applied before the confirmation,
// and the confirmation is one transaction that refuses (409) when a report moved since the preview.

import type {
  LedgerApplyRequest,
  LedgerApplyResult,
  LedgerDiffField,
  LedgerDiffView,
  LedgerPreview,
} from "../contract/documents.ts";
import type { StatusWord } from "../contract/reports.ts";
import { type Actor, appendAudit } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { appendRevision, type RevisionRow } from "../db/reports-repository.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";
import { refuseArchived } from "../domain/plan-structure.ts";
import { periodWords } from "../domain/reminder-text.ts";
import { REVISION_STATE_ZH } from "../domain/revisions.ts";
import { displayFactor } from "../domain/target-display.ts";
import { buildLedger, type Ledger, type LedgerRow } from "../reports/ledger-model.ts";
import { TASK_WORDS } from "../reports/ledger-xlsx.ts";
import { type CellText, columnLetter } from "../reports/sheet-cells.ts";
import { inProcessJobs, type JobRunner } from "./job-handlers.ts";
import { ledgerContent } from "./ledger-content.ts";
import type { FileRow } from "./ledger-file.ts";
import { readingClock } from "./plan-status.ts";
import { previousAmong } from "./report-plausibility.ts";
import {
  type Db,
  loadPlanWorld,
  type PlanWorld,
  periodsOf,
  reportKey,
  STATUS_WORDS,
  type Subject,
} from "./reporting-context.ts";

function bad(message: LocalText, details: Record<string, unknown> = {}): AppError {
  return new AppError("bad_input", message, details);
}

/** The fields as the Chinese screen names them, for the Chinese messages. */
const FIELD_ZH: Record<LedgerDiffField["field"], string> = {
  value: "完成值",
  percent: "完成百分比",
  statusWord: "状态",
  progress: "进展情况",
  problems: "存在问题",
  nextSteps: "下步打算",
};

const TEXT_FIELDS = ["progress", "problems", "nextSteps"] as const;

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

interface Located {
  sheet: string;
  row: number;
  column: string;
}

function numberOf(v: CellText, at: Located, fileName: string): number | null {
  if (v === null) return null;
  if (typeof v === "number") return v;
  const n = Number(v.replace(/[,，\s]/g, ""));
  if (Number.isFinite(n)) return n;
  throw bad(
    {
      zh: `${fileName}：工作表“${at.sheet}”第${at.row}行${at.column}列“${v}”不是数字`,
      en: `${fileName}: sheet “${at.sheet}”, ${at.column}${at.row}: “${v}” is not a number`,
    },
    { file: fileName, ...at },
  );
}

function latestRevision(world: PlanWorld, subjectKey: string, period: string): RevisionRow | null {
  const report = world.reports.get(reportKey(subjectKey, period));
  const list = report ? (world.revisions.get(report.id) ?? []) : [];
  return list[list.length - 1] ?? null;
}

/** The differences between the file and the plan's current approved values, row by row. */
export async function previewLedgerImport(
  db: Db,
  planId: number,
  bytes: Uint8Array,
  fileName: string,
  /** Where the workbook is read: the server's job pool, or this thread. */
  jobs: JobRunner = inProcessJobs(),
): Promise<LedgerPreview> {
  const file = await jobs.run("readLedgerWorkbook", { bytes, fileName });
  if (file.planId !== planId)
    throw bad(
      {
        zh: `${fileName} 是第 ${file.planId} 号计划的台账，不是第 ${planId} 号计划的`,
        en: `${fileName}: the ledger is of plan #${file.planId}, not #${planId}`,
      },
      { file: fileName, planId: file.planId },
    );
  const { world, asOf } = readingClock(await loadPlanWorld(db, planId));
  let ledger: Ledger;
  try {
    ledger = buildLedger(world, { period: file.period, asOf });
  } catch {
    throw bad(
      {
        zh: `${fileName}：报告期 ${periodWords(file.period, "zh")} 已不在计划中`,
        en: `${fileName}: period ${file.period} is no longer the plan's`,
      },
      {
        file: fileName,
      },
    );
  }
  const current = new Map<string, LedgerRow>(ledger.sheets.flatMap((s) => s.rows.map((r) => [r.id, r])));
  const diffs = new Map<string, LedgerDiffView>();
  const unknown: { sheet: string; row: number; id: string }[] = [];
  const diffFor = (r: FileRow, row: LedgerRow, period: string): LedgerDiffView => {
    const key = `${row.id}|${period}`;
    let d = diffs.get(key);
    if (!d) {
      const report = world.reports.get(reportKey(row.id, period));
      const latest = latestRevision(world, row.id, period);
      const blocked =
        world.plan.state !== "published"
          ? { zh: "计划未发布或已关闭", en: "the plan is not published" }
          : latest && latest.state !== "approved"
            ? {
                zh: `该报告有未审核的第${latest.revision}版（${REVISION_STATE_ZH[latest.state]}），请先审核`,
                en: `revision ${latest.revision} is ${latest.state}: review it first`,
              }
            : null;
      d = {
        key,
        sheet: r.sheet,
        row: r.row,
        subjectKind: row.kind === "target" ? "target" : "node",
        subjectId: row.subjectId,
        title: row.indicator || row.task,
        period,
        baseRevision: report?.current_revision ?? null,
        changes: [],
        blocked,
      };
      diffs.set(key, d);
    }
    return d;
  };
  for (const r of file.rows) {
    const row = current.get(r.id);
    if (!row) {
      unknown.push({ sheet: r.sheet, row: r.row, id: r.id });
      continue;
    }
    file.columns.forEach((c, i) => {
      const cell = row.cells[ledger.periods.findIndex((p) => p.key === c.key)];
      if (!cell || cell.periodKey === null) return;
      const raw = r.values[i] ?? null;
      const at = { sheet: r.sheet, row: r.row, column: columnLetter(c.column) };
      if (row.kind === "task") {
        const word = raw === null ? null : String(raw);
        if (word !== null && !(TASK_WORDS as readonly string[]).includes(word))
          throw bad(
            {
              zh: `${fileName}：工作表“${r.sheet}”第${r.row}行${at.column}列“${word}”应为${TASK_WORDS.join("、")}之一`,
              en: `${fileName}: sheet “${r.sheet}”, ${at.column}${r.row}: must be one of ${TASK_WORDS.join(", ")}`,
            },
            { file: fileName, ...at },
          );
        if (word !== null && word !== cell.word)
          diffFor(r, row, cell.periodKey).changes.push({
            field: "statusWord",
            before: cell.word,
            after: word,
          });
        return;
      }
      const value = numberOf(raw, at, fileName);
      // An emptied cell does not delete a report: revisions only add.
      if (value !== null && !sameNumber(value, cell.value))
        diffFor(r, row, cell.periodKey).changes.push({
          field: row.targetKind === "milestone" ? "percent" : "value",
          before: cell.value,
          after: value,
        });
    });
    const own = r.textsOfPeriod ? (row.cells[row.cells.length - 1]?.periodKey ?? null) : null;
    const textPeriod =
      own ?? row.textPeriod ?? [...row.cells].reverse().find((c) => c.periodKey !== null)?.periodKey ?? null;
    if (textPeriod === null) continue;
    // A period without approved texts yet starts empty: the file's texts are all new.
    const now =
      own !== null && own !== row.textPeriod
        ? { progress: "", problems: "", nextSteps: "" }
        : { progress: row.progress, problems: row.problems, nextSteps: row.nextSteps };
    TEXT_FIELDS.forEach((field, i) => {
      const after = r.texts[i] === null ? "" : String(r.texts[i]);
      if (after !== now[field])
        diffFor(r, row, textPeriod).changes.push({ field, before: now[field], after });
    });
  }
  const list = [...diffs.values()].filter((d) => d.changes.length > 0);
  return {
    planId,
    fileName,
    period: file.period,
    rowsRead: file.rows.length,
    differences: list,
    unknownRows: unknown,
    ...(file.filler ? { filler: file.filler } : {}),
  };
}

function factorOf(world: PlanWorld, s: Subject): number {
  const t = world.targets.find((x) => x.id === s.id);
  if (s.kind !== "target" || !t || t.row.kind === "milestone") return 1;
  return displayFactor(t.row.unit, t.row.display_unit || t.row.unit);
}

/** Applies the confirmed differences: one approved revision per report, all or none. */
export async function applyLedgerImport(
  db: Db,
  actor: Actor,
  planId: number,
  body: LedgerApplyRequest,
  now: string = new Date().toISOString(),
): Promise<LedgerApplyResult> {
  if (body.items.length === 0)
    throw bad({ zh: "没有要导入的差异", en: "nothing to apply" }, { field: "items" });
  return inTransaction(db, async (trx) => {
    const { world, asOf } = readingClock(await loadPlanWorld(trx, planId));
    refuseArchived(world.plan);
    if (world.plan.state !== "published")
      throw new AppError(
        "conflict",
        { zh: "计划未发布或已关闭，不能导入", en: "the plan is not published" },
        { planId },
      );
    const ledgerPeriod = body.period;
    let ledger: Ledger;
    try {
      ledger = buildLedger(world, { period: ledgerPeriod, asOf });
    } catch {
      throw bad(
        { zh: `报告期 ${ledgerPeriod} 无效`, en: `no such period: ${ledgerPeriod}` },
        { field: "period" },
      );
    }
    const rows = new Map(ledger.sheets.flatMap((s) => s.rows.map((r) => [r.id, r])));
    let revisions = 0;
    for (const [i, item] of body.items.entries()) {
      const [rowId, period] = item.key.split("|") as [string, string | undefined];
      const row = rows.get(rowId);
      const subject = world.subjects.get(rowId);
      if (!row || !subject || !period)
        throw bad(
          { zh: `第${i + 1}项（${item.key}）不在计划中`, en: `items[${i}]: ${item.key} is not of this plan` },
          {
            field: `items[${i}].key`,
          },
        );
      const calendar = periodsOf(world.plan, subject.frequency, world.settings.dueDay);
      const p = calendar.find((x) => x.key === period);
      if (!p)
        throw bad({ zh: `第${i + 1}项：报告期 ${period} 无效`, en: `items[${i}]: no period ${period}` });
      const report = world.reports.get(reportKey(rowId, period));
      const current = report?.current_revision ?? null;
      if (current !== item.baseRevision)
        throw new AppError(
          "conflict",
          {
            zh: `${row.indicator || row.task}（${periodWords(period, "zh")}）在预览后已有新修订，请重新预览`,
            en: `${item.key} changed since the preview: preview again`,
          },
          { key: item.key, baseRevision: item.baseRevision, latestRevision: current },
        );
      const latest = latestRevision(world, rowId, period);
      if (latest && latest.state !== "approved")
        throw new AppError(
          "conflict",
          {
            zh: `${row.indicator || row.task}（${periodWords(period, "zh")}）有未审核的修订，请先审核`,
            en: `${item.key} has a revision waiting for review`,
          },
          { key: item.key },
        );
      const cellIndex = ledger.periods.findIndex((lp) => lp.end === p.end);
      const cell = cellIndex >= 0 ? row.cells[cellIndex] : undefined;
      const factor = factorOf(world, subject);
      const content = {
        value: latest?.value ?? null,
        percent: latest?.percent ?? null,
        statusWord: latest?.status_word ?? null,
        progress: latest?.progress ?? "",
        problems: latest?.problems ?? "",
        nextSteps: latest?.next_steps ?? "",
      };
      for (const change of item.changes) {
        // What the planner saw as "before" must still be what is approved now.
        const nowValue: string | number | null =
          change.field === "value" || change.field === "percent"
            ? (cell?.value ?? null)
            : change.field === "statusWord"
              ? (cell?.word ?? null)
              : row.textPeriod === period || row.textPeriod === null
                ? row[change.field]
                : content[change.field];
        const numeric = change.field === "value" || change.field === "percent";
        const same = numeric
          ? sameNumber(
              nowValue === null ? null : Number(nowValue),
              change.before === null ? null : Number(change.before),
            )
          : String(nowValue ?? "") === String(change.before ?? "");
        if (!same)
          throw new AppError(
            "conflict",
            {
              zh: `${row.indicator || row.task}（${periodWords(period, "zh")}）的${FIELD_ZH[change.field]}在预览后已变化，请重新预览`,
              en: `${item.key} ${change.field} changed since the preview`,
            },
            { key: item.key, field: change.field },
          );
        applyChange(content, change, factor, i);
      }
      const checked = ledgerContent(
        subject,
        {
          baseRevision: current,
          ...content,
          statusWord: content.statusWord as StatusWord | null,
          submit: true,
          confirm: item.confirm,
          confirmReason: item.confirmReason,
        },
        {
          // A value the file leaves as it was keeps the warnings confirmed for it.
          changed: item.changes.some((c) => c.field === "value"),
          previous: previousAmong(world.reports.values(), world.revisions, rowId, p.start),
          latest,
          where: { key: item.key, index: i, title: row.indicator || row.task, period },
        },
      );
      await appendRevision(trx, actor, {
        report: {
          planId,
          subject: { type: subject.kind === "node" ? "task" : subject.kind, id: subject.id },
          departmentId: report?.department_id ?? subject.leadDepartmentId,
          period: p.key,
          periodEnd: p.end,
          dueDate: report?.due_date ?? p.due,
        },
        baseRevision: current,
        content: checked,
        state: "approved",
        at: now,
      });
      revisions++;
    }
    await appendAudit(
      trx,
      actor,
      {
        action: "ledger.import",
        entity: "plan",
        entityId: planId,
        planId,
        before: null,
        after: {
          fileName: body.fileName,
          period: body.period,
          revisions,
          keys: body.items.map((x) => x.key),
          // A fill-in ledger: who filled it, and how to reach them.
          ...(body.filler ? { filler: body.filler } : {}),
        },
      },
      now,
    );
    return { planId, revisions };
  });
}

function applyChange(
  content: {
    value: number | null;
    percent: number | null;
    statusWord: string | null;
    progress: string;
    problems: string;
    nextSteps: string;
  },
  change: LedgerDiffField,
  factor: number,
  i: number,
): void {
  const bad2 = (what: LocalText) =>
    bad({ zh: `第${i + 1}项：${what.zh}`, en: `items[${i}]: ${what.en}` }, { field: `items[${i}]` });
  switch (change.field) {
    case "value": {
      const n = Number(change.after);
      if (change.after === null || !Number.isFinite(n))
        throw bad2({ zh: "完成值应为数字", en: "value must be a number" });
      content.value = Number((n * factor).toPrecision(15));
      return;
    }
    case "percent": {
      const n = Number(change.after);
      if (change.after === null || !Number.isFinite(n))
        throw bad2({ zh: "完成百分比应为数字", en: "percent must be a number" });
      content.percent = n;
      return;
    }
    case "statusWord":
      if (typeof change.after !== "string" || !(STATUS_WORDS as readonly string[]).includes(change.after))
        throw bad2({
          zh: `状态应为${STATUS_WORDS.join("、")}之一`,
          en: `statusWord must be one of ${STATUS_WORDS.join(", ")}`,
        });
      content.statusWord = change.after;
      return;
    default:
      // The preview sends "" for an emptied text cell; a null is refused, not stored as "".
      if (change.after === null)
        throw bad2({
          zh: "文字内容应为文本（清空请填空字符串）",
          en: `${change.field} must be text ("" to clear it)`,
        });
      content[change.field] = typeof change.after === "string" ? change.after : String(change.after);
  }
}
