// Schemas of the task routes (issue 13), each checked against its interface in src/contract/tasks.ts.

import { type Static, Type } from "@sinclair/typebox";
import type {
  AdjustmentDecisionRequest,
  AdjustmentListView,
  AdjustmentView,
  AdjustRequestBody,
  CloseRequestBody,
  CloseTaskRequest,
  ReturnCloseRequest,
  StopTaskRequest,
  TaskDetailView,
  TaskListView,
  TaskPatch,
  TaskProgressReportView,
  TaskProgressRequest,
  TaskView,
} from "../../contract/tasks.ts";
import { TASK_LIGHTS } from "../../domain/task-lights.ts";
import { TASK_STATES } from "../../domain/task-states.ts";
import { type Same, sameShape } from "../type-check.ts";
import {
  DateString,
  DepartmentRefSchema,
  errorResponses,
  Frequency,
  IdParams,
  Nullable,
  PeriodKey,
  SuggestedDepartmentSchema,
} from "./common-schemas.ts";
import { AttachmentViewSchema, UserRefSchema, ZhEn } from "./reporting-schemas.ts";

const tags = ["tasks"];
const Light = Type.Union(TASK_LIGHTS.map((l) => Type.Literal(l)));
const State = Type.Union(TASK_STATES.map((s) => Type.Literal(s)));
const Kind = Type.Union([Type.Literal("deadline"), Type.Literal("milestone"), Type.Literal("content")]);
const AdjustmentState = Type.Union([
  Type.Literal("pending"),
  Type.Literal("approved"),
  Type.Literal("refused"),
]);
const Text = (maxLength: number) => Type.String({ maxLength });

const MilestoneViewSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  due: Type.String(),
  doneOn: Nullable(Type.String()),
  originalDue: Nullable(Type.String()),
  adjustment: Nullable(ZhEn),
});

const SignalSchema = Type.Object({
  light: Light,
  rule: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  days: Nullable(Type.Number()),
  due: Nullable(Type.String()),
  milestone: Nullable(Type.String()),
  period: Nullable(Type.String()),
});

const ProgressSummarySchema = Type.Object({
  id: Type.Integer(),
  on: Type.String(),
  period: Type.String(),
  progress: Type.String(),
  problems: Nullable(Type.String()),
  nextSteps: Nullable(Type.String()),
  percent: Nullable(Type.Number()),
});

const taskViewProperties = {
  id: Type.Integer(),
  planId: Type.Integer(),
  nodeId: Type.Integer(),
  path: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() })),
  title: Type.String(),
  start: Nullable(Type.Integer()),
  end: Nullable(Type.Integer()),
  leadDepartment: Nullable(DepartmentRefSchema),
  coDepartments: Type.Array(DepartmentRefSchema),
  suggestedDepartment: Nullable(SuggestedDepartmentSchema),
  deadline: Nullable(Type.String()),
  deadlineText: Nullable(Type.String()),
  originalDeadline: Nullable(Type.String()),
  deadlineAdjustment: Nullable(ZhEn),
  milestones: Type.Array(MilestoneViewSchema),
  doneCriteria: Nullable(Type.String()),
  frequency: Frequency,
  weight: Type.Number(),
  state: State,
  status: Light,
  working: ZhEn,
  signals: Type.Array(SignalSchema),
  assignedOn: Nullable(Type.String()),
  acknowledgedOn: Nullable(Type.String()),
  closeRequestedOn: Nullable(Type.String()),
  closedOn: Nullable(Type.String()),
  stoppedOn: Nullable(Type.String()),
  stoppedReason: Nullable(Type.String()),
  closeEvidence: Nullable(Type.String()),
  percent: Nullable(Type.Number()),
  latestProgress: Nullable(ProgressSummarySchema),
  pendingAdjustments: Type.Integer(),
};
const TaskViewSchema = Type.Object(taskViewProperties);
sameShape<Same<Static<typeof TaskViewSchema>, TaskView>>();

const TaskSettingsSchema = Type.Object({
  dueSoonDays: Type.Integer(),
  acknowledgeWorkingDays: Type.Integer(),
  holidays: Type.Array(Type.String()),
  workdays: Type.Array(Type.String()),
});

