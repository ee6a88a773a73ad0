// Schemas of the leaders' cockpit (issue 6), each checked against its interface in src/contract.

import { type Static, Type } from "@sinclair/typebox";
import type {
  CockpitHeadlineView,
  CockpitView,
  DepartmentTaskRankingView,
  TargetTrendView,
  TrendPointView,
} from "../../contract/cockpit.ts";
import { type Same, sameShape } from "../type-check.ts";
import {
  Comparator,
  DateString,
  DepartmentRefSchema,
  errorResponses,
  IdParams,
  Nullable,
  TargetKind,
} from "./common-schemas.ts";
import {
  DepartmentRankingSchema,
  PeriodViewSchema,
  RollupGroupSchema,
  RollupSchema,
  TargetStatusSchema,
  ThresholdsSchema,
} from "./reporting-schemas.ts";

const Lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const TargetStatus = Lit("completed", "on_track", "behind", "far_behind", "not_reported", "not_started");

const TrendPointSchema = Type.Object({
  period: PeriodViewSchema,
  value: Nullable(Type.Number()),
  expected: Nullable(Type.Number()),
  status: TargetStatus,
  reportId: Nullable(Type.Integer()),
});
sameShape<Same<Static<typeof TrendPointSchema>, TrendPointView>>();

const TargetTrendSchema = Type.Object({
  targetId: Type.Integer(),
  planId: Type.Integer(),
  asOf: Type.String(),
  subject: Type.String(),
  display: Type.String(),
  kind: TargetKind,
  comparator: Comparator,
  unit: Type.String(),
  displayUnit: Type.String(),
  goal: Nullable(Type.Number()),
  goal2: Nullable(Type.Number()),
  baseline: Nullable(Type.Number()),
  line: Lit("elapsed", "planned", "target"),
  points: Type.Array(TrendPointSchema),
});
sameShape<Same<Static<typeof TargetTrendSchema>, TargetTrendView>>();

const HeadlineSchema = Type.Object({ status: TargetStatusSchema, trend: TargetTrendSchema });
sameShape<Same<Static<typeof HeadlineSchema>, CockpitHeadlineView>>();

const TaskRankingSchema = Type.Object({
  department: DepartmentRefSchema,
  assigned: Type.Integer(),
  acknowledgeDue: Type.Integer(),
  acknowledgedOnTime: Type.Integer(),
  acknowledgeRate: Nullable(Type.Number()),
  reportsDue: Type.Integer(),
  reportsOnTime: Type.Integer(),
  reportRate: Nullable(Type.Number()),
  stopped: Type.Integer(),
  closed: Type.Integer(),
  completionRate: Nullable(Type.Number()),
  completionRank: Type.Integer(),
  reportRank: Type.Integer(),
  acknowledgeRank: Type.Integer(),
});
sameShape<Same<Static<typeof TaskRankingSchema>, DepartmentTaskRankingView>>();

const CockpitSchema = Type.Object({
  planId: Type.Integer(),
  title: Type.String(),
  asOf: Type.String(),
  period: Nullable(PeriodViewSchema),
  demo: Type.Boolean(),
  thresholds: ThresholdsSchema,
  plan: RollupSchema,
  headline: Type.Array(HeadlineSchema),
  areas: Type.Array(RollupGroupSchema),
  departments: Type.Array(RollupGroupSchema),
  red: Type.Array(TargetStatusSchema),
  yellow: Type.Array(TargetStatusSchema),
  rankings: Type.Array(DepartmentRankingSchema),
  taskRankings: Type.Array(TaskRankingSchema),
  targets: Type.Array(TargetStatusSchema),
});
sameShape<Same<Static<typeof CockpitSchema>, CockpitView>>();

const AsOfQuery = Type.Object({ asOf: Type.Optional(DateString()) }, { additionalProperties: false });

export const planCockpitSchema = {
  summary: "领导驾驶舱：主要指标、状态、排名、红黄名单 / the leaders' cockpit as of a date",
  tags: ["status"],
  params: IdParams,
  querystring: AsOfQuery,
  response: { 200: CockpitSchema, ...errorResponses },
};

export const targetTrendSchema = {
  summary: "指标各期走势与时序进度线 / a target's values per period against its schedule line",
  tags: ["status"],
  params: IdParams,
  querystring: AsOfQuery,
  response: { 200: TargetTrendSchema, ...errorResponses },
};
