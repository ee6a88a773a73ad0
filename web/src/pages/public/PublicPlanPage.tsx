import { PrinterOutlined } from "@ant-design/icons";
import { Button, Skeleton } from "antd";
import { Fragment, useMemo } from "react";
import { Link, useParams } from "react-router";
import { isApiError } from "../../api/client.ts";
import { usePublicPlan } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { formatTargetValue } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { groupPublicTargets, publicNodeLabel } from "./model.ts";

/** /public/plans/:id: a public plan's targets and departments, read only, made to be printed. */
export function PublicPlanPage() {
  const { t, lang } = useI18n();
  const raw = useParams().id ?? "";
  const id = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const plan = usePublicPlan(id);
  const groups = useMemo(
    () => (plan.data ? groupPublicTargets(plan.data.outline, plan.data.targets) : []),
    [plan.data],
  );

  if (!Number.isFinite(id) || plan.isError) {
    const missing = !Number.isFinite(id) || (isApiError(plan.error) && plan.error.status === 404);
    return (
      <div className="page-scroll">
        <ErrorState
          title={t("public.loadError")}
          error={missing ? new Error(t("public.notFound", { id: raw })) : plan.error}
          onRetry={missing ? undefined : () => void plan.refetch()}
          extra={<Link to="/public">{t("public.title")}</Link>}
        />
      </div>
    );
  }
  if (!plan.data) {
    return (
      <div className="page">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  }
  const p = plan.data.plan;
  const none = t("common.none");
  let index = 0;
  return (
    <div className="page-scroll">
      <article className="page public-plan" data-testid="public-plan">
        <header className="public-plan-head">
          <div>
            <h1 className="public-title">{p.title}</h1>
            <div className="muted">
              {[
                p.regionName,
                p.issuer ? t("plan.meta.issuer", { value: p.issuer }) : null,
                p.published ? t("plan.meta.published", { value: p.published }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </div>
            <div className="small">
              {t("plan.meta.period")} {p.periodStart} – {p.periodEnd} ·{" "}
              {t("public.targetsOf", { count: plan.data.targets.length })}
            </div>
          </div>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
            {t("common.print")}
          </Button>
        </header>
        <table className="public-table" data-testid="public-targets">
          <thead>
            <tr>
              <th className="col-index">{t("targets.col.index")}</th>
              <th>{t("public.col.subject")}</th>
              <th className="col-value">{t("public.col.value")}</th>
              <th className="col-dept">{t("public.col.lead")}</th>
              <th className="col-due">{t("public.col.due")}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <Fragment key={g.node?.id ?? "none"}>
                <tr className="group-row">
                  <th colSpan={5} scope="colgroup">
                    {g.node ? publicNodeLabel(g.node) : t("public.other")}
                  </th>
                </tr>
                {g.rows.map(({ target, task }) => {
                  index++;
                  return (
                    <tr key={target.id}>
                      <td className="col-index num">{index}</td>
                      <td>
                        <div>{target.subject}</div>
                        {task && task !== (g.node ? publicNodeLabel(g.node) : null) ? (
                          <div className="muted small public-task" title={task}>
                            {task}
                          </div>
                        ) : null}
                      </td>
                      <td className="col-value num">
                        {target.value === null ? t(`kind.${target.kind}`) : formatTargetValue(target, lang)}
                      </td>
                      <td className="col-dept">{target.leadDepartment?.name ?? none}</td>
                      <td className="col-due num">{target.dueDate ?? p.periodEnd}</td>
                    </tr>
                  );
                })}
              </Fragment>
            ))}
          </tbody>
        </table>
      </article>
    </div>
  );
}
