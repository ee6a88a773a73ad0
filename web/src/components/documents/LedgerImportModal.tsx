// The ledger back from Excel: each difference from the approved data listed (before → in the file);
// the planner ticks the ones to keep, and only those become new approved revisions.
import { Alert, App, Button, Checkbox, Input, Modal, Table, Upload } from "antd";
import { useState } from "react";
import type { LedgerDiffView, LedgerPreview } from "../../../../src/contract/documents.ts";
import { isApiError } from "../../api/client.ts";
import { documentsApi } from "../../api/documents-api.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { errorMessage } from "../ErrorState.tsx";

const show = (v: string | number | null) => (v === null || v === "" ? "—" : String(v));

export function LedgerImportModal({
  planId,
  onClose,
  onApplied,
}: {
  planId: number;
  onClose: () => void;
  onApplied: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [fileName, setFileName] = useState("");
  const [preview, setPreview] = useState<LedgerPreview | null>(null);
  const [picked, setPicked] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A value the server found implausible (422 implausible_value naming the row): confirmed with a reason.
  const [doubt, setDoubt] = useState<{ key: string; message: string } | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [reasonText, setReasonText] = useState("");

  async function read(file: File) {
    setBusy(true);
    setError(null);
    try {
      const p = await documentsApi.previewLedger(planId, file);
      setFileName(file.name);
      setPreview(p);
      setPicked(Object.fromEntries(p.differences.map((d) => [d.key, d.blocked === null])));
    } catch (e) {
      setError(t("docs.failed", { message: errorMessage(e, t) }));
    } finally {
      setBusy(false);
    }
  }

  const chosen = (preview?.differences ?? []).filter((d) => picked[d.key] && d.blocked === null);

  async function apply(confirmed: Record<string, string> = reasons) {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const result = await documentsApi.applyLedger(planId, {
        fileName,
        period: preview.period,
        items: chosen.map((d) => ({
          key: d.key,
          baseRevision: d.baseRevision,
          changes: d.changes,
          ...(confirmed[d.key] ? { confirm: true, confirmReason: confirmed[d.key] } : {}),
        })),
        // A department's 填报表: who filled it goes to the import's audit entry.
        ...(preview.filler ? { filler: preview.filler } : {}),
      });
      message.success(t("docs.ledger.done", { count: result.revisions }));
      onApplied();
      onClose();
    } catch (e) {
      const key = isApiError(e) && e.code === "implausible_value" ? e.details.key : undefined;
      if (typeof key === "string") {
        setDoubt({ key, message: errorMessage(e, t) });
        setReasonText("");
      } else setError(t("docs.applyFailed", { message: errorMessage(e, t) }));
    } finally {
      setBusy(false);
    }
  }

  function confirmDoubt() {
    if (!doubt) return;
    const next = { ...reasons, [doubt.key]: reasonText.trim() };
    setReasons(next);
    setDoubt(null);
    void apply(next);
  }

  const doubtTitle = doubt ? preview?.differences.find((d) => d.key === doubt.key)?.title : undefined;

  return (
    <Modal
      open
      width={1000}
      title={t("docs.ledger.title")}
      onCancel={onClose}
      okText={t("docs.ledger.confirm", { count: chosen.length })}
      okButtonProps={{ disabled: chosen.length === 0, loading: busy, id: "ledger-confirm" }}
      onOk={() => void apply()}
      destroyOnHidden
    >
      <Upload
        accept=".xlsx"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          void read(file);
          return false;
        }}
      >
        <Button loading={busy} data-testid="ledger-upload">
          {t("docs.upload")}
        </Button>
      </Upload>
      <p className="muted small">{t("docs.uploadLedgerHint")}</p>
      {error ? <Alert type="error" showIcon message={error} data-testid="ledger-error" /> : null}
      {doubt ? (
        <Alert
          type="warning"
          showIcon
          data-testid="ledger-implausible"
          message={t("docs.ledger.implausible", { item: doubtTitle ?? doubt.key })}
          description={
            <>
              <p className="small">{doubt.message}</p>
              <Input.TextArea
                value={reasonText}
                onChange={(e) => setReasonText(e.target.value)}
                placeholder={t("docs.ledger.reasonHint")}
                autoSize={{ minRows: 2, maxRows: 4 }}
                data-testid="ledger-reason"
              />
              <Button
                type="primary"
                size="small"
                style={{ marginTop: 8 }}
                disabled={reasonText.trim() === ""}
                loading={busy}
                onClick={confirmDoubt}
                data-testid="ledger-confirm-value"
              >
                {t("docs.ledger.confirmValue")}
              </Button>
            </>
          }
        />
      ) : null}
      {preview ? (
        <>
          <p data-testid="ledger-summary">
            {preview.differences.length === 0
              ? t("docs.ledger.none")
              : t("docs.ledger.summary", { rows: preview.rowsRead, count: preview.differences.length })}
          </p>
          {preview.filler ? (
            <p className="muted small" data-testid="ledger-filler">
              {t("docs.fillIn.filledBy", {
                department: preview.filler.department || "—",
                person: preview.filler.person || "—",
                phone: preview.filler.phone || "—",
                date: preview.filler.date || "—",
              })}
            </p>
          ) : null}
          {preview.unknownRows.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              message={t("docs.ledger.unknown", { count: preview.unknownRows.length })}
            />
          ) : null}
          <Table<LedgerDiffView>
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ y: 420 }}
            dataSource={preview.differences}
            columns={[
              {
                width: 50,
                render: (_, d) => (
                  <Checkbox
                    checked={picked[d.key] ?? false}
                    disabled={d.blocked !== null}
                    onChange={(e) => setPicked({ ...picked, [d.key]: e.target.checked })}
                  />
                ),
              },
              {
                title: t("docs.ledger.item"),
                render: (_, d) => (
                  <div className="small">
                    <div>{d.title}</div>
                    <div className="muted">
                      {d.sheet} · {t("docs.bd.row")} {d.row}
                    </div>
                    {d.blocked ? (
                      <div className="field-warn">{lang === "zh-CN" ? d.blocked.zh : d.blocked.en}</div>
                    ) : null}
                  </div>
                ),
              },
              { title: t("docs.ledger.period"), dataIndex: "period", width: 90 },
              {
                title: `${t("docs.ledger.before")} → ${t("docs.ledger.after")}`,
                render: (_, d) => (
                  <ul className="small" style={{ margin: 0, paddingLeft: 16 }}>
                    {d.changes.map((c) => (
                      <li key={c.field}>
                        {t(`docs.field.${c.field}`)}：<s className="muted">{show(c.before)}</s> →{" "}
                        <b>{show(c.after)}</b>
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </Modal>
  );
}
