import { App, type TableColumnsType } from "antd";
import { useState } from "react";
import type { OutlineNodeView, PlanSummary } from "../../../../src/contract/plans.ts";
import type { TargetView } from "../../../../src/contract/targets.ts";
import { usePlanStructure } from "../../api/task-queries.ts";
import { AttributeTag } from "../../components/AttributeTag.tsx";
import { errorMessage } from "../../components/ErrorState.tsx";
import { formatCnQuantity } from "../../format/cn-number.ts";
import { formatTargetValue } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { nodeLabel } from "../plan/model.ts";
import { coDepartmentsCell, EditorRowsTable, leadCell, RowButtons } from "./EditorRows.tsx";
import { StopDialog } from "./StopDialog.tsx";
import { isStoppedTarget } from "./task-editor-model.ts";

interface Props {
  planId: number;
  planState: PlanSummary["state"];
  rows: TargetView[];
  total: number;
  areas: Map<number, OutlineNodeView>;
  selectable: boolean;
  selected: ReadonlySet<number>;
  onSelect: (next: Set<number>) => void;
  onEdit: (id: number) => void;
}

/**
 * The targets with checkboxes: what the bulk bar changes, and a way into each target's drawer; a
 * draft's target deleted, a published plan's stopped (中止) with a reason and kept, struck through.
 */
export function EditorTable({
  planId,
  planState,
  rows,
  total,
  areas,
  selectable,
  selected,
  onSelect,
  onEdit,
}: Props) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const structure = usePlanStructure(planId);
  const [stopping, setStopping] = useState<TargetView | null>(null);
  const none = t("common.none");

  async function run(op: Parameters<typeof structure.mutateAsync>[0], done: string): Promise<boolean> {
    try {
      await structure.mutateAsync(op);
      message.success(done);
      return true;
    } catch (error) {
      message.error(t("taskEditor.failed", { message: errorMessage(error, t) }), 8);
      return false;
    }
  }

  const confirmDelete = (target: TargetView) =>
    modal.confirm({
      title: t("taskEditor.target.deleteTitle"),
      content: <p className="task-quote">{`${target.subject} · ${target.display}`}</p>,
      okText: t("taskEditor.delete.ok"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: async () => {
        if (await run({ op: "delete-target", id: target.id }, t("taskEditor.target.deleted"))) {
          onSelect(new Set([...selected].filter((id) => id !== target.id)));
        }
      },
    });
  // Rebuilt on each render: the row buttons close over the selection and the dialogs.
  const columns: TableColumnsType<TargetView> = [
    {
      key: "subject",
      title: t("editor.col.subject"),
      render: (_: unknown, r) => {
        const stopped = isStoppedTarget(r);
        const reason = r.stoppedReason;
        return (
          <button
            type="button"
            className={`link-button editor-subject${stopped ? " is-stopped" : ""}`}
            onClick={() => onEdit(r.id)}
            aria-label={t("editor.editTarget", { subject: r.subject })}
            title={stopped && reason ? t("taskEditor.stoppedBecause", { reason }) : r.statement}
          >
            {stopped ? <del>{r.subject}</del> : r.subject} <AttributeTag attribute={r.attribute} />
          </button>
        );
      },
    },
    {
      key: "area",
      title: t("editor.col.area"),
      width: 150,
      ellipsis: { showTitle: true },
      render: (_: unknown, r) => {
        const area = r.nodeId === null ? undefined : areas.get(r.nodeId);
        return area ? nodeLabel(area, 14) : <span className="muted">{none}</span>;
      },
    },
    {
      key: "value",
      title: t("editor.col.value"),
      width: 120,
      align: "right",
      render: (_: unknown, r) => (
        <span className="num strong">
          {r.value === null ? t(`kind.${r.kind}`) : formatTargetValue(r, lang)}
        </span>
      ),
    },
    {
      key: "kind",
      title: t("editor.col.kind"),
      width: 76,
      render: (_: unknown, r) => t(`kind.${r.kind}`),
    },
    {
      key: "baseline",
      title: t("editor.col.baseline"),
      width: 100,
      align: "right",
      render: (_: unknown, r) =>
        r.baseline === null ? (
          <span className="muted">{none}</span>
        ) : (
          <span className="num">{formatCnQuantity(r.baseline, r.unit, r.displayUnit, lang)}</span>
        ),
    },
    {
      key: "lead",
      title: t("editor.col.lead"),
      width: 140,
      ellipsis: { showTitle: true },
      render: (_: unknown, r) => leadCell(r, "editor-lead", t),
    },
    {
      key: "co",
      title: t("editor.col.co"),
      width: 170,
      ellipsis: { showTitle: true },
      render: (_: unknown, r) => coDepartmentsCell(r.coDepartments, none),
    },
    {
      key: "frequency",
      title: t("editor.col.frequency"),
      width: 72,
      render: (_: unknown, r) => t(`editor.frequency.${r.frequency}`),
    },
    {
      key: "actions",
      title: t("editor.col.actions"),
      width: 150,
      render: (_: unknown, r) => {
        const subject = r.subject;
        return (
          <RowButtons
            planState={planState}
            stopped={isStoppedTarget(r)}
            selectable={selectable}
            edit={{
              label: t("editor.editTarget", { subject }),
              testId: "editor-edit",
              onClick: () => onEdit(r.id),
            }}
            steps={{
              remove: {
                label: t("taskEditor.target.deleteFor", { subject }),
                testId: "target-delete",
                onClick: () => confirmDelete(r),
              },
              stop: {
                label: t("taskEditor.target.stopFor", { subject }),
                testId: "target-stop",
                onClick: () => setStopping(r),
              },
            }}
          />
        );
      },
    },
  ];

  return (
    <EditorRowsTable<TargetView>
      testId="editor-table"
      rows={rows}
      columns={columns}
      empty={total === 0 ? t("editor.empty") : t("editor.emptyFiltered")}
      selectable={selectable}
      selected={selected}
      onSelect={onSelect}
      isStopped={isStoppedTarget}
      rowLabel={(r) => t("editor.selectRow", { subject: r.subject })}
    >
      <StopDialog
        open={stopping !== null}
        title={t("taskEditor.target.stopTitle")}
        subject={stopping ? `${stopping.subject} · ${stopping.display}` : ""}
        pending={structure.isPending}
        onCancel={() => setStopping(null)}
        onStop={async (reason) => {
          if (!stopping) return;
          if (await run({ op: "stop-target", id: stopping.id, reason }, t("taskEditor.target.stopped"))) {
            setStopping(null);
          }
        }}
      />
    </EditorRowsTable>
  );
}
