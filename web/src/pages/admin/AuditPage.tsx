import { DownloadOutlined, SafetyCertificateOutlined, SearchOutlined } from "@ant-design/icons";
import { Alert, Button, DatePicker, Form, Input, Table, type TableColumnsType, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { AuditEntryView } from "../../../../src/contract/audit.ts";
import { useAudit, useAuditVerify } from "../../api/admin-queries.ts";
import { type AuditFilter, api } from "../../api/client.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { formatDateTime } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { AuditDiff, diffSummary } from "./AuditDiff.tsx";

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  user?: string;
  action?: string;
  entity?: string;
  q?: string;
}

const PAGE_SIZE = 20;

function toFilter(v: FilterValues): AuditFilter {
  const trim = (s?: string) => s?.trim() || undefined;
  return {
    from: v.range?.[0]?.toISOString(),
    to: v.range?.[1]?.toISOString(),
    user: trim(v.user),
    action: trim(v.action),
    entity: trim(v.entity),
    q: trim(v.q),
  };
}

function actionColor(action: string): string | undefined {
  if (action.includes("fail") || action.includes("locked") || action.includes("denied")) return "red";
  if (action.startsWith("auth.")) return "blue";
  if (action.includes("delete") || action.includes("disable")) return "orange";
  return undefined;
}

/** /admin/audit: search the log, page through it, see each change, export it, verify its chain. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const audit = useAudit({ ...filter, page, pageSize: PAGE_SIZE });
  const verify = useAuditVerify();

  const columns: TableColumnsType<AuditEntryView> = [
    {
      key: "at",
      title: t("audit.col.at"),
      dataIndex: "at",
      width: 150,
      render: (v: string) => <span className="num">{formatDateTime(v)}</span>,
    },
    {
      key: "user",
      title: t("audit.col.user"),
      dataIndex: "username",
      width: 120,
      render: (v: string | null) =>
        v ? <span className="mono">{v}</span> : <span className="muted">{t("audit.system")}</span>,
    },
    {
      key: "ip",
      title: t("audit.col.ip"),
      dataIndex: "ip",
      width: 120,
      render: (v: string | null) => <span className="mono small">{v ?? t("common.none")}</span>,
    },
    {
      key: "action",
      title: t("audit.col.action"),
      dataIndex: "action",
      width: 170,
      render: (v: string) => (
        <Tag color={actionColor(v)} className="mono">
          {v}
        </Tag>
      ),
    },
    {
      key: "entity",
      title: t("audit.col.entity"),
      width: 140,
      render: (_: unknown, e) => (
        <span className="mono">
          {e.entity}
          {e.entityId ? <span className="muted"> #{e.entityId}</span> : null}
        </span>
      ),
    },
    {
      key: "change",
      title: t("audit.col.change"),
      ellipsis: true,
      render: (_: unknown, e) => {
        const fields = diffSummary(e);
        return fields.length ? (
          <span className="small">
            <span className="muted">{t("audit.diff.summary", { count: fields.length })}: </span>
            <span className="mono">{fields.join(", ")}</span>
          </span>
        ) : (
          <span className="muted small">{t("common.none")}</span>
        );
      },
    },
  ];

  const result = verify.data;
  return (
    <div className="page-scroll">
      <div className="page" data-testid="audit-page">
        <div className="page-head">
          <div>
            <h1 className="page-title">{t("audit.title")}</h1>
            <div className="muted small">{t("audit.intro")}</div>
          </div>
          <div className="head-actions">
            <Button
              icon={<DownloadOutlined />}
              href={api.auditExportUrl(filter)}
              download
              data-testid="audit-export"
            >
              {t("audit.export")}
            </Button>
            <Button
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
              data-testid="audit-verify"
            >
              {t("audit.verify")}
            </Button>
          </div>
        </div>
        {result ? (
          <Alert
            className="block-alert"
            type={result.ok ? "success" : "error"}
            showIcon
            closable={{ onClose: () => verify.reset() }}
            data-testid="audit-verify-result"
            title={
              result.ok
                ? t("audit.verifyOk", { count: result.checked })
                : t("audit.verifyBroken", {
                    id: result.brokenAt ?? "?",
                    count: result.checked,
                    reason: result.reason ? (lang === "zh-CN" ? result.reason.zh : result.reason.en) : "",
                  })
            }
            description={
              <>
                {result.lastCheckpoint ? (
                  <p className="small">
                    {t("audit.verifyCheckpoint", {
                      at: result.lastCheckpoint.at,
                      seq: result.lastCheckpoint.seq,
                    })}
                  </p>
                ) : null}
                {/* Every finding, as `plantrack audit verify` lists them; the title names the first. */}
                {result.findings.length > 1 ? (
                  <ul data-testid="audit-verify-findings">
                    {result.findings.map((f) => (
                      <li key={f.en}>{lang === "zh-CN" ? f.zh : f.en}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            }
          />
        ) : null}
        {verify.isError ? (
          <Alert
            className="block-alert"
            type="error"
            showIcon
            title={t("audit.verifyFailed", { message: errorMessage(verify.error, t) })}
          />
        ) : null}
        <Form<FilterValues>
          form={form}
          layout="inline"
          className="filter-bar"
          onFinish={(v) => {
            setFilter(toFilter(v));
            setPage(1);
          }}
          data-testid="audit-filter"
        >
          <Form.Item name="range" label={t("audit.filter.time")}>
            <DatePicker.RangePicker
              showTime={{ format: "HH:mm" }}
              format="YYYY-MM-DD HH:mm"
              allowEmpty={[true, true]}
            />
          </Form.Item>
          <Form.Item name="user" label={t("audit.filter.user")}>
            <Input allowClear style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="action" label={t("audit.filter.action")}>
            <Input allowClear style={{ width: 130 }} placeholder="auth.login" />
          </Form.Item>
          <Form.Item name="entity" label={t("audit.filter.entity")}>
            <Input allowClear style={{ width: 100 }} placeholder="target" />
          </Form.Item>
          <Form.Item name="q" label={t("audit.filter.q")}>
            <Input allowClear style={{ width: 180 }} placeholder={t("audit.filter.qPlaceholder")} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t("common.search")}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => {
                form.resetFields();
                setFilter({});
                setPage(1);
              }}
            >
              {t("common.reset")}
            </Button>
          </Form.Item>
        </Form>
        {audit.isError ? (
          <ErrorState title={t("audit.loadError")} error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <Table<AuditEntryView>
            data-testid="audit-table"
            size="small"
            bordered
            rowKey="id"
            loading={audit.isFetching}
            columns={columns}
            dataSource={audit.data?.entries ?? []}
            expandable={{
              expandedRowRender: (e) => <AuditDiff entry={e} />,
              rowExpandable: (e) => diffSummary(e).length > 0,
            }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: audit.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
              showTotal: (total) => t("audit.total", { count: total }),
            }}
          />
        )}
      </div>
    </div>
  );
}
