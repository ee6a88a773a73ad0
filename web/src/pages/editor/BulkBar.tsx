import { App, Button, Select } from "antd";
import { useState } from "react";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import type { TargetView } from "../../../../src/contract/targets.ts";
import type { TargetKind } from "../../../../src/extract/types.ts";
import { useBulkPatchTargets } from "../../api/editor-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { KINDS } from "./EditorFilters.tsx";
import { type BulkForm, bulkChanges } from "./editor-model.ts";

interface Props {
  planId: number;
  targets: TargetView[];
  selected: ReadonlySet<number>;
  departments: DepartmentRef[];
  onClear: () => void;
}

const CLEAR_LEAD = -1;

/**
 * Sets lead and co-operating departments, kind and frequency on every selected target in one
 * all-or-nothing request. Always laid out (disabled without a selection) so the table never jumps.
 */
export function BulkBar({ planId, targets, selected, departments, onClear }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const bulk = useBulkPatchTargets(planId);
  const [lead, setLead] = useState<number | undefined>(undefined);
  const [co, setCo] = useState<number[] | undefined>(undefined);
  const [kind, setKind] = useState<TargetKind | undefined>(undefined);
  const [frequency, setFrequency] = useState<"monthly" | "quarterly" | undefined>(undefined);
  const none = selected.size === 0;
  const departmentOptions = departments.map((d) => ({ value: d.id, label: d.name }));

  async function apply() {
    const form: BulkForm = {
      ...(lead !== undefined ? { leadDepartmentId: lead === CLEAR_LEAD ? null : lead } : {}),
      ...(co !== undefined ? { coDepartmentIds: co } : {}),
      ...(kind !== undefined ? { kind } : {}),
      ...(frequency !== undefined ? { frequency } : {}),
    };
    const changes = bulkChanges(targets, selected, form);
    if (changes.length === 0) {
      message.warning(t("editor.bulk.nothing"));
      return;
    }
    try {
      const result = await bulk.mutateAsync({ changes });
      message.success(t("editor.bulk.done", { count: result.targets.length }));
      setLead(undefined);
      setCo(undefined);
      setKind(undefined);
      setFrequency(undefined);
      onClear();
    } catch (error) {
      message.error(t("editor.bulk.failed", { message: errorMessage(error, t) }), 8);
    }
  }

  return (
    <section
      className={`editor-bulk${none ? " is-empty" : ""}`}
      aria-label={t("editor.bulk.selected", { count: selected.size })}
      data-testid="editor-bulk"
    >
      <strong className="num editor-bulk-count" aria-live="polite">
        {t("editor.bulk.selected", { count: selected.size })}
      </strong>
      <Select<number>
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        disabled={none}
        placeholder={`${t("editor.bulk.lead")}：${t("editor.bulk.keep")}`}
        aria-label={t("editor.bulk.lead")}
        value={lead}
        onChange={setLead}
        options={[{ value: CLEAR_LEAD, label: t("editor.bulk.clearLead") }, ...departmentOptions]}
        className="editor-bulk-select"
        data-testid="bulk-lead"
      />
      <Select<number[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        showSearch={{ optionFilterProp: "label" }}
        disabled={none}
        placeholder={`${t("editor.bulk.co")}：${t("editor.bulk.keep")}`}
        aria-label={t("editor.bulk.co")}
        value={co}
        onChange={(v) => setCo(v.length === 0 ? undefined : v)}
        options={departmentOptions}
        className="editor-bulk-select wide"
        data-testid="bulk-co"
      />
      <Select<TargetKind>
        allowClear
        disabled={none}
        placeholder={`${t("editor.bulk.kind")}：${t("editor.bulk.keep")}`}
        aria-label={t("editor.bulk.kind")}
        value={kind}
        onChange={setKind}
        options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        className="editor-bulk-select narrow"
      />
      <Select<"monthly" | "quarterly">
        allowClear
        disabled={none}
        placeholder={`${t("editor.bulk.frequency")}：${t("editor.bulk.keep")}`}
        aria-label={t("editor.bulk.frequency")}
        value={frequency}
        onChange={setFrequency}
        options={(["monthly", "quarterly"] as const).map((f) => ({
          value: f,
          label: t(`editor.frequency.${f}`),
        }))}
        className="editor-bulk-select narrow"
      />
      <Button
        type="primary"
        disabled={none}
        loading={bulk.isPending}
        onClick={() => void apply()}
        data-testid="bulk-apply"
      >
        {t("editor.bulk.apply")}
      </Button>
      <Button type="link" disabled={none} onClick={onClear}>
        {t("editor.bulk.clearSelection")}
      </Button>
    </section>
  );
}
