import { Alert, Checkbox, type UploadFile } from "antd";
import { useState } from "react";
import type { TaskDetailView } from "../../../../src/contract/tasks.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { todayIso } from "../tasks/task-model.ts";
import { filesOf } from "./FilePicker.tsx";
import { StepFiles, StepMilestones, StepTextField, TaskStepForm, useStepSend } from "./TaskStepForm.tsx";
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
  const { problems, send, pending } = useStepSend<CloseProblem>(task.planId, onDone);
  const today = todayIso();
  const [evidence, setEvidence] = useState("");
  const [cited, setCited] = useState<number[]>([]);
  const [ticks, setTicks] = useState<MilestoneTick[]>(() => initialTicks(task.milestones, today));
  const [files, setFiles] = useState<UploadFile[]>([]);
  const uploaded = taskAttachments(task);
  const open = stillOpen(ticks);

  const submit = () =>
    send(
      closeBody(evidence, cited, ticks, today),
      (body) => ({ step: "close-request", id: task.id, body, files: filesOf(files) }),
      "taskw.close.sent",
    );

  return (
    <TaskStepForm
      testId="task-close-form"
      title={t("taskw.close.title")}
      submit={{ label: t("taskw.close.submit"), testId: "task-close-submit" }}
      pending={pending}
      onSubmit={() => void submit()}
      onCancel={onDone}
    >
      {task.doneCriteria ? (
        <p className="small">{t("taskw.close.criteria", { text: task.doneCriteria })}</p>
      ) : null}
      <StepTextField
        id="tc-evidence"
        label={t("taskw.close.evidence")}
        value={evidence}
        onChange={setEvidence}
        rows={[3, 10]}
        placeholder={t("taskw.close.evidenceHint")}
        error={problems.includes("evidence") ? t("taskw.problem.evidence") : null}
        required
        testId="task-close-evidence"
      />
      <StepMilestones
        legend={t("taskw.close.milestones")}
        ticks={ticks}
        today={today}
        onChange={setTicks}
        idPrefix="tc"
      >
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
      </StepMilestones>
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
      <StepFiles id="tc-files" files={files} onChange={setFiles} />
    </TaskStepForm>
  );
}
