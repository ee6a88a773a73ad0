// Yearly values from a sheet (CSV or Excel): the server reads the file and says, row by row, which
// indicator and year each value is for and what counts now; the planner imports the rows without a
// problem. Nothing is written before the confirmation.
import { Alert, App, Button, Modal, Table, Upload } from "antd";
import { useState } from "react";
import type { YearlyValueImportPreview, YearlyValueImportRow } from "../../../../src/contract/five-year.ts";
import { api } from "../../api/client.ts";
import { useApplyYearlyValues } from "../../api/five-year-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { formatNumber } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

const applicable = (r: YearlyValueImportRow) =>
  r.problem === null && r.targetId !== null && r.year !== null && r.value !== null;

export function YearlyValuesImportModal({ planId, onClose }: { planId: number; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<YearlyValueImportPreview | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const apply = useApplyYearlyValues(planId);
  const rows = (preview?.rows ?? []).filter(applicable);

  async function read(file: File) {
    setReading(true);
    setError(null);
    try {
      setPreview(await api.previewYearlyValues(planId, file));
    } catch (e) {
      setPreview(null);
      setError(t("fy.import.failed", { message: errorMessage(e, t) }));
    } finally {
      setReading(false);
    }
  }

  async function confirm() {
    if (!preview) return;
    setError(null);
    try {
      const result = await apply.mutateAsync({
        fileName: preview.fileName,
        rows: rows.map((r) => ({
          targetId: r.targetId as number,
          year: r.year as number,
          value: r.value as number,
          ...(r.sourceNote ? { sourceNote: r.sourceNote } : {}),
        })),
      });
      message.success(t("fy.import.done", { count: result.written }));
      onClose();
    } catch (e) {
      setError(t("fy.import.applyFailed", { message: errorMessage(e, t) }));
    }
  }

  const shown = (v: number | null) => (v === null ? t("common.none") : formatNumber(v));
  return (
    <Modal
      open
      width={960}
      title={t("fy.import.title")}
      onCancel={onClose}
      okText={t("fy.import.apply", { count: rows.length })}
      okButtonProps={{ disabled: rows.length === 0, loading: apply.isPending, id: "fy-import-confirm" }}
      onOk={() => void confirm()}
      destroyOnHidden
    >
      <Upload
        accept=".csv,.xlsx"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          void read(file);
          return false;
        }}
      >
        <Button loading={reading} data-testid="fy-import-upload">
          {t("fy.import.upload")}
        </Button>
      </Upload>
      <p className="muted small">{t("fy.import.hint")}</p>
      {error ? <Alert type="error" showIcon title={error} data-testid="fy-import-error" /> : null}
      {preview ? (
        <>
          <p data-testid="fy-import-summary">
            {t("fy.import.summary", { rows: preview.rowsRead, ok: rows.length })}
          </p>
          <Table<YearlyValueImportRow>
            size="small"
            rowKey={(r) => `${r.sheet}:${r.row}:${r.year ?? ""}`}
            pagination={false}
            scroll={{ x: "max-content", y: 420 }}
            dataSource={preview.rows}
            data-testid="fy-import-rows"
            rowClassName={(r) => (applicable(r) ? "" : "fy-row-problem")}
            columns={[
              {
                key: "where",
                title: t("fy.col.where"),
                render: (_, r) => t("fy.where", { sheet: r.sheet, row: r.row }),
              },
              { key: "name", title: t("fy.col.indicator"), render: (_, r) => r.name },
              {
                key: "year",
                title: t("fy.col.year"),
                render: (_, r) => <span className="num">{r.year ?? t("common.none")}</span>,
              },
              {
                key: "value",
                title: t("fy.col.value"),
                align: "right",
                render: (_, r) => <span className="num">{shown(r.value)}</span>,
              },
              {
                key: "now",
                title: t("fy.col.now"),
                align: "right",
                render: (_, r) => <span className="num">{shown(r.current)}</span>,
              },
              { key: "note", title: t("fy.col.sourceNote"), render: (_, r) => r.sourceNote },
              {
                key: "problem",
                title: t("fy.col.problem"),
                render: (_, r) => (r.problem ? <span className="field-warn">{r.problem}</span> : null),
              },
            ]}
          />
        </>
      ) : null}
    </Modal>
  );
}
