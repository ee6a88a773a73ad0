import { DatePicker } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import type { TaskView } from "../../../../src/contract/tasks.ts";
import { useBulkPatchTasks } from "../../api/task-queries.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { taskBulkChanges } from "../tasks/task-model.ts";
import { BulkBarFrame, useBulkBar } from "./BulkBarFrame.tsx";

interface Props {
  planId: number;
  tasks: readonly TaskView[];
  selected: ReadonlySet<number>;
  departments: DepartmentRef[];
  /** A published plan moves dates through 调整申请, not through the editor. */
  datesLocked: boolean;
  onClear: () => void;
}

/** Lead and co-operating departments, deadline and frequency set on every selected task in one request. */
export function TaskBulkBar({ planId, tasks, selected, departments, datesLocked, onClear }: Props) {
  const { t } = useI18n();
  const bulk = useBulkPatchTasks(planId);
  const bar = useBulkBar({ words: "taskEditor.bulk", selected, departments, onClear });
  const [deadline, setDeadline] = useState<Dayjs | null>(null);

  async function apply() {
    const changes = taskBulkChanges(tasks, selected, {
      ...bar.choice,
      ...(deadline && !datesLocked ? { deadline: deadline.format("YYYY-MM-DD") } : {}),
    });
    const sent = await bar.apply(
      changes.length,
      async () => (await bulk.mutateAsync({ changes })).tasks?.length ?? changes.length,
    );
    if (sent) setDeadline(null);
  }

  return (
    <BulkBarFrame
      {...bar.frame}
      testIds={{
        bar: "task-bulk",
        lead: "task-bulk-lead",
        co: "task-bulk-co",
        frequency: "task-bulk-frequency",
        apply: "task-bulk-apply",
      }}
      pending={bulk.isPending}
      onApply={() => void apply()}
    >
      <DatePicker
        disabled={selected.size === 0 || datesLocked}
        placeholder={t("taskEditor.bulk.keep", { field: t("taskEditor.bulk.deadline") })}
        aria-label={t("taskEditor.bulk.deadline")}
        title={datesLocked ? t("taskEditor.datesLocked") : undefined}
        value={deadline}
        onChange={(d) => setDeadline(d)}
        className="editor-bulk-select narrow"
        data-testid="task-bulk-deadline"
      />
    </BulkBarFrame>
  );
}
