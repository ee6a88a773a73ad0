// The ledger's rows as CSV (UTF-8 with a BOM so that Excel reads the Chinese, RFC 4180 quoting, CRLF)
// and as JSON: the same rows and columns as the workbook's area sheets, one file.

import type { TargetStatus } from "../domain/evaluation.ts";
import type { TaskLight } from "../domain/task-lights.ts";
import { type Ledger, type LedgerCell, statusWord, TASK_HEADERS } from "./ledger-model.ts";

/** The row as flat fields, in the ledger's column order: the CSV and JSON exports' shape. */
export interface FlatLedgerRow {
  sheet: string;
  id: string;
  seq: number;
  task: string;
  indicator: string;
  target: string;
  unit: string;
  lead: string;
  co: string;
  deadline: string;
  periods: {
    key: string;
    label: string;
    value: number | null;
    word: string | null;
    completion: number | null;
    status: TargetStatus | null;
    statusWord: string;
  }[];
  textPeriod: string | null;
  progress: string;
  problems: string;
  nextSteps: string;
  milestones: string;
  light: TaskLight | null;
  lightWord: string;
  latestProgress: string;
}

export function flatRows(ledger: Ledger): FlatLedgerRow[] {
  return ledger.sheets.flatMap((s) =>
    s.rows.map((r) => ({
      sheet: s.title,
      id: r.id,
      seq: r.seq,
      task: r.task,
      indicator: r.indicator,
      target: r.targetText,
      unit: r.unit,
      lead: r.lead,
      co: r.co,
      deadline: r.deadline,
      periods: ledger.periods.map((p, i) => {
        const c = r.cells[i] as LedgerCell;
        return {
          key: p.key,
          label: p.label,
          value: c.value,
          word: c.word,
          completion: c.completion,
          status: c.status,
          statusWord: statusWord(c.status),
        };
      }),
      textPeriod: r.textPeriod,
      progress: r.progress,
      problems: r.problems,
      nextSteps: r.nextSteps,
      milestones: r.milestones,
      light: r.light,
      lightWord: r.lightWord,
      latestProgress: r.latestProgress,
    })),
  );
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  // A text that a spreadsheet would run as a formula is kept as text (CSV injection).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly (string | number | null)[]): string {
  return fields.map(csvField).join(",");
}

export function ledgerCsvHeader(ledger: Pick<Ledger, "periods">): string[] {
  return [
    "领域",
    "编号",
    "序号",
    "任务内容",
    "指标",
    "目标值",
    "单位",
    "牵头单位",
    "配合单位",
    "完成时限",
    ...ledger.periods.flatMap((p) => [`${p.label}完成值`, `${p.label}完成率`, `${p.label}状态`]),
    "进展情况",
    "存在问题",
    "下步打算",
    "填报期",
    ...TASK_HEADERS,
  ];
}

const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));

export function renderLedgerCsv(ledger: Ledger): Buffer {
  const lines = [csvLine(ledgerCsvHeader(ledger))];
  for (const r of flatRows(ledger)) {
    lines.push(
      csvLine([
        r.sheet,
        r.id,
        r.seq,
        r.task,
        r.indicator,
        r.target,
        r.unit,
        r.lead,
        r.co,
        r.deadline,
        ...r.periods.flatMap((p) => [
          p.word ?? p.value,
          p.completion === null ? null : `${round(p.completion * 100, 1)}%`,
          p.statusWord,
        ]),
        r.progress,
        r.problems,
        r.nextSteps,
        r.textPeriod ?? "",
        r.milestones,
        r.lightWord,
        r.latestProgress,
      ]),
    );
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8")]);
}

export function renderLedgerJson(ledger: Ledger): Buffer {
  const body = {
    format: "plantrack-ledger/1",
    planId: ledger.planId,
    planTitle: ledger.planTitle,
    period: ledger.period,
    asOf: ledger.asOf,
    periods: ledger.periods,
    summary: ledger.summary,
    rows: flatRows(ledger),
  };
  return Buffer.from(`${JSON.stringify(body, null, 2)}\n`, "utf8");
}
