import { describe, expect, it } from "vitest";
import {
  ApiError,
  createApiClient,
  type FetchLike,
  importedPlanId,
  isApiError,
  readCookie,
} from "./client.ts";

function stub(status: number, body: unknown, calls: { url: string; init?: RequestInit }[] = []): FetchLike {
  return async (url, init) => {
    calls.push({ url, init });
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { "content-type": "application/json" } });
  };
}

describe("api client", () => {
  it("returns the parsed body", async () => {
    const api = createApiClient({ fetch: stub(200, [{ id: 1, title: "计划" }]) });
    expect(await api.listPlans()).toEqual([{ id: 1, title: "计划" }]);
  });

  it("accepts a plan list wrapped in an object", async () => {
    const api = createApiClient({ fetch: stub(200, { plans: [{ id: 2 }] }) });
    expect(await api.listPlans()).toEqual([{ id: 2 }]);
  });

  it("throws the server's error body", async () => {
    const api = createApiClient({
      fetch: stub(409, { code: "conflict", message: "已导入", details: { planId: 1 } }),
    });
    const error = await api.getPlan(1).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 409, code: "conflict", message: "已导入", details: { planId: 1 } });
  });

  it("turns a non-JSON failure into an ApiError", async () => {
    const api = createApiClient({ fetch: stub(502, "<html>Bad Gateway</html>") });
    const error = (await api.getPlan(1).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe("http_502");
  });

  it("turns a network failure into status 0", async () => {
    const api = createApiClient({
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const error = (await api.listPlans().catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.code).toBe("network_error");
    expect(error.message).toBe("Failed to fetch");
  });

  it("sends a PATCH as JSON and an import as multipart with force", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const api = createApiClient({ fetch: stub(200, { id: 3 }, calls) });
    await api.patchTarget(3, { value: 5.5 });
    expect(calls[0]?.url).toBe("/api/targets/3");
    expect(calls[0]?.init?.method).toBe("PATCH");
    expect(calls[0]?.init?.body).toBe('{"value":5.5}');
    await api.importPlan(new File(["文本"], "plan.txt"), true);
    expect(calls[1]?.url).toBe("/api/plans/import");
    const form = calls[1]?.init?.body as FormData;
    expect([...form.keys()]).toEqual(["force", "file"]);
    expect(form.get("force")).toBe("true");
    expect((form.get("file") as File).name).toBe("plan.txt");
    await api.importPlan(new File(["文本"], "plan.txt"));
    const plain = calls[2]?.init?.body as FormData;
    expect([...plain.keys()]).toEqual(["file"]);
  });

  it("finds the imported plan's id in any envelope", () => {
    expect(importedPlanId({ id: 4 })).toBe(4);
    expect(importedPlanId({ plan: { id: 5 } })).toBe(5);
    expect(importedPlanId({ planId: 6 })).toBe(6);
    expect(importedPlanId(null)).toBeNull();
    expect(importedPlanId({ id: "7" })).toBeNull();
  });

  it("reads one cookie out of document.cookie", () => {
    expect(readCookie("a=1; plantrack_csrf=tok%2Fen; b=2", "plantrack_csrf")).toBe("tok/en");
    expect(readCookie("xplantrack_csrf=no", "plantrack_csrf")).toBeNull();
    expect(readCookie("", "plantrack_csrf")).toBeNull();
  });

  it("sends the CSRF cookie back in x-csrf-token on writes, never on reads", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const api = createApiClient({ fetch: stub(200, { id: 3 }, calls), cookies: () => "plantrack_csrf=abc" });
    await api.getPlan(3);
    await api.patchTarget(3, { value: 1 });
    await api.importPlan(new File(["x"], "p.txt"));
    const header = (i: number) => ((calls[i]?.init?.headers ?? {}) as Record<string, string>)["x-csrf-token"];
    expect(header(0)).toBeUndefined();
    expect(header(1)).toBe("abc");
    expect(header(2)).toBe("abc");
  });

  it("falls back to the token of the last sign-in when the cookie cannot be read", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const session = { user: { id: 1 }, csrfToken: "from-login", idleExpiresAt: "" };
    const api = createApiClient({ fetch: stub(200, session, calls), cookies: () => "" });
    await api.login({ username: "u", password: "p" });
    await api.logout();
    expect(((calls[1]?.init?.headers ?? {}) as Record<string, string>)["x-csrf-token"]).toBe("from-login");
  });

  it("reports a lost session, but not a refused sign-in, and treats /me's 401 as nobody", async () => {
    const lost: string[] = [];
    const api = createApiClient({
      fetch: stub(401, { code: "unauthenticated", message: "请先登录", details: {} }),
    });
    api.setEvents({ onUnauthenticated: (e) => lost.push(e.code) });
    await expect(api.listPlans()).rejects.toMatchObject({ status: 401 });
    await expect(api.login({ username: "u", password: "bad" })).rejects.toMatchObject({ status: 401 });
    expect(await api.me()).toBeNull();
    expect(lost).toEqual(["unauthenticated"]);
  });

  it("reports a forced password change", async () => {
    const seen: string[] = [];
    const api = createApiClient({
      fetch: stub(403, { code: "password_change_required", message: "请先修改密码", details: {} }),
    });
    api.setEvents({ onPasswordChangeRequired: (e) => seen.push(e.code) });
    await expect(api.listUsers()).rejects.toMatchObject({ status: 403 });
    expect(seen).toEqual(["password_change_required"]);
  });

  it("builds the audit query and export address from the filter, leaving empty fields out", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const api = createApiClient({
      fetch: stub(200, { entries: [], total: 0, page: 2, pageSize: 20 }, calls),
    });
    await api.audit({ user: "admin", action: "", q: "南开", page: 2, pageSize: 20 });
    expect(calls[0]?.url).toBe("/api/admin/audit?user=admin&q=%E5%8D%97%E5%BC%80&page=2&pageSize=20");
    expect(api.auditExportUrl({ entity: "user", page: 3 })).toBe("/api/admin/audit/export?entity=user");
  });
});
