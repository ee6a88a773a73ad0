// Schemas of the shapes several routes return (src/contract), each checked against its interface.

import { FormatRegistry, type Static, type StringOptions, type TSchema, Type } from "@sinclair/typebox";
import type { ApiErrorBody, DepartmentRef, SuggestedDepartment } from "../../contract/common.ts";
import type { OutlineNodeView, PlanSummary } from "../../contract/plans.ts";
import type { ItemView, TargetPatch, TargetView } from "../../contract/targets.ts";
import { isIsoDate } from "../../domain/iso-dates.ts";
import { type Same, sameShape } from "../type-check.ts";

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: "stable error code: bad_input, not_found, conflict …" }),
    message: Type.String({ description: "中文 / English" }),
    details: Type.Record(Type.String(), Type.Unknown()),
    requestId: Type.Optional(
      Type.String({ description: "请求编号，与 X-Request-Id 相同 / the request's id, as in X-Request-Id" }),
    ),
  },
  { $id: "ErrorBody" },
);
sameShape<Same<Static<typeof ErrorBody>, ApiErrorBody>>();

/** The error responses every route may give, for the OpenAPI document. */
export const errorResponses = {
  "4xx": Type.Ref("ErrorBody"),
  "5xx": Type.Ref("ErrorBody"),
};

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const Comparator = Type.Union([
  Type.Literal("target"),
  Type.Literal("at_least"),
  Type.Literal("at_most"),
  Type.Literal("about"),
  Type.Literal("range"),
]);
export const Direction = Type.Union([
  Type.Literal("increase"),
  Type.Literal("decrease"),
  Type.Literal("level"),
]);
export const TargetKind = Type.Union([
  Type.Literal("cumulative"),
  Type.Literal("level"),
  Type.Literal("rate"),
  Type.Literal("milestone"),
]);
/** 约束性 / 预期性 (issue 18). */
export const TargetAttribute = Type.Union([Type.Literal("binding"), Type.Literal("expected")]);
/** A year a plan may name: a base year or a target year. */
const PlanYear = Type.Integer({ minimum: 1949, maximum: 2100 });
export const OutlineKind = Type.Union([
  Type.Literal("section"),
  Type.Literal("area"),
  Type.Literal("group"),
  Type.Literal("task"),
]);
export const Frequency = Type.Union([Type.Literal("monthly"), Type.Literal("quarterly")]);
export const PlanState = Type.Union([
  Type.Literal("draft"),
  Type.Literal("published"),
  Type.Literal("closed"),
]);
// ── Dates and periods in requests ──────────────────────────────────────────────────────────────
// A date is checked as a date (2020-02-30 and 2024-99-99 are refused with a 400 naming the field,
// not stored to break a page later), a period key as a period: one format each, registered on the
// request validator (src/http/request-validator.ts) and in TypeBox's registry, used by every schema.

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?Z?$/;

/** The formats of request fields, by name: a real calendar day, a period key, a day with a time. */
export const REQUEST_FORMATS: Record<string, (text: string) => boolean> = {
  "calendar-date": isIsoDate,
  "period-key": (text) => /^\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])$/.test(text),
  "calendar-date-time": (text) => {
    const [day = "", time] = text.split(/[T ]/, 2);
    return isIsoDate(day) && (time === undefined || TIME.test(time)) && text.split(/[T ]/).length <= 2;
  },
};
for (const [name, check] of Object.entries(REQUEST_FORMATS)) FormatRegistry.Set(name, check);

/** A calendar day, YYYY-MM-DD (2020-02-29 yes, 2020-02-30 no). */
export const DateString = (options: StringOptions = {}) =>
  Type.String({ format: "calendar-date", maxLength: 10, ...options });

/** A reporting period: a month 2020-04 or a quarter 2020-Q2. */
export const PeriodKey = (options: StringOptions = {}) =>
  Type.String({ format: "period-key", maxLength: 7, ...options });

/** A day, or a day and a time (2020-04-01, 2020-04-01T08:00:00Z), for search bounds. */
export const DateOrDateTime = (options: StringOptions = {}) =>
  Type.String({ format: "calendar-date-time", maxLength: 40, ...options });

const IsoDate = DateString();

export const DepartmentRefSchema = Type.Object({ id: Type.Integer(), name: Type.String() });
sameShape<Same<Static<typeof DepartmentRefSchema>, DepartmentRef>>();

export const SuggestedDepartmentSchema = Type.Object({
  department: Type.String(),
  keyword: Type.String(),
  suggested: Type.Literal(true),
  departmentId: Nullable(Type.Integer()),
});
sameShape<Same<Static<typeof SuggestedDepartmentSchema>, SuggestedDepartment>>();

