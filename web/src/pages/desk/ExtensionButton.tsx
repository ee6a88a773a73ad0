import { ClockCircleOutlined } from "@ant-design/icons";
import { App, Button, DatePicker, Input, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { DueItem } from "../../../../src/contract/reminders.ts";
import { useRequestExtension } from "../../api/monitoring-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** 延期申请: a reason and a new due date, decided by the planner. */
export function ExtensionButton({ item }: { item: DueItem }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const request = useRequestExtension();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [date, setDate] = useState<Dayjs | null>(null);
  const [tried, setTried] = useState(false);
  const current = dayjs(item.dueDate);
  const pending = item.extension?.state === "pending";

  const reasonError = tried && reason.trim() === "" ? t("report.extensionReasonRequired") : null;
  const dateError =
    tried && date === null
      ? t("report.extensionDateRequired")
      : date !== null && !date.isAfter(current, "day")
        ? t("report.extensionDateLater", { date: item.dueDate })
        : null;

  async function send() {
    setTried(true);
    if (reason.trim() === "" || date === null || !date.isAfter(current, "day")) return;
    try {
      await request.mutateAsync({
        planId: item.planId,
        body: {
          subjectKind: item.subject.kind,
          subjectId: item.subject.id,
          period: item.period.key,
          reason: reason.trim(),
          requestedDueDate: date.format("YYYY-MM-DD"),
        },
      });
      message.success(t("report.extensionSent"));
      setOpen(false);
    } catch (error) {
      message.error(t("report.extensionFailed", { message: errorMessage(error, t) }), 6);
    }
  }

  return (
    <>
      <Button
        icon={<ClockCircleOutlined />}
        onClick={() => setOpen(true)}
        disabled={pending}
        title={
          pending ? t("desk.extension.pending", { date: item.extension?.requestedDueDate ?? "" }) : undefined
        }
        data-testid="report-extension"
      >
        {t("report.extension")}
      </Button>
      <Modal
        open={open}
        title={t("report.extensionTitle")}
        onCancel={() => setOpen(false)}
        onOk={() => void send()}
        okText={t("report.extensionSend")}
        cancelText={t("common.cancel")}
        confirmLoading={request.isPending}
        okButtonProps={{ "data-testid": "extension-submit" } as Record<string, string>}
        destroyOnHidden
      >
        <div className="report-field">
          <label htmlFor="extension-date">{t("report.extensionDate")}</label>
          <DatePicker
            id="extension-date"
            value={date}
            onChange={(d) => setDate(d)}
            disabledDate={(d) => !d.isAfter(current, "day")}
            status={dateError ? "error" : undefined}
            style={{ width: "100%" }}
            data-testid="extension-date"
          />
          {dateError ? <div className="field-error small">{dateError}</div> : null}
        </div>
        <div className="report-field">
          <label htmlFor="extension-reason">{t("report.extensionReason")}</label>
          <Input.TextArea
            id="extension-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={1000}
            status={reasonError ? "error" : undefined}
            data-testid="extension-reason"
          />
          {reasonError ? <div className="field-error small">{reasonError}</div> : null}
        </div>
      </Modal>
    </>
  );
}
