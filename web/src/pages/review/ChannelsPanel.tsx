import {
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from "antd";
import { useEffect, useMemo, useState } from "react";
import type { ChannelKind, ChannelView, ReminderSettingsView } from "../../../../src/contract/reminders.ts";
import {
  useCreateChannel,
  useDeleteChannel,
  usePlanChannels,
  useReminderSettings,
  useTestChannel,
  useUpdateReminderSettings,
} from "../../api/channels-queries.ts";
import { usePlan } from "../../api/queries.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { KIND_KEY } from "./channel-words.ts";
import { DeliveriesTable } from "./DeliveriesTable.tsx";

const KINDS: readonly ChannelKind[] = ["email", "wecom", "dingtalk", "webhook"];

/** 自动催报: whether the server reminds by itself, and the days of the ladder. */
function LadderForm({ planId }: { planId: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const settings = useReminderSettings(planId);
  const update = useUpdateReminderSettings(planId);
  const [form] = Form.useForm<ReminderSettingsView>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  if (settings.isError) return <ErrorState title={t("channels.loadError")} error={settings.error} />;
  const days = (name: keyof ReminderSettingsView, label: MessageKey) => (
    <Form.Item name={name} label={t(label)}>
      <InputNumber min={1} max={366} precision={0} addonAfter={t("channels.days")} className="ladder-days" />
    </Form.Item>
  );
  return (
    <Form
      form={form}
      layout="inline"
      className="ladder-form"
      data-testid="ladder-form"
      onFinish={async (values) => {
        const body: ReminderSettingsView = {
          enabled: Boolean(values.enabled),
          onDay: Boolean(values.onDay),
          daysBefore: values.daysBefore ?? null,
          daysAfter: values.daysAfter ?? null,
          yellowAfterDays: values.yellowAfterDays ?? null,
          redAfterDays: values.redAfterDays ?? null,
        };
        try {
          await update.mutateAsync(body);
          message.success(t("channels.saved"));
        } catch (error) {
          message.error(errorMessage(error, t), 6);
        }
      }}
    >
      <Form.Item name="enabled" label={t("channels.auto")} valuePropName="checked">
        <Switch data-testid="ladder-enabled" />
      </Form.Item>
      {days("daysBefore", "channels.daysBefore")}
      <Form.Item name="onDay" label={t("channels.onDay")} valuePropName="checked">
        <Switch />
      </Form.Item>
      {days("daysAfter", "channels.daysAfter")}
      {days("yellowAfterDays", "channels.yellow")}
      {days("redAfterDays", "channels.red")}
      <Form.Item>
        <Button htmlType="submit" type="primary" loading={update.isPending} data-testid="ladder-save">
          {t("channels.save")}
        </Button>
      </Form.Item>
    </Form>
  );
}

interface NewChannel {
  departmentId: number | "plan";
  thisPlanOnly: boolean;
  kind: ChannelKind;
  address: string;
  secret?: string;
  label?: string;
}

function AddChannel({ planId, onClose }: { planId: number; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const plan = usePlan(planId);
  const create = useCreateChannel(planId);
  const [form] = Form.useForm<NewChannel>();
  const kind = Form.useWatch("kind", form);
  const target = Form.useWatch("departmentId", form);
  return (
    <Modal
      open
      title={t("channels.add")}
      okText={t("channels.add")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<NewChannel>
        form={form}
        layout="vertical"
        initialValues={{ kind: "email", thisPlanOnly: false, departmentId: "plan" }}
        data-testid="channel-form"
        onFinish={async (v) => {
          const forPlan = v.departmentId === "plan";
          try {
            await create.mutateAsync({
              departmentId: forPlan ? null : (v.departmentId as number),
              thisPlanOnly: forPlan ? true : v.thisPlanOnly,
              kind: v.kind,
              address: v.address,
              secret: v.secret?.trim() ? v.secret : null,
              label: v.label?.trim() ? v.label : null,
            });
            message.success(t("channels.added"));
            onClose();
          } catch (error) {
            message.error(errorMessage(error, t), 6);
          }
        }}
      >
        <Form.Item name="departmentId" label={t("channels.for")} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={[
              { value: "plan", label: t("channels.forPlan") },
              ...(plan.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
        </Form.Item>
        {target !== "plan" ? (
          <Form.Item name="thisPlanOnly" label={t("channels.thisPlanOnly")} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
        <Form.Item name="kind" label={t("channels.kind")} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(KIND_KEY[k]) }))} />
        </Form.Item>
        <Form.Item
          name="address"
          label={t(kind === "email" ? "channels.address.email" : "channels.address.url")}
          rules={[{ required: true, message: t("channels.addressRequired") }]}
        >
          <Input data-testid="channel-address" />
        </Form.Item>
        {kind === "dingtalk" ? (
          <Form.Item name="secret" label={t("channels.secret")} extra={t("channels.secretHint")}>
            <Input.Password autoComplete="off" />
          </Form.Item>
        ) : null}
        <Form.Item name="label" label={t("channels.label")}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The planner's 催报 settings of a plan: the ladder, the channels, and how each delivery went. */
export function ChannelsPanel({ planId }: { planId: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const channels = usePlanChannels(planId);
  const remove = useDeleteChannel(planId);
  const test = useTestChannel(planId);
  const [adding, setAdding] = useState(false);
  const columns = useMemo(
    () => [
      {
        key: "for",
        title: t("channels.for"),
        render: (_: unknown, c: ChannelView) =>
          c.department ? (
            <span>
              {c.department.name}
              {c.planId === null ? <Tag className="channel-scope">{t("channels.allPlans")}</Tag> : null}
            </span>
          ) : (
            <Tag color="red">{t("channels.forPlanShort")}</Tag>
          ),
      },
      {
        key: "kind",
        title: t("channels.kind"),
        width: 110,
        render: (_: unknown, c: ChannelView) => t(KIND_KEY[c.kind]),
      },
      {
        key: "address",
        title: t("channels.address"),
        render: (_: unknown, c: ChannelView) => (
          <span className="channel-address">
            {c.label ? `${c.label} · ` : ""}
            {c.address}
          </span>
        ),
      },
      {
        key: "actions",
        title: t("common.actions"),
        width: 170,
        render: (_: unknown, c: ChannelView) => (
          <Space size={4}>
            <Button
              size="small"
              loading={test.isPending && test.variables === c.id}
              onClick={async () => {
                try {
                  const outcome = await test.mutateAsync(c.id);
                  if (outcome.ok) message.success(t("channels.testSent"));
                  else message.error(t("channels.testFailed", { message: outcome.error ?? "" }), 8);
                } catch (error) {
                  message.error(errorMessage(error, t), 6);
                }
              }}
            >
              {t("channels.test")}
            </Button>
            <Popconfirm title={t("channels.removeConfirm")} onConfirm={() => remove.mutate(c.id)}>
              <Button size="small" danger>
                {t("channels.remove")}
              </Button>
            </Popconfirm>
          </Space>
        ),
      },
    ],
    [t, test, remove, message],
  );
  return (
    <div className="channels-panel" data-testid="channels-panel">
      <h3 className="section-title">{t("channels.autoTitle")}</h3>
      <p className="muted small">{t("channels.autoIntro")}</p>
      <LadderForm planId={planId} />
      <div className="section-head">
        <h3 className="section-title">{t("channels.title")}</h3>
        <Button type="primary" onClick={() => setAdding(true)} data-testid="channel-add">
          {t("channels.add")}
        </Button>
      </div>
      <p className="muted small">{t("channels.intro")}</p>
      {channels.isError ? (
        <ErrorState
          title={t("channels.loadError")}
          error={channels.error}
          onRetry={() => void channels.refetch()}
        />
      ) : (
        <Table<ChannelView>
          rowKey="id"
          size="small"
          loading={channels.isPending}
          dataSource={channels.data ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 560 }}
          locale={{ emptyText: t("channels.none") }}
        />
      )}
      <h3 className="section-title">{t("channels.deliveries")}</h3>
      <DeliveriesTable planId={planId} />
      {adding ? <AddChannel planId={planId} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}
