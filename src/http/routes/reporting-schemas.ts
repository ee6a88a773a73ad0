// Schemas of running the plan (issue 5): reports, review, evaluation, chasing — each checked against
// its interface in src/contract.

import { type Static, type TString, Type } from "@sinclair/typebox";
import type { ThresholdsView, UserRef } from "../../contract/common.ts";
import type { PlanSettingsPatch, PlanSettingsView } from "../../contract/plans.ts";
import type {
  DueItem,
  MyDueView,
  PlanDueView,
  ReminderRequest,
  ReminderView,
} from "../../contract/reminders.ts";
import type {
  AttachmentView,
  ExtensionDecision,
  ExtensionRequest,
  ExtensionRequestView,
  PeriodView,
  PlausibilityWarningView,
  ReportDetail,
  ReportList,
  ReportRevisionView,
  ReportSubjectRef,
  ReportView,
  SaveReportRequest,
} from "../../contract/reports.ts";
import type { ReviewRequest } from "../../contract/review.ts";
import type {
  DepartmentRankingView,
  DistrictRollupView,
  EvaluationView,
  PlanStatusView,
  SubjectStatusView,
  TargetEvaluationView,
  TargetStatusView,
} from "../../contract/status.ts";
import type { PlannedValuesRequest, TargetPlannedView } from "../../contract/targets.ts";
import { type Same, sameShape } from "../type-check.ts";
import {
  DateString,
  DepartmentRefSchema,
  errorResponses,
  Frequency,
  IdParams,
  Nullable,
  PeriodKey,
  TargetAttribute,
  TargetKind,
} from "./common-schemas.ts";

const IsoDate = DateString();
const Lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const ReportState = Lit("draft", "submitted", "approved", "returned");
const SubjectKind = Lit("target", "node", "item");
const StatusWord = Lit("未启动", "推进中", "已完成", "受阻");
const TargetStatus = Lit("completed", "on_track", "behind", "far_behind", "not_reported", "not_started");
const ExtensionState = Lit("pending", "granted", "refused");
export const ZhEn = Type.Object({ zh: Type.String(), en: Type.String() });

export const PeriodViewSchema = Type.Object({
  key: Type.String(),
  start: Type.String(),
  end: Type.String(),
  due: Type.String(),
  elapsedShare: Type.Number(),
  index: Type.Integer(),
});
sameShape<Same<Static<typeof PeriodViewSchema>, PeriodView>>();

export const UserRefSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
});
sameShape<Same<Static<typeof UserRefSchema>, UserRef>>();

const PlausibilityWarningSchema = Type.Object({
  rule: Lit("ratio_to_target", "ratio_to_previous", "jump", "cumulative_fall"),
  numbers: Type.Record(Type.String(), Type.Number()),
  message: ZhEn,
  reason: Type.String(),
});
sameShape<Same<Static<typeof PlausibilityWarningSchema>, PlausibilityWarningView>>();

export const RevisionSchema = Type.Object({
  revision: Type.Integer(),
  state: ReportState,
  value: Nullable(Type.Number()),
  percent: Nullable(Type.Number()),
  statusWord: Nullable(StatusWord),
  progress: Type.String(),
  problems: Type.String(),
  nextSteps: Type.String(),
  returnReason: Nullable(Type.String()),
  author: Nullable(UserRefSchema),
  createdAt: Type.String(),
  submittedAt: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  warnings: Type.Array(PlausibilityWarningSchema),
});
sameShape<Same<Static<typeof RevisionSchema>, ReportRevisionView>>();

export const SubjectRefSchema = Type.Object({
  kind: SubjectKind,
  id: Type.Integer(),
  title: Type.String(),
  display: Nullable(Type.String()),
  statement: Nullable(Type.String()),
  targetKind: Nullable(TargetKind),
  unit: Nullable(Type.String()),
  displayUnit: Nullable(Type.String()),
});
sameShape<Same<Static<typeof SubjectRefSchema>, ReportSubjectRef>>();

export const ReportViewSchema = Type.Object({
  id: Type.Integer(),
  planId: Type.Integer(),
  subject: SubjectRefSchema,
  period: PeriodViewSchema,
  department: Nullable(DepartmentRefSchema),
  state: ReportState,
  latest: RevisionSchema,
  approved: Nullable(RevisionSchema),
  revisionCount: Type.Integer(),
  dueDate: Type.String(),
  late: Type.Boolean(),
  firstSubmittedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  warnings: Type.Array(PlausibilityWarningSchema),
});
sameShape<Same<Static<typeof ReportViewSchema>, ReportView>>();

