import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { patchNode } from "../../services/plan-review.ts";
import { patchNodeSchema } from "./nodes-schemas.ts";
import { actorOf, type RouteDeps } from "./route-deps.ts";

export const nodesRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.patch("/api/nodes/:id", { schema: patchNodeSchema }, async (request) =>
    patchNode(db, actorOf(request), request.params.id, request.body),
  );
};
