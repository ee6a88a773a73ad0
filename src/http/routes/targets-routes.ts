import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  addManualTarget,
  bulkPatchTargets,
  mergeTargets,
  patchTarget,
  splitTarget,
} from "../../services/plan-review.ts";
import { actorOf, type RouteDeps } from "./route-deps.ts";
import {
  bulkTargetsSchema,
  manualTargetSchema,
  mergeTargetsSchema,
  patchTargetSchema,
  splitTargetSchema,
} from "./targets-schemas.ts";

export const targetsRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, extract }) => {
  app.patch("/api/targets/:id", { schema: patchTargetSchema }, async (request) =>
    patchTarget(db, actorOf(request), request.params.id, request.body),
  );

  app.patch("/api/plans/:id/targets", { schema: bulkTargetsSchema }, async (request) =>
    bulkPatchTargets(db, actorOf(request), request.params.id, request.body),
  );

  app.post("/api/targets/:id/split", { schema: splitTargetSchema }, async (request) => ({
    targets: await splitTarget(db, actorOf(request), request.params.id, request.body),
  }));

  app.post("/api/targets/merge", { schema: mergeTargetsSchema }, async (request) =>
    mergeTargets(db, actorOf(request), request.body),
  );

  app.post("/api/plans/:id/targets", { schema: manualTargetSchema }, async (request, reply) => {
    const target = await addManualTarget(db, actorOf(request), request.params.id, request.body, extract);
    return reply.status(201).send(target);
  });
};
