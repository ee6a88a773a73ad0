import { type Static, Type } from "@sinclair/typebox";
import type { HealthLiveResponse, HealthReadyResponse, HealthResponse } from "../../contract/health.ts";
import { type Same, sameShape } from "../type-check.ts";
import { errorResponses, Nullable } from "./common-schemas.ts";

const DatabaseKind = Type.Union([Type.Literal("sqlite"), Type.Literal("postgres")]);

export const HealthResponseSchema = Type.Object({
  status: Type.Literal("ok"),
  version: Type.String(),
  database: DatabaseKind,
});
sameShape<Same<Static<typeof HealthResponseSchema>, HealthResponse>>();

export const HealthLiveResponseSchema = Type.Object({
  status: Type.Literal("ok"),
  version: Type.String(),
  uptimeSeconds: Type.Number(),
});
sameShape<Same<Static<typeof HealthLiveResponseSchema>, HealthLiveResponse>>();

export const HealthReadyResponseSchema = Type.Object({
  status: Type.Union([Type.Literal("ready"), Type.Literal("not_ready")]),
  reason: Nullable(
    Type.String({
      description:
        "为何未就绪（按 x-plantrack-lang 的语言，默认中文） / why not ready, in the asker's language",
    }),
  ),
  version: Type.String(),
  database: DatabaseKind,
  migrations: Nullable(
    Type.Object({
      applied: Type.Array(Type.String()),
      pending: Type.Array(Type.String()),
      unknown: Type.Array(Type.String()),
    }),
  ),
});
sameShape<Same<Static<typeof HealthReadyResponseSchema>, HealthReadyResponse>>();

export const healthSchema = {
  summary: "服务与数据库是否正常 / service and database health",
  tags: ["system"],
  response: { 200: HealthResponseSchema, ...errorResponses },
};

export const healthLiveSchema = {
  summary: "存活检查：进程在应答 / liveness: the process answers (no database)",
  tags: ["system"],
  response: { 200: HealthLiveResponseSchema, ...errorResponses },
};

export const healthReadySchema = {
  summary:
    "就绪检查：数据库可用且已迁移到本版本；否则 503 并说明原因 / readiness: the database answers and is migrated to this version; else 503 with the reason",
  tags: ["system"],
  response: { 200: HealthReadyResponseSchema, 503: HealthReadyResponseSchema, ...errorResponses },
};
