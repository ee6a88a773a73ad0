import { Tag } from "antd";
import type { ReactNode } from "react";
import type { TaskDetailView } from "../../../../src/contract/tasks.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { local } from "../tasks/task-model.ts";

/** What the task is and where it stands: departments, deadline (as adjusted), milestones, the dates. */
export function TaskFacts({ task }: { task: TaskDetailView }) {
  const { t, lang } = useI18n();
  const rows: [string, ReactNode][] = [
    [
      t("taskw.fact.state"),
      <Tag key="state" variant="filled" data-testid="task-state" data-state={task.state}>
        {t(`taskw.state.${task.state}`)}
      </Tag>,
    ],
    [t("taskw.fact.lead"), task.leadDepartment?.name ?? t("taskw.fact.noLead")],
    [
      t("taskw.fact.co"),
      task.coDepartments.length > 0
        ? task.coDepartments.map((d) => d.name).join(t("taskw.listSeparator"))
        : null,
    ],
    [
      t("taskw.fact.deadline"),
      <span key="deadline">
        <span className="num">{task.deadline ?? task.deadlineText ?? t("taskw.fact.noDeadline")}</span>
        {task.deadlineText && task.deadline && lang === "zh-CN" ? (
          <span className="muted"> ({task.deadlineText})</span>
        ) : null}
        {task.deadlineAdjustment ? (
          <span className="tw-task-adjusted small" data-testid="deadline-adjustment">
            {local(task.deadlineAdjustment, lang)}
          </span>
        ) : null}
      </span>,
    ],
    [t("taskw.fact.criteria"), task.doneCriteria],
    [t("taskw.fact.frequency"), t(`taskw.frequency.${task.frequency}`)],
    [t("taskw.fact.percent"), task.percent === null ? null : `${task.percent}%`],
    [t("taskw.fact.assigned"), task.assignedOn],
    [t("taskw.fact.acknowledged"), task.acknowledgedOn],
    [t("taskw.fact.closeRequested"), task.closeRequestedOn],
    [t("taskw.fact.closed"), task.closedOn],
    [t("taskw.fact.stopped"), task.stoppedOn ? `${task.stoppedOn} ${task.stoppedReason ?? ""}`.trim() : null],
  ];
  const more = task.signals.slice(1);
  return (
    <>
      {more.length > 0 ? (
        <ul className="tw-task-signals small" aria-label={t("taskw.signals.more")}>
          {more.map((s) => (
            <li key={`${s.rule}-${s.due ?? ""}-${s.milestone ?? ""}`}>{lang === "zh-CN" ? s.zh : s.en}</li>
          ))}
        </ul>
      ) : null}
      <dl className="tw-task-facts">
        {rows
          .filter(([, value]) => value !== null && value !== "")
          .map(([label, value]) => (
            <div key={label} className="tw-task-fact">
              <dt className="muted small">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <section className="tw-task-section" aria-labelledby="tw-milestones">
        <h2 id="tw-milestones" className="tw-desk-section-title">
          {t("taskw.milestones.title")}
        </h2>
        {task.milestones.length === 0 ? (
          <p className="muted small">{t("taskw.milestones.empty")}</p>
        ) : (
          <ol className="tw-task-milestones" data-testid="task-milestones">
            {task.milestones.map((m) => (
              <li
                key={m.id}
                className={m.doneOn ? "tw-milestone-done" : "tw-milestone-open"}
                data-testid="task-milestone"
                data-milestone-id={m.id}
                data-done={m.doneOn ?? ""}
              >
                <span className="tw-milestone-name">{m.name}</span>
                <span className="small num muted">{t("taskw.milestones.due", { date: m.due })}</span>
                <span className={`small ${m.doneOn ? "tw-milestone-done-word" : "muted"}`}>
                  {m.doneOn ? t("taskw.milestones.done", { date: m.doneOn }) : t("taskw.milestones.open")}
                </span>
                {m.adjustment ? (
                  <span className="small tw-task-adjusted">{local(m.adjustment, lang)}</span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
