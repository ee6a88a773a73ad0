// Schemas of the five-year plan's routes (issue 17), each checked against src/contract/five-year.ts.

import { type Static, Type } from "@sinclair/typebox";
import type {
  FiveYearIndicatorView,
  FiveYearLinkRequest,
  FiveYearLinkSuggestions,
  FiveYearLinksConfirmRequest,
  FiveYearLinksConfirmResult,
  FiveYearLinkView,
  FiveYearPlanRef,
  FiveYearView,
  PlanKindRequest,
  YearlyValueFromReportRequest,
  YearlyValueHistoryView,
  YearlyValueImportApply,
  YearlyValueImportPreview,
  YearlyValueImportResult,
  YearlyValueRequest,
} from "../../contract/five-year.ts";
import { TASK_LIGHTS } from "../../domain/task-lights.ts";
import { TASK_STATES } from "../../domain/task-states.ts";
import { JUDGEMENTS } from "../../services/five-year.ts";
import { type Same, sameShape } from "../type-check.ts";
import { DepartmentRefSchema, errorResponses, IdParams, Nullable } from "./common-schemas.ts";

const tags = ["five-year"];
const Year = Type.Integer({ minimum: 1900, maximum: 2200 });
const Num = Type.Number();
const Judgement = Type.Union(JUDGEMENTS.map((j) => Type.Literal(j)));
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Light = literals(["green", "yellow", "red", "grey"] as const);
const TaskLight = Type.Union(TASK_LIGHTS.map((l) => Type.Literal(l)));
const TaskState = Type.Union(TASK_STATES.map((s) => Type.Literal(s)));
const Form = literals(["level", "annual_growth", "cumulative", "ceiling", "decrease"] as const);
const Method = literals(["required_growth", "linear", "annual_growth", "cumulative", "ceiling"] as const);
const Attribute = Type.Union([Type.Literal("binding"), Type.Literal("expected")]);
const Source = Type.Union([Type.Literal("statistics"), Type.Literal("linked_report")]);

const PlanRefSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  startYear: Type.Integer(),
  endYear: Type.Integer(),
});
sameShape<Same<Static<typeof PlanRefSchema>, FiveYearPlanRef>>();

const YearlyValueSchema = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  value: Num,
  source: Source,
  sourceNote: Type.String(),
  by: Nullable(Type.String()),
  at: Type.String(),
  reportId: Nullable(Type.Integer()),
});

const IndicatorSchema = Type.Object({
  targetId: Type.Integer(),
  name: Type.String(),
  statement: Nullable(Type.String()),
  unit: Type.String(),
  attribute: Attribute,
  form: Form,
  area: Nullable(Type.String()),
  baselineYear: Type.Integer(),
  baselineValue: Nullable(Num),
  targetYear: Type.Integer(),
  targetValue: Nullable(Num),
  targetLevel: Nullable(Num),
  values: Type.Array(YearlyValueSchema),
  judgement: Judgement,
  light: Light,
  method: Method,
  judgedYear: Nullable(Type.Integer()),
  judgedValue: Nullable(Num),
  ratio: Nullable(Num),
  achievedRate: Nullable(Num),
  requiredRate: Nullable(Num),
  neededRate: Nullable(Num),
  progress: Nullable(Num),
  elapsed: Nullable(Num),
  projection: Nullable(Num),
  willMeet: Nullable(Type.Boolean()),
  working: Type.String(),
  path: Type.Array(Type.Object({ year: Type.Integer(), value: Num })),
  linked: Type.Array(
    Type.Object({
      targetId: Type.Integer(),
      planId: Type.Integer(),
      planTitle: Type.String(),
      year: Nullable(Type.Integer()),
      subject: Type.String(),
      unit: Type.String(),
      latestValue: Nullable(Num),
      latestPeriod: Nullable(Type.String()),
    }),
  ),
  problem: Nullable(Type.String()),
});
sameShape<Same<Static<typeof IndicatorSchema>, FiveYearIndicatorView>>();

