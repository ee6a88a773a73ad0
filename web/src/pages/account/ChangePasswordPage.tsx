import { useNavigate, useSearchParams } from "react-router";
import { useSession } from "../../api/session.ts";
import { landingFor, safeNext } from "../../auth/access.ts";
import { ChangePasswordForm } from "../../auth/ChangePasswordForm.tsx";
import { LangSwitch } from "../../components/LangSwitch.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** /change-password: the forced change at the first sign-in or after a reset; nothing else until done. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const user = session.data?.user;
  if (!user) return null;
  return (
    <div className="login-page">
      <div className="login-top">
        <LangSwitch />
      </div>
      <main className="login-card" id="main" data-testid="change-password-page">
        <div className="login-brand">
          <span className="app-logo" aria-hidden="true">
            P
          </span>
          <div>
            <h1 className="login-title">
              {user.mustChangePassword ? t("password.forcedTitle") : t("password.title")}
            </h1>
            <div className="muted">
              {user.displayName || user.username} · {t(`role.${user.role}`)}
            </div>
          </div>
        </div>
        {user.mustChangePassword ? <p className="muted">{t("password.forcedIntro")}</p> : null}
        <ChangePasswordForm
          username={user.username}
          // A first sign-in goes on to the role's own home, as a sign-in without the change does.
          onDone={() => navigate(landingFor(user.role, safeNext(params.get("next"))), { replace: true })}
        />
      </main>
    </div>
  );
}
