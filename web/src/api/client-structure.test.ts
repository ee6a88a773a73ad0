import { describe, expect, it } from "vitest";
import { createApiClient, type FetchLike } from "./client.ts";

interface Call {
  url: string;
  method: string;
  body: unknown;
  csrf: string | null;
}

function recorder(status = 200, answer: unknown = {}): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({
      url,
      method: init?.method ?? "GET",
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      csrf: headers["x-csrf-token"] ?? null,
    });
    return new Response(status === 204 ? null : JSON.stringify(answer), { status });
  };
  return { fetch, calls };
}

describe("api client: the plan's structure (issue 13)", () => {
  it("sends each structure operation to its route, with the CSRF token", async () => {
    const { fetch, calls } = recorder();
    const api = createApiClient({ fetch, cookies: () => "plantrack_csrf=tok" });
    await api.addTaskFromSpan(3, { start: 10, end: 42, parentId: 7 });
    await api.splitNode(12, 5);
    await api.mergeNodes({ ids: [12, 13] });
    await api.deleteNode(12);
    await api.deleteTarget(40);
    await api.stopTarget(41, { reason: "项目取消" });
    await api.deletePlan(3);
    await api.archivePlan(4);
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ["POST", "/api/plans/3/tasks", { start: 10, end: 42, parentId: 7 }],
      ["POST", "/api/nodes/12/split", { at: 5 }],
      ["POST", "/api/nodes/merge", { ids: [12, 13] }],
      ["DELETE", "/api/nodes/12", undefined],
      ["DELETE", "/api/targets/40", undefined],
      ["POST", "/api/targets/41/stop", { reason: "项目取消" }],
      ["DELETE", "/api/plans/3", undefined],
      ["POST", "/api/plans/4/archive", {}],
    ]);
    expect(calls.every((c) => c.csrf === "tok")).toBe(true);
  });

  it("accepts an empty answer to a delete", async () => {
    const { fetch } = recorder(204);
    const api = createApiClient({ fetch });
    await expect(api.deleteNode(1)).resolves.toBeUndefined();
  });

  it("sends the bulk change of tasks as one PATCH and a stop with its reason", async () => {
    const { fetch, calls } = recorder(200, { tasks: [] });
    const api = createApiClient({ fetch });
    await api.bulkPatchTasks(3, { changes: [{ id: 1, patch: { leadDepartmentId: 7 } }] });
    await api.stopTask(9, { reason: "并入其他任务" });
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ["PATCH", "/api/plans/3/tasks", { changes: [{ id: 1, patch: { leadDepartmentId: 7 } }] }],
      ["POST", "/api/tasks/9/stop", { reason: "并入其他任务" }],
    ]);
  });
});
