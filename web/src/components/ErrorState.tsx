import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { isApiError, NETWORK_ERROR_STATUS } from "../api/client.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { type MessageKey, zhCN } from "../i18n/messages.ts";

const isMessageKey = (key: string): key is MessageKey => key in zhCN;

/** “错误类型：无权操作” on a Chinese screen, “Error code forbidden” on an English one. */
export function errorCodeText(code: string, t: ReturnType<typeof useI18n>["t"]): string {
  const key = `errorCode.${code}`;
  return t("common.errorCode", { code: isMessageKey(key) ? t(key) : code });
}

/** What went wrong, in the server's words, and what to do about it. */
export function errorMessage(error: unknown, t: ReturnType<typeof useI18n>["t"]): string {
  if (isApiError(error) && error.status === NETWORK_ERROR_STATUS) {
    return t("common.networkError", { message: error.message });
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export function ErrorState({
  title,
  error,
  onRetry,
  extra,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const code = isApiError(error) ? error.code : null;
  return (
    <Result
      status="warning"
      title={title}
      subTitle={
        <>
          <div>{errorMessage(error, t)}</div>
          {code ? <div className="muted small">{errorCodeText(code, t)}</div> : null}
        </>
      }
      extra={
        <>
          {onRetry ? (
            <Button type="primary" onClick={onRetry}>
              {t("common.retry")}
            </Button>
          ) : null}
          {extra}
        </>
      }
    />
  );
}
