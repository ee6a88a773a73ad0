import { Alert, App, Button, Input, Select } from "antd";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import type { DueItem } from "../../../../src/contract/reminders.ts";
import type { ReportDetail, ReportRevisionView, StatusWord } from "../../../../src/contract/reports.ts";
import { useSaveReport } from "../../api/monitoring-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { formatDateTime, formatQuantity, toDisplayNumber } from "../../format/number.ts";
import { targetLine } from "../../format/target-name.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { ConflictPanel } from "./ConflictPanel.tsx";
import { ExtensionButton } from "./ExtensionButton.tsx";
import { ImplausiblePanel } from "./ImplausiblePanel.tsx";
import {
  type Confirmation,
  type Conflict,
  checkValue,
  confirmationFromRevision,
  conflictOf,
  formFromRevision,
  type Implausible,
  implausibleOf,
  inputUnit,
  type PreviousReport,
  type PreviousValue,
  type ReportFormValues,
  reportMode,
  STATUS_WORDS,
  saveBody,
} from "./report-model.ts";

interface Props {
  item: DueItem;
  detail: ReportDetail | null;
  previous: PreviousValue | null;
  /** Last period's whole report (targets), shown beside this period's fields. */
  lastReport?: PreviousReport | null;
}

const VALUE_LABEL: Record<string, MessageKey> = {
  level: "report.valueLevel",
  rate: "report.valueRate",
};

/** The latest revision sent back, with its reason, while the report stands returned. */
function returnedRevision(detail: ReportDetail | null): ReportRevisionView | null {
  if (detail?.report.state !== "returned") return null;
  const revisions = detail.revisions.length > 0 ? detail.revisions : [detail.report.latest];
  return [...revisions].reverse().find((r) => r.state === "returned") ?? null;
}

