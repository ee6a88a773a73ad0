import { describe, expect, it } from "vitest";
// The server's route table, to check the UI offers exactly what it allows (a test import only).
import { ROLES, ROUTE_ACCESS, roleAllowed } from "../../../src/domain/access.ts";
import { can, homeFor, landingFor, loginPath, navFor, type Permission, safeNext } from "./access.ts";

describe("access", () => {
  it("lets planners and administrators edit, leaders and reporters only read", () => {
    expect(can("planner", "plans.edit")).toBe(true);
    expect(can("admin", "plans.edit")).toBe(true);
    for (const role of ["leader", "reporter"] as const) {
      expect(can(role, "plans.edit")).toBe(false);
      expect(can(role, "plans.makePublic")).toBe(false);
      expect(can(role, "account.totp")).toBe(false);
      expect(can(role, "plans.read")).toBe(true);
    }
    expect(can(null, "plans.read")).toBe(false);
  });

  it("agrees with the server's route table on what each role may call", () => {
    const routes: [Permission, string][] = [
      ["plans.import", "POST /api/plans/import"],
      ["plans.edit", "PATCH /api/targets/:id"],
      ["plans.publish", "POST /api/plans/:id/publish"],
      ["plans.makePublic", "POST /api/plans/:id/public"],
      ["admin", "GET /api/admin/users"],
      ["account.totp", "POST /api/auth/totp/setup"],
      ["plans.read", "GET /api/plans/:id"],
      ["reports.review", "POST /api/reports/:id/review"],
      ["reports.review", "POST /api/plans/:id/reminders"],
      ["reports.review", "POST /api/extensions/:id/decision"],
      // The five-year plan's writes the UI offers to whoever edits plans (issue 17).
      ["plans.edit", "POST /api/plans/:id/yearly-values/preview"],
      ["plans.edit", "POST /api/plans/:id/yearly-values/apply"],
      ["plans.edit", "POST /api/targets/:id/yearly-values/from-report"],
      ["plans.edit", "GET /api/plans/:id/five-year-links/suggestions"],
      ["plans.edit", "POST /api/plans/:id/five-year-links"],
      ["plans.edit", "DELETE /api/targets/:id/five-year-link"],
      ["plans.read", "GET /api/plans/:id/five-year"],
      ["plans.read", "GET /api/targets/:id/yearly-values"],
    ];
    for (const role of ROLES) {
      for (const [permission, route] of routes) {
        const rule = ROUTE_ACCESS[route];
        if (!rule) throw new Error(`no server rule for ${route}`);
        expect(can(role, permission), `${role} ${permission}`).toBe(roleAllowed(rule, role));
      }
    }
  });

  it("shows 管理 to administrators only", () => {
    expect(navFor("admin").map((e) => e.key)).toEqual([
      "cockpit",
      "plans",
      "review",
      "admin.users",
      "admin.departments",
      "admin.audit",
    ]);
    expect(navFor("planner").map((e) => e.key)).toEqual(["cockpit", "plans", "review"]);
    expect(navFor("reporter").map((e) => e.key)).toEqual(["desk", "plans"]);
    expect(navFor("leader").map((e) => e.key)).toEqual(["cockpit", "plans"]);
    expect(navFor(undefined)).toEqual([]);
    expect(homeFor("reporter")).toBe("/");
  });

  it("sends a reporter to the desk after sign-in, unless a page was asked for", () => {
    expect(landingFor("reporter", "/")).toBe("/desk");
    expect(landingFor("reporter", "/plans/3")).toBe("/plans/3");
    expect(landingFor("planner", "/")).toBe("/");
    // A leader lands on the cockpit of the newest plan (/cockpit picks it), unless a page was asked for.
    expect(landingFor("leader", "/")).toBe("/cockpit");
    expect(landingFor("leader", "/plans/3")).toBe("/plans/3");
  });

  it("keeps the way back inside the app", () => {
    expect(safeNext("/plans/3?x=1")).toBe("/plans/3?x=1");
    expect(safeNext("//evil.example/x")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext("/login?next=/a")).toBe("/");
    expect(safeNext(null)).toBe("/");
    expect(loginPath("/admin/audit")).toBe("/login?next=%2Fadmin%2Faudit");
    expect(loginPath("/")).toBe("/login");
  });
});
