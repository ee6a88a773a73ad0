import { LockOutlined, SafetyOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input } from "antd";
import { useEffect, useRef, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { useLogin, useSession } from "../../api/session.ts";
import { landingFor, safeNext } from "../../auth/access.ts";
import { type LoginProblem, loginProblem, waitParts } from "../../auth/login-error.ts";
import { LangSwitch } from "../../components/LangSwitch.tsx";
import { type I18n, useI18n } from "../../i18n/I18nProvider.tsx";

interface Values {
  username: string;
  password: string;
  totp?: string;
}

function problemText(problem: LoginProblem, t: I18n["t"]): string {
  const wait = (seconds: number) => {
    const { unit, count } = waitParts(seconds);
    return t(unit === "minutes" ? "wait.minutes" : "wait.seconds", { count });
  };
  switch (problem.kind) {
    case "credentials":
      return t("login.error.credentials");
    case "locked":
      return problem.secondsLeft
        ? t("login.error.locked", { wait: wait(problem.secondsLeft) })
        : t("login.error.lockedNoTime");
    case "rate_limited":
      return problem.secondsLeft
        ? t("login.error.rateLimited", { wait: wait(problem.secondsLeft) })
        : t("login.error.rateLimitedNoTime");
    case "totp_required":
      return t("login.totpHint");
    case "totp_invalid":
      return t("login.error.totp");
    case "disabled":
      return t("login.error.disabled");
    case "network":
      return t("common.networkError", { message: problem.message });
    case "other":
      return problem.code ? `${problem.message} (${problem.code})` : problem.message;
  }
}

/** /login: user name, password, and the second factor when the server asks for it. */
export function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const expired = params.get("expired") === "1";
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<LoginProblem | null>(null);
  const [needTotp, setNeedTotp] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  if (session.data && !login.isPending) {
    const target = session.data.user.mustChangePassword
      ? `/change-password?next=${encodeURIComponent(next)}`
      : landingFor(session.data.user.role, next);
    return <Navigate to={target} replace />;
  }

  async function submit(values: Values) {
    setProblem(null);
    try {
      const result = await login.mutateAsync({
        username: values.username.trim(),
        password: values.password,
        ...(needTotp && values.totp ? { totp: values.totp.trim() } : {}),
      });
      navigate(
        result.user.mustChangePassword
          ? `/change-password?next=${encodeURIComponent(next)}`
          : landingFor(result.user.role, next),
        { replace: true },
      );
    } catch (error) {
      const p = loginProblem(error);
      setProblem(p);
      if (p.kind === "totp_required" || p.kind === "totp_invalid") {
        setNeedTotp(true);
        form.setFieldValue("totp", "");
        totpRef.current?.focus();
      } else if (p.kind === "credentials") {
        form.setFieldValue("password", "");
        passwordRef.current?.focus();
      }
    }
  }

  const alertType = problem?.kind === "totp_required" ? "info" : "error";

  return (
    <div className="login-page">
      <div className="login-top">
        <LangSwitch />
      </div>
      <main className="login-card" id="main" data-testid="login-page">
        <div className="login-brand">
          <span className="app-logo" aria-hidden="true">
            P
          </span>
          <div>
            <h1 className="login-title">{t("login.title")}</h1>
            <div className="muted">{t("login.subtitle")}</div>
          </div>
        </div>
        {expired && !problem ? (
          <Alert type="warning" showIcon title={t("login.sessionEnded")} className="login-alert" />
        ) : null}
        {problem ? (
          <Alert
            type={alertType}
            showIcon
            title={problemText(problem, t)}
            className="login-alert"
            role="alert"
            data-testid="login-error"
            data-problem={problem.kind}
          />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void submit(v)}
          size="large"
          data-testid="login-form"
        >
          <Form.Item
            name="username"
            label={t("login.username")}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t("login.required", { field: t("login.username") }),
              },
            ]}
          >
            <Input
              prefix={<UserOutlined aria-hidden="true" />}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            rules={[{ required: true, message: t("login.required", { field: t("login.password") }) }]}
          >
            <Input.Password
              ref={(el) => {
                passwordRef.current = el?.input ?? null;
              }}
              prefix={<LockOutlined aria-hidden="true" />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          {needTotp ? (
            <Form.Item
              name="totp"
              label={t("login.totp")}
              extra={t("login.totpHint")}
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t("totp.codeInvalid") }]}
            >
              <Input
                ref={(el) => {
                  totpRef.current = el?.input ?? null;
                }}
                prefix={<SafetyOutlined aria-hidden="true" />}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                data-testid="login-totp"
              />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t("login.submit")}
          </Button>
        </Form>
        <div className="login-foot">
          <Link to="/public">{t("login.publicLink")}</Link>
        </div>
      </main>
    </div>
  );
}
