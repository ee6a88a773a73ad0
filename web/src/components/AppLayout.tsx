import { Fragment } from "react";
import { Link, NavLink, Outlet } from "react-router";
import { useCurrentUser } from "../api/session.ts";
import { navFor } from "../auth/access.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { LangSwitch } from "./LangSwitch.tsx";
import { UserMenu } from "./UserMenu.tsx";

/** The signed-in frame: brand, the role's navigation, API docs, language, the user's menu. */
export function AppLayout() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const entries = navFor(user?.role);
  const linkClass = ({ isActive }: { isActive: boolean }) => (isActive ? "active" : undefined);
  return (
    <>
      <header className="app-header">
        <Link to="/" className="app-brand">
          <span className="app-logo" aria-hidden="true">
            P
          </span>
          <span className="app-name">{t("app.name")}</span>
          <span className="app-subtitle">{t("app.subtitle")}</span>
        </Link>
        <nav className="app-nav" aria-label={t("app.name")} data-testid="app-nav">
          {entries.map((e, i) => (
            <Fragment key={e.key}>
              {e.key.startsWith("admin.") && !entries[i - 1]?.key.startsWith("admin.") ? (
                <span className="app-nav-group" aria-hidden="true">
                  {t("nav.admin")}
                </span>
              ) : null}
              <NavLink to={e.to} end={e.to === "/"} className={linkClass} data-nav={e.key}>
                {t(`nav.${e.key}` as MessageKey)}
              </NavLink>
            </Fragment>
          ))}
        </nav>
        <div className="app-header-right">
          <Link to="/public" className="app-header-link">
            {t("nav.public")}
          </Link>
          <a href="/api/docs" target="_blank" rel="noreferrer" className="app-header-link">
            {t("nav.apiDocs")}
          </a>
          <LangSwitch />
          {user ? <UserMenu user={user} /> : null}
        </div>
      </header>
      <main id="main" className="app-main">
        <Outlet />
      </main>
    </>
  );
}
