import { Tag } from "antd";
import { Fragment, useMemo } from "react";
import type { PublicOutlineNode, PublicTaskView } from "../../../../src/contract/public.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { deadlineShown, LIGHT_COLOR, LIGHT_ORDER } from "../tasks/task-model.ts";
import { groupPublicTasks, lightCounts } from "./model.ts";
import { type PublicColumn, PublicGroupRow, PublicTableHead } from "./PublicTableHead.tsx";

/**
 * The public page's 重点任务: each task under its area with its light, 完成时限, 节点 and the 进展情况
 * of its newest approved report (the server sends nothing else), printed like the targets' table.
 */
export function PublicTasks({ outline, tasks }: { outline: PublicOutlineNode[]; tasks: PublicTaskView[] }) {
  const { t, lang } = useI18n();
  const groups = useMemo(() => groupPublicTasks(outline, tasks), [outline, tasks]);
  if (tasks.length === 0) return null;
  const none = t("common.none");
  const deadline = (task: PublicTaskView) => deadlineShown(task, lang) ?? t("publicPage.tasks.noDeadline");
  const counts = lightCounts(tasks, LIGHT_ORDER)
    .map((c) => t("publicPage.tasks.count", { light: t(`taskw.light.${c.light}`), count: c.count }))
    .join(t("publicPage.tasks.countSep"));
  const columns: PublicColumn[] = [
    { className: "col-index", title: t("targets.col.index") },
    { title: t("publicPage.tasks.col.task") },
    { className: "col-dept", title: t("publicPage.tasks.col.lead") },
    { className: "col-due", title: t("publicPage.tasks.col.deadline") },
    { className: "col-light", title: t("publicPage.tasks.col.status") },
    { className: "col-progress", title: t("publicPage.tasks.col.progress") },
  ];
  let index = 0;
  return (
    <section className="public-tasks" aria-labelledby="public-tasks-title" data-testid="public-tasks">
      <h2 id="public-tasks-title" className="public-tasks-title">
        {t("publicPage.tasks.title")}
      </h2>
      <div className="small public-summary" data-testid="public-tasks-summary">
        {t("publicPage.tasks.summary", { total: tasks.length, counts })}
      </div>
      <table className="public-table public-task-table">
        <PublicTableHead columns={columns} />
        <tbody>
          {groups.map((g) => (
            <Fragment key={g.node?.id ?? "none"}>
              <PublicGroupRow node={g.node} columns={columns.length} />
              {g.tasks.map((task) => {
                index++;
                return (
                  <tr key={task.id} data-light={task.status}>
                    <td className="col-index num">{index}</td>
                    <td>
                      <div>{task.title}</div>
                      {task.milestones.length > 0 ? (
                        <ul className="muted small public-milestones">
                          {task.milestones.map((m) => (
                            <li key={`${m.name}-${m.due}`}>
                              {m.doneOn
                                ? t("publicPage.tasks.milestoneDone", {
                                    name: m.name,
                                    due: m.due,
                                    done: m.doneOn,
                                  })
                                : t("publicPage.tasks.milestoneOpen", { name: m.name, due: m.due })}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                    <td className="col-dept">{task.leadDepartment?.name ?? none}</td>
                    <td className="col-due">{deadline(task)}</td>
                    <td className="col-light">
                      <Tag color={LIGHT_COLOR[task.status]} variant="filled">
                        {t(`taskw.light.${task.status}`)}
                      </Tag>
                    </td>
                    <td className="col-progress">
                      {task.progress ? (
                        <>
                          <span>{task.progress.text}</span>
                          <span className="muted small">
                            {t("publicPage.latestOf", { period: task.progress.period })}
                          </span>
                        </>
                      ) : (
                        <span className="muted">{t("publicPage.tasks.noProgress")}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </Fragment>
          ))}
        </tbody>
      </table>
      <p className="muted small public-note">{t("publicPage.tasks.note")}</p>
    </section>
  );
}