const countsOf = <T extends readonly string[]>(keys: T) =>
  Type.Object(
    Object.fromEntries(keys.map((k) => [k, Type.Integer()])) as Record<
      T[number],
      ReturnType<typeof Type.Integer>
    >,
  );

const FiveYearViewSchema = Type.Object({
  plan: PlanRefSchema,
  asOfYear: Type.Integer(),
  demo: Type.Boolean(),
  counts: countsOf(JUDGEMENTS),
  indicators: Type.Array(IndicatorSchema),
  tasks: Type.Object({
    counts: countsOf(TASK_LIGHTS),
    list: Type.Array(
      Type.Object({
        id: Type.Integer(),
        kind: Type.Union([Type.Literal("task"), Type.Literal("project")]),
        title: Type.String(),
        area: Nullable(Type.String()),
        leadDepartment: Nullable(DepartmentRefSchema),
        state: Nullable(TaskState),
        status: TaskLight,
        working: Type.String(),
        percent: Nullable(Num),
      }),
    ),
  }),
});
sameShape<Same<Static<typeof FiveYearViewSchema>, FiveYearView>>();

export const fiveYearViewSchema = {
  summary: "五年规划指标评估（截至某年） / the five-year plan's indicators judged as of a year",
  tags,
  params: IdParams,
  querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
  response: { 200: FiveYearViewSchema, ...errorResponses },
};

const PlanKindRequestSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal("annual"), Type.Literal("five_year")]),
    startYear: Type.Optional(Year),
    endYear: Type.Optional(Year),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof PlanKindRequestSchema>, PlanKindRequest>>();

export const planKindSchema = {
  summary: "设定规划类型与规划期 / make a plan a five-year plan with its period, or annual",
  tags,
  params: IdParams,
  body: PlanKindRequestSchema,
  response: { 200: PlanRefSchema, ...errorResponses },
};

