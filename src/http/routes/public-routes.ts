import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { publicPlanDetail, publicPlanList } from "../../services/public-plans.ts";
import { publicPlanSchema, publicPlansSchema } from "./public-schemas.ts";
import type { RouteDeps } from "./route-deps.ts";

export const publicRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get("/api/public/plans", { schema: publicPlansSchema }, async () => publicPlanList(db));

  app.get("/api/public/plans/:id", { schema: publicPlanSchema }, async (request) =>
    publicPlanDetail(db, request.params.id),
  );
};
