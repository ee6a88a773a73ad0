// The pure part of the month grid: what each row asks for, its cells as typed, the checks as typed
// (the server's own plausibility rules, src/domain/plausibility.ts), the rows a save sends, the
// refused rows of a failed save, and where the arrow and Enter keys move.

import type {
  MonthGridRow,
  MonthGridRowError,
  MonthGridRowSave,
} from "../../../../src/contract/month-grid.ts";
import type { LocalText } from "../../../../src/domain/app-error.ts";
import {
  checkPlausibility,
  type Finding,
  type ImplausibleRule,
  isEmptyTalk,
  type PlausibilityKind,
} from "../../../../src/domain/plausibility.ts";
import { isApiError } from "../../api/client.ts";
import { clean, formatQuantity, fromDisplayNumber, toDisplayNumber, unitScale } from "../../format/number.ts";
import { parseNumber } from "../desk/report-model.ts";

/** The four cells a row is typed into, left to right. */
export const FIELDS = ["value", "progress", "problems", "nextSteps"] as const;
export type CellField = (typeof FIELDS)[number];

export interface RowDraft {
  /** As typed, in the unit shown (万人 for a target stated in 万人), or a percent. */
  valueText: string;
  progress: string;
  problems: string;
  nextSteps: string;
  /** The reporter confirms an implausible value … */
  confirm: boolean;
  /** … saying why it is right. */
  confirmReason: string;
}

export function rowKey(row: Pick<MonthGridRow, "planId" | "subject" | "period">): string {
  return `${row.planId}:${row.subject.kind}:${row.subject.id}:${row.period.key}`;
}

/** A target gives its figure; a milestone and a task their percent done (形象进度). */
export function rowMode(row: Pick<MonthGridRow, "subject">): "value" | "percent" {
  return row.subject.kind === "target" && row.subject.targetKind !== "milestone" ? "value" : "percent";
}

/** The unit the reporter types in. */
export function inputUnit(row: Pick<MonthGridRow, "subject">): string {
  if (rowMode(row) === "percent") return "%";
  return unitScale(row.subject.unit ?? "", row.subject.displayUnit).label;
}

/** The row's cells as its newest revision fills them; empty before the first save. */
export function draftOf(row: MonthGridRow): RowDraft {
  const latest = row.latest;
  let valueText = "";
  if (latest && rowMode(row) === "value" && latest.value !== null)
    valueText = String(toDisplayNumber(latest.value, row.subject.unit ?? "", row.subject.displayUnit));
  else if (latest && rowMode(row) === "percent" && latest.percent !== null)
    valueText = String(clean(latest.percent));
  return {
    valueText,
    progress: latest?.progress ?? "",
    problems: latest?.problems ?? "",
    nextSteps: latest?.nextSteps ?? "",
    confirm: false,
    confirmReason: "",
  };
}

/** Whether the cells differ from what is saved (a confirmation alone changes nothing). */
export function isDirty(draft: RowDraft, row: MonthGridRow): boolean {
  const saved = draftOf(row);
  return (
    draft.valueText.trim() !== saved.valueText ||
    draft.progress.trim() !== saved.progress ||
    draft.problems.trim() !== saved.problems ||
    draft.nextSteps.trim() !== saved.nextSteps
  );
}

/** Last period's figure as the row shows it ("1.5万人", "40%"), or null. */
export function previousShown(row: MonthGridRow): string | null {
  const p = row.previous;
  if (!p) return null;
  if (rowMode(row) === "value")
    return p.value === null ? null : formatQuantity(p.value, row.subject.unit ?? "", row.subject.displayUnit);
  return p.percent === null ? null : `${clean(p.percent)}%`;
}

export type CellProblem = "notNumber" | "percentRange" | "valueRequired" | "progressRequired";

