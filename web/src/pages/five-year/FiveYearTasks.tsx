import { Table, type TableColumnsType } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import type { FiveYearTaskView, FiveYearView } from "../../../../src/contract/five-year.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { TaskLightTag } from "../desk/TaskLightTag.tsx";
import { LIGHT_ORDER } from "../tasks/task-model.ts";
import "../cockpit/cockpit-tasks.css";

/** 三、重点任务和重大工程推进情况: the plan's tasks and 专栏 projects, counted by light, each with its status. */
export function FiveYearTasks({ view }: { view: FiveYearView }) {
  const { t } = useI18n();
  const { counts, list } = view.tasks;
  const columns = useMemo<TableColumnsType<FiveYearTaskView>>(
    () => [
      { key: "kind", title: t("fy.col.kind"), width: 88, render: (_, x) => t(`fy.kind.${x.kind}`) },
      {
        key: "title",
        title: t("fy.col.title"),
        render: (_, x) =>
          x.kind === "task" ? (
            <Link to={`/tasks/${x.id}`} data-testid="fy-task-link">
              {x.title}
            </Link>
          ) : (
            x.title
          ),
      },
      { key: "area", title: t("fy.col.area"), render: (_, x) => x.area ?? t("common.none") },
      { key: "lead", title: t("fy.col.lead"), render: (_, x) => x.leadDepartment?.name ?? t("common.none") },
      {
        key: "status",
        title: t("fy.col.status"),
        width: 96,
        render: (_, x) => <TaskLightTag light={x.status} />,
      },
      {
        key: "working",
        title: t("fy.col.working"),
        render: (_, x) => (
          <span className="small">
            {x.percent !== null ? <span className="num strong">{x.percent}% </span> : null}
            {x.working}
          </span>
        ),
      },
    ],
    [t],
  );
  return (
    <section className="cockpit-card fy-tasks" aria-labelledby="fy-tasks-title" data-testid="fy-tasks">
      <h2 id="fy-tasks-title">
        {t("fy.tasks")} <span className="muted small">{t("fy.tasksTotal", { count: list.length })}</span>
      </h2>
      {list.length > 0 ? (
        <ul className="tw-task-light-counts" data-testid="fy-task-counts">
          {LIGHT_ORDER.map((light) => (
            <li key={light} data-light={light}>
              <TaskLightTag light={light} />
              <span className="num strong">{counts[light]}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <Table<FiveYearTaskView>
        size="small"
        rowKey={(x) => `${x.kind}-${x.id}`}
        pagination={list.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: "max-content" }}
        dataSource={list}
        columns={columns}
        locale={{ emptyText: t("fy.tasksEmpty") }}
      />
    </section>
  );
}
