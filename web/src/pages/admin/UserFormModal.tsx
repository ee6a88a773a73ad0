import { Form, Input, Modal, Select } from "antd";
import { useEffect, useMemo } from "react";
import type { DepartmentView, RegionView, Role, UserView } from "../../../../src/contract/users.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

export const ROLES: Role[] = ["admin", "planner", "leader", "reporter"];

export interface UserFormValues {
  username: string;
  displayName: string;
  role: Role;
  regionId: number | null;
  departmentId: number | null;
}

interface Props {
  open: boolean;
  /** null: a new user. */
  user: UserView | null;
  regions: RegionView[];
  departments: DepartmentView[];
  saving: boolean;
  onSubmit: (values: UserFormValues) => void;
  onCancel: () => void;
}

export function UserFormModal({ open, user, regions, departments, saving, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const role = Form.useWatch("role", form);
  const regionId = Form.useWatch("regionId", form);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      user
        ? {
            username: user.username,
            displayName: user.displayName,
            role: user.role,
            regionId: user.regionId,
            departmentId: user.departmentId,
          }
        : { username: "", displayName: "", role: "reporter", regionId: null, departmentId: null },
    );
  }, [open, user, form]);

  const departmentOptions = useMemo(
    () =>
      departments
        .filter((d) => !d.disabled || d.id === user?.departmentId)
        .filter((d) => regionId === null || regionId === undefined || d.regionId === regionId)
        .map((d) => ({ value: d.id, label: `${d.name}${regionId ? "" : ` · ${d.regionName}`}` })),
    [departments, regionId, user],
  );

  return (
    <Modal
      open={open}
      title={user ? t("users.form.editTitle", { name: user.username }) : t("users.form.createTitle")}
      okText={user ? t("common.save") : t("common.create")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ "data-testid": "user-form-submit" } as Record<string, string>}
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onSubmit}
        data-testid="user-form"
        onValuesChange={(changed: Partial<UserFormValues>) => {
          // A department belongs to one region: picking it sets the region; changing the region drops it.
          if ("departmentId" in changed && changed.departmentId) {
            const d = departments.find((x) => x.id === changed.departmentId);
            if (d) form.setFieldValue("regionId", d.regionId);
          }
          if ("regionId" in changed) {
            const d = departments.find((x) => x.id === form.getFieldValue("departmentId"));
            if (d && d.regionId !== changed.regionId) form.setFieldValue("departmentId", null);
          }
        }}
      >
        <Form.Item
          name="username"
          label={t("users.col.username")}
          extra={user ? undefined : t("users.form.usernameRule")}
          rules={[
            { required: true, message: t("login.required", { field: t("users.col.username") }) },
            // As the server's USERNAME_PATTERN.
            { pattern: /^[a-z0-9][a-z0-9._-]{1,31}$/, message: t("users.form.usernameRule") },
          ]}
        >
          <Input disabled={user !== null} autoComplete="off" spellCheck={false} data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t("users.col.displayName")}>
          <Input autoComplete="off" data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t("users.col.role")} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} data-testid="user-role" />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t("users.col.region")}
          extra={role === "planner" || role === "leader" ? t("users.form.regionHint") : undefined}
        >
          <Select
            allowClear
            placeholder={t("users.form.pickRegion")}
            options={regions.map((r) => ({ value: r.id, label: r.name }))}
            onClear={() => form.setFieldValue("regionId", null)}
          />
        </Form.Item>
        <Form.Item
          name="departmentId"
          label={t("users.col.department")}
          extra={role === "reporter" ? t("users.form.departmentHint") : undefined}
          rules={[{ required: role === "reporter", message: t("users.form.departmentHint") }]}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("users.form.pickDepartment")}
            options={departmentOptions}
            data-testid="user-department"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
