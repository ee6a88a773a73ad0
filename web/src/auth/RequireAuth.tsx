import { Button, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useSession } from "../api/session.ts";
import { ErrorState } from "../components/ErrorState.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { can, loginPath, type Permission } from "./access.ts";

/** Renders its children for a signed-in user; otherwise sends them to sign in and back here after. */
export function RequireAuth({
  children,
  allowPasswordChange = false,
}: {
  children: ReactNode;
  allowPasswordChange?: boolean;
}) {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  if (session.isPending) {
    return (
      <div className="page-center">
        <Spin />
      </div>
    );
  }
  if (session.isError) {
    return (
      <ErrorState
        title={t("common.errorTitle")}
        error={session.error}
        onRetry={() => void session.refetch()}
      />
    );
  }
  if (!session.data) return <Navigate to={loginPath(here)} replace />;
  if (session.data.user.mustChangePassword && !allowPasswordChange) {
    return <Navigate to={`/change-password?next=${encodeURIComponent(here)}`} replace />;
  }
  return <>{children}</>;
}

/** A page for one permission: others are told so rather than shown controls the server refuses. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const role = session.data?.user.role;
  if (can(role, permission)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t("common.forbiddenTitle")}
      subTitle={t("common.forbiddenBody", { role: role ? t(`role.${role}`) : "—" })}
      extra={
        <Button type="primary" href="/">
          {t("common.backToPlans")}
        </Button>
      }
    />
  );
}
