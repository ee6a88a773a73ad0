import { App, Button, DatePicker, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import type { TaskView } from "../../../../src/contract/tasks.ts";
import { useBulkPatchTasks } from "../../api/task-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { type TaskBulkForm, taskBulkChanges } from "../tasks/task-model.ts";

interface Props {
  planId: number;
  tasks: readonly TaskView[];
  selected: ReadonlySet<number>;
  departments: DepartmentRef[];
  /** A published plan moves dates through 调整申请, not through the editor. */
  datesLocked: boolean;
  onClear: () => void;
}

const CLEAR_LEAD = -1;
type Frequency = TaskView["frequency"];

/**
 * Lead and co-operating departments, deadline and frequency set on every selected task in one
 * all-or-nothing request. Always laid out (disabled without a selection) so the table never jumps.
 */
export function TaskBulkBar({ planId, tasks, selected, departments, datesLocked, onClear }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const bulk = useBulkPatchTasks(planId);
  const [lead, setLead] = useState<number | undefined>(undefined);
  const [co, setCo] = useState<number[] | undefined>(undefined);
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [frequency, setFrequency] = useState<Frequency | undefined>(undefined);
  const none = selected.size === 0;
  const departmentOptions = departments.map((d) => ({ value: d.id, label: d.name }));

  function reset() {
    setLead(undefined);
    setCo(undefined);
    setDeadline(null);
    setFrequency(undefined);
  }

  async function apply() {
    const form: TaskBulkForm = {
      ...(lead !== undefined ? { leadDepartmentId: lead === CLEAR_LEAD ? null : lead } : {}),
      ...(co !== undefined ? { coDepartmentIds: co } : {}),
      ...(deadline && !datesLocked ? { deadline: deadline.format("YYYY-MM-DD") } : {}),
      ...(frequency !== undefined ? { frequency } : {}),
    };
    const changes = taskBulkChanges(tasks, selected, form);
    if (changes.length === 0) {
      message.warning(t("taskEditor.bulk.nothing"));
      return;
    }
    try {
      const result = await bulk.mutateAsync({ changes });
      message.success(t("taskEditor.bulk.done", { count: result.tasks?.length ?? changes.length }));
      reset();
      onClear();
    } catch (error) {
      message.error(t("taskEditor.bulk.failed", { message: errorMessage(error, t) }), 8);
    }
  }

  return (
    <section
      className={`editor-bulk${none ? " is-empty" : ""}`}
      aria-label={t("taskEditor.bulk.selected", { count: selected.size })}
      data-testid="task-bulk"
    >
      <strong className="num editor-bulk-count" aria-live="polite">
        {t("taskEditor.bulk.selected", { count: selected.size })}
      </strong>
      <Select<number>
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        disabled={none}
        placeholder={t("taskEditor.bulk.keep", { field: t("taskEditor.bulk.lead") })}
        aria-label={t("taskEditor.bulk.lead")}
        value={lead}
        onChange={setLead}
        options={[{ value: CLEAR_LEAD, label: t("taskEditor.bulk.clearLead") }, ...departmentOptions]}
        className="editor-bulk-select"
        data-testid="task-bulk-lead"
      />
      <Select<number[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        showSearch={{ optionFilterProp: "label" }}
        disabled={none}
        placeholder={t("taskEditor.bulk.keep", { field: t("taskEditor.bulk.co") })}
        aria-label={t("taskEditor.bulk.co")}
        value={co}
        onChange={(v) => setCo(v.length === 0 ? undefined : v)}
        options={departmentOptions}
        className="editor-bulk-select wide"
        data-testid="task-bulk-co"
      />
      <DatePicker
        disabled={none || datesLocked}
        placeholder={t("taskEditor.bulk.keep", { field: t("taskEditor.bulk.deadline") })}
        aria-label={t("taskEditor.bulk.deadline")}
        title={datesLocked ? t("taskEditor.datesLocked") : undefined}
        value={deadline}
        onChange={(d) => setDeadline(d)}
        className="editor-bulk-select narrow"
        data-testid="task-bulk-deadline"
      />
      <Select<Frequency>
        allowClear
        disabled={none}
        placeholder={t("taskEditor.bulk.keep", { field: t("taskEditor.bulk.frequency") })}
        aria-label={t("taskEditor.bulk.frequency")}
        value={frequency}
        onChange={setFrequency}
        options={(["monthly", "quarterly"] as const).map((f) => ({
          value: f,
          label: t(`editor.frequency.${f}`),
        }))}
        className="editor-bulk-select narrow"
        data-testid="task-bulk-frequency"
      />
      <Button
        type="primary"
        disabled={none}
        loading={bulk.isPending}
        onClick={() => void apply()}
        data-testid="task-bulk-apply"
      >
        {t("taskEditor.bulk.apply")}
      </Button>
      <Button type="link" disabled={none} onClick={onClear}>
        {t("taskEditor.bulk.clearSelection")}
      </Button>
    </section>
  );
}