const TaskListSchema = Type.Object({
  planId: Type.Integer(),
  asOf: Type.String(),
  tasks: Type.Array(TaskViewSchema),
  counts: Type.Object(
    Object.fromEntries(TASK_LIGHTS.map((l) => [l, Type.Integer()])) as Record<
      (typeof TASK_LIGHTS)[number],
      ReturnType<typeof Type.Integer>
    >,
  ),
  settings: TaskSettingsSchema,
});
sameShape<Same<Static<typeof TaskListSchema>, TaskListView>>();

const ProgressReportSchema = Type.Object({
  ...ProgressSummarySchema.properties,
  taskId: Type.Integer(),
  by: UserRefSchema,
  milestonesDone: Type.Array(
    Type.Object({ milestoneId: Type.Integer(), name: Type.String(), doneOn: Type.String() }),
  ),
  attachments: Type.Array(AttachmentViewSchema),
});
sameShape<Same<Static<typeof ProgressReportSchema>, TaskProgressReportView>>();

const AdjustmentViewSchema = Type.Object({
  id: Type.Integer(),
  taskId: Type.Integer(),
  taskTitle: Type.String(),
  kind: Kind,
  milestoneId: Nullable(Type.Integer()),
  milestoneName: Nullable(Type.String()),
  original: Nullable(Type.String()),
  proposed: Type.String(),
  reason: Type.String(),
  state: AdjustmentState,
  requestedBy: UserRefSchema,
  requestedAt: Type.String(),
  decidedBy: Nullable(UserRefSchema),
  decidedAt: Nullable(Type.String()),
  opinion: Nullable(Type.String()),
  record: Nullable(ZhEn),
});
sameShape<Same<Static<typeof AdjustmentViewSchema>, AdjustmentView>>();

const ActionName = Type.Union(
  (
    [
      "acknowledge",
      "report_progress",
      "request_close",
      "close",
      "return_close",
      "stop",
      "request_adjustment",
      "decide_adjustment",
    ] as const
  ).map((a) => Type.Literal(a)),
);

const TaskDetailSchema = Type.Object({
  ...taskViewProperties,
  progressReports: Type.Array(ProgressReportSchema),
  adjustments: Type.Array(AdjustmentViewSchema),
  history: Type.Array(
    Type.Object({
      action: Type.Union([ActionName, Type.Literal("assign")]),
      from: Nullable(State),
      to: State,
      at: Type.String(),
      by: Nullable(UserRefSchema),
      summary: ZhEn,
    }),
  ),
  actions: Type.Array(ActionName),
});
sameShape<Same<Static<typeof TaskDetailSchema>, TaskDetailView>>();

// ── Requests ─────────────────────────────────────────────────────────────────────────────────────

const MilestonesDone = Type.Array(
  Type.Object(
    { milestoneId: Type.Integer({ minimum: 1 }), doneOn: DateString() },
    { additionalProperties: false },
  ),
  { maxItems: 100 },
);

export const ProgressBodySchema = Type.Object(
  {
    period: PeriodKey(),
    progress: Text(4000),
    problems: Type.Optional(Nullable(Text(4000))),
    nextSteps: Type.Optional(Nullable(Text(4000))),
    percent: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100 }))),
    milestonesDone: Type.Optional(MilestonesDone),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof ProgressBodySchema>, TaskProgressRequest>>();

export const CloseRequestBodySchema = Type.Object(
  {
    evidence: Text(4000),
    attachmentIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50 })),
    milestonesDone: Type.Optional(MilestonesDone),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof CloseRequestBodySchema>, CloseRequestBody>>();

const CloseBody = Type.Object(
  { opinion: Type.Optional(Nullable(Text(2000))) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof CloseBody>, CloseTaskRequest>>();
const ReasonBody = Type.Object({ reason: Text(2000) }, { additionalProperties: false });
sameShape<Same<Static<typeof ReasonBody>, ReturnCloseRequest>>();
sameShape<Same<Static<typeof ReasonBody>, StopTaskRequest>>();

const AdjustBody = Type.Union([
  Type.Object(
    { kind: Type.Literal("deadline"), proposedDue: DateString(), reason: Text(2000) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal("milestone"),
      milestoneId: Type.Integer({ minimum: 1 }),
      proposedDue: DateString(),
      reason: Text(2000),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal("content"), proposedTitle: Text(2000), reason: Text(2000) },
    { additionalProperties: false },
  ),
]);
sameShape<Same<Static<typeof AdjustBody>, AdjustRequestBody>>();

const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal("approved"), Type.Literal("refused")]),
    opinion: Type.Optional(Nullable(Text(2000))),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof DecisionBody>, AdjustmentDecisionRequest>>();