export interface RowCheck {
  /** Blocks the save: fix the cell. */
  problems: Partial<Record<CellField, CellProblem>>;
  /** Values that cannot be (a negative count, half a company): the server refuses them too. */
  impossible: LocalText[];
  /** Values that need the reporter's confirmation with a reason. */
  implausible: Finding<ImplausibleRule>[];
  /** A cumulative figure fell: 存在问题 must say why (not 无, 同上 …). */
  fallUnexplained: boolean;
  /** Implausible, and not yet confirmed with a reason that says something. */
  needsConfirmation: boolean;
}

/** The number typed, in the target's base unit (or the percent); null when empty or not a number. */
export function typedValue(row: MonthGridRow, draft: RowDraft): number | null {
  const typed = parseNumber(draft.valueText, rowMode(row) === "value" ? inputUnit(row) : "");
  if (typed === null) return null;
  return rowMode(row) === "value"
    ? fromDisplayNumber(typed, row.subject.unit ?? "", row.subject.displayUnit)
    : typed;
}

/** The row checked as typed; `submit`: the value and 进展情况 are required. */
export function checkRow(row: MonthGridRow, draft: RowDraft, submit: boolean): RowCheck {
  const out: RowCheck = {
    problems: {},
    impossible: [],
    implausible: [],
    fallUnexplained: false,
    needsConfirmation: false,
  };
  const text = draft.valueText.trim();
  const value = typedValue(row, draft);
  if (text !== "" && value === null) out.problems.value = "notNumber";
  else if (text === "" && submit) out.problems.value = "valueRequired";
  else if (value !== null && rowMode(row) === "percent" && (value < 0 || value > 100))
    out.problems.value = "percentRange";
  if (submit && draft.progress.trim() === "") out.problems.progress = "progressRequired";
  const kind = row.subject.targetKind;
  if (value === null || rowMode(row) !== "value" || kind === null || row.subject.unit === null) return out;
  const result = checkPlausibility({
    target: { kind: kind as PlausibilityKind, unit: row.subject.unit, value: row.goal?.value ?? null },
    value,
    previous: row.previous?.value ?? null,
  });
  out.impossible = result.impossible.map((f) => f.message);
  out.implausible = result.implausible;
  out.fallUnexplained =
    result.implausible.some((f) => f.rule === "cumulative_fall") && isEmptyTalk(draft.problems);
  out.needsConfirmation =
    result.implausible.length > 0 && (!draft.confirm || isEmptyTalk(draft.confirmReason));
  return out;
}

/** Whether the check lets the row be sent. */
export function checkPasses(check: RowCheck): boolean {
  return (
    Object.keys(check.problems).length === 0 &&
    check.impossible.length === 0 &&
    !check.fallUnexplained &&
    !check.needsConfirmation
  );
}

/** The row as the sheet's save sends it: the value back in the base unit, the confirmation if given. */
export function rowSave(row: MonthGridRow, draft: RowDraft): MonthGridRowSave {
  const out: MonthGridRowSave = {
    kind: row.subject.kind === "node" ? "node" : "target",
    id: row.subject.id,
    period: row.period.key,
    baseRevision: row.report?.revision ?? null,
    progress: draft.progress.trim(),
    problems: draft.problems.trim(),
    nextSteps: draft.nextSteps.trim(),
  };
  const value = typedValue(row, draft);
  if (rowMode(row) === "value") out.value = value;
  else out.percent = value;
  if (draft.confirm && !isEmptyTalk(draft.confirmReason)) {
    out.confirm = true;
    out.confirmReason = draft.confirmReason.trim();
  }
  return out;
}

/**
 * The rows a save sends: drafts, the editable rows changed since they were loaded (or confirmed
 * since a refusal); a submission, every editable row — submit all means all.
 */
export function rowsToSend(
  rows: readonly MonthGridRow[],
  draftFor: (row: MonthGridRow) => RowDraft,
  submit: boolean,
  refused: ReadonlySet<string> = new Set(),
): MonthGridRow[] {
  return rows.filter(
    (row) =>
      row.editable &&
      (submit || isDirty(draftFor(row), row) || (refused.has(rowKey(row)) && draftFor(row).confirm)),
  );
}

