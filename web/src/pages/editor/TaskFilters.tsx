import { Button, Select } from "antd";
import { useMemo } from "react";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import type { TaskView } from "../../../../src/contract/tasks.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { EMPTY_TASK_FILTER, type TaskFilter, taskHeadings } from "../tasks/task-model.ts";
import { DepartmentFilterSelect, FilterSearch } from "./FilterFields.tsx";

interface Props {
  filter: TaskFilter;
  onChange: (next: TaskFilter) => void;
  tasks: readonly TaskView[];
  departments: DepartmentRef[];
  shown: number;
  total: number;
}

const short = (title: string, max = 22) => (title.length > max ? `${title.slice(0, max)}…` : title);

/** Words, area, group (of the area chosen) and department: the rows the bulk bar works on. */
export function TaskFilters({ filter, onChange, tasks, departments, shown, total }: Props) {
  const { t } = useI18n();
  const { areas, groups } = useMemo(() => taskHeadings(tasks), [tasks]);
  const shownGroups = filter.areaId === null ? groups : groups.filter((g) => g.areaId === filter.areaId);
  const set = (patch: Partial<TaskFilter>) => onChange({ ...filter, ...patch });
  const filtered =
    filter.query !== "" || filter.areaId !== null || filter.groupId !== null || filter.department !== null;
  return (
    <search className="editor-filters" data-testid="task-filters">
      <FilterSearch
        label={t("taskEditor.search")}
        value={filter.query}
        onChange={(query) => set({ query })}
        testId="task-search"
      />
      <Select<number>
        allowClear
        placeholder={t("taskEditor.filter.area")}
        aria-label={t("taskEditor.filter.area")}
        value={filter.areaId ?? undefined}
        // A group of another area would leave nothing to show: the group goes with the area.
        onChange={(areaId) => set({ areaId: areaId ?? null, groupId: null })}
        options={areas.map((a) => ({ value: a.id, label: short(a.title), title: a.title }))}
        className="editor-filter-select"
        data-testid="task-filter-area"
      />
      <Select<number>
        allowClear
        showSearch={{ optionFilterProp: "title" }}
        placeholder={t("taskEditor.filter.group")}
        aria-label={t("taskEditor.filter.group")}
        value={filter.groupId ?? undefined}
        onChange={(groupId) => set({ groupId: groupId ?? null })}
        options={shownGroups.map((g) => ({ value: g.id, label: short(g.title), title: g.title }))}
        className="editor-filter-select"
        data-testid="task-filter-group"
      />
      <DepartmentFilterSelect
        value={filter.department}
        onChange={(department) => set({ department })}
        departments={departments}
        testId="task-filter-department"
      />
      <Button type="link" size="small" disabled={!filtered} onClick={() => onChange(EMPTY_TASK_FILTER)}>
        {t("taskEditor.filter.clear")}
      </Button>
      <span className="spacer" />
      <span className="muted small num" aria-live="polite">
        {t("taskEditor.total", { shown, total })}
      </span>
    </search>
  );
}
