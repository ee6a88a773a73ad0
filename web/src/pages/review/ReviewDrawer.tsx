import { App, Button, Drawer, Input, Select, Skeleton, Tag } from "antd";
import { useMemo, useState } from "react";
import type { ReportDetail } from "../../../../src/contract/reports.ts";
import { useReport, useReviewReport, useTargetReports } from "../../api/monitoring-queries.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { formatDateTime, formatQuantity } from "../../format/number.ts";
import { compareRevisions } from "../../format/revision-fields.ts";
import { targetLine } from "../../format/target-name.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { previousValue } from "../desk/report-model.ts";
import { ConfirmedWarnings } from "./ConfirmedWarnings.tsx";
import { comparable } from "./review-model.ts";

/** One submitted report: its content beside an earlier revision, approve, or return with a reason. */
export function ReviewDrawer({ reportId, onClose }: { reportId: number | null; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useReport(reportId);
  const data = detail.data && detail.data.report.id === reportId ? detail.data : null;
  return (
    <Drawer
      open={reportId !== null}
      onClose={onClose}
      size={720}
      title={data ? t("review.drawerTitle", { subject: data.report.subject.title }) : t("review.title")}
      destroyOnHidden
      rootClassName="review-drawer"
    >
      {detail.isError ? (
        <ErrorState
          title={t("review.loadError")}
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      ) : data ? (
        <ReviewBody key={data.report.id} detail={data} onDone={onClose} />
      ) : (
        <Skeleton active paragraph={{ rows: 10 }} />
      )}
    </Drawer>
  );
}

function ReviewBody({ detail, onDone }: { detail: ReportDetail; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const review = useReviewReport();
  const report = detail.report;
  const current = report.latest;
  const candidates = useMemo(() => comparable(detail.revisions, current), [detail.revisions, current]);
  const [against, setAgainst] = useState<number | null>(candidates[0]?.revision ?? null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const history = useTargetReports(report.subject.kind === "target" ? report.subject.id : null);
  const previous = history.data ? previousValue(history.data, report.period) : null;
  const before = candidates.find((r) => r.revision === against) ?? null;
  const rows = compareRevisions(before, current, report.subject);
  const mayReview = detail.can.review && report.state === "submitted";

  async function act(action: "approve" | "return") {
    if (action === "return") {
      setTried(true);
      if (reason.trim() === "") return;
    }
    try {
      await review.mutateAsync({
        id: report.id,
        body: {
          action,
          baseRevision: current.revision,
          ...(action === "return" ? { reason: reason.trim() } : {}),
        },
      });
      message.success(t(action === "approve" ? "review.approved" : "review.returned"));
      onDone();
    } catch (error) {
      message.error(t("review.failed", { message: errorMessage(error, t) }), 6);
    }
  }

  return (
    <div className="review-body" data-testid="review-drawer" data-report-id={report.id}>
      <div className="review-meta small">
        <span>{report.department?.name ?? t("common.none")}</span>
        <span className="num">{t("report.period", { period: report.period.key })}</span>
        <span className="num">{t("report.due", { date: report.dueDate })}</span>
        {report.late ? (
          <Tag color="orange" variant="filled">
            {t("review.late")}
          </Tag>
        ) : null}
        {report.subject.display ? (
          <span>
            {t("report.target", { display: targetLine(report.subject, lang) ?? report.subject.display })}
          </span>
        ) : null}
      </div>
      {previous ? (
        <p className="muted small" data-testid="review-previous">
          {t(previous.approved ? "report.previous" : "report.previousPending", {
            period: previous.period.key,
            value: formatQuantity(previous.value, report.subject.unit ?? "", report.subject.displayUnit),
          })}
        </p>
      ) : null}
      <ConfirmedWarnings warnings={current.warnings} />

      <div className="review-compare-head">
        <span className="muted small">{t("review.compareWith")}</span>
        {candidates.length > 0 ? (
          <Select<number>
            size="small"
            value={against ?? undefined}
            onChange={setAgainst}
            options={candidates.map((r) => ({
              value: r.revision,
              label: t("review.compareRevision", {
                revision: r.revision,
                state: t(`reportState.${r.state}`),
              }),
            }))}
            data-testid="review-compare-select"
          />
        ) : (
          <span className="muted small">{t("review.compareNone")}</span>
        )}
      </div>
      <table className="compare-table" data-testid="review-compare">
        <thead>
          <tr>
            <th scope="col">{t("review.col.field")}</th>
            {before ? <th scope="col">{t("review.col.before")}</th> : null}
            <th scope="col">{t("review.col.after")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.field}
              className={before && r.changed ? "changed" : undefined}
              data-field={r.field}
              data-changed={before ? String(r.changed) : undefined}
            >
              <th scope="row">
                {t(`field.${r.field}`)}
                {before && r.changed ? <span className="changed-mark">{t("review.changed")}</span> : null}
              </th>
              {before ? <td className="before">{r.before || t("common.none")}</td> : null}
              <td className="after">{r.after || t("common.none")}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {mayReview ? (
        returning ? (
          <div className="review-return">
            <label htmlFor="return-reason">{t("review.returnReason")}</label>
            <Input.TextArea
              id="return-reason"
              autoFocus
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t("review.returnReasonPlaceholder")}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={1000}
              status={tried && reason.trim() === "" ? "error" : undefined}
              data-testid="return-reason"
            />
            {tried && reason.trim() === "" ? (
              <div className="field-error small">{t("review.returnReasonRequired")}</div>
            ) : null}
            <div className="review-actions">
              <Button
                danger
                type="primary"
                loading={review.isPending}
                onClick={() => void act("return")}
                data-testid="return-confirm"
              >
                {t("review.returnConfirm")}
              </Button>
              <Button onClick={() => setReturning(false)}>{t("common.cancel")}</Button>
            </div>
          </div>
        ) : (
          <div className="review-actions">
            <Button
              type="primary"
              loading={review.isPending}
              onClick={() => void act("approve")}
              data-testid="review-approve"
            >
              {t("review.approve")}
            </Button>
            <Button danger onClick={() => setReturning(true)} data-testid="review-return">
              {t("review.return")}
            </Button>
          </div>
        )
      ) : null}

      <h3 className="review-history-title">{t("review.history")}</h3>
      <ol className="review-history small" reversed>
        {[...detail.revisions].reverse().map((r) => (
          <li key={r.revision} className="review-history-item">
            <span className="num">
              {t("report.revision", {
                revision: r.revision,
                state: t(`reportState.${r.state}`),
                time: formatDateTime(r.createdAt),
              })}
            </span>{" "}
            <span className="muted">{r.author?.displayName ?? ""}</span>
            {r.returnReason ? (
              <div className="muted">{t("report.returned", { reason: r.returnReason })}</div>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
