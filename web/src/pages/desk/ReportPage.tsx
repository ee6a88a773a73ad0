import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Skeleton } from "antd";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { useMyDue, useReport, useSubjectReports } from "../../api/monitoring-queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ReportForm } from "./ReportForm.tsx";
import { previousReport, previousValue } from "./report-model.ts";

/** /desk/:kind/:id/:period — the form for one report the department owes. */
export function ReportPage() {
  const { t } = useI18n();
  const params = useParams();
  const due = useMyDue();
  const item =
    due.data?.items.find(
      (i) =>
        i.subject.kind === params.kind &&
        String(i.subject.id) === params.id &&
        i.period.key === params.period,
    ) ?? null;
  const reportId = item?.report?.id ?? null;
  const detail = useReport(reportId);
  const history = useSubjectReports(item?.subject ?? null, item?.planId ?? null);

  const back = (
    <Link to="/desk" className="desk-back small">
      <ArrowLeftOutlined /> {t("desk.back")}
    </Link>
  );

  let body: ReactNode;
  // The form waits for last period's report too: "上期：无" must never show only because it is still
  // loading, and the form must not jump when it arrives.
  const historyPending = item !== null && history.isPending;
  if (due.isPending || (reportId !== null && detail.isPending) || historyPending) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (due.isError) {
    body = <ErrorState title={t("desk.loadError")} error={due.error} onRetry={() => void due.refetch()} />;
  } else if (!item) {
    body = <Alert type="info" showIcon title={t("report.notFound")} data-testid="report-not-found" />;
  } else if (reportId !== null && detail.isError) {
    body = (
      <ErrorState title={t("desk.loadError")} error={detail.error} onRetry={() => void detail.refetch()} />
    );
  } else {
    const previous = history.data ? previousValue(history.data, item.period) : null;
    const lastReport = history.data ? previousReport(history.data, item.period) : null;
    body = (
      <ReportForm
        // A fresh form for another report; the form follows its own saves (baseRevision) itself.
        key={`${item.subject.kind}:${item.subject.id}:${item.period.key}`}
        item={item}
        detail={detail.data ?? null}
        previous={previous}
        lastReport={lastReport}
      />
    );
  }

  return (
    <div className="page-scroll">
      <div className="desk">
        {back}
        {body}
      </div>
    </div>
  );
}