/** One report: the value (checked as typed), the three texts, save as draft, submit, ask for time. */
export function ReportForm({ item, detail, previous, lastReport = null }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const save = useSaveReport();
  const subject = item.subject;
  const mode = reportMode(subject);
  const unit = inputUnit(subject);
  const [form, setForm] = useState<ReportFormValues>(() => formFromRevision(detail?.report.latest, subject));
  const [baseRevision, setBaseRevision] = useState<number | null>(detail?.report.latest.revision ?? null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [triedSubmit, setTriedSubmit] = useState(false);
  // What the server found implausible about the value sent (422), and the reporter's confirmation
  // (kept with a draft: sent again for the same value without asking twice).
  const [implausible, setImplausible] = useState<{ found: Implausible; submit: boolean } | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(() =>
    confirmationFromRevision(
      detail?.report.latest,
      formFromRevision(detail?.report.latest, subject).valueText,
    ),
  );
  const returned = returnedRevision(detail);

  const previousShown =
    previous !== null && mode === "value"
      ? formatQuantity(previous.value, subject.unit ?? "", subject.displayUnit)
      : null;
  // In the unit typed, to compare with what is typed.
  const previousTyped =
    previous !== null && mode === "value"
      ? toDisplayNumber(previous.value, subject.unit ?? "", subject.displayUnit)
      : null;

  const check = checkValue({
    text: form.valueText,
    mode,
    cumulative: subject.targetKind === "cumulative",
    previous: previousTyped,
    note: form.problems,
    required: triedSubmit,
    unit: inputUnit(subject),
  });
  const progressMissing = triedSubmit && form.progress.trim() === "";
  // Both hold for the value they were given for only: a new value is judged afresh.
  const shownImplausible = implausible?.found.valueText === form.valueText.trim() ? implausible : null;
  const confirmed =
    confirmation?.valueText === form.valueText.trim() && confirmation.reason.trim() !== ""
      ? confirmation
      : null;
  const statusMissing = triedSubmit && mode === "statusWord" && form.statusWord === null;

  const set = <K extends keyof ReportFormValues>(key: K, value: ReportFormValues[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function send(submit: boolean, confirming: Confirmation | null = confirmation) {
    if (submit) setTriedSubmit(true);
    const final = checkValue({
      text: form.valueText,
      mode,
      cumulative: subject.targetKind === "cumulative",
      previous: previousTyped,
      note: form.problems,
      required: submit,
      unit: inputUnit(subject),
    });
    if (final.problem) return;
    if (submit && (form.progress.trim() === "" || (mode === "statusWord" && form.statusWord === null)))
      return;
    try {
      const result = await save.mutateAsync({
        kind: subject.kind,
        subjectId: subject.id,
        period: item.period.key,
        body: saveBody(form, subject, baseRevision, submit, confirming),
      });
      setBaseRevision(result.report.latest.revision);
      setImplausible(null);
      setConflict(null);
      if (submit) {
        message.success(t("report.submitted"));
        navigate("/desk");
      } else {
        message.success(t("report.savedDraft"));
      }
    } catch (error) {
      const found = implausibleOf(error, form.valueText);
      if (found) {
        setImplausible({ found, submit });
        return;
      }
      const c = conflictOf(error);
      if (c) {
        setConflict(c);
        return;
      }
      message.error(t("report.saveFailed", { message: errorMessage(error, t) }), 6);
    }
  }

  const mine = useMemo(() => {
    const body = saveBody(form, subject, baseRevision, false);
    return {
      value: body.value ?? null,
      percent: body.percent ?? null,
      statusWord: body.statusWord ?? null,
      progress: body.progress,
      problems: body.problems,
      nextSteps: body.nextSteps,
    };
  }, [form, subject, baseRevision]);

  const valueLabel =
    mode === "percent"
      ? t("report.percent")
      : t(VALUE_LABEL[subject.targetKind ?? ""] ?? "report.value", { unit: unit || "—" });
  const problemText = check.problem
    ? t(`report.problem.${check.problem}`, { previous: previousShown ?? "" })
    : check.belowPreviousNoted
      ? t("report.belowPreviousNoted", { previous: previousShown ?? "" })
      : null;

  return (
    <form
      className="report-form"
      data-testid="report-form"
      data-subject-id={subject.id}
      data-period={item.period.key}
      onSubmit={(e) => {
        e.preventDefault();
        void send(true);
      }}
      noValidate
    >
      <h1 className="page-title report-title">{subject.title}</h1>
      <div className="report-meta small">
        <span className="num">{t("report.period", { period: item.period.key })}</span>
        <span className="num">{t("report.due", { date: item.dueDate })}</span>
        {subject.display ? (
          <span>{t("report.target", { display: targetLine(subject, lang) ?? subject.display })}</span>
        ) : null}
      </div>

      {returned ? (
        <Alert
          type="warning"
          showIcon
          className="report-alert"
          data-testid="report-returned"
          title={t("report.returned", { reason: returned.returnReason ?? "" })}
          description={t("report.returnedBy", {
            name: returned.author?.displayName ?? "—",
            time: formatDateTime(returned.createdAt),
          })}
        />
      ) : null}

      {shownImplausible ? (
        <ImplausiblePanel
          key={shownImplausible.found.findings.map((f) => f.rule).join()}
          implausible={shownImplausible.found}
          problems={form.problems}
          submit={shownImplausible.submit}
          sending={save.isPending}
          onConfirm={(reason) => {
            const next = { valueText: shownImplausible.found.valueText, reason };
            setConfirmation(next);
            void send(shownImplausible.submit, next);
          }}
        />
      ) : confirmed ? (
        <p className="muted small" data-testid="report-confirmed">
          {t("plaus.confirmed", { reason: confirmed.reason })}
        </p>
      ) : null}

      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          mine={mine}
          subject={subject}
          onReapply={() => {
            setBaseRevision(conflict.latestRevision);
            setConflict(null);
            message.info(t("report.conflictReapplied", { revision: conflict.latestRevision }));
          }}
          onTakeTheirs={() => {
            setForm(formFromRevision(conflict.latest, subject));
            setBaseRevision(conflict.latestRevision);
            setConflict(null);
          }}
        />
      ) : null}

      {mode === "statusWord" ? (
        <div className="report-field">
          <label htmlFor="report-status-word">{t("report.statusWord")}</label>
          <Select<StatusWord>
            id="report-status-word"
            value={form.statusWord ?? undefined}
            onChange={(v) => set("statusWord", v)}
            options={STATUS_WORDS.map((w) => ({ value: w, label: w }))}
            status={statusMissing ? "error" : undefined}
            data-testid="report-status-word"
          />
          {statusMissing ? <div className="field-error">{t("report.statusRequired")}</div> : null}
        </div>
      ) : (
        <div className="report-field">
          <label htmlFor="report-value">{valueLabel}</label>
          <Input
            id="report-value"
            inputMode="decimal"
            autoComplete="off"
            value={form.valueText}
            onChange={(e) => set("valueText", e.target.value)}
            status={check.problem ? "error" : check.belowPreviousNoted ? "warning" : undefined}
            suffix={mode === "percent" ? "%" : unit}
            aria-invalid={check.problem ? true : undefined}
            aria-describedby="report-value-help"
            data-testid="report-value"
          />
          <div id="report-value-help" className="field-help small">
            {problemText ? (
              <div
                className={check.problem ? "field-error" : "field-warn"}
                data-testid="report-value-problem"
                data-problem={check.problem ?? "belowPreviousNoted"}
              >
                {problemText}
              </div>
            ) : null}
            {mode === "value" ? (
              <div className="muted" data-testid="report-previous">
                {previous && previousShown
                  ? t(previous.approved ? "report.previous" : "report.previousPending", {
                      period: previous.period.key,
                      value: previousShown,
                    })
                  : t("report.noPrevious")}
              </div>
            ) : null}
          </div>
        </div>
      )}

      <TextField
        id="report-progress"
        label={t("report.progress")}
        placeholder={t("report.progressPlaceholder")}
        value={form.progress}
        onChange={(v) => set("progress", v)}
        error={progressMissing ? t("report.progressRequired") : null}
        previous={lastReport?.revision.progress}
      />
      <TextField
        id="report-problems"
        label={t("report.problems")}
        placeholder={t("report.problemsPlaceholder")}
        value={form.problems}
        onChange={(v) => set("problems", v)}
        error={
          check.problem === "belowPrevious" ? t("deskx.noteForFall", { previous: previousShown ?? "" }) : null
        }
        previous={lastReport?.revision.problems}
      />
      <TextField
        id="report-next-steps"
        label={t("report.nextSteps")}
        placeholder={t("report.nextStepsPlaceholder")}
        value={form.nextSteps}
        onChange={(v) => set("nextSteps", v)}
        error={null}
        previous={lastReport?.revision.nextSteps}
      />

      {detail ? (
        <p className="muted small report-revision">
          {t("report.revision", {
            revision: baseRevision ?? detail.report.latest.revision,
            state: t(`reportState.${detail.report.state}`),
            time: formatDateTime(detail.report.updatedAt),
          })}
        </p>
      ) : null}

      <div className="report-actions">
        <Button
          htmlType="submit"
          type="primary"
          loading={save.isPending && save.variables?.body.submit === true}
          disabled={conflict !== null}
          data-testid="report-submit"
        >
          {t("report.submit")}
        </Button>
        <Button
          onClick={() => void send(false)}
          loading={save.isPending && save.variables?.body.submit === false}
          disabled={conflict !== null}
          data-testid="report-save-draft"
        >
          {t("report.saveDraft")}
        </Button>
        <span className="spacer" />
        <ExtensionButton item={item} />
      </div>
    </form>
  );
}

function TextField(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  /** Last period's words for this field, shown under it (undefined: no previous report). */
  previous?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="report-field">
      <label htmlFor={props.id}>{props.label}</label>
      <Input.TextArea
        id={props.id}
        value={props.value}
        placeholder={props.placeholder}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={4000}
        onChange={(e) => props.onChange(e.target.value)}
        status={props.error ? "error" : undefined}
        data-testid={props.id}
        aria-invalid={props.error ? true : undefined}
      />
      {props.error ? (
        <div className="field-error small" data-testid={`${props.id}-error`}>
          {props.error}
        </div>
      ) : null}
      {props.previous ? (
        <div className="field-previous small muted" data-testid={`${props.id}-previous`}>
          {t("deskx.previousField", { text: props.previous })}
        </div>
      ) : null}
    </div>
  );
}
