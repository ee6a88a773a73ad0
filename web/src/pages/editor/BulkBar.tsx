import { Select } from "antd";
import { useState } from "react";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import type { TargetView } from "../../../../src/contract/targets.ts";
import type { TargetKind } from "../../../../src/extract/types.ts";
import { useBulkPatchTargets } from "../../api/editor-queries.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { BulkBarFrame, useBulkBar } from "./BulkBarFrame.tsx";
import { KINDS } from "./EditorFilters.tsx";
import { bulkChanges } from "./editor-model.ts";

interface Props {
  planId: number;
  targets: TargetView[];
  selected: ReadonlySet<number>;
  departments: DepartmentRef[];
  onClear: () => void;
}

/** Sets lead and co-operating departments, kind and frequency on every selected target in one request. */
export function BulkBar({ planId, targets, selected, departments, onClear }: Props) {
  const { t } = useI18n();
  const bulk = useBulkPatchTargets(planId);
  const bar = useBulkBar({ words: "editor.bulk", selected, departments, onClear });
  const [kind, setKind] = useState<TargetKind | undefined>(undefined);

  async function apply() {
    const changes = bulkChanges(targets, selected, {
      ...bar.choice,
      ...(kind !== undefined ? { kind } : {}),
    });
    const sent = await bar.apply(
      changes.length,
      async () => (await bulk.mutateAsync({ changes })).targets.length,
    );
    if (sent) setKind(undefined);
  }

  return (
    <BulkBarFrame
      {...bar.frame}
      testIds={{ bar: "editor-bulk", lead: "bulk-lead", co: "bulk-co", apply: "bulk-apply" }}
      pending={bulk.isPending}
      onApply={() => void apply()}
    >
      <Select<TargetKind>
        allowClear
        disabled={selected.size === 0}
        placeholder={t("editor.bulk.keep", { field: t("editor.bulk.kind") })}
        aria-label={t("editor.bulk.kind")}
        value={kind}
        onChange={setKind}
        options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        className="editor-bulk-select narrow"
      />
    </BulkBarFrame>
  );
}
