import { Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { reasonOk } from "./task-editor-model.ts";

interface Props {
  open: boolean;
  title: string;
  /** What is being stopped (a task's title, a target's subject), quoted in the dialog. */
  subject: string;
  pending: boolean;
  onCancel: () => void;
  onStop: (reason: string) => void | Promise<void>;
}

/** 中止 with a reason: the task or target stays, struck through, and the reason is on record. */
export function StopDialog({ open, title, subject, pending, onCancel, onStop }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (open) {
      setReason("");
      setTried(false);
    }
  }, [open]);
  const bad = tried && !reasonOk(reason);

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => {
        setTried(true);
        if (reasonOk(reason)) void onStop(reason.trim());
      }}
      okText={t("taskEditor.stop.ok")}
      okButtonProps={{ danger: true, ...({ "data-testid": "stop-submit" } as Record<string, string>) }}
      cancelText={t("common.cancel")}
      confirmLoading={pending}
      destroyOnHidden
    >
      <p className="task-quote">{subject}</p>
      <p className="muted small">{t("taskEditor.stop.hint")}</p>
      <label htmlFor="stop-reason" className="task-field-label">
        {t("taskEditor.stop.reason")}
      </label>
      <Input.TextArea
        id="stop-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 6 }}
        maxLength={1000}
        status={bad ? "error" : undefined}
        aria-invalid={bad}
        data-testid="stop-reason"
      />
      <div className="field-error small" aria-live="polite">
        {bad ? t("taskEditor.stop.reasonRequired") : null}
      </div>
    </Modal>
  );
}
