// The five-year plan's endpoints (issue 17): the cockpit as of a year, yearly values (entered, taken
// from a linked annual target's report, imported from a sheet), the links of an annual plan's targets
// to the indicators, and the mid-term report's download address. Built on the client's one request
// function, so that errors, the CSRF token and the reader's language work as everywhere else.
import type {
  FiveYearIndicatorView,
  FiveYearLinkSuggestions,
  FiveYearLinksConfirmRequest,
  FiveYearLinksConfirmResult,
  FiveYearLinkView,
  FiveYearView,
  YearlyValueFromReportRequest,
  YearlyValueHistoryView,
  YearlyValueImportApply,
  YearlyValueImportPreview,
  YearlyValueImportResult,
  YearlyValueRequest,
} from "../../../src/contract/five-year.ts";

type Request = <T>(method: string, path: string, body?: BodyInit | object) => Promise<T>;

/** The mid-term evaluation (中期评估) as of a year, a Word 公文 (the server has no PDF of it). */
/**
 * The mid-term evaluation as of a year, or the year's report on the plan's implementation (yearly):
 * the Word 公文, or its PDF (converted by LibreOffice on the server).
 */
export function midtermUrl(
  planId: number,
  year: number,
  pdf = false,
  kind: "midterm" | "yearly" = "midterm",
): string {
  const q = new URLSearchParams({ format: pdf ? `${kind}-pdf` : kind, year: String(year) });
  return `/api/plans/${planId}/export?${q.toString()}`;
}

export function fiveYearEndpoints(request: Request) {
  return {
    fiveYear: (planId: number, year: number | null) =>
      request<FiveYearView>("GET", `/api/plans/${planId}/five-year${year === null ? "" : `?year=${year}`}`),
    addYearlyValue: (targetId: number, body: YearlyValueRequest) =>
      request<FiveYearIndicatorView>("POST", `/api/targets/${targetId}/yearly-values`, body),
    yearlyValueFromReport: (targetId: number, body: YearlyValueFromReportRequest) =>
      request<FiveYearIndicatorView>("POST", `/api/targets/${targetId}/yearly-values/from-report`, body),
    yearlyValueHistory: (targetId: number) =>
      request<YearlyValueHistoryView>("GET", `/api/targets/${targetId}/yearly-values`),
    previewYearlyValues: (planId: number, file: File) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return request<YearlyValueImportPreview>("POST", `/api/plans/${planId}/yearly-values/preview`, form);
    },
    applyYearlyValues: (planId: number, body: YearlyValueImportApply) =>
      request<YearlyValueImportResult>("POST", `/api/plans/${planId}/yearly-values/apply`, body),
    linkSuggestions: (annualPlanId: number, fiveYearPlanId: number) =>
      request<FiveYearLinkSuggestions>(
        "GET",
        `/api/plans/${annualPlanId}/five-year-links/suggestions?fiveYearPlanId=${fiveYearPlanId}`,
      ),
    confirmLinks: (annualPlanId: number, body: FiveYearLinksConfirmRequest) =>
      request<FiveYearLinksConfirmResult>("POST", `/api/plans/${annualPlanId}/five-year-links`, body),
    linkTarget: (annualTargetId: number, indicatorId: number) =>
      request<FiveYearLinkView>("POST", `/api/targets/${annualTargetId}/five-year-link`, { indicatorId }),
    unlinkTarget: (annualTargetId: number) =>
      request<FiveYearLinkView>("DELETE", `/api/targets/${annualTargetId}/five-year-link`),
  };
}
