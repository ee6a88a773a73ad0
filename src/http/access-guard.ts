// Enforces src/domain/access.ts: every route registered gets its row's checks as its first hooks, and
// a route without a row cannot be registered at all. onRequest: the session (401), CSRF on writes
// (403 csrf), the forced password change (403 password_change_required), the role (403). preHandler,
// once the body is parsed: the plan's region scope (403).

import { timingSafeEqual } from "node:crypto";
import type {
  FastifyInstance,
  FastifyRequest,
  onRequestHookHandler,
  preHandlerHookHandler,
  RouteOptions,
} from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import {
  type AccessRule,
  accessRuleFor,
  canEditPlan,
  canReadPlan,
  type PlanResource,
  roleAllowed,
} from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { type PlanAccess, planAccessOf, regionScopeOf } from "../services/access-facts.ts";
import { type ActiveSession, type AuthSettings, authenticate, toPrincipal } from "../services/auth.ts";
import { CSRF_COOKIE, CSRF_HEADER, readCookies, SESSION_COOKIE } from "./cookies.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in session, set by the access guard on routes that need one. */
    auth: ActiveSession | null;
  }
  interface FastifyContextConfig {
    access?: AccessRule;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export interface GuardDeps {
  db: Kysely<Database>;
  auth: AuthSettings;
}

/** The plans the request touches (see planAccessOf); none found: the handler answers 404. */
async function plansOf(
  db: Kysely<Database>,
  resource: PlanResource,
  request: FastifyRequest,
): Promise<PlanAccess[]> {
  const params = request.params as { id?: string | number };
  const inBody = resource === "targets_in_body" || resource === "nodes_in_body";
  const ids = inBody ? ((request.body as { ids?: unknown } | undefined)?.ids ?? []) : [];
  const bodyIds = (Array.isArray(ids) ? (ids as unknown[]) : []).filter((x): x is number =>
    Number.isInteger(x),
  );
  const targetIds = resource === "targets_in_body" ? bodyIds : [];
  const nodeIds = resource === "nodes_in_body" ? bodyIds : [];
  return planAccessOf(db, resource, { id: Number(params.id), targetIds, nodeIds });
}

const SIGN_IN = { zh: "请先登录", en: "please sign in" };

function authenticateHook(deps: GuardDeps, rule: AccessRule): onRequestHookHandler {
  return async (request) => {
    if (rule.kind === "public") return;
    const token = readCookies(request)[SESSION_COOKIE];
    const session = token ? await authenticate(deps.db, deps.auth, token) : null;
    if (!session) throw new AppError("unauthenticated", SIGN_IN);
    request.auth = session;
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const sent = typeof header === "string" ? header : "";
      const cookie = readCookies(request)[CSRF_COOKIE] ?? "";
      if (!sent || !sameToken(sent, cookie) || !sameToken(sent, session.csrfToken)) {
        throw new AppError("csrf", {
          zh: "缺少或错误的防跨站请求令牌，请刷新页面",
          en: "missing or wrong CSRF token (x-csrf-token): reload the page",
        });
      }
    }
    if (session.user.mustChangePassword && !(rule.kind === "signed_in" && rule.duringPasswordChange)) {
      throw new AppError("password_change_required", {
        zh: "请先修改初始密码",
        en: "change your password first",
      });
    }
    if (!roleAllowed(rule, session.user.role)) {
      throw new AppError("forbidden", { zh: "无权执行此操作", en: "you may not do this" });
    }
  };
}

function scopeHook(deps: GuardDeps, rule: Extract<AccessRule, { kind: "plan" }>): preHandlerHookHandler {
  return async (request) => {
    const session = request.auth;
    if (!session) throw new AppError("unauthenticated", SIGN_IN);
    const principal = toPrincipal(session.user);
    const plans = await plansOf(deps.db, rule.resource, request);
    if (plans.length === 0) return; // nothing found: the handler answers 404
    const scope = await regionScopeOf(deps.db, principal);
    for (const plan of plans) {
      const facts = { regionId: plan.regionId, state: plan.state };
      const allowed =
        rule.action === "read" ? canReadPlan(principal, facts, scope) : canEditPlan(principal, facts, scope);
      if (!allowed) {
        throw new AppError(
          "forbidden",
          {
            zh: `无权${rule.action === "read" ? "查看" : "修改"}计划 ${plan.planId}`,
            en: `you may not ${rule.action} plan ${plan.planId}`,
          },
          { planId: plan.planId },
        );
      }
    }
  };
}

/** Call before any route is registered. */
export function installAccessGuard(app: FastifyInstance, deps: GuardDeps): void {
  app.decorateRequest("auth", null);
  app.addHook("onRoute", (route: RouteOptions) => {
    const methods = asArray(route.method);
    const rules = methods.map((m) => accessRuleFor(m, route.url));
    const rule = rules[0];
    if (!rule || rules.some((r) => r !== rule)) {
      // A mistake of the programmer, found when the app is built: said to the programmer, in English.
      throw new Error(
        `route ${methods.join("|")} ${route.url} has no row in ROUTE_ACCESS (src/domain/access.ts)`,
      );
    }
    route.config = { ...(route.config ?? {}), access: rule } as typeof route.config;
    route.onRequest = [authenticateHook(deps, rule), ...asArray(route.onRequest)];
    if (rule.kind === "plan") route.preHandler = [scopeHook(deps, rule), ...asArray(route.preHandler)];
  });
}
