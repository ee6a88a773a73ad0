import { type Static, Type } from "@sinclair/typebox";
import type {
  BulkTargetsRequest,
  BulkTargetsResult,
  ManualTargetRequest,
  MergeTargetsRequest,
  SplitTargetRequest,
  SplitTargetResult,
  TargetPatchRequest,
} from "../../contract/targets.ts";
import { type Same, sameShape } from "../type-check.ts";
import {
  errorResponses,
  IdParams,
  ManualTargetSchema,
  TargetPatchSchema,
  TargetViewSchema,
} from "./common-schemas.ts";

sameShape<Same<Static<typeof ManualTargetSchema>, ManualTargetRequest>>();

export const SplitTargetRequestSchema = Type.Object(
  {
    at: Type.Integer({
      minimum: 1,
      description: "原文位置：第二个指标从这里开始 / source offset where the second part starts",
    }),
    first: Type.Optional(TargetPatchSchema),
    second: Type.Optional(TargetPatchSchema),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof SplitTargetRequestSchema>, SplitTargetRequest>>();

export const SplitTargetResultSchema = Type.Object({
  targets: Type.Tuple([TargetViewSchema, TargetViewSchema]),
});
sameShape<Same<Static<typeof SplitTargetResultSchema>, SplitTargetResult>>();

export const MergeTargetsRequestSchema = Type.Object(
  {
    ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 2, maxItems: 50 }),
    patch: Type.Optional(TargetPatchSchema),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof MergeTargetsRequestSchema>, MergeTargetsRequest>>();

export const BulkTargetsRequestSchema = Type.Object(
  {
    changes: Type.Array(
      Type.Object(
        { id: Type.Integer({ minimum: 1 }), patch: TargetPatchSchema },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof BulkTargetsRequestSchema>, BulkTargetsRequest>>();

export const BulkTargetsResultSchema = Type.Object({ targets: Type.Array(TargetViewSchema) });
sameShape<Same<Static<typeof BulkTargetsResultSchema>, BulkTargetsResult>>();

const tags = ["targets"];

export const bulkTargetsSchema = {
  summary:
    "批量修改本计划的指标（全部成功或全部不变） / change many targets of the plan at once, all or nothing",
  tags,
  params: IdParams,
  body: BulkTargetsRequestSchema,
  response: { 200: BulkTargetsResultSchema, ...errorResponses },
};

/** A correction, and the confirmation of a value far from the one the text states. */
export const TargetPatchRequestSchema = Type.Object(
  {
    ...TargetPatchSchema.properties,
    confirm: Type.Optional(Type.Boolean()),
    confirmReason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof TargetPatchRequestSchema>, TargetPatchRequest>>();

export const patchTargetSchema = {
  summary: "修改指标 / correct a target",
  tags,
  params: IdParams,
  body: TargetPatchRequestSchema,
  response: { 200: TargetViewSchema, ...errorResponses },
};

export const splitTargetSchema = {
  summary: "拆分指标 / split a target in two at a source offset",
  tags,
  params: IdParams,
  body: SplitTargetRequestSchema,
  response: { 200: SplitTargetResultSchema, ...errorResponses },
};

export const mergeTargetsSchema = {
  summary: "合并指标 / merge targets into one",
  tags,
  body: MergeTargetsRequestSchema,
  response: { 200: TargetViewSchema, ...errorResponses },
};

export const manualTargetSchema = {
  summary: "从选中的原文添加指标 / add a target the extractor missed, from a text span",
  tags,
  params: IdParams,
  body: ManualTargetSchema,
  response: { 201: TargetViewSchema, ...errorResponses },
};