const YearlyValueRequestSchema = Type.Object(
  { year: Type.Integer(), value: Num, sourceNote: Type.Optional(Type.String({ maxLength: 400 })) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof YearlyValueRequestSchema>, YearlyValueRequest>>();

export const yearlyValueSchema = {
  summary:
    "填报指标年度值（规划部门或统计部门；规划期外的年份 400） / enter an indicator's yearly value (planner or statistics department)",
  tags,
  params: IdParams,
  body: YearlyValueRequestSchema,
  response: { 200: IndicatorSchema, ...errorResponses },
};

const FromReportSchema = Type.Object(
  { year: Type.Integer(), annualTargetId: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof FromReportSchema>, YearlyValueFromReportRequest>>();

export const yearlyValueFromReportSchema = {
  summary:
    "采用关联年度目标的年末审核通过报送值 / take the yearly value from a linked annual target's approved year-end report",
  tags,
  params: IdParams,
  body: FromReportSchema,
  response: { 200: IndicatorSchema, ...errorResponses },
};

const HistorySchema = Type.Object({
  targetId: Type.Integer(),
  rows: Type.Array(Type.Composite([YearlyValueSchema, Type.Object({ current: Type.Boolean() })])),
});
sameShape<Same<Static<typeof HistorySchema>, YearlyValueHistoryView>>();

export const yearlyValueHistorySchema = {
  summary: "指标年度值的全部填报记录 / every yearly value ever entered for an indicator",
  tags,
  params: IdParams,
  response: { 200: HistorySchema, ...errorResponses },
};

const PreviewSchema = Type.Object({
  planId: Type.Integer(),
  fileName: Type.String(),
  rowsRead: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      sheet: Type.String(),
      row: Type.Integer(),
      targetId: Nullable(Type.Integer()),
      name: Type.String(),
      year: Nullable(Num),
      value: Nullable(Num),
      current: Nullable(Num),
      sourceNote: Type.String(),
      problem: Nullable(Type.String()),
    }),
  ),
});
sameShape<Same<Static<typeof PreviewSchema>, YearlyValueImportPreview>>();

export const yearlyValuesPreviewSchema = {
  summary: "导入指标年度值：预览（不修改数据） / yearly values from CSV or Excel: preview, nothing written",
  tags,
  consumes: ["multipart/form-data"],
  params: IdParams,
  description:
    "multipart/form-data 字段 file / field `file`: .csv 或 .xlsx（指标ID/指标、年份、数值、来源说明，或各年份列）",
  response: { 200: PreviewSchema, ...errorResponses },
};

const ApplySchema = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    rows: Type.Array(
      Type.Object(
        {
          targetId: Type.Integer({ minimum: 1 }),
          year: Type.Integer(),
          value: Num,
          sourceNote: Type.Optional(Type.String({ maxLength: 400 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof ApplySchema>, YearlyValueImportApply>>();

const ApplyResultSchema = Type.Object({ planId: Type.Integer(), written: Type.Integer() });
sameShape<Same<Static<typeof ApplyResultSchema>, YearlyValueImportResult>>();

export const yearlyValuesApplySchema = {
  summary: "导入指标年度值：写入确认的行 / yearly values: write the rows confirmed",
  tags,
  params: IdParams,
  body: ApplySchema,
  response: { 200: ApplyResultSchema, ...errorResponses },
};

const LinkRequestSchema = Type.Object(
  { indicatorId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof LinkRequestSchema>, FiveYearLinkRequest>>();

const LinkViewSchema = Type.Object({
  targetId: Type.Integer(),
  indicator: Nullable(
    Type.Object({
      targetId: Type.Integer(),
      planId: Type.Integer(),
      planTitle: Type.String(),
      name: Type.String(),
      unit: Type.String(),
    }),
  ),
});
sameShape<Same<Static<typeof LinkViewSchema>, FiveYearLinkView>>();

export const linkIndicatorSchema = {
  summary:
    "年度目标关联五年规划指标（单位须可比） / link an annual target to a five-year indicator (comparable units)",
  tags,
  params: IdParams,
  body: LinkRequestSchema,
  response: { 200: LinkViewSchema, ...errorResponses },
};

export const unlinkIndicatorSchema = {
  summary: "取消关联五年规划指标 / unlink an annual target from its five-year indicator",
  tags,
  params: IdParams,
  response: { 200: LinkViewSchema, ...errorResponses },
};

const SuggestionsSchema = Type.Object({
  planId: Type.Integer(),
  fiveYearPlan: PlanRefSchema,
  rows: Type.Array(
    Type.Object({
      targetId: Type.Integer(),
      subject: Type.String(),
      unit: Type.String(),
      linkedIndicatorId: Nullable(Type.Integer()),
      candidates: Type.Array(
        Type.Object({
          indicatorId: Type.Integer(),
          name: Type.String(),
          unit: Type.String(),
          score: Num,
          reason: Type.String(),
        }),
      ),
    }),
  ),
});
sameShape<Same<Static<typeof SuggestionsSchema>, FiveYearLinkSuggestions>>();

export const linkSuggestionsSchema = {
  summary:
    "年度计划全部目标的五年规划指标关联建议 / suggested five-year indicators for every target of an annual plan",
  tags,
  params: IdParams,
  querystring: Type.Object({ fiveYearPlanId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  response: { 200: SuggestionsSchema, ...errorResponses },
};

const ConfirmSchema = Type.Object(
  {
    links: Type.Array(
      Type.Object(
        { targetId: Type.Integer({ minimum: 1 }), indicatorId: Type.Integer({ minimum: 1 }) },
        { additionalProperties: false },
      ),
      { maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof ConfirmSchema>, FiveYearLinksConfirmRequest>>();

const ConfirmResultSchema = Type.Object({ planId: Type.Integer(), linked: Type.Integer() });
sameShape<Same<Static<typeof ConfirmResultSchema>, FiveYearLinksConfirmResult>>();

export const confirmLinksSchema = {
  summary: "确认年度目标与五年规划指标的关联 / confirm links of an annual plan's targets",
  tags,
  params: IdParams,
  body: ConfirmSchema,
  response: { 200: ConfirmResultSchema, ...errorResponses },
};
