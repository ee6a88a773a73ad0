import { Alert, App, Button, Checkbox, Input, type UploadFile } from "antd";
import { useState } from "react";
import type { TaskDetailView } from "../../../../src/contract/tasks.ts";
import { useTaskStep } from "../../api/task-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { todayIso } from "../tasks/task-model.ts";
import { FilePicker, filesOf } from "./FilePicker.tsx";
import { MilestoneTicks } from "./MilestoneTicks.tsx";
import {
  type CloseProblem,
  closeBody,
  initialTicks,
  type MilestoneTick,
  stillOpen,
  taskAttachments,
} from "./task-work-model.ts";

/** 办结申请: what was done and what the evidence shows, files cited or added, every milestone done. */
export function TaskCloseForm({ task, onDone }: { task: TaskDetailView; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const step = useTaskStep(task.planId);
  const today = todayIso();
  const [evidence, setEvidence] = useState("");
  const [cited, setCited] = useState<number[]>([]);
  const [ticks, setTicks] = useState<MilestoneTick[]>(() => initialTicks(task.milestones, today));
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [problems, setProblems] = useState<CloseProblem[]>([]);
  const uploaded = taskAttachments(task);
  const open = stillOpen(ticks);

  async function submit() {
    const checked = closeBody(evidence, cited, ticks, today);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    try {
      await step.mutateAsync({
        step: "close-request",
        id: task.id,
        body: checked.body,
        files: filesOf(files),
      });
      message.success(t("taskw.close.sent"));
      onDone();
    } catch (error) {
      message.error(t("taskw.stepFailed", { message: errorMessage(error, t) }), 8);
    }
  }

  return (
    <form
      className="tw-task-form"
      data-testid="task-close-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 className="tw-task-form-title">{t("taskw.close.title")}</h2>
      {task.doneCriteria ? (
        <p className="small">{t("taskw.close.criteria", { text: task.doneCriteria })}</p>
      ) : null}
      <div className="report-field">
        <label htmlFor="tc-evidence">{t("taskw.close.evidence")}</label>
        <Input.TextArea
          id="tc-evidence"
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t("taskw.close.evidenceHint")}
          status={problems.includes("evidence") ? "error" : undefined}
          aria-required="true"
          data-testid="task-close-evidence"
        />
        {problems.includes("evidence") ? (
          <span className="field-error small" role="alert">
            {t("taskw.problem.evidence")}
          </span>
        ) : null}
      </div>
      {ticks.length > 0 ? (
        <fieldset className="report-field tw-task-fieldset">
          <legend>{t("taskw.close.milestones")}</legend>
          <MilestoneTicks ticks={ticks} today={today} onChange={setTicks} idPrefix="tc" />
          {open.length > 0 ? (
            <Alert
              type={problems.includes("milestones_open") ? "error" : "info"}
              showIcon
              className="tw-task-inline-alert"
              title={t("taskw.close.milestonesOpen", {
                names: open.map((m) => `“${m.name}”`).join(t("taskw.listSeparator")),
              })}
            />
          ) : null}
        </fieldset>
      ) : null}
      {uploaded.length > 0 ? (
        <fieldset className="report-field tw-task-fieldset">
          <legend>{t("taskw.close.cite")}</legend>
          <Checkbox.Group<number>
            className="tw-task-cite"
            value={cited}
            onChange={setCited}
            options={uploaded.map((a) => ({ value: a.id, label: a.fileName }))}
          />
        </fieldset>
      ) : null}
      <div className="report-field">
        <label htmlFor="tc-files">{t("taskw.files.label")}</label>
        <FilePicker id="tc-files" files={files} onChange={setFiles} />
      </div>
      <div className="report-actions">
        <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="task-close-submit">
          {t("taskw.close.submit")}
        </Button>
        <Button onClick={onDone}>{t("common.cancel")}</Button>
      </div>
    </form>
  );
}
