// Schema of bulk review (批量审核), checked against its interfaces in src/contract.

import { type Static, Type } from "@sinclair/typebox";
import type { BulkReviewRequest, BulkReviewResult } from "../../contract/review.ts";
import { type Same, sameShape } from "../type-check.ts";
import { errorResponses, IdParams } from "./common-schemas.ts";
import { ReportViewSchema } from "./reporting-schemas.ts";

const Action = Type.Union([Type.Literal("approve"), Type.Literal("return")]);

const BulkReviewRequestSchema = Type.Object(
  {
    action: Action,
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    reports: Type.Array(
      Type.Object(
        {
          id: Type.Integer({ minimum: 1 }),
          baseRevision: Type.Optional(Type.Integer({ minimum: 1 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof BulkReviewRequestSchema>, BulkReviewRequest>>();

const BulkReviewResultSchema = Type.Object({
  action: Action,
  reports: Type.Array(ReportViewSchema),
});
sameShape<Same<Static<typeof BulkReviewResultSchema>, BulkReviewResult>>();

export const reviewBulkSchema = {
  summary:
    "批量审核：全部通过或全部退回，任一不能审核则均不改动 / review several reports at once, all or nothing; details.errors names each refused report",
  tags: ["reports"],
  params: IdParams,
  body: BulkReviewRequestSchema,
  response: { 200: BulkReviewResultSchema, ...errorResponses },
};
