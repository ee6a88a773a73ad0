import { type Static, Type } from "@sinclair/typebox";
import type { NodePatch } from "../../contract/plans.ts";
import { type Same, sameShape } from "../type-check.ts";
import { errorResponses, IdParams, Nullable, OutlineKind, OutlineNodeViewSchema } from "./common-schemas.ts";

export const NodePatchSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    kind: Type.Optional(OutlineKind),
    leadDepartmentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    coDepartmentIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100 })),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof NodePatchSchema>, NodePatch>>();

export const patchNodeSchema = {
  summary: "修改提纲节点（标题、类型、牵头与配合单位） / correct an outline node",
  tags: ["outline"],
  params: IdParams,
  body: NodePatchSchema,
  response: { 200: OutlineNodeViewSchema, ...errorResponses },
};
