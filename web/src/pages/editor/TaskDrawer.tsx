import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Tag,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import type { PlanSummary } from "../../../../src/contract/plans.ts";
import type { TaskView } from "../../../../src/contract/tasks.ts";
import { deadlineWords } from "../../../../src/domain/task-deadlines.ts";
import { usePatchTask } from "../../api/task-queries.ts";
import { DepartmentSuggestion } from "../../components/DepartmentSuggestion.tsx";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { LIGHT_COLOR, local } from "../tasks/task-model.ts";
import { MilestoneEditor, type MilestoneRow, milestoneRows } from "./MilestoneEditor.tsx";
import { TaskField } from "./TaskField.tsx";
import {
  acceptableSuggestion,
  checkTaskDraft,
  type DeadlineReadingView,
  isStoppedTask,
  planYear,
  type TaskDraft,
  taskDraftOf,
} from "./task-editor-model.ts";

interface Props {
  planId: number;
  plan: PlanSummary;
  task: TaskView | null;
  departments: DepartmentRef[];
  readOnly: boolean;
  narrow: boolean;
  onClose: () => void;
}

type Draft = TaskDraft & { milestones: MilestoneRow[] };
const DAY = "YYYY-MM-DD";

const draftOf = (task: TaskView): Draft => {
  const d = taskDraftOf(task);
  return { ...d, milestones: milestoneRows(d.milestones) };
};

