import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { reviewReportsBulk } from "../../services/review-bulk.ts";
import { reviewBulkSchema } from "./review-bulk-schemas.ts";
import { actorOf, principalOf, type RouteDeps } from "./route-deps.ts";

export const reviewBulkRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  app.post("/api/plans/:id/reports/review-bulk", { schema: reviewBulkSchema }, async (request) =>
    reviewReportsBulk(deps.db, actorOf(request), principalOf(request), request.params.id, request.body),
  );
};
