// Who may do what: the one table of every HTTP route and the rule it answers to, and the scope rules
// by region. Pure data and functions; src/http/access-guard.ts enforces a route's row before its
// handler runs, and refuses to register a route that has no row here.

export type Role = "admin" | "planner" | "reporter" | "leader";
export const ROLES: readonly Role[] = ["admin", "planner", "reporter", "leader"];

/** The signed-in user as the rules see it. */
export interface Principal {
  id: number;
  role: Role;
  /** Planners and leaders: the region they work for (null: every region). Unused for admins. */
  regionId: number | null;
  /** Reporters: their department and its region. */
  departmentId: number | null;
  departmentRegionId: number | null;
  /** The names the session knows already, so that an answer naming the user needs no lookup. */
  names?: { username: string; displayName: string; departmentName: string | null };
}

export interface RegionLink {
  id: number;
  parentId: number | null;
}

export interface PlanFacts {
  regionId: number | null;
  state: "draft" | "published" | "closed";
}

/** Which object of a plan-scoped route the rule applies to: how to find its plan. */
export type PlanResource =
  | "plan"
  | "target"
  | "node"
  | "item"
  | "report"
  | "extension"
  | "adjustment"
  | "targets_in_body"
  | "nodes_in_body";

export type AccessRule =
  /** Anyone, signed in or not. */
  | { kind: "public" }
  /** Any signed-in user; `duringPasswordChange`: also before the forced change of password. */
  | { kind: "signed_in"; duringPasswordChange?: boolean }
  /** Signed-in users of these roles (a route may narrow further, e.g. import checks the plan's region). */
  | { kind: "roles"; roles: readonly Role[] }
  /** Reading or editing one plan, found from the route's parameters or body. */
  | { kind: "plan"; action: "read" | "edit"; resource: PlanResource };

const PUBLIC: AccessRule = { kind: "public" };
const SIGNED_IN: AccessRule = { kind: "signed_in" };
const OWN_ACCOUNT: AccessRule = { kind: "signed_in", duringPasswordChange: true };
const ADMIN: AccessRule = { kind: "roles", roles: ["admin"] };
const SECOND_FACTOR: AccessRule = { kind: "roles", roles: ["admin", "planner"] };
const PLAN_EDITORS: AccessRule = { kind: "roles", roles: ["admin", "planner"] };
const REPORTERS: AccessRule = { kind: "roles", roles: ["reporter"] };
const readPlan = (resource: PlanResource): AccessRule => ({ kind: "plan", action: "read", resource });
const editPlan = (resource: PlanResource): AccessRule => ({ kind: "plan", action: "edit", resource });

/**
 * Every route of the application, "METHOD /path" as registered (HEAD follows GET). A path ending in
 * `*` covers every route under it (the web app's files, the OpenAPI pages).
 */
