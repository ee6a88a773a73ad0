import { describe, expect, it } from "vitest";
import { createApiClient, dispositionName, type FetchLike } from "./client.ts";

describe("the audit log's Excel download", () => {
  it("fetches the workbook with the chosen filters and language and keeps the server's file name", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push({ url, init });
      return new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
        status: 200,
        headers: {
          "content-disposition": `attachment; filename="_____-20260103.xlsx"; filename*=UTF-8''${encodeURIComponent("审计日志-20260103.xlsx")}`,
        },
      });
    };
    const api = createApiClient({ fetch });
    const file = await api.auditXlsx({ department: 3, actions: "auth.login,auth.login_failed", page: 2 });
    expect(file.fileName).toBe("审计日志-20260103.xlsx");
    expect(file.blob.size).toBe(4);
    expect(calls[0]?.url).toBe(
      "/api/admin/audit/export?department=3&actions=auth.login%2Cauth.login_failed&format=xlsx",
    );
    const headers = (calls[0]?.init?.headers ?? {}) as Record<string, string>;
    expect(headers["x-plantrack-lang"]).toBe("zh-CN");
  });

  it("throws the server's refusal as an ApiError", async () => {
    const fetch: FetchLike = async () =>
      new Response(JSON.stringify({ code: "bad_input", message: "时间范围无效", details: { field: "to" } }), {
        status: 400,
      });
    await expect(
      createApiClient({ fetch }).auditXlsx({ from: "2020-06-01", to: "2020-05-01" }),
    ).rejects.toMatchObject({
      status: 400,
      code: "bad_input",
      details: { field: "to" },
    });
  });

  it("reads the UTF-8 file name first, the plain one otherwise", () => {
    expect(dispositionName(`attachment; filename="a.xlsx"; filename*=UTF-8''%E5%AE%A1.xlsx`)).toBe("审.xlsx");
    expect(dispositionName(`attachment; filename="audit-log-20260103.xlsx"`)).toBe("audit-log-20260103.xlsx");
    expect(dispositionName(null)).toBe("download");
  });
});
