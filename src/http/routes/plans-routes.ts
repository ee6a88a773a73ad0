import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { planDetail, planList, planSource } from "../../services/plan-queries.ts";
import { publishPlan } from "../../services/plan-review.ts";
import { listPlansSchema, planDetailSchema, planSourceSchema, publishPlanSchema } from "./plans-schemas.ts";
import { actorOf, type RouteDeps } from "./route-deps.ts";

export const plansRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get("/api/plans", { schema: listPlansSchema }, async () => planList(db));

  app.get("/api/plans/:id", { schema: planDetailSchema }, async (request) =>
    planDetail(db, request.params.id),
  );

  app.get("/api/plans/:id/source", { schema: planSourceSchema }, async (request) =>
    planSource(db, request.params.id),
  );

  app.post("/api/plans/:id/publish", { schema: publishPlanSchema }, async (request) =>
    publishPlan(db, actorOf(request), request.params.id),
  );
};
