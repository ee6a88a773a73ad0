import { App, InputNumber, Modal } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { PlanSummary } from "../../../../src/contract/plans.ts";
import { useCopyPlan } from "../../api/editor-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** Copy the plan to another year (next year by default), then open the copy in the editor. */
export function CopyDialog({
  plan,
  open,
  onClose,
}: {
  plan: PlanSummary;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const copy = useCopyPlan(plan.id);
  const fallback = (plan.year ?? new Date().getFullYear()) + 1;
  const [year, setYear] = useState<number | null>(fallback);
  const valid = year !== null && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;

  async function ok() {
    if (!valid) return;
    try {
      const created = await copy.mutateAsync({ year });
      message.success(t("editor.copy.done", { title: created.title }));
      onClose();
      navigate(`/plans/${created.id}/edit`);
    } catch (error) {
      message.error(t("editor.copy.failed", { message: errorMessage(error, t) }), 8);
    }
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t("editor.copy.title")}
      okText={t("editor.copy.ok")}
      cancelText={t("common.cancel")}
      okButtonProps={{ disabled: !valid, loading: copy.isPending }}
      onOk={() => void ok()}
      destroyOnHidden
    >
      <p>{t("editor.copy.body")}</p>
      <label htmlFor="copy-year" className="copy-year-label">
        {t("editor.copy.year")}
      </label>
      <InputNumber<number>
        id="copy-year"
        value={year}
        min={MIN_YEAR}
        max={MAX_YEAR}
        precision={0}
        onChange={(v) => setYear(v)}
        onPressEnter={() => void ok()}
        status={valid ? undefined : "error"}
        autoFocus
        data-testid="copy-year"
      />
      <div className="planned-error small" role={valid ? undefined : "alert"}>
        {valid ? "" : t("editor.copy.yearInvalid")}
      </div>
    </Modal>
  );
}