export const ROUTE_ACCESS: Readonly<Record<string, AccessRule>> = {
  "GET /api/health": PUBLIC,
  "GET /api/health/live": PUBLIC,
  "GET /api/health/ready": PUBLIC,
  // Public to the access table; PLANTRACK_METRICS_TOKEN, when set, is required as a Bearer token.
  "GET /metrics": PUBLIC,
  "GET /api/public/plans": PUBLIC,
  "GET /api/public/plans/:id": PUBLIC,

  "POST /api/auth/login": PUBLIC,
  "POST /api/auth/logout": OWN_ACCOUNT,
  "POST /api/auth/logout-all": OWN_ACCOUNT,
  "GET /api/auth/me": OWN_ACCOUNT,
  "POST /api/auth/password": OWN_ACCOUNT,
  "POST /api/auth/totp/setup": SECOND_FACTOR,
  "POST /api/auth/totp/enable": SECOND_FACTOR,
  "POST /api/auth/totp/disable": SECOND_FACTOR,

  "GET /api/plans": SIGNED_IN, // filtered to the plans the user may read
  "GET /api/plans/:id": readPlan("plan"),
  "GET /api/plans/:id/source": readPlan("plan"),
  "POST /api/plans/import": PLAN_EDITORS, // the imported plan's region must be in the planner's scope
  "POST /api/plans/:id/publish": editPlan("plan"),
  "POST /api/plans/:id/public": editPlan("plan"),
  "POST /api/plans/:id/targets": editPlan("plan"),
  "PATCH /api/plans/:id/targets": editPlan("plan"), // every target in the body must be of this plan
  "PATCH /api/targets/:id": editPlan("target"),
  "POST /api/targets/:id/split": editPlan("target"),
  "POST /api/targets/merge": editPlan("targets_in_body"),
  "PATCH /api/nodes/:id": editPlan("node"),
  // The editor's structure (issue 13): adding, splitting, merging, deleting, 中止, archiving.
  "DELETE /api/plans/:id": editPlan("plan"), // a draft only (the service refuses the others)
  "POST /api/plans/:id/archive": editPlan("plan"),
  "POST /api/plans/:id/tasks": editPlan("plan"),
  "POST /api/nodes/:id/split": editPlan("node"),
  "POST /api/nodes/merge": editPlan("nodes_in_body"),
  "DELETE /api/nodes/:id": editPlan("node"),
  "DELETE /api/targets/:id": editPlan("target"),
  "POST /api/targets/:id/stop": editPlan("target"),

  // Running the plan (issue 5). Saving a report is a "read" row: reporters may, but the service lets
  // only the subject's lead or co-operating departments (and planners in scope, admins) save.
  "GET /api/plans/:id/settings": readPlan("plan"),
  "PUT /api/plans/:id/settings": editPlan("plan"),
  "GET /api/targets/:id/planned": readPlan("target"),
  "PUT /api/targets/:id/planned": editPlan("target"),
  "GET /api/plans/:id/reports": readPlan("plan"), // reporters: their department's
  "GET /api/targets/:id/reports": readPlan("target"),
  "GET /api/reports/:id": readPlan("report"), // reporters: their department's
  "PUT /api/targets/:id/reports/:period": readPlan("target"),
  "PUT /api/nodes/:id/reports/:period": readPlan("node"),
  "PUT /api/items/:id/reports/:period": readPlan("item"),
  "POST /api/reports/:id/review": editPlan("report"),
  "POST /api/plans/:id/reports/review-bulk": editPlan("plan"), // each report must be of this plan
  "GET /api/plans/:id/status": readPlan("plan"),
  "GET /api/targets/:id/evaluation": readPlan("target"),
  // The leaders' cockpit (issue 6): whoever reads the plan reads its cockpit and its trends.
  "GET /api/plans/:id/cockpit": readPlan("plan"),
  "GET /api/targets/:id/trend": readPlan("target"),
  "GET /api/me/due": SIGNED_IN, // a reporter's department; empty for the others
  // The month grid (issue 14): one department's sheet; each row is saved as its own report would be.
  "GET /api/me/grid": REPORTERS,
  "PUT /api/me/grid/:month": REPORTERS,
  "GET /api/me/reports": REPORTERS,
  "GET /api/plans/:id/due": readPlan("plan"),
  "GET /api/plans/:id/reminders": readPlan("plan"), // reporters: their department's
  "POST /api/plans/:id/reminders": editPlan("plan"),
  "POST /api/reminders/:id/read": { kind: "roles", roles: ["reporter"] }, // the department reminded
  // Channels carry people's addresses: the plan's editors only.
  "GET /api/plans/:id/channels": editPlan("plan"),
  "POST /api/plans/:id/channels": editPlan("plan"),
  "DELETE /api/plans/:id/channels/:channelId": editPlan("plan"),
  "POST /api/plans/:id/channels/:channelId/test": editPlan("plan"),
  "GET /api/plans/:id/deliveries": editPlan("plan"),
  "GET /api/plans/:id/reminder-settings": readPlan("plan"),
  "PUT /api/plans/:id/reminder-settings": editPlan("plan"),
  "GET /api/plans/:id/extensions": readPlan("plan"), // reporters: their department's
  "POST /api/plans/:id/extensions": readPlan("plan"), // the subject's departments (planners for them)
  "POST /api/extensions/:id/decision": editPlan("extension"),
  "POST /api/plans/:id/copy": editPlan("plan"), // the copy keeps the plan's region, so it is in scope too
  // The city target's plan; the district targets lie in regions under it, so in the same planner's scope.
  "POST /api/targets/:id/links": editPlan("target"),
  "DELETE /api/targets/:id/links/:childId": editPlan("target"),
  // Attach: those who may save the report (the service checks); download: those who may see it.
  "POST /api/reports/:id/attachments": readPlan("report"),
  "GET /api/reports/:id/attachments/:attachmentId": readPlan("report"), // reporters: their department's

  // Tasks (issue 13). The steps are "read" rows: whoever reads the plan reaches the lifecycle, which
  // names the rule that refuses (co_department, not_lead, planner_only …) — a reporter told "you may
  // not edit the plan" would not learn that closing is the planning office's.
  "GET /api/plans/:id/tasks": readPlan("plan"), // reporters: their department's
  "PATCH /api/plans/:id/tasks": editPlan("plan"), // every task in the body must be of this plan
  "GET /api/plans/:id/adjustments": readPlan("plan"), // reporters: their department's
  "GET /api/tasks/:id": readPlan("node"),
  "PATCH /api/tasks/:id": editPlan("node"),
  "POST /api/tasks/:id/acknowledge": readPlan("node"),
  "POST /api/tasks/:id/progress": readPlan("node"),
  "POST /api/tasks/:id/close-request": readPlan("node"),
  "POST /api/tasks/:id/adjust-request": readPlan("node"), // the lead department or a planner
  "POST /api/tasks/:id/close": readPlan("node"),
  "POST /api/tasks/:id/close-return": readPlan("node"),
  "POST /api/tasks/:id/stop": readPlan("node"),
  "POST /api/adjustments/:id/decision": readPlan("adjustment"),

  // Documents (issue 7): whoever reads the plan may export it; imports change it.
  "GET /api/plans/:id/export": readPlan("plan"),
  "GET /api/plans/:id/ledger/fill-in": readPlan("plan"), // a reporter: their own department's (the service)
  "POST /api/plans/:id/ledger/preview": editPlan("plan"),
  "POST /api/plans/:id/ledger/apply": editPlan("plan"),
  "POST /api/plans/:id/breakdown/preview": editPlan("plan"),
  "POST /api/plans/:id/breakdown/apply": editPlan("plan"),

  // The five-year plan (issue 17). Entering a yearly value is a "read" row: the planner in scope, or a
  // reporter of the statistics department (区统计局) — the service checks which; the others are refused.
  "GET /api/plans/:id/five-year": readPlan("plan"),
  "POST /api/plans/:id/kind": editPlan("plan"),
  "GET /api/targets/:id/yearly-values": readPlan("target"),
  "POST /api/targets/:id/yearly-values": readPlan("target"),
  "POST /api/targets/:id/yearly-values/from-report": editPlan("target"),
  "POST /api/plans/:id/yearly-values/preview": editPlan("plan"),
  "POST /api/plans/:id/yearly-values/apply": editPlan("plan"),
  // The annual target's plan; the indicator's plan is checked to be a five-year plan by the service.
  "POST /api/targets/:id/five-year-link": editPlan("target"),
  "DELETE /api/targets/:id/five-year-link": editPlan("target"),
  "GET /api/plans/:id/five-year-links/suggestions": editPlan("plan"),
  "POST /api/plans/:id/five-year-links": editPlan("plan"),

  "GET /api/admin/users": ADMIN,
  "POST /api/admin/users": ADMIN,
  "PATCH /api/admin/users/:id": ADMIN,
  "POST /api/admin/users/:id/reset-password": ADMIN,
  "GET /api/admin/departments": ADMIN,
  "POST /api/admin/departments": ADMIN,
  "PATCH /api/admin/departments/:id": ADMIN,
  "GET /api/admin/regions": ADMIN,
  "GET /api/admin/audit": ADMIN,
  "GET /api/admin/audit/export": ADMIN,
  "GET /api/admin/audit/verify": ADMIN,

  // The API's documentation and the built web app (its pages sign in through the API).
  "GET /api/docs*": PUBLIC,
  "GET /*": PUBLIC,
};

