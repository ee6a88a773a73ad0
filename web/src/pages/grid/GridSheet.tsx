import { App, Button, Empty, Popconfirm } from "antd";
import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from "react";
import type { MonthGridRow, MonthGridRowError, MonthGridView } from "../../../../src/contract/month-grid.ts";
import { useSaveMonthGrid } from "../../api/grid-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { type GridRowModel, GridTable } from "./GridTable.tsx";
import {
  checkPasses,
  checkRow,
  draftOf,
  FIELDS,
  isDirty,
  monthLabel,
  moveOf,
  nextCell,
  type RowDraft,
  refusedRows,
  rowKey,
  rowSave,
  rowsToSend,
} from "./grid-model.ts";

type Cell = HTMLInputElement | HTMLTextAreaElement;

interface Props {
  grid: MonthGridView;
  /** Edits not yet saved, kept by the page so that a change of month can ask first. */
  edits: Record<string, RowDraft>;
  setEdits: (update: (edits: Record<string, RowDraft>) => Record<string, RowDraft>) => void;
}

/** One month's sheet: the rows, typed in place, saved as drafts or submitted all together. */
export function GridSheet({ grid, edits, setEdits }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const save = useSaveMonthGrid();
  const [refused, setRefused] = useState<Map<string, MonthGridRowError>>(new Map());
  const [triedSubmit, setTriedSubmit] = useState(false);
  const cells = useRef(new Map<string, Cell>());

  const draftFor = useCallback((row: MonthGridRow) => edits[rowKey(row)] ?? draftOf(row), [edits]);
  const models = useMemo<GridRowModel[]>(
    () =>
      grid.rows.map((row) => {
        const draft = draftFor(row);
        return {
          row,
          draft,
          check: checkRow(row, draft, triedSubmit && row.editable),
          dirty: row.editable && isDirty(draft, row),
          refused: refused.get(rowKey(row)),
        };
      }),
    [grid.rows, draftFor, triedSubmit, refused],
  );
  const editable = useMemo(() => grid.rows.map((r) => r.editable), [grid.rows]);
  const dirtyCount = models.filter((m) => m.dirty).length;
  const submittable = grid.rows.filter((r) => r.editable).length;
  const showPlan = new Set(grid.rows.map((r) => r.planId)).size > 1;

  function onChange(row: MonthGridRow, patch: Partial<RowDraft>) {
    const key = rowKey(row);
    setEdits((e) => ({ ...e, [key]: { ...(e[key] ?? draftOf(row)), ...patch } }));
    // What the server said of the row is about what it was sent, not about this.
    if (refused.has(key) && !("confirm" in patch) && !("confirmReason" in patch)) {
      setRefused((r) => {
        const next = new Map(r);
        next.delete(key);
        return next;
      });
    }
  }

  const cellRef = useCallback(
    (rowIndex: number, col: number) => (el: Cell | null) => {
      const id = `${rowIndex}:${col}`;
      if (el) cells.current.set(id, el);
      else cells.current.delete(id);
    },
    [],
  );

  function focusCell(rowIndex: number, col: number) {
    const el = cells.current.get(`${rowIndex}:${col}`);
    if (!el) return;
    el.focus();
    const end = el.value.length;
    el.setSelectionRange(end, end);
  }

  function onCellKey(rowIndex: number, col: number, event: KeyboardEvent<HTMLElement>) {
    const el = event.currentTarget as Cell;
    const move = moveOf({
      key: event.key,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      composing: event.nativeEvent.isComposing,
      multiline: el instanceof HTMLTextAreaElement,
      value: el.value,
      selectionStart: el.selectionStart ?? 0,
      selectionEnd: el.selectionEnd ?? 0,
    });
    if (!move) return;
    const next = nextCell({ row: rowIndex, col }, move, editable, FIELDS.length);
    event.preventDefault();
    if (next) focusCell(next.row, next.col);
  }

  function focusRow(key: string) {
    const index = grid.rows.findIndex((r) => rowKey(r) === key);
    if (index >= 0) focusCell(index, 0);
  }

  async function send(submit: boolean) {
    if (submit) setTriedSubmit(true);
    const refusedKeys = new Set(refused.keys());
    const rows = rowsToSend(grid.rows, draftFor, submit, refusedKeys);
    if (rows.length === 0) {
      message.info(t(submit ? "grid.nothingToSubmit" : "grid.nothingChanged"));
      return;
    }
    const blocked = rows.filter((r) => !checkPasses(checkRow(r, draftFor(r), submit)));
    const [firstBlocked] = blocked;
    if (firstBlocked) {
      message.error(t("grid.fixRows", { count: blocked.length }), 6);
      focusRow(rowKey(firstBlocked));
      return;
    }
    const sent = rows.map(rowKey);
    try {
      const result = await save.mutateAsync({
        month: grid.month,
        body: { submit, rows: rows.map((r) => rowSave(r, draftFor(r))) },
      });
      setEdits((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !sent.includes(k))));
      setRefused(new Map());
      setTriedSubmit(false);
      message.success(t(submit ? "grid.submitted" : "grid.savedDrafts", { count: result.saved }));
    } catch (error) {
      const byRow = refusedRows(error, sent);
      if (byRow.size === 0) {
        message.error(t("grid.saveFailed", { message: errorMessage(error, t) }), 8);
        return;
      }
      setRefused(byRow);
      message.error(t("grid.refused", { count: byRow.size }), 8);
      const [first] = byRow.keys();
      if (first) focusRow(first);
    }
  }

  if (grid.rows.length === 0)
    return <Empty description={t("grid.empty", { month: monthLabel(grid.month, lang) })} />;

  return (
    <div className="grid-sheet">
      <GridTable
        rows={models}
        showPlan={showPlan}
        onChange={onChange}
        cellRef={cellRef}
        onCellKey={onCellKey}
      />
      <div className="grid-actions" data-testid="grid-actions">
        <span className="small muted" data-testid="grid-dirty">
          {dirtyCount > 0 ? t("grid.dirty", { count: dirtyCount }) : t("grid.clean")}
        </span>
        <span className="grid-buttons">
          <Button
            onClick={() => void send(false)}
            loading={save.isPending && !save.variables?.body.submit}
            disabled={save.isPending}
            data-testid="grid-save-drafts"
          >
            {t("grid.saveDrafts")}
          </Button>
          <Popconfirm
            title={t("grid.submitConfirm", { count: submittable })}
            okText={t("grid.submitOk")}
            cancelText={t("common.cancel")}
            onConfirm={() => send(true)}
            disabled={submittable === 0}
          >
            <Button
              type="primary"
              loading={save.isPending && save.variables?.body.submit === true}
              disabled={save.isPending || submittable === 0}
              data-testid="grid-submit-all"
            >
              {t("grid.submitAll")}
            </Button>
          </Popconfirm>
        </span>
      </div>
    </div>
  );
}
