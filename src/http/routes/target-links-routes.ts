import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { linkTargets, unlinkTarget } from "../../services/target-links.ts";
import { actorOf, type RouteDeps } from "./route-deps.ts";
import { linkTargetsSchema, unlinkTargetSchema } from "./target-links-schemas.ts";

export const targetLinksRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.post("/api/targets/:id/links", { schema: linkTargetsSchema }, async (request) =>
    linkTargets(db, actorOf(request), request.params.id, request.body),
  );
  app.delete("/api/targets/:id/links/:childId", { schema: unlinkTargetSchema }, async (request) =>
    unlinkTarget(db, actorOf(request), request.params.id, request.params.childId),
  );
};