/** The row of a registered route; HEAD is answered like GET. Undefined: the route has no row. */
export function accessRuleFor(method: string, url: string): AccessRule | undefined {
  const m = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
  const exact = ROUTE_ACCESS[`${m} ${url}`];
  if (exact) return exact;
  for (const [key, rule] of Object.entries(ROUTE_ACCESS)) {
    if (!key.endsWith("*") || key.endsWith(" /*")) continue;
    const [km, kp] = key.split(" ") as [string, string];
    if (km === m && url.startsWith(kp.slice(0, -1))) return rule;
  }
  return undefined;
}

/** The regions a user works in: "all", or a set of region ids. */
export type RegionScope = "all" | ReadonlySet<number>;

function withDescendants(rootId: number, regions: readonly RegionLink[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const r of regions) {
    if (r.parentId === null) continue;
    const list = children.get(r.parentId) ?? [];
    list.push(r.id);
    children.set(r.parentId, list);
  }
  const out = new Set<number>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.pop() as number;
    for (const child of children.get(id) ?? []) {
      if (out.has(child)) continue; // a cycle in bad data must not loop forever
      out.add(child);
      queue.push(child);
    }
  }
  return out;
}

/** Whether regionScope needs the region tree for this user (planners and leaders with a region). */
export function scopeNeedsRegions(user: Principal): boolean {
  return user.role !== "admin" && user.role !== "reporter" && user.regionId !== null;
}