const ExtensionViewSchema = Type.Object({
  id: Type.Integer(),
  planId: Type.Integer(),
  department: DepartmentRefSchema,
  subject: SubjectRefSchema,
  period: Type.String(),
  reason: Type.String(),
  requestedDueDate: Type.String(),
  state: ExtensionState,
  requestedBy: Nullable(UserRefSchema),
  createdAt: Type.String(),
  decidedBy: Nullable(UserRefSchema),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
});
sameShape<Same<Static<typeof ExtensionViewSchema>, ExtensionRequestView>>();

export const AttachmentViewSchema = Type.Object({
  id: Type.Integer(),
  reportId: Type.Integer(),
  revision: Nullable(Type.Integer()),
  fileName: Type.String(),
  mediaType: Type.String(),
  byteSize: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Nullable(UserRefSchema),
  createdAt: Type.String(),
});
sameShape<Same<Static<typeof AttachmentViewSchema>, AttachmentView>>();

const ReportDetailSchema = Type.Object({
  report: ReportViewSchema,
  revisions: Type.Array(RevisionSchema),
  extensions: Type.Array(ExtensionViewSchema),
  attachments: Type.Array(AttachmentViewSchema),
  can: Type.Object({ save: Type.Boolean(), review: Type.Boolean() }),
});
sameShape<Same<Static<typeof ReportDetailSchema>, ReportDetail>>();

const ReportListSchema = Type.Object({ reports: Type.Array(ReportViewSchema) });
sameShape<Same<Static<typeof ReportListSchema>, ReportList>>();

const LongText = Type.String({ maxLength: 4000 });
export const SaveReportRequestSchema = Type.Object(
  {
    baseRevision: Nullable(Type.Integer({ minimum: 0 })),
    value: Type.Optional(Nullable(Type.Number())),
    percent: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100 }))),
    statusWord: Type.Optional(Nullable(StatusWord)),
    progress: LongText,
    problems: LongText,
    nextSteps: LongText,
    submit: Type.Optional(Type.Boolean()),
    confirm: Type.Optional(Type.Boolean()),
    confirmReason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof SaveReportRequestSchema>, SaveReportRequest>>();

const ReviewRequestSchema = Type.Object(
  {
    action: Lit("approve", "return"),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    baseRevision: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof ReviewRequestSchema>, ReviewRequest>>();

const WorkingSchema = Type.Object({
  rule: Type.String(),
  period: Nullable(Type.String()),
  reported: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
  target2: Nullable(Type.Number()),
  baseline: Nullable(Type.Number()),
  expectedShare: Nullable(Type.Number()),
  expectedFrom: Nullable(Lit("planned", "elapsed")),
  threshold: Nullable(Type.Number()),
  zh: Type.String(),
  en: Type.String(),
});

const EvaluationSchema = Type.Object({
  status: TargetStatus,
  statusWord: ZhEn,
  completion: Nullable(Type.Number()),
  expectedShare: Nullable(Type.Number()),
  gapPoints: Nullable(Type.Number()),
  phrase: Nullable(ZhEn),
  period: Nullable(PeriodViewSchema),
  working: WorkingSchema,
});
sameShape<Same<Static<typeof EvaluationSchema>, EvaluationView>>();

export const LinkedTargetRefSchema = Type.Object({
  targetId: Type.Integer(),
  planId: Type.Integer(),
  planTitle: Type.String(),
  region: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  subject: Type.String(),
  display: Type.String(),
  unit: Type.String(),
  kind: TargetKind,
});

const DistrictRollupSchema = Type.Object({
  mode: Lit("sum", "list"),
  total: Nullable(Type.Number()),
  completion: Nullable(Type.Number()),
  reported: Type.Integer(),
  districts: Type.Array(
    Type.Composite([
      LinkedTargetRefSchema,
      Type.Object({
        value: Nullable(Type.Number()),
        period: Nullable(Type.String()),
        evaluation: EvaluationSchema,
      }),
    ]),
  ),
});
sameShape<Same<Static<typeof DistrictRollupSchema>, DistrictRollupView>>();

export const TargetStatusSchema = Type.Object({
  targetId: Type.Integer(),
  subject: Type.String(),
  display: Type.String(),
  statement: Type.String(),
  kind: TargetKind,
  unit: Type.String(),
  displayUnit: Type.String(),
  nodeId: Nullable(Type.Integer()),
  areaId: Nullable(Type.Integer()),
  groupId: Nullable(Type.Integer()),
  department: Nullable(DepartmentRefSchema),
  weight: Type.Number(),
  attribute: Nullable(TargetAttribute),
  value: Nullable(Type.Number()),
  evaluation: EvaluationSchema,
  districts: Type.Optional(DistrictRollupSchema),
});
sameShape<Same<Static<typeof TargetStatusSchema>, TargetStatusView>>();

export const RollupSchema = Type.Object({
  total: Type.Integer(),
  counts: Type.Object({
    completed: Type.Integer(),
    on_track: Type.Integer(),
    behind: Type.Integer(),
    far_behind: Type.Integer(),
    not_reported: Type.Integer(),
    not_started: Type.Integer(),
  }),
  completionIndex: Nullable(Type.Number()),
  measured: Type.Integer(),
  stopped: Type.Integer(),
});
export const RollupGroupSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  rollup: RollupSchema,
});

