import { CopyOutlined, KeyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Modal } from "antd";
import type { UserWithPassword } from "../../../../src/contract/users.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** A generated password, shown once: the server keeps only its hash. */
export function OneTimePasswordModal({
  result,
  onClose,
}: {
  result: UserWithPassword | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const name = result ? result.user.displayName || result.user.username : "";

  async function copy() {
    if (!result) return;
    try {
      await navigator.clipboard.writeText(result.password);
      message.success(t("users.passwordCopied"));
    } catch {
      // No clipboard (plain http, permissions): select the text so Ctrl+C works.
      const el = document.querySelector<HTMLElement>("[data-testid=one-time-password]");
      if (el) window.getSelection()?.selectAllChildren(el);
    }
  }

  return (
    <Modal
      open={result !== null}
      title={
        <span>
          <KeyOutlined /> {t("users.passwordTitle", { name })}
        </span>
      }
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-password-close">
          {t("common.close")}
        </Button>
      }
      destroyOnHidden
    >
      {result ? (
        <div className="otp-box">
          <div className="otp-user muted">
            {result.user.username} · {t(`role.${result.user.role}`)}
          </div>
          <div className="otp-row">
            <code className="otp-password" data-testid="one-time-password">
              {result.password}
            </code>
            <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="copy-password">
              {t("common.copy")}
            </Button>
          </div>
          <Alert type="warning" showIcon title={t("users.passwordOnce")} />
        </div>
      ) : null}
    </Modal>
  );
}
