import {
  DownloadOutlined,
  FileExcelOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
} from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
} from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { AuditEntryView } from "../../../../src/contract/audit.ts";
import {
  AUDIT_ENTITY_WORDS,
  type AuditEntityKind,
  auditActionOptions,
} from "../../../../src/domain/audit-words.ts";
import { useAudit, useAuditVerify, useAuditXlsx, useDepartments } from "../../api/admin-queries.ts";
import { type AuditFilter, api } from "../../api/client.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { formatDateTime } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { AuditDiff, changeText } from "./AuditDiff.tsx";

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  user?: string;
  department?: number;
  /** Each chosen option stands for one or more codes, comma-joined. */
  actions?: string[];
  entity?: string;
  /** A name, or an id when it is all digits. */
  object?: string;
  q?: string;
}

const PAGE_SIZE = 20;
/** Changes shown in the row itself; the rest when it is opened. */
const CHANGES_IN_ROW = 2;

function toFilter(v: FilterValues): AuditFilter {
  const trim = (s?: string) => s?.trim() || undefined;
  const object = trim(v.object);
  const byId = object !== undefined && /^\d+$/.test(object);
  return {
    from: v.range?.[0]?.toISOString(),
    to: v.range?.[1]?.toISOString(),
    user: trim(v.user),
    department: v.department ?? undefined,
    actions: v.actions?.length ? v.actions.join(",") : undefined,
    entity: v.entity || undefined,
    entityId: byId ? object : undefined,
    object: byId ? undefined : object,
    q: trim(v.q),
  };
}

function actionColor(action: string): string | undefined {
  if (action.includes("fail") || action.includes("locked") || action.includes("denied")) return "red";
  if (action.startsWith("auth.")) return "blue";
  if (action.includes("delete") || action.includes("disable")) return "orange";
  return undefined;
}

/** /admin/audit: search the log, page through it, see each change in words, export it, verify its chain. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const words = lang === "en-US" ? "en" : "zh";
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const audit = useAudit({ ...filter, page, pageSize: PAGE_SIZE }, lang);
  const verify = useAuditVerify();
  const xlsx = useAuditXlsx();
  const departments = useDepartments();

  const actionOptions = useMemo(
    () => auditActionOptions(words).map((o) => ({ value: o.codes.join(","), label: o.text })),
    [words],
  );
  const kindOptions = useMemo(
    () =>
      (Object.keys(AUDIT_ENTITY_WORDS) as AuditEntityKind[]).map((k) => ({
        value: k,
        label: AUDIT_ENTITY_WORDS[k][words],
      })),
    [words],
  );
  const departmentOptions = useMemo(() => {
    const list = departments.data ?? [];
    const names = list.map((d) => d.name);
    // 区人社局 is in several districts: the region tells them apart.
    return list.map((d) => ({
      value: d.id,
      label: names.filter((n) => n === d.name).length > 1 ? `${d.name}（${d.regionName}）` : d.name,
    }));
  }, [departments.data]);

  const columns: TableColumnsType<AuditEntryView> = [
    {
      key: "at",
      title: t("audit.col.at"),
      dataIndex: "at",
      width: 150,
      render: (v: string) => <span className="num">{formatDateTime(v)}</span>,
    },
    {
      key: "who",
      title: t("audit.col.who"),
      width: 170,
      render: (_: unknown, e) => (
        <div data-testid="audit-who">
          {e.userName ? <div>{e.userName}</div> : <div className="muted">{t("audit.system")}</div>}
          {e.departmentName ? <div className="muted small">{e.departmentName}</div> : null}
          {e.ip ? <div className="muted small num">{e.ip}</div> : null}
        </div>
      ),
    },
    {
      key: "action",
      title: t("audit.col.action"),
      width: 150,
      render: (_: unknown, e) => (
        <Tag color={actionColor(e.action)} data-action={e.action}>
          {e.actionText}
        </Tag>
      ),
    },
    {
      key: "object",
      title: t("audit.col.object"),
      width: 300,
      render: (_: unknown, e) => {
        const { kindText, name, period, link } = e.object;
        const label = [name, period].filter(Boolean).join(" · ");
        return (
          <div data-testid="audit-object">
            <span className="muted small">{kindText} </span>
            {label ? (
              link ? (
                <Link to={link}>{label}</Link>
              ) : (
                <span>{label}</span>
              )
            ) : (
              <span className="muted">{t("audit.object.none")}</span>
            )}
          </div>
        );
      },
    },
    {
      key: "change",
      title: t("audit.col.change"),
      render: (_: unknown, e) =>
        e.changes.length ? (
          <div className="small" data-testid="audit-change">
            {e.changes.slice(0, CHANGES_IN_ROW).map((c) => (
              <div key={c.field}>{changeText(c, t)}</div>
            ))}
            {e.changes.length > CHANGES_IN_ROW ? (
              <div className="muted">{t("audit.change.more", { count: e.changes.length })}</div>
            ) : null}
          </div>
        ) : (
          <span className="muted small">{t("common.none")}</span>
        ),
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
              type="primary"
              icon={<FileExcelOutlined />}
              loading={xlsx.isPending}
              onClick={() =>
                xlsx.mutate(filter, {
                  onSuccess: (name) => void message.success(t("audit.exported", { name })),
                  onError: (error) =>
                    void message.error(t("audit.exportFailed", { message: errorMessage(error, t) })),
                })
              }
              data-testid="audit-export-xlsx"
            >
              {t("audit.exportXlsx")}
            </Button>
            <Tooltip title={t("audit.exportCsvHint")}>
              <Button
                icon={<DownloadOutlined />}
                href={api.auditExportUrl(filter)}
                download
                data-testid="audit-export"
              >
                {t("audit.exportCsv")}
              </Button>
            </Tooltip>
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
            <Input allowClear style={{ width: 110 }} data-testid="audit-filter-user" />
          </Form.Item>
          <Form.Item name="department" label={t("audit.filter.department")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              style={{ width: 170 }}
              placeholder={t("audit.filter.departmentAll")}
              options={departmentOptions}
              loading={departments.isPending}
              data-testid="audit-filter-department"
            />
          </Form.Item>
          <Form.Item name="actions" label={t("audit.filter.action")}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              maxTagCount="responsive"
              style={{ width: 220 }}
              placeholder={t("audit.filter.actionAll")}
              options={actionOptions}
              data-testid="audit-filter-action"
            />
          </Form.Item>
          <Form.Item label={t("audit.filter.entity")}>
            <Form.Item name="entity" noStyle>
              <Select
                allowClear
                style={{ width: 120 }}
                placeholder={t("audit.filter.kindAll")}
                options={kindOptions}
                data-testid="audit-filter-kind"
              />
            </Form.Item>
            <Form.Item name="object" noStyle>
              <Input
                allowClear
                style={{ width: 170, marginLeft: 4 }}
                placeholder={t("audit.filter.objectPlaceholder")}
                data-testid="audit-filter-object"
              />
            </Form.Item>
          </Form.Item>
          <Form.Item name="q" label={t("audit.filter.q")}>
            <Input allowClear style={{ width: 160 }} placeholder={t("audit.filter.qPlaceholder")} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t("common.search")}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button
              data-testid="audit-reset"
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
              rowExpandable: (e) => e.changes.length > 0,
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
