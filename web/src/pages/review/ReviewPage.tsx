import { Select, Skeleton, Tabs } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { usePlanDue, usePlanExtensions, usePlanReports } from "../../api/monitoring-queries.ts";
import { usePlans } from "../../api/queries.ts";
import { useSession } from "../../api/session.ts";
import { can } from "../../auth/access.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ChannelsPanel } from "./ChannelsPanel.tsx";
import { ExtensionsTable } from "./ExtensionsTable.tsx";
import { OverdueTable } from "./OverdueTable.tsx";
import { ReviewDrawer } from "./ReviewDrawer.tsx";
import { ReviewQueue } from "./ReviewQueue.tsx";
import { pickPlan } from "./review-model.ts";
import { TaskReviewPanel, TaskReviewTabLabel } from "./TaskReviewPanel.tsx";

const SUBMITTED = { state: "submitted" as const };

/** /review: the planner's queue of submitted reports, the overdue departments, extension requests. */
export function ReviewPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const plans = usePlans();
  const asked = Number(params.get("plan"));
  const plan = pickPlan(plans.data ?? [], Number.isFinite(asked) && asked > 0 ? asked : null);
  const planId = plan?.id ?? null;
  const queue = usePlanReports(planId, SUBMITTED);
  const due = usePlanDue(planId);
  const extensions = usePlanExtensions(planId);
  const [open, setOpen] = useState<number | null>(null);
  const tab = params.get("tab") ?? "queue";
  const canEdit = can(useSession().data?.user.role, "plans.edit");

  const setParam = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const overdueCount = (due.data?.departments ?? []).filter((d) => d.overdue > 0).length;
  const pendingExtensions = (extensions.data ?? []).filter((e) => e.state === "pending");

  return (
    <div className="page-scroll">
      <div className="page review-page" data-testid="review-page">
        <div className="page-head">
          <div>
            <h1 className="page-title">{t("review.title")}</h1>
            <p className="muted small page-intro">{t("review.intro")}</p>
          </div>
          {plans.data && plans.data.length > 0 ? (
            <div className="review-plan">
              <label className="muted small" htmlFor="review-plan">
                {t("review.plan")}
              </label>
              <Select<number>
                id="review-plan"
                value={planId ?? undefined}
                onChange={(id) => setParam("plan", String(id))}
                options={plans.data.map((p) => ({ value: p.id, label: p.title }))}
                popupMatchSelectWidth={false}
                className="review-plan-select"
                data-testid="review-plan"
              />
            </div>
          ) : null}
        </div>
        {plans.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : plans.isError ? (
          <ErrorState
            title={t("review.loadError")}
            error={plans.error}
            onRetry={() => void plans.refetch()}
          />
        ) : planId === null ? (
          <p className="muted">{t("review.noPlans")}</p>
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(key) => setParam("tab", key)}
            items={[
              {
                key: "queue",
                label: (
                  <span data-testid="review-tab-queue">
                    {t("review.tab.queue", { count: queue.data?.length ?? "…" })}
                  </span>
                ),
                children: <ReviewQueue planId={planId} query={queue} onOpen={setOpen} />,
              },
              {
                key: "overdue",
                label: (
                  <span data-testid="review-tab-overdue">
                    {t("review.tab.overdue", { count: due.data ? overdueCount : "…" })}
                  </span>
                ),
                children: <OverdueTable planId={planId} query={due} />,
              },
              {
                key: "extensions",
                label: (
                  <span data-testid="review-tab-extensions">
                    {t("review.tab.extensions", { count: extensions.data ? pendingExtensions.length : "…" })}
                  </span>
                ),
                children: <ExtensionsTable query={extensions} />,
              },
              {
                key: "tasks",
                label: <TaskReviewTabLabel planId={planId} />,
                children: <TaskReviewPanel planId={planId} />,
              },
              ...(canEdit
                ? [
                    {
                      key: "channels",
                      label: <span data-testid="review-tab-channels">{t("channels.tab")}</span>,
                      children: <ChannelsPanel planId={planId} />,
                    },
                  ]
                : []),
            ]}
          />
        )}
        <ReviewDrawer reportId={open} onClose={() => setOpen(null)} />
      </div>
    </div>
  );
}
