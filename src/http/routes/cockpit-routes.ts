import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { planCockpit, targetTrend } from "../../services/cockpit.ts";
import { planCockpitSchema, targetTrendSchema } from "./cockpit-schemas.ts";
import { principalOf, type RouteDeps } from "./route-deps.ts";

export const cockpitRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  app.get("/api/plans/:id/cockpit", { schema: planCockpitSchema }, async (request) =>
    planCockpit(db, request.params.id, request.query.asOf, principalOf(request)),
  );
  app.get("/api/targets/:id/trend", { schema: targetTrendSchema }, async (request) =>
    targetTrend(db, request.params.id, request.query.asOf, principalOf(request)),
  );
};
