import { App, Button, Input, InputNumber, Select, type UploadFile } from "antd";
import { useState } from "react";
import type { TaskDetailView } from "../../../../src/contract/tasks.ts";
import { usePlans } from "../../api/queries.ts";
import { useTaskStep } from "../../api/task-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { todayIso } from "../tasks/task-model.ts";
import { FilePicker, filesOf } from "./FilePicker.tsx";
import { MilestoneTicks } from "./MilestoneTicks.tsx";
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
  const { message } = App.useApp();
  const step = useTaskStep(task.planId);
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
  const [problems, setProblems] = useState<ProgressProblem[]>([]);
  const set = <K extends keyof Omit<ProgressForm, "period">>(key: K, value: ProgressForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function submit() {
    const checked = progressBody({ ...form, period: period ?? periods[0] ?? "" }, ticks, today);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    try {
      await step.mutateAsync({ step: "progress", id: task.id, body: checked.body, files: filesOf(files) });
      message.success(t("taskw.progress.sent"));
      onDone();
    } catch (error) {
      message.error(t("taskw.stepFailed", { message: errorMessage(error, t) }), 8);
    }
  }

  const has = (p: ProgressProblem) => problems.includes(p);
  return (
    <form
      className="tw-task-form"
      data-testid="task-progress-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 className="tw-task-form-title">{t("taskw.progress.title")}</h2>
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
      <div className="report-field">
        <label htmlFor="tp-progress">{t("taskw.progress.progress")}</label>
        <Input.TextArea
          id="tp-progress"
          value={form.progress}
          onChange={(e) => set("progress", e.target.value)}
          autoSize={{ minRows: 3, maxRows: 10 }}
          status={has("progress") ? "error" : undefined}
          aria-required="true"
          data-testid="task-progress-text"
        />
        {has("progress") ? (
          <span className="field-error small" role="alert">
            {t("taskw.problem.progress")}
          </span>
        ) : null}
      </div>
      <div className="report-field">
        <label htmlFor="tp-problems">{t("taskw.progress.problems")}</label>
        <Input.TextArea
          id="tp-problems"
          value={form.problems}
          onChange={(e) => set("problems", e.target.value)}
          autoSize={{ minRows: 2, maxRows: 8 }}
        />
      </div>
      <div className="report-field">
        <label htmlFor="tp-next">{t("taskw.progress.nextSteps")}</label>
        <Input.TextArea
          id="tp-next"
          value={form.nextSteps}
          onChange={(e) => set("nextSteps", e.target.value)}
          autoSize={{ minRows: 2, maxRows: 8 }}
        />
      </div>
      <div className="report-field">
        <label htmlFor="tp-percent">{t("taskw.progress.percent")}</label>
        <InputNumber<number>
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
      {ticks.length > 0 ? (
        <fieldset className="report-field tw-task-fieldset">
          <legend>{t("taskw.progress.milestones")}</legend>
          <MilestoneTicks ticks={ticks} today={today} onChange={setTicks} idPrefix="tp" />
        </fieldset>
      ) : null}
      <div className="report-field">
        <label htmlFor="tp-files">{t("taskw.files.label")}</label>
        <FilePicker id="tp-files" files={files} onChange={setFiles} />
      </div>
      <div className="report-actions">
        <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="task-progress-submit">
          {t("taskw.progress.submit")}
        </Button>
        <Button onClick={onDone}>{t("common.cancel")}</Button>
      </div>
    </form>
  );
}
