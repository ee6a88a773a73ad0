import { App, Button, type UploadFile } from "antd";
import { type Dispatch, type ReactNode, type SetStateAction, useState } from "react";
import { type TaskStep, useTaskStep } from "../../api/task-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { TextAreaField } from "../../components/TextAreaField.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { FilePicker } from "./FilePicker.tsx";
import { MilestoneTicks } from "./MilestoneTicks.tsx";
import type { Checked, MilestoneTick } from "./task-work-model.ts";

/**
 * Sends a step's form once its model has checked it: its problems kept to show them, none sent;
 * then the step, said done and closed, or said failed and left open as typed.
 */
export function useStepSend<P>(planId: number, onDone: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const step = useTaskStep(planId);
  const [problems, setProblems] = useState<P[]>([]);

  async function send<B>(checked: Checked<B, P>, request: (body: B) => TaskStep, sent: MessageKey) {
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    try {
      await step.mutateAsync(request(checked.body));
      message.success(t(sent));
      onDone();
    } catch (error) {
      message.error(t("taskw.stepFailed", { message: errorMessage(error, t) }), 8);
    }
  }

  return { problems, send, pending: step.isPending };
}

/** A step's form on the task's page (报送进展, 办结申请, 调整申请): its title, its fields, send and cancel. */
export function TaskStepForm({
  testId,
  title,
  submit,
  pending,
  onSubmit,
  onCancel,
  children,
}: {
  testId: string;
  title: string;
  submit: { label: string; testId: string };
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form
      className="tw-task-form"
      data-testid={testId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2 className="tw-task-form-title">{title}</h2>
      {children}
      <div className="report-actions">
        <Button type="primary" htmlType="submit" loading={pending} data-testid={submit.testId}>
          {submit.label}
        </Button>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
      </div>
    </form>
  );
}

/** A text field of a step's form, in a row of its own. */
export function StepTextField(props: Parameters<typeof TextAreaField>[0]) {
  return (
    <div className="report-field">
      <TextAreaField {...props} />
    </div>
  );
}

/** The task's open milestones to tick done, each with its day; `children` say what the form makes of them. */
export function StepMilestones({
  legend,
  ticks,
  today,
  onChange,
  idPrefix,
  children,
}: {
  legend: string;
  ticks: MilestoneTick[];
  today: string;
  onChange: (next: MilestoneTick[]) => void;
  idPrefix: string;
  children?: ReactNode;
}) {
  if (ticks.length === 0) return null;
  return (
    <fieldset className="report-field tw-task-fieldset">
      <legend>{legend}</legend>
      <MilestoneTicks ticks={ticks} today={today} onChange={onChange} idPrefix={idPrefix} />
      {children}
    </fieldset>
  );
}

/** The files that go with the step (证明材料). */
export function StepFiles({
  id,
  files,
  onChange,
}: {
  id: string;
  files: UploadFile[];
  onChange: Dispatch<SetStateAction<UploadFile[]>>;
}) {
  const { t } = useI18n();
  return (
    <div className="report-field">
      <label htmlFor={id}>{t("taskw.files.label")}</label>
      <FilePicker id={id} files={files} onChange={onChange} />
    </div>
  );
}
