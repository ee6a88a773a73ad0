// The language a person reads the CLI's new messages in: Chinese unless PLANTRACK_LANG=en asks for
// English (not LANG: servers often run en_US.UTF-8 for people who read Chinese). One language a message.

import type { LocalText } from "../domain/app-error.ts";

export type CliLang = "zh" | "en";

export function cliLang(env: Record<string, string | undefined>): CliLang {
  const asked = (env.PLANTRACK_LANG ?? "").trim().toLowerCase();
  return asked.startsWith("en") ? "en" : "zh";
}

export function say(env: Record<string, string | undefined>, text: LocalText): string {
  return text[cliLang(env)];
}
