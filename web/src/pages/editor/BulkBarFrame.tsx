import { App, Button, Select } from "antd";
import { type ReactNode, useState } from "react";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import type { ReportFrequency } from "../../../../src/contract/reports.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** Whose words the bar speaks: the targets' bar or the tasks' bar. */
type BulkWords = "editor.bulk" | "taskEditor.bulk";

const CLEAR_LEAD = -1;
const FREQUENCIES = ["monthly", "quarterly"] as const;

/** What both bars set on every selected row: only what was chosen, so the rest stays as it is. */
export interface BulkChoice {
  leadDepartmentId?: number | null;
  coDepartmentIds?: number[];
  frequency?: ReportFrequency;
}

interface BulkFields {
  lead: number | undefined;
  setLead: (lead: number | undefined) => void;
  co: number[] | undefined;
  setCo: (co: number[] | undefined) => void;
  frequency: ReportFrequency | undefined;
  setFrequency: (frequency: ReportFrequency | undefined) => void;
}

/**
 * The departments and frequency a bulk bar sets, and its one all-or-nothing request: `apply` warns
 * when the choice changes nothing, says how many rows changed, clears the choice and the selection.
 */
export function useBulkBar({
  words,
  selected,
  departments,
  onClear,
}: {
  words: BulkWords;
  selected: ReadonlySet<number>;
  departments: DepartmentRef[];
  onClear: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [lead, setLead] = useState<number | undefined>(undefined);
  const [co, setCo] = useState<number[] | undefined>(undefined);
  const [frequency, setFrequency] = useState<ReportFrequency | undefined>(undefined);
  const choice: BulkChoice = {
    ...(lead !== undefined ? { leadDepartmentId: lead === CLEAR_LEAD ? null : lead } : {}),
    ...(co !== undefined ? { coDepartmentIds: co } : {}),
    ...(frequency !== undefined ? { frequency } : {}),
  };

  /** Sends the `changes` rows' changes with `send`, which answers how many rows changed. */
  async function apply(changes: number, send: () => Promise<number>): Promise<boolean> {
    if (changes === 0) {
      message.warning(t(`${words}.nothing`));
      return false;
    }
    try {
      const count = await send();
      message.success(t(`${words}.done`, { count }));
      setLead(undefined);
      setCo(undefined);
      setFrequency(undefined);
      onClear();
      return true;
    } catch (error) {
      message.error(t(`${words}.failed`, { message: errorMessage(error, t) }), 8);
      return false;
    }
  }

  const fields: BulkFields = { lead, setLead, co, setCo, frequency, setFrequency };
  /** What the bar's frame takes from here. */
  const frame = { words, count: selected.size, departments, fields, onClear };
  return { frame, choice, apply };
}

/**
 * A bulk bar: the count selected, lead and co-operating departments, the bar's own fields
 * (`children`), frequency, apply and clear. Always laid out (disabled without a selection) so the
 * table never jumps.
 */
export function BulkBarFrame({
  words,
  testIds,
  count,
  departments,
  fields,
  pending,
  onApply,
  onClear,
  children,
}: {
  words: BulkWords;
  testIds: { bar: string; lead: string; co: string; frequency?: string; apply: string };
  count: number;
  departments: DepartmentRef[];
  fields: BulkFields;
  pending: boolean;
  onApply: () => void;
  onClear: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const none = count === 0;
  const departmentOptions = departments.map((d) => ({ value: d.id, label: d.name }));
  const keep = (field: string) => t(`${words}.keep`, { field });
  return (
    <section
      className={`editor-bulk${none ? " is-empty" : ""}`}
      aria-label={t(`${words}.selected`, { count })}
      data-testid={testIds.bar}
    >
      <strong className="num editor-bulk-count" aria-live="polite">
        {t(`${words}.selected`, { count })}
      </strong>
      <Select<number>
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        disabled={none}
        placeholder={keep(t(`${words}.lead`))}
        aria-label={t(`${words}.lead`)}
        value={fields.lead}
        onChange={fields.setLead}
        options={[{ value: CLEAR_LEAD, label: t(`${words}.clearLead`) }, ...departmentOptions]}
        className="editor-bulk-select"
        data-testid={testIds.lead}
      />
      <Select<number[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        showSearch={{ optionFilterProp: "label" }}
        disabled={none}
        placeholder={keep(t(`${words}.co`))}
        aria-label={t(`${words}.co`)}
        value={fields.co}
        onChange={(v) => fields.setCo(v.length === 0 ? undefined : v)}
        options={departmentOptions}
        className="editor-bulk-select wide"
        data-testid={testIds.co}
      />
      {children}
      <Select<ReportFrequency>
        allowClear
        disabled={none}
        placeholder={keep(t(`${words}.frequency`))}
        aria-label={t(`${words}.frequency`)}
        value={fields.frequency}
        onChange={fields.setFrequency}
        options={FREQUENCIES.map((f) => ({ value: f, label: t(`editor.frequency.${f}`) }))}
        className="editor-bulk-select narrow"
        data-testid={testIds.frequency}
      />
      <Button type="primary" disabled={none} loading={pending} onClick={onApply} data-testid={testIds.apply}>
        {t(`${words}.apply`)}
      </Button>
      <Button type="link" disabled={none} onClick={onClear}>
        {t(`${words}.clearSelection`)}
      </Button>
    </section>
  );
}
