// The password rules of the sign-in (等保 2.0 identification and authentication): long enough, mixed,
// and not the user name. Pure, so the web app can show the same rules before a round trip.

import type { LocalText } from "./app-error.ts";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = "too_short" | "too_long" | "too_few_classes" | "contains_username";

const MESSAGES: Record<PasswordProblem, LocalText> = {
  too_short: {
    zh: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
    en: `the password needs at least ${MIN_PASSWORD_LENGTH} characters`,
  },
  too_long: {
    zh: `密码最多 ${MAX_PASSWORD_LENGTH} 个字符`,
    en: `the password may have at most ${MAX_PASSWORD_LENGTH} characters`,
  },
  too_few_classes: {
    zh: "密码须包含小写字母、大写字母、数字、符号中的至少三类",
    en: "use at least three of: lower case, upper case, digits, symbols",
  },
  contains_username: { zh: "密码不能包含用户名", en: "the password must not contain the user name" },
};

/** Which of lower case, upper case, digit and symbol the password uses (letters of any script count as symbols). */
export function characterClasses(password: string): number {
  let classes = 0;
  if (/[a-z]/.test(password)) classes++;
  if (/[A-Z]/.test(password)) classes++;
  if (/[0-9]/.test(password)) classes++;
  if (/[^a-zA-Z0-9]/.test(password)) classes++;
  return classes;
}

/** Every rule the password breaks; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push("too_short");
  if (length > MAX_PASSWORD_LENGTH) problems.push("too_long");
  if (characterClasses(password) < 3) problems.push("too_few_classes");
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) problems.push("contains_username");
  return problems;
}

export function passwordProblemMessage(problem: PasswordProblem): LocalText {
  return MESSAGES[problem];
}
