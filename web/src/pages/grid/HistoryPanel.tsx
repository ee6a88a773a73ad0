import { Empty, Segmented, Skeleton, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { ReportState, ReportView } from "../../../../src/contract/reports.ts";
import { useMyReports } from "../../api/grid-queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { clean, formatDateTime, formatQuantity } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { monthLabel } from "./grid-model.ts";

type Filter = ReportState | "all";

const FILTERS: readonly Filter[] = ["all", "returned", "draft", "submitted", "approved"];

const STATE_COLOR: Record<ReportState, string> = {
  draft: "blue",
  submitted: "cyan",
  approved: "green",
  returned: "orange",
};

/** The month sheet a report is filled in on: its own month, or the last month of its quarter. */
function monthOfReport(report: ReportView): string {
  return report.period.end.slice(0, 7);
}

function figure(report: ReportView): string | null {
  const r = report.latest;
  if (r.value !== null && report.subject.kind === "target")
    return formatQuantity(r.value, report.subject.unit ?? "", report.subject.displayUnit);
  if (r.percent !== null) return `${clean(r.percent)}%`;
  return r.statusWord;
}

/** The department's reports, returned ones first, filtered by state (草稿/待审/已通过/已退回). */
export function HistoryPanel() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<Filter>("all");
  const reports = useMyReports(filter === "all" ? {} : { state: filter });
  const counts = reports.data?.counts;
  const total = counts ? counts.draft + counts.submitted + counts.approved + counts.returned : null;

  return (
    <section className="grid-history" aria-labelledby="grid-history-title" data-testid="grid-history">
      <h2 id="grid-history-title" className="grid-section-title">
        {t("grid.history.title")}
      </h2>
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        data-testid="grid-history-filter"
        options={FILTERS.map((f) => {
          const label = t(`grid.history.${f}`);
          const n = f === "all" ? total : (counts?.[f] ?? null);
          return { value: f, label: n === null ? label : t("grid.history.count", { label, count: n }) };
        })}
      />
      {reports.isPending ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : reports.isError ? (
        <ErrorState
          title={t("grid.loadError")}
          error={reports.error}
          onRetry={() => void reports.refetch()}
        />
      ) : reports.data.reports.length === 0 ? (
        <Empty description={t("grid.history.empty")} />
      ) : (
        <ul className="grid-history-list">
          {reports.data.reports.map((r) => {
            const shown = figure(r);
            const month = monthOfReport(r);
            return (
              <li
                key={r.id}
                className={`grid-history-item grid-history-${r.state}`}
                data-testid="grid-history-item"
                data-state={r.state}
                data-report-id={r.id}
              >
                <span className="num grid-history-period">{r.period.key}</span>
                <span className="grid-history-title">{r.subject.title}</span>
                <span className="num">{shown ?? t("common.none")}</span>
                <span>
                  <Tag variant="filled" color={STATE_COLOR[r.state]}>
                    {t(`grid.history.${r.state}`)}
                  </Tag>
                  {r.late ? <Tag variant="outlined">{t("grid.history.late")}</Tag> : null}
                </span>
                <span className="small muted">
                  {t("grid.history.updated", { time: formatDateTime(r.updatedAt) })}
                </span>
                {r.state === "returned" || r.state === "draft" ? (
                  <Link to={`/desk/grid?month=${month}`} className="small">
                    {t("grid.history.open")} · {monthLabel(month, lang)}
                  </Link>
                ) : (
                  <span />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
