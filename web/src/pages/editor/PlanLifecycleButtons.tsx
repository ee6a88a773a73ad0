import { DeleteOutlined, InboxOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useNavigate } from "react-router";
import type { PlanSummary } from "../../../../src/contract/plans.ts";
import { usePlanLifecycle } from "../../api/task-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { planActions } from "./task-editor-model.ts";

/** 删除草稿 for a draft, 归档 for a published plan; each asks first and says what it does. */
export function PlanLifecycleButtons({ plan }: { plan: PlanSummary }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const lifecycle = usePlanLifecycle(plan.id);
  const actions = planActions(plan.state);

  async function run(action: "delete" | "archive") {
    try {
      await lifecycle.mutateAsync(action);
      if (action === "delete") {
        message.success(t("taskEditor.plan.deleted", { title: plan.title }));
        navigate("/");
      } else {
        message.success(t("taskEditor.plan.archived", { title: plan.title }));
      }
    } catch (error) {
      message.error(t("taskEditor.failed", { message: errorMessage(error, t) }), 8);
    }
  }

  const confirm = (action: "delete" | "archive") =>
    modal.confirm({
      title: t(action === "delete" ? "taskEditor.plan.deleteTitle" : "taskEditor.plan.archiveTitle"),
      content: t(action === "delete" ? "taskEditor.plan.deleteBody" : "taskEditor.plan.archiveBody", {
        title: plan.title,
      }),
      okText: t(action === "delete" ? "taskEditor.plan.deleteOk" : "taskEditor.plan.archiveOk"),
      okButtonProps: { danger: action === "delete" },
      cancelText: t("common.cancel"),
      onOk: () => run(action),
    });

  return (
    <>
      {actions.includes("delete") ? (
        <Button
          danger
          icon={<DeleteOutlined />}
          onClick={() => confirm("delete")}
          loading={lifecycle.isPending}
          data-testid="plan-delete"
        >
          {t("taskEditor.plan.delete")}
        </Button>
      ) : null}
      {actions.includes("archive") ? (
        <Button
          icon={<InboxOutlined />}
          onClick={() => confirm("archive")}
          loading={lifecycle.isPending}
          data-testid="plan-archive"
        >
          {t("taskEditor.plan.archive")}
        </Button>
      ) : null}
    </>
  );
}
