import { TableOutlined } from "@ant-design/icons";
import { Alert, Empty, Skeleton } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import { useMyDue } from "../../api/monitoring-queries.ts";
import { useCurrentUser } from "../../api/session.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { DeskTasks } from "./DeskTasks.tsx";
import { DueCard } from "./DueCard.tsx";
import { RemindersCard } from "./RemindersCard.tsx";
import { dueKey, sortDue } from "./report-model.ts";

/** /desk: what the reporter's department owes, overdue and returned first, and the reminders received. */
export function DeskPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const due = useMyDue();
  const items = useMemo(() => sortDue(due.data?.items ?? []), [due.data]);
  const counts = useMemo(() => {
    const c = { due: 0, overdue: 0, returned: 0, draft: 0 };
    for (const i of items) c[i.state]++;
    return c;
  }, [items]);
  // With reports owed to more than one plan, each card says which.
  const manyPlans = new Set(items.map((i) => i.planId)).size > 1;
  const department = due.data?.department?.name ?? user?.departmentName ?? null;

  return (
    <div className="page-scroll">
      <div className="desk" data-testid="desk-page">
        <header className="desk-head">
          <h1 className="page-title">{t("desk.title")}</h1>
          {due.data ? <span className="muted small">{t("desk.asOf", { date: due.data.asOf })}</span> : null}
          <Link to="/desk/grid" className="desk-grid-link" data-testid="desk-grid-link">
            <TableOutlined /> {t("grid.deskLink")}
          </Link>
        </header>
        {due.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : due.isError ? (
          <ErrorState title={t("desk.loadError")} error={due.error} onRetry={() => void due.refetch()} />
        ) : (
          <>
            {department ? (
              <p className="desk-intro">{t("desk.intro", { department })}</p>
            ) : (
              <Alert type="info" showIcon title={t("desk.noDepartment")} />
            )}
            <RemindersCard reminders={due.data.reminders} />
            <DeskTasks />
            <h2 className="tw-desk-section-title tw-desk-targets-title">{t("taskw.desk.targetsTitle")}</h2>
            {items.length > 0 ? (
              <>
                <p className="desk-summary small" data-testid="desk-summary">
                  {t("desk.summary", counts)}
                </p>
                <ul className="due-list" data-testid="due-list">
                  {items.map((item) => (
                    <DueCard key={dueKey(item)} item={item} showPlan={manyPlans} />
                  ))}
                </ul>
              </>
            ) : (
              <Empty description={t("desk.empty")} />
            )}
          </>
        )}
      </div>
    </div>
  );
}
