import { FileAddOutlined, MergeCellsOutlined } from "@ant-design/icons";
import { Alert, App, Button, Grid, Skeleton, Tag } from "antd";
import { useMemo, useState } from "react";
import type { PlanDetail } from "../../../../src/contract/plans.ts";
import type { TaskView } from "../../../../src/contract/tasks.ts";
import { usePlanStructure, usePlanTasks, useTaskStep } from "../../api/task-queries.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import {
  EMPTY_TASK_FILTER,
  filterTasks,
  LIGHT_COLOR,
  LIGHT_ORDER,
  type TaskFilter,
} from "../tasks/task-model.ts";
import { StopDialog } from "./StopDialog.tsx";
import { TaskBulkBar } from "./TaskBulkBar.tsx";
import { TaskDrawer } from "./TaskDrawer.tsx";
import { TaskFilters } from "./TaskFilters.tsx";
import { TaskSourceDialog } from "./TaskSourceDialog.tsx";
import { TaskSplitDialog } from "./TaskSplitDialog.tsx";
import { TaskTable } from "./TaskTable.tsx";
import { mergeSelection, taskTabCounts } from "./task-editor-model.ts";

interface Props {
  planId: number;
  detail: PlanDetail;
  mayEdit: boolean;
  /** The filter the tab opens with (the publish check opens it on the tasks without a lead). */
  initialFilter?: TaskFilter;
}

/**
 * The 任务 tab: every task of the plan with its light, filtered by area, group and department, chosen
 * with checkboxes for the bulk bar, opened in the task drawer; in a draft, tasks are added from the
 * source text, split, merged and deleted; in a published plan they are stopped (中止) with a reason.
 */
