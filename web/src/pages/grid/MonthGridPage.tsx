import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, App, Button, Select, Skeleton, Tabs } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { MonthGridMonth } from "../../../../src/contract/month-grid.ts";
import { useMonthGrid } from "../../api/grid-queries.ts";
import { useCurrentUser } from "../../api/session.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { GridSheet } from "./GridSheet.tsx";
import { isDirty, monthLabel, type RowDraft, rowKey } from "./grid-model.ts";
import { HistoryPanel } from "./HistoryPanel.tsx";
import "./grid.css";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * /desk/grid?month=2020-06 — the reporter's month sheet: every target and task the department reports
 * for the month on one page (returned ones first), and the department's report history.
 */
export function MonthGridPage() {
  const { t, lang } = useI18n();
  const { modal } = App.useApp();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const asked = params.get("month");
  const month = asked && MONTH.test(asked) ? asked : null;
  const tab = params.get("tab") === "history" ? "history" : "sheet";
  const grid = useMonthGrid(month);
  const [edits, setEdits] = useState<Record<string, RowDraft>>({});
  const unsaved = (grid.data?.rows ?? []).filter((r) => {
    const draft = edits[rowKey(r)];
    return draft !== undefined && isDirty(draft, r);
  }).length;

  function go(next: { month?: string; tab?: string }) {
    const search = new URLSearchParams(params);
    if (next.month) search.set("month", next.month);
    if (next.tab) {
      if (next.tab === "history") search.set("tab", "history");
      else search.delete("tab");
    }
    setParams(search);
  }

  function chooseMonth(next: string) {
    if (unsaved === 0) {
      setEdits({});
      go({ month: next });
      return;
    }
    modal.confirm({
      title: t("grid.leaveConfirm", { count: unsaved }),
      okText: t("grid.leaveOk"),
      cancelText: t("common.cancel"),
      onOk: () => {
        setEdits({});
        go({ month: next });
      },
    });
  }

  const monthOption = (m: MonthGridMonth) => {
    const label = monthLabel(m.key, lang);
    if (m.open === 0) return t("grid.monthOptionDone", { month: label });
    return m.returned > 0
      ? t("grid.monthOptionReturned", { month: label, open: m.open, returned: m.returned })
      : t("grid.monthOption", { month: label, open: m.open });
  };

  const data = grid.data;
  const returnedElsewhere = data ? data.months.filter((m) => m.returned > 0 && m.key !== data.month) : [];
  const department = data?.department?.name ?? user?.departmentName ?? "";
  const counts = data
    ? {
        rows: data.rows.length,
        open: data.rows.filter((r) => ["due", "overdue", "draft", "returned"].includes(r.state)).length,
        returned: data.rows.filter((r) => r.state === "returned").length,
        done: data.rows.filter((r) => r.state === "submitted" || r.state === "approved").length,
      }
    : null;

  return (
    <div className="page-scroll">
      <div className="grid-page" data-testid="grid-page">
        <Link to="/desk" className="desk-back small">
          <ArrowLeftOutlined /> {t("grid.back")}
        </Link>
        <header className="grid-head">
          <h1 className="page-title">{t("grid.title")}</h1>
          {data ? <span className="muted small">{t("grid.asOf", { date: data.asOf })}</span> : null}
          {data ? (
            <Select
              className="grid-month"
              aria-label={t("grid.month")}
              value={data.month}
              onChange={chooseMonth}
              data-testid="grid-month"
              popupMatchSelectWidth={false}
              options={data.months.map((m) => ({ value: m.key, label: monthOption(m) }))}
            />
          ) : null}
        </header>
        {grid.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : grid.isError ? (
          <ErrorState title={t("grid.loadError")} error={grid.error} onRetry={() => void grid.refetch()} />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(key) => go({ tab: key })}
            items={[
              {
                key: "sheet",
                label: t("grid.tab.sheet"),
                children: (
                  <>
                    <p className="grid-intro small">{t("grid.intro", { department })}</p>
                    {returnedElsewhere.length > 0 ? (
                      <Alert
                        type="warning"
                        showIcon
                        className="grid-returned-alert"
                        data-testid="grid-returned-elsewhere"
                        title={t("grid.returnedElsewhere", {
                          months: returnedElsewhere
                            .map((m) =>
                              t("grid.returnedMonth", { month: monthLabel(m.key, lang), count: m.returned }),
                            )
                            .join(lang === "zh-CN" ? "，" : ", "),
                        })}
                        action={
                          <Button size="small" onClick={() => chooseMonth(returnedElsewhere[0]?.key ?? "")}>
                            {monthLabel(returnedElsewhere[0]?.key ?? "", lang)}
                          </Button>
                        }
                      />
                    ) : null}
                    {counts ? (
                      <p className="small grid-summary" data-testid="grid-summary">
                        {t("grid.summary", counts)}
                      </p>
                    ) : null}
                    {data ? (
                      <GridSheet key={data.month} grid={data} edits={edits} setEdits={setEdits} />
                    ) : null}
                  </>
                ),
              },
              { key: "history", label: t("grid.tab.history"), children: <HistoryPanel /> },
            ]}
          />
        )}
      </div>
    </div>
  );
}
