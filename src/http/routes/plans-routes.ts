import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { canReadPlan } from "../../domain/access.ts";
import { regionScopeOf } from "../../services/access-facts.ts";
import { planDetail, planList, planSource } from "../../services/plan-queries.ts";
import { publishPlan } from "../../services/plan-review.ts";
import { setPublic } from "../../services/public-plans.ts";
import { listPlansSchema, planDetailSchema, planSourceSchema, publishPlanSchema } from "./plans-schemas.ts";
import { setPublicSchema } from "./public-schemas.ts";
import { actorOf, principalOf, type RouteDeps } from "./route-deps.ts";

export const plansRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  // Every signed-in user may list plans; each sees the ones the access rules let it read.
  app.get("/api/plans", { schema: listPlansSchema }, async (request) => {
    const user = principalOf(request);
    const scope = await regionScopeOf(db, user);
    return (await planList(db)).filter((p) =>
      canReadPlan(user, { regionId: p.regionId, state: p.state }, scope),
    );
  });

  app.get("/api/plans/:id", { schema: planDetailSchema }, async (request) =>
    planDetail(db, request.params.id),
  );

  app.get("/api/plans/:id/source", { schema: planSourceSchema }, async (request) =>
    planSource(db, request.params.id),
  );

  app.post("/api/plans/:id/publish", { schema: publishPlanSchema }, async (request) =>
    publishPlan(db, actorOf(request), request.params.id),
  );

  app.post("/api/plans/:id/public", { schema: setPublicSchema }, async (request) =>
    setPublic(db, actorOf(request), request.params.id, request.body.public),
  );
};
