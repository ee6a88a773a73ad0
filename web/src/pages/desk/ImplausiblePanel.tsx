import { Alert, Button, Input } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { confirmationProblem, findingText, type Implausible, needsReason } from "./report-model.ts";

interface Props {
  implausible: Implausible;
  /** 存在问题 as typed: a cumulative fall needs its reason there. */
  problems: string;
  /** The save that was refused was a submission (else a draft). */
  submit: boolean;
  sending: boolean;
  onConfirm: (reason: string) => void;
}

/**
 * What the server found implausible about the value (422 implausible_value), each finding in the
 * reader's language, and the reporter's confirmation with a reason that is then sent with the value.
 */
export function ImplausiblePanel({ implausible, problems, submit, sending, onConfirm }: Props) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const problem = tried ? confirmationProblem(implausible, reason, problems) : null;
  const fall = implausible.needsProblems || implausible.findings.some((f) => f.rule === "cumulative_fall");
  return (
    <Alert
      type="warning"
      showIcon
      className="report-alert"
      data-testid="report-implausible"
      title={t("plaus.title")}
      description={
        <div className="plausibility-panel">
          <p>{t(submit ? "plaus.intro" : "plaus.introDraft")}</p>
          <ul>
            {implausible.findings.map((f) => (
              <li key={f.rule} data-rule={f.rule}>
                {findingText(f, lang)}
              </li>
            ))}
          </ul>
          {fall ? (
            <p
              className={problem === "problems" ? "field-error" : undefined}
              data-testid="report-needs-problems"
            >
              {t(problem === "problems" ? "plaus.problemsRequired" : "plaus.needsProblems")}
            </p>
          ) : null}
          {needsReason(implausible) ? (
            <>
              <label htmlFor="report-confirm-reason">{t("plaus.reason")}</label>
              <Input.TextArea
                id="report-confirm-reason"
                value={reason}
                placeholder={t("plaus.reasonPlaceholder")}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={1000}
                onChange={(e) => setReason(e.target.value)}
                status={problem === "reason" ? "error" : undefined}
                aria-invalid={problem === "reason" ? true : undefined}
                data-testid="report-confirm-reason"
              />
              {problem === "reason" ? (
                <div className="field-error small" data-testid="report-confirm-reason-error">
                  {t("plaus.reasonRequired")}
                </div>
              ) : null}
            </>
          ) : null}
          <div className="report-actions">
            <Button
              type="primary"
              loading={sending}
              data-testid="report-confirm"
              onClick={() => {
                setTried(true);
                if (confirmationProblem(implausible, reason, problems) === null) onConfirm(reason);
              }}
            >
              {t(submit ? "plaus.confirmSubmit" : "plaus.confirmDraft")}
            </Button>
          </div>
        </div>
      }
    />
  );
}
