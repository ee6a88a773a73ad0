import type { UseQueryResult } from "@tanstack/react-query";
import { App, Button, Space, Table, type TableColumnsType, Tag } from "antd";
import { useMemo } from "react";
import type { ExtensionRequestView } from "../../../../src/contract/reports.ts";
import { useDecideExtension } from "../../api/monitoring-queries.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** 延期申请 waiting for the planner: grant or refuse. */
export function ExtensionsTable({ query }: { query: UseQueryResult<ExtensionRequestView[]> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const decide = useDecideExtension();
  const columns = useMemo<TableColumnsType<ExtensionRequestView>>(
    () => [
      { key: "subject", title: t("review.col.subject"), render: (_: unknown, e) => e.subject.title },
      {
        key: "department",
        title: t("review.col.department"),
        width: 140,
        render: (_: unknown, e) => e.department.name,
      },
      {
        key: "period",
        title: t("review.col.period"),
        width: 90,
        render: (_: unknown, e) => <span className="num">{e.period}</span>,
      },
      { key: "reason", title: t("review.col.reason"), render: (_: unknown, e) => e.reason },
      {
        key: "requested",
        title: t("review.col.requested"),
        width: 110,
        render: (_: unknown, e) => <span className="num">{e.requestedDueDate}</span>,
      },
      {
        key: "action",
        title: t("common.actions"),
        width: 150,
        render: (_: unknown, e) =>
          e.state === "pending" ? (
            <Space size={4}>
              {[true, false].map((grant) => (
                <Button
                  key={String(grant)}
                  size="small"
                  type={grant ? "primary" : "default"}
                  loading={
                    decide.isPending && decide.variables?.id === e.id && decide.variables.body.grant === grant
                  }
                  onClick={async () => {
                    try {
                      await decide.mutateAsync({ id: e.id, body: { grant } });
                      message.success(t(grant ? "review.granted" : "review.refused"));
                    } catch (error) {
                      message.error(t("review.failed", { message: errorMessage(error, t) }), 6);
                    }
                  }}
                >
                  {t(grant ? "review.grant" : "review.refuse")}
                </Button>
              ))}
            </Space>
          ) : (
            <Tag color={e.state === "granted" ? "green" : "default"}>
              {t(e.state === "granted" ? "review.granted" : "review.refused")}
            </Tag>
          ),
      },
    ],
    [t, decide, message],
  );
  if (query.isError) {
    return (
      <ErrorState title={t("review.loadError")} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  return (
    <Table<ExtensionRequestView>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={query.data ?? []}
      loading={query.isPending}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t("review.extensionsEmpty") }}
    />
  );
}
