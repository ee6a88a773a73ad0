// A department's fill-in ledger (填报表) to download: planners choose the department; the form lists
// the targets and tasks it leads, and comes back through the ledger re-import.
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Modal, Select } from "antd";
import { useState } from "react";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import { fillInUrl } from "../../api/documents-api.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

export function FillInModal({
  planId,
  period,
  departments,
  onClose,
}: {
  planId: number;
  period?: string | null;
  departments: readonly DepartmentRef[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [department, setDepartment] = useState<number | null>(null);
  return (
    <Modal open title={t("docs.fillIn.title")} onCancel={onClose} footer={null} destroyOnHidden>
      <p className="muted small">{t("docs.fillIn.hint")}</p>
      <label className="small" htmlFor="fill-in-department">
        {t("docs.fillIn.department")}
      </label>
      <Select<number>
        id="fill-in-department"
        style={{ width: "100%", marginBottom: 16 }}
        showSearch
        optionFilterProp="label"
        placeholder={t("docs.fillIn.pick")}
        value={department ?? undefined}
        onChange={setDepartment}
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        data-testid="fill-in-department"
      />
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        disabled={department === null}
        href={department === null ? undefined : fillInUrl(planId, department, period)}
        download
        data-testid="fill-in-download"
      >
        {t("docs.fillIn.download")}
      </Button>
    </Modal>
  );
}
