import { Skeleton, Table, type TableColumnsType } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import type { TaskLight, TaskView } from "../../../../src/contract/tasks.ts";
import { usePlanTasks } from "../../api/task-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { TaskLightTag } from "../desk/TaskLightTag.tsx";
import {
  attentionTasks,
  LIGHT_ORDER,
  local,
  type TaskBreakdownRow,
  taskBreakdown,
} from "../tasks/task-model.ts";
import "./cockpit-tasks.css";

// The tables read left to right from what needs the leaders (逾期) to what is done: on a phone the
// first columns are the ones seen without scrolling.
const TABLE_LIGHTS: readonly TaskLight[] = [
  "overdue",
  "due_soon",
  "unacknowledged",
  "not_reported",
  "on_track",
  "closed",
  "stopped",
];

/** The cockpit's tasks (重点任务) as of the date: counts by light, what is overdue or due soon, by area and department. */
export function CockpitTasks({ planId, asOf }: { planId: number; asOf: string | null }) {
  const { t } = useI18n();
  const query = usePlanTasks(planId, { asOf });
  const data = query.data;
  const attention = useMemo(() => attentionTasks(data?.tasks ?? []), [data]);
  const byArea = useMemo(() => taskBreakdown(data?.tasks ?? [], "area"), [data]);
  const byDepartment = useMemo(() => taskBreakdown(data?.tasks ?? [], "department"), [data]);

  if (query.isError) {
    return (
      <section className="cockpit-card cockpit-tasks-error" data-testid="cockpit-tasks">
        <h2>{t("taskw.cockpit.title")}</h2>
        <p className="muted">{t("taskw.cockpit.loadError", { message: errorMessage(query.error, t) })}</p>
      </section>
    );
  }
  if (!data) {
    return (
      <div className="cockpit-grid tw-cockpit-tasks" data-testid="cockpit-tasks-loading">
        <section className="cockpit-card cockpit-wide">
          <Skeleton active paragraph={{ rows: 4 }} />
        </section>
      </div>
    );
  }
  if (data.tasks.length === 0) return null;
  return (
    <div className="cockpit-grid tw-cockpit-tasks" data-testid="cockpit-tasks" data-asof={data.asOf}>
      <section className="cockpit-card cockpit-wide" aria-labelledby="ck-tasks">
        <h2 id="ck-tasks">
          {t("taskw.cockpit.title")}{" "}
          <span className="muted small">{t("taskw.cockpit.total", { count: data.tasks.length })}</span>
        </h2>
        <ul className="tw-task-light-counts" data-testid="cockpit-task-counts">
          {LIGHT_ORDER.map((light) => (
            <li key={light} data-light={light}>
              <TaskLightTag light={light} />
              <span className="num strong">{data.counts[light]}</span>
            </li>
          ))}
        </ul>
      </section>

      <section
        className="cockpit-card cockpit-wide"
        aria-labelledby="ck-task-attention"
        data-testid="cockpit-task-attention"
      >
        <h2 id="ck-task-attention">
          {t("taskw.cockpit.attention")} <span className="num">{attention.length}</span>
        </h2>
        {attention.length === 0 ? (
          <p className="muted small">{t("taskw.cockpit.attentionEmpty")}</p>
        ) : (
          <ol className="lagging-list">
            {attention.map((task) => (
              <AttentionItem key={task.id} task={task} />
            ))}
          </ol>
        )}
      </section>

      <BreakdownCard
        id="ck-task-area"
        title={t("taskw.cockpit.byArea")}
        nameTitle={t("taskw.cockpit.area")}
        none={t("taskw.cockpit.noArea")}
        rows={byArea}
      />
      <BreakdownCard
        id="ck-task-dept"
        title={t("taskw.cockpit.byDepartment")}
        nameTitle={t("taskw.fact.lead")}
        none={t("taskw.fact.noLead")}
        rows={byDepartment}
      />
    </div>
  );
}

function AttentionItem({ task }: { task: TaskView }) {
  const { t, lang } = useI18n();
  return (
    <li data-testid="attention-task" data-task-id={task.id} data-status={task.status}>
      <Link to={`/tasks/${task.id}`} className="lagging-item">
        <span className="lagging-subject">
          <TaskLightTag light={task.status} /> {task.title}
        </span>
        <span className="small muted">{task.leadDepartment?.name ?? t("taskw.fact.noLead")}</span>
        <span className="small lagging-phrase">{local(task.working, lang)}</span>
      </Link>
    </li>
  );
}

function BreakdownCard({
  id,
  title,
  nameTitle,
  none,
  rows,
}: {
  id: string;
  title: string;
  nameTitle: string;
  none: string;
  rows: TaskBreakdownRow[];
}) {
  const { t } = useI18n();
  const columns = useMemo<TableColumnsType<TaskBreakdownRow>>(
    () => [
      {
        key: "name",
        title: nameTitle,
        fixed: "left",
        width: 130,
        render: (_: unknown, r) => (r.name === "" ? <span className="muted">{none}</span> : r.name),
      },
      {
        key: "total",
        title: t("taskw.cockpit.count"),
        width: 56,
        className: "num",
        render: (_: unknown, r) => r.total,
      },
      ...TABLE_LIGHTS.map((light) => ({
        key: light,
        title: t(`taskw.light.${light}`),
        width: 76,
        className: `num${light === "overdue" ? " task-col-overdue" : ""}`,
        render: (_: unknown, r: TaskBreakdownRow) =>
          r.counts[light] === 0 ? <span className="muted">0</span> : r.counts[light],
      })),
    ],
    [t, nameTitle, none],
  );
  return (
    <section className="cockpit-card" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      <Table<TaskBreakdownRow>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 130 + 56 + TABLE_LIGHTS.length * 76, y: rows.length > 12 ? 420 : undefined }}
      />
    </section>
  );
}
