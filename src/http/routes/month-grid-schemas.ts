// Schemas of the reporter's month grid and report history, checked against src/contract/month-grid.ts.

import { type Static, Type } from "@sinclair/typebox";
import type {
  MonthGridRow,
  MonthGridRowSave,
  MonthGridSaveRequest,
  MonthGridSaveResult,
  MonthGridView,
  MyReportsQuery,
  MyReportsView,
} from "../../contract/month-grid.ts";
import { type Same, sameShape } from "../type-check.ts";
import { DepartmentRefSchema, errorResponses, Nullable, PeriodKey } from "./common-schemas.ts";
import {
  PeriodViewSchema,
  ReportViewSchema,
  RevisionSchema,
  SaveReportRequestSchema,
  SubjectRefSchema,
  ZhEn,
} from "./reporting-schemas.ts";

const Lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Month = () => Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])$", maxLength: 7 });
const ReportState = Lit("draft", "submitted", "approved", "returned");
const GridKind = Lit("target", "node");
const MAX_ROWS = 200;

const RowSchema = Type.Object({
  planId: Type.Integer(),
  planTitle: Type.String(),
  subject: SubjectRefSchema,
  period: PeriodViewSchema,
  dueDate: Type.String(),
  state: Lit("returned", "overdue", "draft", "due", "submitted", "approved"),
  report: Nullable(Type.Object({ id: Type.Integer(), state: ReportState, revision: Type.Integer() })),
  latest: Nullable(RevisionSchema),
  returnReason: Nullable(Type.String()),
  previous: Nullable(
    Type.Object({
      period: Type.String(),
      value: Nullable(Type.Number()),
      percent: Nullable(Type.Number()),
      progress: Type.String(),
      approved: Type.Boolean(),
    }),
  ),
  goal: Nullable(Type.Object({ value: Nullable(Type.Number()), value2: Nullable(Type.Number()) })),
  taskState: Nullable(Lit("assigned", "acknowledged", "in_progress", "close_requested", "closed", "stopped")),
  editable: Type.Boolean(),
  lockedReason: Nullable(ZhEn),
});
sameShape<Same<Static<typeof RowSchema>, MonthGridRow>>();

const MonthGridSchema = Type.Object({
  asOf: Type.String(),
  department: Nullable(DepartmentRefSchema),
  month: Type.String(),
  months: Type.Array(
    Type.Object({
      key: Type.String(),
      open: Type.Integer(),
      returned: Type.Integer(),
      rows: Type.Integer(),
    }),
  ),
  rows: Type.Array(RowSchema),
});
sameShape<Same<Static<typeof MonthGridSchema>, MonthGridView>>();

// A row takes what one report's save takes (confirm and confirmReason included), less `submit`,
// which the sheet decides for all its rows.
const { submit: _submit, ...saveFields } = SaveReportRequestSchema.properties;
const RowSaveSchema = Type.Object(
  { kind: GridKind, id: Type.Integer({ minimum: 1 }), period: PeriodKey(), ...saveFields },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof RowSaveSchema>, MonthGridRowSave>>();

const SaveRequestSchema = Type.Object(
  {
    submit: Type.Boolean(),
    rows: Type.Array(RowSaveSchema, { minItems: 1, maxItems: MAX_ROWS }),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof SaveRequestSchema>, MonthGridSaveRequest>>();

const SaveResultSchema = Type.Object({
  submitted: Type.Boolean(),
  saved: Type.Integer(),
  grid: MonthGridSchema,
});
sameShape<Same<Static<typeof SaveResultSchema>, MonthGridSaveResult>>();

const MyReportsQuerySchema = Type.Object(
  { state: Type.Optional(ReportState), month: Type.Optional(Month()) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof MyReportsQuerySchema>, MyReportsQuery>>();

const MyReportsSchema = Type.Object({
  department: Nullable(DepartmentRefSchema),
  reports: Type.Array(ReportViewSchema),
  counts: Type.Object({
    draft: Type.Integer(),
    submitted: Type.Integer(),
    approved: Type.Integer(),
    returned: Type.Integer(),
  }),
});
sameShape<Same<Static<typeof MyReportsSchema>, MyReportsView>>();

const tags = ["reports"];

export const getMonthGridSchema = {
  summary:
    "月报表：本部门某月应报的全部指标和任务 / the month sheet: every target and task the department reports for a month",
  tags,
  querystring: Type.Object({ month: Type.Optional(Month()) }, { additionalProperties: false }),
  response: { 200: MonthGridSchema, ...errorResponses },
};

export const saveMonthGridSchema = {
  summary:
    "月报表：全部保存为草稿或全部提交，任一行不能保存则均不改动 / save every row as a draft or submit them all, all or nothing; details.errors names each refused row",
  tags,
  params: Type.Object({ month: Month() }),
  body: SaveRequestSchema,
  response: { 200: SaveResultSchema, ...errorResponses },
};

export const myReportsSchema = {
  summary:
    "本部门的报告记录，退回的在前 / the department's reports, returned ones first, filtered by state and month",
  tags,
  querystring: MyReportsQuerySchema,
  response: { 200: MyReportsSchema, ...errorResponses },
};
