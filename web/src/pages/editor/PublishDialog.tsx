import { App, Button, Modal } from "antd";
import { useMemo } from "react";
import type { PlanDetail } from "../../../../src/contract/plans.ts";
import { usePublishPlan } from "../../api/queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { nodeLabel } from "../plan/model.ts";
import { type PublishCheck, publishCheck, publishIssueCount } from "./editor-model.ts";

const SHOWN = 5;

/** Publishing, after a list of what is still unassigned or unclear; the planner may publish anyway. */
export function PublishDialog({
  detail,
  open,
  onClose,
  onShowUnassigned,
  onShowTasksUnassigned,
}: {
  detail: PlanDetail;
  open: boolean;
  onClose: () => void;
  onShowUnassigned: () => void;
  /** Opens the 任务 tab on the tasks without a lead department, where they are assigned. */
  onShowTasksUnassigned?: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const publish = usePublishPlan(detail.plan.id);
  const check = useMemo(() => publishCheck(detail), [detail]);
  const count = publishIssueCount(check);

  async function ok() {
    try {
      await publish.mutateAsync();
      message.success(t("editor.publish.done"));
      onClose();
    } catch (error) {
      message.error(t("editor.publish.failed", { message: errorMessage(error, t) }), 8);
    }
  }

  const groups: { key: keyof PublishCheck; names: string[] }[] = [
    { key: "unassigned", names: check.unassigned.map((x) => x.subject) },
    { key: "suggestedOnly", names: check.suggestedOnly.map((x) => x.subject) },
    { key: "noValue", names: check.noValue.map((x) => x.subject) },
    { key: "lowConfidence", names: check.lowConfidence.map((x) => x.subject) },
    { key: "tasksUnassigned", names: check.tasksUnassigned.map((n) => nodeLabel(n, 24)) },
  ];
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t("editor.publish.title")}
      okText={count > 0 ? t("editor.publish.anyway") : t("editor.publish.ok")}
      okButtonProps={{ danger: count > 0, loading: publish.isPending }}
      cancelText={t("common.cancel")}
      onOk={() => void ok()}
      width={620}
      destroyOnHidden
    >
      <div data-testid="publish-check">
        {count === 0 ? (
          <p>{t("editor.publish.ready")}</p>
        ) : (
          <>
            <p>{t("editor.publish.issues", { count })}</p>
            <ul className="publish-issues">
              {groups
                .filter((g) => g.names.length > 0)
                .map((g) => (
                  <li key={g.key} data-issue={g.key}>
                    <strong>{t(`editor.publish.${g.key}`, { count: g.names.length })}</strong>
                    <div className="muted small">
                      {g.names.slice(0, SHOWN).join("；")}
                      {g.names.length > SHOWN
                        ? ` ${t("editor.publish.more", { count: g.names.length })}`
                        : ""}
                    </div>
                  </li>
                ))}
            </ul>
            {check.unassigned.length + check.suggestedOnly.length > 0 ? (
              <Button type="link" onClick={onShowUnassigned} className="publish-show">
                {t("editor.publish.showThem")}
              </Button>
            ) : null}
            {onShowTasksUnassigned && check.tasksUnassigned.length > 0 ? (
              <Button
                type="link"
                onClick={onShowTasksUnassigned}
                className="publish-show"
                data-testid="publish-show-tasks"
              >
                {t("editor.publish.showTasks")}
              </Button>
            ) : null}
          </>
        )}
        <p className="muted small">{t("editor.publish.note")}</p>
      </div>
    </Modal>
  );
}
