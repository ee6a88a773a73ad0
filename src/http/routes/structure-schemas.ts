// Schemas of the editor's structural operations (issue 13), each checked against its contract type.

import { type Static, Type } from "@sinclair/typebox";
import type {
  AddTaskRequest,
  MergeNodesRequest,
  SplitNodeRequest,
  SplitNodeResult,
  StopTargetRequest,
} from "../../contract/structure.ts";
import { type Same, sameShape } from "../type-check.ts";
import {
  errorResponses,
  IdParams,
  OutlineNodeViewSchema,
  PlanSummarySchema,
  TargetViewSchema,
} from "./common-schemas.ts";

export const AddTaskRequestSchema = Type.Object(
  {
    start: Type.Integer({ minimum: 0, description: "原文位置（含） / source offset, inclusive" }),
    end: Type.Integer({ minimum: 1, description: "原文位置（不含） / source offset, exclusive" }),
    parentId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          "上级标题；不给则取原文中包含它的标题 / the heading above it; default: the one whose text holds it",
      }),
    ),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof AddTaskRequestSchema>, AddTaskRequest>>();

export const SplitNodeRequestSchema = Type.Object(
  {
    at: Type.Integer({
      minimum: 1,
      description: "标题中的位置：第二个任务从这里开始 / offset in the title where the second task starts",
    }),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof SplitNodeRequestSchema>, SplitNodeRequest>>();

export const SplitNodeResultSchema = Type.Object({
  nodes: Type.Tuple([OutlineNodeViewSchema, OutlineNodeViewSchema]),
});
sameShape<Same<Static<typeof SplitNodeResultSchema>, SplitNodeResult>>();

export const MergeNodesRequestSchema = Type.Object(
  { ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 2, maxItems: 50 }) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof MergeNodesRequestSchema>, MergeNodesRequest>>();

export const StopTargetRequestSchema = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000, description: "中止原因 / why it is stopped" }) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof StopTargetRequestSchema>, StopTargetRequest>>();

export const deletePlanSchema = {
  summary: "删除草稿计划及其全部内容 / delete a draft plan and everything of it",
  tags: ["plans"],
  params: IdParams,
  response: { 204: Type.Null(), ...errorResponses },
};

export const archivePlanSchema = {
  summary: "归档已发布的计划（不再修改、填报） / archive a published plan: no more edits or reports",
  tags: ["plans"],
  params: IdParams,
  response: { 200: PlanSummarySchema, ...errorResponses },
};

export const addTaskSchema = {
  summary: "从选中的原文添加任务 / add a task from a span of the source text",
  tags: ["outline"],
  params: IdParams,
  body: AddTaskRequestSchema,
  response: { 201: OutlineNodeViewSchema, ...errorResponses },
};

export const splitNodeSchema = {
  summary: "拆分草稿中的任务 / split a draft's task in two",
  tags: ["outline"],
  params: IdParams,
  body: SplitNodeRequestSchema,
  response: { 200: SplitNodeResultSchema, ...errorResponses },
};

export const mergeNodesSchema = {
  summary: "合并同一标题下相邻的任务 / merge adjacent tasks under one heading",
  tags: ["outline"],
  body: MergeNodesRequestSchema,
  response: { 200: OutlineNodeViewSchema, ...errorResponses },
};

export const deleteNodeSchema = {
  summary: "删除草稿中的任务（其指标归上级标题） / delete a draft's task (its targets go to the heading)",
  tags: ["outline"],
  params: IdParams,
  response: { 204: Type.Null(), ...errorResponses },
};

export const deleteTargetSchema = {
  summary: "删除草稿中的指标 / delete a draft's target",
  tags: ["targets"],
  params: IdParams,
  response: { 204: Type.Null(), ...errorResponses },
};

export const stopTargetSchema = {
  summary: "中止已发布计划中的指标（保留，不再填报） / stop a published plan's target: kept, no more reports",
  tags: ["targets"],
  params: IdParams,
  body: StopTargetRequestSchema,
  response: { 200: TargetViewSchema, ...errorResponses },
};
