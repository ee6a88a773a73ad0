import { RightOutlined } from "@ant-design/icons";
import { Button, Skeleton, Tag } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { TaskView } from "../../../../src/contract/tasks.ts";
import { usePlans } from "../../api/queries.ts";
import { useCurrentUser } from "../../api/session.ts";
import { useTasksOfPlans } from "../../api/task-queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { deadlineShown, local, sortDeskTasks } from "../tasks/task-model.ts";
import { AcknowledgeButton } from "./AcknowledgeButton.tsx";
import { TaskLightLine, TaskLightTag } from "./TaskLightTag.tsx";
import {
  cardActions,
  type DeskUser,
  deskCounts,
  deskFold,
  isLeadOf,
  nextMilestone,
} from "./task-work-model.ts";
import "./task-work.css";

interface DeskTask extends TaskView {
  planTitle: string;
}

/** The department's tasks on the reporter's desk, beside the reports it owes: the most urgent first. */
export function DeskTasks() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const plans = usePlans();
  const published = useMemo(() => (plans.data ?? []).filter((p) => p.state === "published"), [plans.data]);
  const departmentId = user?.departmentId ?? null;
  const results = useTasksOfPlans(departmentId === null ? [] : published.map((p) => p.id), { departmentId });
  const pending = plans.isPending || results.some((r) => r.isPending);
  const failed = plans.isError ? plans : results.find((r) => r.isError);
  const tasks = useMemo<DeskTask[]>(() => {
    const out: DeskTask[] = [];
    results.forEach((r, i) => {
      const planTitle = published[i]?.title ?? "";
      for (const task of r.data?.tasks ?? []) out.push({ ...task, planTitle });
    });
    return sortDeskTasks(out);
  }, [results, published]);
  const [unfolded, setUnfolded] = useState(false);
  const fold = deskFold(tasks);
  const shown = unfolded ? tasks : fold.shown;
  const deskUser: DeskUser | null = user ? { role: user.role, departmentId } : null;
  const showPlan = published.length > 1;

  if (departmentId === null) return null;
  return (
    <section className="tw-desk-tasks" aria-labelledby="desk-tasks-title" data-testid="desk-tasks">
      <h2 id="desk-tasks-title" className="tw-desk-section-title">
        {t("taskw.desk.title")}
      </h2>
      {pending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : failed ? (
        <ErrorState
          title={t("taskw.desk.loadError")}
          error={failed.error}
          onRetry={() => void failed.refetch()}
        />
      ) : tasks.length === 0 ? (
        <p className="muted small">{t("taskw.desk.empty")}</p>
      ) : (
        <>
          <p className="tw-task-counts small" data-testid="desk-task-counts">
            {deskCounts(tasks).map((c) => (
              <span key={c.light} className="tw-task-count">
                <TaskLightTag light={c.light} />
                <span className="num">{c.count}</span>
              </span>
            ))}
          </p>
          <ul className="tw-task-list">
            {shown.map((task) => (
              <TaskCard key={task.id} task={task} user={deskUser} showPlan={showPlan} />
            ))}
          </ul>
          {fold.folded.length > 0 ? (
            <Button
              type="link"
              className="tw-task-unfold"
              aria-expanded={unfolded}
              onClick={() => setUnfolded((u) => !u)}
              data-testid="desk-tasks-unfold"
            >
              {unfolded ? t("taskw.desk.fold") : t("taskw.desk.unfold", { count: fold.folded.length })}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}

function TaskCard({ task, user, showPlan }: { task: DeskTask; user: DeskUser | null; showPlan: boolean }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const actions = cardActions(task, user);
  const lead = isLeadOf(task, user?.departmentId ?? null);
  const next = nextMilestone(task.milestones);
  const deadline = deadlineShown(task, lang);
  const open = `/tasks/${task.id}`;

  return (
    <li
      className={`tw-task-card tw-task-${task.status}`}
      data-testid="task-card"
      data-task-id={task.id}
      data-status={task.status}
      data-state={task.state}
    >
      <Link to={open} className="tw-task-card-link" aria-label={`${t("taskw.card.open")} ${task.title}`}>
        <div className="tw-task-card-main">
          {showPlan ? <div className="small muted tw-task-card-plan">{task.planTitle}</div> : null}
          <div className="tw-task-card-title">
            {lead ? null : (
              <Tag variant="filled" className="tw-task-co-tag">
                {t("taskw.desk.co")}
              </Tag>
            )}
            {task.title}
          </div>
          <TaskLightLine task={task} />
          <div className="tw-task-card-meta small muted">
            <span>
              {deadline ? t("taskw.card.deadline", { date: deadline }) : t("taskw.card.noDeadline")}
            </span>
            {task.deadlineAdjustment ? <span>{local(task.deadlineAdjustment, lang)}</span> : null}
            {next ? <span>{t("taskw.card.next", { name: next.name, date: next.due })}</span> : null}
            {task.percent !== null ? (
              <span className="num">{t("taskw.card.percent", { percent: task.percent })}</span>
            ) : null}
            <span>
              {task.latestProgress
                ? t("taskw.card.lastReport", { date: task.latestProgress.on })
                : t("taskw.card.neverReported")}
            </span>
            {task.pendingAdjustments > 0 ? (
              <span>{t("taskw.card.pendingAdjustments", { count: task.pendingAdjustments })}</span>
            ) : null}
          </div>
        </div>
        <RightOutlined className="tw-task-card-arrow muted" aria-hidden="true" />
      </Link>
      {actions.includes("acknowledge") ||
      actions.includes("report_progress") ||
      actions.includes("request_close") ? (
        <div className="tw-task-card-actions">
          {actions.includes("acknowledge") ? <AcknowledgeButton task={task} /> : null}
          {actions.includes("report_progress") ? (
            <Button
              type={actions.includes("acknowledge") ? "default" : "primary"}
              onClick={() => navigate(`${open}?do=progress`)}
              data-testid="task-report"
            >
              {t("taskw.action.report_progress")}
            </Button>
          ) : null}
          {actions.includes("request_close") ? (
            <Button onClick={() => navigate(`${open}?do=close`)} data-testid="task-request-close">
              {t("taskw.action.request_close")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
