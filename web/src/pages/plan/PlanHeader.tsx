import {
  CheckCircleOutlined,
  DashboardOutlined,
  EditOutlined,
  EyeOutlined,
  FundOutlined,
  GlobalOutlined,
  LinkOutlined,
} from "@ant-design/icons";
import { App, Button, Switch, Tag, Tooltip } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { PlanDetail } from "../../../../src/contract/plans.ts";
import { useSetPlanPublic } from "../../api/queries.ts";
import { useCurrentUser } from "../../api/session.ts";
import { can } from "../../auth/access.ts";
import { DocumentsMenu } from "../../components/documents/DocumentsMenu.tsx";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { PublishDialog } from "../editor/PublishDialog.tsx";
import { isFiveYearPlan } from "../five-year/five-year-model.ts";
import { StateTag } from "../plan-list/StateTag.tsx";

export function PlanHeader({ detail }: { detail: PlanDetail }) {
  const plan = detail.plan;
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  // The editor's own pre-publish check (what is unassigned or unclear), not a bare confirmation.
  const [publishing, setPublishing] = useState(false);
  const setPublic = useSetPlanPublic(plan.id);
  const role = useCurrentUser()?.role;
  const mayPublish = can(role, "plans.publish");
  const mayMakePublic = can(role, "plans.makePublic");
  const canPublish = plan.state === "draft";
  // A five-year plan is evaluated by year (五年规划评估); an annual plan's targets are linked to one.
  const fiveYear = isFiveYearPlan(plan);

  async function togglePublic(next: boolean) {
    try {
      await setPublic.mutateAsync(next);
      message.success(t(next ? "public.madePublic" : "public.madePrivate"));
    } catch (error) {
      message.error(t("public.failed", { message: errorMessage(error, t) }), 6);
    }
  }

  const meta = [
    plan.regionName,
    plan.year !== null ? String(plan.year) : null,
    plan.issuer ? t("plan.meta.issuer", { value: plan.issuer }) : null,
    plan.published ? t("plan.meta.published", { value: plan.published }) : null,
  ].filter((x): x is string => x !== null);

  return (
    <div className="plan-header">
      <nav className="crumbs" aria-label="breadcrumb">
        <Link to="/">{t("nav.plans")}</Link>
        <span aria-hidden="true">/</span>
      </nav>
      <h1 className="plan-title" title={plan.title}>
        {plan.title}
      </h1>
      <StateTag state={plan.state} />
      <span className="plan-meta muted small">{meta.join(" · ")}</span>
      <span className="plan-counts small">
        {t("plan.counts", {
          areas: plan.counts.areas,
          groups: plan.counts.groups,
          tasks: plan.counts.tasks,
          targets: plan.counts.targets,
          milestones: plan.counts.milestones,
          items: plan.counts.items,
        })}
      </span>
      <span className="spacer" />
      {mayPublish ? (
        <Link to={`/plans/${plan.id}/edit`} className="small" data-testid="editor-link">
          <EditOutlined /> {t("editor.open")}
        </Link>
      ) : null}
      {fiveYear ? (
        <Link to={`/plans/${plan.id}/five-year`} className="small" data-testid="five-year-link">
          <FundOutlined /> {t("fy.open")}
        </Link>
      ) : (
        <Link to={`/plans/${plan.id}/cockpit`} className="small" data-testid="cockpit-link">
          <DashboardOutlined /> {t("cockpit.open")}
        </Link>
      )}
      {!fiveYear && mayPublish ? (
        <Link to={`/plans/${plan.id}/five-year-links`} className="small" data-testid="five-year-links-link">
          <LinkOutlined /> {t("fy.links.open")}
        </Link>
      ) : null}
      {plan.isPublic ? (
        <Link to={`/public/plans/${plan.id}`} className="small" data-testid="public-link">
          <EyeOutlined /> {t("public.openLink")}
        </Link>
      ) : null}
      {mayMakePublic ? (
        <Tooltip
          title={plan.state === "draft" ? t("public.draftHint") : t("public.toggleHint", { id: plan.id })}
        >
          <span className="public-toggle">
            <GlobalOutlined aria-hidden="true" />
            <span id="public-toggle-label">{t("public.toggle")}</span>
            <Switch
              aria-labelledby="public-toggle-label"
              size="small"
              checked={plan.isPublic}
              disabled={plan.state === "draft" && !plan.isPublic}
              loading={setPublic.isPending}
              onChange={(next) => void togglePublic(next)}
              data-testid="public-toggle"
            />
          </span>
        </Tooltip>
      ) : plan.isPublic ? (
        <Tag icon={<GlobalOutlined />}>{t("public.toggle")}</Tag>
      ) : null}
      <DocumentsMenu planId={plan.id} departments={detail.departments} />
      {mayPublish ? (
        <Tooltip title={canPublish ? undefined : t("plan.alreadyPublished")}>
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={!canPublish}
            onClick={() => setPublishing(true)}
            data-testid="publish-button"
          >
            {t("plan.publish")}
          </Button>
        </Tooltip>
      ) : (
        <Tag className="readonly-tag" data-testid="read-only">
          {t("public.readonlyNote")}
        </Tag>
      )}
      {mayPublish && canPublish ? (
        <PublishDialog
          detail={detail}
          open={publishing}
          onClose={() => setPublishing(false)}
          onShowUnassigned={() => navigate(`/plans/${plan.id}/edit`)}
        />
      ) : null}
    </div>
  );
}
