import { Table, type TableColumnsType, Tag, Tooltip } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import type { PlanSummary } from "../../../../src/contract/plans.ts";
import { usePlans } from "../../api/queries.ts";
import { useCurrentUser } from "../../api/session.ts";
import { can } from "../../auth/access.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { formatDateTime } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { isFiveYearPlan } from "../five-year/five-year-model.ts";
import { ImportButton } from "./ImportButton.tsx";
import { sameTextPeers } from "./plan-list-model.ts";
import { StateTag } from "./StateTag.tsx";

const num = (n: number) => <span className="num">{n}</span>;

export function PlanListPage() {
  const { t, lang } = useI18n();
  const plans = usePlans();
  const mayImport = can(useCurrentUser()?.role, "plans.import");
  const peers = useMemo(() => sameTextPeers(plans.data ?? []), [plans.data]);

  const columns = useMemo<TableColumnsType<PlanSummary>>(
    () => [
      {
        key: "title",
        title: t("plans.col.title"),
        dataIndex: "title",
        sorter: (a, b) => a.title.localeCompare(b.title, "zh-CN"),
        // Plans of one title told apart: the id and the file under the title, and a mark on those of one text.
        render: (_: unknown, plan) => {
          const twins = peers.get(plan.id) ?? [];
          const ids = twins.map((id) => `#${id}`).join(lang === "zh-CN" ? "、" : ", ");
          return (
            <>
              <Link to={`/plans/${plan.id}`} className="plan-link">
                {plan.title}
              </Link>
              {isFiveYearPlan(plan) ? (
                <Link
                  to={`/plans/${plan.id}/five-year`}
                  className="small"
                  style={{ marginInlineStart: 8 }}
                  data-testid="plan-five-year-link"
                >
                  {t("fy.open")}
                </Link>
              ) : null}
              <div className="muted small" data-testid="plan-source">
                #{plan.id} · {plan.fileName ?? t("plans.noFile")}
                {twins.length > 0 ? (
                  <Tooltip title={t("plans.sameTextHint", { ids })}>
                    <Tag
                      style={{ marginInlineStart: 6 }}
                      data-testid="same-text"
                      data-peers={twins.join(" ")}
                    >
                      {t("plans.sameText", { count: twins.length + 1 })}
                    </Tag>
                  </Tooltip>
                ) : null}
              </div>
            </>
          );
        },
      },
      {
        key: "region",
        title: t("plans.col.region"),
        dataIndex: "regionName",
        width: 120,
        render: (v: string | null) => v ?? t("common.none"),
      },
      {
        key: "year",
        title: t("plans.col.year"),
        dataIndex: "year",
        width: 80,
        align: "right",
        sorter: (a, b) => (a.year ?? 0) - (b.year ?? 0),
        render: (v: number | null) => (v === null ? t("common.none") : num(v)),
      },
      {
        key: "state",
        title: t("plans.col.state"),
        dataIndex: "state",
        width: 88,
        render: (_: unknown, plan) => <StateTag state={plan.state} />,
      },
      ...(["areas", "groups", "tasks", "targets", "milestones", "items"] as const).map((k) => ({
        key: k,
        title: t(`plans.col.${k}`),
        width: 84,
        align: "right" as const,
        sorter: (a: PlanSummary, b: PlanSummary) => a.counts[k] - b.counts[k],
        render: (_: unknown, plan: PlanSummary) => num(plan.counts[k]),
      })),
      {
        key: "createdAt",
        title: t("plans.col.importedAt"),
        dataIndex: "createdAt",
        width: 150,
        defaultSortOrder: "descend",
        sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
        render: (v: string) => <span className="num">{formatDateTime(v)}</span>,
      },
    ],
    [t, lang, peers],
  );

  return (
    <div className="page-scroll">
      <div className="page">
        <div className="page-head">
          <div>
            <h1 className="page-title">{t("plans.title")}</h1>
            <div className="muted small">{t("plans.intro")}</div>
          </div>
          {mayImport ? <ImportButton /> : null}
        </div>
        {plans.isError ? (
          <ErrorState title={t("plans.loadError")} error={plans.error} onRetry={() => void plans.refetch()} />
        ) : (
          <Table<PlanSummary>
            data-testid="plans-table"
            size="small"
            bordered
            rowKey="id"
            loading={plans.isPending}
            columns={columns}
            dataSource={plans.data ?? []}
            pagination={(plans.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            locale={{ emptyText: plans.isPending ? t("common.loading") : t("plans.empty") }}
            footer={
              plans.data && plans.data.length > 0
                ? () => t("plans.count", { count: plans.data.length })
                : undefined
            }
          />
        )}
      </div>
    </div>
  );
}
