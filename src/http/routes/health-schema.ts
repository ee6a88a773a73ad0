import { type Static, Type } from "@sinclair/typebox";
import type { HealthResponse } from "../api-types.ts";
import { type Same, sameShape } from "../type-check.ts";
import { errorResponses } from "./common-schemas.ts";

export const HealthResponseSchema = Type.Object({
  status: Type.Literal("ok"),
  version: Type.String(),
  database: Type.Union([Type.Literal("sqlite"), Type.Literal("postgres")]),
});
sameShape<Same<Static<typeof HealthResponseSchema>, HealthResponse>>();

export const healthSchema = {
  summary: "服务与数据库是否正常 / service and database health",
  tags: ["system"],
  response: { 200: HealthResponseSchema, ...errorResponses },
};
