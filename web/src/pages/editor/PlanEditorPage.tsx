import { ArrowLeftOutlined, CopyOutlined, SendOutlined, SettingOutlined } from "@ant-design/icons";
import { Alert, Button, Skeleton, Space, Tabs } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { isApiError } from "../../api/client.ts";
import { usePlan } from "../../api/queries.ts";
import { useCurrentUser } from "../../api/session.ts";
import { usePlanTasks } from "../../api/task-queries.ts";
import { can } from "../../auth/access.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { StateTag } from "../plan-list/StateTag.tsx";
import { EMPTY_TASK_FILTER, type TaskFilter } from "../tasks/task-model.ts";
import { BulkBar } from "./BulkBar.tsx";
import { CopyDialog } from "./CopyDialog.tsx";
import { EditorFilters } from "./EditorFilters.tsx";
import { EditorTable } from "./EditorTable.tsx";
import {
  areaByNode,
  areasWithTargets,
  type EditorFilter,
  EMPTY_FILTER,
  filterEditorTargets,
} from "./editor-model.ts";
import { PlanLifecycleButtons } from "./PlanLifecycleButtons.tsx";
import { PublishDialog } from "./PublishDialog.tsx";
import { SettingsDrawer } from "./SettingsDrawer.tsx";
import { TargetDrawer } from "./TargetDrawer.tsx";
import { TaskTab } from "./TaskTab.tsx";
import { targetTabCounts, taskTabCounts } from "./task-editor-model.ts";
import "./editor.css";

