// One error type for the whole application. The code is stable (clients and scripts match on it);
// src/http maps codes to HTTP statuses and src/cli maps them to exit codes, each in one place.

export type AppErrorCode =
  | "bad_input" // a malformed file, field or argument
  | "unsupported_file" // a file type or encoding we cannot read
  | "file_too_large"
  | "empty_file"
  | "no_plan_content" // readable, but holds nothing that looks like a plan
  | "not_found"
  | "conflict" // a stale revision, a duplicate document
  | "implausible_value" // a figure that needs a confirmation with a reason (src/domain/plausibility.ts)
  | "unauthenticated" // no session, or a wrong user name or password
  | "totp_required" // the password was right; the account needs its second factor
  | "forbidden"
  | "csrf" // a cookie-authenticated write without the matching x-csrf-token header
  | "password_change_required" // first sign-in or a reset: only changing the password is allowed
  | "locked" // too many failed sign-ins: the account waits 15 minutes
  | "rate_limited"
  | "not_installed" // a tool the server needs for this (LibreOffice for PDF) is not installed
  | "too_complex" // a file whose reading or rendering ran past the job time limit (job-pool.ts)
  | "busy" // every job worker is busy and the queue is full: try again shortly
  | "internal";

/** A message in both languages: a person sees one of them, never both in one string. */
export interface LocalText {
  zh: string;
  en: string;
}

export interface AppErrorDetails {
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: AppErrorDetails;
  /** The message in both languages, when it was given so; `message` is then the Chinese one. */
  readonly text: LocalText | null;

  constructor(code: AppErrorCode, message: string | LocalText, details: AppErrorDetails = {}) {
    super(typeof message === "string" ? message : message.zh);
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.text = typeof message === "string" ? null : message;
  }

  /** The message a person reading `lang` sees. */
  messageIn(lang: "zh" | "en"): string {
    return this.text ? this.text[lang] : this.message;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
