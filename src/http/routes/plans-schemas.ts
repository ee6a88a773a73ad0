import { type Static, Type } from "@sinclair/typebox";
import type { PlanDetail, PlanSource } from "../../contract/plans.ts";
import { type Same, sameShape } from "../type-check.ts";
import {
  DepartmentRefSchema,
  errorResponses,
  IdParams,
  ItemViewSchema,
  OutlineNodeViewSchema,
  PlanSummarySchema,
  TargetViewSchema,
} from "./common-schemas.ts";

export const PlanDetailSchema = Type.Object({
  plan: PlanSummarySchema,
  outline: Type.Array(OutlineNodeViewSchema),
  targets: Type.Array(TargetViewSchema),
  items: Type.Array(ItemViewSchema),
  departments: Type.Array(DepartmentRefSchema),
});
sameShape<Same<Static<typeof PlanDetailSchema>, PlanDetail>>();

export const PlanSourceSchema = Type.Object({
  planId: Type.Integer(),
  fileName: Type.String(),
  encoding: Type.String(),
  sha256: Type.String(),
  text: Type.String(),
});
sameShape<Same<Static<typeof PlanSourceSchema>, PlanSource>>();

const tags = ["plans"];

export const listPlansSchema = {
  summary: "计划列表 / all plans, newest first, with counts",
  tags,
  response: { 200: Type.Array(PlanSummarySchema), ...errorResponses },
};

export const planDetailSchema = {
  summary: "计划详情：提纲、指标、事项 / a plan with its outline, targets and items",
  tags,
  params: IdParams,
  response: { 200: PlanDetailSchema, ...errorResponses },
};

export const planSourceSchema = {
  summary: "计划原文 / the plan's source text (spans index into it)",
  tags,
  params: IdParams,
  response: { 200: PlanSourceSchema, ...errorResponses },
};

export const publishPlanSchema = {
  summary: "发布计划（草稿 → 已发布） / publish a draft plan",
  tags,
  params: IdParams,
  response: { 200: PlanSummarySchema, ...errorResponses },
};
