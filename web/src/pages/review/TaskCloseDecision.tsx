import { App, Button, Modal } from "antd";
import { useState } from "react";
import type { TaskActionName, TaskView } from "../../../../src/contract/tasks.ts";
import { type TaskStep, useTaskStep } from "../../api/task-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { TextAreaField } from "../../components/TextAreaField.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

type Decision = "close" | "return_close" | "stop";
const DECISIONS: Decision[] = ["close", "return_close", "stop"];

/**
 * The planner's steps on a task: 办结销号 (opinion optional), 退回 a close request and 中止 (each with a
 * reason). Only those in `actions` are offered; the server checks again.
 */
export function TaskCloseDecision({
  task,
  actions,
}: {
  task: Pick<TaskView, "id" | "planId" | "title">;
  actions: readonly TaskActionName[];
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const step = useTaskStep(task.planId);
  const [open, setOpen] = useState<Decision | null>(null);
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  const offered = DECISIONS.filter((d) => actions.includes(d));
  if (offered.length === 0) return null;

  const needsText = open === "return_close" || open === "stop";
  async function confirm() {
    if (!open) return;
    if (needsText && text.trim() === "") {
      setMissing(true);
      return;
    }
    const body: TaskStep =
      open === "close"
        ? { step: "close", id: task.id, opinion: text.trim() === "" ? null : text.trim() }
        : open === "return_close"
          ? { step: "close-return", id: task.id, reason: text.trim() }
          : { step: "stop", id: task.id, reason: text.trim() };
    try {
      await step.mutateAsync(body);
      message.success(t(`taskw.decision.${open}.done`));
      setOpen(null);
    } catch (error) {
      message.error(t("taskw.stepFailed", { message: errorMessage(error, t) }), 8);
    }
  }

  return (
    <span className="tw-task-decision">
      {offered.map((d) => (
        <Button
          key={d}
          type={d === "close" ? "primary" : "default"}
          danger={d === "stop"}
          onClick={() => {
            setText("");
            setMissing(false);
            setOpen(d);
          }}
          data-testid={`task-${d.replace("_", "-")}`}
        >
          {t(`taskw.action.${d}`)}
        </Button>
      ))}
      <Modal
        open={open !== null}
        title={open ? t(`taskw.decision.${open}.title`) : ""}
        okText={open ? t(`taskw.action.${open}`) : ""}
        okButtonProps={{ danger: open === "stop", id: "task-decision-ok" }}
        cancelText={t("common.cancel")}
        confirmLoading={step.isPending}
        onOk={() => void confirm()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <p className="tw-task-decision-subject">{task.title}</p>
        <TextAreaField
          id="task-decision-text"
          label={open ? t(`taskw.decision.${open}.label`) : ""}
          labelClassName="tw-field-label"
          value={text}
          onChange={(v) => {
            setText(v);
            setMissing(false);
          }}
          rows={[3, 8]}
          error={missing ? t("taskw.problem.reason") : null}
          testId="task-decision-text"
        />
      </Modal>
    </span>
  );
}
