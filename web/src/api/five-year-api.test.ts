import { describe, expect, it } from "vitest";
import { createApiClient, type FetchLike } from "./client.ts";
import { midtermUrl } from "./five-year-api.ts";

interface Call {
  url: string;
  method: string;
  body: unknown;
  csrf: string | null;
  lang: string | null;
}

function recorder(status = 200, answer: unknown = {}): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({
      url,
      method: init?.method ?? "GET",
      body:
        typeof init?.body === "string"
          ? JSON.parse(init.body)
          : init?.body instanceof FormData
            ? "form"
            : undefined,
      csrf: headers["x-csrf-token"] ?? null,
      lang: headers["x-plantrack-lang"] ?? null,
    });
    return new Response(JSON.stringify(answer), { status });
  };
  return { fetch, calls };
}

describe("api client: the five-year plan (issue 17)", () => {
  it("sends each five-year call to its route, writes with the CSRF token", async () => {
    const { fetch, calls } = recorder();
    const api = createApiClient({ fetch, cookies: () => "plantrack_csrf=tok" });
    await api.fiveYear(5, 2023);
    await api.fiveYear(5, null);
    await api.addYearlyValue(40, { year: 2022, value: 117.5, sourceNote: "统计公报" });
    await api.yearlyValueFromReport(40, { year: 2022, annualTargetId: 90 });
    await api.yearlyValueHistory(40);
    await api.previewYearlyValues(5, new File(["指标,年份,数值"], "values.csv"));
    await api.applyYearlyValues(5, {
      fileName: "values.csv",
      rows: [{ targetId: 40, year: 2021, value: 1 }],
    });
    await api.linkSuggestions(8, 5);
    await api.confirmLinks(8, { links: [{ targetId: 90, indicatorId: 40 }] });
    await api.linkTarget(90, 40);
    await api.unlinkTarget(90);
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ["GET", "/api/plans/5/five-year?year=2023", undefined],
      ["GET", "/api/plans/5/five-year", undefined],
      ["POST", "/api/targets/40/yearly-values", { year: 2022, value: 117.5, sourceNote: "统计公报" }],
      ["POST", "/api/targets/40/yearly-values/from-report", { year: 2022, annualTargetId: 90 }],
      ["GET", "/api/targets/40/yearly-values", undefined],
      ["POST", "/api/plans/5/yearly-values/preview", "form"],
      [
        "POST",
        "/api/plans/5/yearly-values/apply",
        { fileName: "values.csv", rows: [{ targetId: 40, year: 2021, value: 1 }] },
      ],
      ["GET", "/api/plans/8/five-year-links/suggestions?fiveYearPlanId=5", undefined],
      ["POST", "/api/plans/8/five-year-links", { links: [{ targetId: 90, indicatorId: 40 }] }],
      ["POST", "/api/targets/90/five-year-link", { indicatorId: 40 }],
      ["DELETE", "/api/targets/90/five-year-link", undefined],
    ]);
    expect(calls.filter((c) => c.method !== "GET").every((c) => c.csrf === "tok")).toBe(true);
    expect(calls.every((c) => c.lang === "zh-CN")).toBe(true);
  });

  it("hands a refused yearly value back with the field the server names", async () => {
    const { fetch } = recorder(400, {
      code: "bad_input",
      message: "2019年不在规划期内（2021—2025年）",
      details: { field: "year" },
    });
    const api = createApiClient({ fetch });
    await expect(api.addYearlyValue(40, { year: 2019, value: 1 })).rejects.toMatchObject({
      status: 400,
      code: "bad_input",
      details: { field: "year" },
    });
  });

  it("addresses the mid-term report as of a year", () => {
    expect(midtermUrl(5, 2023)).toBe("/api/plans/5/export?format=midterm&year=2023");
    expect(midtermUrl(5, 2022)).toBe("/api/plans/5/export?format=midterm&year=2022");
    expect(midtermUrl(5, 2023, true)).toBe("/api/plans/5/export?format=midterm-pdf&year=2023");
    expect(midtermUrl(5, 2022, false, "yearly")).toBe("/api/plans/5/export?format=yearly&year=2022");
    expect(midtermUrl(5, 2022, true, "yearly")).toBe("/api/plans/5/export?format=yearly-pdf&year=2022");
  });
});
