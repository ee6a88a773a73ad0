import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { pingDatabase } from "../../db/health-repository.ts";
import { healthSchema } from "./health-schema.ts";
import type { RouteDeps } from "./route-deps.ts";

export const healthRoute: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  app.get("/api/health", { schema: healthSchema }, async () => {
    await pingDatabase(deps.db);
    return { status: "ok" as const, version: deps.version, database: deps.dialect };
  });
};
