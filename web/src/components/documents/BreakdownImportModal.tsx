// The review step of a 任务分解表 import: every row of the file beside the plan content it matched, the
// score, and the changes taking it would make; the planner accepts, rejects or picks another match,
// then confirms once. The server's defaults are ticked; a row it names as a conflict (a milestone
// after the deadline, a target another row takes) is listed with its reason and left unticked.
import { Alert, App, Button, Checkbox, Modal, Select, Table, Tag, Upload } from "antd";
import { useState } from "react";
import type {
  BreakdownCandidateView,
  BreakdownPreview,
  BreakdownRowView,
} from "../../../../src/contract/documents.ts";
import type { LocalText } from "../../../../src/domain/app-error.ts";
import { documentsApi } from "../../api/documents-api.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { errorMessage } from "../ErrorState.tsx";

const keyOf = (c: Pick<BreakdownCandidateView, "kind" | "id">) => `${c.kind}:${c.id}`;

function scoreColour(score: number, threshold: number): string {
  return score >= 0.7 ? "green" : score >= threshold ? "gold" : "default";
}

export function BreakdownImportModal({
  planId,
  onClose,
  onApplied,
}: {
  planId: number;
  onClose: () => void;
  onApplied: () => void;
}) {
  const { t, lang } = useI18n();
  const words = (text: LocalText) => (lang === "zh-CN" ? text.zh : text.en);
  const { message } = App.useApp();
  const [fileName, setFileName] = useState("");
  const [preview, setPreview] = useState<BreakdownPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Per row: the chosen candidate key, or "" for no match; and whether it is accepted. */
  const [choice, setChoice] = useState<Record<number, string>>({});
  const [accepted, setAccepted] = useState<Record<number, boolean>>({});

  async function read(file: File) {
    setBusy(true);
    setError(null);
    try {
      const p = await documentsApi.previewBreakdown(planId, file);
      setFileName(file.name);
      setPreview(p);
      setChoice(Object.fromEntries(p.rows.map((r) => [r.row, r.match ? keyOf(r.match) : ""])));
      setAccepted(Object.fromEntries(p.rows.map((r) => [r.row, r.accept])));
    } catch (e) {
      setError(t("docs.failed", { message: errorMessage(e, t) }));
    } finally {
      setBusy(false);
    }
  }

  const candidatesOf = (r: BreakdownRowView) => (r.match ? [r.match, ...r.alternatives] : r.alternatives);
  const chosen = (r: BreakdownRowView) => candidatesOf(r).find((c) => keyOf(c) === choice[r.row]) ?? null;
  const selected = (preview?.rows ?? []).filter((r) => accepted[r.row] && chosen(r) !== null);

  async function apply() {
    if (!preview) return;
    setBusy(true);
    try {
      const result = await documentsApi.applyBreakdown(planId, {
        fingerprint: preview.fingerprint,
        fileName,
        rows: selected.map((r) => {
          const c = chosen(r) as BreakdownCandidateView;
          return { row: r.row, subject: { kind: c.kind, id: c.id }, fields: r.fields };
        }),
      });
      message.success(t("docs.bd.done", { rows: result.rows, changes: result.changes }));
      onApplied();
      onClose();
    } catch (e) {
      setError(t("docs.applyFailed", { message: errorMessage(e, t) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      width={1200}
      title={t("docs.bd.title")}
      onCancel={onClose}
      okText={t("docs.bd.confirm", { count: selected.length })}
      okButtonProps={{ disabled: !preview || selected.length === 0, loading: busy, id: "breakdown-confirm" }}
      onOk={() => void apply()}
      destroyOnHidden
    >
      <Upload
        accept=".xlsx,.csv"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          void read(file);
          return false;
        }}
      >
        <Button loading={busy} data-testid="breakdown-upload">
          {t("docs.upload")}
        </Button>
      </Upload>
      <span className="muted small" style={{ marginLeft: 12 }}>
        {t("docs.uploadHint")}
      </span>
      {error ? (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginTop: 12 }}
          data-testid="breakdown-error"
        />
      ) : null}
      {preview ? (
        <>
          <p style={{ marginTop: 12 }} data-testid="breakdown-summary">
            {t("docs.bd.summary", {
              sheet: preview.sheet,
              row: preview.headerRow,
              rows: preview.rows.length,
              unmatched: preview.unmatchedRows.length,
            })}
          </p>
          {preview.conflicts.length > 0 ? (
            <Alert
              type="error"
              showIcon
              data-testid="breakdown-conflicts"
              message={t("docs.bd.conflicts", { count: new Set(preview.conflicts.map((c) => c.row)).size })}
              description={
                <ul className="small" style={{ margin: 0, paddingLeft: 16 }}>
                  {preview.conflicts.map((c) => (
                    <li key={`${c.row}:${c.rule}:${c.message.en}`}>{words(c.message)}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 8 }}
            />
          ) : null}
          {preview.unknownDepartments.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              message={t("docs.bd.unknown", { names: preview.unknownDepartments.join("、") })}
            />
          ) : null}
          <Table<BreakdownRowView>
            size="small"
            rowKey="row"
            pagination={false}
            scroll={{ y: 480 }}
            dataSource={preview.rows}
            data-testid="breakdown-table"
            rowClassName={(r) => (r.match === null ? "breakdown-unmatched" : "")}
            columns={[
              {
                title: t("docs.bd.accept"),
                width: 60,
                render: (_, r) => (
                  <Checkbox
                    checked={accepted[r.row] ?? false}
                    disabled={!choice[r.row]}
                    onChange={(e) => setAccepted({ ...accepted, [r.row]: e.target.checked })}
                    data-testid={`accept-${r.row}`}
                  />
                ),
              },
              { title: t("docs.bd.row"), dataIndex: "row", width: 50 },
              {
                title: t("docs.bd.source"),
                width: 260,
                render: (_, r) => (
                  <div className="small">
                    <div>{r.fields.task}</div>
                    {r.fields.goal ? <div className="muted">{r.fields.goal}</div> : null}
                    <div className="muted">
                      {[r.fields.lead, r.fields.co, r.fields.deadline].filter((x) => x !== "").join(" · ")}
                    </div>
                  </div>
                ),
              },
              {
                title: t("docs.bd.match"),
                width: 300,
                render: (_, r) => (
                  <Select
                    style={{ width: "100%" }}
                    value={choice[r.row] ?? ""}
                    onChange={(v) => {
                      setChoice({ ...choice, [r.row]: v });
                      const c = candidatesOf(r).find((x) => keyOf(x) === v);
                      setAccepted({ ...accepted, [r.row]: c !== undefined && c.conflicts.length === 0 });
                    }}
                    data-testid={`match-${r.row}`}
                    options={[
                      ...candidatesOf(r).map((c) => ({
                        value: keyOf(c),
                        label: `${t(c.kind === "target" ? "docs.kind.target" : "docs.kind.node")}：${c.title.slice(0, 40)}（${c.score.toFixed(2)}）`,
                      })),
                      { value: "", label: t("docs.bd.noMatch") },
                    ]}
                  />
                ),
              },
              {
                title: t("docs.bd.score"),
                width: 80,
                render: (_, r) => {
                  const c = chosen(r);
                  return c ? (
                    <Tag color={scoreColour(c.score, preview.threshold)}>{c.score.toFixed(2)}</Tag>
                  ) : (
                    <Tag>—</Tag>
                  );
                },
              },
              {
                title: t("docs.bd.changes"),
                render: (_, r) => {
                  const c = chosen(r);
                  if (!c) return null;
                  if (c.changes.length === 0 && c.conflicts.length === 0)
                    return <span className="muted small">{t("docs.bd.noChanges")}</span>;
                  return (
                    <ul className="small" style={{ margin: 0, paddingLeft: 16 }}>
                      {c.conflicts.map((x) => (
                        <li key={`${x.rule}:${x.message.en}`} style={{ color: "#cf1322" }}>
                          {words(x.message)}
                        </li>
                      ))}
                      {c.changes.map((ch) => (
                        <li key={ch.field}>
                          {t(`docs.field.${ch.field}`)}：<s className="muted">{ch.before || "—"}</s> →{" "}
                          <b>{ch.after || "—"}</b>
                        </li>
                      ))}
                      {c.warnings.map((w) => (
                        <li key={w.en} className="muted">
                          {words(w)}
                        </li>
                      ))}
                    </ul>
                  );
                },
              },
            ]}
          />
        </>
      ) : null}
    </Modal>
  );
}
