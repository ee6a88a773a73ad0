import { Button, Skeleton } from "antd";
import { Navigate, useNavigate } from "react-router";
import { usePlans } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { landingPlan } from "./cockpit-model.ts";

/** /cockpit: a leader's landing page — the cockpit of the newest published plan in the leader's scope. */
export function CockpitLanding() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const plans = usePlans();
  if (plans.isError) {
    return (
      <div className="page-scroll">
        <ErrorState
          title={t("cockpit.plansError")}
          error={plans.error}
          onRetry={() => void plans.refetch()}
        />
      </div>
    );
  }
  if (!plans.data) {
    return (
      <div className="page-scroll cockpit-page">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  const plan = landingPlan(plans.data);
  if (!plan) {
    return (
      <div className="page-scroll">
        <ErrorState
          title={t("cockpit.choosePlan")}
          error={new Error(t("cockpit.noPlans"))}
          extra={<Button onClick={() => navigate("/")}>{t("common.backToPlans")}</Button>}
        />
      </div>
    );
  }
  return <Navigate to={`/plans/${plan.id}/cockpit`} replace />;
}
