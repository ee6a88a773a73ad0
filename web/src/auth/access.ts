// What each role may do in the web app. The server decides; this table only keeps the UI from
// offering what the server would refuse. Keep it in step with the server's access matrix.
import type { Role } from "../../../src/contract/users.ts";

export type Permission =
  | "plans.read"
  | "plans.import"
  | "plans.edit"
  | "plans.publish"
  | "plans.makePublic"
  | "admin"
  /** The reporter's desk: what is due from one's department, and the report forms. */
  | "reports.desk"
  /** Approving and returning reports, chasing overdue ones, deciding extensions. */
  | "reports.review"
  /** A second factor (TOTP) on one's own account. */
  | "account.totp";

const PLAN_EDITING: readonly Permission[] = [
  "plans.import",
  "plans.edit",
  "plans.publish",
  "plans.makePublic",
];

// As src/domain/access.ts: admins may do everything; planners edit plans in their region (the server
// checks the region); leaders read; reporters read published plans and report.
const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ["plans.read", ...PLAN_EDITING, "reports.review", "admin", "account.totp"],
  planner: ["plans.read", ...PLAN_EDITING, "reports.review", "account.totp"],
  leader: ["plans.read"],
  reporter: ["plans.read", "reports.desk"],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? GRANTS[role].includes(permission) : false;
}

export type NavKey =
  | "desk"
  | "cockpit"
  | "plans"
  | "review"
  | "admin.users"
  | "admin.departments"
  | "admin.audit";

export interface NavEntry {
  key: NavKey;
  to: string;
}

export function navFor(role: Role | null | undefined): NavEntry[] {
  const entries: NavEntry[] = [];
  if (can(role, "reports.desk")) entries.push({ key: "desk", to: "/desk" });
  // The leaders' cockpit: first for a leader, whose landing page it is; offered to planners too.
  if (role === "leader" || role === "planner" || role === "admin")
    entries.push({ key: "cockpit", to: "/cockpit" });
  if (can(role, "plans.read")) entries.push({ key: "plans", to: "/" });
  if (can(role, "reports.review")) entries.push({ key: "review", to: "/review" });
  if (can(role, "admin")) {
    entries.push(
      { key: "admin.users", to: "/admin/users" },
      { key: "admin.departments", to: "/admin/departments" },
      { key: "admin.audit", to: "/admin/audit" },
    );
  }
  return entries;
}

/** Where to go when the address is for somebody else: "/" for a plan reader, users for an admin. */
export function homeFor(role: Role | null | undefined): string {
  return can(role, "plans.read") ? "/" : "/admin/users";
}

/**
 * Where sign-in leads: the page asked for, or, when none was, a reporter's desk (what is due from the
 * department is the first thing a reporter must see), a leader's cockpit, everyone else's plan list.
 */
export function landingFor(role: Role | null | undefined, next: string): string {
  if (next === "/" && role === "leader") return "/cockpit";
  return next === "/" && can(role, "reports.desk") ? "/desk" : next;
}

/** Only paths inside the app, never another origin (//evil.example) nor the sign-in page again. */
export function safeNext(raw: string | null | undefined): string {
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  if (raw === "/login" || raw.startsWith("/login?") || raw.startsWith("/change-password")) return "/";
  return raw;
}

export function loginPath(next: string): string {
  const target = safeNext(next);
  return target === "/" ? "/login" : `/login?next=${encodeURIComponent(target)}`;
}
