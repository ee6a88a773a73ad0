import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Tooltip } from "antd";
import { type ChangeEvent, useRef } from "react";
import { useNavigate } from "react-router";
import { importedPlanId, isApiError } from "../../api/client.ts";
import { useImportPlan } from "../../api/queries.ts";
import { errorCodeText, errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

// The extensions src/services/read-document.ts reads (readByFormat, TEXT_/HTML_EXTENSIONS); keep in step.
const ACCEPT = [
  ".txt,.text,.md",
  ".html,.htm,.xhtml,.shtml,.mht,.mhtml",
  ".docx,.doc,.docm,.dot,.dotx,.wps",
  ".pdf,.ofd",
].join(",");

/** Uploads a plan document; asks before importing the same document a second time. */
export function ImportButton() {
  const { t } = useI18n();
  const { message, modal, notification } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const mutation = useImportPlan();

  async function upload(file: File, force: boolean) {
    const key = `import-${file.name}`;
    message.open({ key, type: "loading", content: t("import.uploading", { name: file.name }), duration: 0 });
    try {
      const response = await mutation.mutateAsync({ file, force });
      const title = response.plan?.title;
      message.open({
        key,
        type: "success",
        content: title
          ? t("import.success", {
              title,
              targets: response.summary.targets,
              milestones: response.summary.milestones,
              tasks: response.summary.tasks,
            })
          : t("import.successNoTitle", { name: file.name }),
        duration: 4,
      });
      const id = importedPlanId(response);
      if (id !== null) navigate(`/plans/${id}`);
    } catch (error) {
      message.destroy(key);
      if (isApiError(error) && (error.status === 409 || error.code === "conflict") && !force) {
        modal.confirm({
          title: t("import.conflictTitle"),
          content: t("import.conflictBody", { name: file.name }),
          okText: t("import.conflictOk"),
          cancelText: t("common.cancel"),
          onOk: () => upload(file, true),
        });
        return;
      }
      notification.error({
        title: t("import.failed", { message: errorMessage(error, t) }),
        description: isApiError(error) ? errorCodeText(error.code, t) : undefined,
        duration: 8,
      });
    }
  }

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ""; // choosing the same file again must fire again
    if (file) void upload(file, false);
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        onChange={onChange}
        data-testid="import-input"
        aria-label={t("import.button")}
      />
      <Tooltip title={t("import.hint")}>
        <Button
          type="primary"
          icon={<UploadOutlined />}
          loading={mutation.isPending}
          onClick={() => input.current?.click()}
          data-testid="import-button"
        >
          {t("import.button")}
        </Button>
      </Tooltip>
    </>
  );
}
