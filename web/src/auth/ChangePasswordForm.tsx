import { App, Button, Form, Input } from "antd";
import { isApiError } from "../api/client.ts";
import { useChangePassword } from "../api/session.ts";
import { errorMessage } from "../components/ErrorState.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { PasswordRules } from "./PasswordRules.tsx";
import { checkPassword } from "./password-rules.ts";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Current password, new password (checked as typed), the new one again. */
export function ChangePasswordForm({ username, onDone }: { username: string; onDone?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const newPassword = Form.useWatch("newPassword", form) ?? "";

  async function submit(values: Values) {
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success(t("password.changed"));
      form.resetFields();
      onDone?.();
    } catch (error) {
      if (isApiError(error) && (error.status === 401 || error.details.field === "currentPassword")) {
        form.setFields([{ name: "currentPassword", errors: [t("password.wrongCurrent")] }]);
      } else if (isApiError(error) && error.code === "bad_input") {
        form.setFields([{ name: "newPassword", errors: [error.message] }]);
      } else {
        message.error(t("password.failed", { message: errorMessage(error, t) }), 6);
      }
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => void submit(v)}
      data-testid="change-password-form"
      className="password-form"
    >
      {/* For password managers: which account the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <Form.Item
        name="currentPassword"
        label={t("password.current")}
        rules={[{ required: true, message: t("login.required", { field: t("password.current") }) }]}
      >
        <Input.Password autoComplete="current-password" autoFocus data-testid="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t("password.new")}
        dependencies={["currentPassword"]}
        // The checklist below answers as the user types; the field turns red only on leaving it.
        validateTrigger="onBlur"
        rules={[
          {
            validator: async (_, value: string | undefined) => {
              if (!checkPassword(value ?? "", username).ok) throw new Error(t("password.rulesBroken"));
            },
          },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value === getFieldValue("currentPassword"))
                throw new Error(t("password.sameAsOld"));
            },
          }),
        ]}
        extra={<PasswordRules password={newPassword} username={username} />}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t("password.confirm")}
        dependencies={["newPassword"]}
        rules={[
          { required: true, message: t("login.required", { field: t("password.confirm") }) },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue("newPassword")) throw new Error(t("password.mismatch"));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={change.isPending}
        data-testid="change-password-submit"
      >
        {t("password.submit")}
      </Button>
    </Form>
  );
}
