import { Checkbox, Input, Tag } from "antd";
import type { KeyboardEvent } from "react";
import type { MonthGridRow, MonthGridRowError } from "../../../../src/contract/month-grid.ts";
import { targetLine } from "../../format/target-name.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { AcknowledgeButton } from "../desk/AcknowledgeButton.tsx";
import {
  type CellField,
  FIELDS,
  inputUnit,
  previousShown,
  type RowCheck,
  type RowDraft,
  refusalFindings,
  rowKey,
  rowMode,
} from "./grid-model.ts";

const STATE_COLOR: Record<MonthGridRow["state"], string> = {
  overdue: "red",
  returned: "orange",
  draft: "blue",
  due: "default",
  submitted: "cyan",
  approved: "green",
};

const COLUMN: Record<CellField, MessageKey> = {
  value: "grid.col.value",
  progress: "grid.col.progress",
  problems: "grid.col.problems",
  nextSteps: "grid.col.nextSteps",
};

const TEXT_FIELD: Record<Exclude<CellField, "value">, "progress" | "problems" | "nextSteps"> = {
  progress: "progress",
  problems: "problems",
  nextSteps: "nextSteps",
};

export interface GridRowModel {
  row: MonthGridRow;
  draft: RowDraft;
  check: RowCheck;
  dirty: boolean;
  refused: MonthGridRowError | undefined;
}

