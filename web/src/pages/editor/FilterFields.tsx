import { SearchOutlined } from "@ant-design/icons";
import { Input, Select } from "antd";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { DepartmentFilter } from "./editor-model.ts";

/** The filters' search box (words of a target's subject, of a task's title). */
export function FilterSearch({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (query: string) => void;
  testId: string;
}) {
  return (
    <Input
      allowClear
      prefix={<SearchOutlined className="muted" />}
      placeholder={label}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className="editor-filter-search"
      data-testid={testId}
    />
  );
}

/** One department, leading or co-operating; or the rows no department leads. */
export function DepartmentFilterSelect({
  value,
  onChange,
  departments,
  testId,
}: {
  value: DepartmentFilter;
  onChange: (department: DepartmentFilter) => void;
  departments: DepartmentRef[];
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Select<Exclude<DepartmentFilter, null>>
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      placeholder={t("editor.filter.department")}
      aria-label={t("editor.filter.department")}
      value={value ?? undefined}
      onChange={(department) => onChange(department ?? null)}
      options={[
        { value: "none" as const, label: t("editor.filter.noDepartment") },
        ...departments.map((d) => ({ value: d.id, label: d.name })),
      ]}
      className="editor-filter-select"
      data-testid={testId}
    />
  );
}
