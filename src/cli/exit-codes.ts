import { type AppErrorCode, isAppError } from "../domain/app-error.ts";
import type { CliLang } from "./cli-lang.ts";

// Exit codes by error code, in one place: 2 for what the user gave us, 3 for a missing thing,
// 4 for a conflict, 1 for our own failures.
const EXIT_CODES: Record<AppErrorCode, number> = {
  bad_input: 2,
  unsupported_file: 2,
  file_too_large: 2,
  empty_file: 2,
  no_plan_content: 2,
  not_found: 3,
  conflict: 4,
  implausible_value: 2,
  unauthenticated: 5,
  totp_required: 5,
  forbidden: 5,
  csrf: 5,
  password_change_required: 5,
  locked: 5,
  rate_limited: 6,
  not_installed: 9,
  too_complex: 2,
  busy: 6,
  internal: 1,
};

/** `plantrack audit verify`: the audit log was changed, cut or re-chained (or cannot be checked). */
export const AUDIT_BROKEN_EXIT_CODE = 7;

export function exitCodeFor(error: unknown): number {
  return isAppError(error) ? EXIT_CODES[error.code] : 1;
}

/** The error as the reader of `lang` sees it: an AppError's message in that language. */
export function messageFor(error: unknown, lang: CliLang): string {
  if (isAppError(error)) return error.messageIn(lang);
  const cause = error instanceof Error ? error.message : String(error);
  return lang === "zh" ? `内部错误：${cause}` : `internal error: ${cause}`;
}
