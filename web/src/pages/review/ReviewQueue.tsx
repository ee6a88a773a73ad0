import { CheckOutlined, RollbackOutlined } from "@ant-design/icons";
import type { UseQueryResult } from "@tanstack/react-query";
import { Alert, App, Button, Input, Modal, Select, Table, type TableColumnsType, Tag } from "antd";
import { useMemo, useState } from "react";
import type { ReportView } from "../../../../src/contract/reports.ts";
import type { BulkReviewError } from "../../../../src/contract/review.ts";
import { useBulkReview } from "../../api/review-queries.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { formatDateTime } from "../../format/number.ts";
import { fieldText } from "../../format/revision-fields.ts";
import { targetLine } from "../../format/target-name.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import {
  bulkErrorsOf,
  bulkSelection,
  filterQueue,
  NO_FILTER,
  type QueueFilter,
  queueFacets,
} from "./review-desk-model.ts";

/** What a report says in one cell: the value with its unit, the percent, or the status word. */
export function reportedText(report: ReportView): string {
  const r = report.latest;
  if (r.value !== null) return fieldText(r, "value", report.subject);
  if (r.percent !== null) return fieldText(r, "percent", report.subject);
  return r.statusWord ?? "—";
}

/**
 * Submitted reports waiting for review: filtered by department and period, opened one by one, or
 * ticked and approved (or returned with one reason) in one action.
 */
