import { Alert } from "antd";
import type { PlausibilityWarningView } from "../../../../src/contract/reports.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { findingText } from "../desk/report-model.ts";

/** The plausibility warnings the reporter confirmed for this content, each with its reason. */
export function ConfirmedWarnings({ warnings }: { warnings: readonly PlausibilityWarningView[] }) {
  const { t, lang } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="review-warnings"
      data-testid="review-warnings"
      title={t("plaus.reviewTitle")}
      description={
        <ul>
          {warnings.map((w) => (
            <li key={w.rule} data-rule={w.rule} className="review-warning">
              <div>{findingText(w, lang)}</div>
              <div className="muted small" data-testid="review-warning-reason">
                {t("plaus.reviewReason", { reason: w.reason })}
              </div>
            </li>
          ))}
        </ul>
      }
    />
  );
}
