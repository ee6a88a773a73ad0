import type { UseQueryResult } from "@tanstack/react-query";
import { Button, Table, type TableColumnsType, Tag } from "antd";
import { useMemo } from "react";
import type { ReportView } from "../../api/types.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { formatDateTime } from "../../format/number.ts";
import { fieldText } from "../../format/revision-fields.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** What a report says in one cell: the value with its unit, the percent, or the status word. */
export function reportedText(report: ReportView): string {
  const r = report.latest;
  if (r.value !== null) return fieldText(r, "value", report.subject);
  if (r.percent !== null) return fieldText(r, "percent", report.subject);
  return r.statusWord ?? "—";
}

export function ReviewQueue({
  query,
  onOpen,
}: {
  query: UseQueryResult<ReportView[]>;
  onOpen: (id: number) => void;
}) {
  const { t } = useI18n();
  const columns = useMemo<TableColumnsType<ReportView>>(
    () => [
      {
        key: "subject",
        title: t("review.col.subject"),
        render: (_: unknown, r) => (
          <div>
            <div>{r.subject.title}</div>
            {r.subject.display ? <div className="muted small">{r.subject.display}</div> : null}
          </div>
        ),
      },
      {
        key: "department",
        title: t("review.col.department"),
        width: 140,
        render: (_: unknown, r) => r.department?.name ?? t("common.none"),
      },
      {
        key: "period",
        title: t("review.col.period"),
        width: 90,
        render: (_: unknown, r) => <span className="num">{r.period.key}</span>,
      },
      {
        key: "value",
        title: t("review.col.value"),
        width: 120,
        align: "right",
        render: (_: unknown, r) => <span className="num strong">{reportedText(r)}</span>,
      },
      {
        key: "submitted",
        title: t("review.col.submittedAt"),
        width: 170,
        render: (_: unknown, r) => (
          <span className="num">
            {formatDateTime(r.latest.submittedAt ?? r.updatedAt)}{" "}
            {r.late ? (
              <Tag color="orange" variant="filled">
                {t("review.late")}
              </Tag>
            ) : null}
          </span>
        ),
      },
      {
        key: "action",
        title: t("common.actions"),
        width: 80,
        render: (_: unknown, r) => (
          <Button size="small" type="primary" onClick={() => onOpen(r.id)} data-testid="review-open">
            {t("review.open")}
          </Button>
        ),
      },
    ],
    [t, onOpen],
  );
  if (query.isError) {
    return (
      <ErrorState title={t("review.loadError")} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  return (
    <Table<ReportView>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={query.data ?? []}
      loading={query.isPending}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t("review.queueEmpty") }}
      data-testid="review-queue"
    />
  );
}
