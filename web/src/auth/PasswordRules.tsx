import { CheckCircleFilled, CloseCircleOutlined } from "@ant-design/icons";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { checkPassword } from "./password-rules.ts";

/** The rules, each ticked off as the password meets it; read out politely by screen readers. */
export function PasswordRules({ password, username }: { password: string; username: string }) {
  const { t } = useI18n();
  const check = checkPassword(password, username);
  const label = (id: string): string => {
    const key = `password.rule.${id}` as MessageKey;
    return t(key, { count: id === "length" ? check.length : check.classCount });
  };
  return (
    <div className="password-rules" data-testid="password-rules">
      <div className="small muted">{t("password.rules")}</div>
      <ul aria-live="polite">
        {check.rules.map((rule) => (
          <li
            key={rule.id}
            className={rule.ok ? "rule-ok" : "rule-bad"}
            data-rule={rule.id}
            data-ok={rule.ok}
          >
            {rule.ok ? <CheckCircleFilled aria-hidden="true" /> : <CloseCircleOutlined aria-hidden="true" />}{" "}
            {label(rule.id)}
          </li>
        ))}
      </ul>
    </div>
  );
}
