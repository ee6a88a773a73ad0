import { Table, Tag } from "antd";
import { useMemo } from "react";
import type { DeliveryView } from "../../../../src/contract/reminders.ts";
import { usePlanDeliveries } from "../../api/channels-queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { KIND_KEY } from "./channel-words.ts";

const STATE: Record<DeliveryView["state"], { key: MessageKey; color: string }> = {
  sent: { key: "channels.state.sent", color: "green" },
  pending: { key: "channels.state.pending", color: "gold" },
  failed: { key: "channels.state.failed", color: "red" },
};

const LEVEL: Record<DeliveryView["level"], { key: MessageKey; color: string | undefined }> = {
  reminder: { key: "channels.level.reminder", color: undefined },
  yellow: { key: "channels.level.yellow", color: "gold" },
  red: { key: "channels.level.red", color: "red" },
};

/** Every delivery of the plan's reminders, failures first to catch the eye. */
export function DeliveriesTable({ planId }: { planId: number }) {
  const { t } = useI18n();
  const query = usePlanDeliveries(planId);
  const rows = useMemo(
    () =>
      [...(query.data ?? [])].sort(
        (a, b) => Number(b.state === "failed") - Number(a.state === "failed") || b.id - a.id,
      ),
    [query.data],
  );
  if (query.isError)
    return (
      <ErrorState title={t("channels.loadError")} error={query.error} onRetry={() => void query.refetch()} />
    );
  return (
    <Table<DeliveryView>
      rowKey="id"
      size="small"
      loading={query.isPending}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 640 }}
      locale={{ emptyText: t("channels.noDeliveries") }}
      data-testid="deliveries-table"
      columns={[
        {
          key: "at",
          title: t("channels.col.at"),
          width: 150,
          render: (_, d) => (
            <span className="num">{(d.sentAt ?? d.createdAt).slice(0, 16).replace("T", " ")}</span>
          ),
        },
        { key: "department", title: t("channels.for"), render: (_, d) => d.department?.name ?? "—" },
        {
          key: "level",
          title: t("channels.col.level"),
          width: 90,
          render: (_, d) => <Tag color={LEVEL[d.level].color}>{t(LEVEL[d.level].key)}</Tag>,
        },
        { key: "kind", title: t("channels.kind"), width: 100, render: (_, d) => t(KIND_KEY[d.kind]) },
        {
          key: "state",
          title: t("channels.col.state"),
          render: (_, d) => (
            <span>
              <Tag color={STATE[d.state].color}>{t(STATE[d.state].key)}</Tag>
              {d.state !== "sent" && d.lastError ? (
                <span className="muted small">
                  {t("channels.attempts", { n: d.attempts, error: d.lastError })}
                </span>
              ) : null}
            </span>
          ),
        },
      ]}
    />
  );
}