const taskPatchProperties = {
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  leadDepartmentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  coDepartmentIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50 })),
  deadline: Type.Optional(Nullable(DateString())),
  deadlineText: Type.Optional(Nullable(Text(100))),
  milestones: Type.Optional(
    Type.Array(
      Type.Object(
        { id: Type.Optional(Type.Integer({ minimum: 1 })), name: Text(200), due: DateString() },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  ),
  doneCriteria: Type.Optional(Nullable(Text(2000))),
  frequency: Type.Optional(Frequency),
  weight: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
};
const TaskPatchSchema = Type.Object(taskPatchProperties, { additionalProperties: false });
sameShape<Same<Static<typeof TaskPatchSchema>, TaskPatch>>();

const AsOfQuery = Type.Object({ asOf: Type.Optional(DateString()) }, { additionalProperties: false });
const TaskListQuery = Type.Object(
  {
    asOf: Type.Optional(DateString()),
    departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
    status: Type.Optional(Light),
    nodeId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const listTasksSchema = {
  summary: "计划的任务及亮灯 / a plan's tasks and their lights",
  tags,
  params: IdParams,
  querystring: TaskListQuery,
  response: { 200: TaskListSchema, ...errorResponses },
};
export const bulkTasksSchema = {
  summary: "批量设置任务 / many tasks at once (all or nothing)",
  tags,
  params: IdParams,
  body: Type.Object(
    {
      changes: Type.Array(
        Type.Object(
          { id: Type.Integer({ minimum: 1 }), patch: TaskPatchSchema },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 1000 },
      ),
    },
    { additionalProperties: false },
  ),
  response: { 200: Type.Object({ tasks: Type.Array(TaskViewSchema) }), ...errorResponses },
};
export const listAdjustmentsSchema = {
  summary: "调整申请 / a plan's adjustment requests",
  tags,
  params: IdParams,
  querystring: Type.Object({ state: Type.Optional(AdjustmentState) }, { additionalProperties: false }),
  response: { 200: Type.Object({ adjustments: Type.Array(AdjustmentViewSchema) }), ...errorResponses },
};
sameShape<Same<Static<(typeof listAdjustmentsSchema.response)[200]>, AdjustmentListView>>();
export const taskDetailSchema = {
  summary: "任务详情、进展与经过 / one task with its reports and history",
  tags,
  params: IdParams,
  querystring: AsOfQuery,
  response: { 200: TaskDetailSchema, ...errorResponses },
};
export const patchTaskSchema = {
  summary: "设置任务 / set what a task is",
  tags,
  params: IdParams,
  body: TaskPatchSchema,
  response: { 200: TaskViewSchema, ...errorResponses },
};
export const acknowledgeSchema = {
  summary: "签收任务 / acknowledge a task",
  tags,
  params: IdParams,
  response: { 200: TaskViewSchema, ...errorResponses },
};
/** JSON, or multipart with the JSON in a field `body` and the files in `file` fields. */
export const progressSchema = {
  summary: "报送任务进展（可附证明材料） / report a task's progress (files in the same request)",
  tags,
  params: IdParams,
  response: { 201: ProgressReportSchema, ...errorResponses },
};
export const closeRequestSchema = {
  summary: "申请办结 / ask to close a task",
  tags,
  params: IdParams,
  response: { 200: TaskViewSchema, ...errorResponses },
};
export const closeSchema = {
  summary: "办结销号 / close a task",
  tags,
  params: IdParams,
  body: CloseBody,
  response: { 200: TaskViewSchema, ...errorResponses },
};
export const reasonStepSchema = (summary: string) => ({
  summary,
  tags,
  params: IdParams,
  body: ReasonBody,
  response: { 200: TaskViewSchema, ...errorResponses },
});
export const adjustRequestSchema = {
  summary: "调整申请 / ask to change a deadline, a milestone date or the wording",
  tags,
  params: IdParams,
  body: AdjustBody,
  response: { 201: AdjustmentViewSchema, ...errorResponses },
};
export const decisionSchema = {
  summary: "审批调整申请 / decide an adjustment",
  tags,
  params: IdParams,
  body: DecisionBody,
  response: { 200: AdjustmentViewSchema, ...errorResponses },
};
