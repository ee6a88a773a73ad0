// The roles as the CLI names them, in the web app's words (web/src/i18n/messages.ts role.*).

import type { UserRole } from "../db/schema.ts";
import type { LocalText } from "../domain/app-error.ts";

export const ROLE_WORDS: Record<UserRole, LocalText> = {
  admin: { zh: "管理员", en: "administrator" },
  planner: { zh: "计划编制", en: "planner" },
  leader: { zh: "领导", en: "leader" },
  reporter: { zh: "填报单位", en: "reporter" },
};
