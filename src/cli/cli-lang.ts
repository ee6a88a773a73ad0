// The language a person reads the CLI in: Chinese unless PLANTRACK_LANG=en asks for English (not LANG:
// servers often run en_US.UTF-8 for people who read Chinese). One language a line, never both.

import { AppError, type AppErrorDetails, type LocalText } from "../domain/app-error.ts";

export type CliLang = "zh" | "en";

export function cliLang(env: Record<string, string | undefined>): CliLang {
  const asked = (env.PLANTRACK_LANG ?? "").trim().toLowerCase();
  return asked.startsWith("en") ? "en" : "zh";
}

export function say(env: Record<string, string | undefined>, text: LocalText): string {
  return text[cliLang(env)];
}

/** A usage text written as lines in each language. */
export function usageText(zh: readonly string[], en: readonly string[]): LocalText {
  return { zh: zh.join("\n"), en: en.join("\n") };
}

/** The synopsis (first line) of a usage text: what a usage error shows. */
export function synopsis(usage: LocalText): LocalText {
  return { zh: usage.zh.split("\n")[0] ?? "", en: usage.en.split("\n")[0] ?? "" };
}

/** "用法：…" / "usage: …" with the synopsis, or the whole usage text when `whole`. */
export function usageError(
  usage: LocalText,
  options: { whole?: boolean; details?: AppErrorDetails } = {},
): AppError {
  const shown = options.whole ? { zh: `\n${usage.zh}`, en: `\n${usage.en}` } : synopsis(usage);
  return new AppError("bad_input", { zh: `用法：${shown.zh}`, en: `usage: ${shown.en}` }, options.details);
}
