import { BellOutlined } from "@ant-design/icons";
import type { UseQueryResult } from "@tanstack/react-query";
import { App, Button, Table, type TableColumnsType, Tag } from "antd";
import { useMemo } from "react";
import { useSendReminder } from "../../api/monitoring-queries.ts";
import type { PlanDueView } from "../../api/types.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { formatDateTime } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

type Row = PlanDueView["departments"][number];

/** Departments with reports overdue or coming due, overdue first, each with one-click 催报. */
export function OverdueTable({ planId, query }: { planId: number; query: UseQueryResult<PlanDueView> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const remind = useSendReminder(planId);

  const columns = useMemo<TableColumnsType<Row>>(
    () => [
      {
        key: "department",
        title: t("review.col.department"),
        render: (_: unknown, r) => r.department?.name ?? t("common.none"),
      },
      {
        key: "overdue",
        title: t("review.col.overdue"),
        width: 80,
        align: "right",
        render: (_: unknown, r) =>
          r.overdue > 0 ? (
            <Tag color="red" variant="filled" className="num">
              {r.overdue}
            </Tag>
          ) : (
            <span className="muted num">0</span>
          ),
      },
      {
        key: "due",
        title: t("review.col.dueCount"),
        width: 80,
        align: "right",
        render: (_: unknown, r) => <span className="num">{r.due}</span>,
      },
      {
        key: "last",
        title: t("review.col.lastReminder"),
        width: 160,
        render: (_: unknown, r) =>
          r.lastReminderAt ? (
            <span className="num">{formatDateTime(r.lastReminderAt)}</span>
          ) : (
            <span className="muted">{t("review.never")}</span>
          ),
      },
      {
        key: "action",
        title: t("common.actions"),
        width: 90,
        render: (_: unknown, r) => {
          const dept = r.department;
          if (!dept) return null;
          return (
            <Button
              size="small"
              icon={<BellOutlined />}
              danger={r.overdue > 0}
              loading={remind.isPending && remind.variables === dept.id}
              data-testid="remind"
              onClick={async () => {
                try {
                  await remind.mutateAsync(dept.id);
                  message.success(t("review.reminded", { department: dept.name }));
                } catch (error) {
                  message.error(t("review.failed", { message: errorMessage(error, t) }), 6);
                }
              }}
            >
              {t("review.remind")}
            </Button>
          );
        },
      },
    ],
    [t, remind, message],
  );

  if (query.isError) {
    return (
      <ErrorState title={t("review.loadError")} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  const rows = (query.data?.departments ?? []).filter((d) => d.overdue > 0 || d.due > 0);
  return (
    <>
      {query.data ? <p className="muted small">{t("review.asOf", { date: query.data.asOf })}</p> : null}
      <Table<Row>
        size="small"
        rowKey={(r) => r.department?.id ?? 0}
        columns={columns}
        dataSource={rows}
        loading={query.isPending}
        pagination={false}
        locale={{ emptyText: t("review.overdueEmpty") }}
        data-testid="overdue-table"
        expandable={{
          expandedRowRender: (r) => (
            <ul className="overdue-items small">
              {r.items.map((i) => (
                <li key={`${i.subject.kind}:${i.subject.id}:${i.period.key}`} className="overdue-item">
                  <Tag color={i.state === "overdue" ? "red" : "default"} variant="filled">
                    {t(`desk.state.${i.state}`)}
                  </Tag>
                  {i.subject.title}{" "}
                  <span className="muted num">
                    {i.period.key} · {t("desk.dueOn", { date: i.dueDate })}
                  </span>
                </li>
              ))}
            </ul>
          ),
          rowExpandable: (r) => r.items.length > 0,
        }}
      />
    </>
  );
}
