import { DownOutlined, LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from "@ant-design/icons";
import { App, Button, Dropdown } from "antd";
import { useNavigate } from "react-router";
import type { CurrentUser } from "../../../src/contract/users.ts";
import { useLogout, useLogoutAll } from "../api/session.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** The header's user: name and role, account page, sign out, sign out everywhere. */
export function UserMenu({ user }: { user: CurrentUser }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const logout = useLogout();
  const logoutAll = useLogoutAll();
  const name = user.displayName || user.username;

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: "account", icon: <SafetyCertificateOutlined />, label: t("user.account") },
          { type: "divider" },
          {
            key: "logout",
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t("user.logout")}</span>,
          },
          {
            key: "logout-all",
            label: <span data-testid="logout-all">{t("user.logoutAll")}</span>,
            danger: true,
          },
        ],
        onClick: ({ key }) => {
          if (key === "account") navigate("/account");
          if (key === "logout") {
            void logout.mutateAsync().finally(() => navigate("/login", { replace: true }));
          }
          if (key === "logout-all") {
            modal.confirm({
              title: t("user.logoutAll"),
              content: t("user.logoutAllConfirm"),
              okText: t("user.logoutAll"),
              okButtonProps: { danger: true },
              cancelText: t("common.cancel"),
              onOk: async () => {
                await logoutAll.mutateAsync().catch(() => undefined);
                message.success(t("user.loggedOutAll"));
                navigate("/login", { replace: true });
              },
            });
          }
        },
      }}
    >
      <Button type="text" className="user-menu" aria-label={t("user.menu", { name })} data-testid="user-menu">
        <UserOutlined aria-hidden="true" />
        <span className="user-name">{name}</span>
        <span className="user-role">{t(`role.${user.role}`)}</span>
        <DownOutlined aria-hidden="true" className="small" />
      </Button>
    </Dropdown>
  );
}
