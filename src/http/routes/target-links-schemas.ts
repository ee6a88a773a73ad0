import { type Static, Type } from "@sinclair/typebox";
import type { TargetLinksRequest, TargetLinksView } from "../../contract/links.ts";
import { type Same, sameShape } from "../type-check.ts";
import { errorResponses, IdParams } from "./common-schemas.ts";
import { LinkedTargetRefSchema } from "./reporting-schemas.ts";

const TargetLinksRequestSchema = Type.Object(
  { childTargetIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 200 }) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof TargetLinksRequestSchema>, TargetLinksRequest>>();

const TargetLinksViewSchema = Type.Object({
  targetId: Type.Integer(),
  children: Type.Array(LinkedTargetRefSchema),
});
sameShape<Same<Static<typeof TargetLinksViewSchema>, TargetLinksView>>();

const tags = ["status"];

export const linkTargetsSchema = {
  summary:
    "关联区级指标到市级指标（同单位、同类型、下级区划） / link district targets (same unit and kind, regions under the city's) to a city target",
  tags,
  params: IdParams,
  body: TargetLinksRequestSchema,
  response: { 200: TargetLinksViewSchema, ...errorResponses },
};

export const unlinkTargetSchema = {
  summary: "取消关联 / unlink a district target",
  tags,
  params: Type.Object({ id: Type.Integer({ minimum: 1 }), childId: Type.Integer({ minimum: 1 }) }),
  response: { 200: TargetLinksViewSchema, ...errorResponses },
};