/**
 * Admins: everything. Planners and leaders: their region and the regions under it (a city's planner
 * sees its districts), or everything without a region. Reporters: their department's region only.
 */
export function regionScope(user: Principal, regions: readonly RegionLink[]): RegionScope {
  if (user.role === "admin") return "all";
  if (user.role === "reporter") {
    return user.departmentRegionId === null ? new Set() : new Set([user.departmentRegionId]);
  }
  if (user.regionId === null) return "all";
  return withDescendants(user.regionId, regions);
}

export function inScope(scope: RegionScope, regionId: number | null): boolean {
  if (scope === "all") return true;
  return regionId !== null && scope.has(regionId);
}

/** Leaders and planners read every plan in scope, drafts too; reporters only published ones. */
export function canReadPlan(user: Principal, plan: PlanFacts, scope: RegionScope): boolean {
  if (user.role === "admin") return true;
  if (user.role === "reporter") return plan.state !== "draft" && inScope(scope, plan.regionId);
  return inScope(scope, plan.regionId);
}

/** Only planners (and admins) change plans, and only in their scope; leaders read, reporters report. */
export function canEditPlan(user: Principal, plan: PlanFacts, scope: RegionScope): boolean {
  if (user.role === "admin") return true;
  if (user.role !== "planner") return false;
  return inScope(scope, plan.regionId);
}

/** Whether the role may make a request under this rule, before any plan is looked at. */
export function roleAllowed(rule: AccessRule, role: Role): boolean {
  switch (rule.kind) {
    case "public":
    case "signed_in":
      return true;
    case "roles":
      return rule.roles.includes(role);
    case "plan":
      return rule.action === "read" || role === "admin" || role === "planner";
  }
}
