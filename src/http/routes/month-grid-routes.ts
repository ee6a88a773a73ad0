import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { monthGrid, myReports } from "../../services/month-grid.ts";
import { saveMonthGrid } from "../../services/month-grid-save.ts";
import { getMonthGridSchema, myReportsSchema, saveMonthGridSchema } from "./month-grid-schemas.ts";
import { actorOf, principalOf, type RouteDeps } from "./route-deps.ts";

export const monthGridRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  app.get("/api/me/grid", { schema: getMonthGridSchema }, async (request) =>
    monthGrid(db, principalOf(request), request.query.month),
  );
  app.put("/api/me/grid/:month", { schema: saveMonthGridSchema }, async (request) =>
    saveMonthGrid(db, actorOf(request), principalOf(request), request.params.month, request.body),
  );
  app.get("/api/me/reports", { schema: myReportsSchema }, async (request) =>
    myReports(db, principalOf(request), request.query),
  );
};