const SubjectStatusSchema = Type.Object({
  kind: Lit("node", "item"),
  id: Type.Integer(),
  title: Type.String(),
  nodeId: Nullable(Type.Integer()),
  areaId: Nullable(Type.Integer()),
  groupId: Nullable(Type.Integer()),
  department: Nullable(DepartmentRefSchema),
  statusWord: Nullable(StatusWord),
  percent: Nullable(Type.Number()),
  evaluation: EvaluationSchema,
});
sameShape<Same<Static<typeof SubjectStatusSchema>, SubjectStatusView>>();

export const DepartmentRankingSchema = Type.Object({
  department: DepartmentRefSchema,
  completionIndex: Nullable(Type.Number()),
  reportsDue: Type.Integer(),
  reportsOnTime: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
  completionRank: Type.Integer(),
  onTimeRank: Type.Integer(),
  reportsIn: Type.Integer(),
  farBehind: Type.Integer(),
  behind: Type.Integer(),
  rank: Type.Integer(),
  rankReason: ZhEn,
});
sameShape<Same<Static<typeof DepartmentRankingSchema>, DepartmentRankingView>>();

const PlanStatusSchema = Type.Object({
  planId: Type.Integer(),
  asOf: Type.String(),
  period: Nullable(PeriodViewSchema),
  demo: Type.Boolean(),
  targets: Type.Array(TargetStatusSchema),
  tasks: Type.Array(SubjectStatusSchema),
  items: Type.Array(SubjectStatusSchema),
  plan: RollupSchema,
  areas: Type.Array(RollupGroupSchema),
  groups: Type.Array(RollupGroupSchema),
  departments: Type.Array(RollupGroupSchema),
  rankings: Type.Array(DepartmentRankingSchema),
});
sameShape<Same<Static<typeof PlanStatusSchema>, PlanStatusView>>();

export const ThresholdsSchema = Type.Object({
  behindPoints: Type.Number({ minimum: 0, maximum: 100 }),
  farBehindPoints: Type.Number({ minimum: 0, maximum: 100 }),
  rateShortfallShare: Type.Number({ minimum: 0, maximum: 1 }),
  aboutRatePoints: Type.Number({ minimum: 0, maximum: 100 }),
  aboutShare: Type.Number({ minimum: 0, maximum: 1 }),
});
sameShape<Same<Static<typeof ThresholdsSchema>, ThresholdsView>>();

const TargetEvaluationSchema = Type.Object({
  asOf: Type.String(),
  target: TargetStatusSchema,
  periods: Type.Array(
    Type.Object({
      period: PeriodViewSchema,
      planned: Nullable(Type.Number()),
      report: Nullable(ReportViewSchema),
      evaluation: EvaluationSchema,
    }),
  ),
  thresholds: ThresholdsSchema,
});
sameShape<Same<Static<typeof TargetEvaluationSchema>, TargetEvaluationView>>();

const DocumentSettingsSchema = Type.Object({
  issuerMark: Nullable(Type.String({ maxLength: 40 })),
  redHeader: Type.Boolean(),
  docNumber: Nullable(Type.String({ maxLength: 40 })),
  signer: Nullable(Type.String({ maxLength: 20 })),
  recipient: Nullable(Type.String({ maxLength: 60 })),
  cc: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 30 }),
  issuer: Nullable(Type.String({ maxLength: 60 })),
});

const taskSettingsOf = (day: () => TString) =>
  Type.Object({
    dueSoonDays: Type.Integer({ minimum: 0, maximum: 90 }),
    acknowledgeWorkingDays: Type.Integer({ minimum: 1, maximum: 30 }),
    holidays: Type.Array(day(), { maxItems: 400 }),
    workdays: Type.Array(day(), { maxItems: 400 }),
  });
// Answers are plain strings (the serializer knows no formats); requests check each day as a date.
const TaskSettingsSchema = taskSettingsOf(() => Type.String());
const TaskSettingsPatchSchema = taskSettingsOf(() => DateString());

