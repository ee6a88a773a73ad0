import { LockOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import type { UserView, UserWithPassword } from "../../../../src/contract/users.ts";
import {
  useCreateUser,
  useDepartments,
  useRegions,
  useResetPassword,
  useUpdateUser,
  useUsers,
} from "../../api/admin-queries.ts";
import { useCurrentUser } from "../../api/session.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { formatDateTime } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { OneTimePasswordModal } from "./OneTimePasswordModal.tsx";
import { UserFormModal, type UserFormValues } from "./UserFormModal.tsx";

const ROLE_COLOR = { admin: "red", planner: "blue", leader: "gold", reporter: "default" } as const;

/** /admin/users: the table of users; create, edit, disable and enable, reset a password. */
export function UsersPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const me = useCurrentUser();
  const users = useUsers();
  const regions = useRegions();
  const departments = useDepartments();
  const create = useCreateUser();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [editing, setEditing] = useState<UserView | null | "new">(null);
  const [shown, setShown] = useState<UserWithPassword | null>(null);
  const now = Date.now();

  async function submit(values: UserFormValues) {
    try {
      if (editing === "new") {
        const result = await create.mutateAsync({
          username: values.username.trim(),
          displayName: values.displayName?.trim() || undefined,
          role: values.role,
          regionId: values.regionId ?? null,
          departmentId: values.departmentId ?? null,
        });
        setEditing(null);
        setShown(result);
      } else if (editing) {
        await update.mutateAsync({
          id: editing.id,
          body: {
            displayName: values.displayName?.trim() ?? "",
            role: values.role,
            regionId: values.regionId ?? null,
            departmentId: values.departmentId ?? null,
          },
        });
        setEditing(null);
        message.success(t("users.saved"));
      }
    } catch (error) {
      message.error(t("users.failed", { message: errorMessage(error, t) }), 6);
    }
  }

  function toggleDisabled(user: UserView) {
    const name = user.displayName || user.username;
    const run = async () => {
      try {
        await update.mutateAsync({ id: user.id, body: { disabled: !user.disabled } });
        message.success(t(user.disabled ? "users.enabledOk" : "users.disabledOk", { name }));
      } catch (error) {
        message.error(t("users.failed", { message: errorMessage(error, t) }), 6);
      }
    };
    if (user.disabled) void run();
    else
      modal.confirm({
        title: t("users.disable"),
        content: t("users.disableConfirm", { name }),
        okButtonProps: { danger: true },
        okText: t("users.disable"),
        cancelText: t("common.cancel"),
        onOk: run,
      });
  }

  function resetPassword(user: UserView) {
    modal.confirm({
      title: t("users.resetPassword"),
      content: t("users.resetConfirm", { name: user.displayName || user.username }),
      okText: t("users.resetPassword"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        try {
          setShown(await reset.mutateAsync({ id: user.id }));
        } catch (error) {
          message.error(t("users.failed", { message: errorMessage(error, t) }), 6);
        }
      },
    });
  }

  const columns: TableColumnsType<UserView> = [
    {
      key: "username",
      title: t("users.col.username"),
      dataIndex: "username",
      width: 130,
      sorter: (a, b) => a.username.localeCompare(b.username),
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { key: "displayName", title: t("users.col.displayName"), dataIndex: "displayName", width: 120 },
    {
      key: "role",
      title: t("users.col.role"),
      dataIndex: "role",
      width: 96,
      filters: (["admin", "planner", "leader", "reporter"] as const).map((r) => ({
        text: t(`role.${r}`),
        value: r,
      })),
      onFilter: (value, u) => u.role === value,
      render: (_: unknown, u) => <Tag color={ROLE_COLOR[u.role]}>{t(`role.${u.role}`)}</Tag>,
    },
    {
      key: "department",
      title: t("users.col.department"),
      dataIndex: "departmentName",
      ellipsis: true,
      sorter: (a, b) => (a.departmentName ?? "").localeCompare(b.departmentName ?? "", "zh-CN"),
      render: (v: string | null) => v ?? t("common.none"),
    },
    {
      key: "region",
      title: t("users.col.region"),
      dataIndex: "regionName",
      width: 110,
      render: (v: string | null) => v ?? t("common.none"),
    },
    {
      key: "state",
      title: t("users.col.state"),
      width: 170,
      render: (_: unknown, u) => (
        <Space size={2} wrap>
          {u.disabled ? (
            <Tag color="default">{t("users.state.disabled")}</Tag>
          ) : (
            <Tag color="green">{t("users.state.active")}</Tag>
          )}
          {u.mustChangePassword ? <Tag color="orange">{t("users.state.mustChange")}</Tag> : null}
          {u.totpEnabled ? <Tag color="blue">{t("users.state.totp")}</Tag> : null}
        </Space>
      ),
    },
    {
      key: "locked",
      title: t("users.col.locked"),
      width: 150,
      render: (_: unknown, u) =>
        u.lockedUntil && Date.parse(u.lockedUntil) > now ? (
          <span className="warn">
            <LockOutlined /> {t("users.lockedUntil", { time: formatDateTime(u.lockedUntil) })}
          </span>
        ) : (
          <span className="muted">{t("users.notLocked")}</span>
        ),
    },
    {
      key: "lastSignIn",
      title: t("users.col.lastSignIn"),
      dataIndex: "lastSignInAt",
      width: 130,
      sorter: (a, b) => (a.lastSignInAt ?? "").localeCompare(b.lastSignInAt ?? ""),
      render: (v: string | null) =>
        v ? (
          <span className="num">{formatDateTime(v)}</span>
        ) : (
          <span className="muted">{t("users.never")}</span>
        ),
    },
    {
      key: "actions",
      title: t("common.actions"),
      width: 200,
      render: (_: unknown, u) => (
        <Space size={0} className="row-actions">
          <Button size="small" type="link" onClick={() => setEditing(u)}>
            {t("common.edit")}
          </Button>
          <Button
            size="small"
            type="link"
            danger={!u.disabled}
            disabled={u.id === me?.id}
            onClick={() => toggleDisabled(u)}
          >
            {u.disabled ? t("users.enable") : t("users.disable")}
          </Button>
          <Button size="small" type="link" onClick={() => resetPassword(u)} data-testid="reset-password">
            {t("users.resetPassword")}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div className="page-scroll">
      <div className="page" data-testid="users-page">
        <div className="page-head">
          <div>
            <h1 className="page-title">{t("users.title")}</h1>
            <div className="muted small">{t("users.intro")}</div>
          </div>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing("new")}
            data-testid="create-user"
          >
            {t("users.create")}
          </Button>
        </div>
        {users.isError ? (
          <ErrorState title={t("users.loadError")} error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<UserView>
            data-testid="users-table"
            size="small"
            bordered
            rowKey="id"
            loading={users.isPending}
            columns={columns}
            dataSource={users.data ?? []}
            rowClassName={(u) => (u.disabled ? "row-disabled" : "")}
            pagination={(users.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            footer={() => t("users.count", { count: users.data?.length ?? 0 })}
          />
        )}
      </div>
      <UserFormModal
        open={editing !== null}
        user={editing === "new" ? null : editing}
        regions={regions.data ?? []}
        departments={departments.data ?? []}
        saving={create.isPending || update.isPending}
        onSubmit={(v) => void submit(v)}
        onCancel={() => setEditing(null)}
      />
      <OneTimePasswordModal result={shown} onClose={() => setShown(null)} />
    </div>
  );
}
