import { App, Button, Drawer, Form, InputNumber, Select, Skeleton } from "antd";
import { useEffect } from "react";
import type { PlanSettingsView } from "../../../../src/contract/plans.ts";
import { usePlanSettings, useUpdatePlanSettings } from "../../api/editor-queries.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import {
  DocumentFields,
  type DocumentValues,
  fromDocumentValues,
  toDocumentValues,
} from "./DocumentFields.tsx";

interface Values {
  behindPoints: number;
  farBehindPoints: number;
  rateShortfallPercent: number;
  aboutRatePoints: number;
  aboutPercent: number;
  frequency: "monthly" | "quarterly";
  dueDay: number;
  document: DocumentValues;
}

function toValues(s: PlanSettingsView): Values {
  return {
    behindPoints: s.thresholds.behindPoints,
    farBehindPoints: s.thresholds.farBehindPoints,
    rateShortfallPercent: Number((s.thresholds.rateShortfallShare * 100).toFixed(4)),
    aboutRatePoints: s.thresholds.aboutRatePoints,
    aboutPercent: Number((s.thresholds.aboutShare * 100).toFixed(4)),
    frequency: s.frequency,
    dueDay: s.dueDay,
    document: toDocumentValues(s.document),
  };
}

/**
 * The plan's thresholds (滞后/严重滞后, tolerances), the reporting calendar of tasks and items, and the
 * 公文 frame of its progress report.
 */
export function SettingsDrawer({
  planId,
  open,
  readOnly,
  onClose,
}: {
  planId: number;
  open: boolean;
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const settings = usePlanSettings(planId, open);
  const update = useUpdatePlanSettings(planId);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (open && settings.data) form.setFieldsValue(toValues(settings.data));
  }, [open, settings.data, form]);

  async function save(v: Values) {
    try {
      await update.mutateAsync({
        thresholds: {
          behindPoints: v.behindPoints,
          farBehindPoints: v.farBehindPoints,
          rateShortfallShare: v.rateShortfallPercent / 100,
          aboutRatePoints: v.aboutRatePoints,
          aboutShare: v.aboutPercent / 100,
        },
        frequency: v.frequency,
        dueDay: v.dueDay,
        document: fromDocumentValues(v.document),
      });
      message.success(t("editor.settings.saved"));
      onClose();
    } catch (error) {
      message.error(t("editor.settings.failed", { message: errorMessage(error, t) }), 8);
    }
  }

  const points = { min: 0, max: 100, step: 1, style: { width: 140 } };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={t("editor.settings.title")}
      rootClassName="editor-drawer"
      data-testid="settings-drawer"
    >
      {settings.isError ? (
        <ErrorState
          title={t("editor.settings.loadError")}
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : !settings.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Form<Values> form={form} layout="vertical" disabled={readOnly} onFinish={(v) => void save(v)}>
          <Form.Item name="behindPoints" label={t("editor.settings.behind")} rules={[{ required: true }]}>
            <InputNumber<number> {...points} data-testid="settings-behind" />
          </Form.Item>
          <Form.Item
            name="farBehindPoints"
            label={t("editor.settings.farBehind")}
            dependencies={["behindPoints"]}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value: number | null) =>
                  value === null || value === undefined || value >= getFieldValue("behindPoints")
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("editor.settings.farBelowBehind"))),
              }),
            ]}
          >
            <InputNumber<number> {...points} data-testid="settings-far-behind" />
          </Form.Item>
          <Form.Item
            name="rateShortfallPercent"
            label={t("editor.settings.rateShortfall")}
            rules={[{ required: true }]}
          >
            <InputNumber<number> {...points} suffix="%" />
          </Form.Item>
          <Form.Item
            name="aboutRatePoints"
            label={t("editor.settings.aboutRate")}
            rules={[{ required: true }]}
          >
            <InputNumber<number> {...points} step={0.1} />
          </Form.Item>
          <Form.Item name="aboutPercent" label={t("editor.settings.aboutShare")} rules={[{ required: true }]}>
            <InputNumber<number> {...points} suffix="%" />
          </Form.Item>
          <Form.Item name="frequency" label={t("editor.settings.frequency")}>
            <Select
              style={{ width: 140 }}
              options={(["monthly", "quarterly"] as const).map((f) => ({
                value: f,
                label: t(`editor.frequency.${f}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="dueDay" label={t("editor.settings.dueDay")} rules={[{ required: true }]}>
            <InputNumber<number> min={1} max={28} step={1} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <DocumentFields />
          {readOnly ? null : (
            <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="settings-save">
              {t("editor.settings.save")}
            </Button>
          )}
        </Form>
      )}
    </Drawer>
  );
}