const PlanSettingsSchema = Type.Object({
  thresholds: ThresholdsSchema,
  frequency: Frequency,
  dueDay: Type.Integer(),
  demo: Type.Boolean(),
  demoAsOf: Nullable(Type.String()),
  document: DocumentSettingsSchema,
  tasks: TaskSettingsSchema,
});
sameShape<Same<Static<typeof PlanSettingsSchema>, PlanSettingsView>>();

const PlanSettingsPatchSchema = Type.Object(
  {
    thresholds: Type.Optional(Type.Partial(ThresholdsSchema, { additionalProperties: false })),
    frequency: Type.Optional(Frequency),
    dueDay: Type.Optional(Type.Integer({ minimum: 1, maximum: 28 })),
    document: Type.Optional(Type.Partial(DocumentSettingsSchema, { additionalProperties: false })),
    tasks: Type.Optional(Type.Partial(TaskSettingsPatchSchema, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof PlanSettingsPatchSchema>, PlanSettingsPatch>>();

const TargetPlannedSchema = Type.Object({
  targetId: Type.Integer(),
  frequency: Frequency,
  periods: Type.Array(Type.Intersect([PeriodViewSchema, Type.Object({ planned: Nullable(Type.Number()) })])),
});
sameShape<Same<Static<typeof TargetPlannedSchema>, TargetPlannedView>>();

const PlannedValuesRequestSchema = Type.Object(
  {
    values: Type.Array(
      Type.Object({ period: PeriodKey(), value: Type.Number() }, { additionalProperties: false }),
      { maxItems: 60 },
    ),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof PlannedValuesRequestSchema>, PlannedValuesRequest>>();

const DueItemSchema = Type.Object({
  planId: Type.Integer(),
  planTitle: Type.String(),
  subject: SubjectRefSchema,
  department: Nullable(DepartmentRefSchema),
  period: PeriodViewSchema,
  dueDate: Type.String(),
  state: Lit("due", "overdue", "returned", "draft"),
  daysLeft: Type.Integer(),
  report: Nullable(Type.Object({ id: Type.Integer(), state: ReportState, revision: Type.Integer() })),
  extension: Nullable(ExtensionViewSchema),
});
sameShape<Same<Static<typeof DueItemSchema>, DueItem>>();

const ReminderViewSchema = Type.Object({
  id: Type.Integer(),
  planId: Type.Integer(),
  department: DepartmentRefSchema,
  message: Type.String(),
  sentBy: Nullable(UserRefSchema),
  sentAt: Type.String(),
  readAt: Nullable(Type.String()),
  delivery: Lit("in_app", "webhook_sent", "webhook_failed"),
  deliveryError: Nullable(Type.String()),
});
sameShape<Same<Static<typeof ReminderViewSchema>, ReminderView>>();

const MyDueSchema = Type.Object({
  asOf: Type.String(),
  department: Nullable(DepartmentRefSchema),
  items: Type.Array(DueItemSchema),
  reminders: Type.Array(ReminderViewSchema),
  extensions: Type.Array(ExtensionViewSchema),
});
sameShape<Same<Static<typeof MyDueSchema>, MyDueView>>();

const PlanDueSchema = Type.Object({
  planId: Type.Integer(),
  asOf: Type.String(),
  departments: Type.Array(
    Type.Object({
      department: Nullable(DepartmentRefSchema),
      due: Type.Integer(),
      overdue: Type.Integer(),
      items: Type.Array(DueItemSchema),
      lastReminderAt: Nullable(Type.String()),
    }),
  ),
});
sameShape<Same<Static<typeof PlanDueSchema>, PlanDueView>>();

const ReminderRequestSchema = Type.Object(
  { departmentId: Type.Integer({ minimum: 1 }), message: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof ReminderRequestSchema>, ReminderRequest>>();

const ExtensionRequestSchema = Type.Object(
  {
    subjectKind: SubjectKind,
    subjectId: Type.Integer({ minimum: 1 }),
    period: PeriodKey(),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    requestedDueDate: IsoDate,
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof ExtensionRequestSchema>, ExtensionRequest>>();

const ExtensionDecisionSchema = Type.Object(
  { grant: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof ExtensionDecisionSchema>, ExtensionDecision>>();

const AsOfQuery = Type.Object({ asOf: Type.Optional(IsoDate) }, { additionalProperties: false });
const PeriodParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  period: PeriodKey(),
});
const ReportFilterQuery = Type.Object(
  {
    period: Type.Optional(PeriodKey()),
    departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
    state: Type.Optional(ReportState),
    subjectKind: Type.Optional(SubjectKind),
  },
  { additionalProperties: false },
);

const reports = ["reports"];
const status = ["status"];
const chasing = ["chasing"];

export const getSettingsSchema = {
  summary: "计划的跟踪设置：阈值、报送频率、报送日 / a plan's tracking settings",
  tags: status,
  params: IdParams,
  response: { 200: PlanSettingsSchema, ...errorResponses },
};
export const putSettingsSchema = {
  ...getSettingsSchema,
  summary: "修改跟踪设置 / change them",
  body: PlanSettingsPatchSchema,
};

export const getPlannedSchema = {
  summary: "指标的报告期与分期计划 / a target's reporting calendar and planned values",
  tags: status,
  params: IdParams,
  response: { 200: TargetPlannedSchema, ...errorResponses },
};
export const putPlannedSchema = {
  ...getPlannedSchema,
  summary: "设定分期计划 / set the planned values per period",
  body: PlannedValuesRequestSchema,
};

export const listPlanReportsSchema = {
  summary: "计划的进展报告 / a plan's reports",
  tags: reports,
  params: IdParams,
  querystring: ReportFilterQuery,
  response: { 200: ReportListSchema, ...errorResponses },
};
export const listTargetReportsSchema = {
  summary: "指标各期报告 / a target's reports, every period",
  tags: reports,
  params: IdParams,
  response: { 200: ReportListSchema, ...errorResponses },
};
export const getReportSchema = {
  summary: "报告及其全部修订 / a report with every revision",
  tags: reports,
  params: IdParams,
  response: { 200: ReportDetailSchema, ...errorResponses },
};
export const saveReportSchema = {
  summary: "保存或提交报告（新修订） / save or submit a report (a new revision); 409 on a stale baseRevision",
  tags: reports,
  params: PeriodParams,
  body: SaveReportRequestSchema,
  response: { 200: ReportDetailSchema, ...errorResponses },
};
export const reviewReportSchema = {
  summary: "审核报告：通过或退回 / approve or return a report",
  tags: reports,
  params: IdParams,
  body: ReviewRequestSchema,
  response: { 200: ReportDetailSchema, ...errorResponses },
};
export const planStatusSchema = {
  summary: "计划执行情况（截至某日） / the plan's status as of a date",
  tags: status,
  params: IdParams,
  querystring: AsOfQuery,
  response: { 200: PlanStatusSchema, ...errorResponses },
};
export const targetEvaluationSchema = {
  summary: "指标评价及其依据 / a target's evaluation with its working",
  tags: status,
  params: IdParams,
  querystring: AsOfQuery,
  response: { 200: TargetEvaluationSchema, ...errorResponses },
};
export const myDueSchema = {
  summary: "本单位应报、逾期事项及催报 / what my department owes, and reminders",
  tags: chasing,
  querystring: AsOfQuery,
  response: { 200: MyDueSchema, ...errorResponses },
};
export const planDueSchema = {
  summary: "各单位应报与逾期 / due and overdue reports by department",
  tags: chasing,
  params: IdParams,
  querystring: AsOfQuery,
  response: { 200: PlanDueSchema, ...errorResponses },
};
export const listRemindersSchema = {
  summary: "催报记录 / reminders sent",
  tags: chasing,
  params: IdParams,
  response: { 200: Type.Object({ reminders: Type.Array(ReminderViewSchema) }), ...errorResponses },
};
export const sendReminderSchema = {
  summary: "催报 / remind a department",
  tags: chasing,
  params: IdParams,
  body: ReminderRequestSchema,
  response: { 201: ReminderViewSchema, ...errorResponses },
};
export const readReminderSchema = {
  summary: "确认已读催报 / mark a reminder read",
  tags: chasing,
  params: IdParams,
  response: { 204: Type.Null(), ...errorResponses },
};
export const listExtensionsSchema = {
  summary: "延期申请 / requests for more time",
  tags: chasing,
  params: IdParams,
  response: { 200: Type.Object({ extensions: Type.Array(ExtensionViewSchema) }), ...errorResponses },
};
export const requestExtensionSchema = {
  summary: "申请延期 / ask for more time",
  tags: chasing,
  params: IdParams,
  body: ExtensionRequestSchema,
  response: { 201: ExtensionViewSchema, ...errorResponses },
};
export const decideExtensionSchema = {
  summary: "批准或驳回延期 / grant or refuse more time",
  tags: chasing,
  params: IdParams,
  body: ExtensionDecisionSchema,
  response: { 200: ExtensionViewSchema, ...errorResponses },
};
