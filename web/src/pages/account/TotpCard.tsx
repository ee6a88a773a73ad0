import { App, Button, Card, Form, Input, QRCode, Space, Tag, Typography } from "antd";
import type { CurrentUser } from "../../../../src/contract/users.ts";
import { useTotpSetup, useTotpToggle } from "../../api/session.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** Turn the second factor on (secret and QR code, then a code to prove the app has it) or off. */
export function TotpCard({ user }: { user: CurrentUser }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const setup = useTotpSetup();
  const { enable, disable } = useTotpToggle();
  const [form] = Form.useForm<{ code: string }>();
  const [offForm] = Form.useForm<{ currentPassword: string }>();

  async function turnOn({ code }: { code: string }) {
    try {
      await enable.mutateAsync(code.trim());
      message.success(t("totp.enabledOk"));
      setup.reset();
      form.resetFields();
    } catch (error) {
      form.setFields([{ name: "code", errors: [errorMessage(error, t)] }]);
    }
  }

  // Turning it off needs a proof: the current password (the server also takes a code).
  function turnOff({ currentPassword }: { currentPassword: string }) {
    modal.confirm({
      title: t("totp.disable"),
      content: t("totp.disableConfirm"),
      okButtonProps: { danger: true },
      okText: t("totp.disable"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        try {
          await disable.mutateAsync({ currentPassword });
          offForm.resetFields();
          message.success(t("totp.disabledOk"));
        } catch (error) {
          offForm.setFields([{ name: "currentPassword", errors: [errorMessage(error, t)] }]);
        }
      },
    });
  }

  const secret = setup.data;
  return (
    <Card
      size="small"
      title={t("totp.title")}
      extra={
        user.totpEnabled ? <Tag color="green">{t("totp.enabled")}</Tag> : <Tag>{t("totp.disabledState")}</Tag>
      }
      data-testid="totp-card"
    >
      <p className="muted">{t("totp.intro")}</p>
      {user.totpEnabled ? (
        <Form form={offForm} layout="vertical" requiredMark={false} onFinish={turnOff}>
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Form.Item label={t("password.current")}>
            <Space.Compact>
              <Form.Item
                name="currentPassword"
                noStyle
                rules={[{ required: true, message: t("login.required", { field: t("password.current") }) }]}
              >
                <Input.Password autoComplete="current-password" style={{ width: 220 }} />
              </Form.Item>
              <Button danger htmlType="submit" loading={disable.isPending}>
                {t("totp.disable")}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      ) : secret ? (
        <div className="totp-setup">
          <p>{t("totp.scan")}</p>
          <div className="totp-grid">
            <QRCode value={secret.otpauthUrl} size={168} bordered data-testid="totp-qr" />
            <div className="totp-facts">
              <div className="small muted">{t("totp.secret")}</div>
              <Typography.Text copyable code className="totp-secret" data-testid="totp-secret">
                {secret.secret}
              </Typography.Text>
              <div className="small muted">{t("totp.url")}</div>
              <Typography.Text copyable className="totp-url small">
                {secret.otpauthUrl}
              </Typography.Text>
              <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void turnOn(v)}>
                <Form.Item label={t("totp.code")}>
                  <Space.Compact>
                    <Form.Item
                      name="code"
                      noStyle
                      rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t("totp.codeInvalid") }]}
                    >
                      <Input
                        inputMode="numeric"
                        autoComplete="one-time-code"
                        maxLength={6}
                        style={{ width: 120 }}
                        data-testid="totp-code"
                      />
                    </Form.Item>
                    <Button type="primary" htmlType="submit" loading={enable.isPending}>
                      {t("totp.enable")}
                    </Button>
                  </Space.Compact>
                </Form.Item>
              </Form>
            </div>
          </div>
        </div>
      ) : (
        <Button
          type="primary"
          loading={setup.isPending}
          onClick={() =>
            setup.mutate(undefined, {
              onError: (error) => message.error(t("totp.failed", { message: errorMessage(error, t) }), 6),
            })
          }
          data-testid="totp-setup"
        >
          {t("totp.setup")}
        </Button>
      )}
    </Card>
  );
}