export function ReviewQueue({
  planId,
  query,
  onOpen,
}: {
  planId: number;
  query: UseQueryResult<ReportView[]>;
  onOpen: (id: number) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const bulk = useBulkReview(planId);
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const [selected, setSelected] = useState<number[]>([]);
  const [refused, setRefused] = useState<BulkReviewError[]>([]);
  const [confirming, setConfirming] = useState<"approve" | "return" | null>(null);
  const [reason, setReason] = useState("");
  const [triedReturn, setTriedReturn] = useState(false);

  const all = query.data ?? [];
  const facets = useMemo(() => queueFacets(all), [all]);
  const visible = useMemo(() => filterQueue(all, filter), [all, filter]);
  const chosen = bulkSelection(visible, selected);
  const refusedById = new Map(refused.map((e) => [e.reportId, e]));
  const filtered = filter.departmentId !== null || filter.period !== null;

  async function runBulk(action: "approve" | "return") {
    if (action === "return") {
      setTriedReturn(true);
      if (reason.trim() === "") return;
    }
    try {
      const result = await bulk.mutateAsync({
        action,
        reports: chosen,
        ...(action === "return" ? { reason: reason.trim() } : {}),
      });
      message.success(
        t(action === "approve" ? "reviewx.bulkApproved" : "reviewx.bulkReturned", {
          count: result.reports.length,
        }),
      );
      setSelected([]);
      setRefused([]);
      setConfirming(null);
      setReason("");
      setTriedReturn(false);
    } catch (error) {
      setConfirming(null);
      const errors = bulkErrorsOf(error);
      setRefused(errors);
      if (errors.length === 0) message.error(t("reviewx.bulkFailed", { message: errorMessage(error, t) }), 6);
    }
  }

  const columns = useMemo<TableColumnsType<ReportView>>(
    () => [
      {
        key: "subject",
        title: t("review.col.subject"),
        render: (_: unknown, r) => (
          <div>
            <div>{r.subject.title}</div>
            {targetLine(r.subject, lang) ? (
              <div className="muted small">{targetLine(r.subject, lang)}</div>
            ) : null}
          </div>
        ),
      },
      {
        key: "department",
        title: t("review.col.department"),
        width: 140,
        render: (_: unknown, r) => r.department?.name ?? t("common.none"),
      },
      {
        key: "period",
        title: t("review.col.period"),
        width: 90,
        render: (_: unknown, r) => <span className="num">{r.period.key}</span>,
      },
      {
        key: "value",
        title: t("review.col.value"),
        width: 120,
        align: "right",
        render: (_: unknown, r) => <span className="num strong">{reportedText(r)}</span>,
      },
      {
        key: "submitted",
        title: t("review.col.submittedAt"),
        width: 170,
        render: (_: unknown, r) => (
          <span className="num">
            {formatDateTime(r.latest.submittedAt ?? r.updatedAt)}{" "}
            {r.late ? (
              <Tag color="orange" variant="filled">
                {t("review.late")}
              </Tag>
            ) : null}
            {r.revisionCount > 1 ? <Tag variant="filled">{t("review.resubmitted")}</Tag> : null}
          </span>
        ),
      },
      {
        key: "action",
        title: t("common.actions"),
        width: 80,
        render: (_: unknown, r) => (
          <Button size="small" type="primary" onClick={() => onOpen(r.id)} data-testid="review-open">
            {t("review.open")}
          </Button>
        ),
      },
    ],
    [t, onOpen, lang],
  );

  if (query.isError) {
    return (
      <ErrorState title={t("review.loadError")} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  return (
    <div className="review-queue" data-testid="review-queue-wrap">
      <div className="review-toolbar">
        <div className="review-filter">
          <label className="muted small" htmlFor="queue-department">
            {t("reviewx.filterDepartment")}
          </label>
          <Select<number | null>
            size="small"
            value={filter.departmentId}
            onChange={(departmentId) => setFilter((f) => ({ ...f, departmentId }))}
            options={[
              { value: null, label: t("reviewx.allDepartments") },
              ...facets.departments.map((d) => ({ value: d.id, label: d.name })),
            ]}
            popupMatchSelectWidth={false}
            style={{ minWidth: 130 }}
            id="queue-department"
            data-testid="queue-filter-department"
          />
        </div>
        <div className="review-filter">
          <label className="muted small" htmlFor="queue-period">
            {t("reviewx.filterPeriod")}
          </label>
          <Select<string | null>
            size="small"
            value={filter.period}
            onChange={(period) => setFilter((f) => ({ ...f, period }))}
            options={[
              { value: null, label: t("reviewx.allPeriods") },
              ...facets.periods.map((p) => ({ value: p, label: p })),
            ]}
            popupMatchSelectWidth={false}
            style={{ minWidth: 110 }}
            id="queue-period"
            data-testid="queue-filter-period"
          />
        </div>
        <span className="spacer" />
        <span className="muted small num" aria-live="polite">
          {t("reviewx.selected", { count: chosen.length })}
        </span>
        <Button
          size="small"
          type="primary"
          icon={<CheckOutlined />}
          disabled={chosen.length === 0}
          loading={bulk.isPending && bulk.variables?.action === "approve"}
          onClick={() => setConfirming("approve")}
          data-testid="bulk-approve"
        >
          {t("reviewx.bulkApprove", { count: chosen.length })}
        </Button>
        <Button
          size="small"
          danger
          icon={<RollbackOutlined />}
          disabled={chosen.length === 0}
          loading={bulk.isPending && bulk.variables?.action === "return"}
          onClick={() => setConfirming("return")}
          data-testid="bulk-return"
        >
          {t("reviewx.bulkReturn", { count: chosen.length })}
        </Button>
      </div>

      {refused.length > 0 ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefused([]) }}
          className="bulk-refused"
          data-testid="bulk-refused"
          title={t("reviewx.bulkRefused", { count: refused.length })}
          description={
            <ul className="bulk-refused-list small">
              {refused.map((e) => (
                <li key={e.reportId} data-report-id={e.reportId}>
                  {lang === "zh-CN" ? e.message.zh : e.message.en}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}

      <Table<ReportView>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={visible}
        loading={query.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        rowClassName={(r) => (refusedById.has(r.id) ? "row-refused" : "")}
        rowSelection={{
          selectedRowKeys: chosen.map((c) => c.id),
          onChange: (keys) => setSelected(keys.map(Number)),
          getCheckboxProps: (r) => ({
            "aria-label": t("reviewx.selectRow", { subject: `${r.subject.title} ${r.period.key}` }),
          }),
        }}
        locale={{
          emptyText: filtered ? (
            <div className="muted">
              {t("reviewx.queueFilteredEmpty")}{" "}
              <Button size="small" type="link" onClick={() => setFilter(NO_FILTER)}>
                {t("reviewx.clearFilters")}
              </Button>
            </div>
          ) : (
            t("review.queueEmpty")
          ),
        }}
        data-testid="review-queue"
      />

      <Modal
        open={confirming === "approve"}
        title={t("reviewx.bulkConfirmTitle", { count: chosen.length })}
        onCancel={() => setConfirming(null)}
        onOk={() => void runBulk("approve")}
        okText={t("review.approve")}
        cancelText={t("common.cancel")}
        confirmLoading={bulk.isPending}
        okButtonProps={{ "data-testid": "bulk-approve-confirm" } as Record<string, string>}
      >
        <p>{t("reviewx.bulkConfirmBody")}</p>
        <ul className="small bulk-list">
          {visible
            .filter((r) => chosen.some((c) => c.id === r.id))
            .map((r) => (
              <li key={r.id}>
                {r.subject.title} · <span className="num">{r.period.key}</span> · {r.department?.name ?? ""} ·{" "}
                <span className="num">{reportedText(r)}</span>
              </li>
            ))}
        </ul>
      </Modal>
      <Modal
        open={confirming === "return"}
        title={t("reviewx.bulkReturnTitle", { count: chosen.length })}
        onCancel={() => setConfirming(null)}
        onOk={() => void runBulk("return")}
        okText={t("review.returnConfirm")}
        okButtonProps={{
          danger: true,
          ...({ "data-testid": "bulk-return-confirm" } as Record<string, string>),
        }}
        cancelText={t("common.cancel")}
        confirmLoading={bulk.isPending}
        destroyOnHidden
      >
        <label htmlFor="bulk-return-reason">{t("reviewx.bulkReturnReason")}</label>
        <Input.TextArea
          id="bulk-return-reason"
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          status={triedReturn && reason.trim() === "" ? "error" : undefined}
          data-testid="bulk-return-reason"
        />
        {triedReturn && reason.trim() === "" ? (
          <div className="field-error small">{t("review.returnReasonRequired")}</div>
        ) : null}
      </Modal>
    </div>
  );
}