/** /plans/:id/edit — the planner's editor: bulk assignment, kinds, baselines, 分期计划, thresholds, publish, copy. */
export function PlanEditorPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const raw = useParams().id ?? "";
  const planId = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const plan = usePlan(planId);
  const role = useCurrentUser()?.role;
  const [filter, setFilter] = useState<EditorFilter>(EMPTY_FILTER);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [editing, setEditing] = useState<number | null>(null);
  const [dialog, setDialog] = useState<"settings" | "publish" | "copy" | null>(null);
  const [tab, setTab] = useState<"targets" | "tasks">("targets");
  const [taskFilter, setTaskFilter] = useState<TaskFilter>(EMPTY_TASK_FILTER);
  // The same query as the 任务 tab's: the tab's label counts without a second request.
  const tasks = usePlanTasks(Number.isFinite(planId) ? planId : null);
  const taskCounts = useMemo(() => taskTabCounts(tasks.data?.tasks ?? []), [tasks.data]);

  const detail = plan.data;
  const areas = useMemo(() => areaByNode(detail?.outline ?? []), [detail]);
  const ordered = useMemo(
    () => [...(detail?.targets ?? [])].sort((a, b) => a.start - b.start || a.id - b.id),
    [detail],
  );
  const areaList = useMemo(
    () => (detail ? areasWithTargets(detail.outline, detail.targets, areas) : []),
    [detail, areas],
  );
  const rows = useMemo(() => filterEditorTargets(ordered, filter, areas), [ordered, filter, areas]);
  const targetCounts = useMemo(() => targetTabCounts(ordered), [ordered]);

  if (!Number.isFinite(planId) || plan.isError) {
    const notFound = !Number.isFinite(planId) || (isApiError(plan.error) && plan.error.status === 404);
    return (
      <div className="page-scroll">
        <ErrorState
          title={t("editor.loadError")}
          error={notFound ? new Error(t("plan.notFound", { id: raw })) : plan.error}
          onRetry={notFound ? undefined : () => void plan.refetch()}
          extra={<Button onClick={() => navigate("/")}>{t("common.backToPlans")}</Button>}
        />
      </div>
    );
  }

  const mayEdit = can(role, "plans.edit") && detail?.plan.state !== "closed";
  const editingTarget = editing === null ? null : (detail?.targets.find((x) => x.id === editing) ?? null);

  return (
    <div className="page-scroll">
      <div className="page editor-page" data-testid="plan-editor">
        <div className="page-head editor-head">
          <div className="editor-head-title">
            <nav className="crumbs small" aria-label="breadcrumb">
              <Link to="/">{t("nav.plans")}</Link>
              <span aria-hidden="true"> / </span>
              <Link to={`/plans/${planId}`}>
                <ArrowLeftOutlined /> {t("editor.backToPlan")}
              </Link>
            </nav>
            {detail ? (
              <h1 className="page-title" title={detail.plan.title}>
                {t("editor.title")} · {detail.plan.title} <StateTag state={detail.plan.state} />
              </h1>
            ) : (
              <Skeleton.Input active size="small" style={{ width: 360 }} />
            )}
          </div>
          <Space wrap>
            {detail && can(role, "plans.edit") ? <PlanLifecycleButtons plan={detail.plan} /> : null}
            <Button
              icon={<SettingOutlined />}
              onClick={() => setDialog("settings")}
              disabled={!detail}
              data-testid="editor-settings"
            >
              {t("editor.settings.open")}
            </Button>
            {can(role, "plans.edit") ? (
              <Button
                icon={<CopyOutlined />}
                onClick={() => setDialog("copy")}
                disabled={!detail}
                data-testid="editor-copy"
              >
                {t("editor.copy")}
              </Button>
            ) : null}
            {can(role, "plans.publish") ? (
              <Button
                type="primary"
                icon={<SendOutlined />}
                onClick={() => setDialog("publish")}
                disabled={detail?.plan.state !== "draft"}
                title={detail && detail.plan.state !== "draft" ? t("editor.publish.already") : undefined}
                data-testid="editor-publish"
              >
                {t("editor.publish")}
              </Button>
            ) : null}
          </Space>
        </div>
        {detail && !can(role, "plans.edit") ? (
          <Alert type="info" showIcon title={t("editor.readonly")} className="editor-alert" />
        ) : null}
        {detail?.plan.state === "closed" ? (
          <Alert type="warning" showIcon title={t("editor.closed")} className="editor-alert" />
        ) : null}
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key === "tasks" ? "tasks" : "targets")}
          className="editor-tabs"
          items={[
            {
              key: "targets",
              label: (
                <TabLabel
                  testId="editor-tab-targets"
                  label={t("taskEditor.tab.targets", { count: targetCounts.active })}
                  stopped={targetCounts.stopped}
                />
              ),
            },
            {
              key: "tasks",
              label: (
                <TabLabel
                  testId="editor-tab-tasks"
                  label={t("taskEditor.tab.tasks", { count: tasks.data ? taskCounts.active : "…" })}
                  stopped={taskCounts.stopped}
                />
              ),
            },
          ]}
        />
        {tab === "tasks" && detail ? (
          <TaskTab planId={planId} detail={detail} mayEdit={mayEdit} initialFilter={taskFilter} />
        ) : null}
        {tab === "targets" ? (
          <EditorFilters
            filter={filter}
            onChange={setFilter}
            areas={areaList}
            departments={detail?.departments ?? []}
            shown={rows.length}
            total={ordered.length}
          />
        ) : null}
        {tab === "targets" && mayEdit && detail ? (
          <BulkBar
            planId={planId}
            targets={ordered}
            selected={selected}
            departments={detail.departments}
            onClear={() => setSelected(new Set())}
          />
        ) : null}
        {tab !== "targets" ? null : detail ? (
          <EditorTable
            planId={planId}
            planState={detail.plan.state}
            rows={rows}
            total={ordered.length}
            areas={areas}
            selectable={mayEdit}
            selected={selected}
            onSelect={setSelected}
            onEdit={setEditing}
          />
        ) : (
          <Skeleton active paragraph={{ rows: 12 }} title={false} />
        )}
      </div>
      {detail ? (
        <>
          <TargetDrawer
            planId={planId}
            target={editingTarget}
            readOnly={!mayEdit}
            onClose={() => setEditing(null)}
          />
          <SettingsDrawer
            planId={planId}
            open={dialog === "settings"}
            readOnly={!mayEdit}
            onClose={() => setDialog(null)}
          />
          <PublishDialog
            detail={detail}
            open={dialog === "publish"}
            onClose={() => setDialog(null)}
            onShowUnassigned={() => {
              setFilter({ ...EMPTY_FILTER, unassignedOnly: true });
              setTab("targets");
              setDialog(null);
            }}
            onShowTasksUnassigned={() => {
              setTaskFilter({ ...EMPTY_TASK_FILTER, department: "none" });
              setTab("tasks");
              setDialog(null);
            }}
          />
          <CopyDialog plan={detail.plan} open={dialog === "copy"} onClose={() => setDialog(null)} />
        </>
      ) : null}
    </div>
  );
}

/** A tab's name with how many it holds, and how many of them are stopped (counted apart) when any is. */
function TabLabel({ testId, label, stopped }: { testId: string; label: string; stopped: number }) {
  const { t } = useI18n();
  return (
    <span data-testid={testId}>
      {label}
      {stopped > 0 ? (
        <span className="muted"> · {t("taskEditor.tab.stopped", { count: stopped })}</span>
      ) : null}
    </span>
  );
}
