import { Form, InputNumber, Select } from "antd";
import type { TargetPatch, TargetView } from "../../../../src/contract/targets.ts";
import type { TargetAttribute } from "../../../../src/extract/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** What an indicator table (主要指标表) says of a target besides its value: 属性, years, 年均增长. */
export interface TableFields {
  attribute: TargetAttribute | null;
  baselineYear: number | null;
  targetYear: number | null;
  annualGrowth: number | null;
}

const KEYS = ["attribute", "baselineYear", "targetYear", "annualGrowth"] as const;

export function tableFieldsOf(target: TargetView): TableFields {
  return {
    attribute: target.attribute,
    baselineYear: target.baselineYear,
    targetYear: target.targetYear,
    annualGrowth: target.annualGrowth,
  };
}

/** Only the fields the planner changed, so that a save names what it changed in the audit log. */
export function changedTableFields(target: TargetView, next: TableFields): TargetPatch {
  const out: TargetPatch = {};
  for (const key of KEYS) {
    if ((next[key] ?? null) !== (target[key] ?? null)) Object.assign(out, { [key]: next[key] ?? null });
  }
  return out;
}

/** The second row of the target drawer: the attribute and the indicator table's years and growth. */
export function IndicatorFields({
  value,
  onChange,
}: {
  value: TableFields;
  onChange: (next: TableFields) => void;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<TableFields>) => onChange({ ...value, ...patch });
  return (
    <div className="editor-fields-row">
      <Form.Item label={t("editor.drawer.attribute")} htmlFor="editor-attribute">
        <Select<TargetAttribute | "none">
          id="editor-attribute"
          value={value.attribute ?? "none"}
          onChange={(v) => set({ attribute: v === "none" ? null : v })}
          options={[
            { value: "none", label: t("attribute.none") },
            { value: "binding", label: t("attribute.binding") },
            { value: "expected", label: t("attribute.expected") },
          ]}
          data-testid="drawer-attribute"
        />
      </Form.Item>
      <YearField
        id="editor-baseline-year"
        label={t("editor.drawer.baselineYear")}
        value={value.baselineYear}
        onChange={(baselineYear) => set({ baselineYear })}
      />
      <YearField
        id="editor-target-year"
        label={t("editor.drawer.targetYear")}
        value={value.targetYear}
        onChange={(targetYear) => set({ targetYear })}
      />
      <Form.Item label={t("editor.drawer.annualGrowth")} htmlFor="editor-annual-growth">
        <InputNumber<number>
          id="editor-annual-growth"
          value={value.annualGrowth}
          onChange={(v) => set({ annualGrowth: v ?? null })}
          style={{ width: "100%" }}
        />
      </Form.Item>
    </div>
  );
}

/** A year a plan may name (基期年份, 目标年份): whole, 1949–2100 as the server checks. */
function YearField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number | null;
  onChange: (year: number | null) => void;
}) {
  return (
    <Form.Item label={label} htmlFor={id}>
      <InputNumber<number>
        id={id}
        value={value}
        min={1949}
        max={2100}
        precision={0}
        onChange={(v) => onChange(v ?? null)}
        style={{ width: "100%" }}
      />
    </Form.Item>
  );
}
