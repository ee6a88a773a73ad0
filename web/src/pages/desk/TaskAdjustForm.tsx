import { App, Button, Input, Radio, Select } from "antd";
import { useState } from "react";
import type { TaskDetailView } from "../../../../src/contract/tasks.ts";
import { useTaskStep } from "../../api/task-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { type AdjustForm, type AdjustProblem, adjustBody, initialAdjustForm } from "./task-work-model.ts";

const KINDS: AdjustForm["kind"][] = ["deadline", "milestone", "content"];

/** 调整申请: a new deadline, a milestone's new date or the task's new wording, with the reason. */
export function TaskAdjustForm({ task, onDone }: { task: TaskDetailView; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const step = useTaskStep(task.planId);
  const [form, setForm] = useState<AdjustForm>(() => initialAdjustForm(task));
  const [problems, setProblems] = useState<AdjustProblem[]>([]);
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

  async function submit() {
    const checked = adjustBody(form, task);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    try {
      await step.mutateAsync({ step: "adjust-request", id: task.id, body: checked.body });
      message.success(t("taskw.adjust.sent"));
      onDone();
    } catch (error) {
      message.error(t("taskw.stepFailed", { message: errorMessage(error, t) }), 8);
    }
  }

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
    <form
      className="tw-task-form"
      data-testid="task-adjust-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 className="tw-task-form-title">{t("taskw.adjust.title")}</h2>
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
        <div className="report-field">
          <label htmlFor="ta-title">{t("taskw.adjust.proposedTitle")}</label>
          <p className="small muted">{t("taskw.adjust.original", { value: task.title })}</p>
          <Input.TextArea
            id="ta-title"
            value={form.proposedTitle}
            onChange={(e) => set("proposedTitle", e.target.value)}
            autoSize={{ minRows: 3, maxRows: 10 }}
            status={problems.includes("title") || problems.includes("no_change") ? "error" : undefined}
          />
        </div>
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
      <div className="report-field">
        <label htmlFor="ta-reason">{t("taskw.adjust.reason")}</label>
        <Input.TextArea
          id="ta-reason"
          value={form.reason}
          onChange={(e) => set("reason", e.target.value)}
          autoSize={{ minRows: 2, maxRows: 8 }}
          status={problems.includes("reason") ? "error" : undefined}
          aria-required="true"
          data-testid="task-adjust-reason"
        />
      </div>
      {problems.length > 0 ? (
        <ul className="field-error small tw-task-problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{problemText(p)}</li>
          ))}
        </ul>
      ) : null}
      <div className="report-actions">
        <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="task-adjust-submit">
          {t("taskw.adjust.submit")}
        </Button>
        <Button onClick={onDone}>{t("common.cancel")}</Button>
      </div>
    </form>
  );
}
