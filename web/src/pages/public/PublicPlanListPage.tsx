import { Empty, List } from "antd";
import { Link } from "react-router";
import { usePublicPlans } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** /public: every plan the planners made public; no sign-in. */
export function PublicPlanListPage() {
  const { t } = useI18n();
  const plans = usePublicPlans();
  return (
    <div className="page-scroll">
      <div className="page page-medium" data-testid="public-plans">
        <div className="page-head">
          <div>
            <h1 className="page-title">{t("public.title")}</h1>
            <div className="muted small">{t("public.intro")}</div>
          </div>
        </div>
        {plans.isError ? (
          <ErrorState
            title={t("public.loadError")}
            error={plans.error}
            onRetry={() => void plans.refetch()}
          />
        ) : (
          <List
            bordered
            className="public-list"
            loading={plans.isPending}
            dataSource={plans.data ?? []}
            locale={{ emptyText: <Empty description={t("public.empty")} /> }}
            renderItem={(p) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/public/plans/${p.id}`}>{p.title}</Link>}
                  description={[p.regionName, p.year, p.issuer, p.published].filter(Boolean).join(" · ")}
                />
                <span className="muted small">
                  {t("public.targetsOf", { count: p.counts.targets + p.counts.milestones })}
                </span>
              </List.Item>
            )}
          />
        )}
      </div>
    </div>
  );
}