interface Props {
  rows: GridRowModel[];
  showPlan: boolean;
  onChange: (row: MonthGridRow, patch: Partial<RowDraft>) => void;
  /** Keys of the cells; the sheet moves the focus with them. */
  cellRef: (rowIndex: number, col: number) => (el: HTMLInputElement | HTMLTextAreaElement | null) => void;
  onCellKey: (rowIndex: number, col: number, event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * The sheet: one row per report, the value and the three texts typed in place. A table on a wide
 * screen; on a phone (grid.css) every row becomes a card with its cells one under the other.
 */
export function GridTable({ rows, showPlan, onChange, cellRef, onCellKey }: Props) {
  const { t } = useI18n();
  return (
    <table className="grid-table" data-testid="grid-table">
      <thead>
        <tr>
          <th className="grid-col-item">{t("grid.col.item")}</th>
          <th className="grid-col-previous">{t("grid.col.previous")}</th>
          {FIELDS.map((f) => (
            <th key={f} className={`grid-col-${f}`}>
              {t(COLUMN[f])}
            </th>
          ))}
        </tr>
      </thead>
      {rows.map((model, i) => (
        <GridRowBody
          key={rowKey(model.row)}
          model={model}
          index={i}
          showPlan={showPlan}
          onChange={onChange}
          cellRef={cellRef}
          onCellKey={onCellKey}
        />
      ))}
    </table>
  );
}

interface RowProps extends Omit<Props, "rows"> {
  model: GridRowModel;
  index: number;
}

/** One report: its row of cells and, under it, what the checks and the server said about it. */
function GridRowBody({ model, index, showPlan, onChange, cellRef, onCellKey }: RowProps) {
  const { t, lang } = useI18n();
  const { row, draft, check, dirty, refused } = model;
  const local = (text: { zh: string; en: string }) => (lang === "zh-CN" ? text.zh : text.en);
  const previous = previousShown(row);
  const unit = inputUnit(row);
  const disabled = !row.editable;
  const problemOf = (f: CellField) => check.problems[f];
  const refusedField = typeof refused?.details.field === "string" ? refused.details.field : null;
  const invalid = (f: CellField) =>
    problemOf(f) !== undefined ||
    (f === "value" && check.impossible.length > 0) ||
    (f === "problems" && check.fallUnexplained) ||
    refusedField === f;
  const implausible = check.implausible.length > 0 || refused?.code === "implausible_value";
  const findings = check.implausible.length > 0 ? check.implausible.map((f) => f.message) : [];
  const serverFindings = refused?.code === "implausible_value" ? refusalFindings(refused) : [];
  const warnings = findings.length > 0 ? findings : serverFindings;
  const hasNote =
    implausible ||
    check.impossible.length > 0 ||
    check.fallUnexplained ||
    (refused !== undefined && refused.code !== "implausible_value") ||
    (!row.editable && row.lockedReason !== null && row.state !== "submitted" && row.state !== "approved");

  const cell = (f: CellField, col: number) => {
    const common = {
      ref: cellRef(index, col),
      disabled,
      "aria-invalid": invalid(f) || undefined,
      "data-testid": `grid-cell-${f}`,
      "data-row": index,
      "data-col": col,
      onKeyDown: (e: KeyboardEvent<HTMLElement>) => onCellKey(index, col, e),
    };
    const problem = problemOf(f);
    return (
      <td key={f} className={`grid-cell grid-col-${f}`} data-label={t(COLUMN[f])}>
        {f === "value" ? (
          <span className="grid-value">
            <input
              {...common}
              className="grid-input num"
              inputMode="decimal"
              aria-label={`${row.subject.title} ${rowMode(row) === "value" ? t("grid.valueLabel", { unit }) : t("grid.percentLabel")}`}
              value={draft.valueText}
              onChange={(e) => onChange(row, { valueText: e.target.value })}
            />
            <span className="grid-unit muted small">{unit}</span>
          </span>
        ) : (
          <textarea
            {...common}
            className="grid-input grid-text"
            rows={2}
            aria-label={`${row.subject.title} ${t(COLUMN[f])}`}
            value={draft[TEXT_FIELD[f]]}
            onChange={(e) => onChange(row, { [TEXT_FIELD[f]]: e.target.value })}
          />
        )}
        {problem ? (
          <div className="grid-problem small" role="alert">
            {t(`grid.problem.${problem}`)}
          </div>
        ) : null}
      </td>
    );
  };

  return (
    <tbody
      className={`grid-row-group grid-state-${row.state}${dirty ? " grid-dirty" : ""}${refused ? " grid-refused" : ""}`}
      data-testid="grid-row"
      data-subject-kind={row.subject.kind}
      data-subject-id={row.subject.id}
      data-period={row.period.key}
      data-state={row.state}
      data-editable={row.editable}
    >
      <tr className="grid-row">
        <th scope="row" className="grid-cell grid-col-item">
          {showPlan ? <div className="small muted">{row.planTitle}</div> : null}
          <div className="grid-title">{row.subject.title}</div>
          {targetLine(row.subject, lang) ? (
            <div className="small muted">{targetLine(row.subject, lang)}</div>
          ) : null}
          <div className="grid-meta small">
            <Tag variant="filled" color={STATE_COLOR[row.state]}>
              {t(`grid.state.${row.state}`)}
            </Tag>
            <Tag variant="outlined">
              {t(row.subject.kind === "node" ? "grid.kind.task" : "grid.kind.target")}
            </Tag>
            {row.period.key.includes("Q") ? (
              <span className="num">{t("grid.period", { period: row.period.key })}</span>
            ) : null}
            <span className="muted num">{t("grid.dueOn", { date: row.dueDate })}</span>
          </div>
          {row.returnReason ? (
            <div className="grid-return small" data-testid="grid-return-reason">
              {t("grid.returnReason", { reason: row.returnReason })}
            </div>
          ) : null}
        </th>
        <td className="grid-cell grid-col-previous" data-label={t("grid.col.previous")}>
          {previous === null ? (
            <span className="muted">{t("grid.previousNone")}</span>
          ) : (
            <span data-testid="grid-previous">
              <span className="num">{previous}</span>
              <span className="small muted">
                {" "}
                {row.previous?.period}
                {row.previous?.approved ? "" : ` · ${t("grid.previousPending")}`}
              </span>
            </span>
          )}
        </td>
        {FIELDS.map((f, col) => cell(f, col))}
      </tr>
      {hasNote ? (
        <tr className="grid-note-row">
          <td colSpan={6} className="grid-note">
            {!row.editable && row.lockedReason ? (
              <div className="grid-locked small">
                <span>{local(row.lockedReason)}</span>
                {row.taskState === "assigned" ? (
                  <AcknowledgeButton task={{ id: row.subject.id, planId: row.planId }} />
                ) : null}
              </div>
            ) : null}
            {check.impossible.map((m) => (
              <div key={m.zh} className="grid-problem small" role="alert">
                {local(m)}
              </div>
            ))}
            {refused && refused.code !== "implausible_value" ? (
              <div className="grid-problem small" role="alert" data-testid="grid-row-error">
                {local(refused.message)}
              </div>
            ) : null}
            {implausible ? (
              <div className="grid-warning" data-testid="grid-warning">
                {(warnings.length > 0 ? warnings : refused ? [refused.message] : []).map((m) => (
                  <div key={m.zh} className="small">
                    {local(m)}
                  </div>
                ))}
                {check.fallUnexplained ? (
                  <div className="grid-problem small">{t("grid.fallUnexplained")}</div>
                ) : null}
                <div className="grid-confirm">
                  <Checkbox
                    checked={draft.confirm}
                    onChange={(e) => onChange(row, { confirm: e.target.checked })}
                    data-testid="grid-confirm"
                  >
                    {t("grid.confirm")}
                  </Checkbox>
                  <Input
                    size="small"
                    className="grid-confirm-reason"
                    aria-label={t("grid.confirmReason")}
                    placeholder={t("grid.confirmReasonHint")}
                    value={draft.confirmReason}
                    onChange={(e) => onChange(row, { confirmReason: e.target.value })}
                    data-testid="grid-confirm-reason"
                  />
                </div>
                {check.needsConfirmation && (draft.confirm || draft.confirmReason !== "") ? (
                  <div className="grid-problem small">{t("grid.confirmNeeded")}</div>
                ) : null}
              </div>
            ) : null}
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
