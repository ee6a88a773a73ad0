import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, Modal, Select, Table, type TableColumnsType, Tag } from "antd";
import { useEffect, useState } from "react";
import type { DepartmentView } from "../../../../src/contract/users.ts";
import { useDepartments, useRegions, useSaveDepartment } from "../../api/admin-queries.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

interface Values {
  name: string;
  shortName: string;
  regionId: number;
}

/** /admin/departments: each region's departments; create and rename. */
export function DepartmentsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const departments = useDepartments();
  const regions = useRegions();
  const save = useSaveDepartment();
  const [editing, setEditing] = useState<DepartmentView | "new" | null>(null);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (editing === null) return;
    if (editing === "new") {
      form.setFieldsValue({ name: "", shortName: "", regionId: regions.data?.[0]?.id });
    } else {
      form.setFieldsValue({
        name: editing.name,
        shortName: editing.shortName ?? "",
        regionId: editing.regionId,
      });
    }
  }, [editing, form, regions.data]);

  async function submit(values: Values) {
    const shortName = values.shortName?.trim() || null;
    try {
      if (editing === "new") {
        await save.mutateAsync({
          id: null,
          body: { name: values.name.trim(), regionId: values.regionId, shortName },
        });
      } else if (editing) {
        await save.mutateAsync({ id: editing.id, body: { name: values.name.trim(), shortName } });
      }
      setEditing(null);
      message.success(t("departments.saved"));
    } catch (error) {
      message.error(t("departments.failed", { message: errorMessage(error, t) }), 6);
    }
  }

  const regionFilters = [...new Set((departments.data ?? []).map((d) => d.regionName))].map((r) => ({
    text: r,
    value: r,
  }));

  const columns: TableColumnsType<DepartmentView> = [
    {
      key: "name",
      title: t("departments.col.name"),
      dataIndex: "name",
      sorter: (a, b) => a.name.localeCompare(b.name, "zh-CN"),
      render: (_: unknown, d) => (
        <span>
          {d.name}
          {d.disabled ? <Tag className="tag-inline">{t("users.state.disabled")}</Tag> : null}
          {d.fullName && d.fullName !== d.name ? <div className="muted small">{d.fullName}</div> : null}
        </span>
      ),
    },
    {
      key: "shortName",
      title: t("departments.col.shortName"),
      dataIndex: "shortName",
      width: 140,
      render: (v: string | null) => v ?? t("common.none"),
    },
    {
      key: "region",
      title: t("departments.col.region"),
      dataIndex: "regionName",
      width: 140,
      filters: regionFilters,
      onFilter: (value, d) => d.regionName === value,
    },
    {
      key: "users",
      title: t("departments.col.users"),
      dataIndex: "userCount",
      width: 90,
      align: "right",
      sorter: (a, b) => a.userCount - b.userCount,
      render: (v: number) => <span className="num">{v}</span>,
    },
    {
      key: "actions",
      title: t("common.actions"),
      width: 100,
      render: (_: unknown, d) => (
        <Button size="small" type="link" onClick={() => setEditing(d)}>
          {t("departments.rename")}
        </Button>
      ),
    },
  ];

  return (
    <div className="page-scroll">
      <div className="page page-medium" data-testid="departments-page">
        <div className="page-head">
          <div>
            <h1 className="page-title">{t("departments.title")}</h1>
            <div className="muted small">{t("departments.intro")}</div>
          </div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("departments.create")}
          </Button>
        </div>
        {departments.isError ? (
          <ErrorState
            title={t("departments.loadError")}
            error={departments.error}
            onRetry={() => void departments.refetch()}
          />
        ) : (
          <Table<DepartmentView>
            data-testid="departments-table"
            size="small"
            bordered
            rowKey="id"
            loading={departments.isPending}
            columns={columns}
            dataSource={departments.data ?? []}
            pagination={
              (departments.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false
            }
            footer={() => t("departments.count", { count: departments.data?.length ?? 0 })}
          />
        )}
      </div>
      <Modal
        open={editing !== null}
        title={
          editing === "new"
            ? t("departments.form.createTitle")
            : t("departments.form.renameTitle", { name: editing?.name ?? "" })
        }
        okText={editing === "new" ? t("common.create") : t("common.save")}
        cancelText={t("common.cancel")}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
          <Form.Item name="regionId" label={t("departments.col.region")} rules={[{ required: true }]}>
            <Select
              disabled={editing !== "new"}
              options={(regions.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t("departments.col.name")}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t("login.required", { field: t("departments.col.name") }),
              },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="shortName" label={t("departments.col.shortName")}>
            <Input autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
