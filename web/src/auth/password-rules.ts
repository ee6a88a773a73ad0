// The password rules the server enforces (src/domain/password-rules.ts, 等保 2.0 identification),
// checked as the user types so that the form never sends a password the server will refuse. A test
// compares the two on random passwords, so they cannot drift apart.

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
export const MIN_CHARACTER_CLASSES = 3;
/** Shorter user names are not looked for inside the password. */
export const MIN_USERNAME_CHECKED = 3;

export type CharacterClass = "lower" | "upper" | "digit" | "other";

export function characterClasses(password: string): Set<CharacterClass> {
  const classes = new Set<CharacterClass>();
  // As the server counts them: ASCII letters and digits; anything else (中文 too) is a symbol.
  for (const ch of password) {
    if (ch >= "a" && ch <= "z") classes.add("lower");
    else if (ch >= "A" && ch <= "Z") classes.add("upper");
    else if (ch >= "0" && ch <= "9") classes.add("digit");
    else classes.add("other");
  }
  return classes;
}

export type PasswordRuleId = "length" | "classes" | "username" | "maxLength";

export interface PasswordRuleResult {
  id: PasswordRuleId;
  ok: boolean;
}

export interface PasswordCheck {
  ok: boolean;
  rules: PasswordRuleResult[];
  /** How many of the four classes (lower, upper, digit, other) the password has. */
  classCount: number;
  length: number;
}

/**
 * Length counts characters (code points), not UTF-16 units, so 中文 counts as two. The user name (of
 * three characters or more) may not be inside the password, in any letter case. The maximum length
 * is reported only when broken, as nobody needs to be told about it beforehand.
 */
export function checkPassword(password: string, username: string): PasswordCheck {
  const length = [...password].length;
  const classCount = characterClasses(password).size;
  const name = username.trim().toLowerCase();
  const notUsername = name.length < MIN_USERNAME_CHECKED || !password.toLowerCase().includes(name);
  const rules: PasswordRuleResult[] = [
    { id: "length", ok: length >= MIN_PASSWORD_LENGTH },
    { id: "classes", ok: classCount >= MIN_CHARACTER_CLASSES },
    { id: "username", ok: password.length > 0 && notUsername },
  ];
  if (length > MAX_PASSWORD_LENGTH) rules.push({ id: "maxLength", ok: false });
  return { ok: rules.every((r) => r.ok), rules, classCount, length };
}
