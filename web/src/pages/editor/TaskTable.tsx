import { Checkbox, Empty, type TableColumnsType, Tag, Tooltip } from "antd";
import type { PlanSummary } from "../../../../src/contract/plans.ts";
import type { TaskView } from "../../../../src/contract/tasks.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { LIGHT_COLOR, local, taskArea, taskGroup } from "../tasks/task-model.ts";
import { coDepartmentsCell, EditorRowsTable, leadCell, RowButtons } from "./EditorRows.tsx";
import { isStoppedTask } from "./task-editor-model.ts";

interface Props {
  rows: TaskView[];
  total: number;
  planState: PlanSummary["state"];
  /** Under 768 px the rows become cards: a table of nine columns cannot be read at 390 px. */
  narrow: boolean;
  selectable: boolean;
  selected: ReadonlySet<number>;
  onSelect: (next: Set<number>) => void;
  onEdit: (id: number) => void;
  onSplit: (task: TaskView) => void;
  onDelete: (task: TaskView) => void;
  onStop: (task: TaskView) => void;
}

/** The tasks with their lights and checkboxes; stopped ones kept, struck through. */
export function TaskTable(props: Props) {
  const { t, lang } = useI18n();
  const { rows, total, narrow, selectable, selected, onSelect, onEdit } = props;
  const none = t("common.none");
  const empty = total === 0 ? t("taskEditor.empty") : t("taskEditor.emptyFiltered");

  // Rebuilt on each render: the row buttons close over the handlers the tab passes.
  const columns: TableColumnsType<TaskView> = [
    {
      key: "title",
      title: t("taskEditor.col.title"),
      render: (_: unknown, r) => <TaskTitle task={r} onEdit={onEdit} />,
    },
    {
      key: "group",
      title: t("taskEditor.col.group"),
      width: 160,
      ellipsis: { showTitle: true },
      render: (_: unknown, r) =>
        (taskGroup(r) ?? taskArea(r))?.title ?? <span className="muted">{none}</span>,
    },
    {
      key: "status",
      title: t("taskEditor.col.status"),
      width: 92,
      render: (_: unknown, r) => <LightTag task={r} />,
    },
    {
      key: "lead",
      title: t("taskEditor.col.lead"),
      width: 130,
      ellipsis: { showTitle: true },
      render: (_: unknown, r) => <TaskLead task={r} />,
    },
    {
      key: "co",
      title: t("taskEditor.col.co"),
      width: 150,
      ellipsis: { showTitle: true },
      render: (_: unknown, r) => coDepartmentsCell(r.coDepartments, none),
    },
    {
      key: "deadline",
      title: t("taskEditor.col.deadline"),
      width: 110,
      render: (_: unknown, r) => <DeadlineCell task={r} />,
    },
    {
      key: "milestones",
      title: t("taskEditor.col.milestones"),
      width: 64,
      align: "right",
      render: (_: unknown, r) => <span className="num">{r.milestones.length}</span>,
    },
    {
      key: "frequency",
      title: t("taskEditor.col.frequency"),
      width: 64,
      render: (_: unknown, r) => t(`editor.frequency.${r.frequency}`),
    },
    {
      key: "actions",
      title: t("taskEditor.col.actions"),
      width: 150,
      render: (_: unknown, r) => <TaskButtons task={r} {...props} />,
    },
  ];

  if (narrow) {
    return (
      <ul className="task-cards" data-testid="task-cards" aria-label={t("taskEditor.tab")}>
        {rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        ) : (
          rows.map((r) => (
            <li
              key={r.id}
              className={`task-card${isStoppedTask(r) ? " is-stopped" : ""}`}
              data-task-id={r.id}
              data-testid="task-card"
            >
              <div className="task-card-head">
                {selectable ? (
                  <Checkbox
                    checked={selected.has(r.id)}
                    disabled={isStoppedTask(r)}
                    aria-label={t("taskEditor.selectRow", { title: r.title })}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(r.id);
                      else next.delete(r.id);
                      onSelect(next);
                    }}
                  />
                ) : null}
                <TaskTitle task={r} onEdit={onEdit} />
                <LightTag task={r} />
              </div>
              <dl className="task-card-facts small">
                <dt>{t("taskEditor.col.lead")}</dt>
                <dd>
                  <TaskLead task={r} />
                </dd>
                <dt>{t("taskEditor.col.deadline")}</dt>
                <dd>
                  <DeadlineCell task={r} />
                </dd>
                <dt>{t("taskEditor.col.milestones")}</dt>
                <dd className="num">{r.milestones.length}</dd>
              </dl>
              <p className="muted small task-card-working">{local(r.working, lang)}</p>
              <TaskButtons task={r} {...props} />
            </li>
          ))
        )}
      </ul>
    );
  }

  return (
    <EditorRowsTable<TaskView>
      testId="task-table"
      rows={rows}
      columns={columns}
      empty={empty}
      selectable={selectable}
      selected={selected}
      onSelect={onSelect}
      isStopped={isStoppedTask}
      rowLabel={(r) => t("taskEditor.selectRow", { title: r.title })}
    />
  );
}

function TaskTitle({ task, onEdit }: { task: TaskView; onEdit: (id: number) => void }) {
  const { t } = useI18n();
  const stopped = isStoppedTask(task);
  return (
    <button
      type="button"
      className={`link-button task-title${stopped ? " is-stopped" : ""}`}
      onClick={() => onEdit(task.id)}
      aria-label={t("taskEditor.editTask", { title: task.title })}
      title={
        stopped && task.stoppedReason
          ? t("taskEditor.stoppedBecause", { reason: task.stoppedReason })
          : task.title
      }
      data-testid="task-title"
    >
      {stopped ? <del>{task.title}</del> : task.title}
    </button>
  );
}

function LightTag({ task }: { task: TaskView }) {
  const { t, lang } = useI18n();
  return (
    <Tooltip title={local(task.working, lang)}>
      <Tag
        color={LIGHT_COLOR[task.status]}
        variant="filled"
        data-testid="task-light"
        data-light={task.status}
      >
        {t(`taskw.light.${task.status}`)}
      </Tag>
    </Tooltip>
  );
}

function TaskLead({ task }: { task: TaskView }) {
  const { t } = useI18n();
  return leadCell(task, "task-lead", t);
}

function DeadlineCell({ task }: { task: TaskView }) {
  const { t } = useI18n();
  // As the office wrote it when it did; the day it was read as on hover.
  if (task.deadlineText) return <span title={task.deadline ?? undefined}>{task.deadlineText}</span>;
  if (task.deadline) return <span className="num">{task.deadline}</span>;
  return <span className="muted">{t("taskEditor.noDeadline")}</span>;
}

function TaskButtons({
  task,
  planState,
  selectable,
  onEdit,
  onSplit,
  onDelete,
  onStop,
}: Props & { task: TaskView }) {
  const { t } = useI18n();
  const title = task.title;
  return (
    <RowButtons
      wrap
      planState={planState}
      stopped={isStoppedTask(task)}
      selectable={selectable}
      edit={{
        label: t("taskEditor.editTask", { title }),
        testId: "task-edit",
        onClick: () => onEdit(task.id),
      }}
      steps={{
        split: {
          label: t("taskEditor.split.for", { title }),
          testId: "task-split",
          onClick: () => onSplit(task),
        },
        remove: {
          label: t("taskEditor.delete.for", { title }),
          testId: "task-delete",
          onClick: () => onDelete(task),
        },
        stop: {
          label: t("taskEditor.stop.for", { title }),
          testId: "task-stop",
          onClick: () => onStop(task),
        },
      }}
    />
  );
}
