import { BellOutlined } from "@ant-design/icons";
import type { UseQueryResult } from "@tanstack/react-query";
import { App, Button, Table, type TableColumnsType, Tag } from "antd";
import { type Key, useState } from "react";
import type { DueItem, PlanDueView } from "../../../../src/contract/reminders.ts";
import { useRemind } from "../../api/review-queries.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { formatDateTime } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { chaseable, itemReminderMessage } from "./review-desk-model.ts";

type Row = PlanDueView["departments"][number];

const itemKey = (i: DueItem) => `${i.subject.kind}:${i.subject.id}:${i.period.key}`;

/**
 * Departments with reports overdue or coming due, overdue first, each open on its reports: one click
 * reminds a department of one report (催报 on the report's line) or of everything it has overdue.
 */
export function OverdueTable({ planId, query }: { planId: number; query: UseQueryResult<PlanDueView> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const remind = useRemind(planId);
  // null until the planner opens or closes a row: then the overdue departments are open (the data
  // arrives after the first render, so a default set once would open nothing).
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const asOf = query.data?.asOf ?? "";
  // Which button is sending: a department id alone, or department and report.
  const sending = remind.isPending ? remind.variables : undefined;

  async function send(departmentId: number, text: string | undefined, done: string) {
    try {
      await remind.mutateAsync({ departmentId, ...(text ? { message: text } : {}) });
      message.success(done);
    } catch (error) {
      message.error(t("review.failed", { message: errorMessage(error, t) }), 6);
    }
  }

  // Built every render: the buttons follow which reminder is being sent.
  const columns: TableColumnsType<Row> = [
    {
      key: "department",
      title: t("review.col.department"),
      render: (_: unknown, r) => r.department?.name ?? t("reviewx.noDepartment"),
    },
    {
      key: "overdue",
      title: t("review.col.overdue"),
      width: 80,
      align: "right",
      render: (_: unknown, r) =>
        r.overdue > 0 ? (
          <Tag color="red" variant="filled" className="num">
            {r.overdue}
          </Tag>
        ) : (
          <span className="muted num">0</span>
        ),
    },
    {
      key: "due",
      title: t("review.col.dueCount"),
      width: 80,
      align: "right",
      render: (_: unknown, r) => <span className="num">{r.due}</span>,
    },
    {
      key: "last",
      title: t("review.col.lastReminder"),
      width: 150,
      render: (_: unknown, r) =>
        r.lastReminderAt ? (
          <span className="num">{formatDateTime(r.lastReminderAt)}</span>
        ) : (
          <span className="muted">{t("review.never")}</span>
        ),
    },
    {
      key: "action",
      title: t("common.actions"),
      width: 150,
      render: (_: unknown, r) => {
        const dept = r.department;
        if (!dept) return null;
        const count = chaseable(r.items).length;
        return (
          <Button
            size="small"
            icon={<BellOutlined />}
            danger={r.overdue > 0}
            title={t("reviewx.remindAllTitle")}
            loading={sending?.departmentId === dept.id && sending.message === undefined}
            data-testid="remind"
            data-department={dept.name}
            onClick={() => void send(dept.id, undefined, t("review.reminded", { department: dept.name }))}
          >
            {count > 0 ? t("reviewx.remindAll", { count }) : t("review.remind")}
          </Button>
        );
      },
    },
  ];

  if (query.isError) {
    return (
      <ErrorState title={t("review.loadError")} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  const rows = (query.data?.departments ?? []).filter((d) => d.overdue > 0 || d.due > 0);
  return (
    <>
      {query.data ? (
        <p className="muted small">
          {t("review.asOf", { date: query.data.asOf })} · {t("reviewx.overdueHint")}
        </p>
      ) : null}
      <Table<Row>
        size="small"
        rowKey={(r) => r.department?.id ?? 0}
        columns={columns}
        dataSource={rows}
        loading={query.isPending}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: t("review.overdueEmpty") }}
        data-testid="overdue-table"
        expandable={{
          // Overdue departments open: their reports, each with its own 催报, need no extra click.
          expandedRowKeys: expanded ?? rows.filter((r) => r.overdue > 0).map((r) => r.department?.id ?? 0),
          onExpandedRowsChange: (keys) => setExpanded(keys),
          expandedRowRender: (r) => (
            <ul className="overdue-items small">
              {r.items.map((i) => {
                const dept = r.department;
                const text = dept ? itemReminderMessage(i, dept.name, asOf) : "";
                return (
                  <li
                    key={itemKey(i)}
                    className="overdue-item"
                    data-testid="overdue-item"
                    data-state={i.state}
                  >
                    <Tag color={i.state === "overdue" ? "red" : "default"} variant="filled">
                      {t(`desk.state.${i.state}`)}
                    </Tag>
                    <span className="overdue-subject">{i.subject.title}</span>{" "}
                    <span className="muted num">
                      {i.period.key} · {t("desk.dueOn", { date: i.dueDate })}
                      {i.state === "overdue"
                        ? ` · ${t("reviewx.daysOver", { count: Math.abs(i.daysLeft) })}`
                        : ""}
                    </span>
                    {dept && (i.state === "overdue" || i.state === "returned") ? (
                      <Button
                        size="small"
                        type="link"
                        icon={<BellOutlined />}
                        title={t("reviewx.remindItemTitle")}
                        loading={sending?.departmentId === dept.id && sending.message === text}
                        data-testid="remind-item"
                        onClick={() =>
                          void send(
                            dept.id,
                            text,
                            t("reviewx.remindedItem", { subject: i.subject.title, department: dept.name }),
                          )
                        }
                      >
                        {t("reviewx.remindItem")}
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ),
          rowExpandable: (r) => r.items.length > 0,
        }}
      />
    </>
  );
}
