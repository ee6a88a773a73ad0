import { App, Button, Popconfirm } from "antd";
import type { TaskView } from "../../../../src/contract/tasks.ts";
import { useTaskStep } from "../../api/task-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** 签收, confirmed once: the lead department takes the task on (on its card and on its page). */
export function AcknowledgeButton({ task }: { task: Pick<TaskView, "id" | "planId"> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const step = useTaskStep(task.planId);

  async function acknowledge() {
    try {
      await step.mutateAsync({ step: "acknowledge", id: task.id });
      message.success(t("taskw.ack.done"));
    } catch (error) {
      message.error(t("taskw.stepFailed", { message: errorMessage(error, t) }), 8);
    }
  }

  return (
    <Popconfirm
      title={t("taskw.ack.confirm")}
      okText={t("taskw.action.acknowledge")}
      cancelText={t("common.cancel")}
      onConfirm={acknowledge}
    >
      <Button type="primary" loading={step.isPending} data-testid="task-acknowledge">
        {t("taskw.action.acknowledge")}
      </Button>
    </Popconfirm>
  );
}
