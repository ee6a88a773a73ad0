import { Input, Radio, Select } from "antd";
import { useState } from "react";
import type { TaskDetailView } from "../../../../src/contract/tasks.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { StepTextField, TaskStepForm, useStepSend } from "./TaskStepForm.tsx";
import { type AdjustForm, type AdjustProblem, adjustBody, initialAdjustForm } from "./task-work-model.ts";

const KINDS: AdjustForm["kind"][] = ["deadline", "milestone", "content"];

/** 调整申请: a new deadline, a milestone's new date or the task's new wording, with the reason. */
export function TaskAdjustForm({ task, onDone }: { task: TaskDetailView; onDone: () => void }) {
  const { t } = useI18n();
  const { problems, send, pending } = useStepSend<AdjustProblem>(task.planId, onDone);
  const [form, setForm] = useState<AdjustForm>(() => initialAdjustForm(task));
  const openMilestones = task.milestones.filter((m) => m.doneOn === null);
  const milestone = openMilestones.find((m) => m.id === form.milestoneId) ?? null;
  const set = <K extends keyof AdjustForm>(key: K, value: AdjustForm[K]) =>
    setForm((f) => {
      const next = { ...f, [key]: value };
      // Another kind or milestone starts from the date it would change.
      if (key === "kind" || key === "milestoneId") {
        const m = task.milestones.find((x) => x.id === next.milestoneId);
        next.proposedDue = (next.kind === "milestone" ? m?.due : task.deadline) ?? "";
      }
      return next;
    });

  const submit = () =>
    send(
      adjustBody(form, task),
      (body) => ({ step: "adjust-request", id: task.id, body }),
      "taskw.adjust.sent",
    );

  const original =
    form.kind === "deadline"
      ? (task.deadlineText ?? task.deadline ?? t("taskw.fact.noDeadline"))
      : form.kind === "milestone"
        ? (milestone?.due ?? "")
        : null;
  const problemText = (p: AdjustProblem) =>
    p === "after_deadline"
      ? t(`taskw.problem.adjust.after_deadline_${form.kind}`)
      : t(`taskw.problem.adjust.${p}`);
  const kinds = KINDS.filter((k) => k !== "milestone" || openMilestones.length > 0);

  return (
    <TaskStepForm
      testId="task-adjust-form"
      title={t("taskw.adjust.title")}
      submit={{ label: t("taskw.adjust.submit"), testId: "task-adjust-submit" }}
      pending={pending}
      onSubmit={() => void submit()}
      onCancel={onDone}
    >
      <div className="report-field">
        <span className="tw-field-label" id="ta-kind">
          {t("taskw.adjust.kind")}
        </span>
        <Radio.Group
          aria-labelledby="ta-kind"
          optionType="button"
          value={form.kind}
          onChange={(e) => set("kind", e.target.value as AdjustForm["kind"])}
          options={kinds.map((k) => ({ value: k, label: t(`taskw.kind.${k}`) }))}
          data-testid="task-adjust-kind"
        />
      </div>
      {form.kind === "milestone" ? (
        <div className="report-field">
          <label htmlFor="ta-milestone">{t("taskw.adjust.milestone")}</label>
          <Select<number>
            id="ta-milestone"
            value={form.milestoneId ?? undefined}
            onChange={(v) => set("milestoneId", v)}
            options={openMilestones.map((m) => ({
              value: m.id,
              label: t("taskw.adjust.milestoneOption", { name: m.name, date: m.due }),
            }))}
            status={problems.includes("milestone") ? "error" : undefined}
          />
        </div>
      ) : null}
      {form.kind === "content" ? (
        <StepTextField
          id="ta-title"
          label={t("taskw.adjust.proposedTitle")}
          hint={<p className="small muted">{t("taskw.adjust.original", { value: task.title })}</p>}
          value={form.proposedTitle}
          onChange={(v) => set("proposedTitle", v)}
          rows={[3, 10]}
          invalid={problems.includes("title") || problems.includes("no_change")}
        />
      ) : (
        <div className="report-field">
          <label htmlFor="ta-due">{t("taskw.adjust.proposedDue")}</label>
          {original ? <p className="small muted">{t("taskw.adjust.original", { value: original })}</p> : null}
          <Input
            id="ta-due"
            type="date"
            value={form.proposedDue}
            onChange={(e) => set("proposedDue", e.target.value)}
            status={problems.includes("date") || problems.includes("no_change") ? "error" : undefined}
            className="tw-date-input"
            data-testid="task-adjust-due"
          />
        </div>
      )}
      <StepTextField
        id="ta-reason"
        label={t("taskw.adjust.reason")}
        value={form.reason}
        onChange={(v) => set("reason", v)}
        rows={[2, 8]}
        invalid={problems.includes("reason")}
        required
        testId="task-adjust-reason"
      />
      {problems.length > 0 ? (
        <ul className="field-error small tw-task-problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{problemText(p)}</li>
          ))}
        </ul>
      ) : null}
    </TaskStepForm>
  );
}
