import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Skeleton } from "antd";
import type { ReactNode } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { TaskActionName, TaskDetailView } from "../../../../src/contract/tasks.ts";
import { isApiError } from "../../api/client.ts";
import { useCurrentUser } from "../../api/session.ts";
import { useTask } from "../../api/task-queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { TaskCloseDecision } from "../review/TaskCloseDecision.tsx";
import { AcknowledgeButton } from "./AcknowledgeButton.tsx";
import { TaskAdjustForm } from "./TaskAdjustForm.tsx";
import { TaskCloseForm } from "./TaskCloseForm.tsx";
import { TaskFacts } from "./TaskFacts.tsx";
import { TaskLightLine } from "./TaskLightTag.tsx";
import { TaskProgressForm } from "./TaskProgressForm.tsx";
import { TaskRecords } from "./TaskRecords.tsx";
import "./task-work.css";

/** The forms a task page opens (?do=…), each behind the step that allows it. */
const FORMS = {
  progress: "report_progress",
  close: "request_close",
  adjust: "request_adjustment",
} as const satisfies Record<string, TaskActionName>;
type FormName = keyof typeof FORMS;
const isFormName = (value: string | null): value is FormName => value !== null && value in FORMS;

/** /tasks/:id — one task: 签收, 报送进展, 办结申请, 调整申请 for the lead department, decisions for planners. */
export function TaskWorkPage() {
  const { t } = useI18n();
  const raw = useParams().id ?? "";
  const id = /^\d+$/.test(raw) ? Number(raw) : null;
  const task = useTask(id);
  const user = useCurrentUser();
  const back =
    user?.role === "reporter" ? (
      <Link to="/desk" className="desk-back small">
        <ArrowLeftOutlined /> {t("taskw.back.desk")}
      </Link>
    ) : user?.role === "planner" || user?.role === "admin" ? (
      <Link
        to={task.data ? `/review?plan=${task.data.planId}&tab=tasks` : "/review?tab=tasks"}
        className="desk-back small"
      >
        <ArrowLeftOutlined /> {t("taskw.back.review")}
      </Link>
    ) : (
      <Link to={task.data ? `/plans/${task.data.planId}/cockpit` : "/"} className="desk-back small">
        <ArrowLeftOutlined /> {t("taskw.back.cockpit")}
      </Link>
    );

  let body: ReactNode;
  if (id === null) {
    body = (
      <ErrorState title={t("taskw.page.loadError")} error={new Error(t("taskw.page.badId", { id: raw }))} />
    );
  } else if (task.isPending) {
    body = <Skeleton active paragraph={{ rows: 10 }} />;
  } else if (task.isError) {
    const gone = isApiError(task.error) && (task.error.status === 404 || task.error.status === 403);
    body = (
      <ErrorState
        title={t("taskw.page.loadError")}
        error={gone ? new Error(t("taskw.page.notFound", { id })) : task.error}
        onRetry={gone ? undefined : () => void task.refetch()}
      />
    );
  } else {
    body = <TaskWork task={task.data} />;
  }
  return (
    <div className="page-scroll">
      <div className="desk tw-task-work" data-testid="task-page">
        {back}
        {body}
      </div>
    </div>
  );
}

function TaskWork({ task }: { task: TaskDetailView }) {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const asked = search.get("do");
  const doing = isFormName(asked) && task.actions.includes(FORMS[asked]) ? asked : null;
  const setDoing = (form: FormName | null) => {
    const next = new URLSearchParams(search);
    if (form) next.set("do", form);
    else next.delete("do");
    setSearch(next, { replace: true });
  };
  const can = (a: TaskActionName) => task.actions.includes(a);

  const formButton = (form: FormName, primary: boolean) =>
    can(FORMS[form]) ? (
      <Button
        type={primary && doing !== form ? "primary" : "default"}
        aria-pressed={doing === form}
        onClick={() => setDoing(doing === form ? null : form)}
        data-testid={`task-open-${form}`}
      >
        {t(`taskw.action.${FORMS[form]}`)}
      </Button>
    ) : null;

  return (
    <article
      className="tw-task-work-body"
      data-task-id={task.id}
      data-status={task.status}
      data-state={task.state}
    >
      <header className="tw-task-head">
        <div className="small muted tw-task-path">{task.path.map((h) => h.title).join(" / ")}</div>
        <h1 className="page-title tw-task-title">{task.title}</h1>
        <TaskLightLine task={task} />
      </header>

      <div className="tw-task-actions report-actions" data-testid="task-actions">
        {can("acknowledge") ? <AcknowledgeButton task={task} /> : null}
        {formButton("progress", true)}
        {formButton("close", false)}
        {formButton("adjust", false)}
        <TaskCloseDecision task={task} actions={task.actions} />
      </div>

      {doing === "progress" ? <TaskProgressForm task={task} onDone={() => setDoing(null)} /> : null}
      {doing === "close" ? <TaskCloseForm task={task} onDone={() => setDoing(null)} /> : null}
      {doing === "adjust" ? <TaskAdjustForm task={task} onDone={() => setDoing(null)} /> : null}

      <TaskFacts task={task} />
      <TaskRecords task={task} />
    </article>
  );
}
