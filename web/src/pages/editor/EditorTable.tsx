import { EditOutlined } from "@ant-design/icons";
import { Button, Table, type TableColumnsType, Tag } from "antd";
import { useMemo } from "react";
import type { OutlineNodeView } from "../../../../src/contract/plans.ts";
import type { TargetView } from "../../../../src/contract/targets.ts";
import { formatCnQuantity } from "../../format/cn-number.ts";
import { formatTargetValue } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { nodeLabel } from "../plan/model.ts";

interface Props {
  rows: TargetView[];
  total: number;
  areas: Map<number, OutlineNodeView>;
  selectable: boolean;
  selected: ReadonlySet<number>;
  onSelect: (next: Set<number>) => void;
  onEdit: (id: number) => void;
}

/** The targets with checkboxes: what the bulk bar changes, and a way into each target's drawer. */
export function EditorTable({ rows, total, areas, selectable, selected, onSelect, onEdit }: Props) {
  const { t, lang } = useI18n();
  const none = t("common.none");
  const columns = useMemo<TableColumnsType<TargetView>>(
    () => [
      {
        key: "subject",
        title: t("editor.col.subject"),
        render: (_: unknown, r) => (
          <button
            type="button"
            className="link-button editor-subject"
            onClick={() => onEdit(r.id)}
            aria-label={t("editor.editTarget", { subject: r.subject })}
            title={r.display}
          >
            {r.subject}
          </button>
        ),
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
        render: (_: unknown, r) =>
          r.leadDepartment ? (
            <span data-testid="editor-lead">{r.leadDepartment.name}</span>
          ) : r.suggestedDepartment ? (
            <span className="muted">
              {r.suggestedDepartment.department}
              <sup className="sup-suggested">{t("editor.suggested")}</sup>
            </span>
          ) : (
            <Tag variant="filled">{t("assignment.unassigned")}</Tag>
          ),
      },
      {
        key: "co",
        title: t("editor.col.co"),
        width: 170,
        ellipsis: { showTitle: true },
        render: (_: unknown, r) =>
          r.coDepartments.length > 0 ? (
            r.coDepartments.map((d) => d.name).join("、")
          ) : (
            <span className="muted">{none}</span>
          ),
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
        width: 72,
        render: (_: unknown, r) => (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => onEdit(r.id)}
            aria-label={t("editor.editTarget", { subject: r.subject })}
            data-testid="editor-edit"
          >
            {t("editor.edit")}
          </Button>
        ),
      },
    ],
    [t, lang, areas, none, onEdit],
  );

  return (
    <div className="editor-table" data-testid="editor-table">
      <Table<TargetView>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        sticky
        scroll={{ x: 1000 }}
        locale={{ emptyText: total === 0 ? t("editor.empty") : t("editor.emptyFiltered") }}
        rowSelection={
          selectable
            ? {
                selectedRowKeys: [...selected],
                preserveSelectedRowKeys: true,
                onChange: (keys) => onSelect(new Set(keys.map(Number))),
                getCheckboxProps: (r) => ({ "aria-label": t("editor.selectRow", { subject: r.subject }) }),
              }
            : undefined
        }
      />
    </div>
  );
}
