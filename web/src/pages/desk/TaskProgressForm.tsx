import { Select, type UploadFile } from "antd";
import { useState } from "react";
import type { TaskDetailView } from "../../../../src/contract/tasks.ts";
import { usePlans } from "../../api/queries.ts";
import { NumberInput } from "../../components/NumberInput.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { todayIso } from "../tasks/task-model.ts";
import { filesOf } from "./FilePicker.tsx";
import { StepFiles, StepMilestones, StepTextField, TaskStepForm, useStepSend } from "./TaskStepForm.tsx";
import {
  initialTicks,
  type MilestoneTick,
  type ProgressForm,
  type ProgressProblem,
  periodChoices,
  progressBody,
} from "./task-work-model.ts";

/** 报送进展: 进展情况 / 存在问题 / 下步打算, 形象进度, milestones done with their day, and the files. */
export function TaskProgressForm({ task, onDone }: { task: TaskDetailView; onDone: () => void }) {
  const { t } = useI18n();
  const { problems, send, pending } = useStepSend<ProgressProblem>(task.planId, onDone);
  const today = todayIso();
  const plan = usePlans().data?.find((p) => p.id === task.planId) ?? null;
  const periods = periodChoices(today, task.frequency, plan);
  // null: the newest period the plan allows (known once the plan is loaded).
  const [period, setPeriod] = useState<string | null>(null);
  const [form, setForm] = useState<Omit<ProgressForm, "period">>(() => ({
    progress: "",
    problems: "",
    nextSteps: "",
    percent: task.percent,
  }));
  const [ticks, setTicks] = useState<MilestoneTick[]>(() => initialTicks(task.milestones, today));
  const [files, setFiles] = useState<UploadFile[]>([]);
  const set = <K extends keyof Omit<ProgressForm, "period">>(key: K, value: ProgressForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = () =>
    send(
      progressBody({ ...form, period: period ?? periods[0] ?? "" }, ticks, today),
      (body) => ({ step: "progress", id: task.id, body, files: filesOf(files) }),
      "taskw.progress.sent",
    );

  const has = (p: ProgressProblem) => problems.includes(p);
  return (
    <TaskStepForm
      testId="task-progress-form"
      title={t("taskw.progress.title")}
      submit={{ label: t("taskw.progress.submit"), testId: "task-progress-submit" }}
      pending={pending}
      onSubmit={() => void submit()}
      onCancel={onDone}
    >
      <div className="report-field">
        <label htmlFor="tp-period">{t("taskw.progress.period")}</label>
        <Select<string>
          id="tp-period"
          value={period ?? periods[0]}
          onChange={setPeriod}
          options={periods.map((p) => ({ value: p, label: p }))}
          className="tw-task-period-select"
          data-testid="task-period"
        />
      </div>
      <StepTextField
        id="tp-progress"
        label={t("taskw.progress.progress")}
        value={form.progress}
        onChange={(v) => set("progress", v)}
        rows={[3, 10]}
        error={has("progress") ? t("taskw.problem.progress") : null}
        required
        testId="task-progress-text"
      />
      <StepTextField
        id="tp-problems"
        label={t("taskw.progress.problems")}
        value={form.problems}
        onChange={(v) => set("problems", v)}
        rows={[2, 8]}
      />
      <StepTextField
        id="tp-next"
        label={t("taskw.progress.nextSteps")}
        value={form.nextSteps}
        onChange={(v) => set("nextSteps", v)}
        rows={[2, 8]}
      />
      <div className="report-field">
        <label htmlFor="tp-percent">{t("taskw.progress.percent")}</label>
        <NumberInput
          unit="%"
          id="tp-percent"
          min={0}
          max={100}
          step={5}
          value={form.percent}
          onChange={(v) => set("percent", v ?? null)}
          status={has("percent") ? "error" : undefined}
          suffix="%"
          className="tw-task-percent"
          inputMode="decimal"
          data-testid="task-percent"
        />
        {has("percent") ? (
          <span className="field-error small" role="alert">
            {t("taskw.problem.percent")}
          </span>
        ) : null}
      </div>
      <StepMilestones
        legend={t("taskw.progress.milestones")}
        ticks={ticks}
        today={today}
        onChange={setTicks}
        idPrefix="tp"
      />
      <StepFiles id="tp-files" files={files} onChange={setFiles} />
    </TaskStepForm>
  );
}
