// The API contract, re-exported from the server's own type file so the two can never drift apart.
// Type-only: nothing from src/ is bundled into the web app.
export type {
  Comparator,
  DepartmentSuggestion,
  Direction,
  ItemCategory,
  OutlineKind,
  TargetKind,
} from "../../../src/extract/types.ts";
export type {
  ApiErrorBody,
  DepartmentRef,
  ImportResult,
  ImportSummary,
  ItemView,
  OutlineNodeView,
  PlanDetail,
  PlanSource,
  PlanState,
  PlanSummary,
  SuggestedDepartment,
  TargetPatch,
  TargetView,
} from "../../../src/http/api-types.ts";
