import type { UseQueryResult } from "@tanstack/react-query";
import { Skeleton } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { TaskView } from "../../../../src/contract/tasks.ts";
import { usePlanAdjustments, usePlanTasks, useTask } from "../../api/task-queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { AttachmentLinks } from "../desk/AttachmentLinks.tsx";
import { TaskLightLine } from "../desk/TaskLightTag.tsx";
import { taskAttachments } from "../desk/task-work-model.ts";
import { local } from "../tasks/task-model.ts";
import { AdjustmentCard } from "./AdjustmentCard.tsx";
import { TaskCloseDecision } from "./TaskCloseDecision.tsx";
import { closeRequests, latestCloseRequest, openMilestones } from "./task-review-model.ts";
import "../desk/task-work.css";

/** The tab's label with what waits: close requests and adjustments together. */
export function TaskReviewTabLabel({ planId }: { planId: number }) {
  const { t } = useI18n();
  const tasks = usePlanTasks(planId);
  const adjustments = usePlanAdjustments(planId, "pending");
  const count =
    tasks.data && adjustments.data ? closeRequests(tasks.data.tasks).length + adjustments.data.length : "…";
  return <span data-testid="review-tab-tasks">{t("taskw.review.tab", { count })}</span>;
}

/** The review desk's tasks: 办结申请 to close (办结销号) or send back, 调整申请 to approve or refuse. */
export function TaskReviewPanel({ planId }: { planId: number }) {
  const { t } = useI18n();
  const tasks = usePlanTasks(planId);
  const adjustments = usePlanAdjustments(planId, "pending");
  const requests = closeRequests(tasks.data?.tasks ?? []);
  const pending = adjustments.data ?? [];
  return (
    <div className="tw-task-review" data-testid="task-review">
      <WaitingSection
        id="tr-close"
        title={t("taskw.review.close", { count: tasks.data ? requests.length : "…" })}
        query={tasks}
        empty={requests.length === 0 ? t("taskw.review.closeEmpty") : null}
      >
        <ul className="tw-task-list">
          {requests.map((task) => (
            <CloseRequestCard key={task.id} task={task} />
          ))}
        </ul>
      </WaitingSection>
      <WaitingSection
        id="tr-adjust"
        title={t("taskw.review.adjust", { count: adjustments.data?.length ?? "…" })}
        query={adjustments}
        empty={pending.length === 0 ? t("taskw.review.adjustEmpty") : null}
      >
        <div className="tw-adjustment-list">
          {pending.map((a) => (
            <AdjustmentCard key={a.id} adjustment={a} planId={planId} canDecide showTask />
          ))}
        </div>
      </WaitingSection>
    </div>
  );
}

/** One kind of what waits for the planner: loading, failed to load, nothing waiting (`empty`), or the list. */
function WaitingSection({
  id,
  title,
  query,
  empty,
  children,
}: {
  id: string;
  title: string;
  query: Pick<UseQueryResult, "isPending" | "isError" | "error" | "refetch">;
  empty: string | null;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="tw-desk-section-title">
        {title}
      </h2>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : query.isError ? (
        <ErrorState
          title={t("taskw.review.loadError")}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : empty !== null ? (
        <p className="muted small">{empty}</p>
      ) : (
        children
      )}
    </section>
  );
}

/** One close request with what the planner needs to decide: the request, the milestones, the evidence. */
function CloseRequestCard({ task }: { task: TaskView }) {
  const { t, lang } = useI18n();
  const detail = useTask(task.id);
  const d = detail.data;
  const request = d ? latestCloseRequest(d.history) : null;
  const open = d ? openMilestones(d) : [];
  const files = d ? taskAttachments(d) : [];
  const last = task.latestProgress;
  return (
    <li className="tw-task-card task-review-card" data-testid="close-request" data-task-id={task.id}>
      <div className="tw-task-card-body">
        <Link to={`/tasks/${task.id}`} className="tw-task-card-title">
          {task.title}
        </Link>
        <div className="tw-task-card-meta small muted">
          <span>{task.leadDepartment?.name ?? t("taskw.fact.noLead")}</span>
          {task.closeRequestedOn ? (
            <span className="num">{t("taskw.review.requestedOn", { date: task.closeRequestedOn })}</span>
          ) : null}
        </div>
        <TaskLightLine task={task} />
        {request ? <p className="small">{local(request.summary, lang)}</p> : null}
        {task.closeEvidence ? (
          <div className="tw-task-review-progress small" data-testid="close-evidence">
            <span className="muted">{t("taskw.review.evidence")}</span>
            <p className="tw-pre-wrap">{task.closeEvidence}</p>
          </div>
        ) : last ? (
          <div className="tw-task-review-progress small">
            <span className="muted">{t("taskw.review.lastProgress", { date: last.on })}</span>
            <p className="tw-pre-wrap">{last.progress}</p>
          </div>
        ) : null}
        {task.milestones.length > 0 ? (
          <p className={`small ${open.length > 0 ? "danger" : ""}`}>
            {open.length > 0
              ? t("taskw.review.milestonesOpen", {
                  names: open.map((m) => m.name).join(t("taskw.listSeparator")),
                })
              : t("taskw.review.milestonesDone", { count: task.milestones.length })}
          </p>
        ) : null}
        {detail.isPending ? <Skeleton active title={false} paragraph={{ rows: 1 }} /> : null}
        {files.length > 0 ? <AttachmentLinks files={files} /> : null}
        <div className="tw-task-card-actions">
          <TaskCloseDecision
            task={task}
            actions={(d?.actions ?? []).filter((a) => a === "close" || a === "return_close")}
          />
        </div>
      </div>
    </li>
  );
}
