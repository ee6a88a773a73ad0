import { type Static, Type } from "@sinclair/typebox";
import type { SetPublicRequest } from "../../contract/plans.ts";
import type {
  PublicOutlineNode,
  PublicPlanDetail,
  PublicTargetView,
  PublicTaskView,
} from "../../contract/public.ts";
import { TASK_LIGHTS } from "../../domain/task-lights.ts";
import { type Same, sameShape } from "../type-check.ts";
import {
  Comparator,
  DepartmentRefSchema,
  Direction,
  errorResponses,
  IdParams,
  Nullable,
  OutlineKind,
  PlanSummarySchema,
  TargetKind,
} from "./common-schemas.ts";

export const PublicOutlineNodeSchema = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  kind: OutlineKind,
  level: Type.Integer(),
  order: Type.Integer(),
  marker: Type.String(),
  title: Type.String(),
  leadDepartment: Nullable(DepartmentRefSchema),
});
sameShape<Same<Static<typeof PublicOutlineNodeSchema>, PublicOutlineNode>>();

export const PublicTargetSchema = Type.Object({
  id: Type.Integer(),
  nodeId: Nullable(Type.Integer()),
  subject: Type.String(),
  display: Type.String(),
  value: Nullable(Type.Number()),
  value2: Nullable(Type.Number()),
  unit: Type.String(),
  displayUnit: Type.String(),
  comparator: Comparator,
  direction: Direction,
  kind: TargetKind,
  dueDate: Nullable(Type.String()),
  leadDepartment: Nullable(DepartmentRefSchema),
  latestValue: Nullable(Type.Number()),
  latestPeriod: Nullable(Type.String()),
  status: Type.Union([
    Type.Literal("completed"),
    Type.Literal("on_track"),
    Type.Literal("behind"),
    Type.Literal("far_behind"),
    Type.Literal("not_reported"),
    Type.Literal("not_started"),
  ]),
  completion: Nullable(Type.Number()),
  gapPoints: Nullable(Type.Number()),
});
sameShape<Same<Static<typeof PublicTargetSchema>, PublicTargetView>>();

export const PublicTaskSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  leadDepartment: Nullable(DepartmentRefSchema),
  deadline: Nullable(Type.String()),
  deadlineText: Nullable(Type.String()),
  milestones: Type.Array(
    Type.Object({ name: Type.String(), due: Type.String(), doneOn: Nullable(Type.String()) }),
  ),
  status: Type.Union(TASK_LIGHTS.map((l) => Type.Literal(l))),
  progress: Nullable(Type.Object({ period: Type.String(), text: Type.String() })),
});
sameShape<Same<Static<typeof PublicTaskSchema>, PublicTaskView>>();

export const PublicPlanDetailSchema = Type.Object({
  plan: PlanSummarySchema,
  asOf: Type.String(),
  demo: Type.Boolean(),
  outline: Type.Array(PublicOutlineNodeSchema),
  targets: Type.Array(PublicTargetSchema),
  tasks: Type.Array(PublicTaskSchema),
});
sameShape<Same<Static<typeof PublicPlanDetailSchema>, PublicPlanDetail>>();

export const SetPublicSchema = Type.Object({ public: Type.Boolean() }, { additionalProperties: false });
sameShape<Same<Static<typeof SetPublicSchema>, SetPublicRequest>>();

const tags = ["public"];

export const publicPlansSchema = {
  summary: "公开的计划（无需登录） / public plans (no sign-in)",
  tags,
  response: { 200: Type.Array(PlanSummarySchema), ...errorResponses },
};

export const publicPlanSchema = {
  summary:
    "公开计划的提纲、指标与重点任务（无需登录） / a public plan's outline, targets and tasks (no sign-in)",
  tags,
  params: IdParams,
  response: { 200: PublicPlanDetailSchema, ...errorResponses },
};

export const setPublicSchema = {
  summary: "公开或取消公开已发布的计划 / show a published plan to the public, or stop",
  tags: ["plans"],
  params: IdParams,
  body: SetPublicSchema,
  response: { 200: PlanSummarySchema, ...errorResponses },
};
