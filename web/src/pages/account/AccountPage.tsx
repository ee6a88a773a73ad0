import { App, Button, Card, Descriptions } from "antd";
import { useNavigate } from "react-router";
import { useLogoutAll, useSession } from "../../api/session.ts";
import { ChangePasswordForm } from "../../auth/ChangePasswordForm.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { TotpCard } from "./TotpCard.tsx";

/** /account: who I am, change my password, second factor, sign out everywhere. */
export function AccountPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const user = useSession().data?.user;
  const logoutAll = useLogoutAll();
  if (!user) return null;
  const none = t("common.none");
  return (
    <div className="page-scroll">
      <div className="page page-narrow" data-testid="account-page">
        <div className="page-head">
          <h1 className="page-title">{t("account.title")}</h1>
        </div>
        <div className="account-grid">
          <Card size="small" title={t("account.profile")}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: "u", label: t("account.username"), children: user.username },
                { key: "n", label: t("account.displayName"), children: user.displayName || none },
                { key: "r", label: t("account.role"), children: t(`role.${user.role}`) },
                { key: "d", label: t("account.department"), children: user.departmentName ?? none },
                { key: "g", label: t("account.region"), children: user.regionName ?? none },
              ]}
            />
          </Card>
          <Card size="small" title={t("password.title")}>
            <ChangePasswordForm username={user.username} />
          </Card>
          <TotpCard user={user} />
          <Card size="small" title={t("account.sessions")}>
            <p className="muted">{t("account.sessionsIntro")}</p>
            <Button
              danger
              loading={logoutAll.isPending}
              onClick={() =>
                modal.confirm({
                  title: t("user.logoutAll"),
                  content: t("user.logoutAllConfirm"),
                  okButtonProps: { danger: true },
                  okText: t("user.logoutAll"),
                  cancelText: t("common.cancel"),
                  onOk: async () => {
                    await logoutAll.mutateAsync().catch(() => undefined);
                    navigate("/login", { replace: true });
                  },
                })
              }
            >
              {t("user.logoutAll")}
            </Button>
          </Card>
        </div>
      </div>
    </div>
  );
}
