import { App, Button, Form, Input, Select } from "antd";
import type { FiveYearIndicatorView, FiveYearPlanRef } from "../../../../src/contract/five-year.ts";
import { useAddYearlyValue } from "../../api/five-year-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { NumberInput } from "../../components/NumberInput.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { periodYears, refusedField } from "./five-year-model.ts";

interface Values {
  year?: number;
  value?: number;
  sourceNote?: string;
}

const FIELDS = ["year", "value", "sourceNote"] as const;

/**
 * The planner's (or 统计局's) yearly value of an indicator: a year of the plan period, the value in the
 * indicator's unit, where it comes from. A refusal is shown under the field the server names.
 */
export function YearlyValueForm({
  plan,
  indicator: ind,
}: {
  plan: FiveYearPlanRef;
  indicator: FiveYearIndicatorView;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddYearlyValue();

  async function save(values: Values) {
    if (values.year === undefined || values.value === undefined) return;
    try {
      await add.mutateAsync({
        targetId: ind.targetId,
        body: {
          year: values.year,
          value: values.value,
          ...(values.sourceNote?.trim() ? { sourceNote: values.sourceNote.trim() } : {}),
        },
      });
      message.success(t("fy.entry.saved", { year: values.year }));
      form.resetFields(["value", "sourceNote"]);
    } catch (error) {
      const field = refusedField(error);
      const named = FIELDS.find((f) => f === field);
      if (named) form.setFields([{ name: named, errors: [errorMessage(error, t)] }]);
      else message.error(t("fy.entry.failed", { message: errorMessage(error, t) }), 6);
    }
  }

  return (
    <section className="fy-detail-section fy-entry" aria-labelledby="fy-entry-title">
      <h3 id="fy-entry-title">{t("fy.entry")}</h3>
      <Form<Values>
        form={form}
        layout="vertical"
        size="small"
        onFinish={(v) => void save(v)}
        className="fy-entry-form"
        data-testid="fy-entry"
        initialValues={{
          year: Math.min(Math.max(new Date().getFullYear() - 1, plan.startYear), plan.endYear),
        }}
      >
        <Form.Item
          name="year"
          label={t("fy.entry.year")}
          rules={[{ required: true, message: t("fy.entry.needYear") }]}
        >
          <Select<number>
            options={periodYears(plan).map((y) => ({ value: y, label: t("fy.yearOption", { year: y }) }))}
            data-testid="fy-entry-year"
          />
        </Form.Item>
        <Form.Item
          name="value"
          label={ind.unit ? t("fy.entry.value", { unit: ind.unit }) : t("fy.col.value")}
          rules={[
            { required: true, message: t("fy.entry.needValue") },
            {
              validator: (_, v: number | undefined) =>
                v === undefined || Number.isFinite(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("fy.entry.badValue"))),
            },
          ]}
        >
          <NumberInput unit={ind.unit} style={{ width: "100%" }} data-testid="fy-entry-value" />
        </Form.Item>
        <Form.Item name="sourceNote" label={t("fy.entry.sourceNote")}>
          <Input placeholder={t("fy.entry.sourceNoteHint")} maxLength={200} data-testid="fy-entry-source" />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="fy-entry-save">
            {t("fy.entry.save")}
          </Button>
        </Form.Item>
      </Form>
    </section>
  );
}
