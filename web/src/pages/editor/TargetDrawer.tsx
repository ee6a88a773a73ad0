import { App, Button, Drawer, Form, Select, Skeleton } from "antd";
import { useEffect, useState } from "react";
import type { TargetView } from "../../../../src/contract/targets.ts";
import type { TargetKind } from "../../../../src/extract/types.ts";
import { usePatchTarget } from "../../api/queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { NumberInput } from "../../components/NumberInput.tsx";
import { formatTargetValue, fromDisplayNumber, toDisplayNumber } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { KINDS } from "./EditorFilters.tsx";
import { changedTableFields, IndicatorFields, type TableFields, tableFieldsOf } from "./IndicatorFields.tsx";
import { PlannedGrid } from "./PlannedGrid.tsx";

interface Props {
  planId: number;
  target: TargetView | null;
  readOnly: boolean;
  onClose: () => void;
}

type Frequency = TargetView["frequency"];

/** One target: kind, baseline (in the plan's display unit), reporting frequency, and its 分期计划. */
export function TargetDrawer({ planId, target, readOnly, onClose }: Props) {
  const { t, lang } = useI18n();
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={target ? t("editor.editTarget", { subject: target.subject }) : t("editor.title")}
      rootClassName="editor-drawer"
    >
      {target ? (
        <>
          <p className="muted small editor-drawer-display">
            {target.display} ·{" "}
            {t("editor.drawer.target", {
              value: target.value === null ? t(`kind.${target.kind}`) : formatTargetValue(target, lang),
            })}
          </p>
          <TargetFields key={target.id} planId={planId} target={target} readOnly={readOnly} />
          <PlannedGrid
            key={`grid-${target.id}-${target.kind}-${target.frequency}`}
            target={target}
            readOnly={readOnly}
          />
        </>
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}

function TargetFields({
  planId,
  target,
  readOnly,
}: {
  planId: number;
  target: TargetView;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const patch = usePatchTarget(planId);
  const unit = target.displayUnit || target.unit;
  const shownBaseline =
    target.baseline === null ? null : toDisplayNumber(target.baseline, target.unit, target.displayUnit);
  const [kind, setKind] = useState<TargetKind>(target.kind);
  const [baseline, setBaseline] = useState<number | null>(shownBaseline);
  const [frequency, setFrequency] = useState<Frequency>(target.frequency);
  const [table, setTable] = useState<TableFields>(() => tableFieldsOf(target));
  useEffect(() => {
    setKind(target.kind);
    setFrequency(target.frequency);
  }, [target.kind, target.frequency]);

  const tableChanges = changedTableFields(target, table);
  const changed =
    kind !== target.kind ||
    frequency !== target.frequency ||
    (baseline ?? null) !== (shownBaseline ?? null) ||
    Object.keys(tableChanges).length > 0;

  async function save() {
    try {
      await patch.mutateAsync({
        id: target.id,
        patch: {
          ...(kind !== target.kind ? { kind } : {}),
          ...(frequency !== target.frequency ? { frequency } : {}),
          baseline: baseline === null ? null : fromDisplayNumber(baseline, target.unit, target.displayUnit),
          ...tableChanges,
        },
      });
      message.success(t("editor.drawer.saved"));
    } catch (error) {
      message.error(t("editor.drawer.failed", { message: errorMessage(error, t) }), 8);
    }
  }

  return (
    <Form layout="vertical" disabled={readOnly} className="editor-fields" onFinish={() => void save()}>
      <div className="editor-fields-row">
        <Form.Item label={t("editor.drawer.kind")} htmlFor="editor-kind">
          <Select<TargetKind>
            id="editor-kind"
            value={kind}
            onChange={setKind}
            options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            data-testid="drawer-kind"
          />
        </Form.Item>
        <Form.Item label={t("editor.drawer.frequency")} htmlFor="editor-frequency">
          <Select<Frequency>
            id="editor-frequency"
            value={frequency}
            onChange={setFrequency}
            options={(["monthly", "quarterly"] as const).map((f) => ({
              value: f,
              label: t(`editor.frequency.${f}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t("editor.drawer.baseline", { unit })}
          htmlFor="editor-baseline"
          tooltip={t("editor.drawer.baselineHint")}
        >
          <NumberInput
            unit={unit}
            id="editor-baseline"
            value={baseline}
            onChange={(v) => setBaseline(v ?? null)}
            style={{ width: "100%" }}
            data-testid="drawer-baseline"
          />
        </Form.Item>
      </div>
      <IndicatorFields value={table} onChange={setTable} />
      {readOnly ? null : (
        <Button
          htmlType="submit"
          type="primary"
          disabled={!changed}
          loading={patch.isPending}
          data-testid="drawer-save"
        >
          {t("editor.drawer.save")}
        </Button>
      )}
    </Form>
  );
}
