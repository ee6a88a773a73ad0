import { Button, Checkbox, Select } from "antd";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import type { OutlineNodeView } from "../../../../src/contract/plans.ts";
import type { TargetKind } from "../../../../src/extract/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { nodeLabel } from "../plan/model.ts";
import { type EditorFilter, EMPTY_FILTER } from "./editor-model.ts";
import { DepartmentFilterSelect, FilterSearch } from "./FilterFields.tsx";

export const KINDS: TargetKind[] = ["cumulative", "level", "rate", "milestone"];

interface Props {
  filter: EditorFilter;
  onChange: (next: EditorFilter) => void;
  areas: OutlineNodeView[];
  departments: DepartmentRef[];
  shown: number;
  total: number;
}

/** Search, area, kind, department and "unassigned only": the rows the bulk bar works on. */
export function EditorFilters({ filter, onChange, areas, departments, shown, total }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<EditorFilter>) => onChange({ ...filter, ...patch });
  const filtered =
    filter.query !== "" ||
    filter.areaIds.length > 0 ||
    filter.kinds.length > 0 ||
    filter.department !== null ||
    filter.unassignedOnly;
  return (
    <search className="editor-filters">
      <FilterSearch
        label={t("editor.search")}
        value={filter.query}
        onChange={(query) => set({ query })}
        testId="editor-search"
      />
      <Select<number[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t("editor.filter.area")}
        aria-label={t("editor.filter.area")}
        value={[...filter.areaIds]}
        onChange={(areaIds) => set({ areaIds })}
        options={areas.map((a) => ({ value: a.id, label: nodeLabel(a, 20) }))}
        className="editor-filter-select"
        data-testid="editor-filter-area"
      />
      <Select<TargetKind[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t("editor.filter.kind")}
        aria-label={t("editor.filter.kind")}
        value={[...filter.kinds]}
        onChange={(kinds) => set({ kinds })}
        options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        className="editor-filter-select"
      />
      <DepartmentFilterSelect
        value={filter.department}
        onChange={(department) => set({ department })}
        departments={departments}
      />
      <Checkbox
        checked={filter.unassignedOnly}
        onChange={(e) => set({ unassignedOnly: e.target.checked })}
        data-testid="editor-filter-unassigned"
      >
        {t("editor.filter.unassigned")}
      </Checkbox>
      <Button type="link" size="small" disabled={!filtered} onClick={() => onChange(EMPTY_FILTER)}>
        {t("editor.filter.clear")}
      </Button>
      <span className="spacer" />
      <span className="muted small num" aria-live="polite">
        {t("editor.total", { shown, total })}
      </span>
    </search>
  );
}