export function TaskTab({ planId, detail, mayEdit, initialFilter = EMPTY_TASK_FILTER }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const tasks = usePlanTasks(planId);
  const structure = usePlanStructure(planId);
  const step = useTaskStep(planId);
  const [filter, setFilter] = useState<TaskFilter>(initialFilter);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [editing, setEditing] = useState<number | null>(null);
  const [splitting, setSplitting] = useState<TaskView | null>(null);
  const [stopping, setStopping] = useState<TaskView | null>(null);
  const [adding, setAdding] = useState(false);

  const all = tasks.data?.tasks ?? [];
  const rows = useMemo(() => filterTasks(all, filter), [all, filter]);
  const counts = useMemo(() => taskTabCounts(all), [all]);
  const planState = detail.plan.state;
  const draft = planState === "draft";
  const editingTask = editing === null ? null : (all.find((x) => x.id === editing) ?? null);

  if (tasks.isError) {
    return (
      <ErrorState
        title={t("taskEditor.loadError")}
        error={tasks.error}
        onRetry={() => void tasks.refetch()}
      />
    );
  }

  const merge = mergeSelection(all, selected);

  async function run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await action();
      message.success(done);
      return true;
    } catch (error) {
      message.error(t("taskEditor.failed", { message: errorMessage(error, t) }), 8);
      return false;
    }
  }

  function confirmMerge() {
    modal.confirm({
      title: t("taskEditor.merge.title", { count: merge.nodeIds.length }),
      content: t("taskEditor.merge.body"),
      okText: t("taskEditor.merge.ok"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        const ok = await run(
          () => structure.mutateAsync({ op: "merge", nodeIds: merge.nodeIds }),
          t("taskEditor.merge.done", { count: merge.nodeIds.length }),
        );
        if (ok) setSelected(new Set());
      },
    });
  }

  function confirmDelete(task: TaskView) {
    modal.confirm({
      title: t("taskEditor.delete.title"),
      content: <p className="task-quote">{task.title}</p>,
      okText: t("taskEditor.delete.ok"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: async () => {
        const ok = await run(
          () => structure.mutateAsync({ op: "delete-node", nodeId: task.nodeId }),
          t("taskEditor.delete.done"),
        );
        if (ok) {
          setSelected((s) => new Set([...s].filter((id) => id !== task.id)));
          if (editing === task.id) setEditing(null);
        }
      },
    });
  }

  return (
    <div className="task-tab" data-testid="task-tab">
      <div className="task-counts" aria-live="polite" data-testid="task-counts">
        <span className="num strong">{t("taskEditor.counts.active", { count: counts.active })}</span>
        {LIGHT_ORDER.filter((l) => l !== "stopped" && counts.byLight[l] > 0).map((l) => (
          <Tag key={l} color={LIGHT_COLOR[l]} variant="filled" className="num">
            {t(`taskw.light.${l}`)} {counts.byLight[l]}
          </Tag>
        ))}
        {counts.stopped > 0 ? (
          <span className="muted num task-counts-stopped" data-testid="task-counts-stopped">
            {t("taskEditor.counts.stopped", { count: counts.stopped })}
          </span>
        ) : null}
      </div>
      <TaskFilters
        filter={filter}
        onChange={setFilter}
        tasks={all}
        departments={detail.departments}
        shown={rows.length}
        total={all.length}
      />
      {mayEdit ? (
        <TaskBulkBar
          planId={planId}
          tasks={all}
          selected={selected}
          departments={detail.departments}
          datesLocked={!draft}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
      {mayEdit ? (
        <div className="task-toolbar">
          <Button
            icon={<FileAddOutlined />}
            onClick={() => setAdding(true)}
            data-testid="task-add-from-source"
          >
            {t("taskEditor.add.open")}
          </Button>
          {draft ? (
            <Button
              icon={<MergeCellsOutlined />}
              disabled={merge.problem !== null}
              title={merge.problem ? t(`taskEditor.merge.problem.${merge.problem}`) : undefined}
              onClick={confirmMerge}
              data-testid="task-merge"
            >
              {t("taskEditor.merge.open", { count: selected.size })}
            </Button>
          ) : null}
        </div>
      ) : null}
      {!draft && mayEdit ? (
        <Alert type="info" showIcon className="editor-alert" title={t("taskEditor.publishedHint")} />
      ) : null}
      {tasks.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} title={false} />
      ) : (
        <TaskTable
          rows={rows}
          total={all.length}
          planState={planState}
          narrow={narrow}
          selectable={mayEdit}
          selected={selected}
          onSelect={setSelected}
          onEdit={setEditing}
          onSplit={setSplitting}
          onDelete={confirmDelete}
          onStop={setStopping}
        />
      )}
      <TaskDrawer
        planId={planId}
        plan={detail.plan}
        task={editingTask}
        departments={detail.departments}
        readOnly={!mayEdit}
        narrow={narrow}
        onClose={() => setEditing(null)}
      />
      <TaskSplitDialog
        task={splitting}
        pending={structure.isPending}
        onCancel={() => setSplitting(null)}
        onSplit={async (at) => {
          if (!splitting) return;
          const ok = await run(
            () => structure.mutateAsync({ op: "split", nodeId: splitting.nodeId, at }),
            t("taskEditor.split.done"),
          );
          if (ok) setSplitting(null);
        }}
      />
      <StopDialog
        open={stopping !== null}
        title={t("taskEditor.stop.title")}
        subject={stopping?.title ?? ""}
        pending={step.isPending}
        onCancel={() => setStopping(null)}
        onStop={async (reason) => {
          if (!stopping) return;
          const ok = await run(
            () => step.mutateAsync({ step: "stop", id: stopping.id, reason }),
            t("taskEditor.stop.done"),
          );
          if (ok) setStopping(null);
        }}
      />
      {adding ? (
        <TaskSourceDialog
          planId={planId}
          outline={detail.outline}
          pending={structure.isPending}
          onCancel={() => setAdding(false)}
          onAdd={async (span, parentId) => {
            const ok = await run(
              () => structure.mutateAsync({ op: "add-task", ...span, parentId }),
              t("taskEditor.add.done"),
            );
            if (ok) setAdding(false);
          }}
        />
      ) : null}
    </div>
  );
}
