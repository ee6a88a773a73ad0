import { DeleteOutlined, EditOutlined, ScissorOutlined, StopOutlined } from "@ant-design/icons";
import { Button, Space, Table, type TableColumnsType, Tag } from "antd";
import type { ReactElement, ReactNode } from "react";
import type { DepartmentRef, SuggestedDepartment } from "../../../../src/contract/common.ts";
import type { PlanSummary } from "../../../../src/contract/plans.ts";
import { type I18n, useI18n } from "../../i18n/I18nProvider.tsx";
import { rowActions } from "./task-editor-model.ts";

/**
 * The editor's table of targets or of tasks: checkboxes when the planner may edit, and a stopped row
 * kept as it was, struck through: no bulk change reaches it. `children` go below (the row dialogs).
 */
export function EditorRowsTable<T extends { id: number }>({
  testId,
  rows,
  columns,
  empty,
  selectable,
  selected,
  onSelect,
  isStopped,
  rowLabel,
  children,
}: {
  testId: string;
  rows: T[];
  columns: TableColumnsType<T>;
  empty: string;
  selectable: boolean;
  selected: ReadonlySet<number>;
  onSelect: (next: Set<number>) => void;
  isStopped: (row: T) => boolean;
  /** The checkbox's name for a row: 选择“…”. */
  rowLabel: (row: T) => string;
  children?: ReactNode;
}) {
  return (
    <div className="editor-table" data-testid={testId}>
      <Table<T>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        sticky
        scroll={{ x: 1080 }}
        rowClassName={(r) => (isStopped(r) ? "task-row-stopped" : "")}
        locale={{ emptyText: empty }}
        rowSelection={
          selectable
            ? {
                selectedRowKeys: [...selected],
                preserveSelectedRowKeys: true,
                onChange: (keys) => onSelect(new Set(keys.map(Number))),
                getCheckboxProps: (r) => ({ disabled: isStopped(r), "aria-label": rowLabel(r) }),
              }
            : undefined
        }
      />
      {children}
    </div>
  );
}

// The cells below are plain renders, not components: a table column with `ellipsis` takes the
// hover title from the text the render returns (or from its element's text), never from inside a
// component.

/** The lead department; else the extractor's suggestion, marked; else 未分配. */
export function leadCell(
  row: { leadDepartment: DepartmentRef | null; suggestedDepartment: SuggestedDepartment | null },
  testId: string,
  t: I18n["t"],
): ReactElement {
  if (row.leadDepartment) return <span data-testid={testId}>{row.leadDepartment.name}</span>;
  if (row.suggestedDepartment) {
    return (
      <span className="muted">
        {row.suggestedDepartment.department}
        <sup className="sup-suggested">{t("editor.suggested")}</sup>
      </span>
    );
  }
  return <Tag variant="filled">{t("assignment.unassigned")}</Tag>;
}

/** The co-operating departments, 、-separated; `none` when there are none. */
export const coDepartmentsCell = (departments: readonly DepartmentRef[], none: string): ReactNode =>
  departments.length > 0 ? departments.map((d) => d.name).join("、") : <span className="muted">{none}</span>;

/** A row's button: what it does to the row, said with the row's name. */
export interface RowButton {
  label: string;
  testId: string;
  onClick: () => void;
}

type StructureStep = "split" | "remove" | "stop";

const STEP_LOOKS: { step: StructureStep; icon: ReactNode; danger: boolean; worded: boolean }[] = [
  { step: "split", icon: <ScissorOutlined />, danger: false, worded: false },
  { step: "remove", icon: <DeleteOutlined />, danger: true, worded: false },
  { step: "stop", icon: <StopOutlined />, danger: false, worded: true },
];

/**
 * A row's buttons: 编辑 always; split, delete and 中止 for a planner who may edit, as far as the plan's
 * state and the row allow (rowActions) and the row offers them (a target is never split).
 */
export function RowButtons({
  planState,
  stopped,
  selectable,
  edit,
  steps,
  wrap = false,
}: {
  planState: PlanSummary["state"];
  stopped: boolean;
  selectable: boolean;
  edit: RowButton;
  steps: Partial<Record<StructureStep, RowButton>>;
  wrap?: boolean;
}) {
  const { t } = useI18n();
  const can = rowActions(planState, stopped);
  return (
    <Space size={4} wrap={wrap}>
      <Button
        size="small"
        icon={<EditOutlined />}
        onClick={edit.onClick}
        aria-label={edit.label}
        data-testid={edit.testId}
      >
        {t("editor.edit")}
      </Button>
      {STEP_LOOKS.map(({ step, icon, danger, worded }) => {
        const button = steps[step];
        if (!selectable || !can[step] || !button) return null;
        return (
          <Button
            key={step}
            size="small"
            danger={danger}
            icon={icon}
            onClick={button.onClick}
            aria-label={button.label}
            data-testid={button.testId}
          >
            {worded ? t("taskEditor.stop.open") : null}
          </Button>
        );
      })}
    </Space>
  );
}
