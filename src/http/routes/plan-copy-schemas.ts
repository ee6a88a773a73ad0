import { type Static, Type } from "@sinclair/typebox";
import type { CopyPlanRequest } from "../../contract/plans.ts";
import { type Same, sameShape } from "../type-check.ts";
import { errorResponses, IdParams, PlanSummarySchema } from "./common-schemas.ts";

export const CopyPlanRequestSchema = Type.Object(
  { year: Type.Integer({ minimum: 1949, maximum: 2200, description: "新计划的年份 / the new plan's year" }) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof CopyPlanRequestSchema>, CopyPlanRequest>>();

export const copyPlanSchema = {
  summary:
    "复制计划到另一年份（新草稿，无报告） / copy a plan to another year: a new draft with the same outline, targets, items and departments, no reports",
  tags: ["plans"],
  params: IdParams,
  body: CopyPlanRequestSchema,
  response: { 201: PlanSummarySchema, ...errorResponses },
};