/** The refused rows of a failed sheet save, by the key of the row sent at each index. */
export function refusedRows(error: unknown, sent: readonly string[]): Map<string, MonthGridRowError> {
  const out = new Map<string, MonthGridRowError>();
  if (!isApiError(error)) return out;
  const errors = error.details.errors;
  if (!Array.isArray(errors)) return out;
  for (const e of errors as MonthGridRowError[]) {
    const key = typeof e?.index === "number" ? sent[e.index] : undefined;
    if (key !== undefined) out.set(key, e);
  }
  return out;
}

/** The rule a refused row's 422 names, with every finding's message (the server's words). */
export function refusalFindings(error: MonthGridRowError | undefined): LocalText[] {
  const findings = error?.details.findings;
  if (!Array.isArray(findings)) return [];
  return findings.flatMap((f) => {
    const m = (f as { message?: unknown }).message as Partial<LocalText> | undefined;
    return m && typeof m.zh === "string" && typeof m.en === "string" ? [{ zh: m.zh, en: m.en }] : [];
  });
}

// ── Keyboard ─────────────────────────────────────────────────────────────────────────────────────

export type Move = "up" | "down" | "left" | "right";

export interface KeyFacts {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** A Chinese input method is composing: its Enter and arrows are its own. */
  composing: boolean;
  /** The cell is a multi-line text. */
  multiline: boolean;
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

/**
 * Where a key moves, as in a spreadsheet: Enter down (Shift+Enter up in the value cell; in a text
 * Shift+Enter and Alt+Enter start a new line), ↑↓ between rows (in a text only from its first or last
 * line), ←→ between cells once the caret is at the start or the end. Null: the key is the cell's own.
 */
export function moveOf(k: KeyFacts): Move | null {
  if (k.composing || k.ctrlKey || k.metaKey) return null;
  const collapsed = k.selectionStart === k.selectionEnd;
  if (k.key === "Enter") {
    if (k.altKey) return null;
    if (k.shiftKey) return k.multiline ? null : "up";
    return "down";
  }
  if (k.shiftKey || k.altKey) return null;
  if (k.key === "ArrowUp")
    return !k.multiline || (collapsed && !k.value.slice(0, k.selectionStart).includes("\n")) ? "up" : null;
  if (k.key === "ArrowDown")
    return !k.multiline || (collapsed && !k.value.slice(k.selectionEnd).includes("\n")) ? "down" : null;
  if (k.key === "ArrowLeft") return collapsed && k.selectionStart === 0 ? "left" : null;
  if (k.key === "ArrowRight") return collapsed && k.selectionEnd === k.value.length ? "right" : null;
  return null;
}

export interface Cell {
  row: number;
  col: number;
}

/**
 * The cell a move lands on among `editable` rows (locked rows are stepped over); null at an edge.
 * Left from a row's first cell goes to the previous row's last, right from its last to the next's first.
 */
export function nextCell(from: Cell, move: Move, editable: readonly boolean[], cols: number): Cell | null {
  const rowFrom = (start: number, step: 1 | -1): number | null => {
    for (let r = start; r >= 0 && r < editable.length; r += step) if (editable[r]) return r;
    return null;
  };
  if (move === "down" || move === "up") {
    const r = rowFrom(from.row + (move === "down" ? 1 : -1), move === "down" ? 1 : -1);
    return r === null ? null : { row: r, col: from.col };
  }
  if (move === "right") {
    if (from.col + 1 < cols) return { row: from.row, col: from.col + 1 };
    const r = rowFrom(from.row + 1, 1);
    return r === null ? null : { row: r, col: 0 };
  }
  if (from.col > 0) return { row: from.row, col: from.col - 1 };
  const r = rowFrom(from.row - 1, -1);
  return r === null ? null : { row: r, col: cols - 1 };
}

/** 2020-06 → 2020年6月 / Jun 2020. */
export function monthLabel(month: string, lang: "zh-CN" | "en-US"): string {
  const [y, m] = month.split("-");
  if (lang === "zh-CN") return `${y}年${Number(m)}月`;
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${names[Number(m) - 1] ?? m} ${y}`;
}