const Counts = Type.Object({
  sections: Type.Integer(),
  areas: Type.Integer(),
  groups: Type.Integer(),
  tasks: Type.Integer(),
  targets: Type.Integer(),
  items: Type.Integer(),
  milestones: Type.Integer(),
});

export const PlanSummarySchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  regionName: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  year: Nullable(Type.Integer()),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  issuer: Nullable(Type.String()),
  published: Nullable(Type.String()),
  state: PlanState,
  createdAt: Type.String(),
  counts: Counts,
  fileName: Nullable(Type.String()),
  textSha256: Nullable(Type.String()),
  regionId: Nullable(Type.Integer()),
  isPublic: Type.Boolean(),
  kind: Type.Optional(Type.Union([Type.Literal("annual"), Type.Literal("five_year")])),
});
sameShape<Same<Static<typeof PlanSummarySchema>, PlanSummary>>();

export const OutlineNodeViewSchema = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  kind: OutlineKind,
  level: Type.Integer(),
  order: Type.Integer(),
  marker: Type.String(),
  title: Type.String(),
  text: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  leadDepartment: Nullable(DepartmentRefSchema),
  coDepartments: Type.Array(DepartmentRefSchema),
  suggestedDepartment: Nullable(SuggestedDepartmentSchema),
});
sameShape<Same<Static<typeof OutlineNodeViewSchema>, OutlineNodeView>>();

export const TargetViewSchema = Type.Object({
  id: Type.Integer(),
  nodeId: Nullable(Type.Integer()),
  subject: Type.String(),
  value: Nullable(Type.Number()),
  value2: Nullable(Type.Number()),
  unit: Type.String(),
  displayUnit: Type.String(),
  display: Type.String(),
  statement: Type.String(),
  comparator: Comparator,
  direction: Direction,
  kind: TargetKind,
  baseline: Nullable(Type.Number()),
  dueDate: Nullable(Type.String()),
  frequency: Frequency,
  weight: Type.Number(),
  start: Type.Integer(),
  end: Type.Integer(),
  confidence: Nullable(Type.Number()),
  source: Type.Union([Type.Literal("extracted"), Type.Literal("manual")]),
  leadDepartment: Nullable(DepartmentRefSchema),
  coDepartments: Type.Array(DepartmentRefSchema),
  suggestedDepartment: Nullable(SuggestedDepartmentSchema),
  stoppedAt: Nullable(Type.String()),
  stoppedReason: Nullable(Type.String()),
  attribute: Nullable(TargetAttribute),
  baselineYear: Nullable(Type.Integer()),
  targetYear: Nullable(Type.Integer()),
  annualGrowth: Nullable(Type.Number()),
});
sameShape<Same<Static<typeof TargetViewSchema>, TargetView>>();

export const ItemViewSchema = Type.Object({
  id: Type.Integer(),
  nodeId: Nullable(Type.Integer()),
  name: Type.String(),
  category: Type.Union([Type.Literal("land_parcel"), Type.Literal("project"), Type.Literal("facility")]),
  start: Type.Integer(),
  end: Type.Integer(),
  leadDepartment: Nullable(DepartmentRefSchema),
});
sameShape<Same<Static<typeof ItemViewSchema>, ItemView>>();

const targetPatchProperties = {
  subject: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  value: Type.Optional(Nullable(Type.Number())),
  value2: Type.Optional(Nullable(Type.Number())),
  unit: Type.Optional(Type.String({ maxLength: 50 })),
  displayUnit: Type.Optional(Type.String({ maxLength: 50 })),
  display: Type.Optional(Type.String({ maxLength: 200 })),
  comparator: Type.Optional(Comparator),
  direction: Type.Optional(Direction),
  kind: Type.Optional(TargetKind),
  baseline: Type.Optional(Nullable(Type.Number())),
  attribute: Type.Optional(Nullable(TargetAttribute)),
  baselineYear: Type.Optional(Nullable(PlanYear)),
  targetYear: Type.Optional(Nullable(PlanYear)),
  annualGrowth: Type.Optional(Nullable(Type.Number())),
  dueDate: Type.Optional(Nullable(IsoDate)),
  frequency: Type.Optional(Frequency),
  weight: Type.Optional(Type.Number({ minimum: 0 })),
  start: Type.Optional(Type.Integer({ minimum: 0 })),
  end: Type.Optional(Type.Integer({ minimum: 0 })),
  nodeId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  leadDepartmentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  coDepartmentIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100 })),
};

export const TargetPatchSchema = Type.Object(targetPatchProperties, { additionalProperties: false });
sameShape<Same<Static<typeof TargetPatchSchema>, TargetPatch>>();

export const ManualTargetSchema = Type.Object(
  { ...targetPatchProperties, start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

/** Schemas registered once with addSchema, referenced by $id. */
export const SHARED_SCHEMAS = [ErrorBody];
