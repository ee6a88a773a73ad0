import { PrinterOutlined } from "@ant-design/icons";
import { Button, Skeleton, Tag } from "antd";
import { Fragment, useMemo } from "react";
import { Link, useParams } from "react-router";
import type { PublicTargetView } from "../../../../src/contract/public.ts";
import { isApiError } from "../../api/client.ts";
import { usePublicPlan } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { formatCnQuantity, formatShare } from "../../format/cn-number.ts";
import { formatTargetValue } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { points, STATUS_CLASS } from "../plan/status-model.ts";
import { groupPublicTargets, publicNodeLabel, statusCounts } from "./model.ts";
import { type PublicColumn, PublicGroupRow, PublicTableHead } from "./PublicTableHead.tsx";
import { PublicTasks } from "./PublicTasks.tsx";
import "./public-print.css";

/**
 * /public/plans/:id (政务公开): a public plan's targets by area with their latest approved values and
 * statuses, then its key tasks with their lights and approved progress (PublicTasks), read only, made
 * to be printed on A4 — the header with the plan's title and the as-of date repeats on every printed
 * page, a row is never cut in two.
 */
export function PublicPlanPage() {
  const { t, lang } = useI18n();
  const raw = useParams().id ?? "";
  const id = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const plan = usePublicPlan(id);
  const groups = useMemo(
    () => (plan.data ? groupPublicTargets(plan.data.outline, plan.data.targets) : []),
    [plan.data],
  );
  const counts = useMemo(() => statusCounts(plan.data?.targets ?? []), [plan.data]);

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
      <div className="page-scroll">
        <div className="page public-plan" aria-busy="true">
          <Skeleton active paragraph={{ rows: 12 }} />
        </div>
      </div>
    );
  }
  const p = plan.data.plan;
  const asOf = plan.data.asOf;
  const none = t("common.none");
  const columns: PublicColumn[] = [
    { className: "col-index", title: t("targets.col.index") },
    { title: t("public.col.subject") },
    { className: "col-value", title: t("public.col.value") },
    { className: "col-latest", title: t("publicPage.col.latest") },
    { className: "col-status", title: t("publicPage.col.status") },
    { className: "col-dept", title: t("public.col.lead") },
    { className: "col-due", title: t("public.col.due") },
  ];
  let index = 0;
  const latest = (target: PublicTargetView) => {
    if (target.latestValue === null) return <span className="muted">{t("publicPage.noReport")}</span>;
    const value =
      target.kind === "milestone"
        ? `${target.latestValue}%`
        : formatCnQuantity(target.latestValue, target.unit, target.displayUnit, lang);
    return (
      <>
        <span className="strong">{value}</span>
        <span className="muted small">{t("publicPage.latestOf", { period: target.latestPeriod ?? "" })}</span>
      </>
    );
  };
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
            <div className="small public-asof">
              <strong data-testid="public-asof">{t("publicPage.asOf", { date: asOf })}</strong>
              {plan.data.demo ? <Tag className="public-demo">{t("publicPage.demo")}</Tag> : null}
              <span>
                {" "}
                · {t("plan.meta.period")} {p.periodStart} – {p.periodEnd}
              </span>
            </div>
            <div className="small public-summary" data-testid="public-summary">
              {t("publicPage.summary", {
                total: plan.data.targets.length,
                completed: counts.completed,
                onTrack: counts.on_track,
                behind: counts.behind,
                farBehind: counts.far_behind,
                notReported: counts.not_reported,
                notStarted: counts.not_started,
              })}
            </div>
          </div>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
            {t("common.print")}
          </Button>
        </header>
        <table className="public-table" data-testid="public-targets">
          <PublicTableHead
            columns={columns}
            printHead={
              <tr className="print-only public-print-head">
                <th colSpan={columns.length}>
                  <span className="public-print-title">{p.title}</span>
                  <span className="public-print-asof">{t("publicPage.asOf", { date: asOf })}</span>
                </th>
              </tr>
            }
          />
          <tbody>
            {groups.map((g) => (
              <Fragment key={g.node?.id ?? "none"}>
                <PublicGroupRow node={g.node} columns={columns.length} />
                {g.rows.map(({ target, task }) => {
                  index++;
                  const gap = target.gapPoints === null ? null : points(target.gapPoints);
                  return (
                    <tr key={target.id} data-status={target.status}>
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
                      <td className="col-latest num">{latest(target)}</td>
                      <td className="col-status">
                        <span className={`status-tag ${STATUS_CLASS[target.status]}`}>
                          {t(`status.${target.status}`)}
                        </span>
                        {target.completion !== null ? (
                          <div className="muted small num">
                            {t("publicPage.completion", { value: formatShare(target.completion) })}
                            {gap ? ` · ${t("status.w.points", { value: gap })}` : ""}
                          </div>
                        ) : null}
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
        <p className="muted small public-note">{t("publicPage.note")}</p>
        <PublicTasks outline={plan.data.outline} tasks={plan.data.tasks} />
      </article>
    </div>
  );
}
