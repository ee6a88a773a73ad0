// The plan's documents in one button: the ledger and the Word reports to download (for whoever reads
// the plan), a department's fill-in ledger (填报表: planners pick the department, reporters get their
// own), and for planners the 任务分解表 import and the ledger re-import, each previewed first.
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Dropdown, type MenuProps } from "antd";
import { useState } from "react";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import { EXPORT_FORMATS, type ExportFormat, exportUrl, fillInUrl } from "../../api/documents-api.ts";
import { useCurrentUser } from "../../api/session.ts";
import { can } from "../../auth/access.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { BreakdownImportModal } from "./BreakdownImportModal.tsx";
import { FillInModal } from "./FillInModal.tsx";
import { LedgerImportModal } from "./LedgerImportModal.tsx";

export function DocumentsMenu({
  planId,
  period,
  departments = [],
}: {
  planId: number;
  period?: string | null;
  /** The plan region's departments: whom a planner may download a fill-in ledger for. */
  departments?: readonly DepartmentRef[];
}) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const role = user?.role;
  const mayImport = can(role, "plans.edit");
  const ownDepartment = role === "reporter" ? (user?.departmentId ?? null) : null;
  const [open, setOpen] = useState<"breakdown" | "ledger" | "fill-in" | null>(null);
  const client = useQueryClient();

  const items: MenuProps["items"] = [
    ...EXPORT_FORMATS.map((f: ExportFormat) => ({
      key: `export-${f}`,
      icon: <DownloadOutlined />,
      label: (
        <a href={exportUrl(planId, f, period)} download data-testid={`export-${f}`}>
          {t(`docs.export.${f}`)}
        </a>
      ),
    })),
    ...(ownDepartment !== null
      ? [
          {
            key: "fill-in",
            icon: <DownloadOutlined />,
            label: (
              <a href={fillInUrl(planId, ownDepartment, period)} download data-testid="fill-in-own">
                {t("docs.fillIn.own")}
              </a>
            ),
          },
        ]
      : mayImport && departments.length > 0
        ? [
            {
              key: "fill-in",
              icon: <DownloadOutlined />,
              label: <span data-testid="fill-in-menu">{t("docs.fillIn.menu")}</span>,
              onClick: () => setOpen("fill-in"),
            },
          ]
        : []),
    ...(mayImport
      ? [
          { type: "divider" as const },
          {
            key: "import-breakdown",
            icon: <UploadOutlined />,
            label: <span data-testid="import-breakdown">{t("docs.import.breakdown")}</span>,
            onClick: () => setOpen("breakdown"),
          },
          {
            key: "import-ledger",
            icon: <UploadOutlined />,
            label: <span data-testid="import-ledger">{t("docs.import.ledger")}</span>,
            onClick: () => setOpen("ledger"),
          },
        ]
      : []),
  ];
  const done = () => {
    void client.invalidateQueries();
  };

  return (
    <>
      <Dropdown menu={{ items }} trigger={["click"]}>
        <Button icon={<DownloadOutlined />} data-testid="documents-menu">
          {t("docs.menu")}
        </Button>
      </Dropdown>
      {open === "breakdown" ? (
        <BreakdownImportModal planId={planId} onClose={() => setOpen(null)} onApplied={done} />
      ) : null}
      {open === "fill-in" ? (
        <FillInModal
          planId={planId}
          period={period}
          departments={departments}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open === "ledger" ? (
        <LedgerImportModal planId={planId} onClose={() => setOpen(null)} onApplied={done} />
      ) : null}
    </>
  );
}
