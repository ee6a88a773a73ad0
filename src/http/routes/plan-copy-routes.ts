import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { copyPlan } from "../../services/plan-copy.ts";
import { copyPlanSchema } from "./plan-copy-schemas.ts";
import { actorOf, type RouteDeps } from "./route-deps.ts";

export const planCopyRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.post("/api/plans/:id/copy", { schema: copyPlanSchema }, async (request, reply) => {
    const summary = await copyPlan(db, actorOf(request), request.params.id, request.body);
    return reply.status(201).send(summary);
  });
};
