import { Button } from "antd";
import { Link, Outlet } from "react-router";
import { useSession } from "../../api/session.ts";
import { LangSwitch } from "../../components/LangSwitch.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** The frame of the pages anyone may read: no navigation of the app, a way to sign in. */
export function PublicLayout() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <>
      <header className="app-header public-header">
        <Link to="/public" className="app-brand">
          <span className="app-logo" aria-hidden="true">
            P
          </span>
          <span className="app-name">{t("app.name")}</span>
          <span className="app-subtitle">{t("public.title")}</span>
        </Link>
        <div className="app-header-right">
          <LangSwitch />
          {session.data ? (
            <Link to="/" className="app-header-link">
              {t("nav.plans")}
            </Link>
          ) : (
            <Button size="small" href="/login" ghost>
              {t("common.signIn")}
            </Button>
          )}
        </div>
      </header>
      <main id="main" className="app-main">
        <Outlet />
      </main>
    </>
  );
}