/** One task, every field: title, departments (the suggestion in one click), 完成时限, 节点, 完成标准, frequency, weight. */
export function TaskDrawer({ planId, plan, task, departments, readOnly, narrow, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Drawer
      open={task !== null}
      onClose={onClose}
      size={narrow ? "100%" : 640}
      destroyOnHidden
      title={t("taskEditor.drawer.title")}
      rootClassName="editor-drawer task-drawer"
    >
      {task ? (
        <TaskForm
          key={task.id}
          planId={planId}
          plan={plan}
          task={task}
          departments={departments}
          readOnly={readOnly}
        />
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}

function TaskForm({
  planId,
  plan,
  task,
  departments,
  readOnly,
}: Omit<Props, "task" | "narrow" | "onClose"> & { task: TaskView }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const patch = usePatchTask(planId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(task));
  const set = (next: Partial<Draft>) => setDraft((d) => ({ ...d, ...next }));
  const check = checkTaskDraft(task, draft, planYear(plan));
  const stopped = isStoppedTask(task);
  const locked = readOnly || stopped || plan.state === "closed";
  // A published plan moves dates through 调整申请, never by editing them.
  const datesLocked = locked || plan.state !== "draft";
  const suggestion = acceptableSuggestion(task, departments);
  const departmentOptions = departments.map((d) => ({ value: d.id, label: d.name }));

  async function save() {
    if (!check.dirty || !check.valid) return;
    const sent = draft;
    try {
      const saved = await patch.mutateAsync({ id: task.id, patch: check.patch });
      // The server's answer (deadline words read, milestones given ids) — unless the planner has
      // typed on while it was on its way: that is kept.
      setDraft((now) => (now === sent ? draftOf(saved) : now));
      message.success(t("taskEditor.drawer.saved"));
    } catch (error) {
      message.error(t("taskEditor.drawer.failed", { message: errorMessage(error, t) }), 8);
    }
  }

  /** One click: only the lead changes, whatever else is being edited stays as typed. */
  async function acceptSuggestion(department: DepartmentRef) {
    try {
      await patch.mutateAsync({ id: task.id, patch: { leadDepartmentId: department.id } });
      setDraft((now) => ({ ...now, leadDepartmentId: department.id }));
      message.success(t("taskEditor.suggestionAccepted", { department: department.name }));
    } catch (error) {
      message.error(t("taskEditor.drawer.failed", { message: errorMessage(error, t) }), 8);
    }
  }

  return (
    // Not a <form>: Enter in a date picker or a milestone's name must not save the whole task.
    <div className="task-form" data-testid="task-drawer" data-task-id={task.id}>
      <div className="task-form-status">
        <Tag color={LIGHT_COLOR[task.status]} variant="filled">
          {t(`taskw.light.${task.status}`)}
        </Tag>
        <span className="muted small">{t(`taskw.state.${task.state}`)}</span>
        <span className="small">{local(task.working, lang)}</span>
      </div>
      {stopped ? (
        <Alert
          type="warning"
          showIcon
          title={t("taskEditor.stoppedAlert", {
            date: task.stoppedOn ?? "",
            reason: task.stoppedReason ?? "",
          })}
          data-testid="task-stopped-alert"
        />
      ) : null}

      <TaskField
        id="task-title"
        label={t("taskEditor.field.title")}
        error={check.problems.title ? t("taskEditor.field.titleRequired") : null}
      >
        <Input.TextArea
          id="task-title"
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
          autoSize={{ minRows: 2, maxRows: 8 }}
          disabled={locked}
          status={check.problems.title ? "error" : undefined}
          data-testid="task-field-title"
        />
      </TaskField>

      {suggestion && task.suggestedDepartment && !locked ? (
        <DepartmentSuggestion
          testId="task-suggestion"
          tag={t("editor.suggested")}
          text={t("taskEditor.suggestion", {
            department: suggestion.name,
            keyword: task.suggestedDepartment.keyword,
          })}
        >
          <Button
            size="small"
            type="primary"
            ghost
            loading={patch.isPending}
            onClick={() => void acceptSuggestion(suggestion)}
            data-testid="task-accept-suggestion"
          >
            {t("taskEditor.acceptSuggestion")}
          </Button>
        </DepartmentSuggestion>
      ) : null}

      <div className="task-form-row">
        <div>
          <TaskField id="task-lead" label={t("taskEditor.field.lead")}>
            <Select<number>
              id="task-lead"
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              value={draft.leadDepartmentId ?? undefined}
              onChange={(id) => set({ leadDepartmentId: id ?? null })}
              options={departmentOptions}
              placeholder={t("assignment.unassigned")}
              disabled={locked}
              className="w-full"
              data-testid="task-field-lead"
            />
          </TaskField>
        </div>
        <div>
          <TaskField id="task-co" label={t("taskEditor.field.co")}>
            <Select<number[]>
              id="task-co"
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              showSearch={{ optionFilterProp: "label" }}
              value={draft.coDepartmentIds.filter((id) => id !== draft.leadDepartmentId)}
              onChange={(ids) => set({ coDepartmentIds: ids })}
              options={departmentOptions.filter((o) => o.value !== draft.leadDepartmentId)}
              disabled={locked}
              className="w-full"
              data-testid="task-field-co"
            />
          </TaskField>
        </div>
      </div>

      <DeadlineField
        draft={draft}
        set={set}
        reading={check.reading}
        task={task}
        locked={datesLocked}
        lockedHint={!locked && datesLocked ? t("taskEditor.datesLocked") : null}
      />

      <MilestoneEditor
        value={draft.milestones}
        onChange={(milestones) => set({ milestones })}
        problems={check.problems.milestones}
        deadline={check.deadline}
        stored={task.milestones}
        readOnly={datesLocked}
      />

      <TaskField id="task-criteria" label={t("taskEditor.field.doneCriteria")}>
        <Input.TextArea
          id="task-criteria"
          value={draft.doneCriteria}
          onChange={(e) => set({ doneCriteria: e.target.value })}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={t("taskEditor.field.doneCriteriaHint")}
          disabled={locked}
          data-testid="task-field-criteria"
        />
      </TaskField>

      <div className="task-form-row">
        <div>
          <TaskField id="task-frequency" label={t("taskEditor.field.frequency")}>
            <Select<TaskView["frequency"]>
              id="task-frequency"
              value={draft.frequency}
              onChange={(frequency) => set({ frequency })}
              options={(["monthly", "quarterly"] as const).map((f) => ({
                value: f,
                label: t(`editor.frequency.${f}`),
              }))}
              disabled={locked}
              className="w-full"
              data-testid="task-field-frequency"
            />
          </TaskField>
        </div>
        <div>
          <TaskField
            id="task-weight"
            label={t("taskEditor.field.weight")}
            error={check.problems.weight ? t("taskEditor.field.weightBad") : null}
          >
            <InputNumber<number>
              id="task-weight"
              min={0}
              step={0.5}
              value={draft.weight}
              onChange={(weight) => set({ weight: weight ?? null })}
              status={check.problems.weight ? "error" : undefined}
              disabled={locked}
              className="w-full"
              data-testid="task-field-weight"
            />
          </TaskField>
        </div>
      </div>

      {locked ? null : (
        <div className="task-form-actions">
          <Button
            type="primary"
            onClick={() => void save()}
            disabled={!check.dirty || !check.valid}
            loading={patch.isPending}
            data-testid="task-save"
          >
            {t("taskEditor.drawer.save")}
          </Button>
          <Button disabled={!check.dirty} onClick={() => setDraft(draftOf(task))}>
            {t("taskEditor.drawer.reset")}
          </Button>
          {check.dirty && !check.valid ? (
            <span className="field-error small">{t("taskEditor.drawer.fix")}</span>
          ) : null}
        </div>
      )}
    </div>
  );
}

function DeadlineField({
  draft,
  set,
  reading,
  task,
  locked,
  lockedHint,
}: {
  draft: Draft;
  set: (next: Partial<Draft>) => void;
  reading: DeadlineReadingView;
  task: TaskView;
  locked: boolean;
  /** Why the dates cannot be edited here, when the planner could otherwise edit the task. */
  lockedHint: string | null;
}) {
  const { t, lang } = useI18n();
  const form = draft.deadline;
  const setForm = (next: Partial<Draft["deadline"]>) => set({ deadline: { ...form, ...next } });
  const readingText = (() => {
    switch (reading.kind) {
      case "date":
        return (
          <span className="muted">
            {t("taskEditor.deadline.readAs", { date: local(deadlineWords(reading.date), lang) })}
          </span>
        );
      case "open":
        return <span className="muted">{t("taskEditor.deadline.open")}</span>;
      case "none":
        return <span className="muted">{t("taskEditor.noDeadline")}</span>;
      case "unread":
        return <span className="field-error">{t("taskEditor.deadline.unread")}</span>;
      case "bad_date":
        return <span className="field-error">{t("taskEditor.deadline.badDate")}</span>;
    }
  })();

  return (
    <fieldset className="task-deadline" data-testid="task-deadline">
      <legend className="task-field-label">{t("taskEditor.field.deadline")}</legend>
      {locked ? null : (
        <Radio.Group
          value={form.mode}
          onChange={(e) => setForm({ mode: e.target.value })}
          optionType="button"
          size="small"
          options={[
            { value: "date", label: t("taskEditor.deadline.byDate") },
            { value: "words", label: t("taskEditor.deadline.byWords") },
          ]}
          data-testid="task-deadline-mode"
        />
      )}
      {form.mode === "date" ? (
        <DatePicker
          value={form.date ? dayjs(form.date, DAY) : null}
          onChange={(d) => setForm({ date: d ? d.format(DAY) : null })}
          disabled={locked}
          aria-label={t("taskEditor.field.deadline")}
          className="task-deadline-input"
          data-testid="task-deadline-date"
        />
      ) : (
        <Input
          value={form.words}
          onChange={(e) => setForm({ words: e.target.value })}
          placeholder={t("taskEditor.deadline.wordsHint")}
          aria-label={t("taskEditor.field.deadline")}
          disabled={locked}
          status={reading.kind === "unread" ? "error" : undefined}
          className="task-deadline-input"
          data-testid="task-deadline-words"
        />
      )}
      <div className="small task-deadline-reading" aria-live="polite">
        {readingText}
      </div>
      {task.deadlineAdjustment ? (
        <div className="muted small">{local(task.deadlineAdjustment, lang)}</div>
      ) : null}
      {lockedHint ? <div className="muted small">{lockedHint}</div> : null}
    </fieldset>
  );
}
