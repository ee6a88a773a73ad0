// Shapes shared by every aggregate of the API. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { DepartmentSuggestion } from "../extract/types.ts";

export interface ApiErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
  /** The request's id (also the X-Request-Id header): quote it to an operator to find the log line. */
  requestId?: string;
}

export interface DepartmentRef {
  id: number;
  name: string;
}

export interface ZhEn {
  zh: string;
  en: string;
}

export interface UserRef {
  id: number;
  username: string;
  displayName: string;
}

/** A department suggestion, resolved to the region's department of that name when there is one. */
export interface SuggestedDepartment extends DepartmentSuggestion {
  departmentId: number | null;
}

export interface ThresholdsView {
  behindPoints: number;
  farBehindPoints: number;
  rateShortfallShare: number;
  aboutRatePoints: number;
  aboutShare: number;
}
